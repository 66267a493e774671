// The contract suite against the embedded SQLite store, one temporary file per test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { describeGraphStoreContract } from './graph-store-contract.js';

describeGraphStoreContract('sqlite', {
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'diplograph-contract-'));
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
  },
});
