// The product's sample article (samples/seed.txt) read with the real parser.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readArticleFile } from '../../ingest/parse/parse-article-file.js';
import { prepareArticle } from '../../ingest/prepare-article.js';
import { extractArticle } from '../../ingest/extract/extract-article.js';
import { named, pair } from './helpers.js';

const seed = fileURLToPath(new URL('../../samples/seed.txt', import.meta.url));

describe.skipIf(!existsSync(seed))('seed article', async () => {
  const parsed = await readArticleFile(seed);
  const article = prepareArticle(parsed.articles[0]);
  const x = extractArticle(article);
  const rels = named(x);
  it('finds the Trump–Putin meetings in Hamburg (2017-07) and Helsinki (2018-07)', () => {
    const met = rels.filter((r) => r.type === 'MET_AT' && r.status === 'occurred' && pair(r, 'Donald Trump', 'Wladimir Putin'));
    expect(met.some((r) => r.place === 'Hamburg' && r.date === '2017-07')).toBe(true);
    expect(met.some((r) => r.place === 'Helsinki' && r.date === '2018-07')).toBe(true);
  });
  it('finds Leavitt stating about Trump and Baerbock stating about Putin', () => {
    expect(rels.some((r) => r.type === 'STATED' && /Leavitt$/.test(r.source ?? '') && r.target === 'Donald Trump')).toBe(true);
    expect(rels.some((r) => r.type === 'STATED' && r.source === 'Annalena Baerbock' && r.target === 'Wladimir Putin')).toBe(true);
  });
  it('every mention slices exactly out of the article text', () => {
    expect(x.relations.length).toBeGreaterThan(5);
    for (const r of x.relations) for (const m of r.mentions) expect(article.text.slice(m.start, m.end)).toBe(m.sentence);
  });
});
