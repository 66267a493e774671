// Per-request context: the store and DataLoaders, so nested fields batch their store calls (no N+1).
import DataLoader from 'dataloader';
import type { ArticleRecord, EntityRecord, RelationRecord } from '../domain/model.js';
import { requireEntity, type EntityResolver } from '../queries/relation-paths.js';
import { DEFAULT_QUERY_TIMEOUT_MS, type GraphStore } from '../store/graph-store.js';

export interface ApiContext {
  store: GraphStore;
  /** Time budget for each path search of this request. */
  queryTimeoutMs: number;
  entities: DataLoader<string, EntityRecord | null>;
  articles: DataLoader<string, ArticleRecord | null>;
  relations: DataLoader<string, RelationRecord | null>;
  /**
   * An entity by name (NOT_FOUND otherwise), also kept in `entities`: a path's ends are then not read again for its
   * nodes. For queries only; a mutation changes entities after looking them up.
   */
  entityByName: EntityResolver;
}

export function createContext(store: GraphStore, queryTimeoutMs = DEFAULT_QUERY_TIMEOUT_MS): ApiContext {
  const entities = new DataLoader((ids: readonly string[]) => store.getEntities(ids));
  return {
    store,
    queryTimeoutMs,
    entities,
    articles: new DataLoader((ids: readonly string[]) => store.getArticles(ids)),
    relations: new DataLoader((ids: readonly string[]) => store.getRelations(ids)),
    entityByName: async (name, argument) => {
      const entity = await requireEntity(store, name, argument);
      entities.prime(entity.id, entity);
      return entity;
    },
  };
}
