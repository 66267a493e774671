// Multi-core ingest: worker threads run the NLP (prepare, language detection, extraction), the main thread is the
// one writer (and, for `diplograph ingest --workers`, reads the files). Results are written in input order, so the
// store ends up byte-identical to a sequential ingest of the same inputs (first-seen names and aliases do not depend
// on thread timing), and at most a few chunks per worker are in flight, so memory stays flat however long the feed.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ErrorCode, InputError } from '../../src/domain/errors.js';
import type { ArticleInput, ExtractedArticle } from '../../src/domain/model.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import type { IngestSummary } from './ingest-files.js';
import { BatchedWrites, countFailure } from './batched-writes.js';

/** Articles per store write: one transaction each, so larger batches spread each commit's page writes thinner. */
export const PARALLEL_WRITE_BATCH = 100;

/**
 * Chunks queued at each worker: enough work (20 × 8 articles) to keep it busy while this thread is blocked writing
 * a batch. Writing 100 articles takes ~60 ms of CPU, longer in wall time with three threads on two cores; with 6
 * chunks queued the workers sat idle ~20% of the time (measured), and ingest ran ~10% slower.
 */
export const DEFAULT_PREFETCH = 20;

/** Articles per message to a worker: enough to make a message's cost small next to its extraction. */
export const DEFAULT_CHUNK = 8;

export interface SerializedInputError {
  file: string;
  reason: string;
  line: number | null;
  code: ErrorCode;
}

export type ExtractionJob = Job & { seq: number };

export interface ExtractionResult {
  seq: number;
  articles: ExtractedArticle[];
  errors: SerializedInputError[];
  /** The index of the job input each article's text is (sent back empty, put back on arrival). */
  textOf: number[];
  /** An unexpected worker failure (not an input error): the ingest stops with it. */
  fatal?: string;
}

export interface ParallelIngestOptions {
  /** Extraction threads; default: the machine's available parallelism. Ignored with `pool`. */
  workers?: number;
  /** Threads already started (and perhaps warmed up) to run the extraction on; left open. */
  pool?: ExtractionPool;
  /** Articles per message to a worker. */
  chunkSize?: number;
  /** Articles per store write. */
  batchSize?: number;
  /** Chunks queued at each worker (one running, the rest waiting), so a worker never waits for the writer. */
  prefetch?: number;
  /** Called after each store write with the running totals. */
  onProgress?: (summary: ParallelIngestSummary) => void;
  onError?: (err: InputError) => void;
}

/** The sequential ingest's summary without the store totals. */
export type ParallelIngestSummary = Omit<IngestSummary, 'totals'>;

/** Asks a worker for its V8 heap in use, after a full collection when the process runs with `--expose-gc`. */
export interface HeapRequest {
  heap: true;
}

/** A worker's answer to a HeapRequest. */
export interface HeapReport {
  heapUsedBytes: number;
}

/** An input error as a worker reported it, as the InputError it was. */
export function toInputError(e: SerializedInputError): InputError {
  return new InputError(e.file, e.reason, e.line, e.code);
}

/** Articles to extract; `origin` names their file in input errors. */
export interface Job {
  origin: string;
  articles: ArticleInput[];
}

