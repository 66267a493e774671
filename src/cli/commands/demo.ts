// `diplograph demo` (npm start): ingest the bundled sample articles into the embedded store and serve them.
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { storeConfig } from '../../config.js';
import { openStore } from '../../store/open-store.js';
import { reportInputError } from '../output.js';
import { addStoreOptions } from '../store-options.js';
import { formatSummary } from './ingest.js';
import { serveStore, type ServeOptions } from './serve.js';

/** samples/ at the package root, from src/cli/commands or dist/src/cli/commands. */
export function samplesDir(): string {
  const here = fileURLToPath(import.meta.url);
  return new URL(here.includes('/dist/') ? '../../../../samples/' : '../../../samples/', import.meta.url).pathname;
}

export function registerDemo(program: Command): void {
  addStoreOptions(
    program
      .command('demo')
      .description('ingest the bundled sample articles, then serve GraphQL (what `npm start` runs)')
      .option('--port <port>', 'port (env PORT, default 4000)')
      .option('--host <host>', 'interface to listen on', '127.0.0.1')
      .option('--no-graphiql', 'disable GraphiQL'),
  ).action(async (opts: ServeOptions) => {
    const { ingestPaths } = await import('../../../ingest/load/ingest-files.js');
    const store = await openStore(storeConfig(opts));
    try {
      const summary = await ingestPaths(store, [samplesDir()], { onError: reportInputError });
      process.stdout.write(`sample ingest: ${formatSummary(summary)}\n`);
      await serveStore(store, opts);
    } finally {
      await store.close();
    }
  });
}
