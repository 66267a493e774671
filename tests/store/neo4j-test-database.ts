// Shared by the Neo4j test files: whether a real Neo4j is configured, and a way to empty it between tests.
// Neo4j Community has one user database, so suites take turns (vitest runs files one after another) and each
// test starts from `MATCH (n) DETACH DELETE n`. The schema (constraints, indexes) stays: init() is idempotent.
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

/** Deletes every node and relationship of the test database. */
export async function emptyDatabase(): Promise<void> {
  await adminDriver().executeQuery('MATCH (n) DETACH DELETE n', {}, { database: testOptions().database });
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
