// Multi-core ingest: worker threads run the NLP (prepare, language detection, extraction — or file parsing too),
// the main thread is the one writer. Results are written in input order, so the store ends up byte-identical to a
// sequential ingest of the same inputs (first-seen names and aliases do not depend on thread timing), and at most
// a few chunks per worker are in flight, so memory stays flat however long the feed.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ErrorCode, InputError } from '../../src/domain/errors.js';
import type { ArticleInput, ExtractedArticle } from '../../src/domain/model.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import type { ParseOptions } from '../parse/parse-article-file.js';

/** Articles per store write (as the sequential ingest's DEFAULT_WRITE_BATCH; not imported, so this thread never loads the NLP). */
export const PARALLEL_WRITE_BATCH = 25;

export interface SerializedInputError {
  file: string;
  reason: string;
  line: number | null;
  code: ErrorCode;
}

export type ExtractionJob =
  | { seq: number; kind: 'articles'; origin: string; articles: ArticleInput[] }
  | { seq: number; kind: 'files'; files: string[]; parseOptions?: ParseOptions };

export interface ExtractionResult {
  seq: number;
  articles: ExtractedArticle[];
  errors: SerializedInputError[];
  files: number;
  /** The worker's V8 heap in use after this job (for memory monitoring), and which worker it was. */
  heapUsedBytes?: number;
  worker?: number;
  /** An unexpected worker failure (not an input error): the ingest stops with it. */
  fatal?: string;
}

export interface ParallelIngestOptions {
  /** Extraction threads; default: the machine's available parallelism. */
  workers?: number;
  /** Articles (or files) per message to a worker. */
  chunkSize?: number;
  /** Articles per store write. */
  batchSize?: number;
  /** Chunks queued at each worker (one running, the rest waiting), so a worker never waits for the writer. */
  prefetch?: number;
  /** Called after each store write with the running totals. */
  onProgress?: (summary: ParallelIngestSummary) => void;
  onError?: (err: InputError) => void;
}

export interface ParallelIngestSummary {
  files: number;
  articlesNew: number;
  articlesDuplicate: number;
  failed: number;
  entitiesAdded: number;
  relationsAdded: number;
  evidenceAdded: number;
  errors: InputError[];
  /** Heap in use in the worker threads, summed over the workers' latest reports. */
  workerHeapUsedBytes: number;
}

type Job =
  | { kind: 'articles'; origin: string; articles: ArticleInput[] }
  | { kind: 'files'; files: string[]; parseOptions?: ParseOptions };

