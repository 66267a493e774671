// The counting side of every ingest: extracted articles go to the store in batches of a fixed size, in input order,
// and each batch's results are added to the run's counts; an input that fails is counted with its error.
import type { InputError } from '../../src/domain/errors.js';
import type { ExtractedArticle } from '../../src/domain/model.js';
import type { WriteResult } from '../../src/store/graph-store.js';

/** The inputs an ingest could not read or extract, as its summary counts them. */
export interface FailureCounts {
  failed: number;
  errors: InputError[];
}

/** Counts one failed input, keeps its error and tells `onError` (the rest of the batch goes on). */
export function countFailure(counts: FailureCounts, err: InputError, onError?: (err: InputError) => void): void {
  counts.failed++;
  counts.errors.push(err);
  onError?.(err);
}

/** What an ingest's writes added, as its summary counts it. */
export interface WriteCounts {
  articlesNew: number;
  articlesDuplicate: number;
  entitiesAdded: number;
  relationsAdded: number;
  evidenceAdded: number;
}

export class BatchedWrites {
  private batch: ExtractedArticle[] = [];

  /**
   * @param write  stores one batch (each article all or nothing) and returns one result per article
   * @param counts updated after each batch
   * @param onWritten told after each batch, once `counts` include it
   */
  constructor(
    private readonly size: number,
    private readonly write: (batch: ExtractedArticle[]) => Promise<readonly WriteResult[]>,
    private readonly counts: WriteCounts,
    private readonly onWritten?: () => void,
  ) {}

  async add(article: ExtractedArticle): Promise<void> {
    this.batch.push(article);
    if (this.batch.length >= this.size) await this.flush();
  }

  /** Writes what is waiting (the end of the input, or a batch that is full). */
  async flush(): Promise<void> {
    if (!this.batch.length) return;
    const results = await this.write(this.batch);
    this.batch = [];
    for (const r of results) {
      if (r.status === 'new') this.counts.articlesNew++;
      else this.counts.articlesDuplicate++;
      this.counts.entitiesAdded += r.entitiesAdded;
      this.counts.relationsAdded += r.relationsAdded;
      this.counts.evidenceAdded += r.evidenceAdded;
    }
    this.onWritten?.();
  }
}
