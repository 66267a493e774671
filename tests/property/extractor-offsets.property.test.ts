// Property: the extractor never throws on arbitrary Unicode (alone or mixed into news-like sentences, German or
// English, with or without a title), is deterministic, and every piece of evidence it gives slices its sentence
// out of the article text exactly: text.slice(start, end) === sentence.
import fc from 'fast-check';
import '../helpers/fast-check-seed.js';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../ingest/extract/extract-article.js';
import { prepareArticle } from '../../ingest/prepare-article.js';
import type { ArticleInput, ExtractedArticle } from '../../src/domain/model.js';
import { anyText, newsLikeText } from './arbitraries.js';

const input = (title: string | null, text: string, lang: string | null, published: string | null): ArticleInput => ({
  title, text, lang, published, url: null, externalId: null, tags: [], origin: 'property',
});

const article = fc.record({
  title: fc.option(fc.oneof(anyText(40), newsLikeText), { nil: null }),
  text: fc.oneof({ weight: 1, arbitrary: anyText(300) }, { weight: 3, arbitrary: newsLikeText }),
  lang: fc.constantFrom('de', 'en'),
  published: fc.constantFrom(null, '2024', '2024-05', '2024-05-17'),
});

/** Every evidence offset slices its sentence exactly, and every relation end is an extracted entity. */
function checkEvidence(x: ExtractedArticle): void {
  const text = x.article.text;
  const ids = new Set(x.entities.map((e) => e.id));
  for (const r of x.relations) {
    expect(r.mentions.length).toBeGreaterThan(0);
    for (const m of r.mentions) {
      expect(Number.isInteger(m.start) && Number.isInteger(m.end)).toBe(true);
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeGreaterThan(m.start);
      expect(m.end).toBeLessThanOrEqual(text.length);
      expect(text.slice(m.start, m.end)).toBe(m.sentence);
    }
    for (const id of [r.source, r.target, r.place]) if (id !== null) expect(ids.has(id), `${r.type} refers to ${id}`).toBe(true);
  }
}

describe('extractor on arbitrary input', () => {
  it('never throws, is deterministic, and every evidence offset slices its sentence exactly', () => {
    let withRelations = 0;
    fc.assert(
      fc.property(article, ({ title, text, lang, published }) => {
        const prepared = prepareArticle(input(title, text, lang, published));
        const x = extractArticle(prepared);
        checkEvidence(x);
        if (x.relations.length) withRelations++;
        expect(extractArticle(prepareArticle(input(title, text, lang, published)))).toEqual(x);
      }),
      { numRuns: 500 },
    );
    // The generator reaches the extractor's rules, not only its error paths.
    expect(withRelations).toBeGreaterThan(100);
  }, 120_000);

  it('never throws with the language detected from the text', () => {
    fc.assert(
      fc.property(fc.oneof(anyText(200), newsLikeText), (text) => {
        const prepared = prepareArticle(input(null, text, null, null));
        if (prepared.lang !== 'de' && prepared.lang !== 'en') return;
        checkEvidence(extractArticle(prepared));
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
