import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../ingest/extract/extract-article.js';
import { article } from './helpers.js';

describe('determinism', () => {
  it('gives byte-identical output for the same input', () => {
    const text = readFileSync(new URL('../fixtures/gold/articles/f02-en-wire.txt', import.meta.url), 'utf8');
    const a = article(text, 'en', '2023-01-13');
    const first = JSON.stringify(extractArticle(a));
    const second = JSON.stringify(extractArticle({ ...a }));
    expect(second).toBe(first);
    expect(JSON.parse(first).relations.length).toBeGreaterThan(0);
  });
  it('every mention slices exactly out of the article text', () => {
    const text = readFileSync(new URL('../fixtures/gold/articles/f01-de-wire.txt', import.meta.url), 'utf8');
    const x = extractArticle(article(text, 'de', '2023-05-15'));
    for (const r of x.relations) for (const m of r.mentions) expect(text.slice(m.start, m.end)).toBe(m.sentence);
  });
});
