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

/** What `diplograph check` verifies; every list empty means the store is whole. */
export interface IntegrityReport {
  counts: StoreCounts;
  /** Relation ids with no evidence. */
  relationsWithoutEvidence: string[];
  /** Evidence ids whose article is not stored. */
  evidenceWithoutArticle: string[];
  /** Evidence ids whose sentence is not exactly article.text[start:end]. */
  evidenceOffsetMismatch: string[];
  /** Relation ids whose source, target or place entity is missing. */
  relationsWithMissingEntity: string[];
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
  /** With `entityId`: only relations whose other end is this entity (a pair's contacts). */
  counterpartId?: string | null;
  sourceId?: string | null;
  targetId?: string | null;
  placeId?: string | null;
  /** Relations the country takes part in or that take place there: it is source, target or place. */
  countryId?: string | null;
  articleId?: string | null;
  /** Relations with at least this confidence. */
  minConfidence?: number | null;
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
  /**
   * Each hop no earlier than the previous one (hop i+1's date range must reach hop i's start), the way news
   * of a call could have travelled from `from` to `to`; undated hops are left out.
   */
  timeRespecting?: boolean;
  /** The store stops the search (TIMEOUT error) after this long; the API sets it per request. */
  timeoutMs?: number | null;
  /** How many paths at most. */
  first: number;
}

export interface NeighborhoodQuery {
  entityId: string;
  /** 1–3 hops. */
  depth: number;
  relationTypes?: readonly RelationType[] | null;
  statuses?: readonly RelationStatus[] | null;
  since?: string | null;
  until?: string | null;
  /** Entities kept at most: the nearest first, then by id. */
  maxNodes: number;
}

export interface Subgraph {
  /** Ordered by hop distance from the centre, then id; the centre first. */
  nodeIds: string[];
  /** Every allowed relation between two kept entities, ordered by id. */
  relations: RelationRecord[];
  /** True when maxNodes cut entities off. */
  truncated: boolean;
}

export interface WindowFilter {
  relationTypes?: readonly RelationType[] | null;
  statuses?: readonly RelationStatus[] | null;
  since?: string | null;
  until?: string | null;
}

export interface DegreeQuery extends WindowFilter {
  entityType?: EntityType | null;
  first: number;
}

export interface DegreeRow {
  entityId: string;
  /** Distinct counterparts. */
  degree: number;
  /** Relations with a counterpart. */
  relations: number;
}

export interface ContactCount {
  counterpartId: string;
  type: RelationType;
  count: number;
}

export interface DeleteResult {
  articleId: string;
  relationsRemoved: number;
  evidenceRemoved: number;
  entitiesRemoved: number;
}

/** A recorded entity merge; `splitEntity(id)` undoes it. */
export interface MergeRecord {
  id: string;
  keptId: string;
  mergedId: string;
  /** The merged entity as it was. */
  merged: EntityRecord;
  createdAt: string;
  undoneAt: string | null;
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
  /** Verifies the invariants a crash must never break (at most `limit` ids listed per problem). */
  checkIntegrity(limit?: number): Promise<IntegrityReport>;

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
  /** Every entity the article mentions (with or without a relation), ordered by id. */
  articleEntities(articleId: string): Promise<EntityRecord[]>;
  getArticles(ids: readonly string[]): Promise<(ArticleRecord | null)[]>;

  /**
   * Simple paths (no entity twice) between two entities, any direction, up to `maxHops` relations,
   * ordered by length, then by the list of relation ids. Relations without a target are not hops.
   */
  paths(query: PathQuery): Promise<PathRecord[]>;
  /** Exactly `paths({ ...query, first: 1 })[0] ?? null`, computed without enumerating longer paths. */
  shortestPath(query: Omit<PathQuery, 'first'>): Promise<PathRecord | null>;

  // ---- analyst queries and corrections ----------------------------------------------------------

  /** Entities within `depth` hops over allowed relations, and the relations among them. */
  neighborhood(query: NeighborhoodQuery): Promise<Subgraph>;
  /** Most connected entities: by degree desc, then relations desc, then id. Relations without a target do not count. */
  degreeRanking(query: DegreeQuery): Promise<DegreeRow[]>;
  /** An entity's contacts grouped by counterpart and type: count desc, then counterpart id, then type. */
  contactCounts(entityId: string, filter: WindowFilter): Promise<ContactCount[]>;
  /** Articles, newest publication date first (undated last), then id. */
  listArticles(page: { first: number; offset: number }): Promise<Page<ArticleRecord>>;
  /**
   * Removes an article and what only it supported: its evidence, relations left without evidence, and
   * entities no other article mentions and no relation uses. Null when there is no such article.
   */
  deleteArticle(id: string): Promise<DeleteResult | null>;
  /**
   * Merges `mergeId` into `keepId`: relations move over, names become aliases, later ingests of the merged
   * id land on the kept one. Recorded, so `splitEntity` can undo it.
   */
  mergeEntities(keepId: string, mergeId: string): Promise<MergeRecord>;
  /** Undoes a merge: the merged entity, its aliases and its relation ends come back. */
  splitEntity(mergeRecordId: string): Promise<MergeRecord>;
  listMerges(): Promise<MergeRecord[]>;
}

/** Defaults and caps shared by both stores and the API. */
export const DEFAULT_PATH_MAX_HOPS = 3;
export const DEFAULT_SHORTEST_PATH_MAX_HOPS = 6;
export const MAX_PATH_HOPS = 6;
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** Per-query time budget for path search when the caller sets none. */
export const DEFAULT_QUERY_TIMEOUT_MS = 5_000;
