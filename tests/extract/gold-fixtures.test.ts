// Scores the extractor on our own gold fixtures (tests/fixtures/gold) with the dev-set scoring rules and
// fails if relation F1, person F1 or date accuracy drop below the level reached.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticleFile } from '../../ingest/parse/parse-article-file.js';
import { prepareArticle } from '../../ingest/prepare-article.js';
import { extractArticle } from '../../ingest/extract/extract-article.js';
import { f1, scoreGold, type GoldArticle } from './helpers.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/gold');
const gold: GoldArticle[] = readFileSync(join(dir, 'gold.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));

describe('gold fixtures', () => {
  it('scores at or above the recorded floor', async () => {
    let tp = 0, fp = 0, fn = 0, ptp = 0, pfp = 0, pfn = 0, dr = 0, da = 0;
    for (const g of gold) {
      const parsed = await readArticleFile(join(dir, g.file));
      expect(parsed.errors).toEqual([]);
      const input = { ...parsed.articles[0], published: parsed.articles[0].published ?? g.published };
      const s = scoreGold(g, extractArticle(prepareArticle(input)));
      tp += s.tp; fp += s.fp; fn += s.fn; ptp += s.personTp; pfp += s.personFp; pfn += s.personFn; dr += s.dateRight; da += s.dateAsked;
    }
    expect(f1(tp, fp, fn)).toBeGreaterThanOrEqual(0.95);
    expect(f1(ptp, pfp, pfn)).toBeGreaterThanOrEqual(0.95);
    expect(dr / da).toBeGreaterThanOrEqual(0.9);
  });
});
