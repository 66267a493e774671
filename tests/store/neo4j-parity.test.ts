// The Neo4j store answers exactly as the SQLite store: the same generated corpus goes into both, and every read
// (ordering, tie-breaks, paging, path order, windows) is compared for deep equality. Runs when NEO4J_URI is set.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWindow } from '../../src/domain/date-range.js';
import type { EntityType, ExtractedArticle, ExtractedEntity, RelationStatus, RelationType } from '../../src/domain/model.js';
import { RELATION_TYPES } from '../../src/domain/model.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { seeded } from '../../bench/lib/rng.js';
import { entity, extracted } from '../fixtures/extracted-articles.js';
import { closeAdmin, emptyDatabase, NEO4J_ENABLED, SKIP_LINE, testOptions } from './neo4j-test-database.js';

if (!NEO4J_ENABLED) console.log(SKIP_LINE);

const NAMES = [
  'Anna Berg', 'Boris Kern', 'Clara Dietz', 'Dmitri Orlow', 'Émile Faure', 'Fatima Gül', 'Georg Hahn', 'Hanna Iwanowa',
  'Igor Jakowlew', 'Jana Kühn', 'Karl Lenz', 'Lena Maier', 'Marta Nowak', 'Nils Olsen', 'Olga Petrowa', 'Paul Quast',
];
const COUNTRIES = ['Frankreich', 'Polen', 'Ungarn', 'Estland'];
const PLACES = ['Genf', 'Wien', 'Riad'];
const STATUSES: RelationStatus[] = ['occurred', 'occurred', 'occurred', 'planned', 'denied', 'hypothetical'];

function corpus(seed: number): ExtractedArticle[] {
  const rand = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const people = NAMES.map((n, i) => {
    const last = n.split(' ')[1];
    // Shared aliases ("Minister") make alias lookups tie, so tie-breaking (most relations, then id) is exercised.
    const aliases = [last, ...(i % 4 === 0 ? ['Minister'] : []), ...(i % 5 === 0 ? [`${last}s`] : [])];
    return entity(n, 'PERSON', aliases, i % 3 === 0 ? `Q${1000 + i}` : null);
  });
  const countries = COUNTRIES.map((n, i) => entity(n, 'COUNTRY', [`${n}s`], `Q${2000 + i}`));
  const places = PLACES.map((n) => entity(n, 'PLACE' as EntityType));
  const actors = [...people, ...countries];
  const dates = [null, null, '2019', '2020-02', '2020-02-14', '2020-03', '2021', '2021-06-30', '2022-01', '2022-01-15'];
  const articles: ExtractedArticle[] = [];
  for (let a = 0; a < 8; a++) {
    const sentences: string[] = [];
    const used = new Map<string, ExtractedEntity>();
    const relations: Parameters<typeof extracted>[0]['relations'] = [];
    for (let k = 0; k < 12; k++) {
      const type = pick(RELATION_TYPES) as RelationType;
      const source = pick(actors);
      let target: ExtractedEntity | null = rand() < 0.1 ? null : pick(actors);
      if (target && target.id === source.id) target = null;
      const place = rand() < 0.3 ? pick(places) : null;
      const sentence = `Satz ${a}.${k}: ${source.name} ${type.toLowerCase()} ${target?.name ?? 'allgemein'}.`;
      sentences.push(sentence);
      for (const e of [source, target, place]) if (e) used.set(e.id, e);
      relations.push({ type, source, target, place, date: pick(dates), status: pick(STATUSES), quote: type === 'STATED' ? `Zitat ${k % 3}` : null, sentences: [sentence] });
    }
    // Repeat some relations of earlier articles (same event from two sources, ends named the other way round).
    if (a > 0) {
      for (const r of articles[a - 1].relations.slice(0, 3)) {
        const source = [...actors, ...places].find((e) => e.id === r.source) as ExtractedEntity;
        const target = r.target ? ([...actors, ...places].find((e) => e.id === r.target) as ExtractedEntity) : null;
        const place = r.place ? (places.find((e) => e.id === r.place) as ExtractedEntity) : null;
        const symmetric = r.type === 'MET_AT' || r.type === 'NEGOTIATED';
        const [s, t] = symmetric && target ? [target, source] : [source, target];
        const sentence = `Wiederholt ${a}: ${s.name} und ${t?.name ?? 'niemand'}.`;
        sentences.push(sentence);
        for (const e of [s, t, place]) if (e) used.set(e.id, e);
        relations.push({ type: r.type, source: s, target: t, place, date: r.date, status: r.status, quote: r.quote, sentences: [sentence] });
      }
    }
    // An entity mentioned without any relation.
    const idle = pick(people);
    used.set(idle.id, idle);
    articles.push(
      extracted({
        title: `Artikel ${a}`,
        text: sentences.join(' '),
        published: a % 3 === 0 ? null : `2022-0${(a % 9) + 1}`,
        entities: [...used.values()],
        relations,
      }),
    );
  }
  return articles;
}

