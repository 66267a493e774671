// The Neo4j store: a graph in a Neo4j 5 database over Bolt, answering exactly as the SQLite store does.
//
// Model (Bloom/Browser-friendly):
//   (:Entity:Person|:Country|:Organization|:Place {id, name, type, wikidata, aliases, nameKey, keys, searchText})
//   (:Entity)-[:MET_AT|CALLED|… {id, date, dateStart, dateEnd, status, placeId, quote, confidence, role, cameo,
//              plover, hasTarget}]->(:Entity)        one relationship per relation, type from RELATION_TYPES
//   A relation without a target (a statement about nothing) is a self-loop on its source with hasTarget = false;
//   reads return targetId null for it and path, neighbourhood and degree queries never use it as a hop.
//   (:Evidence {id, relationId, articleId, sentence, start, end, extractorVersion})-[:FROM]->(:Article {…})
//   (:Article)-[:MENTIONS]->(:Entity)                 what deleteArticle may remove with the article
//   (:EntityMerge {id, keptId, mergedId, merged, createdAt, undoneAt, addedAliases}); a merged-away entity node
//   keeps its properties under the label :MergedEntity until a split restores it.
//
// Every write is a managed transaction (retried by the driver on transient errors such as deadlocks) that MERGEs
// on ids, several articles per transaction (each kind of row in one UNWIND), so a retried or repeated write adds
// nothing and an article is stored wholly or not at all. Per-article counts come from which rows each MERGE
// created, exact even when another connection writes the same entities.
import neo4j from 'neo4j-driver';
import type { Driver, ManagedTransaction, QueryResult, Record as Neo4jRecord, Session } from 'neo4j-driver';
import { DiplographError, ErrorCode } from '../../domain/errors.js';
import { mergeId as mergeRecordId, normalizeName } from '../../domain/ids.js';
import { RELATION_TYPES, type ArticleRecord, type EntityRecord, type ExtractedArticle, type PathRecord, type RelationRecord, type RelationType } from '../../domain/model.js';
import {
  MAX_PATH_HOPS,
  type ContactCount,
  type DegreeQuery,
  type DegreeRow,
  type DeleteResult,
  type EntitySearch,
  type GraphStore,
  type IntegrityReport,
  type MergeRecord,
  type NeighborhoodQuery,
  type Page,
  type PathQuery,
  type RelationFilter,
  type StoreCounts,
  type Subgraph,
  type WindowFilter,
  type WriteResult,
} from '../graph-store.js';
import { buildPage, sortedAliases } from '../internal/records.js';
import { field, intParam, numberField, plain, stringsField, toArticle, toEntity, toRelation, type Plain } from './convert.js';
import {
  contactCountsStatement,
  CYPHER,
  degreeRankingStatement,
  neighborhoodReachStatement,
  neighborhoodRelationsStatement,
  pathsOfLengthStatement,
  type PathFilters,
  RELATION_ENDS,
  GROUP_WRITE,
  relationReattachStatement,
  RELATIONS_MOVED_BY,
  relationListFlags,
  relationsCountStatement,
  relationsPageStatement,
  searchEntitiesStatements,
  shortestLengthStatement,
  shortestPathOnceStatement,
  shortestPathStatement,
} from './cypher.js';
import { invalidUriError, translateDriverError, type ErrorContext } from './driver-errors.js';
import { AWAIT_INDEXES, SCHEMA_STATEMENTS } from './schema.js';
import {
  articleProps,
  combinePlans,
  groupRows,
  planArticle,
  referencedEntityIds,
  transactionGroups,
  type Redirect,
  type WritePlan,
} from './write-plan.js';

export const DEFAULT_NEO4J_URI = 'bolt://127.0.0.1:7687';
export const DEFAULT_NEO4J_USERNAME = 'neo4j';
export const DEFAULT_NEO4J_DATABASE = 'neo4j';
/** A refused or silent server should fail `ping()` fast, not after the driver's 30 s default. */
export const DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;
/** How long managed transactions retry transient errors (deadlocks between concurrent ingests, leader switches). */
export const DEFAULT_MAX_TRANSACTION_RETRY_TIME_MS = 15_000;
export const DEFAULT_MAX_CONNECTION_POOL_SIZE = 20;
/** Neighbourhoods span 1–3 hops (NeighborhoodQuery). */
export const MAX_NEIGHBORHOOD_DEPTH = 3;
/** Merge chains followed when redirecting an ingest (A merged into B merged into C). */
const MAX_REDIRECT_CHAIN = 16;
/** Ids an integrity check lists per kind unless told otherwise (as the SQLite store). */
export const DEFAULT_INTEGRITY_LIMIT = 100;
/** Articles read per round trip by the evidence offset check. */
const INTEGRITY_ARTICLE_PAGE = 200;
/** Tries of a shortest-path search when writes between its two statements leave it without a path. */
const SHORTEST_PATH_ATTEMPTS = 3;
/** Ids per statement for UNWIND look-ups. */
const ID_CHUNK = 1_000;

