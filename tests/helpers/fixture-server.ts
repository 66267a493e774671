// A GraphQL server on an ephemeral port over a temporary SQLite store holding the fixture articles.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../src/api/server.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { ALL_FIXTURES } from '../fixtures/extracted-articles.js';

export interface FixtureServer {
  url: string;
  store: SqliteStore;
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const dir = mkdtempSync(join(tmpdir(), 'diplograph-api-'));
  const store = new SqliteStore(join(dir, 'graph.db'));
  await store.init();
  await store.writeArticles(ALL_FIXTURES);
  const running: RunningServer = await startServer({ store, port: 0 });
  return {
    url: running.url,
    store,
    async close() {
      await running.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
