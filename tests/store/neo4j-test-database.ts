// Shared by the Neo4j test files: whether a real Neo4j is configured, and a way to empty it between tests.
// Neo4j Community has one user database, so suites take turns (vitest runs files one after another) and each
// test starts from an empty graph. The schema (constraints, indexes) stays: init() is idempotent.
import neo4j, { type Driver } from 'neo4j-driver';
import { neo4jConfigFromEnv, type Neo4jStoreOptions } from '../../src/store/neo4j/neo4j-store.js';

export const NEO4J_ENABLED = Boolean(process.env.NEO4J_URI);
export const SKIP_LINE = 'neo4j store suite skipped: NEO4J_URI not set';

export function testOptions(): Neo4jStoreOptions {
  return neo4jConfigFromEnv(process.env);
}

let admin: Driver | null = null;

function adminDriver(): Driver {
  const o = testOptions();
  admin ??= neo4j.driver(o.uri, neo4j.auth.basic(o.username, o.password), { logging: { level: 'error', logger: () => undefined } });
  return admin;
}

/** Rows per transaction when emptying: a large graph (left by a benchmark) in one transaction stalls on heap. */
const EMPTY_BATCH = 10_000;

/**
 * Deletes every node and relationship of the test database: relationships first, then nodes, in transactions of
 * EMPTY_BATCH rows (a hub deleted with all its relationships at once would be one huge transaction).
 */
export async function emptyDatabase(): Promise<void> {
  const session = adminDriver().session({ database: testOptions().database });
  try {
    await session.run(`MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF ${EMPTY_BATCH} ROWS`);
    await session.run(`MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF ${EMPTY_BATCH} ROWS`);
  } finally {
    await session.close();
  }
}

/** Runs one statement against the test database (for assertions on the stored graph). */
export async function query(statement: string, params: Record<string, unknown> = {}) {
  return adminDriver().executeQuery(statement, params, { database: testOptions().database });
}

export async function closeAdmin(): Promise<void> {
  const d = admin;
  admin = null;
  await d?.close();
}
