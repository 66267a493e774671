// `sqlite:PATH` or `neo4j` (configured by NEO4J_* variables): a store named on the command line.
import { storeConfig, type StoreConfig } from '../config.js';
import { DiplographError, ErrorCode } from '../domain/errors.js';

export function parseStoreSpec(spec: string, env: NodeJS.ProcessEnv = process.env): StoreConfig {
  if (spec === 'neo4j') return storeConfig({ store: 'neo4j' }, env);
  if (spec.startsWith('sqlite:') && spec.length > 'sqlite:'.length) return storeConfig({ store: 'sqlite', db: spec.slice('sqlite:'.length) }, env);
  throw new DiplographError(ErrorCode.CONFIG_INVALID, `store must be sqlite:PATH or neo4j, got '${spec}'`);
}
