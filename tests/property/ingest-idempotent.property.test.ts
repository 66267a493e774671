// Property: ingest is idempotent. Writing the same extracted articles again adds nothing (every article a
// duplicate, nothing added, counts and content checksum unchanged), and neither does a second `ingestPaths` over
// the same files; the order of the articles does not change the stored graph either. On SQLite, and on Neo4j
// (fewer runs) when NEO4J_URI is set.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import '../helpers/fast-check-seed.js';
import { afterAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../../ingest/extract/extract-article.js';
import { ingestPaths } from '../../ingest/load/ingest-files.js';
import { prepareArticle } from '../../ingest/prepare-article.js';
import type { ExtractedArticle } from '../../src/domain/model.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { snapshotChecksum } from '../../src/store/snapshot.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { closeAdmin, emptyDatabase, NEO4J_ENABLED, SKIP_LINE, testOptions } from '../store/neo4j-test-database.js';
import { anyText, newsLikeText } from './arbitraries.js';

if (!NEO4J_ENABLED) console.log(SKIP_LINE);

const articleInput = fc.record({
  title: fc.option(fc.oneof(anyText(30), fc.constantFrom('Treffen', 'Telefonat', 'Gipfel')), { nil: null }),
  text: newsLikeText,
  lang: fc.constantFrom('de', 'en'),
});

/** 1–6 articles, some given twice: extraction results, and the same list in another order. */
const batches = fc
  .array(articleInput, { minLength: 1, maxLength: 6 })
  .chain((inputs) => fc.tuple(fc.constant(inputs), fc.array(fc.nat(inputs.length - 1), { maxLength: 2 })))
  .map(([inputs, repeats]) => [...inputs, ...repeats.map((i) => inputs[i])])
  .map((inputs) =>
    inputs
      .filter((a) => a.text.trim() !== '')
      .map((a) => extractArticle(prepareArticle({ ...a, url: null, published: '2024-05-01', externalId: null, tags: [], origin: 'property' }))),
  )
  .filter((xs) => xs.length > 0)
  .chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })));

async function writeTwiceAndReorder(open: () => Promise<GraphStore>, xs: ExtractedArticle[], reordered: ExtractedArticle[]): Promise<void> {
  const a = await open();
  try {
    await a.writeArticles(xs);
    const counts = await a.counts();
    const checksum = await snapshotChecksum(a);
    expect(counts.articles).toBe(new Set(xs.map((x) => x.article.id)).size);

    const again = await a.writeArticles(xs);
    expect(again.map((r) => r.status)).toEqual(xs.map(() => 'duplicate'));
    expect(again.reduce((n, r) => n + r.entitiesAdded + r.relationsAdded + r.evidenceAdded, 0)).toBe(0);
    expect(await a.counts()).toEqual(counts);
    expect(await snapshotChecksum(a)).toBe(checksum);
    await a.close();

    const b = await open();
    try {
      await b.writeArticles(reordered);
      // Same counts in any order. Content can differ: an entity keeps the name of the article that stored it
      // first, and a meeting the source/target order of its first report (known, see the closing note).
      expect(await b.counts()).toEqual(counts);
    } finally {
      await b.close();
    }
  } finally {
    await a.close();
  }
}

describe('ingest is idempotent', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplograph-prop-idem-'));
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (NEO4J_ENABLED) {
      await emptyDatabase();
      await closeAdmin();
    }
  });

  it('on SQLite: a second write adds nothing, and any order gives the same counts', async () => {
    await fc.assert(
      fc.asyncProperty(batches, async ([xs, reordered]) => {
        const open = async () => {
          const s = new SqliteStore(':memory:');
          await s.init();
          return s;
        };
        await writeTwiceAndReorder(open, xs, reordered);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('through ingestPaths: a second run over the same files reports only duplicates and changes nothing', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(articleInput, { minLength: 1, maxLength: 5 }), async (inputs) => {
        const run = join(dir, `run-${n++}`);
        const files = join(run, 'in');
        mkdirSync(files, { recursive: true });
        inputs.forEach((a, i) => writeFileSync(join(files, `a${i}.jsonl`), `${JSON.stringify(a)}\n`));
        const store = new SqliteStore(join(run, 'graph.db'));
        await store.init();
        try {
          const quiet = { onError: () => undefined };
          const first = await ingestPaths(store, [files], quiet);
          const checksum = await snapshotChecksum(store);
          const second = await ingestPaths(store, [files], quiet);
          expect(second.articlesNew).toBe(0);
          expect(second.articlesDuplicate).toBe(first.articlesNew + first.articlesDuplicate);
          expect([second.entitiesAdded, second.relationsAdded, second.evidenceAdded]).toEqual([0, 0, 0]);
          expect(second.failed).toBe(first.failed);
          expect(second.totals).toEqual(first.totals);
          expect(await snapshotChecksum(store)).toBe(checksum);
        } finally {
          await store.close();
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it.skipIf(!NEO4J_ENABLED)('on Neo4j: a second write adds nothing, and any order gives the same counts', async () => {
    await fc.assert(
      fc.asyncProperty(batches, async ([xs, reordered]) => {
        // Community has one database: the first store and the reordered one each start from an empty one.
        const open = async () => {
          await emptyDatabase();
          const s = new Neo4jStore(testOptions());
          await s.init();
          return s;
        };
        await writeTwiceAndReorder(open, xs, reordered);
      }),
      { numRuns: 6 },
    );
  }, 180_000);
});
