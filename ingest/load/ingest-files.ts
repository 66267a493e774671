// The loading stage: extracted articles go to the store in batches; each article is all or nothing.
import type { InputError } from '../../src/domain/errors.js';
import type { ExtractedArticle } from '../../src/domain/model.js';
import type { GraphStore, StoreCounts } from '../../src/store/graph-store.js';
import { expandInputs } from '../parse/expand-inputs.js';
import type { ParseOptions } from '../parse/parse-article-file.js';
import { processFile } from '../pipeline.js';

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
}

export async function ingestPaths(store: GraphStore, patterns: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const summary: IngestSummary = {
    files: 0, articlesNew: 0, articlesDuplicate: 0, failed: 0, entitiesAdded: 0, relationsAdded: 0, evidenceAdded: 0, errors: [],
    totals: { articles: 0, entities: 0, relations: 0, evidence: 0 },
  };
  const fail = (err: InputError) => {
    summary.failed++;
    summary.errors.push(err);
    options.onError?.(err);
  };
  const { files, errors } = await expandInputs(patterns);
  errors.forEach(fail);
  const batchSize = options.batchSize ?? DEFAULT_WRITE_BATCH;
  let batch: ExtractedArticle[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const results = await store.writeArticles(batch);
    batch = [];
    for (const r of results) {
      if (r.status === 'new') summary.articlesNew++;
      else summary.articlesDuplicate++;
      summary.entitiesAdded += r.entitiesAdded;
      summary.relationsAdded += r.relationsAdded;
      summary.evidenceAdded += r.evidenceAdded;
    }
  };
  options.progress?.start(files.length);
  try {
    for (const file of files) {
      summary.files++;
      const outcome = await processFile(file, options);
      outcome.errors.forEach(fail);
      batch.push(...outcome.articles);
      if (batch.length >= batchSize) await flush();
      options.progress?.tick(file);
    }
    await flush();
  } finally {
    options.progress?.stop();
  }
  summary.totals = await store.counts();
  return summary;
}