/** A worker thread running parallel-ingest-worker. */
function startWorker(): Worker {
  // Compiled: dist/…/parallel-ingest.js next to the compiled worker. From source (tsx, vitest) the worker is
  // TypeScript: it registers the tsx loader first (loader hooks are not inherited by worker threads on Node 20).
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./parallel-ingest-worker.js', import.meta.url));
  const url = new URL('./parallel-ingest-worker.ts', import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); });`, { eval: true });
}

interface Run {
  queued: Map<Worker, number>;
  /** Inputs of the jobs dispatched and not yet yielded, for their texts. */
  inputs: Map<number, ArticleInput[]>;
  done: Map<number, ExtractionResult>;
  failure: Error | null;
  notify: () => void;
  dispatch: () => Promise<void>;
}

/**
 * Extraction worker threads, started once and usable for several ingests (one at a time): a caller that ingests
 * repeatedly, or measures steady throughput, pays for starting the threads and warming their JIT only once.
 */
export class ExtractionPool {
  private readonly workers: Worker[];
  private run: Run | null = null;
  private broken: Error | null = null;
  private closing = false;
  private readonly heapReplies = new Map<Worker, { resolve: (bytes: number) => void; reject: (err: Error) => void }>();

  constructor(size: number = availableParallelism()) {
    this.workers = Array.from({ length: Math.max(1, size) }, startWorker);
    for (const worker of this.workers) {
      worker.on('message', (result: ExtractionResult | HeapReport) => {
        if ('heapUsedBytes' in result) {
          this.heapReplies.get(worker)?.resolve(result.heapUsedBytes);
          this.heapReplies.delete(worker);
          return;
        }
        const run = this.run;
        if (!run) return;
        if (result.fatal) run.failure ??= new Error(`extraction worker failed: ${result.fatal}`);
        run.done.set(result.seq, result);
        run.queued.set(worker, (run.queued.get(worker) as number) - 1);
        run.notify();
        void run.dispatch();
      });
      const fail = (err: Error) => {
        this.broken ??= err;
        if (this.run) this.run.failure ??= err;
        this.run?.notify();
        for (const reply of this.heapReplies.values()) reply.reject(err);
        this.heapReplies.clear();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (!this.closing && code !== 0) fail(new Error(`extraction worker exited with code ${code}`));
      });
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Extracts the articles on every worker and drops the results (JIT and caches warm, as a measured floor's are). */
  async warmUp(articles: readonly ArticleInput[]): Promise<void> {
    const jobs = this.workers.map((): Job => ({ origin: 'warm-up', articles: [...articles] }));
    for await (const result of this.results(jobs.values(), 1)) void result;
  }

  /**
   * Each worker's V8 heap in use, in bytes, after a full collection in it when the process runs with `--expose-gc`
   * (live memory, not garbage a collection has yet to reclaim). Between ingests: memory measurements.
   */
  async workerHeaps(): Promise<number[]> {
    if (this.run) throw new Error('ExtractionPool.workerHeaps waits until the ingest is done');
    if (this.broken) throw this.broken;
    return Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<number>((resolve, reject) => {
            this.heapReplies.set(worker, { resolve, reject });
            worker.postMessage({ heap: true } satisfies HeapRequest);
          }),
      ),
    );
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  /**
   * Runs jobs on the workers and yields their results in job order. Each worker has up to `prefetch` jobs queued,
   * and at most twice as many jobs as the pool holds are dispatched and not yet consumed (memory bound).
   */
  async *results(jobs: AsyncIterator<Job> | Iterator<Job>, prefetch: number): AsyncGenerator<ExtractionResult> {
    if (this.run) throw new Error('ExtractionPool runs one ingest at a time');
    if (this.broken) throw this.broken;
    const pool = this.workers;
    let nextSeq = 0;
    let nextToYield = 0;
    let exhausted = false;
    let pulling = false;
    let wake: (() => void) | null = null;
    const limit = 2 * pool.length * prefetch;
    const run: Run = {
      queued: new Map(pool.map((w) => [w, 0])),
      inputs: new Map(),
      done: new Map(),
      failure: null,
      notify: () => {
        const w = wake;
        wake = null;
        w?.();
      },
      // Dispatch while a worker has room, input is left and the reorder buffer is under its limit.
      dispatch: async () => {
        if (pulling) return;
        pulling = true;
        try {
          for (;;) {
            if (exhausted || run.failure || nextSeq - nextToYield >= limit) break;
            const worker = leastBusy();
            if (!worker) break;
            const next = await jobs.next();
            if (next.done) {
              exhausted = true;
              break;
            }
            run.queued.set(worker, (run.queued.get(worker) as number) + 1);
            run.inputs.set(nextSeq, next.value.articles);
            worker.postMessage({ ...next.value, seq: nextSeq++ } as ExtractionJob);
          }
        } catch (err) {
          run.failure ??= err as Error;
        } finally {
          pulling = false;
          run.notify();
        }
      },
    };
    const leastBusy = (): Worker | null => {
      let best: Worker | null = null;
      for (const w of pool) {
        const q = run.queued.get(w) as number;
        if (q < prefetch && (!best || q < (run.queued.get(best) as number))) best = w;
      }
      return best;
    };
    this.run = run;
    try {
      void run.dispatch();
      for (;;) {
        if (run.failure) throw run.failure;
        const ready = run.done.get(nextToYield);
        if (ready) {
          run.done.delete(nextToYield);
          const inputs = run.inputs.get(nextToYield) as ArticleInput[];
          run.inputs.delete(nextToYield);
          ready.articles.forEach((x, k) => (x.article.text = inputs[ready.textOf[k]].text));
          nextToYield++;
          void run.dispatch();
          yield ready;
          continue;
        }
        if (exhausted && !pulling && nextToYield === nextSeq) return;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      // Jobs still running when the consumer stopped early would be delivered to the next run: the pool is spent.
      if (nextToYield !== nextSeq) this.broken ??= new Error('ExtractionPool was left with jobs in flight');
      this.run = null;
    }
  }
}

/** Consecutive groups of `size` items (the last may be shorter). */
export async function* chunked<T>(items: Iterable<T> | AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
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
  return { files: 0, articlesNew: 0, articlesDuplicate: 0, failed: 0, entitiesAdded: 0, relationsAdded: 0, evidenceAdded: 0, errors: [] };
}

async function writeAll(store: GraphStore, results: AsyncGenerator<ExtractionResult>, options: ParallelIngestOptions): Promise<ParallelIngestSummary> {
  const summary = emptySummary();
  const writes = new BatchedWrites(options.batchSize ?? PARALLEL_WRITE_BATCH, (batch) => store.writeArticles(batch), summary, () => options.onProgress?.(summary));
  for await (const result of results) {
    for (const e of result.errors) countFailure(summary, toInputError(e), options.onError);
    for (const x of result.articles) await writes.add(x);
  }
  await writes.flush();
  return summary;
}

/** Runs the jobs on the caller's pool, or on a pool started for this ingest and closed after it. */
async function extractAndWrite(store: GraphStore, jobs: AsyncIterator<Job>, options: ParallelIngestOptions): Promise<ParallelIngestSummary> {
  const pool = options.pool ?? new ExtractionPool(options.workers);
  try {
    return await writeAll(store, pool.results(jobs, options.prefetch ?? DEFAULT_PREFETCH), options);
  } finally {
    if (!options.pool) await pool.close();
  }
}

/** Extracts articles on worker threads and writes them, in input order, from this thread. */
export async function ingestArticlesParallel(
  store: GraphStore,
  inputs: Iterable<ArticleInput> | AsyncIterable<ArticleInput>,
  options: ParallelIngestOptions = {},
): Promise<ParallelIngestSummary> {
  const jobs = mapJobs(chunked(inputs, options.chunkSize ?? DEFAULT_CHUNK), (articles): Job => ({ origin: 'articles', articles }));
  return extractAndWrite(store, jobs, options);
}
