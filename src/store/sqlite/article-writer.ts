// The embedded store's write path. Statements are prepared once per connection and a batch is one IMMEDIATE
// transaction (one commit instead of one per article). An article is still all or nothing: when one fails, the
// batch is rolled back and written again one transaction per article, so the articles before the failing one are
// committed and its error is thrown, as if each had always had its own transaction (failures are rare; per-article
// savepoints would cost every batch a copy of each page it touches). Merge redirects and the names and aliases of
// stored entities are remembered between batches while no other connection commits and this one makes no correction.
import type Database from 'better-sqlite3';
import { dateEnd, dateStart } from '../../domain/date-range.js';
import { evidenceId, normalizeName } from '../../domain/ids.js';
import type { ExtractedArticle } from '../../domain/model.js';
import type { WriteResult } from '../graph-store.js';
import type { IndexedRelation } from '../internal/adjacency-index.js';

export interface BatchOutcome {
  /** One per committed article, in input order. */
  results: WriteResult[];
  /** Relations the committed articles added (ends after merge redirects), for the adjacency index. */
  added: IndexedRelation[];
  /** The error of the article that failed, after the ones before it were committed. */
  error?: unknown;
}

type Redirect = (id: string) => string;
const identity: Redirect = (id) => id;

/** Stored rows remembered at most (then forgotten at once), so a long ingest's memory stays flat. */
const KNOWN_MAX = 100_000;

/** Rows known to be stored: entity names by id, and (entity id, alias) pairs. */
class KnownRows {
  readonly names = new Map<string, string>();
  readonly aliases = new Set<string>();

  get size(): number {
    return this.names.size + this.aliases.size;
  }

  clear(): void {
    this.names.clear();
    this.aliases.clear();
  }

  add(other: KnownRows): void {
    if (this.size + other.size > KNOWN_MAX) this.clear();
    for (const [id, name] of other.names) this.names.set(id, name);
    for (const key of other.aliases) this.aliases.add(key);
  }
}

const aliasKey = (id: string, alias: string): string => `${id}\u0000${alias}`;

export class ArticleWriter {
  private readonly insertArticle: Database.Statement;
  private readonly insertEntity: Database.Statement;
  private readonly entityName: Database.Statement;
  private readonly insertAlias: Database.Statement;
  private readonly insertRelation: Database.Statement;
  private readonly storedRelation: Database.Statement;
  private readonly raiseConfidence: Database.Statement;
  private readonly insertEvidence: Database.Statement;
  private readonly insertMentions: Database.Statement;
  private readonly activeMerges: Database.Statement;
  private readonly dataVersionStatement: Database.Statement;
  private readonly inTransaction: (write: () => void) => void;
  private redirect: Redirect = identity;
  /** What is committed, as of data_version `knownVersion`. */
  private readonly known = new KnownRows();
  private knownVersion = -1;

