// `diplograph ingest PATH...`: read, extract and store articles; print a summary.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
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

export function registerIngest(program: Command): void {
  addStoreOptions(
    program
      .command('ingest')
      .description('ingest articles (files, directories, globs) into the store')
      .argument('<paths...>', 'files, directories (recursively) or globs')
      .option('--report <file>', 'write a JSON report of failed inputs')
      .option('--max-article-chars <n>', 'reject articles longer than this', (v) => Number(v))
      .option('--no-progress', 'no progress bar'),
  ).action(async (paths: string[], opts: StoreOptions & { report?: string; maxArticleChars?: number; progress: boolean }) => {
    const { ingestPaths } = await import('../../../ingest/load/ingest-files.js');
    await withStore(opts, async (store) => {
      const summary = await ingestPaths(store, paths, {
        maxArticleChars: opts.maxArticleChars,
        progress: opts.progress ? terminalProgress() : undefined,
        onError: reportInputError,
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
