// Stage: date expressions. German and English absolute dates keep the precision the text gives
// (28. Januar 2017 → 2017-01-28, im Juli 2018 → 2018-07, 2024 → 2024); relative ones (am Dienstag,
// last week, Ende der Woche, heute, on Monday, last March) are resolved against the publication date,
// towards the past, or towards the future for planned events. Without a publication date they stay null.
import type { Lang } from '../lexicon/lexicon.js';
import { unicodeBoundaries } from '../lexicon/triggers.js';
import { isSpaceCode } from '../nlp/tokenize.js';

export interface DateExpr {
  start: number;
  end: number;
  text: string;
  /** Absolute value when the text gives a year, else null. */
  absolute: string | null;
  /** Relative expression, resolved later against the publication date and the event's direction. */
  rel: RelDate | null;
}

type RelDate =
  | { k: 'day'; offset: number } // heute, gestern, morgen
  | { k: 'weekday'; wd: number; next: boolean; last: boolean }
  | { k: 'month'; month: number; day: number | null; last: boolean; next: boolean; dayPrecision: boolean }
  | { k: 'thisMonth'; offset: number } // earlier/later this month, last month, next month
  | { k: 'week'; offset: number; end: boolean } // last week, this week, Ende der Woche
  | { k: 'weekend'; offset: number }
  | { k: 'year'; offset: number };

const MONTHS: Record<string, number> = {
  januar: 1, jänner: 1, january: 1, jan: 1, februar: 2, february: 2, feb: 2, märz: 3, march: 3, mar: 3, mär: 3, april: 4, apr: 4,
  mai: 5, may: 5, juni: 6, june: 6, jun: 6, juli: 7, july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9,
  oktober: 10, october: 10, okt: 10, oct: 10, november: 11, nov: 11, dezember: 12, december: 12, dez: 12, dec: 12,
};
const WEEKDAYS: Record<string, number> = {
  sonntag: 0, montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, samstag: 6, sonnabend: 6,
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};

const M_DE = '(Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)';
const M_EN = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const WD_DE = '(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)';
const WD_EN = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

interface Pattern {
  re: RegExp;
  make: (m: RegExpExecArray) => { absolute: string | null; rel: RelDate | null };
  /** Word features the pattern needs (all of them), see wordFeatures. */
  need?: number;
}

// Token features of a sentence: a pattern is only tried when the sentence has every feature it needs.
const F_DIGIT = 1;
const F_MONTH = 2;
const F_WEEKDAY = 4;
const F_TODAY = 8;
const F_YESTERDAY = 16;
const F_TOMORROW = 32;
const F_DAYPART = 64;
const F_WEEK = 128;
const F_WEEKEND = 256;
const F_YEAR = 512;
const F_MONTHWORD = 1024;

const pad = (n: number) => String(n).padStart(2, '0');
const month = (s: string) => MONTHS[s.toLowerCase().replace(/\.$/, '')] ?? 0;