  constructor(private readonly db: Database.Database) {
    this.insertArticle = db.prepare(
      `INSERT OR IGNORE INTO articles (id, title, text, url, published, lang, external_id, tags, origin, extractor_version, ingested_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertEntity = db.prepare('INSERT INTO entities (id, name, norm_name, type, wikidata) VALUES (?, ?, ?, ?, ?)');
    this.entityName = db.prepare('SELECT name FROM entities WHERE id = ?').pluck();
    this.insertAlias = db.prepare('INSERT OR IGNORE INTO entity_aliases (entity_id, alias, norm) VALUES (?, ?, ?)');
    this.insertRelation = db.prepare(
      `INSERT OR IGNORE INTO relations (id, type, source_id, target_id, place_id, date, date_start, date_end, status, quote, confidence, role, cameo, plover)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.storedRelation = db.prepare('SELECT rid, confidence FROM relations WHERE id = ?').raw();
    this.raiseConfidence = db.prepare('UPDATE relations SET confidence = ? WHERE rid = ?');
    // Keyed by (relation rid, article rid, start, end): the id is a hash of that tuple, so it needs no index.
    this.insertEvidence = db.prepare(
      'INSERT OR IGNORE INTO evidence (relation_rid, article_rid, start, "end", id, sentence, extractor_version) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    // One row per statement: for an article's few dozen mentions cheaper than one statement over a JSON array.
    this.insertMentions = db.prepare('INSERT OR IGNORE INTO entity_mentions (article_rid, entity_id, by_relation) VALUES (?, ?, ?)');
    this.activeMerges = db.prepare('SELECT merged_id, kept_id FROM entity_merges WHERE undone_at IS NULL');
    this.dataVersionStatement = db.prepare('PRAGMA data_version').pluck();
    // IMMEDIATE takes the write lock first, so two processes cannot both see an article as new.
    this.inTransaction = db.transaction((write: () => void) => write()).immediate;
  }

  /** This connection changed what the caches hold (merge, split, delete): read it again. */
  forget(): void {
    this.knownVersion = -1;
  }

  /** Which commits of other connections this connection has seen (unchanged by its own commits). */
  dataVersion(): number {
    return this.dataVersionStatement.get() as number;
  }

  write(batch: readonly ExtractedArticle[]): BatchOutcome {
    if (batch.length === 0) return { results: [], added: [] };
    const attempt = this.attempt(batch);
    if (!attempt.failedInside || batch.length === 1) {
      if (attempt.error !== undefined) return { results: [], added: [], error: attempt.error };
      return attempt.outcome;
    }
    // Something in the batch failed and it was rolled back whole: one transaction per article finds which.
    const outcome: BatchOutcome = { results: [], added: [] };
    for (const x of batch) {
      const one = this.attempt([x]);
      if (one.error !== undefined) return { ...outcome, error: one.error };
      outcome.results.push(...one.outcome.results);
      outcome.added.push(...one.outcome.added);
    }
    return outcome;
  }

  /** One transaction for the articles; `failedInside` when it got the lock and an article's writes failed. */
  private attempt(batch: readonly ExtractedArticle[]): { outcome: BatchOutcome; error?: unknown; failedInside: boolean } {
    const outcome: BatchOutcome = { results: [], added: [] };
    const learned = new KnownRows();
    let writing = false;
    try {
      this.inTransaction(() => {
        this.refresh();
        writing = true;
        for (const x of batch) outcome.results.push(this.writeOne(x, outcome.added, learned));
        writing = false;
      });
    } catch (error) {
      return { outcome, error, failedInside: writing };
    }
    this.known.add(learned);
    return { outcome, failedInside: false };
  }

  /** Inside the write lock: drops what another connection's commits or this one's corrections may have changed. */
  private refresh(): void {
    const version = this.dataVersion();
    if (version === this.knownVersion) return;
    this.known.clear();
    const rows = this.activeMerges.all() as { merged_id: string; kept_id: string }[];
    const map = new Map(rows.map((r) => [r.merged_id, r.kept_id]));
    // Merged → kept, following chains (bounded, so a cycle cannot hang the writer).
    this.redirect = rows.length
      ? (id) => {
          let cur = id;
          for (let i = 0; i < rows.length && map.has(cur); i++) cur = map.get(cur) as string;
          return cur;
        }
      : identity;
    this.knownVersion = version;
  }

  /** The stored name of an entity, or undefined; `learned` holds what this transaction wrote or read. */
  private storedName(id: string, learned: KnownRows): string | undefined {
    const known = this.known.names.get(id) ?? learned.names.get(id);
    if (known !== undefined) return known;
    const name = this.entityName.get(id) as string | undefined;
    if (name !== undefined) learned.names.set(id, name);
    return name;
  }

  private addAlias(id: string, alias: string, learned: KnownRows): void {
    const key = aliasKey(id, alias);
    if (this.known.aliases.has(key) || learned.aliases.has(key)) return;
    this.insertAlias.run(id, alias, normalizeName(alias));
    learned.aliases.add(key);
  }

  private writeOne(x: ExtractedArticle, added: IndexedRelation[], learned: KnownRows): WriteResult {
    const a = x.article;
    const result: WriteResult = { articleId: a.id, status: 'new', entitiesAdded: 0, relationsAdded: 0, evidenceAdded: 0 };
    const inserted = this.insertArticle.run(
      a.id, a.title, a.text, a.url, a.published, a.lang, a.externalId, JSON.stringify(a.tags), a.origin, x.extractorVersion, new Date().toISOString(),
    );
    if (inserted.changes === 0) {
      result.status = 'duplicate';
      return result;
    }
    const articleRid = inserted.lastInsertRowid;
    const to = this.redirect;
    const mentioned: string[] = [];
    const ends = new Set<string>();
    for (const e of x.entities) {
      const id = to(e.id);
      let stored = this.storedName(id, learned);
      if (stored === undefined && id === e.id) {
        this.insertEntity.run(e.id, e.name, normalizeName(e.name), e.type, e.wikidata);
        result.entitiesAdded++;
        stored = e.name;
        learned.names.set(id, stored);
      }
      if (e.aliases.length || e.name !== stored) {
        for (const alias of new Set([e.name, ...e.aliases])) {
          if (alias !== stored) this.addAlias(id, alias, learned);
        }
      }
      mentioned.push(id);
    }
    for (const r of x.relations) {
      const sourceId = to(r.source);
      const targetId = r.target && to(r.target);
      const start = r.date ? dateStart(r.date) : null;
      const end = r.date ? dateEnd(r.date) : null;
      const insertedRelation = this.insertRelation.run(
        r.id, r.type, sourceId, targetId, r.place && to(r.place), r.date, start, end, r.status, r.quote, r.confidence, r.role, r.cameo, r.plover,
      );
      let relationRid = insertedRelation.lastInsertRowid;
      if (insertedRelation.changes) {
        // Its stored ends are these ids and it has evidence in this article: the ends' mentions are implied by it.
        if (r.mentions.length) {
          ends.add(sourceId);
          if (targetId) ends.add(targetId);
        }
        result.relationsAdded++;
        added.push({ id: r.id, type: r.type, sourceId, targetId, status: r.status, dateStart: start, dateEnd: end });
      } else {
        // Ignored for a reason other than its id (a NOT NULL column): no row, and its evidence fails on the foreign key.
        const [rid, confidence] = (this.storedRelation.get(r.id) as [number, number] | undefined) ?? [-1, Infinity];
        relationRid = rid;
        if (confidence < r.confidence) this.raiseConfidence.run(r.confidence, rid);
      }
      for (const m of r.mentions) {
        result.evidenceAdded += this.insertEvidence.run(
          relationRid, articleRid, m.start, m.end, evidenceId(r.id, a.id, m.start, m.end), m.sentence, x.extractorVersion,
        ).changes;
      }
    }
    // A mention implied by one of the article's new relations stays out of the entity index (migration 5).
    for (const id of mentioned) this.insertMentions.run(articleRid, id, ends.has(id) ? 1 : 0);
    return result;
  }
}
