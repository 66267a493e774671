// The embedded store: one SQLite file (WAL), written one transaction per batch (article-writer.ts), read through
// prepared statements. Path search runs on an in-memory adjacency index that this connection's writes extend and
// that is rebuilt when another process changed the file.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DiplographError, ErrorCode } from '../../domain/errors.js';
import { mergeId as mergeRecordId, normalizeName } from '../../domain/ids.js';
import type {
  ArticleRecord,
  EntityRecord,
  EntityType,
  EvidenceRecord,
  ExtractedArticle,
  PathRecord,
  RelationRecord,
  RelationStatus,
  RelationType,
} from '../../domain/model.js';
import type {
  ContactCount,
  DegreeQuery,
  DegreeRow,
  DeleteResult,
  EntitySearch,
  GraphStore,
  IntegrityReport,
  MergeRecord,
  NeighborhoodQuery,
  Page,
  PathQuery,
  RelationFilter,
  StoreCounts,
  Subgraph,
  WindowFilter,
  WriteResult,
} from '../graph-store.js';
import { AdjacencyIndex } from '../internal/adjacency-index.js';
import { buildPage, sortedAliases } from '../internal/records.js';
import { ArticleWriter } from './article-writer.js';
import { MIGRATIONS } from './migrations.js';
import { prepared, type RowMode } from './statement-cache.js';

/** How long a writer waits for another process's transaction before giving up. */
export const DEFAULT_BUSY_TIMEOUT_MS = 10_000;

interface RelationRow {
  rid: number;
  id: string;
  type: RelationType;
  source_id: string;
  target_id: string | null;
  place_id: string | null;
  date: string | null;
  date_start: string | null;
  date_end: string | null;
  status: RelationStatus;
  quote: string | null;
  confidence: number;
  role: string | null;
  cameo: string | null;
  plover: string | null;
}

interface EvidenceRow {
  id: string;
  relation_id: string;
  article_id: string;
  sentence: string;
  start: number;
  end: number;
  extractor_version: string;
}

interface EntityRow {
  id: string;
  name: string;
  type: EntityType;
  wikidata: string | null;
  /** JSON array (ENTITY_FIELDS). */
  aliases: string;
}

interface ArticleRow {
  id: string;
  title: string | null;
  text: string;
  url: string | null;
  published: string | null;
  lang: string;
  external_id: string | null;
  tags: string;
  origin: string | null;
}

/** SQL condition for each relation filter; values are bound as the named parameter of the same name. */
const RELATION_CONDITIONS: { [K in keyof RelationFilter]?: string } = {
  types: 'type IN (SELECT value FROM json_each(@types))',
  statuses: 'status IN (SELECT value FROM json_each(@statuses))',
  entityId: '(source_id = @entityId OR target_id = @entityId)',
  counterpartId: '(source_id = @counterpartId OR target_id = @counterpartId)',
  sourceId: 'source_id = @sourceId',
  targetId: 'target_id = @targetId',
  placeId: 'place_id = @placeId',
  countryId: '(source_id = @countryId OR target_id = @countryId OR place_id = @countryId)',
  minConfidence: 'confidence >= @minConfidence',
  articleId: 'rid IN (SELECT relation_rid FROM evidence WHERE article_rid = (SELECT rid FROM articles WHERE id = @articleId))',
  since: 'date_end >= @since',
  until: 'date_start <= @until',
};

