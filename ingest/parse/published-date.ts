// Publication dates as printed in a header, dateline or metadata field, normalised to YYYY, YYYY-MM or YYYY-MM-DD.
// Only dates that print a year count: "Feb 28 (Reuters)" alone is no publication date.
import { isPartialDate } from '../../src/domain/date-range.js';

const MONTHS: Readonly<Record<string, number>> = {
  // German
  januar: 1, jänner: 1, jaenner: 1, februar: 2, märz: 3, maerz: 3, april: 4, mai: 5, juni: 6, juli: 7,
  august: 8, september: 9, oktober: 10, november: 11, dezember: 12,
  // English
  january: 1, february: 2, march: 3, may: 5, june: 6, july: 7, october: 10, december: 12,
  // Abbreviations shared by both languages (matched with an optional trailing dot)
  jan: 1, feb: 2, mär: 3, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, okt: 10, oct: 10, nov: 11,
  dez: 12, dec: 12,
};
const MONTH = `(${Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|')})\\.?`;
const DAY = '(\\d{1,2})';
const YEAR = '(\\d{4})';

type DateMatch = { index: number; end: number; value: string };

/** Each pattern turns its groups into [year, month, day]. */
const DATE_PATTERNS: ReadonlyArray<{ re: RegExp; ymd: (g: string[]) => [string, string | number, string] }> = [
  // 2025-03-18 (also the date part of an ISO date-time)
  { re: /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/giu, ymd: (g) => [g[1], g[2], g[3]] },
  // 18.03.2025 (German numeric)
  { re: new RegExp(`(?<![\\d.])${DAY}\\.(\\d{1,2})\\.${YEAR}(?!\\d)`, 'giu'), ymd: (g) => [g[3], g[2], g[1]] },
  // 18. März 2025
  { re: new RegExp(`(?<!\\d)${DAY}\\.\\s*${MONTH}\\s+${YEAR}(?!\\d)`, 'giu'), ymd: (g) => [g[3], monthNumber(g[2]), g[1]] },
  // March 18, 2025 / Feb. 28 2025
  { re: new RegExp(`(?<!\\p{L})${MONTH}\\s+${DAY}(?:st|nd|rd|th)?,?\\s+${YEAR}(?!\\d)`, 'giu'), ymd: (g) => [g[3], monthNumber(g[1]), g[2]] },
  // 18 March 2025 / 18th March, 2025
  { re: new RegExp(`(?<!\\d)${DAY}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+${YEAR}(?!\\d)`, 'giu'), ymd: (g) => [g[3], monthNumber(g[2]), g[1]] },
];

function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase()] ?? 0;
}

function toIso(year: string, month: string | number, day: string): string | null {
  const value = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isPartialDate(value) ? value : null;
}

/** All valid full dates in a line, earliest first. */
function datesIn(line: string): DateMatch[] {
  const found: DateMatch[] = [];
  for (const { re, ymd } of DATE_PATTERNS) {
    for (const m of line.matchAll(re)) {
      const value = toIso(...ymd(m));
      if (value) found.push({ index: m.index ?? 0, end: (m.index ?? 0) + m[0].length, value });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** A structured date value (JSON field, HTML meta, front matter) → normalised date, or null if unrecognised. */
export function normalizePublished(value: string): string | null {
  const v = value.trim();
  // ISO-like, including date-times: keep the date as printed (no time-zone shift).
  const iso = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?=$|[T\s])/.exec(v);
  if (iso) {
    const out = [iso[1], iso[2]?.padStart(2, '0'), iso[3]?.padStart(2, '0')].filter(Boolean).join('-');
    return isPartialDate(out) ? out : null;
  }
  const [first] = datesIn(v);
  if (first) return first.value;
  const monthYear = new RegExp(`^${MONTH}\\s+${YEAR}$`, 'iu').exec(v);
  if (monthYear) {
    const out = `${monthYear[2]}-${String(monthNumber(monthYear[1])).padStart(2, '0')}`;
    return isPartialDate(out) ? out : null;
  }
  return null;
}

/** Header lines are short; a longer line is body text (or a dateline opening it). */
export const MAX_HEADER_LINE_CHARS = 100;
/** How many non-empty lines after the title count as the header. */
export const MAX_HEADER_LINES = 4;
/** What may follow a header date on its line: a time, "Uhr", a time zone ("04.11.2022, 17:05 Uhr"). */
const AFTER_HEADER_DATE = /^[\s,|·•–—-]*(?:\d{1,2}[:.]\d{2}(?:\s*(?:Uhr|[ap]\.?\s?m\.?|h))?(?:\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?)?)?[\s,.|·•–—-]*$/iu;
/** A dateline opening the first paragraph: "MOSCOW, June 18, 2024 — …", "Berlin, 4. März 2025 (dpa) - …". */
const DATELINE = /^(\p{Lu}[^\n]{0,60}?)\s*(?:\([^)\n]{1,30}\)\s*)?(?:—|–|--|-)\s/u;

/** A header line that is only a month and year ("Stand: März 2025") → YYYY-MM. */
const HEADER_MONTH_YEAR = new RegExp(`^(?:[\\p{L} ]{1,20}:\\s*)?${MONTH}\\s+${YEAR}$`, 'iu');

/**
 * The publication date printed in a text's header: a short line among the first lines after the title whose
 * date ends the line (up to a time of day), or a dateline opening the first body paragraph.
 */
export function findHeaderDate(lines: readonly string[]): string | null {
  let seen = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const dateline = DATELINE.exec(line);
    const fromDateline = dateline ? datesIn(dateline[1])[0]?.value : undefined;
    if (fromDateline) return fromDateline;
    if (line.length > MAX_HEADER_LINE_CHARS) return null;
    for (const d of datesIn(line)) {
      if (AFTER_HEADER_DATE.test(line.slice(d.end))) return d.value;
    }
    const monthYear = HEADER_MONTH_YEAR.exec(line);
    if (monthYear) return normalizePublished(`${monthYear[1]} ${monthYear[2]}`);
    if (++seen >= MAX_HEADER_LINES) return null;
  }
  return null;
}

/** Words that may stand before a date on a line that is only a date ("Dienstag, 11. März 2025", "Stand: …"). */
const DATE_LABEL_WORDS = new Set([
  'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag', 'sonnabend',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'stand', 'veröffentlicht', 'aktualisiert', 'zuletzt', 'datum', 'am', 'vom',
  'published', 'updated', 'posted', 'last', 'date', 'on',
]);

/** The date of a line that holds nothing but a date (plus a label, weekday or time of day), else null. */
export function dateOnlyLine(line: string): string | null {
  const t = line.trim();
  if (t.length > MAX_HEADER_LINE_CHARS) return null;
  for (const d of datesIn(t)) {
    const words = t.slice(0, d.index).toLowerCase().match(/\p{L}+/gu) ?? [];
    if (words.every((w) => DATE_LABEL_WORDS.has(w)) && /^[\s,:|·•–—-]*$/u.test(t.slice(0, d.index).replace(/\p{L}+/gu, ''))) {
      if (AFTER_HEADER_DATE.test(t.slice(d.end))) return d.value;
    }
  }
  return null;
}
