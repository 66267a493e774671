// The news-aggregator export: a tag line of run-together words, the title, the body, then a metadata block
// (`Referenz N` + site lines, `Quellen gesamt` + counts). The block is not article text and is cut off.
import { InputError } from '../../../src/domain/errors.js';
import { contentStart, lineSpans, nextNonBlank, type LineSpan } from '../text-lines.js';
import type { FormatResult } from '../types.js';

/** One "word" of run-together tags, e.g. `HamburgHelsinkiMedienRusslandUkraine` or `G20Saudi-ArabienUSA`. */
const TAG_LINE = /^[\p{Lu}\p{N}][\p{L}\p{N}.&'’-]*$/u;
const REFERENCE_LINE = /^Referenz\s+\d+\s*$/iu;
const SOURCES_LINE = /^Quellen gesamt\b/iu;
/** A bare site or URL as listed under a reference: `www.rosenheim24.de`, `https://example.org/a`. */
const SITE_LINE = /^(?:https?:\/\/)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?:[/?#]\S*)?$/iu;
const FULL_URL = /^https?:\/\//i;
/** Surname prefixes written with an inner capital, kept with the following name (`McCain`, `MacArthur`). */
const NAME_PREFIXES: ReadonlySet<string> = new Set(['Mc', 'Mac']);

const isUpper = (c: string | undefined): boolean => c !== undefined && /\p{Lu}/u.test(c);
const isLower = (c: string | undefined): boolean => c !== undefined && /\p{Ll}/u.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && /\p{N}/u.test(c);

/**
 * Splits run-together tags at case changes: `UkraineUSA` → Ukraine, USA; all-caps runs stay together
 * (`NATOGipfel` → NATO, Gipfel), digits stay with their word (`G20Gipfel` → G20, Gipfel), `McCain` stays whole.
 */
export function splitTagLine(line: string): string[] {
  const chars = [...line.trim()];
  const tags: string[] = [];
  let current = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (current && isUpper(c) && startsNewTag(current, chars[i - 1], chars[i + 1])) {
      tags.push(current);
      current = '';
    }
    current += c;
  }
  if (current) tags.push(current);
  return tags;
}

/** Whether an upper-case letter after `current` starts a new tag, given the characters around it. */
function startsNewTag(current: string, prev: string | undefined, next: string | undefined): boolean {
  // "iPhone" has no capital before the change, so it is one word.
  if (isLower(prev)) return !NAME_PREFIXES.has(current) && /\p{Lu}/u.test(current);
  // "G20Gipfel", "G7EU" split after the digits; "5G" stays.
  if (isDigit(prev)) return /\p{L}/u.test(current) || isLower(next);
  // "NATOGipfel": the last capital of a run starts the next word.
  if (isUpper(prev)) return isLower(next) && [...current].length >= 2;
  return false;
}

function isMetadataLine(line: LineSpan): boolean {
  const t = line.text.trim();
  return t === '' || REFERENCE_LINE.test(t) || SITE_LINE.test(t);
}

/** Index of the first line of the trailing metadata block (lines.length when there is none). */
function metadataStart(lines: readonly LineSpan[], after: number): number {
  let end = lines.length;
  for (let i = lines.length - 1; i > after; i--) {
    if (SOURCES_LINE.test(lines[i].text.trim())) {
      end = i;
      break;
    }
  }
  while (end - 1 > after && isMetadataLine(lines[end - 1])) end--;
  return end;
}

/** Whether the text ends in a `Referenz N` / `Quellen gesamt` block (after line `after`). */
function hasMetadataBlock(lines: readonly LineSpan[], after: number): boolean {
  return lines.slice(metadataStart(lines, after)).some((l) => REFERENCE_LINE.test(l.text.trim()) || SOURCES_LINE.test(l.text.trim()));
}

function hasTagLine(lines: readonly LineSpan[], first: number): boolean {
  return TAG_LINE.test(lines[first].text.trim()) && nextNonBlank(lines, first + 1) !== -1;
}

/**
 * Content test: the text ends in the reference block. The space-free tag line normally opens it; an export
 * whose tag line was lost still has its block cut off (then the first line is the title).
 */
export function isAggregatorText(text: string): boolean {
  const lines = lineSpans(text);
  const first = nextNonBlank(lines, 0);
  return first !== -1 && hasMetadataBlock(lines, first);
}

export function parseAggregatorText(text: string, file: string): FormatResult {
  const lines = lineSpans(text);
  const first = nextNonBlank(lines, 0);
  const tagIdx = first !== -1 && hasTagLine(lines, first) ? first : -1;
  const titleIdx = tagIdx === -1 ? first : nextNonBlank(lines, tagIdx + 1);
  const metaIdx = metadataStart(lines, titleIdx);
  const bodyIdx = nextNonBlank(lines, titleIdx + 1);
  if (titleIdx === -1 || bodyIdx === -1 || bodyIdx >= metaIdx) {
    const line = (titleIdx === -1 ? first : titleIdx) + 1;
    return { articles: [], errors: [new InputError(file, 'aggregator article has no title or no body text before its references', line)] };
  }
  const bodyEnd = lines[metaIdx - 1].end;
  const url = lines.slice(metaIdx).map((l) => l.text.trim()).find((t) => FULL_URL.test(t) && SITE_LINE.test(t)) ?? null;
  const article = {
    title: lines[titleIdx].text.trim(),
    text: text.slice(contentStart(lines[bodyIdx]), bodyEnd).trimEnd(),
    url,
    // The export prints no publication date; relative dates must stay unresolved rather than guessed.
    published: null,
    lang: null,
    externalId: null,
    tags: tagIdx === -1 ? [] : splitTagLine(lines[tagIdx].text),
    origin: file,
  };
  return { articles: [{ article, line: null }], errors: [] };
}
