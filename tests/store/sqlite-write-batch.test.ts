// The SQLite store's batched writes and what it keeps between them: a batch is one transaction yet each article is
// all or nothing; the path index, merge redirects and known entity names follow this connection's writes and
// corrections and another connection's commits to the same file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ExtractedArticle, ExtractedEntity } from '../../src/domain/model.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { dateEnd, dateStart } from '../../src/domain/date-range.js';
import { evidenceId, normalizeName } from '../../src/domain/ids.js';
import { ALL_FIXTURES, entity, extracted } from '../fixtures/extracted-articles.js';

const dir = mkdtempSync(join(tmpdir(), 'diplograph-write-batch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ana = entity('Ana Alpha', 'PERSON');
const ben = entity('Ben Beta', 'PERSON');
const cem = entity('Cem Gamma', 'PERSON');
const dia = entity('Dia Delta', 'PERSON');
const eli = entity('Eli Epsilon', 'PERSON');

/** An article in which `a` met `b`. */
function meeting(a: ExtractedEntity, b: ExtractedEntity, title = `${a.name} / ${b.name}`): ExtractedArticle {
  const text = `${a.name} traf ${b.name}.`;
  return extracted({ title, text, entities: [a, b], relations: [{ type: 'MET_AT', source: a, target: b, sentences: [text] }] });
}

/** Writes an article as the store did before migration 4 (TEXT keys everywhere), for upgrade tests. */
function writeOldSchema(db: Database.Database, x: ExtractedArticle): void {
  const a = x.article;
  db.prepare(
    `INSERT INTO articles (id, title, text, url, published, lang, external_id, tags, origin, extractor_version, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(a.id, a.title, a.text, a.url, a.published, a.lang, a.externalId, JSON.stringify(a.tags), a.origin, x.extractorVersion, '2025-01-01T00:00:00.000Z');
  for (const e of x.entities) {
    const stored = db.prepare('SELECT name FROM entities WHERE id = ?').pluck().get(e.id) as string | undefined;
    if (stored === undefined) db.prepare('INSERT INTO entities (id, name, norm_name, type, wikidata) VALUES (?, ?, ?, ?, ?)').run(e.id, e.name, normalizeName(e.name), e.type, e.wikidata);
    for (const alias of new Set([e.name, ...e.aliases])) {
      if (alias !== (stored ?? e.name)) db.prepare('INSERT OR IGNORE INTO entity_aliases (entity_id, alias, norm) VALUES (?, ?, ?)').run(e.id, alias, normalizeName(alias));
    }
    db.prepare('INSERT OR IGNORE INTO entity_mentions (entity_id, article_id) VALUES (?, ?)').run(e.id, a.id);
  }
  for (const r of x.relations) {
    db.prepare(
      `INSERT OR IGNORE INTO relations (id, type, source_id, target_id, place_id, date, date_start, date_end, status, quote, confidence, role, cameo, plover)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(r.id, r.type, r.source, r.target, r.place, r.date, r.date && dateStart(r.date), r.date && dateEnd(r.date), r.status, r.quote, r.confidence, r.role, r.cameo, r.plover);
    for (const m of r.mentions) {
      db.prepare('INSERT OR IGNORE INTO evidence (id, relation_id, article_id, sentence, start, "end", extractor_version) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        evidenceId(r.id, a.id, m.start, m.end), r.id, a.id, m.sentence, m.start, m.end, x.extractorVersion,
      );
    }
  }
}

let n = 0;
const open: SqliteStore[] = [];
async function store(path = join(dir, `graph-${++n}.db`)): Promise<SqliteStore> {
  const s = new SqliteStore(path);
  await s.init();
  open.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function hops(s: SqliteStore, from: ExtractedEntity, to: ExtractedEntity): Promise<string[] | null> {
  const path = await s.shortestPath({ fromId: from.id, toId: to.id, maxHops: 4 });
  return path ? path.nodeIds : null;
}

describe('SQLite batched writes', () => {
  it('rolls back a failing article alone: the ones before it are stored, the error is thrown', async () => {
    const s = await store();
    const ghost = entity('Niemand Bekannt', 'PERSON');
    const text = 'Ana Alpha traf Niemand Bekannt.';
    // The relation names an entity that is neither in the article nor stored.
    const broken = extracted({ title: 'Kaputt', text, entities: [ana], relations: [{ type: 'MET_AT', source: ana, target: ghost, sentences: [text] }] });
    const before = meeting(ana, ben);
    const after = meeting(cem, dia);
    await expect(s.writeArticles([before, broken, after])).rejects.toThrow(/FOREIGN KEY/);
    expect(await s.hasArticle(before.article.id)).toBe(true);
    expect(await s.hasArticle(broken.article.id)).toBe(false);
    expect(await s.hasArticle(after.article.id)).toBe(false);
    expect(await s.counts()).toEqual({ articles: 1, entities: 2, relations: 1, evidence: 1 });
    // What the failed batch learned is not trusted: the next write stores Cem and Dia.
    const [again] = await s.writeArticles([after]);
    expect(again).toMatchObject({ status: 'new', entitiesAdded: 2, relationsAdded: 1 });
    const report = await s.checkIntegrity();
    expect([report.relationsWithoutEvidence, report.evidenceWithoutArticle, report.relationsWithMissingEntity]).toEqual([[], [], []]);
  });

  it('reports duplicates within and across batches', async () => {
    const s = await store();
    const x = meeting(ana, ben);
    const results = await s.writeArticles([x, x]);
    expect(results.map((r) => r.status)).toEqual(['new', 'duplicate']);
    expect((await s.writeArticles([x]))[0].status).toBe('duplicate');
  });

  it("keeps the path index in step with its own writes, another connection's and corrections", async () => {
    const path = join(dir, 'shared.db');
    const a = await store(path);
    const b = await store(path);
    const first = meeting(ana, ben);
    await a.writeArticles([first]);
    expect(await hops(a, ana, cem)).toBeNull();
    // Own write after the index was built: added to it.
    const second = meeting(ben, cem);
    await a.writeArticles([second]);
    expect(await hops(a, ana, cem)).toEqual([ana.id, ben.id, cem.id]);
    // Another connection's write: the index is rebuilt.
    await b.writeArticles([meeting(cem, dia)]);
    expect(await hops(a, ana, dia)).toEqual([ana.id, ben.id, cem.id, dia.id]);
    // Own delete: the relation leaves the index.
    await a.deleteArticle(second.article.id);
    expect(await hops(a, ana, dia)).toBeNull();
    // Own merge (Dia into Ben): paths go through the kept entity.
    await a.mergeEntities(ben.id, dia.id);
    expect(await hops(a, ana, cem)).toEqual([ana.id, ben.id, cem.id]);
    // A fresh connection, which builds its index from the file, agrees.
    const fresh = await store(path);
    for (const [x, y] of [[ana, cem], [cem, ana], [ana, dia], [ben, cem]] as const) expect(await hops(a, x, y)).toEqual(await hops(fresh, x, y));
  });

  it("redirects writes through merges made by another connection after this one's last write", async () => {
    const path = join(dir, 'merges.db');
    const a = await store(path);
    const b = await store(path);
    await a.writeArticles([meeting(ana, ben), meeting(cem, dia)]);
    const merge = await b.mergeEntities(ana.id, cem.id);
    await a.writeArticles([meeting(cem, ben, 'später')]);
    expect((await a.listRelations({ entityId: cem.id, first: 10, offset: 0 })).totalCount).toBe(0);
    expect((await a.listRelations({ entityId: ana.id, first: 10, offset: 0 })).totalCount).toBe(3);
    // Undone by this connection: Cem's relations come back to it, and new writes keep it.
    await a.splitEntity(merge.id);
    await a.writeArticles([meeting(cem, eli)]);
    expect((await a.listRelations({ sourceId: cem.id, first: 10, offset: 0 })).totalCount).toBe(2);
  });

  it('stores an entity again after a delete removed it, whichever connection deleted it', async () => {
    const path = join(dir, 'names.db');
    const a = await store(path);
    const b = await store(path);
    const first = entity('Erster Name', 'PERSON', [], 'Q4242');
    const second = entity('Zweiter Name', 'PERSON', [], 'Q4242');
    const x = meeting(first, ana);
    await a.writeArticles([x]);
    await b.deleteArticle(x.article.id);
    const y = meeting(second, ana);
    await a.writeArticles([y]);
    expect((await a.getEntities([first.id]))[0]?.name).toBe('Zweiter Name');
    await a.deleteArticle(y.article.id);
    await a.writeArticles([meeting(first, ben)]);
    expect((await a.getEntities([first.id]))[0]?.name).toBe('Erster Name');
    expect((await a.checkIntegrity()).relationsWithMissingEntity).toEqual([]);
  });

  it('keeps the mentions of a store written before migration 3', async () => {
    const path = join(dir, 'v2.db');
    const x = meeting(ana, ben);
    const old = new Database(path);
    old.exec(MIGRATIONS[0]);
    old.exec(MIGRATIONS[1]);
    writeOldSchema(old, x);
    old.pragma('user_version = 2');
    old.close();
    const migrated = await store(path);
    expect((await migrated.articleEntities(x.article.id)).map((e) => e.id)).toEqual([ana.id, ben.id].sort());
    expect((await migrated.deleteArticle(x.article.id))?.entitiesRemoved).toBe(2);
  });

  it('keeps an entity that another article mentions without a relation, and one that ends a relation', async () => {
    const s = await store();
    const text = (...names: ExtractedEntity[]) => `${names.map((e) => e.name).join(' traf ')}.`;
    const relation = (a: ExtractedEntity, b: ExtractedEntity, t: string) => ({ type: 'MET_AT' as const, source: a, target: b, sentences: [t] });
    const tA = text(ana, ben);
    const a = extracted({ title: 'A', text: `${tA} Eli Epsilon schwieg.`, entities: [ana, ben, eli], relations: [relation(ana, ben, tA)] });
    const tB = text(cem, dia);
    const b = extracted({ title: 'B', text: `${tB} Eli Epsilon und Ana Alpha fehlten.`, entities: [cem, dia, eli, ana], relations: [relation(cem, dia, tB)] });
    await s.writeArticles([a, b]);
    const merge = await s.mergeEntities(ben.id, eli.id);
    expect((await s.articleEntities(b.article.id)).map((e) => e.id)).toEqual([ana.id, ben.id, cem.id, dia.id].sort());
    await s.splitEntity(merge.id);
    expect((await s.articleEntities(a.article.id)).map((e) => e.id)).toEqual([ana.id, ben.id, eli.id].sort());
    // Eli: mentioned by A alone; Ana: a relation end in A.
    expect(await s.deleteArticle(b.article.id)).toMatchObject({ entitiesRemoved: 2 });
    expect((await s.getEntities([eli.id, ana.id, cem.id])).map((e) => e?.id ?? null)).toEqual([eli.id, ana.id, null]);
    expect(await s.deleteArticle(a.article.id)).toMatchObject({ entitiesRemoved: 3 });
  });

  it('upgrades a version 3 store in place: every answer as from a store written at the current version', async () => {
    const articles = [...ALL_FIXTURES, meeting(ana, ben), meeting(ben, cem), meeting(ben, ana, 'wieder'), meeting(cem, dia)];
    const path = join(dir, 'v3.db');
    const old = new Database(path);
    for (const m of MIGRATIONS.slice(0, 3)) old.exec(m);
    for (const x of articles) writeOldSchema(old, x);
    old.pragma('user_version = 3');
    old.close();
    const migrated = await store(path);
    const fresh = await store();
    await fresh.writeArticles(articles);
    const answers = async (s: SqliteStore) => {
      const relationIds = articles.flatMap((x) => x.relations.map((r) => r.id));
      const entityIds = [...new Set(articles.flatMap((x) => x.entities.map((e) => e.id)))];
      return {
        counts: await s.counts(),
        integrity: await s.checkIntegrity(),
        relations: await s.getRelations(relationIds),
        listed: await s.listRelations({ first: 100, offset: 0 }),
        byArticle: await Promise.all(articles.map((x) => s.listRelations({ articleId: x.article.id, first: 100, offset: 0 }))),
        articles: await s.getArticles(articles.map((x) => x.article.id)),
        mentions: await Promise.all(articles.map((x) => s.articleEntities(x.article.id))),
        entities: await s.getEntities(entityIds),
        found: await Promise.all(['Putin', 'Trump', 'Ben Beta'].map((name) => s.findEntity(name))),
        path: await s.shortestPath({ fromId: ana.id, toId: dia.id, maxHops: 4 }),
      };
    };
    expect(await answers(migrated)).toEqual(await answers(fresh));
    const [one, two] = [migrated, fresh];
    expect(await one.deleteArticle(articles[3].article.id)).toEqual(await two.deleteArticle(articles[3].article.id));
    const [m1, m2] = [await one.mergeEntities(ben.id, cem.id), await two.mergeEntities(ben.id, cem.id)];
    expect(await answers(one)).toEqual(await answers(two));
    await one.splitEntity(m1.id);
    await two.splitEntity(m2.id);
    expect(await answers(one)).toEqual(await answers(two));
    // Mentions the writer left out of the entity index (by_relation) decide orphans as listed ones do.
    for (const x of articles) {
      expect(await one.deleteArticle(x.article.id)).toEqual(await two.deleteArticle(x.article.id));
      expect(await answers(one)).toEqual(await answers(two));
    }
    const db = new Database(path, { readonly: true });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
