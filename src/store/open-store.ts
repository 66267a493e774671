// Opens the configured store. The Neo4j driver is loaded only when that store is chosen.
import type { StoreConfig } from '../config.js';
import type { GraphStore } from './graph-store.js';

export async function openStore(config: StoreConfig): Promise<GraphStore> {
  let store: GraphStore;
  if (config.kind === 'neo4j') {
    const { Neo4jStore } = await import('./neo4j/neo4j-store.js');
    store = new Neo4jStore(config.neo4j);
  } else {
    const { SqliteStore } = await import('./sqlite/sqlite-store.js');
    store = new SqliteStore(config.dbPath);
  }
  try {
    await store.init();
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
  return store;
}