describe.skipIf(!NEO4J_ENABLED)('Neo4j store answers as the SQLite store does', () => {
  const articles = corpus(Number(process.env.PARITY_SEED ?? 20251126));
  let dir: string;
  let sqlite: GraphStore;
  let neo: GraphStore;
  const ids = [...new Set(articles.flatMap((a) => a.entities.map((e) => e.id)))].sort();
  const names = [...new Set(articles.flatMap((a) => a.entities.flatMap((e) => [e.name, ...e.aliases])))];

  /** Runs the same read on both stores and expects equal answers. */
  async function same<T>(label: string, read: (s: GraphStore) => Promise<T>): Promise<T> {
    const [a, b] = await Promise.all([read(sqlite), read(neo)]);
    expect(b, label).toEqual(a);
    return a;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'diplograph-parity-'));
    sqlite = new SqliteStore(join(dir, 'graph.db'));
    await sqlite.init();
    await emptyDatabase();
    neo = new Neo4jStore(testOptions());
    await neo.init();
  });

  afterAll(async () => {
    await neo?.close();
    await sqlite?.close();
    await emptyDatabase();
    await closeAdmin();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports the same write results and counts', async () => {
    const [a, b] = [await sqlite.writeArticles(articles), await neo.writeArticles(articles)];
    expect(b).toEqual(a);
    expect(await neo.counts()).toEqual(await sqlite.counts());
    expect(await neo.writeArticles(articles.slice(0, 2))).toEqual(await sqlite.writeArticles(articles.slice(0, 2)));
  });

  it('finds and searches entities the same way', async () => {
    for (const n of [...names, 'minister', 'MINISTER', 'emile faure', 'Q1000', 'q1003', ids[0], 'nobody']) await same(`find ${n}`, (s) => s.findEntity(n));
    expect(await neo.getEntities([...ids, 'nope'])).toEqual(await sqlite.getEntities([...ids, 'nope']));
    for (const search of ['', 'a', 'an', 'minister', 'ow', 'e', 'Émile', 'zz']) {
      for (const type of [null, 'PERSON', 'COUNTRY'] as const) {
        for (const [first, offset] of [[5, 0], [5, 5], [100, 0]]) {
          await same(`search ${search} ${type} ${first}/${offset}`, (s) => s.searchEntities({ search, type, first, offset }));
        }
      }
    }
  });

  it('lists relations the same way under every filter', async () => {
    const rels = (await sqlite.listRelations({ first: 1000, offset: 0 })).items;
    const someEntity = ids[3];
    const filters = [
      {},
      { types: ['MET_AT', 'CALLED'] as RelationType[] },
      { statuses: ['planned', 'denied'] as RelationStatus[] },
      { entityId: someEntity },
      { entityId: rels[0].sourceId, counterpartId: rels[0].targetId },
      { sourceId: rels[1].sourceId },
      { targetId: rels[2].targetId },
      { placeId: rels.find((r) => r.placeId)?.placeId },
      { countryId: ids.find((i) => i.startsWith('wd:Q20')) },
      { articleId: articles[3].article.id },
      { minConfidence: 0.9 },
      parseWindow('2020', '2021'),
      parseWindow('2020-02-14', null),
      parseWindow(null, '2020-02'),
    ];
    for (const f of filters) {
      for (const [first, offset] of [[7, 0], [7, 7], [1000, 0]]) {
        await same(`relations ${JSON.stringify(f)} ${first}/${offset}`, (s) => s.listRelations({ ...f, first, offset }));
      }
    }
    await same('getRelations', (s) => s.getRelations([...rels.map((r) => r.id).reverse(), 'r-missing']));
  });

  it('finds the same paths, in the same order, and the same shortest path', async () => {
    const rand = seeded(7);
    const options = [
      {},
      { relationTypes: ['MET_AT', 'CALLED', 'STATED', 'NEGOTIATED'] as RelationType[] },
      { statuses: ['occurred'] as RelationStatus[] },
      parseWindow('2020', '2022'),
      { timeRespecting: true },
    ];
    let nonEmpty = 0;
    for (let i = 0; i < 30; i++) {
      const fromId = ids[Math.floor(rand() * ids.length)];
      const toId = ids[Math.floor(rand() * ids.length)];
      const o = options[i % options.length];
      const maxHops = 1 + (i % 4);
      const paths = await same(`paths ${fromId} ${toId} ${maxHops} ${JSON.stringify(o)}`, (s) => s.paths({ fromId, toId, maxHops, first: 40, ...o }));
      if (paths.length) nonEmpty++;
      await same(`shortest ${fromId} ${toId} ${JSON.stringify(o)}`, (s) => s.shortestPath({ fromId, toId, maxHops: 6, ...o }));
    }
    expect(nonEmpty).toBeGreaterThan(5);
    // Time-respecting shortest paths up to 6 hops enumerate paths in Cypher: slow on a loaded 2-core machine.
  }, 180_000);

  it('answers analyst queries the same way', async () => {
    for (const entityId of ids.slice(0, 8)) {
      for (const [depth, maxNodes] of [[1, 50], [2, 6], [2, 50]]) {
        await same(`neighborhood ${entityId} ${depth} ${maxNodes}`, (s) => s.neighborhood({ entityId, depth, maxNodes }));
      }
      await same(`contacts ${entityId}`, (s) => s.contactCounts(entityId, {}));
      await same(`contacts ${entityId} 2020`, (s) => s.contactCounts(entityId, { ...parseWindow('2020', '2020'), statuses: ['occurred'] }));
    }
    await same('neighborhood of nobody', (s) => s.neighborhood({ entityId: 'person:nobody', depth: 2, maxNodes: 10 }));
    await same('degree', (s) => s.degreeRanking({ first: 10 }));
    await same('degree persons 2021', (s) => s.degreeRanking({ first: 10, entityType: 'PERSON', ...parseWindow('2021', null) }));
    await same('degree CALLED', (s) => s.degreeRanking({ first: 5, relationTypes: ['CALLED'] }));
    await same('articles', (s) => s.listArticles({ first: 3, offset: 2 }));
    await same('articles all', (s) => s.listArticles({ first: 100, offset: 0 }));
    for (const a of articles.slice(0, 3)) await same(`articleEntities ${a.article.id}`, (s) => s.articleEntities(a.article.id));
    await same('integrity', (s) => s.checkIntegrity());
  });

  it('deletes and merges the same way', async () => {
    await same('delete', (s) => s.deleteArticle(articles[2].article.id));
    await same('counts after delete', (s) => s.counts());
    const merges = await Promise.all([sqlite.mergeEntities(ids[0], ids[1]), neo.mergeEntities(ids[0], ids[1])]);
    expect({ ...merges[1], id: '', createdAt: '' }).toEqual({ ...merges[0], id: '', createdAt: '' });
    await same('counts after merge', (s) => s.counts());
    await same('relations after merge', (s) => s.listRelations({ entityId: ids[0], first: 100, offset: 0 }));
    await same('find after merge', (s) => s.findEntity(names[0]));
    await same('kept after merge', (s) => s.getEntities([ids[0], ids[1]]));
    await same('ingest after merge', (s) => s.writeArticle(articles[2]));
    await sqlite.splitEntity(merges[0].id);
    await neo.splitEntity(merges[1].id);
    await same('counts after split', (s) => s.counts());
    await same('relations after split', (s) => s.listRelations({ first: 1000, offset: 0 }));
    await same('entities after split', (s) => s.getEntities(ids));
    await same('integrity after split', (s) => s.checkIntegrity());
  });
});
