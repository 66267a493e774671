// Child process (run with --expose-gc): ingests a long synthetic feed (worker threads for the NLP, this thread writing
// to SQLite) in consecutive slices on one pool, and after each slice samples resident memory as it is and again after
// a full collection in every thread: what the ingest retains, apart from garbage V8 has not collected yet (it may
// defer a worker's first full collection for tens of thousands of articles). Reports an IngestMemoryResult over IPC.
import { rmSync } from 'node:fs';
import { ExtractionPool, ingestArticlesParallel } from '../../ingest/load/parallel-ingest.js';
import type { ArticleInput } from '../../src/domain/model.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { corpusStream } from '../generators/article-corpus.js';

const count = Number(process.argv[2]);
const dbPath = process.argv[3];
/** Stop feeding new articles after this many seconds (the run reports how far it got). */
const budgetSeconds = Number(process.argv[4] ?? Infinity);
const gc = (globalThis as { gc?: () => void }).gc;
if (!count || !dbPath || !process.send || !gc) throw new Error('usage: node --expose-gc ingest-memory <count> <dbPath> [budgetSeconds] (forked)');

/** One sample: [articles written, RSS, RSS after full collections, main heap used after, worker heaps used after]. */
export type MemorySample = [number, number, number, number, number];

for (const s of ['', '-wal', '-shm']) rmSync(dbPath + s, { force: true });
const store = new SqliteStore(dbPath);
await store.init();
const pool = new ExtractionPool();
const every = Math.max(100, Math.floor(count / 50));
const samples: MemorySample[] = [];
const feed = corpusStream({ count, seed: 777 })[Symbol.iterator]();
const t = performance.now();
const deadline = t + budgetSeconds * 1000;
let stoppedEarly = false;
let exhausted = false;
function* slice(n: number): Generator<ArticleInput> {
  for (let i = 0; i < n; i++) {
    if (performance.now() > deadline) {
      stoppedEarly = true;
      return;
    }
    const next = feed.next();
    if (next.done) {
      exhausted = true;
      return;
    }
    yield next.value;
  }
}
let articles = 0;
let relations = 0;
let failed = 0;
let done = 0;
while (!exhausted && !stoppedEarly) {
  const s = await ingestArticlesParallel(store, slice(every), { pool });
  // The feed ended on a slice boundary: nothing new to sample.
  if (s.articlesNew + s.articlesDuplicate + s.failed === 0) break;
  articles += s.articlesNew;
  relations += s.relationsAdded;
  failed += s.failed;
  done += s.articlesNew + s.articlesDuplicate;
  const rss = process.memoryUsage().rss;
  gc();
  const workers = await pool.workerHeaps();
  const after = process.memoryUsage();
  samples.push([done, rss, after.rss, after.heapUsed, workers.reduce((a, b) => a + b, 0)]);
}
const seconds = (performance.now() - t) / 1000;
await pool.close();
await store.close();
process.send({ samples, articles, relations, failed, seconds, stoppedEarly, maxRssBytes: process.resourceUsage().maxRSS * 1024 });
process.disconnect();
