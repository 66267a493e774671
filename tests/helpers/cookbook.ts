// Runs the README cookbook (docs/cookbook.json) against a server holding the sample articles.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ingestPaths } from '../../ingest/load/ingest-files.js';
import { startServer } from '../../src/api/server.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { gql } from './graphql-client.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CookbookEntry {
  question: string;
  query: string;
}

export interface CookbookAnswer extends CookbookEntry {
  data: unknown;
  errors: unknown;
}

export function readCookbook(): CookbookEntry[] {
  return JSON.parse(readFileSync(`${ROOT}docs/cookbook.json`, 'utf8')) as CookbookEntry[];
}

export async function runCookbook(dbPath: string): Promise<CookbookAnswer[]> {
  const store = new SqliteStore(dbPath);
  await store.init();
  await ingestPaths(store, [`${ROOT}samples`]);
  const server = await startServer({ store, port: 0 });
  try {
    const answers: CookbookAnswer[] = [];
    for (const entry of readCookbook()) {
      const { body } = await gql(server.url, entry.query);
      answers.push({ ...entry, data: body.data ?? null, errors: body.errors ?? null });
    }
    return answers;
  } finally {
    await server.close();
    await store.close();
  }
}
