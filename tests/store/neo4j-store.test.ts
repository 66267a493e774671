// Neo4j-specific behaviour against a real Neo4j (npm run neo4j:start), only when NEO4J_URI is set: one-line
// connection errors, the schema, the stored graph model, all-or-nothing writes, bounded paths and time budgets.
// What both stores share is in tests/contract/.
import type { ProfiledPlan } from 'neo4j-driver';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { relationId } from '../../src/domain/ids.js';
import { DiplographError } from '../../src/domain/errors.js';
import type { ExtractedArticle } from '../../src/domain/model.js';
import { relationListFlags, relationsCountStatement } from '../../src/store/neo4j/cypher.js';
import { Neo4jStore, neo4jConfigFromEnv } from '../../src/store/neo4j/neo4j-store.js';
import { ALL_FIXTURES, chronicle, entity, extracted, putin, riabkow, trump } from '../fixtures/extracted-articles.js';
import { closeAdmin, emptyDatabase, NEO4J_ENABLED, query, SKIP_LINE, testOptions } from './neo4j-test-database.js';

if (!NEO4J_ENABLED) console.log(SKIP_LINE);

/** Every number in a value is a JS number and every object a plain one: no driver type leaks out. */
function expectPlain(value: unknown, path = '$'): void {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return;
  if (Array.isArray(value)) return value.forEach((v, i) => expectPlain(v, `${path}[${i}]`));
  expect(Object.getPrototypeOf(value), path).toBe(Object.prototype);
  for (const [k, v] of Object.entries(value as object)) expectPlain(v, `${path}.${k}`);
}

async function expectOneLineError(p: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DiplographError);
  expect((err as DiplographError).code).toBe(code);
  expect((err as DiplographError).message).toMatch(message);
  expect((err as DiplographError).message).not.toMatch(/\n|\s{2}at /);
}

describe('neo4jConfigFromEnv', () => {
  it('reads the standard variables with defaults', () => {
    expect(neo4jConfigFromEnv({})).toEqual({ uri: 'bolt://127.0.0.1:7687', username: 'neo4j', password: '', database: 'neo4j' });
    expect(neo4jConfigFromEnv({ NEO4J_URI: 'neo4j://db:7687', NEO4J_USERNAME: 'u', NEO4J_PASSWORD: 'p', NEO4J_DATABASE: 'graph' })).toEqual({
      uri: 'neo4j://db:7687', username: 'u', password: 'p', database: 'graph',
    });
  });
});

describe('Neo4jStore without a server', () => {
  it('reports a refused connection as STORE_UNAVAILABLE in one line', async () => {
    // Port 9 (discard) is closed on loopback; the connection is refused at once.
    const store = new Neo4jStore({ uri: 'bolt://127.0.0.1:9', username: 'neo4j', password: 'x', database: 'neo4j' });
    await expectOneLineError(store.ping(), 'STORE_UNAVAILABLE', /^cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:9: connection refused$/);
    await expectOneLineError(store.init(), 'STORE_UNAVAILABLE', /^cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:9: connection refused$/);
    await store.close();
  });

  it('reports a malformed URI as CONFIG_INVALID', async () => {
    const store = new Neo4jStore({ uri: 'http//nowhere', username: 'neo4j', password: 'x', database: 'neo4j' });
    await expectOneLineError(store.ping(), 'CONFIG_INVALID', /^invalid Neo4j URI 'http\/\/nowhere'/);
    await store.close();
  });
});

