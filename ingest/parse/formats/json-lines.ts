// JSON Lines: one article object per line. A bad line is reported with its 1-based number and skipped;
// the other lines are still read.
import { InputError } from '../../../src/domain/errors.js';
import type { ArticleInput } from '../../../src/domain/model.js';
import { normalizeNewlines } from '../decode-text.js';
import { normalizePublished } from '../published-date.js';
import type { FormatResult } from '../types.js';

export type RecordResult = { ok: true; article: ArticleInput } | { ok: false; reason: string };

function optionalString(record: Record<string, unknown>, key: string): string | null | { error: string } {
  const v = record[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') return { error: `"${key}" must be a string, got ${describe(v)}` };
  return v.trim() === '' ? null : v;
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`.slice(0, 60);
}

/** A parsed JSON value → an article. Shared by JSON Lines and `.json` files. */
export function articleFromRecord(value: unknown, origin: string): RecordResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: `expected a JSON object, got ${describe(value)}` };
  }
  const record = value as Record<string, unknown>;
  if (typeof record.text !== 'string' || record.text.trim() === '') {
    return { ok: false, reason: `missing "text" (a non-empty string)${record.text === undefined ? '' : `, got ${describe(record.text)}`}` };
  }
  const fields: Record<'title' | 'url' | 'published' | 'lang', string | null> = { title: null, url: null, published: null, lang: null };
  for (const key of ['title', 'url', 'published', 'lang'] as const) {
    const v = optionalString(record, key);
    if (v !== null && typeof v === 'object') return { ok: false, reason: v.error };
    fields[key] = v;
  }
  let published: string | null = null;
  if (fields.published !== null) {
    published = normalizePublished(fields.published);
    if (published === null) {
      return { ok: false, reason: `"published" is not a date (YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time): ${JSON.stringify(fields.published)}` };
    }
  }
  const id = record.id;
  if (id !== undefined && id !== null && typeof id !== 'string' && typeof id !== 'number') {
    return { ok: false, reason: `"id" must be a string or number, got ${describe(id)}` };
  }
  const tags = record.tags ?? [];
  if (!Array.isArray(tags) || !tags.every((t): t is string => typeof t === 'string')) {
    return { ok: false, reason: `"tags" must be an array of strings` };
  }
  return {
    ok: true,
    article: {
      title: fields.title === null ? null : fields.title.trim(),
      // Same newline convention as text files, so offsets mean the same thing everywhere.
      text: normalizeNewlines(record.text),
      url: fields.url === null ? null : fields.url.trim(),
      published,
      lang: fields.lang === null ? null : fields.lang.trim(),
      externalId: id === undefined || id === null ? null : String(id),
      tags: [...tags],
      origin,
    },
  };
}

/** One line of a JSON Lines file; blank lines give nothing. */
export function parseJsonLine(line: string, lineNumber: number, file: string): FormatResult {
  if (line.trim() === '') return { articles: [], errors: [] };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return { articles: [], errors: [new InputError(file, `invalid JSON: ${(err as Error).message}`, lineNumber)] };
  }
  const result = articleFromRecord(value, `${file}:${lineNumber}`);
  return result.ok
    ? { articles: [{ article: result.article, line: lineNumber }], errors: [] }
    : { articles: [], errors: [new InputError(file, result.reason, lineNumber)] };
}

export function parseJsonLines(text: string, file: string): FormatResult {
  const out: FormatResult = { articles: [], errors: [] };
  text.split('\n').forEach((line, i) => {
    const r = parseJsonLine(line, i + 1, file);
    out.articles.push(...r.articles);
    out.errors.push(...r.errors);
  });
  return out;
}
