// `diplograph migrate --from sqlite:PATH --to neo4j`: copies a whole graph, evidence included, idempotently.
import type { Command } from 'commander';
import { openStore } from '../../store/open-store.js';
import { readSnapshot, writeSnapshot } from '../../store/snapshot.js';
import { parseStoreSpec } from '../store-spec.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('copy a whole graph from one store to another (e.g. --from sqlite:data/diplograph.db --to neo4j); re-running adds nothing')
    .requiredOption('--from <store>', 'sqlite:PATH or neo4j')
    .requiredOption('--to <store>', 'sqlite:PATH or neo4j')
    .action(async (opts: { from: string; to: string }) => {
      const source = await openStore(parseStoreSpec(opts.from));
      try {
        const target = await openStore(parseStoreSpec(opts.to));
        try {
          const before = await source.counts();
          const result = await writeSnapshot(target, readSnapshot(source));
          process.stdout.write(
            `migrated ${before.articles} articles (${result.articlesNew} new, ${result.articlesDuplicate} already there); ` +
              `source ${JSON.stringify(before)}; target ${JSON.stringify(result.counts)}\n`,
          );
        } finally {
          await target.close();
        }
      } finally {
        await source.close();
      }
    });
}
