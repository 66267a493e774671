// `diplograph checksum`: an order-independent checksum of the store's content (articles, entities, relations with
// their evidence offsets) and its counts, as one JSON line. Equal checksums mean equal graphs, whichever store
// holds them: compare before a backup (`export --format jsonl`) and after the restore (`import`) or a migration.
import type { Command } from 'commander';
import { snapshotChecksum } from '../../store/snapshot.js';
import { addStoreOptions, withStore, type StoreOptions } from '../store-options.js';

export function registerChecksum(program: Command): void {
  addStoreOptions(
    program.command('checksum').description("print a checksum of the store's content and its counts (equal checksums: equal graphs, in any store)"),
  ).action(async (opts: StoreOptions) => {
    await withStore(opts, async (store) => {
      const checksum = await snapshotChecksum(store);
      process.stdout.write(`${JSON.stringify({ checksum, counts: await store.counts() })}\n`);
    });
  });
}
