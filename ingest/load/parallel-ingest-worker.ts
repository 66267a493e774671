// Worker thread of the parallel ingest: prepares and extracts articles and posts the extracted articles back.
// It never touches a store: the main thread is the one writer.
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import type { InputError } from '../../src/domain/errors.js';
import { extractFromInputs } from '../pipeline.js';
import type { ExtractionJob, ExtractionResult, HeapReport, HeapRequest, SerializedInputError } from './parallel-ingest.js';

function serialize(err: InputError): SerializedInputError {
  return { file: err.file, reason: err.reason, line: err.line, code: err.code };
}

if (!parentPort) throw new Error('parallel-ingest-worker must run in a worker thread');
const port = parentPort;

/** Node's full collection, present when the process runs with --expose-gc. */
const gc = (globalThis as { gc?: () => void }).gc;

port.on('message', (job: ExtractionJob | HeapRequest) => {
  if ('heap' in job) {
    gc?.();
    port.postMessage({ heapUsedBytes: getHeapStatistics().used_heap_size } satisfies HeapReport);
    return;
  }
  const result: ExtractionResult = { seq: job.seq, articles: [], errors: [], textOf: [] };
  try {
    const outcome = extractFromInputs(job.origin, { articles: job.articles, errors: [] });
    result.articles = outcome.articles;
    result.errors = outcome.errors.map(serialize);
    // The main thread still holds the texts it sent: each goes back as its input's index, not as a copy (a third of
    // the message, copied twice).
    let j = 0;
    for (const x of outcome.articles) {
      while (job.articles[j].text !== x.article.text) j++;
      result.textOf.push(j);
      x.article.text = '';
    }
  } catch (err) {
    result.fatal = (err as Error).stack ?? String(err);
  }
  port.postMessage(result);
});
