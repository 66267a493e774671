// `--store` and `--db` on every command that touches a store.
import type { Command } from 'commander';
import { storeConfig } from '../config.js';
import type { GraphStore } from '../store/graph-store.js';
import { openStore } from '../store/open-store.js';

export interface StoreOptions {
  store?: string;
  db?: string;
}

export function addStoreOptions(cmd: Command): Command {
  return cmd
    .option('--store <kind>', 'sqlite (embedded, default) or neo4j; env DIPLOGRAPH_STORE')
    .option('--db <path>', 'SQLite file of the embedded store; env DIPLOGRAPH_DB (default ./data/diplograph.db)');
}

export async function withStore<T>(opts: StoreOptions, fn: (store: GraphStore) => Promise<T>): Promise<T> {
  const store = await openStore(storeConfig(opts));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
