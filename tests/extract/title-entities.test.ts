import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../ingest/extract/extract-article.js';
import { article } from './helpers.js';

describe('entities of the title line', () => {
  it('lexicon entities named only in the title are entities of the article', () => {
    const x = extractArticle(article('Die Außenministerin traf am Montag ihren Kollegen.', 'de', '2025-01-01', 'Wadephul reist nach Ankara und Peking'));
    expect(x.entities.map((e) => e.name).sort()).toEqual(['Ankara', 'Peking']);
  });
});
