// The one storage interface. The embedded SQLite store and the Neo4j store both implement it and
// pass the same contract suite (tests/contract/). Values crossing it are plain data from domain/model.
import type {
  ArticleRecord,
  EntityRecord,
  EntityType,
  ExtractedArticle,
  PathRecord,
  RelationRecord,
  RelationStatus,
  RelationType,
} from '../domain/model.js';

export type StoreKind = 'sqlite' | 'neo4j';

export interface WriteResult {
  articleId: string;
  /** `duplicate` when the article was already stored: nothing was written. */
  status: 'new' | 'duplicate';
  entitiesAdded: number;
  relationsAdded: number;
  evidenceAdded: number;
}

export interface StoreCounts {
  articles: number;
  entities: number;
  relations: number;
  evidence: number;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  /** Offset of the first item, for cursor building. */
  offset: number;
  hasNextPage: boolean;
}

export interface EntitySearch {
  search?: string | null;
  type?: EntityType | null;
  first: number;
  offset: number;
}

export interface RelationFilter {
  types?: readonly RelationType[] | null;
  statuses?: readonly RelationStatus[] | null;
  /** Entity id: relations where it is source or target. */
  entityId?: string | null;
  articleId?: string | null;
  /**
   * Time window, already normalised by `parseWindow` to days (`YYYY-MM-DD`). A relation passes when its
   * date range overlaps the window; undated relations fail any window.
   */
  since?: string | null;
  until?: string | null;
  first: number;
  offset: number;
}

export interface PathQuery {
  fromId: string;
  toId: string;
  maxHops: number;
  relationTypes?: readonly RelationType[] | null;
  statuses?: readonly RelationStatus[] | null;
  /** As in RelationFilter: day strings from `parseWindow`, applied to every hop. */
  since?: string | null;
  until?: string | null;
  /** How many paths at most. */
  first: number;
}

export interface GraphStore {
  readonly kind: StoreKind;
  /** Creates or migrates the schema; idempotent. */
  init(): Promise<void>;
  close(): Promise<void>;
  /** Throws a STORE_UNAVAILABLE DiplographError when the store cannot be reached. */
  ping(): Promise<void>;

  /** Writes one article with its entities, relations and evidence, all or nothing. */
  writeArticle(extracted: ExtractedArticle): Promise<WriteResult>;
  /** Writes a batch; each article is still all or nothing, results in input order. */
  writeArticles(batch: readonly ExtractedArticle[]): Promise<WriteResult[]>;
  hasArticle(id: string): Promise<boolean>;
  counts(): Promise<StoreCounts>;

  /**
   * By id, Wikidata id (`Q7747`), canonical name or any alias, case- and accent-insensitive (normalizeName).
   * Tiers in that order; within a tier the entity with the most relations wins, then the smallest id.
   */
  findEntity(nameOrAlias: string): Promise<EntityRecord | null>;
  getEntities(ids: readonly string[]): Promise<(EntityRecord | null)[]>;
  /**
   * Name or alias contains the normalised search (all entities when empty), ranked: equal (0), prefix (1),
   * contains (2); then normalised name, then id. Aliases come back sorted (JS default sort).
   */
  searchEntities(query: EntitySearch): Promise<Page<EntityRecord>>;

  getRelations(ids: readonly string[]): Promise<(RelationRecord | null)[]>;
  /** Ordered by date range start (undated last), then id. Evidence sorted by article id, start, end. */
  listRelations(filter: RelationFilter): Promise<Page<RelationRecord>>;

  getArticle(id: string): Promise<ArticleRecord | null>;
  getArticles(ids: readonly string[]): Promise<(ArticleRecord | null)[]>;

  /**
   * Simple paths (no entity twice) between two entities, any direction, up to `maxHops` relations,
   * ordered by length, then by the list of relation ids. Relations without a target are not hops.
   */
  paths(query: PathQuery): Promise<PathRecord[]>;
  /** Exactly `paths({ ...query, first: 1 })[0] ?? null`, computed without enumerating longer paths. */
  shortestPath(query: Omit<PathQuery, 'first'>): Promise<PathRecord | null>;
}

/** Defaults and caps shared by both stores and the API. */
export const DEFAULT_PATH_MAX_HOPS = 3;
export const DEFAULT_SHORTEST_PATH_MAX_HOPS = 6;
export const MAX_PATH_HOPS = 6;
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
