// `diplograph extract FILE... --json`: extraction only, no store. One JSON line per input file, in input order.
import type { Command } from 'commander';
import { toExtractionJson } from '../extraction-json.js';
import { reportInputError } from '../output.js';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('extract entities and relations from articles and print them, without touching any store')
    .argument('<paths...>', 'files, directories or globs')
    .option('--json', 'one JSON object per input file (the default output)', true)
    .option('--explain', 'show, per sentence, which rule produced which relation and why candidates produced none')
    .action(async (paths: string[], opts: { json: boolean; explain?: boolean }) => {
      // The NLP model loads on first use, so `--help` and other commands start fast.
      const { processFile } = await import('../../../ingest/pipeline.js');
      const { expandInputs } = await import('../../../ingest/parse/expand-inputs.js');
      const { files, errors } = await expandInputs(paths);
      let failed = errors.length;
      errors.forEach(reportInputError);
      for (const file of files) {
        const outcome = await processFile(file);
        outcome.errors.forEach(reportInputError);
        if (outcome.errors.length) failed++;
        if (opts.explain) {
          const { explainArticle } = await import('../../../ingest/extract/explain-article.js');
          for (const x of outcome.articles) {
            process.stdout.write(`# ${file} (${x.article.id})\n`);
            for (const s of explainArticle(x.article)) {
              process.stdout.write(`[${s.start}-${s.end}] ${s.sentence}\n`);
              for (const r of s.relations) process.stdout.write(`  + ${r.type} ${r.source} -> ${r.target ?? '∅'} (${r.rule})\n`);
              for (const r of s.rejected) process.stdout.write(`  - ${r.rule}: ${r.reason}\n`);
            }
          }
          continue;
        }
        if (outcome.articles.length === 0 && outcome.errors.length) {
          // Keep one line per input file so consumers can align output with input.
          const err = outcome.errors[0];
          process.stdout.write(`${JSON.stringify({ file, error: err.reason, entities: [], relations: [] })}\n`);
        }
        for (const x of outcome.articles) process.stdout.write(`${JSON.stringify(toExtractionJson(file, x))}\n`);
      }
      if (failed) process.exitCode = 2;
    });
}