/** A worker thread running parallel-ingest-worker. */
function startWorker(): Worker {
  // Compiled: dist/…/parallel-ingest.js next to the compiled worker. From source (tsx, vitest) the worker is
  // TypeScript: it registers the tsx loader first (loader hooks are not inherited by worker threads on Node 20).
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./parallel-ingest-worker.js', import.meta.url));
  const url = new URL('./parallel-ingest-worker.ts', import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); });`, { eval: true });
}

/**
 * Runs jobs on a pool of workers and yields their results in job order. Each worker has up to `prefetch` jobs
 * queued, and at most twice as many jobs as the pool holds are dispatched and not yet consumed (memory bound).
 */
async function* runOrdered(jobs: AsyncIterator<Job> | Iterator<Job>, workers: number, prefetch: number): AsyncGenerator<ExtractionResult> {
  const pool = Array.from({ length: workers }, startWorker);
  const queued = new Map<Worker, number>(pool.map((w) => [w, 0]));
  const done = new Map<number, ExtractionResult>();
  let nextSeq = 0;
  let nextToYield = 0;
  let exhausted = false;
  let closing = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const limit = 2 * workers * prefetch;
  let pulling = false;
  const leastBusy = (): Worker | null => {
    let best: Worker | null = null;
    for (const w of pool) if ((queued.get(w) as number) < prefetch && (!best || (queued.get(w) as number) < (queued.get(best) as number))) best = w;
    return best;
  };

  // Dispatch while a worker has room, input is left and the reorder buffer is under its limit.
  const dispatch = async () => {
    if (pulling) return;
    pulling = true;
    try {
      for (;;) {
        if (exhausted || failure || nextSeq - nextToYield >= limit) break;
        const worker = leastBusy();
        if (!worker) break;
        const next = await jobs.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        queued.set(worker, (queued.get(worker) as number) + 1);
        worker.postMessage({ ...next.value, seq: nextSeq++ } as ExtractionJob);
      }
    } catch (err) {
      failure ??= err as Error;
    } finally {
      pulling = false;
      notify();
    }
  };

  for (const worker of pool) {
    worker.on('message', (result: ExtractionResult) => {
      if (result.fatal) failure ??= new Error(`extraction worker failed: ${result.fatal}`);
      done.set(result.seq, result);
      queued.set(worker, (queued.get(worker) as number) - 1);
      notify();
      void dispatch();
    });
    worker.on('error', (err) => {
      failure ??= err;
      notify();
    });
    worker.on('exit', (code) => {
      if (!closing && code !== 0) failure ??= new Error(`extraction worker exited with code ${code}`);
      notify();
    });
  }

  try {
    void dispatch();
    for (;;) {
      if (failure) throw failure;
      const ready = done.get(nextToYield);
      if (ready) {
        done.delete(nextToYield);
        nextToYield++;
        void dispatch();
        yield ready;
        continue;
      }
      if (exhausted && !pulling && nextToYield === nextSeq) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    closing = true;
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

async function* chunked<T>(items: Iterable<T> | AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const item of items) {
    chunk.push(item);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}

async function* mapJobs<T>(chunks: AsyncIterable<T[]>, make: (chunk: T[]) => Job): AsyncGenerator<Job> {
  for await (const c of chunks) yield make(c);
}

function emptySummary(): ParallelIngestSummary {
  return { files: 0, articlesNew: 0, articlesDuplicate: 0, failed: 0, entitiesAdded: 0, relationsAdded: 0, evidenceAdded: 0, errors: [], workerHeapUsedBytes: 0 };
}

async function writeAll(store: GraphStore, results: AsyncGenerator<ExtractionResult>, options: ParallelIngestOptions): Promise<ParallelIngestSummary> {
  const summary = emptySummary();
  const batchSize = options.batchSize ?? PARALLEL_WRITE_BATCH;
  let batch: ExtractedArticle[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const written = await store.writeArticles(batch);
    batch = [];
    for (const r of written) {
      if (r.status === 'new') summary.articlesNew++;
      else summary.articlesDuplicate++;
      summary.entitiesAdded += r.entitiesAdded;
      summary.relationsAdded += r.relationsAdded;
      summary.evidenceAdded += r.evidenceAdded;
    }
    options.onProgress?.(summary);
  };
  const heaps = new Map<number, number>();
  for await (const result of results) {
    summary.files += result.files;
    if (result.worker !== undefined && result.heapUsedBytes !== undefined) {
      heaps.set(result.worker, result.heapUsedBytes);
      summary.workerHeapUsedBytes = [...heaps.values()].reduce((a, b) => a + b, 0);
    }
    for (const e of result.errors) {
      const err = new InputError(e.file, e.reason, e.line, e.code);
      summary.failed++;
      summary.errors.push(err);
      options.onError?.(err);
    }
    for (const x of result.articles) {
      batch.push(x);
      if (batch.length >= batchSize) await flush();
    }
  }
  await flush();
  return summary;
}

function poolSize(options: ParallelIngestOptions): number {
  return Math.max(1, options.workers ?? availableParallelism());
}

/** Extracts articles on worker threads and writes them, in input order, from this thread. */
export async function ingestArticlesParallel(
  store: GraphStore,
  inputs: Iterable<ArticleInput> | AsyncIterable<ArticleInput>,
  options: ParallelIngestOptions = {},
): Promise<ParallelIngestSummary> {
  const jobs = mapJobs(chunked(inputs, options.chunkSize ?? 8), (articles): Job => ({ kind: 'articles', origin: 'articles', articles }));
  return writeAll(store, runOrdered(jobs, poolSize(options), options.prefetch ?? 2), options);
}

/** Parses and extracts files on worker threads and writes them, in input order, from this thread. */
export async function ingestFilesParallel(
  store: GraphStore,
  files: Iterable<string> | AsyncIterable<string>,
  options: ParallelIngestOptions & ParseOptions = {},
): Promise<ParallelIngestSummary> {
  const parseOptions: ParseOptions = { maxArticleChars: options.maxArticleChars };
  const jobs = mapJobs(chunked(files, options.chunkSize ?? 4), (chunk): Job => ({ kind: 'files', files: chunk, parseOptions }));
  return writeAll(store, runOrdered(jobs, poolSize(options), options.prefetch ?? 2), options);
}
