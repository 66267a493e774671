// Configuration from CLI flags and environment variables, validated once.
import { DiplographError, ErrorCode } from './domain/errors.js';
import type { StoreKind } from './store/graph-store.js';

export const DEFAULT_DB_PATH = './data/diplograph.db';
export const DEFAULT_PORT = 4000;
export const DEFAULT_NEO4J_URI = 'bolt://127.0.0.1:7687';
export const DEFAULT_NEO4J_USERNAME = 'neo4j';
export const DEFAULT_NEO4J_DATABASE = 'neo4j';

export interface Neo4jConfig {
  uri: string;
  username: string;
  password: string;
  database: string;
}

export interface StoreConfig {
  kind: StoreKind;
  /** SQLite file (embedded store). */
  dbPath: string;
  neo4j: Neo4jConfig;
}

export interface StoreFlags {
  store?: string;
  db?: string;
}

export function storeConfig(flags: StoreFlags, env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const kind = (flags.store ?? env.DIPLOGRAPH_STORE ?? 'sqlite').toLowerCase();
  if (kind !== 'sqlite' && kind !== 'neo4j') {
    throw new DiplographError(ErrorCode.CONFIG_INVALID, `unknown store '${kind}' (use sqlite or neo4j)`);
  }
  return {
    kind,
    dbPath: flags.db ?? env.DIPLOGRAPH_DB ?? DEFAULT_DB_PATH,
    neo4j: {
      uri: env.NEO4J_URI ?? DEFAULT_NEO4J_URI,
      username: env.NEO4J_USERNAME ?? DEFAULT_NEO4J_USERNAME,
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE ?? DEFAULT_NEO4J_DATABASE,
    },
  };
}

export function parsePort(value: string | undefined, fallback = DEFAULT_PORT): number {
  if (value == null) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new DiplographError(ErrorCode.CONFIG_INVALID, `port must be an integer 0–65535, got '${value}'`);
  }
  return port;
}
