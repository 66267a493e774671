// Plain text: the first non-empty line is the title, the rest is the body; a header date becomes `published`.
import { InputError } from '../../../src/domain/errors.js';
import { dateOnlyLine, findHeaderDate } from '../published-date.js';
import { contentStart, lineSpans, nextNonBlank } from '../text-lines.js';
import type { FormatResult } from '../types.js';

/** A first line longer than this is a paragraph, not a title (e.g. a file that is one long line). */
export const MAX_TITLE_CHARS = 300;

export interface TitledText {
  title: string | null;
  /** The body, sliced from the text unchanged except for trailing whitespace. */
  body: string;
  /** 1-based line of the title (or of the body when there is no title). */
  firstLine: number | null;
}

/** Splits a text into title line and body. A lone or overlong first line is body text with no title. */
export function splitTitleAndBody(text: string): TitledText {
  const lines = lineSpans(text);
  const first = nextNonBlank(lines, 0);
  if (first === -1) return { title: null, body: '', firstLine: null };
  const second = nextNonBlank(lines, first + 1);
  const titleText = lines[first].text.trim();
  if (second === -1 || titleText.length > MAX_TITLE_CHARS) {
    return { title: null, body: text.slice(contentStart(lines[first])).trimEnd(), firstLine: first + 1 };
  }
  return { title: titleText, body: text.slice(contentStart(lines[second])).trimEnd(), firstLine: first + 1 };
}

export function parsePlainText(text: string, file: string): FormatResult {
  // A file may open with its date line before the headline: that line is the date, not the title.
  const lines = lineSpans(text);
  const first = nextNonBlank(lines, 0);
  const leadingDate = first === -1 ? null : dateOnlyLine(lines[first].text);
  const rest = leadingDate !== null && nextNonBlank(lines, first + 1) !== -1 ? text.slice(lines[first].end) : text;
  const { title, body, firstLine } = splitTitleAndBody(rest);
  if (!body) return { articles: [], errors: [new InputError(file, 'no article text found', firstLine)] };
  const article = {
    title,
    text: body,
    url: null,
    published: (rest === text ? null : leadingDate) ?? findHeaderDate(body.split('\n')),
    lang: null,
    externalId: null,
    tags: [],
    origin: file,
  };
  return { articles: [{ article, line: null }], errors: [] };
}
