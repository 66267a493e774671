// The loading stage: extracted articles go to the store in batches; each article is all or nothing.
// Files are read in pieces (streamArticleFile), so a JSON Lines file of any length holds only one batch in memory.
// A store that becomes unreachable mid-run is retried with backoff (store-retry.ts); when it stays away the ingest
// stops with one message saying how far it got, and running the same command again continues where it stopped.
import { DiplographError, ErrorCode, type InputError } from '../../src/domain/errors.js';
import type { ArticleInput, ExtractedArticle } from '../../src/domain/model.js';
import type { GraphStore, StoreCounts } from '../../src/store/graph-store.js';
import { expandInputs } from '../parse/expand-inputs.js';
import type { ParseOptions } from '../parse/parse-article-file.js';
import { streamArticleFile } from '../parse/stream-article-file.js';
import { extractFromInputs } from '../pipeline.js';
import { BatchedWrites, countFailure } from './batched-writes.js';
import { chunked, DEFAULT_CHUNK, DEFAULT_PREFETCH, ExtractionPool, PARALLEL_WRITE_BATCH, toInputError, type Job } from './parallel-ingest.js';
import { formatRetryNotice, isRetryable, retryPolicyFromEnv, withStoreRetry, type RetryNotice, type RetryPolicy } from './store-retry.js';

/** Articles written per store call: amortises round trips (Neo4j) without holding a large batch in memory. */
export const DEFAULT_WRITE_BATCH = 25;

export interface IngestSummary {
  files: number;
  articlesNew: number;
  articlesDuplicate: number;
  /** Files or articles that could not be ingested (one per InputError). */
  failed: number;
  entitiesAdded: number;
  relationsAdded: number;
  evidenceAdded: number;
  errors: InputError[];
  totals: StoreCounts;
}

export interface IngestProgress {
  start(totalFiles: number): void;
  tick(file: string): void;
  stop(): void;
}

export interface IngestOptions extends ParseOptions {
  batchSize?: number;
  progress?: IngestProgress;
  onError?: (err: InputError) => void;
  /** How often and how patiently an unreachable store is retried; default from the environment (store-retry.ts). */
  retry?: RetryPolicy;
  /** Told before each retry; default: one line on stderr. */
  onRetry?: (notice: RetryNotice) => void;
  /**
   * Extraction threads. 1 (the default) extracts on this thread; more run the NLP on worker threads while this
   * thread reads the files and is the one writer. Either way the store ends up the same.
   */
  workers?: number;
}

/** What extracting one piece of input gave. */
interface Outcome {
  articles: ExtractedArticle[];
  errors: InputError[];
}

/** Files read in pieces and extracted on this thread, in order. */
async function* extractHere(files: readonly string[], options: IngestOptions, onFile: (file: string) => void): AsyncGenerator<Outcome> {
  for (const file of files) {
    for await (const piece of streamArticleFile(file, options)) yield extractFromInputs(file, piece);
    onFile(file);
  }
}

/**
 * Files read in pieces on this thread (reading errors reported as found), their articles extracted on `workers`
 * threads, outcomes in input order: the writes, and so the store, are those of `extractHere`.
 */
async function* extractOnWorkers(
  files: readonly string[],
  options: IngestOptions,
  workers: number,
  onFile: (file: string) => void,
  fail: (err: InputError) => void,
): AsyncGenerator<Outcome> {
  async function* inputsOf(file: string): AsyncGenerator<ArticleInput> {
    for await (const piece of streamArticleFile(file, options)) {
      piece.errors.forEach(fail);
      yield* piece.articles;
    }
  }
  async function* jobs(): AsyncGenerator<Job> {
    for (const file of files) {
      for await (const articles of chunked(inputsOf(file), DEFAULT_CHUNK)) yield { origin: file, articles };
      onFile(file);
    }
  }
  const pool = new ExtractionPool(workers);
  try {
    for await (const result of pool.results(jobs(), DEFAULT_PREFETCH)) yield { articles: result.articles, errors: result.errors.map(toInputError) };
  } finally {
    await pool.close();
  }
}

function retryLine(notice: RetryNotice): void {
  process.stderr.write(`diplograph: ${formatRetryNotice(notice)}\n`);
}

export async function ingestPaths(store: GraphStore, patterns: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const summary: IngestSummary = {
    files: 0, articlesNew: 0, articlesDuplicate: 0, failed: 0, entitiesAdded: 0, relationsAdded: 0, evidenceAdded: 0, errors: [],
    totals: { articles: 0, entities: 0, relations: 0, evidence: 0 },
  };
  const fail = (err: InputError) => countFailure(summary, err, options.onError);
  const retry = options.retry ?? retryPolicyFromEnv();
  const onRetry = options.onRetry ?? retryLine;
  const { files, errors } = await expandInputs(patterns);
  errors.forEach(fail);
  const workers = options.workers ?? 1;
  // A batch is retried as a whole: articles written before the connection was lost come back as duplicates and add
  // nothing (the summary counts them as duplicates; the store's totals stay exact).
  const writes = new BatchedWrites(
    options.batchSize ?? (workers > 1 ? PARALLEL_WRITE_BATCH : DEFAULT_WRITE_BATCH),
    (batch) => withStoreRetry(() => store.writeArticles(batch), retry, `writing ${batch.length} articles`, onRetry),
    summary,
  );
  options.progress?.start(files.length);
  const onFile = (file: string) => {
    summary.files++;
    options.progress?.tick(file);
  };
  const outcomes = workers > 1 ? extractOnWorkers(files, options, workers, onFile, fail) : extractHere(files, options, onFile);
  try {
    for await (const outcome of outcomes) {
      outcome.errors.forEach(fail);
      for (const x of outcome.articles) await writes.add(x);
    }
    await writes.flush();
    summary.totals = await withStoreRetry(() => store.counts(), retry, 'counting the stored graph', onRetry);
  } catch (err) {
    if (!isRetryable(err)) throw err;
    // One message: why, what was done, how to continue.
    throw new DiplographError(
      ErrorCode.STORE_UNAVAILABLE,
      `ingest stopped: ${err.message}. ${summary.articlesNew} new articles were stored before it stopped; ` +
        'run the same command again to continue (stored articles are skipped)',
      { cause: err },
    );
  } finally {
    options.progress?.stop();
  }
  return summary;
}
