// `diplograph ingest PATH...`: read, extract and store articles; print a summary.
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import type { IngestSummary } from '../../../ingest/load/ingest-files.js';
import { reportInputError } from '../output.js';
import { terminalProgress } from '../progress.js';
import { addStoreOptions, withStore, type StoreOptions } from '../store-options.js';

export function formatSummary(s: IngestSummary): string {
  return (
    `articles: ${s.articlesNew} new, ${s.articlesDuplicate} duplicate, ${s.failed} failed; ` +
    `entities +${s.entitiesAdded} (${s.totals.entities} in store), relations +${s.relationsAdded} (${s.totals.relations} in store), ` +
    `evidence +${s.evidenceAdded}`
  );
}

/** A typo must not start thousands of threads. */
const MAX_WORKERS = 64;

function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS) throw new InvalidArgumentError(`--workers must be a whole number from 1 to ${MAX_WORKERS}, got "${value}"`);
  return n;
}

export function registerIngest(program: Command): void {
  addStoreOptions(
    program
      .command('ingest')
      .description('ingest articles (files, directories, globs) into the store')
      .argument('<paths...>', 'files, directories (recursively) or globs')
      .option('--report <file>', 'write a JSON report of failed inputs')
      .option('--max-article-chars <n>', 'reject articles longer than this', (v) => Number(v))
      .option('--no-progress', 'no progress bar')
      .option('--workers <n>', `extraction threads; 1 extracts on the writing thread (this machine has ${availableParallelism()} cores)`, parseWorkers, 1),
  ).action(async (paths: string[], opts: StoreOptions & { report?: string; maxArticleChars?: number; progress: boolean; workers: number }) => {
    const { ingestPaths } = await import('../../../ingest/load/ingest-files.js');
    await withStore(opts, async (store) => {
      const summary = await ingestPaths(store, paths, {
        maxArticleChars: opts.maxArticleChars,
        progress: opts.progress ? terminalProgress() : undefined,
        onError: reportInputError,
        workers: opts.workers,
      });
      process.stdout.write(`${formatSummary(summary)}\n`);
      if (opts.report) {
        const failures = summary.errors.map((e) => ({ file: e.file, line: e.line, code: e.code, reason: e.reason }));
        writeFileSync(opts.report, `${JSON.stringify({ summary: { ...summary, errors: undefined }, failures }, null, 2)}\n`);
      }
      if (summary.failed) process.exitCode = 2;
    });
  });
}
