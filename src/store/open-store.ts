// Opens the configured store. The Neo4j driver is loaded only when that store is chosen.
import type { StoreConfig } from '../config.js';
import { DiplographError, ErrorCode } from '../domain/errors.js';
import type { GraphStore } from './graph-store.js';
import type { Neo4jStoreOptions } from './neo4j/neo4j-store.js';

export interface OpenStoreOptions {
  /**
   * A server that cannot be reached yet does not stop the opening (Neo4j only): the store is returned unconnected,
   * answers STORE_UNAVAILABLE while the server is down and connects (schema included) once it is back. Wrong
   * credentials, a missing database or a malformed URI still fail. For `serve`, which must start before its database.
   */
  lazy?: boolean;
  /** Told why a lazily opened store is not connected yet. */
  onUnavailable?: (err: DiplographError) => void;
  /** Connection tuning for the Neo4j store (e.g. a shorter retry time for an interactive server). */
  neo4j?: Partial<Pick<Neo4jStoreOptions, 'connectionTimeoutMs' | 'maxTransactionRetryTimeMs' | 'maxConnectionPoolSize'>>;
}

/**
 * DIPLOGRAPH_NEO4J_RETRY_TIME_MS: how long Neo4j transactions are retried on transient errors and lost connections
 * before a command sees STORE_UNAVAILABLE (store default 15 s; `serve` 2 s); wins over both.
 */
function retryTimeFromEnv(env: NodeJS.ProcessEnv): { maxTransactionRetryTimeMs?: number } {
  const raw = env.DIPLOGRAPH_NEO4J_RETRY_TIME_MS;
  if (raw == null || raw === '') return {};
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0) {
    throw new DiplographError(ErrorCode.CONFIG_INVALID, `DIPLOGRAPH_NEO4J_RETRY_TIME_MS must be a non-negative integer, got '${raw}'`);
  }
  return { maxTransactionRetryTimeMs: ms };
}

export async function openStore(config: StoreConfig, options: OpenStoreOptions = {}, env: NodeJS.ProcessEnv = process.env): Promise<GraphStore> {
  let store: GraphStore;
  if (config.kind === 'neo4j') {
    const { Neo4jStore } = await import('./neo4j/neo4j-store.js');
    store = new Neo4jStore({ ...config.neo4j, ...options.neo4j, ...retryTimeFromEnv(env) });
  } else {
    const { SqliteStore } = await import('./sqlite/sqlite-store.js');
    store = new SqliteStore(config.dbPath);
  }
  try {
    await store.init();
  } catch (err) {
    if (options.lazy && store.kind === 'neo4j' && err instanceof DiplographError && err.code === ErrorCode.STORE_UNAVAILABLE) {
      options.onUnavailable?.(err);
      return store;
    }
    await store.close().catch(() => undefined);
    throw err;
  }
  return store;
}
