// A `.json` file: one article object, or an array of them (the records follow the JSON Lines fields).
import { InputError } from '../../../src/domain/errors.js';
import type { FormatResult } from '../types.js';
import { articleFromRecord } from './json-lines.js';

export function parseJsonDocument(text: string, file: string): FormatResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { articles: [], errors: [new InputError(file, `invalid JSON: ${(err as Error).message}`)] };
  }
  const items = Array.isArray(value) ? value : [value];
  const out: FormatResult = { articles: [], errors: [] };
  items.forEach((item, i) => {
    // Array items have no line of their own; the 1-based item number locates them.
    const where = Array.isArray(value) ? `item ${i + 1}` : null;
    const r = articleFromRecord(item, where ? `${file}#${i + 1}` : file);
    if (r.ok) out.articles.push({ article: r.article, line: null });
    else out.errors.push(new InputError(file, where ? `${where}: ${r.reason}` : r.reason));
  });
  return out;
}
