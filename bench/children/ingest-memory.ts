// Child process: ingests a long synthetic feed (worker threads for the NLP, this thread writing to SQLite) and
// samples its resident memory along the way. Reports { samples: [articles, rssBytes][], articlesPerS, ... } over IPC.
import { rmSync } from 'node:fs';
import { ingestArticlesParallel } from '../../ingest/load/parallel-ingest.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { corpusStream } from '../generators/article-corpus.js';

const count = Number(process.argv[2]);
const dbPath = process.argv[3];
/** Stop feeding new articles after this many seconds (the run reports how far it got). */
const budgetSeconds = Number(process.argv[4] ?? Infinity);
if (!count || !dbPath || !process.send) throw new Error('usage: fork(ingest-memory, [count, dbPath, budgetSeconds?])');

for (const s of ['', '-wal', '-shm']) rmSync(dbPath + s, { force: true });
const store = new SqliteStore(dbPath);
await store.init();
const every = Math.max(100, Math.floor(count / 50));
/** [articles written, process RSS, main-thread heap used, worker heaps used] in bytes. */
const samples: [number, number, number, number][] = [];
let next = every;
const t = performance.now();
const deadline = performance.now() + budgetSeconds * 1000;
let stoppedEarly = false;
function* feed() {
  for (const article of corpusStream({ count, seed: 777 })) {
    if (performance.now() > deadline) {
      stoppedEarly = true;
      return;
    }
    yield article;
  }
}
const summary = await ingestArticlesParallel(store, feed(), {
  onProgress: (s) => {
    const done = s.articlesNew + s.articlesDuplicate;
    if (done >= next) {
      // Diagnostic (BENCH_GC_BEFORE_SAMPLE=1 with node --expose-gc): a full collection first, so that garbage
      // waiting for a major GC (and the native memory it holds, e.g. finalised SQLite statements) is not counted.
      if (process.env.BENCH_GC_BEFORE_SAMPLE && typeof (globalThis as { gc?: () => void }).gc === 'function') (globalThis as unknown as { gc: () => void }).gc();
      const m = process.memoryUsage();
      samples.push([done, m.rss, m.heapUsed, s.workerHeapUsedBytes]);
      next += every;
    }
  },
});
const seconds = (performance.now() - t) / 1000;
await store.close();
process.send({
  samples,
  articles: summary.articlesNew,
  relations: summary.relationsAdded,
  failed: summary.failed,
  seconds,
  stoppedEarly,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
});
process.disconnect();