export interface Neo4jStoreOptions {
  uri: string;
  username: string;
  password: string;
  database: string;
  connectionTimeoutMs?: number;
  maxTransactionRetryTimeMs?: number;
  maxConnectionPoolSize?: number;
}

/** Connection options from the standard variables NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE. */
export function neo4jConfigFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jStoreOptions {
  return {
    uri: env.NEO4J_URI || DEFAULT_NEO4J_URI,
    username: env.NEO4J_USERNAME || DEFAULT_NEO4J_USERNAME,
    password: env.NEO4J_PASSWORD ?? '',
    database: env.NEO4J_DATABASE || DEFAULT_NEO4J_DATABASE,
  };
}

function chunks<T>(items: readonly T[], size = ID_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function checkCount(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new DiplographError(ErrorCode.BAD_USER_INPUT, `${name} must be a non-negative integer, got ${value}`);
  }
  return value;
}

/** JS default string order (UTF-16 code units), as the SQLite store and the adjacency index sort ids. */
const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface WindowParams {
  statuses: string[] | null;
  since: string | null;
  until: string | null;
}

function windowParams(f: { statuses?: readonly string[] | null; since?: string | null; until?: string | null }): WindowParams {
  return { statuses: f.statuses?.length ? [...f.statuses] : null, since: f.since || null, until: f.until || null };
}

interface StoredMerge {
  id: string;
  keptId: string;
  mergedId: string;
  merged: EntityRecord;
  createdAt: string;
  undoneAt: string | null;
  addedAliases: string[];
}

