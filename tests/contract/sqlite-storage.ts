// An empty SQLite file in its own temporary directory: the contract suite's storage for the embedded store, and the
// second storage (target of copies) for stores that hold one database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphStore } from '../../src/store/graph-store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

export async function sqliteStorage(prefix: string): Promise<{ open(): Promise<GraphStore>; dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'graph.db');
  return {
    async open() {
      const store = new SqliteStore(file);
      await store.init();
      return store;
    },
    async dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