/** The WHERE conditions of a relation filter; fills `params` (lists as JSON for json_each). */
function relationConditions(f: Partial<RelationFilter>, params: Record<string, unknown>): string[] {
  const clauses: string[] = [];
  for (const [key, sql] of Object.entries(RELATION_CONDITIONS) as [keyof RelationFilter, string][]) {
    const value = f[key];
    if (value == null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    clauses.push(sql);
    params[key] = Array.isArray(value) ? JSON.stringify(value) : value;
  }
  return clauses;
}

/** Id lists are bound as one JSON array, so each lookup has one SQL text, prepared once, for any number of ids. */
const IN_IDS = 'IN (SELECT value FROM json_each(?))';

/** An entity row with its aliases as one JSON array: one statement instead of a second query for aliases. */
const ENTITY_FIELDS = 'e.id, e.name, e.type, e.wikidata, (SELECT json_group_array(alias) FROM entity_aliases a WHERE a.entity_id = e.id) AS aliases';
const ENTITY_COLUMNS = `SELECT ${ENTITY_FIELDS} FROM entities e`;
/** Name lookup tiers, most specific first: id, Wikidata id, normalised name, alias. */
const ENTITY_TIERS = [
  'e.id = @id',
  'e.wikidata = @wikidata',
  'e.norm_name = @norm',
  'e.id IN (SELECT entity_id FROM entity_aliases WHERE norm = @norm)',
] as const;
/**
 * Every tier in one statement (one index search each), an entity at the most specific tier it matches: the first row
 * is from the first tier with a match, and a second row from that tier means namesakes.
 */
const ENTITY_LOOKUP = `SELECT ${ENTITY_FIELDS}, CASE ${ENTITY_TIERS.slice(0, -1)
  .map((where, tier) => `WHEN ${where} THEN ${tier}`)
  .join(' ')} ELSE ${ENTITY_TIERS.length - 1} END AS tier
  FROM entities e WHERE ${ENTITY_TIERS.join(' OR ')} ORDER BY tier, e.id LIMIT 2`;
const ENTITY_DEGREE = '(SELECT count(*) FROM relations r WHERE r.source_id = e.id OR r.target_id = e.id)';
/** Per tier, the most connected of its namesakes. */
const ENTITY_RANKED = ENTITY_TIERS.map((where) => `${ENTITY_COLUMNS} WHERE ${where} ORDER BY ${ENTITY_DEGREE} DESC, e.id LIMIT 1`);

export class SqliteStore implements GraphStore {
  readonly kind = 'sqlite' as const;
  private db: Database.Database | null = null;
  private index: AdjacencyIndex | null = null;
  /** The data_version the index was built at: another process's commit changes it, this connection's do not. */
  private indexVersion = -1;
  private writer: ArticleWriter | null = null;

  constructor(private readonly path: string) {}

  private get conn(): Database.Database {
    if (!this.db) throw new DiplographError(ErrorCode.STORE_UNAVAILABLE, `SQLite store ${this.path} is not open`);
    return this.db;
  }

  private get write(): ArticleWriter {
    this.writer ??= new ArticleWriter(this.conn);
    return this.writer;
  }

  async init(): Promise<void> {
    if (this.db) return;
    try {
      if (this.path !== ':memory:') mkdirSync(dirname(this.path), { recursive: true });
      const db = new Database(this.path);
      db.pragma('journal_mode = WAL');
      db.pragma(`busy_timeout = ${DEFAULT_BUSY_TIMEOUT_MS}`);
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      // Writes: a page cache that holds a batch's working set, journals of statements in memory, and checkpoints
      // every ~40 MiB of WAL instead of every 4 MiB (each copies the pages a batch touched back into the file).
      db.pragma('cache_size = -65536');
      db.pragma('temp_store = MEMORY');
      db.pragma('wal_autocheckpoint = 10000');
      db.pragma('journal_size_limit = 67108864');
      this.db = db;
      this.migrate();
    } catch (err) {
      if (err instanceof DiplographError) throw err;
      throw new DiplographError(ErrorCode.STORE_UNAVAILABLE, `cannot open SQLite store ${this.path}: ${(err as Error).message}`, { cause: err });
    }
  }

  private migrate(): void {
    const db = this.conn;
    // IMMEDIATE: two processes opening a new file at once must not both run migration 1.
    db.transaction(() => {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > MIGRATIONS.length) {
        throw new DiplographError(
          ErrorCode.CONFIG_INVALID,
          `SQLite store ${this.path} has schema version ${version}, newer than this diplograph (${MIGRATIONS.length})`,
        );
      }
      for (let v = version; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${MIGRATIONS.length}`);
    }).immediate();
  }

  async close(): Promise<void> {
    this.db?.close();
    this.db = null;
    this.writer = null;
    this.index = null;
  }

  async ping(): Promise<void> {
    this.sql('SELECT 1').get();
  }

  // ---- writes ---------------------------------------------------------------------------------

  async writeArticle(extracted: ExtractedArticle): Promise<WriteResult> {
    return (await this.writeArticles([extracted]))[0];
  }

  async writeArticles(batch: readonly ExtractedArticle[]): Promise<WriteResult[]> {
    const outcome = this.write.write(batch);
    // What was committed joins the index (which is rebuilt instead if another process has committed since).
    for (const r of outcome.added) this.index?.add(r);
    if (outcome.error !== undefined) throw outcome.error;
    return outcome.results;
  }

  async hasArticle(id: string): Promise<boolean> {
    return this.conn.prepare('SELECT 1 FROM articles WHERE id = ?').get(id) !== undefined;
  }

  async counts(): Promise<StoreCounts> {
    const row = this.sql(
      `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM entities) AS entities,
              (SELECT count(*) FROM relations) AS relations, (SELECT count(*) FROM evidence) AS evidence`,
    ).get() as StoreCounts;
    return { ...row };
  }

  async checkIntegrity(limit = 100): Promise<IntegrityReport> {
    const ids = (sql: string) => this.conn.prepare(`${sql} LIMIT ?`).pluck().all(limit) as string[];
    return {
      counts: await this.counts(),
      relationsWithoutEvidence: ids('SELECT r.id FROM relations r WHERE NOT EXISTS (SELECT 1 FROM evidence e WHERE e.relation_rid = r.rid) ORDER BY r.id'),
      evidenceWithoutArticle: ids('SELECT e.id FROM evidence e LEFT JOIN articles a ON a.rid = e.article_rid WHERE a.rid IS NULL ORDER BY e.id'),
      // substr counts characters as SQLite does; offsets are UTF-16 code units, so compare in JS below.
      evidenceOffsetMismatch: this.offsetMismatches(limit),
      relationsWithMissingEntity: ids(
        `SELECT r.id FROM relations r WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = r.source_id)
           OR (r.target_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = r.target_id))
           OR (r.place_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = r.place_id)) ORDER BY r.id`,
      ),
    };
  }

  private offsetMismatches(limit: number): string[] {
    const bad: string[] = [];
    const rows = this.conn
      .prepare('SELECT e.id, e.sentence, e.start, e."end" AS end, a.text FROM evidence e JOIN articles a ON a.rid = e.article_rid ORDER BY a.id, e.id')
      .iterate() as IterableIterator<{ id: string; sentence: string; start: number; end: number; text: string }>;
    for (const r of rows) {
      if (r.text.slice(r.start, r.end) !== r.sentence) bad.push(r.id);
      if (bad.length >= limit) break;
    }
    return bad;
  }

  // ---- entities -------------------------------------------------------------------------------

  /** A read statement of this connection, prepared on first use (statement-cache.ts). */
  private sql(text: string, mode?: RowMode): Database.Statement {
    return prepared(this.conn, text, mode);
  }

  private toEntities(rows: EntityRow[]): EntityRecord[] {
    return rows.map((r) => ({ id: r.id, name: r.name, type: r.type, wikidata: r.wikidata, aliases: sortedAliases(JSON.parse(r.aliases) as string[]) }));
  }

  /** The first tier that matches wins; among namesakes, the most connected (then the smallest id). */
  async findEntity(nameOrAlias: string): Promise<EntityRecord | null> {
    const params = { id: nameOrAlias, wikidata: nameOrAlias.toUpperCase(), norm: normalizeName(nameOrAlias) };
    const [first, second] = this.sql(ENTITY_LOOKUP).all(params) as (EntityRow & { tier: number })[];
    if (!first) return null;
    // Counting a hub's relations costs far more than the lookup, so only when there are namesakes to rank.
    const row = second?.tier === first.tier ? (this.sql(ENTITY_RANKED[first.tier]).get(params) as EntityRow) : first;
    return this.toEntities([row])[0];
  }

  async getEntities(ids: readonly string[]): Promise<(EntityRecord | null)[]> {
    if (!ids.length) return [];
    const rows = this.sql(`${ENTITY_COLUMNS} WHERE e.id ${IN_IDS}`).all(JSON.stringify(ids)) as EntityRow[];
    const byId = new Map(this.toEntities(rows).map((e) => [e.id, e]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async searchEntities(q: EntitySearch): Promise<Page<EntityRecord>> {
    const norm = normalizeName(q.search ?? '');
    const where = 'instr(k.key, @norm) > 0 AND (@type IS NULL OR e.type = @type)';
    const from = `entities e JOIN (SELECT id AS eid, norm_name AS key FROM entities UNION ALL SELECT entity_id, norm FROM entity_aliases) k ON k.eid = e.id`;
    const params = { norm, type: q.type ?? null, limit: q.first, offset: q.offset };
    const total = this.sql(`SELECT count(DISTINCT e.id) FROM ${from} WHERE ${where}`, 'pluck').get(params) as number;
    const rows = this.sql(
      `SELECT ${ENTITY_FIELDS},
              MIN(CASE WHEN k.key = @norm THEN 0 WHEN substr(k.key, 1, length(@norm)) = @norm THEN 1 ELSE 2 END) AS rank
       FROM ${from} WHERE ${where}
       GROUP BY e.id ORDER BY rank, e.norm_name, e.id LIMIT @limit OFFSET @offset`,
    ).all(params) as EntityRow[];
    return buildPage(this.toEntities(rows), total, q.offset);
  }

  // ---- relations ------------------------------------------------------------------------------

  /** Evidence by relation, from the relations' rids (the evidence table's key). */
  private evidenceOf(rids: readonly number[]): Map<string, EvidenceRecord[]> {
    const out = new Map<string, EvidenceRecord[]>();
    if (!rids.length) return out;
    const rows = this.sql(
      `SELECT e.id, r.id AS relation_id, a.id AS article_id, e.sentence, e.start, e."end", e.extractor_version
       FROM evidence e JOIN relations r ON r.rid = e.relation_rid JOIN articles a ON a.rid = e.article_rid
       WHERE e.relation_rid ${IN_IDS} ORDER BY a.id, e.start, e."end", e.id`,
    ).all(JSON.stringify(rids)) as EvidenceRow[];
    for (const r of rows) {
      const e: EvidenceRecord = {
        id: r.id, relationId: r.relation_id, articleId: r.article_id, sentence: r.sentence, start: r.start, end: r.end, extractorVersion: r.extractor_version,
      };
      const list = out.get(r.relation_id);
      if (list) list.push(e);
      else out.set(r.relation_id, [e]);
    }
    return out;
  }

  private toRelations(rows: RelationRow[]): RelationRecord[] {
    const evidence = this.evidenceOf(rows.map((r) => r.rid));
    return rows.map((r) => ({
      id: r.id,
      type: r.type,
      sourceId: r.source_id,
      targetId: r.target_id,
      placeId: r.place_id,
      date: r.date,
      status: r.status,
      quote: r.quote,
      confidence: r.confidence,
      role: r.role,
      cameo: r.cameo,
      plover: r.plover,
      evidence: evidence.get(r.id) ?? [],
    }));
  }

  async getRelations(ids: readonly string[]): Promise<(RelationRecord | null)[]> {
    if (!ids.length) return [];
    const rows = this.sql(`SELECT * FROM relations WHERE id ${IN_IDS}`).all(JSON.stringify(ids)) as RelationRow[];
    const byId = new Map(this.toRelations(rows).map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async listRelations(f: RelationFilter): Promise<Page<RelationRecord>> {
    const params: Record<string, unknown> = { limit: f.first, offset: f.offset };
    const clauses = relationConditions(f, params);
    const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    const total = this.sql(`SELECT count(*) FROM relations ${where}`, 'pluck').get(params) as number;
    const rows = this.sql(`SELECT * FROM relations ${where} ORDER BY date_start IS NULL, date_start, id LIMIT @limit OFFSET @offset`).all(params) as RelationRow[];
    return buildPage(this.toRelations(rows), total, f.offset);
  }

  // ---- articles -------------------------------------------------------------------------------

  async getArticle(id: string): Promise<ArticleRecord | null> {
    return (await this.getArticles([id]))[0];
  }

  async articleEntities(articleId: string): Promise<EntityRecord[]> {
    const rows = this.sql(
      `SELECT ${ENTITY_FIELDS} FROM entity_mentions m JOIN entities e ON e.id = m.entity_id
       WHERE m.article_rid = (SELECT rid FROM articles WHERE id = ?) ORDER BY e.id`,
    ).all(articleId) as EntityRow[];
    return this.toEntities(rows);
  }

  async getArticles(ids: readonly string[]): Promise<(ArticleRecord | null)[]> {
    if (!ids.length) return [];
    const byId = new Map<string, ArticleRecord>();
    const rows = this.sql(`SELECT id, title, text, url, published, lang, external_id, tags, origin FROM articles WHERE id ${IN_IDS}`).all(
      JSON.stringify(ids),
    ) as ArticleRow[];
    for (const r of rows) {
      byId.set(r.id, {
        id: r.id, title: r.title, text: r.text, url: r.url, published: r.published, lang: r.lang, externalId: r.external_id,
        tags: JSON.parse(r.tags) as string[], origin: r.origin,
      });
    }
    return ids.map((id) => byId.get(id) ?? null);
  }

  // ---- paths ----------------------------------------------------------------------------------

  /** The adjacency index: kept in step with this connection's writes, rebuilt after another process's commits. */
  private adjacency(): AdjacencyIndex {
    const version = this.write.dataVersion();
    if (this.index && version === this.indexVersion) return this.index;
    const index = new AdjacencyIndex();
    const rows = this.conn
      .prepare('SELECT id, type, source_id, target_id, status, date_start, date_end FROM relations WHERE target_id IS NOT NULL')
      .raw()
      .iterate() as IterableIterator<[string, RelationType, string, string, RelationStatus, string | null, string | null]>;
    for (const [id, type, sourceId, targetId, status, start, end] of rows) {
      index.add({ id, type, sourceId, targetId, status, dateStart: start, dateEnd: end });
    }
    this.index = index;
    this.indexVersion = version;
    return index;
  }

  private async toPathRecords(paths: { nodeIds: string[]; relationIds: string[] }[]): Promise<PathRecord[]> {
    const relations = await this.getRelations([...new Set(paths.flatMap((p) => p.relationIds))]);
    const byId = new Map(relations.filter((r): r is RelationRecord => r !== null).map((r) => [r.id, r]));
    return paths.map((p) => ({ nodeIds: p.nodeIds, edges: p.relationIds.map((id) => byId.get(id) as RelationRecord) }));
  }

  async paths(q: PathQuery): Promise<PathRecord[]> {
    return this.toPathRecords(this.adjacency().paths(q));
  }

  async shortestPath(q: Omit<PathQuery, 'first'>): Promise<PathRecord | null> {
    const path = this.adjacency().shortestPath(q);
    return path ? (await this.toPathRecords([path]))[0] : null;
  }

  // ---- analyst queries ------------------------------------------------------------------------

  async neighborhood(q: NeighborhoodQuery): Promise<Subgraph> {
    const n = this.adjacency().neighborhood(q);
    const relations = await this.getRelations(n.relationIds);
    return { nodeIds: n.nodeIds, relations: relations.filter((r): r is RelationRecord => r !== null), truncated: n.truncated };
  }

  /** Both directions of every relation with a counterpart, filtered: one row per (entity, other, relation). */
  private endsSql(f: WindowFilter, params: Record<string, unknown>): string {
    const clauses = ['target_id IS NOT NULL', 'target_id != source_id', ...relationConditions({ ...f, types: f.relationTypes }, params)];
    const where = clauses.join(' AND ');
    return `SELECT id, type, source_id AS e, target_id AS o FROM relations WHERE ${where}
            UNION ALL SELECT id, type, target_id AS e, source_id AS o FROM relations WHERE ${where}`;
  }

  async degreeRanking(q: DegreeQuery): Promise<DegreeRow[]> {
    const params: Record<string, unknown> = { limit: q.first, entityType: q.entityType ?? null };
    const ends = this.endsSql(q, params);
    const rows = this.sql(
      `SELECT ends.e AS entityId, count(DISTINCT ends.o) AS degree, count(*) AS relations
       FROM (${ends}) ends JOIN entities en ON en.id = ends.e
       WHERE @entityType IS NULL OR en.type = @entityType
       GROUP BY ends.e ORDER BY degree DESC, relations DESC, ends.e LIMIT @limit`,
    ).all(params) as DegreeRow[];
    return rows.map((r) => ({ ...r }));
  }

  async contactCounts(entityId: string, filter: WindowFilter): Promise<ContactCount[]> {
    const params: Record<string, unknown> = { entity: entityId };
    const rows = this.sql(
      `SELECT o AS counterpartId, type, count(*) AS count FROM (${this.endsSql(filter, params)})
       WHERE e = @entity GROUP BY o, type ORDER BY count DESC, o, type`,
    ).all(params) as ContactCount[];
    return rows.map((r) => ({ ...r }));
  }

  async listArticles(page: { first: number; offset: number }): Promise<Page<ArticleRecord>> {
    const total = this.sql('SELECT count(*) FROM articles', 'pluck').get() as number;
    const ids = this.sql('SELECT id FROM articles ORDER BY published IS NULL, published DESC, id LIMIT ? OFFSET ?', 'pluck').all(page.first, page.offset) as string[];
    const articles = await this.getArticles(ids);
    return buildPage(articles.filter((a): a is ArticleRecord => a !== null), total, page.offset);
  }

  // ---- corrections ----------------------------------------------------------------------------

  async deleteArticle(id: string): Promise<DeleteResult | null> {
    const db = this.conn;
    const result = db.transaction((): DeleteResult | null => {
      const rid = db.prepare('SELECT rid FROM articles WHERE id = ?').pluck().get(id) as number | undefined;
      if (rid === undefined) return null;
      const touched = db.prepare('SELECT DISTINCT relation_rid FROM evidence WHERE article_rid = ?').pluck().all(rid) as number[];
      const mentioned = db.prepare('SELECT entity_id FROM entity_mentions WHERE article_rid = ?').pluck().all(rid) as string[];
      const evidenceRemoved = db.prepare('DELETE FROM evidence WHERE article_rid = ?').run(rid).changes;
      const dropRelation = db.prepare('DELETE FROM relations WHERE rid = ? AND NOT EXISTS (SELECT 1 FROM evidence WHERE relation_rid = ?)');
      let relationsRemoved = 0;
      for (const r of touched) relationsRemoved += dropRelation.run(r, r).changes;
      db.prepare('DELETE FROM entity_mentions WHERE article_rid = ?').run(rid);
      db.prepare('DELETE FROM articles WHERE rid = ?').run(rid);
      const orphan = db.prepare(
        // Mentions with by_relation = 1 are not in the entity index, but each comes with a relation ending at e.
        `SELECT 1 FROM entities e WHERE e.id = ? AND NOT EXISTS (SELECT 1 FROM entity_mentions m WHERE m.entity_id = e.id AND m.by_relation = 0)
         AND NOT EXISTS (SELECT 1 FROM relations r WHERE r.source_id = e.id OR r.target_id = e.id OR r.place_id = e.id)`,
      );
      let entitiesRemoved = 0;
      for (const e of mentioned) {
        if (!orphan.get(e)) continue;
        db.prepare('DELETE FROM entity_aliases WHERE entity_id = ?').run(e);
        entitiesRemoved += db.prepare('DELETE FROM entities WHERE id = ?').run(e).changes;
      }
      return { articleId: id, relationsRemoved, evidenceRemoved, entitiesRemoved };
    }).immediate();
    if (result) {
      this.index = null;
      this.write.forget();
    }
    return result;
  }

  async mergeEntities(keepId: string, mergeId: string): Promise<MergeRecord> {
    if (keepId === mergeId) throw new DiplographError(ErrorCode.BAD_USER_INPUT, 'cannot merge an entity into itself');
    const [kept, merged] = await this.getEntities([keepId, mergeId]);
    if (!kept) throw new DiplographError(ErrorCode.NOT_FOUND, `no entity ${keepId}`);
    if (!merged) throw new DiplographError(ErrorCode.NOT_FOUND, `no entity ${mergeId}`);
    const db = this.conn;
    const createdAt = new Date().toISOString();
    const record: MergeRecord = { id: mergeRecordId(keepId, mergeId, createdAt), keptId: keepId, mergedId: mergeId, merged, createdAt, undoneAt: null };
    db.transaction(() => {
      const mentionRids = db
        .prepare(
          `SELECT article_rid FROM entity_mentions WHERE entity_id = @id AND by_relation = 0
           UNION SELECT m.article_rid FROM relations r JOIN evidence ev ON ev.relation_rid = r.rid
             JOIN entity_mentions m ON m.article_rid = ev.article_rid AND m.entity_id = @id
           WHERE (r.source_id = @id OR r.target_id = @id) AND m.by_relation = 1`,
        )
        .pluck()
        .all({ id: mergeId }) as number[];
      const ends: { relationId: string; field: 'source_id' | 'target_id' | 'place_id' }[] = [];
      for (const field of ['source_id', 'target_id', 'place_id'] as const) {
        for (const relationId of db.prepare(`SELECT id FROM relations WHERE ${field} = ?`).pluck().all(mergeId) as string[]) ends.push({ relationId, field });
        db.prepare(`UPDATE relations SET ${field} = ? WHERE ${field} = ?`).run(keepId, mergeId);
      }
      const addAlias = db.prepare('INSERT OR IGNORE INTO entity_aliases (entity_id, alias, norm) VALUES (?, ?, ?)');
      const addedAliases = [merged.name, ...merged.aliases].filter((alias) => alias !== kept.name && addAlias.run(keepId, alias, normalizeName(alias)).changes > 0);
      // Its mentions: those in the entity index, and those implied by its relations (migration 5), read before the
      // relation ends above were moved; copies for the kept entity are listed in the index (by_relation = 0).
      const mentions = db.prepare('SELECT a.id, a.rid FROM articles a WHERE a.rid IN (SELECT value FROM json_each(?)) ORDER BY a.id').raw().all(
        JSON.stringify(mentionRids),
      ) as [string, number][];
      const moveMention = db.prepare('INSERT OR IGNORE INTO entity_mentions (article_rid, entity_id, by_relation) VALUES (?, ?, 0)');
      const dropMention = db.prepare('DELETE FROM entity_mentions WHERE article_rid = ? AND entity_id = ?');
      for (const [, rid] of mentions) {
        moveMention.run(rid, keepId);
        dropMention.run(rid, mergeId);
      }
      db.prepare('DELETE FROM entity_aliases WHERE entity_id = ?').run(mergeId);
      db.prepare('DELETE FROM entities WHERE id = ?').run(mergeId);
      db.prepare('INSERT INTO entity_merges (id, kept_id, merged_id, record, created_at) VALUES (?, ?, ?, ?, ?)').run(
        record.id, keepId, mergeId, JSON.stringify({ merged, ends, addedAliases, mentions: mentions.map(([id]) => id) }), createdAt,
      );
    }).immediate();
    this.index = null;
    this.write.forget();
    return record;
  }

  async splitEntity(mergeRecordIdArg: string): Promise<MergeRecord> {
    const db = this.conn;
    const row = db.prepare('SELECT * FROM entity_merges WHERE id = ?').get(mergeRecordIdArg) as
      | { id: string; kept_id: string; merged_id: string; record: string; created_at: string; undone_at: string | null }
      | undefined;
    if (!row) throw new DiplographError(ErrorCode.NOT_FOUND, `no merge ${mergeRecordIdArg}`);
    if (row.undone_at) throw new DiplographError(ErrorCode.BAD_USER_INPUT, `merge ${row.id} was already undone at ${row.undone_at}`);
    const saved = JSON.parse(row.record) as {
      merged: EntityRecord;
      ends: { relationId: string; field: 'source_id' | 'target_id' | 'place_id' }[];
      addedAliases: string[];
      mentions: string[];
    };
    const undoneAt = new Date().toISOString();
    db.transaction(() => {
      const m = saved.merged;
      db.prepare('INSERT INTO entities (id, name, norm_name, type, wikidata) VALUES (?, ?, ?, ?, ?)').run(m.id, m.name, normalizeName(m.name), m.type, m.wikidata);
      const addAlias = db.prepare('INSERT OR IGNORE INTO entity_aliases (entity_id, alias, norm) VALUES (?, ?, ?)');
      for (const alias of m.aliases) addAlias.run(m.id, alias, normalizeName(alias));
      const dropAlias = db.prepare('DELETE FROM entity_aliases WHERE entity_id = ? AND alias = ?');
      for (const alias of saved.addedAliases) dropAlias.run(row.kept_id, alias);
      for (const e of saved.ends) db.prepare(`UPDATE relations SET ${e.field} = ? WHERE id = ?`).run(m.id, e.relationId);
      const addMention = db.prepare('INSERT OR IGNORE INTO entity_mentions (entity_id, article_rid) SELECT ?, rid FROM articles WHERE id = ?');
      for (const article of saved.mentions) addMention.run(m.id, article);
      db.prepare('UPDATE entity_merges SET undone_at = ? WHERE id = ?').run(undoneAt, row.id);
    }).immediate();
    this.index = null;
    this.write.forget();
    return { id: row.id, keptId: row.kept_id, mergedId: row.merged_id, merged: saved.merged, createdAt: row.created_at, undoneAt };
  }

  async listMerges(): Promise<MergeRecord[]> {
    const rows = this.conn.prepare('SELECT * FROM entity_merges ORDER BY created_at, id').all() as {
      id: string; kept_id: string; merged_id: string; record: string; created_at: string; undone_at: string | null;
    }[];
    return rows.map((r) => ({
      id: r.id, keptId: r.kept_id, mergedId: r.merged_id, merged: (JSON.parse(r.record) as { merged: EntityRecord }).merged,
      createdAt: r.created_at, undoneAt: r.undone_at,
    }));
  }
}