interface RelationEnds {
  id: string;
  type: RelationType;
  sourceId: string;
  endId: string;
  movedSource: string | null;
  movedTarget: string | null;
}

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  private readonly options: Required<Neo4jStoreOptions>;
  private driverInstance: Driver | null = null;
  private schemaReady = false;
  /** The schema set-up in flight, shared by the operations that wait for it. */
  private schemaSetup: Promise<void> | null = null;
  /**
   * Set when Neo4j could not be reached. While set, each operation first probes with one ping (no retries), so it
   * fails at once instead of after the driver's retry time; the first ping that answers clears it and has the
   * schema set up again (Neo4j may have come back empty).
   */
  private unreachable = false;

  constructor(options: Neo4jStoreOptions) {
    this.options = {
      connectionTimeoutMs: DEFAULT_CONNECTION_TIMEOUT_MS,
      maxTransactionRetryTimeMs: DEFAULT_MAX_TRANSACTION_RETRY_TIME_MS,
      maxConnectionPoolSize: DEFAULT_MAX_CONNECTION_POOL_SIZE,
      ...options,
    };
  }

  /** The driver, created on first use: `neo4j.driver()` does not connect, but rejects a malformed URI. */
  private get driver(): Driver {
    if (!this.driverInstance) {
      const o = this.options;
      try {
        this.driverInstance = neo4j.driver(o.uri, neo4j.auth.basic(o.username, o.password), {
          connectionTimeout: o.connectionTimeoutMs,
          maxTransactionRetryTime: o.maxTransactionRetryTimeMs,
          maxConnectionPoolSize: o.maxConnectionPoolSize,
          userAgent: 'diplograph',
          // The store reports its own errors; the driver's console logging would duplicate them.
          logging: { level: 'error', logger: () => undefined },
        });
      } catch (err) {
        throw invalidUriError(o.uri, err);
      }
    }
    return this.driverInstance;
  }

  private context(timeoutMs?: number | null): ErrorContext {
    return { uri: this.options.uri, username: this.options.username, database: this.options.database, timeoutMs };
  }

  private translate(err: unknown, timeoutMs?: number | null): unknown {
    const translated = translateDriverError(err, this.context(timeoutMs)) ?? err;
    if (translated instanceof DiplographError && translated.code === ErrorCode.STORE_UNAVAILABLE) this.unreachable = true;
    return translated;
  }

  /**
   * Before every read and write: fail fast while Neo4j is known to be down, and set the schema up lazily (a store
   * opened while Neo4j was down, or reconnected after an outage, gets its constraints before its first statement).
   */
  private async ready(): Promise<void> {
    if (this.unreachable) await this.ping();
    if (!this.schemaReady) await this.setUpSchema();
  }

  private session(mode: 'READ' | 'WRITE'): Session {
    return this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
  }

  private async read<T>(work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number | null): Promise<T> {
    await this.ready();
    const session = this.session('READ');
    try {
      return await session.executeRead(work, timeoutMs ? { timeout: timeoutMs } : undefined);
    } catch (err) {
      throw this.translate(err, timeoutMs);
    } finally {
      await session.close();
    }
  }

  private async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    await this.ready();
    const session = this.session('WRITE');
    try {
      return await session.executeWrite(work);
    } catch (err) {
      throw this.translate(err);
    } finally {
      await session.close();
    }
  }

  /** One auto-commit statement, no retries: for ping and schema, where a failure must surface at once. */
  private async autoCommit(statement: string): Promise<QueryResult> {
    const session = this.session('WRITE');
    try {
      return await session.run(statement);
    } catch (err) {
      throw this.translate(err);
    } finally {
      await session.close();
    }
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  /** Pings (a clear error when Neo4j is unreachable or refuses the credentials), then sets the schema up once. */
  async init(): Promise<void> {
    await this.ping();
    if (!this.schemaReady) await this.setUpSchema();
  }

  /** One schema set-up at a time; a failed one is tried again by the next operation. */
  private setUpSchema(): Promise<void> {
    this.schemaSetup ??= this.createSchema().finally(() => {
      this.schemaSetup = null;
    });
    return this.schemaSetup;
  }

  private async createSchema(): Promise<void> {
    for (const statement of SCHEMA_STATEMENTS) {
      try {
        await this.autoCommit(statement);
      } catch (err) {
        // Another process created the same rule between our IF NOT EXISTS check and the create.
        const code = String((err as { code?: unknown }).code ?? '');
        if (!/EquivalentSchemaRuleAlreadyExists|IndexAlreadyExists|ConstraintAlreadyExists/.test(code)) throw err;
      }
    }
    await this.autoCommit(AWAIT_INDEXES);
    this.schemaReady = true;
  }

  async close(): Promise<void> {
    const d = this.driverInstance;
    this.driverInstance = null;
    await d?.close();
  }

  async ping(): Promise<void> {
    const result = await this.autoCommit(CYPHER.ping);
    if (numberField(result.records[0], 'one') !== 1) {
      throw new DiplographError(ErrorCode.STORE_UNAVAILABLE, `Neo4j at ${this.options.uri} gave an unexpected answer`);
    }
    if (this.unreachable) {
      // Back after an outage: the database may be a new, empty one, so the schema is checked again.
      this.unreachable = false;
      this.schemaReady = false;
    }
  }

  // ---- writes ---------------------------------------------------------------------------------

  async writeArticle(extracted: ExtractedArticle): Promise<WriteResult> {
    return (await this.writeArticles([extracted]))[0];
  }

  async writeArticles(batch: readonly ExtractedArticle[]): Promise<WriteResult[]> {
    // Several articles per transaction (see transactionGroups): each article is all or nothing because its group is.
    const results: WriteResult[] = [];
    for (const group of transactionGroups(batch)) {
      try {
        results.push(...(await this.writeGroup(group)));
      } catch (err) {
        if (group.length === 1) throw err;
        // The group was rolled back. One by one, the articles before the failing one are stored and the error
        // names the article that caused it, as when each article had its own transaction.
        for (const x of group) results.push(...(await this.writeGroup([x])));
      }
    }
    return results;
  }

  private async writeGroup(group: readonly ExtractedArticle[]): Promise<WriteResult[]> {
    const ingestedAt = new Date().toISOString();
    // The work runs again from the start when the driver retries; it keeps no state outside this function.
    return this.write(async (tx) => {
      const results = group.map((x): WriteResult => ({ articleId: x.article.id, status: 'duplicate', entitiesAdded: 0, relationsAdded: 0, evidenceAdded: 0 }));
      // A repeat of an article earlier in the group is a duplicate without asking the server.
      const firsts = new Map<string, number>();
      group.forEach((x, i) => firsts.has(x.article.id) || firsts.set(x.article.id, i));
      const unique = [...firsts.values()].map((i) => group[i]);
      const merged = await tx.run(CYPHER.articlesMerge, {
        articles: unique.map((x) => ({ article: articleProps(x), extractorVersion: x.extractorVersion })),
        ingestedAt,
      });
      const created = new Set(stringsField(merged.records[0], 'created'));
      const fresh = [...firsts.entries()].filter(([id]) => created.has(id)).map(([, i]) => i);
      if (!fresh.length) return results;
      for (const i of fresh) results[i].status = 'new';

      const redirects = await this.redirects(tx, [...new Set(fresh.flatMap((i) => referencedEntityIds(group[i])))]);
      const plans = fresh.map((i) => planArticle(group[i], redirects));
      const plan = combinePlans(plans);
      const resultOf = (planIndex: number) => results[fresh[planIndex]];

      const g = groupRows(plan, plans);
      const rows: Record<string, unknown> = { entities: g.entities, refs: g.refs, articles: g.articles };
      for (const t of RELATION_TYPES) rows[t] = g.relations.get(t) ?? [];
      const rec = (await tx.run(GROUP_WRITE, { rows })).records[0];
      if (rec.get('endsAligned') !== true) throw new DiplographError(ErrorCode.STORE_INTEGRITY, 'Neo4j returned the merged entities out of row order');
      if (numberField(rec, 'relationsWritten') !== [...plan.relations.values()].reduce((n, list) => n + list.length, 0)) throw missingEnd(plans);
      for (const id of stringsField(rec, 'entitiesCreated')) resultOf(plan.entityOwner.get(id) as number).entitiesAdded++;
      for (const id of stringsField(rec, 'relationsCreated')) resultOf(plan.relationOwner.get(id) as number).relationsAdded++;
      const byArticle = new Map(fresh.map((i) => [group[i].article.id, results[i]]));
      for (const articleId of stringsField(rec, 'evidenceCreated')) (byArticle.get(articleId) as WriteResult).evidenceAdded++;
      return results;
    });
  }

  /** Active merges for these ids, followed to the entity that finally holds them (A → B → C gives A → C). */
  private async redirects(tx: ManagedTransaction, ids: readonly string[]): Promise<Map<string, Redirect>> {
    const next = new Map<string, string>();
    let frontier = [...ids];
    for (let depth = 0; frontier.length && depth < MAX_REDIRECT_CHAIN; depth++) {
      const res = await tx.run(CYPHER.mergeRedirects, { ids: frontier });
      frontier = [];
      for (const rec of res.records) {
        const mergedId = String(plain(rec.get('mergedId')));
        const keptId = String(plain(rec.get('keptId')));
        if (next.has(mergedId)) continue;
        next.set(mergedId, keptId);
        frontier.push(keptId);
      }
    }
    const out = new Map<string, Redirect>();
    for (const id of next.keys()) {
      let cur = id;
      for (let i = 0; i < MAX_REDIRECT_CHAIN && next.has(cur); i++) cur = next.get(cur) as string;
      out.set(id, { keptId: cur });
    }
    return out;
  }

  async hasArticle(id: string): Promise<boolean> {
    return this.read(async (tx) => (await tx.run(CYPHER.articleExists, { id })).records[0].get('found') === true);
  }

  async counts(): Promise<StoreCounts> {
    return this.read(async (tx) => {
      const rec = (await tx.run(CYPHER.counts)).records[0];
      return {
        articles: numberField(rec, 'articles'),
        entities: numberField(rec, 'entities'),
        relations: numberField(rec, 'relations'),
        evidence: numberField(rec, 'evidence'),
      };
    });
  }

  async checkIntegrity(limit = DEFAULT_INTEGRITY_LIMIT): Promise<IntegrityReport> {
    const max = checkCount('limit', limit);
    const counts = await this.counts();
    return this.read(async (tx) => {
      const ids = async (statement: string) =>
        (await tx.run(statement, { limit: intParam(max) })).records.map((r) => String(plain(r.get('id'))));
      return {
        counts,
        relationsWithoutEvidence: await ids(CYPHER.integrityRelationsWithoutEvidence),
        evidenceWithoutArticle: await ids(CYPHER.integrityEvidenceWithoutArticle),
        evidenceOffsetMismatch: await this.offsetMismatches(tx, max),
        relationsWithMissingEntity: await ids(CYPHER.integrityRelationsWithMissingEntity),
      };
    });
  }

  /** Evidence whose sentence is not article.text[start:end], compared in JS (offsets are UTF-16 code units). */
  private async offsetMismatches(tx: ManagedTransaction, limit: number): Promise<string[]> {
    const bad: string[] = [];
    for (let offset = 0; bad.length < limit; offset += INTEGRITY_ARTICLE_PAGE) {
      const res = await tx.run(CYPHER.integrityEvidenceOfArticles, { offset: intParam(offset), pageSize: intParam(INTEGRITY_ARTICLE_PAGE) });
      for (const rec of res.records) {
        const text = String(plain(rec.get('text')));
        for (const x of plain(rec.get('evidence')) as { id: string; sentence: string; start: number; end: number }[]) {
          if (text.slice(x.start, x.end) !== x.sentence) bad.push(x.id);
          if (bad.length >= limit) return bad;
        }
      }
      if (res.records.length < INTEGRITY_ARTICLE_PAGE) break;
    }
    return bad;
  }

  // ---- entities -------------------------------------------------------------------------------

  async findEntity(nameOrAlias: string): Promise<EntityRecord | null> {
    const key = normalizeName(nameOrAlias);
    const tiers: [string, Record<string, string>][] = [
      [CYPHER.entityById, { id: nameOrAlias }],
      [CYPHER.entityByWikidata, { wikidata: nameOrAlias.toUpperCase() }],
    ];
    // An empty key would match nothing in SQLite either (every stored name and alias normalises to something).
    if (key) tiers.push([CYPHER.entityByName, { key }], [CYPHER.entityByAlias, { key, needle: `\n${key}\n` }]);
    return this.read(async (tx) => {
      for (const [statement, params] of tiers) {
        const res = await tx.run(statement, params);
        if (res.records.length) return toEntity(field(res.records[0], 'entity'));
      }
      return null;
    });
  }

  async getEntities(ids: readonly string[]): Promise<(EntityRecord | null)[]> {
    const byId = await this.read(async (tx) => {
      const found = new Map<string, EntityRecord>();
      for (const part of chunks([...new Set(ids)])) {
        for (const rec of (await tx.run(CYPHER.entitiesByIds, { ids: part })).records) {
          const e = toEntity(field(rec, 'entity'));
          found.set(e.id, e);
        }
      }
      return found;
    });
    return ids.map((id) => byId.get(id) ?? null);
  }

  async searchEntities(q: EntitySearch): Promise<Page<EntityRecord>> {
    const search = normalizeName(q.search ?? '');
    const statements = searchEntitiesStatements(search !== '');
    const params = { search, type: q.type ?? null, offset: intParam(checkCount('offset', q.offset)), first: intParam(checkCount('first', q.first)) };
    return this.read(async (tx) => {
      const total = numberField((await tx.run(statements.count, params)).records[0], 'total');
      const items = (await tx.run(statements.page, params)).records.map((r) => toEntity(field(r, 'entity')));
      return buildPage(items, total, q.offset);
    });
  }

  // ---- relations ------------------------------------------------------------------------------

  private async relationsById(tx: ManagedTransaction, ids: readonly string[]): Promise<Map<string, RelationRecord>> {
    const found = new Map<string, RelationRecord>();
    for (const part of chunks([...new Set(ids)])) {
      for (const rec of (await tx.run(CYPHER.relationsByIds, { ids: part })).records) {
        const r = toRelation(field(rec, 'relation'));
        found.set(r.id, r);
      }
    }
    return found;
  }

  async getRelations(ids: readonly string[]): Promise<(RelationRecord | null)[]> {
    const byId = await this.read((tx) => this.relationsById(tx, ids));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async listRelations(f: RelationFilter): Promise<Page<RelationRecord>> {
    const flags = relationListFlags(f);
    const params = {
      ...windowParams(f),
      entityId: f.entityId ?? null,
      counterpartId: f.counterpartId ?? null,
      sourceId: f.sourceId ?? null,
      targetId: f.targetId ?? null,
      placeId: f.placeId ?? null,
      countryId: f.countryId ?? null,
      articleId: f.articleId ?? null,
      minConfidence: f.minConfidence ?? null,
      offset: intParam(checkCount('offset', f.offset)),
      first: intParam(checkCount('first', f.first)),
    };
    const countStatement = relationsCountStatement(flags);
    const pageStatement = relationsPageStatement(flags);
    return this.read(async (tx) => {
      const total = numberField((await tx.run(countStatement, params)).records[0], 'total');
      const items = (await tx.run(pageStatement, params)).records.map((r) => toRelation(field(r, 'relation')));
      return buildPage(items, total, f.offset);
    });
  }

  // ---- articles -------------------------------------------------------------------------------

  async getArticle(id: string): Promise<ArticleRecord | null> {
    return (await this.getArticles([id]))[0];
  }

  async getArticles(ids: readonly string[]): Promise<(ArticleRecord | null)[]> {
    const byId = await this.read(async (tx) => {
      const found = new Map<string, ArticleRecord>();
      for (const part of chunks([...new Set(ids)])) {
        for (const rec of (await tx.run(CYPHER.articlesByIds, { ids: part })).records) {
          const a = toArticle(field(rec, 'article'));
          found.set(a.id, a);
        }
      }
      return found;
    });
    return ids.map((id) => byId.get(id) ?? null);
  }

  async articleEntities(articleId: string): Promise<EntityRecord[]> {
    return this.read(async (tx) => (await tx.run(CYPHER.articleEntities, { articleId })).records.map((r) => toEntity(field(r, 'entity'))));
  }

  async listArticles(page: { first: number; offset: number }): Promise<Page<ArticleRecord>> {
    const params = { offset: intParam(checkCount('offset', page.offset)), first: intParam(checkCount('first', page.first)) };
    return this.read(async (tx) => {
      const total = numberField((await tx.run(CYPHER.articlesCount)).records[0], 'total');
      const items = (await tx.run(CYPHER.articlesPage, params)).records.map((r) => toArticle(field(r, 'article')));
      return buildPage(items, total, page.offset);
    });
  }

  // ---- paths ----------------------------------------------------------------------------------

  /** Hop bound for a path query: at most MAX_PATH_HOPS; null when no path can exist. */
  private static hops(q: Omit<PathQuery, 'first'>): number | null {
    if (!Number.isFinite(q.maxHops)) throw new DiplographError(ErrorCode.BAD_USER_INPUT, `maxHops must be an integer, got ${q.maxHops}`);
    const hops = Math.min(Math.trunc(q.maxHops), MAX_PATH_HOPS);
    return hops >= 1 && q.fromId !== q.toId ? hops : null;
  }

  private pathParams(q: Omit<PathQuery, 'first'>) {
    return { fromId: q.fromId, toId: q.toId, ...windowParams(q) };
  }

  private static pathFilters(params: WindowParams): PathFilters {
    return { statuses: params.statuses !== null, since: params.since !== null, until: params.until !== null };
  }

  /** The length of a shortest allowed path, or null when there is none within `hops`. */
  private static async shortestLength(tx: ManagedTransaction, q: Omit<PathQuery, 'first'>, hops: number, params: WindowParams): Promise<number | null> {
    const statement = shortestLengthStatement(q.relationTypes, hops, Neo4jStore.pathFilters(params), q.timeRespecting === true, MAX_PATH_HOPS);
    const res = await tx.run(statement, params);
    return res.records.length ? numberField(res.records[0], 'length') : null;
  }

  async paths(q: PathQuery): Promise<PathRecord[]> {
    const hops = Neo4jStore.hops(q);
    const first = checkCount('first', q.first);
    if (hops === null || first === 0) return [];
    const params = this.pathParams(q);
    const filters = Neo4jStore.pathFilters(params);
    const timeRespecting = q.timeRespecting === true;
    return this.read(async (tx) => {
      // Length by length from the shortest, so each statement stops at the paths still wanted.
      const rows: { nodeIds: string[]; relationIds: string[] }[] = [];
      const shortest = await Neo4jStore.shortestLength(tx, q, hops, params);
      for (let length = shortest ?? hops + 1; length <= hops && rows.length < first; length++) {
        const statement = pathsOfLengthStatement(q.relationTypes, length, filters, timeRespecting, MAX_PATH_HOPS);
        const res = await tx.run(statement, { ...params, first: intParam(first - rows.length) });
        for (const r of res.records) {
          rows.push({ nodeIds: (plain(r.get('nodeIds')) as Plain[]).map(String), relationIds: (plain(r.get('relationIds')) as Plain[]).map(String) });
        }
      }
      const byId = await this.relationsById(tx, rows.flatMap((p) => p.relationIds));
      return rows.map((p) => ({ nodeIds: p.nodeIds, edges: p.relationIds.map((id) => byId.get(id) as RelationRecord) }));
    }, q.timeoutMs);
  }

  async shortestPath(q: Omit<PathQuery, 'first'>): Promise<PathRecord | null> {
    // Time order ties each hop to the one before, which a shortest-path search cannot express: walk instead.
    if (q.timeRespecting) return (await this.paths({ ...q, first: 1 }))[0] ?? null;
    const hops = Neo4jStore.hops(q);
    if (hops === null) return null;
    const params = this.pathParams(q);
    const filters = Neo4jStore.pathFilters(params);
    return this.read(async (tx) => {
      // Length and walk in one statement; no row means no path, or (read committed) a write between the search and
      // the walk took a step away: then the length is asked alone and the walk tried again.
      const toPath = (records: readonly Neo4jRecord[]): PathRecord => ({
        nodeIds: (plain(records[0].get('nodeIds')) as Plain[]).map(String),
        edges: records.map((r) => toRelation(field(r, 'relation'))),
      });
      for (let attempt = 0; attempt < SHORTEST_PATH_ATTEMPTS; attempt++) {
        const res = await tx.run(shortestPathOnceStatement(q.relationTypes, hops, filters, MAX_PATH_HOPS), params);
        if (res.records.length) {
          const length = numberField(res.records[0], 'length');
          if (res.records[0].get('relation') === null) {
            // Longer than the one statement walks: the walk for that length on its own.
            const walk = await tx.run(shortestPathStatement(q.relationTypes, length, filters, MAX_PATH_HOPS), params);
            if (walk.records.length === length) return toPath(walk.records);
          } else if (res.records.length === length) {
            return toPath(res.records);
          }
        }
        if ((await Neo4jStore.shortestLength(tx, q, hops, params)) === null) return null;
      }
      return null;
    }, q.timeoutMs);
  }

  // ---- analyst queries ------------------------------------------------------------------------

  async neighborhood(q: NeighborhoodQuery): Promise<Subgraph> {
    const depth = Math.max(0, Math.min(Math.trunc(q.depth), MAX_NEIGHBORHOOD_DEPTH));
    const maxNodes = checkCount('maxNodes', Math.trunc(q.maxNodes));
    const lonely: Subgraph = { nodeIds: [q.entityId], relations: [], truncated: false };
    const params = { entityId: q.entityId, ...windowParams(q) };
    return this.read(async (tx) => {
      // Depth 0 still asks, for `connected`: an entity without relations is answered alone, as SQLite does.
      const res = await tx.run(neighborhoodReachStatement(q.relationTypes, Math.max(depth, 1), MAX_NEIGHBORHOOD_DEPTH), params);
      if (!res.records.length || res.records[0].get('connected') !== true) return lonely;
      const reached = depth < 1 ? [] : (plain(res.records[0].get('reached')) as { id: Plain; distance: Plain }[]).map((x) => ({ id: String(x.id), distance: Number(x.distance) }));
      reached.sort((a, b) => a.distance - b.distance || byString(a.id, b.id));
      const ordered = [q.entityId, ...reached.map((x) => x.id)];
      const nodeIds = ordered.slice(0, maxNodes);
      const relations = nodeIds.length
        ? (await tx.run(neighborhoodRelationsStatement(q.relationTypes), { ...params, ids: nodeIds })).records.map((r) => toRelation(field(r, 'relation')))
        : [];
      return { nodeIds, relations, truncated: ordered.length > nodeIds.length };
    });
  }

  async degreeRanking(q: DegreeQuery): Promise<DegreeRow[]> {
    const first = checkCount('first', q.first);
    const params = { ...windowParams(q), entityType: q.entityType ?? null, first: intParam(first) };
    return this.read(async (tx) =>
      (await tx.run(degreeRankingStatement(q.relationTypes), params)).records.map((r) => ({
        entityId: String(plain(r.get('entityId'))),
        degree: numberField(r, 'degree'),
        relations: numberField(r, 'relations'),
      })),
    );
  }

  async contactCounts(entityId: string, filter: WindowFilter): Promise<ContactCount[]> {
    const params = { ...windowParams(filter), entityId };
    return this.read(async (tx) =>
      (await tx.run(contactCountsStatement(filter.relationTypes), params)).records.map((r) => ({
        counterpartId: String(plain(r.get('counterpartId'))),
        type: String(plain(r.get('type'))) as RelationType,
        count: numberField(r, 'count'),
      })),
    );
  }

  // ---- corrections ----------------------------------------------------------------------------

  async deleteArticle(id: string): Promise<DeleteResult | null> {
    return this.write(async (tx) => {
      const res = await tx.run(CYPHER.deleteArticleEvidence, { id });
      if (!res.records.length) return null;
      const rec = res.records[0];
      const relationIds = (plain(rec.get('relationIds')) as Plain[]).map(String);
      const entityIds = (plain(rec.get('entityIds')) as Plain[]).map(String);
      const relations = relationIds.length ? numberField((await tx.run(CYPHER.deleteOrphanRelations, { ids: relationIds })).records[0], 'removed') : 0;
      const entities = entityIds.length ? numberField((await tx.run(CYPHER.deleteOrphanEntities, { ids: entityIds })).records[0], 'removed') : 0;
      return { articleId: id, relationsRemoved: relations, evidenceRemoved: numberField(rec, 'evidenceRemoved'), entitiesRemoved: entities };
    });
  }

  async mergeEntities(keepId: string, mergeId: string): Promise<MergeRecord> {
    if (keepId === mergeId) throw new DiplographError(ErrorCode.BAD_USER_INPUT, `cannot merge entity ${keepId} into itself`);
    const createdAt = new Date().toISOString();
    const recordId = mergeRecordId(keepId, mergeId, createdAt);
    return this.write(async (tx) => {
      const pair = await tx.run(CYPHER.mergeEntityPair, { keepId, mergeId });
      if (!pair.records.length) {
        const found = await tx.run(CYPHER.entitiesByIds, { ids: [keepId, mergeId] });
        const present = new Set(found.records.map((r) => String(field(r, 'entity').id)));
        const missing = present.has(keepId) ? mergeId : keepId;
        throw new DiplographError(ErrorCode.NOT_FOUND, `no entity with id '${missing}'`);
      }
      const kept = toEntity(field(pair.records[0], 'kept'));
      const merged = toEntity(field(pair.records[0], 'merged'));

      // Relations move over: each end that was the merged entity becomes the kept one, marked for a split.
      const ends = (await tx.run(RELATION_ENDS, { entityId: mergeId })).records.map(relationEnds);
      await this.reattach(tx, ends.map((r) => {
        const set: Record<string, string> = {};
        if (r.sourceId === mergeId) set.movedSource = recordId;
        if (r.endId === mergeId) set.movedTarget = recordId;
        return { ...r, sourceId: r.sourceId === mergeId ? keepId : r.sourceId, endId: r.endId === mergeId ? keepId : r.endId, set };
      }));
      await tx.run(CYPHER.mergeMovePlaces, { mergeId, keepId, recordId });

      // Names become aliases of the kept entity; remember which are new so a split can take them back.
      const addedAliases = sortedAliases([merged.name, ...merged.aliases].filter((a) => a !== kept.name && !kept.aliases.includes(a)));
      await this.setAliases(tx, kept.id, kept.name, [...kept.aliases, ...addedAliases]);

      await tx.run(CYPHER.mergeRetire, { mergeId, keepId, recordId });
      await tx.run(CYPHER.mergeMoveMentions, { mergeId, keepId });
      await tx.run(CYPHER.mergeCreate, { id: recordId, keptId: keepId, mergedId: mergeId, merged: JSON.stringify(merged), createdAt, addedAliases });
      return { id: recordId, keptId: keepId, mergedId: mergeId, merged, createdAt, undoneAt: null };
    });
  }

  async splitEntity(mergeRecordId: string): Promise<MergeRecord> {
    const undoneAt = new Date().toISOString();
    return this.write(async (tx) => {
      const found = await tx.run(CYPHER.mergeById, { id: mergeRecordId });
      if (!found.records.length) throw new DiplographError(ErrorCode.NOT_FOUND, `no entity merge with id '${mergeRecordId}'`);
      const m = storedMerge(field(found.records[0], 'record'));
      if (m.undoneAt) throw new DiplographError(ErrorCode.BAD_USER_INPUT, `entity merge ${m.id} was already undone at ${m.undoneAt}`);

      const restored = numberField((await tx.run(CYPHER.splitRestore, { mergeId: m.mergedId, recordId: m.id })).records[0], 'restored');
      if (restored !== 1) throw new DiplographError(ErrorCode.STORE_INTEGRITY, `entity ${m.mergedId} of merge ${m.id} is no longer stored`);

      const moved = (await tx.run(RELATIONS_MOVED_BY, { recordId: m.id })).records.map(relationEnds);
      await this.reattach(tx, moved.map((r) => {
        const set: Record<string, null> = {};
        if (r.movedSource === m.id) set.movedSource = null;
        if (r.movedTarget === m.id) set.movedTarget = null;
        return {
          ...r,
          sourceId: r.movedSource === m.id ? m.mergedId : r.sourceId,
          endId: r.movedTarget === m.id ? m.mergedId : r.endId,
          set,
        };
      }));
      await tx.run(CYPHER.splitPlaces, { recordId: m.id, mergeId: m.mergedId });

      const [kept] = (await tx.run(CYPHER.entitiesByIds, { ids: [m.keptId] })).records.map((r) => toEntity(field(r, 'entity')));
      if (kept) await this.setAliases(tx, kept.id, kept.name, kept.aliases.filter((a) => !m.addedAliases.includes(a)));
      await tx.run(CYPHER.splitFinish, { id: m.id, undoneAt });
      return { id: m.id, keptId: m.keptId, mergedId: m.mergedId, merged: m.merged, createdAt: m.createdAt, undoneAt };
    });
  }

  async listMerges(): Promise<MergeRecord[]> {
    return this.read(async (tx) =>
      (await tx.run(CYPHER.mergeList)).records.map((r) => {
        const m = storedMerge(field(r, 'record'));
        return { id: m.id, keptId: m.keptId, mergedId: m.mergedId, merged: m.merged, createdAt: m.createdAt, undoneAt: m.undoneAt };
      }),
    );
  }

  private async reattach(tx: ManagedTransaction, rows: (RelationEnds & { set: Record<string, string | null> })[]): Promise<void> {
    const byType = new Map<RelationType, { id: string; sourceId: string; endId: string; set: Record<string, string | null> }[]>();
    for (const r of rows) {
      const list = byType.get(r.type) ?? [];
      list.push({ id: r.id, sourceId: r.sourceId, endId: r.endId, set: r.set });
      byType.set(r.type, list);
    }
    for (const [type, list] of byType) {
      const res = await tx.run(relationReattachStatement(type), { rows: list });
      if (numberField(res.records[0], 'moved') !== list.length) {
        throw new DiplographError(ErrorCode.STORE_INTEGRITY, `could not move every ${type} relation to its new ends`);
      }
    }
  }

  private async setAliases(tx: ManagedTransaction, id: string, name: string, aliases: readonly string[]): Promise<void> {
    const unique = [...new Set(aliases)].filter((a) => a !== name);
    const keys = [...new Set([normalizeName(name), ...unique.map(normalizeName)])];
    await tx.run(CYPHER.entitySetAliases, { id, aliases: unique, keys });
  }
}

/** The error for a relation whose ends are neither in its article nor stored, naming the first such article. */
function missingEnd(plans: readonly WritePlan[]): DiplographError {
  for (const plan of plans) {
    const known = new Set(plan.entities.map((e) => e.id));
    for (const [type, rows] of plan.relations) {
      const missing = rows.flatMap((r) => [r.sourceId, r.endId]).find((id) => !known.has(id));
      if (missing) {
        return new DiplographError(
          ErrorCode.STORE_INTEGRITY,
          `article ${plan.article.id}: a ${type} relation refers to ${missing}, which is neither in the article nor stored`,
        );
      }
    }
  }
  return new DiplographError(ErrorCode.STORE_INTEGRITY, `article ${plans[0].article.id}: a relation refers to an entity, which is neither in the article nor stored`);
}

function relationEnds(rec: { get(key: string): unknown }): RelationEnds {
  const s = (k: string) => plain(rec.get(k));
  return {
    id: String(s('id')),
    type: String(s('type')) as RelationType,
    sourceId: String(s('sourceId')),
    endId: String(s('endId')),
    movedSource: (s('movedSource') as string | null) ?? null,
    movedTarget: (s('movedTarget') as string | null) ?? null,
  };
}

function storedMerge(m: { [key: string]: Plain }): StoredMerge {
  return {
    id: String(m.id),
    keptId: String(m.keptId),
    mergedId: String(m.mergedId),
    merged: JSON.parse(String(m.merged)) as EntityRecord,
    createdAt: String(m.createdAt),
    undoneAt: m.undoneAt == null ? null : String(m.undoneAt),
    addedAliases: Array.isArray(m.addedAliases) ? m.addedAliases.map(String) : [],
  };
}