const PATTERNS: Record<Lang, Pattern[]> = {
  de: [
    { re: new RegExp(`\\b(\\d{1,2})\\.\\s*(?:und|bis|–|-)\\s*(\\d{1,2})\\.\\s*${M_DE}\\s+(\\d{4})\\b`, 'gu'), make: (m) => ({ absolute: `${m[4]}-${pad(month(m[3]))}`, rel: null }), need: F_MONTH | F_DIGIT },
    { re: new RegExp(`\\b(\\d{1,2})\\.\\s*${M_DE}\\s+(\\d{4})\\b`, 'gu'), make: (m) => ({ absolute: `${m[3]}-${pad(month(m[2]))}-${pad(+m[1])}`, rel: null }), need: F_MONTH | F_DIGIT },
    { re: /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/gu, make: (m) => ({ absolute: `${m[3]}-${pad(+m[2])}-${pad(+m[1])}`, rel: null }), need: F_DIGIT },
    { re: new RegExp(`\\b(\\d{1,2})\\.\\s*(?:und|bis|–|-)\\s*(\\d{1,2})\\.\\s*${M_DE}`, 'gu'), make: (m) => ({ absolute: null, rel: { k: 'month', month: month(m[3]), day: null, last: false, next: false, dayPrecision: false } }), need: F_MONTH | F_DIGIT },
    { re: new RegExp(`\\b(\\d{1,2})\\.\\s*${M_DE}`, 'gu'), make: (m) => ({ absolute: null, rel: { k: 'month', month: month(m[2]), day: +m[1], last: false, next: false, dayPrecision: true } }), need: F_MONTH | F_DIGIT },
    { re: new RegExp(`\\b(?:(?:Anfang|Mitte|Ende)\\s+)?${M_DE}\\s+(\\d{4})\\b`, 'gu'), make: (m) => ({ absolute: `${m[2]}-${pad(month(m[1]))}`, rel: null }), need: F_MONTH | F_DIGIT },
    { re: new RegExp(`\\b(vergangenen|letzten|kommenden|nächsten)?\\s*${M_DE}\\b`, 'gu'), make: (m) => ({ absolute: null, rel: { k: 'month', month: month(m[2]), day: null, last: !!m[1] && /vergangen|letzt/.test(m[1]), next: !!m[1] && /komm|nächst/.test(m[1]), dayPrecision: false } }), need: F_MONTH },
    { re: /\b(?:im\s+Jahr\s+|seit\s+)?((?:19|20)\d{2})\b/gu, make: (m) => ({ absolute: /^seit/.test(m[0]) ? null : m[1], rel: null }), need: F_DIGIT },
    { re: /\bheute\b/gu, make: () => ({ absolute: null, rel: { k: 'day', offset: 0 } }), need: F_TODAY },
    { re: /\bgestern\b/gu, make: () => ({ absolute: null, rel: { k: 'day', offset: -1 } }), need: F_YESTERDAY },
    { re: /\b(?<![Gg]uten\s)morgen\b/gu, make: () => ({ absolute: null, rel: { k: 'day', offset: 1 } }), need: F_TOMORROW },
    { re: /\b(?:[Aa]m|[Vv]om|[Bb]is)\s+(?:Vor|Nach)mittag\b/gu, make: () => ({ absolute: null, rel: { k: 'day', offset: 0 } }), need: F_DAYPART },
    { re: /\b(?:[Aa]m|[Hh]eute)\s+(?:Abend|Morgen|Mittag)\b/gu, make: () => ({ absolute: null, rel: { k: 'day', offset: 0 } }), need: F_DAYPART },
    { re: new RegExp(`\\b(kommenden|nächsten|vergangenen|letzten)?\\s*${WD_DE}(?:abend|nachmittag|vormittag|morgen|mittag)?\\b`, 'gu'), make: (m) => ({ absolute: null, rel: { k: 'weekday', wd: WEEKDAYS[m[2].toLowerCase()], next: !!m[1] && /komm|nächst/.test(m[1]), last: !!m[1] && /vergangen|letzt/.test(m[1]) } }), need: F_WEEKDAY },
    { re: /\b(?:Ende|Anfang|Mitte)\s+der\s+(Woche|kommenden Woche|nächsten Woche)\b/gu, make: (m) => ({ absolute: null, rel: { k: 'week', offset: /komm|nächst/.test(m[1]) ? 1 : 0, end: true } }), need: F_WEEK },
    { re: /\b(?:in\s+der\s+|)(vergangenen|letzten|kommenden|nächsten|dieser)\s+Woche\b/gu, make: (m) => ({ absolute: null, rel: { k: 'week', offset: /vergangen|letzt/.test(m[1]) ? -1 : /komm|nächst/.test(m[1]) ? 1 : 0, end: false } }), need: F_WEEK },
    { re: /\b(?:am|vom|übers?)\s+(vergangenen\s+|kommenden\s+)?Wochenende\b/gu, make: (m) => ({ absolute: null, rel: { k: 'weekend', offset: m[1] && /komm/.test(m[1]) ? 1 : -1 } }), need: F_WEEKEND },
    { re: /\b(?:noch\s+)?in\s+diesem\s+Jahr\b|\bdieses\s+Jahr(?:es)?\b/gu, make: () => ({ absolute: null, rel: { k: 'year', offset: 0 } }), need: F_YEAR },
    { re: /\b(?:im\s+)?(vergangenen|letzten|kommenden|nächsten)\s+Jahr\b/gu, make: (m) => ({ absolute: null, rel: { k: 'year', offset: /vergangen|letzt/.test(m[1]) ? -1 : 1 } }), need: F_YEAR },
    { re: /\b(?:im\s+)?(vergangenen|letzten|kommenden|nächsten|diesem)\s+Monat\b/gu, make: (m) => ({ absolute: null, rel: { k: 'thisMonth', offset: /vergangen|letzt/.test(m[1]) ? -1 : /komm|nächst/.test(m[1]) ? 1 : 0 } }), need: F_MONTHWORD },
  ],
  en: [
    { re: new RegExp(`\\b${M_EN}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gu'), make: (m) => ({ absolute: `${m[3]}-${pad(month(m[1]))}-${pad(+m[2])}`, rel: null }), need: F_MONTH | F_DIGIT },
    { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${M_EN}\\s+(\\d{4})\\b`, 'gu'), make: (m) => ({ absolute: `${m[3]}-${pad(month(m[2]))}-${pad(+m[1])}`, rel: null }), need: F_MONTH | F_DIGIT },
    { re: new RegExp(`\\b(?:(?:early|mid|late|mid-)\\s*)?${M_EN}\\s+(\\d{4})\\b`, 'gu'), make: (m) => ({ absolute: `${m[2]}-${pad(month(m[1]))}`, rel: null }), need: F_MONTH | F_DIGIT },
    { re: new RegExp(`\\b${M_EN}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!:)`, 'gu'), make: (m) => ({ absolute: null, rel: { k: 'month', month: month(m[1]), day: +m[2], last: false, next: false, dayPrecision: true } }), need: F_MONTH | F_DIGIT },
    { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${M_EN}\\b`, 'gu'), make: (m) => ({ absolute: null, rel: { k: 'month', month: month(m[2]), day: +m[1], last: false, next: false, dayPrecision: true } }), need: F_MONTH | F_DIGIT },
    { re: new RegExp(`\\b(last|next|this|early|late|in|since|until|by)\\s+${M_EN}\\b`, 'gu'), make: (m) => ({ absolute: null, rel: { k: 'month', month: month(m[2]), day: null, last: m[1] === 'last', next: m[1] === 'next', dayPrecision: false } }), need: F_MONTH },
    { re: /(?<!\b(?:since|until|till)\s)\b(?:in\s+)?((?:19|20)\d{2})\b/gu, make: (m) => ({ absolute: m[1], rel: null }), need: F_DIGIT },
    { re: /\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b/giu, make: () => ({ absolute: null, rel: { k: 'day', offset: 0 } }), need: F_TODAY },
    { re: /\b(?:yesterday|last\s+night)\b/giu, make: () => ({ absolute: null, rel: { k: 'day', offset: -1 } }), need: F_YESTERDAY },
    { re: /\btomorrow\b/giu, make: () => ({ absolute: null, rel: { k: 'day', offset: 1 } }), need: F_TOMORROW },
    { re: new RegExp(`\\b(last|next|this|coming)?\\s*${WD_EN}(?:['’]s)?(?:\\s+(?:morning|afternoon|evening|night))?\\b`, 'gu'), make: (m) => ({ absolute: null, rel: { k: 'weekday', wd: WEEKDAYS[m[2].toLowerCase()], next: m[1] === 'next' || m[1] === 'coming', last: m[1] === 'last' } }), need: F_WEEKDAY },
    { re: /\b(earlier|later)\s+this\s+month\b|\bthis\s+month\b/giu, make: () => ({ absolute: null, rel: { k: 'thisMonth', offset: 0 } }), need: F_MONTHWORD },
    { re: /\b(last|next)\s+month\b/giu, make: (m) => ({ absolute: null, rel: { k: 'thisMonth', offset: m[1].toLowerCase() === 'last' ? -1 : 1 } }), need: F_MONTHWORD },
    { re: /\b(last|next|this)\s+week\b|\bend\s+of\s+(?:the|this)\s+week\b/giu, make: (m) => ({ absolute: null, rel: { k: 'week', offset: (m[1] ?? '').toLowerCase() === 'last' ? -1 : (m[1] ?? '').toLowerCase() === 'next' ? 1 : 0, end: /end/i.test(m[0]) } }), need: F_WEEK },
    { re: /\b(?:(last|next|this)\s+|(?:on|over)\s+the\s+)weekend\b/giu, make: (m) => ({ absolute: null, rel: { k: 'weekend', offset: (m[1] ?? '').toLowerCase() === 'next' ? 1 : -1 } }), need: F_WEEKEND },
    { re: /\b(?:earlier\s+|later\s+)?this\s+year\b/giu, make: () => ({ absolute: null, rel: { k: 'year', offset: 0 } }), need: F_YEAR },
    { re: /\b(last|next)\s+year\b/giu, make: (m) => ({ absolute: null, rel: { k: 'year', offset: m[1].toLowerCase() === 'last' ? -1 : 1 } }), need: F_YEAR },
  ],
};

for (const lang of ['de', 'en'] as Lang[]) {
  for (const p of PATTERNS[lang]) p.re = new RegExp(unicodeBoundaries(p.re.source), p.re.flags);
}

// Cheap pre-check: no digit and no date word → no date expression.
const MAYBE_DATE = new RegExp(
  unicodeBoundaries('\\d|\\b(?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|heute|gestern|morgen|today|tonight|yesterday|tomorrow|woche|wochenende|week|weekend|jahr|year|monat|month|vormittag|nachmittag|abend|mittag|night|this morning|this afternoon|this evening)'),
  'iu',
);

const FEATURE_WORDS: Record<string, number> = {};
for (const m of Object.keys(MONTHS)) FEATURE_WORDS[normalize(m)] = F_MONTH;
for (const w of ['heute', 'today', 'tonight', 'this']) FEATURE_WORDS[w] = F_TODAY;
for (const w of ['gestern', 'yesterday']) FEATURE_WORDS[w] = F_YESTERDAY;
for (const w of ['morgen', 'tomorrow']) FEATURE_WORDS[w] = F_TOMORROW;
for (const w of ['vormittag', 'nachmittag', 'abend', 'mittag']) FEATURE_WORDS[w] = F_DAYPART;
FEATURE_WORDS.morgen |= F_DAYPART;
FEATURE_WORDS.night = F_YESTERDAY;
for (const w of ['woche', 'week']) FEATURE_WORDS[w] = F_WEEK;
for (const w of ['wochenende', 'weekend']) FEATURE_WORDS[w] = F_WEEKEND;
for (const w of ['jahr', 'jahres', 'year']) FEATURE_WORDS[w] = F_YEAR;
for (const w of ['monat', 'month']) FEATURE_WORDS[w] = F_MONTHWORD;
const WEEKDAY_STEMS = Object.keys(WEEKDAYS).map(normalize);

function normalize(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Date features of one word (a token norm: lower case, no accents); a sentence's features are those of its words. */
export function wordFeatures(n: string): number {
  const c = n.charCodeAt(0);
  if (c >= 48 && c <= 57) return F_DIGIT;
  let f = FEATURE_WORDS[n] ?? 0;
  // weekdays with a part of the day ("Dienstagabend")
  if (n.length >= 6) for (const d of WEEKDAY_STEMS) if (n.startsWith(d)) f |= F_WEEKDAY;
  return f;
}

/** All date expressions in a sentence, non-overlapping, earlier patterns first. `features` (wordFeatures of its words) skips patterns that cannot match. */
export function findDates(lang: Lang, sentence: string, offset: number, features?: number): DateExpr[] {
  const out: DateExpr[] = [];
  if (features === undefined ? !MAYBE_DATE.test(sentence) : features === 0) return out;
  const used: [number, number][] = [];
  for (const p of PATTERNS[lang]) {
    if (features !== undefined && p.need && (features & p.need) !== p.need) continue;
    p.re.lastIndex = 0;
    for (let m = p.re.exec(sentence); m; m = p.re.exec(sentence)) {
      let a = m.index;
      const b = a + m[0].length;
      while (a < b && isSpaceCode(sentence.charCodeAt(a))) a++;
      if (used.some(([x, y]) => a < y && b > x)) continue;
      // times (18:40), numbers that are counts (30-tägigen), ordinals of non-dates are not dates
      if (/^\d{4}$/.test(m[0].trim()) && /[\d.,:-]$/.test(sentence.slice(0, a).trimEnd().slice(-1)) && !/\s$/.test(sentence.slice(0, a))) continue;
      const r = p.make(m);
      if (r.absolute === null && r.rel === null) continue;
      used.push([a, b]);
      out.push({ start: offset + a, end: offset + b, text: sentence.slice(a, b), absolute: r.absolute, rel: r.rel });
    }
  }
  if (out.length > 1) out.sort((x, y) => x.start - y.start);
  return out;
}

function toDate(s: string): Date {
  return new Date(`${s}T12:00:00Z`);
}
function fmt(d: Date, precision: 'day' | 'month' | 'year'): string {
  const y = d.getUTCFullYear();
  if (precision === 'year') return String(y);
  const mo = `${y}-${pad(d.getUTCMonth() + 1)}`;
  return precision === 'month' ? mo : `${mo}-${pad(d.getUTCDate())}`;
}
function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86_400_000);
}

/** Resolve an expression; `future` for planned events (am Samstag → the coming Saturday). */
export function resolveDate(e: DateExpr, published: string | null, future: boolean): string | null {
  if (e.absolute) return e.absolute;
  const r = e.rel;
  if (!r || !published || published.length < 10) {
    // month-precision publication dates still resolve month/year expressions
    if (r && published && published.length >= 7 && (r.k === 'thisMonth' || r.k === 'year')) {
      const d = toDate(`${published.slice(0, 7)}-15`);
      if (r.k === 'year') return String(d.getUTCFullYear() + r.offset);
      const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + r.offset, 15));
      return fmt(m, 'month');
    }
    return null;
  }
  const p = toDate(published);
  switch (r.k) {
    case 'day':
      return fmt(addDays(p, r.offset), 'day');
    case 'weekday': {
      const cur = p.getUTCDay();
      if (future || r.next) {
        let diff = (r.wd - cur + 7) % 7;
        // the publication weekday itself is today ("am Donnerstag will er …" in a Thursday paper); "next Thursday" is a week on
        if (diff === 0) diff = r.next ? 7 : 0;
        return fmt(addDays(p, diff), 'day');
      }
      let diff = (cur - r.wd + 7) % 7;
      if (r.last && diff === 0) diff = 7;
      return fmt(addDays(p, -diff), 'day');
    }
    case 'month': {
      const py = p.getUTCFullYear();
      const pm = p.getUTCMonth() + 1;
      let y = py;
      if (r.next || (future && !r.last)) {
        if (r.month < pm || (r.next && r.month === pm)) y = py + 1;
      } else if (r.month > pm || (r.last && r.month === pm)) y = py - 1;
      else if (r.month === pm && r.day && r.day > p.getUTCDate() && !future) y = py - 1;
      if (r.dayPrecision && r.day) return `${y}-${pad(r.month)}-${pad(r.day)}`;
      return `${y}-${pad(r.month)}`;
    }
    case 'thisMonth': {
      const m = new Date(Date.UTC(p.getUTCFullYear(), p.getUTCMonth() + r.offset, 15));
      return fmt(m, 'month');
    }
    case 'week': {
      // Monday of the target week
      const monday = addDays(p, -((p.getUTCDay() + 6) % 7) + 7 * r.offset);
      return fmt(r.end ? addDays(monday, 4) : r.offset === 0 ? p : monday, 'month');
    }
    case 'weekend': {
      const sat = r.offset > 0 ? addDays(p, (6 - p.getUTCDay() + 7) % 7 || 7) : addDays(p, -((p.getUTCDay() + 1) % 7 || 7));
      return fmt(sat, 'month');
    }
    case 'year':
      return String(p.getUTCFullYear() + r.offset);
  }
}

/** A header/dateline publication date in the first lines of the text, for articles without metadata. */
export function findHeaderDate(lang: Lang, text: string): string | null {
  const head = text.split('\n').slice(0, 8);
  let seenBody = false;
  for (const line of head) {
    const l = line.trim();
    if (!l) continue;
    const short = l.length <= 90;
    const dateline = /^[\p{Lu}][\p{Lu}\p{L} .,'’-]{1,40},\s/u.test(l) && /[—–-]\s/.test(l.slice(0, 80));
    if (!short && !dateline) {
      seenBody = true;
      if (seenBody && !dateline) break;
    }
    for (const lg of [lang, lang === 'de' ? 'en' : 'de'] as Lang[]) {
      const found = findDates(lg, dateline ? l.slice(0, 60) : l, 0).find((d) => d.absolute && d.absolute.length === 10);
      if (found) return found.absolute;
    }
  }
  return null;
}
