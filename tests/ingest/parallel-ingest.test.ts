// The multi-core ingest (worker threads extract, this thread writes in batches) stores exactly what the sequential
// ingest stores, in input order, and a started pool serves several ingests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExtractionPool, ingestArticlesParallel } from '../../ingest/load/parallel-ingest.js';
import { extractFromInputs } from '../../ingest/pipeline.js';
import { generateCorpus } from '../../bench/generators/article-corpus.js';
import type { ArticleInput } from '../../src/domain/model.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'diplograph-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function open(name: string): Promise<SqliteStore> {
  const store = new SqliteStore(join(dir, name));
  await store.init();
  return store;
}

/** Everything a reader can see of the stored graph, in a stable order. */
async function contents(store: GraphStore) {
  const relations = await store.listRelations({ first: 10_000, offset: 0 });
  const articles = await store.listArticles({ first: 10_000, offset: 0 });
  const entities = await store.searchEntities({ search: '', first: 10_000, offset: 0 });
  return { counts: await store.counts(), relations: relations.items, articles: articles.items, entities: entities.items };
}

describe('parallel ingest', () => {
  // Inputs a worker drops (unsupported language) and a repeated article between the others: the texts the workers
  // send back as input indexes must land on the right articles.
  const generated = generateCorpus({ count: 60, seed: 5 });
  const french: ArticleInput = { ...generated[0], externalId: null, url: null, title: 'Sommet à Paris', text: "Le président français a reçu le chancelier allemand à l'Élysée mardi. Les deux dirigeants ont parlé de l'Ukraine et de la défense européenne pendant deux heures." };
  const corpus = [...generated.slice(0, 7), french, generated[3], ...generated.slice(7, 30), french, ...generated.slice(30)];

  it('stores what the sequential ingest stores, with batches smaller and larger than a chunk', { timeout: 120_000 }, async () => {
    const sequential = await open('sequential.db');
    await sequential.writeArticles(extractFromInputs('test', { articles: corpus, errors: [] }).articles);
    const want = await contents(sequential);
    await sequential.close();

    const pool = new ExtractionPool(2);
    try {
      await pool.warmUp(corpus.slice(0, 3));
      for (const [name, batchSize, chunkSize] of [['small.db', 5, 8], ['large.db', 100, 3]] as const) {
        const store = await open(name);
        const summary = await ingestArticlesParallel(store, corpus, { pool, batchSize, chunkSize, prefetch: 2 });
        expect(summary).toMatchObject({ articlesNew: generated.length, articlesDuplicate: 1, failed: 2 });
        expect(await contents(store)).toEqual(want);
        await store.close();
      }
      // Between ingests the pool reports each worker's heap (the memory benchmark's retained-memory samples).
      const heaps = await pool.workerHeaps();
      expect(heaps).toHaveLength(2);
      for (const bytes of heaps) expect(bytes).toBeGreaterThan(1024 * 1024);
      // During one it refuses: the workers' answers would interleave with the results.
      const during = await open('during.db');
      const running = ingestArticlesParallel(during, generated.slice(0, 10), { pool });
      await expect(pool.workerHeaps()).rejects.toThrow(/waits until the ingest is done/);
      expect((await running).articlesNew).toBe(10);
      await during.close();
    } finally {
      await pool.close();
    }
  });
});
