// Per-request context: the store and DataLoaders, so nested fields batch their store calls (no N+1).
import DataLoader from 'dataloader';
import type { ArticleRecord, EntityRecord, RelationRecord } from '../domain/model.js';
import { DEFAULT_QUERY_TIMEOUT_MS, type GraphStore } from '../store/graph-store.js';

export interface ApiContext {
  store: GraphStore;
  /** Time budget for each path search of this request. */
  queryTimeoutMs: number;
  entities: DataLoader<string, EntityRecord | null>;
  articles: DataLoader<string, ArticleRecord | null>;
  relations: DataLoader<string, RelationRecord | null>;
}

export function createContext(store: GraphStore, queryTimeoutMs = DEFAULT_QUERY_TIMEOUT_MS): ApiContext {
  return {
    store,
    queryTimeoutMs,
    entities: new DataLoader((ids: readonly string[]) => store.getEntities(ids)),
    articles: new DataLoader((ids: readonly string[]) => store.getArticles(ids)),
    relations: new DataLoader((ids: readonly string[]) => store.getRelations(ids)),
  };
}