describe.skipIf(!NEO4J_ENABLED)('Neo4jStore against Neo4j', () => {
  const stores: Neo4jStore[] = [];
  async function open(overrides: Partial<ReturnType<typeof testOptions>> = {}): Promise<Neo4jStore> {
    const store = new Neo4jStore({ ...testOptions(), ...overrides });
    stores.push(store);
    return store;
  }

  beforeEach(async () => {
    await emptyDatabase();
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    await emptyDatabase();
    await closeAdmin();
  });

  it('refuses wrong credentials with CONFIG_INVALID, naming the user', async () => {
    // An unknown user: Neo4j's lock-out after repeated failures is per user, so the real user stays usable.
    const stranger = await open({ username: 'diplograph-nobody', password: 'wrong-password' });
    await expectOneLineError(stranger.ping(), 'CONFIG_INVALID', /^Neo4j refused the credentials for user diplograph-nobody$/);
    const wrong = await open({ password: `${testOptions().password}-wrong` });
    await expectOneLineError(wrong.init(), 'CONFIG_INVALID', /^Neo4j refused the credentials for user neo4j$/);
  });

  it('reports a missing database as CONFIG_INVALID', async () => {
    const store = await open({ database: 'nosuchdb' });
    await expectOneLineError(store.ping(), 'CONFIG_INVALID', /has no database 'nosuchdb'$/);
  });

  it('creates constraints and indexes idempotently', async () => {
    const store = await open();
    await store.init();
    await store.init();
    await (await open()).init();
    const constraints = (await query('SHOW CONSTRAINTS YIELD name, type RETURN name, type')).records.map((r) => `${r.get('name')}:${r.get('type')}`);
    expect(constraints).toEqual(expect.arrayContaining(['entity_id:UNIQUENESS', 'article_id:UNIQUENESS', 'evidence_id:UNIQUENESS', 'relation_met_at_id:RELATIONSHIP_UNIQUENESS']));
    const indexes = (await query('SHOW INDEXES YIELD name, type, state RETURN name, type, state')).records.map((r) => `${r.get('name')}:${r.get('type')}:${r.get('state')}`);
    expect(indexes).toEqual(expect.arrayContaining(['entity_names:FULLTEXT:ONLINE', 'entity_search_text:TEXT:ONLINE', 'evidence_relation:RANGE:ONLINE']));
  });

  it('stores the graph in a browsable shape: labels, typed relationships, evidence linked to articles', async () => {
    const store = await open();
    await store.init();
    await store.writeArticle(chronicle);
    const labels = (await query('MATCH (e:Entity {id: $id}) RETURN labels(e) AS labels', { id: putin.id })).records[0].get('labels');
    expect([...labels].sort()).toEqual(['Entity', 'Person']);
    const types = (await query('MATCH (:Entity)-[r]->(:Entity) RETURN DISTINCT type(r) AS t ORDER BY t')).records.map((r) => r.get('t'));
    expect(types).toEqual(['CALLED', 'MET_AT', 'STATED']);
    // The statement about nothing: a self-loop on its source, flagged.
    const loop = (await query('MATCH (s:Entity {id: $id})-[r:STATED]->(t) RETURN t.id AS t, r.hasTarget AS hasTarget', { id: riabkow.id })).records[0];
    expect([loop.get('t'), loop.get('hasTarget')]).toEqual([riabkow.id, false]);
    const ev = (await query('MATCH (x:Evidence)-[:FROM]->(a:Article) RETURN count(x) AS n, valueType(min(x.start)) AS t')).records[0];
    expect(ev.get('n').toNumber()).toBe(5);
    expect(ev.get('t')).toBe('INTEGER NOT NULL');
    const mentions = (await query('MATCH (:Article)-[m:MENTIONS]->(:Entity) RETURN count(m) AS n')).records[0].get('n').toNumber();
    expect(mentions).toBe(chronicle.entities.length);
  });

  it('returns plain data only', async () => {
    const store = await open();
    await store.init();
    await store.writeArticle(chronicle);
    expectPlain(await store.counts());
    expectPlain(await store.listRelations({ first: 10, offset: 0 }));
    expectPlain(await store.paths({ fromId: trump.id, toId: putin.id, maxHops: 2, first: 5 }));
    expectPlain(await store.searchEntities({ search: 'p', first: 10, offset: 0 }));
    expectPlain(await store.degreeRanking({ first: 5 }));
    expectPlain(await store.neighborhood({ entityId: putin.id, depth: 2, maxNodes: 10 }));
    expectPlain(await store.checkIntegrity());
  });

  it('writes an article all or nothing', async () => {
    const store = await open();
    await store.init();
    const ghost = entity('Niemand Bekannt', 'PERSON');
    const text = 'Putin traf Niemand Bekannt.';
    // The relation names an entity that is neither in the article nor stored.
    const broken: ExtractedArticle = extracted({
      title: 'Kaputt', text, entities: [putin],
      relations: [{ type: 'MET_AT', source: putin, target: ghost, sentences: [text] }],
    });
    await expect(store.writeArticle(broken)).rejects.toMatchObject({ code: 'STORE_INTEGRITY' });
    expect(await store.counts()).toEqual({ articles: 0, entities: 0, relations: 0, evidence: 0 });
    expect(await store.hasArticle(broken.article.id)).toBe(false);
  });

  it('writes a batch all or nothing per article: a failing one is rolled back alone, those before it are kept', async () => {
    const store = await open();
    await store.init();
    const meeting = (i: number): ExtractedArticle => {
      const text = `Putin traf Trump (${i}).`;
      return extracted({ title: `Treffen ${i}`, text, entities: [putin, trump], relations: [{ type: 'MET_AT', source: putin, target: trump, date: `201${i}`, sentences: [text] }] });
    };
    const [a0, a1, a3] = [meeting(0), meeting(1), meeting(3)];
    // Neo4j refuses a map inside a list property: the failure comes from the server, inside a transaction of two.
    const bad: ExtractedArticle = { ...meeting(2), article: { ...meeting(2).article, tags: [{ nested: true }] as never } };
    await expect(store.writeArticles([a0, a1, bad, a3])).rejects.toThrow();
    expect(await Promise.all([a0, a1, bad, a3].map((x) => store.hasArticle(x.article.id)))).toEqual([true, true, false, false]);
    expect(await store.counts()).toEqual({ articles: 2, entities: 2, relations: 2, evidence: 2 });
    const results = await store.writeArticles([a1, a3]);
    expect(results.map((r) => [r.status, r.entitiesAdded, r.relationsAdded, r.evidenceAdded])).toEqual([['duplicate', 0, 0, 0], ['new', 0, 1, 1]]);
  });

  it('collapses repeats inside one article like the SQLite store', async () => {
    const store = await open();
    await store.init();
    const text = 'Trump rief Putin an. Trump rief Putin an.';
    const x = extracted({
      title: 'Doppelt', text, entities: [trump, putin, entity('Wladimir Putin', 'PERSON', ['Wladimir'], 'Q7747')],
      relations: [
        { type: 'CALLED', source: trump, target: putin, sentences: ['Trump rief Putin an.'] },
        { type: 'CALLED', source: trump, target: putin, sentences: ['Trump rief Putin an.'] },
      ],
    });
    expect(x.relations[0].id).toBe(relationId({ type: 'CALLED', source: trump.id, target: putin.id, date: null, place: null, status: 'occurred', quote: null }));
    expect(await store.writeArticle(x)).toMatchObject({ status: 'new', entitiesAdded: 2, relationsAdded: 1, evidenceAdded: 1 });
    expect((await store.getEntities([putin.id]))[0]?.aliases).toEqual(['Kremlchef', 'Putin', 'Putins', 'Wladimir']);
  });

  it("reads an article's relations from its evidence by index, not by scanning every relation", async () => {
    const store = await open();
    await store.init();
    await store.writeArticles(ALL_FIXTURES);
    const filter = { articleId: chronicle.article.id, first: 100, offset: 0 };
    expect((await store.listRelations(filter)).totalCount).toBe(chronicle.relations.length);
    // The plan, as the server makes it for this graph: it starts from the article's evidence by index and neither
    // scans entities nor expands from them (an earlier statement did, over every relation, per article asked about).
    // A relationship type with next to no relations may be read by scanning its id index: that is the planner's
    // choice for tiny types, not a scan of the graph.
    const { summary } = await query(`PROFILE ${relationsCountStatement(relationListFlags(filter))}`, { articleId: chronicle.article.id });
    const operators: string[] = [];
    const walk = (p: ProfiledPlan) => {
      operators.push(p.operatorType.replace(/@.*/, ''));
      p.children.forEach(walk);
    };
    walk(summary.profile as ProfiledPlan);
    expect(operators).toContain('NodeIndexSeek');
    expect(operators.filter((o) => /^(?:AllNodesScan|NodeByLabelScan|Expand)/.test(o))).toEqual([]);
  });

  it('bounds path search: hops clamp to 6, nothing for 0 hops or the same entity', async () => {
    const store = await open();
    await store.init();
    await store.writeArticle(chronicle);
    expect(await store.paths({ fromId: trump.id, toId: putin.id, maxHops: 0, first: 5 })).toEqual([]);
    expect(await store.paths({ fromId: trump.id, toId: trump.id, maxHops: 3, first: 5 })).toEqual([]);
    expect(await store.shortestPath({ fromId: trump.id, toId: trump.id, maxHops: 3 })).toBeNull();
    expect((await store.paths({ fromId: trump.id, toId: putin.id, maxHops: 50, first: 10 })).length).toBe(4);
    await expect(store.paths({ fromId: trump.id, toId: putin.id, maxHops: 2, first: -1 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(store.paths({ fromId: trump.id, toId: putin.id, maxHops: 2, first: 5, relationTypes: ['NOPE' as never] })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it('stops a path search that exceeds its time budget with TIMEOUT', async () => {
    const store = await open();
    await store.init();
    // A dense graph: 12 actors, every pair met twice. 6-hop simple paths between two of them number in millions:
    // listing them all cannot finish within the budget (the first hundred would).
    const actors = Array.from({ length: 12 }, (_, i) => entity(`Akteur ${String.fromCharCode(65 + i)}`, 'PERSON'));
    const sentences: string[] = [];
    const relations: Parameters<typeof extracted>[0]['relations'] = [];
    for (let i = 0; i < actors.length; i++) {
      for (let j = i + 1; j < actors.length; j++) {
        for (const date of ['2020', '2021']) {
          const s = `${actors[i].name} traf ${actors[j].name} ${date}.`;
          sentences.push(s);
          relations.push({ type: 'MET_AT', source: actors[i], target: actors[j], date, sentences: [s] });
        }
      }
    }
    await store.writeArticle(extracted({ title: 'Dicht', text: sentences.join(' '), entities: actors, relations }));
    const started = Date.now();
    await expect(store.paths({ fromId: actors[0].id, toId: actors[1].id, maxHops: 6, first: 10_000_000, timeoutMs: 200 })).rejects.toMatchObject({
      code: 'TIMEOUT',
    });
    // Neo4j checks transaction deadlines every few seconds, not continuously.
    expect(Date.now() - started).toBeLessThan(15_000);
    // The shortest path does not enumerate: it answers at once.
    expect((await store.shortestPath({ fromId: actors[0].id, toId: actors[1].id, maxHops: 6, timeoutMs: 5_000 }))?.edges).toHaveLength(1);
  });
});
