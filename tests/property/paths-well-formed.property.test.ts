// Property: every path a store returns is well formed — it starts at `from` and ends at `to`, consecutive edges
// share an entity (each edge joins the two nodes around it, in either direction), no entity twice, length between
// 1 and maxHops (capped at 6), every hop passes the relation-type, status and time-window filters, hops of a
// time-respecting path are in time order, relations without a target are never hops — and the answer is exactly
// the first `first` simple paths of a brute-force search, shortest first, then by relation ids; shortestPath is its
// first path. On random graphs, on SQLite, and on Neo4j (fewer runs) when NEO4J_URI is set.
import fc from 'fast-check';
import '../helpers/fast-check-seed.js';
import { afterAll, describe, expect, it } from 'vitest';
import { dateEnd, dateStart, parseWindow } from '../../src/domain/date-range.js';
import { relationId } from '../../src/domain/ids.js';
import {
  RELATION_STATUSES, SYMMETRIC_RELATION_TYPES, type ExtractedArticle, type ExtractedEntity, type ExtractedRelation, type PathRecord,
  type RelationStatus, type RelationType,
} from '../../src/domain/model.js';
import { MAX_PATH_HOPS, type GraphStore, type PathQuery } from '../../src/store/graph-store.js';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { entity } from '../fixtures/extracted-articles.js';
import { closeAdmin, emptyDatabase, NEO4J_ENABLED, SKIP_LINE, testOptions } from '../store/neo4j-test-database.js';

if (!NEO4J_ENABLED) console.log(SKIP_LINE);

const TYPES: RelationType[] = ['MET_AT', 'CALLED', 'STATED', 'CRITICIZED'];
const NAMES = ['Anna Alt', 'Bert Bauer', 'Clara Cho', 'Dara Diaz', 'Emil Eck', 'Fritz Fink', 'Gina Gold'];
const DATES = [null, null, '2020', '2020-03', '2020-03-05', '2020-03-20', '2020-07', '2020-07-01', '2021', '2021-01-15', '2021-06'];

interface Edge {
  id: string;
  type: RelationType;
  a: string;
  b: string;
  status: RelationStatus;
  date: string | null;
}

interface Graph {
  entities: ExtractedEntity[];
  articles: ExtractedArticle[];
  /** Relations with a target, deduplicated by id: the hops a path may take. */
  edges: Edge[];
}

const relationSpec = (n: number) =>
  fc.record({
    type: fc.constantFrom(...TYPES),
    source: fc.nat(n - 1),
    target: fc.option(fc.nat(n - 1), { nil: null, freq: 8 }),
    status: fc.constantFrom(...RELATION_STATUSES),
    date: fc.constantFrom(...DATES),
    article: fc.nat(2),
  });

const graph: fc.Arbitrary<Graph> = fc
  .integer({ min: 2, max: NAMES.length })
  .chain((n) => fc.tuple(fc.constant(n), fc.array(relationSpec(n), { minLength: 2, maxLength: 30 })))
  .map(([n, specs]) => {
    const entities = NAMES.slice(0, n).map((name) => entity(name, 'PERSON'));
    const perArticle = new Map<number, { sentences: string[]; relations: ExtractedRelation[] }>();
    const edges = new Map<string, Edge>();
    specs.forEach((s, i) => {
      let [src, tgt] = [entities[s.source].id, s.target === null ? null : entities[s.target].id];
      // Symmetric relations have one id for both directions; keep one direction so every store agrees on it.
      if (tgt && SYMMETRIC_RELATION_TYPES.has(s.type) && tgt < src) [src, tgt] = [tgt, src];
      const identity = { type: s.type, source: src, target: tgt, date: s.date, place: null, status: s.status, quote: null };
      const id = relationId(identity);
      const art = perArticle.get(s.article) ?? { sentences: [], relations: [] };
      const sentence = `Satz ${i} über ${s.type}.`;
      const start = art.sentences.join(' ').length + (art.sentences.length ? 1 : 0);
      art.sentences.push(sentence);
      art.relations.push({
        id, ...identity, confidence: 0.8, role: null, cameo: null, plover: null, rule: null, mentions: [{ sentence, start, end: start + sentence.length }],
      });
      perArticle.set(s.article, art);
      if (tgt && !edges.has(id)) edges.set(id, { id, type: s.type, a: src, b: tgt, status: s.status, date: s.date });
    });
    const articles = [...perArticle.entries()].map(([k, art]) => {
      const text = art.sentences.join(' ');
      return {
        article: { id: `a-prop-${k}-${text.length}-${art.sentences.length}`, title: `Artikel ${k}`, text, url: null, published: null, lang: 'de', externalId: null, tags: [], origin: 'property' },
        entities,
        relations: art.relations,
        extractorVersion: 'property/1',
      } satisfies ExtractedArticle;
    });
    return { entities, articles, edges: [...edges.values()] };
  });

const pathQuery = (g: Graph) =>
  fc
    .record({
      from: fc.nat(g.entities.length - 1),
      to: fc.nat(g.entities.length - 1),
      maxHops: fc.integer({ min: 1, max: 8 }),
      first: fc.integer({ min: 1, max: 40 }),
      // Unfiltered often enough that many queries have paths to check.
      types: fc.option(fc.subarray(TYPES, { minLength: 2 }), { nil: null, freq: 2 }),
      statuses: fc.option(fc.subarray([...RELATION_STATUSES], { minLength: 2 }), { nil: null, freq: 2 }),
      // Bounds that fall on relation dates' first and last days too (edges of the overlap rule).
      since: fc.constantFrom(null, null, null, '2020-03', '2020-03-20', '2020-06-15', '2020-07-31', '2021'),
      until: fc.constantFrom(null, null, null, '2020-03-05', '2020-03-10', '2020-07-01', '2020-12', '2021-03'),
      timeRespecting: fc.boolean(),
    })
    .map((q): PathQuery => {
      const w = parseWindow(q.since, q.until);
      return {
        fromId: g.entities[q.from].id, toId: g.entities[q.to].id, maxHops: q.maxHops, first: q.first,
        relationTypes: q.types, statuses: q.statuses, since: w.since, until: w.until, timeRespecting: q.timeRespecting,
      };
    });

/** Whether an edge may be a hop of this query (types, statuses, window; dated only when time-respecting). */
function allowed(e: Edge, q: PathQuery): boolean {
  if (q.relationTypes && !q.relationTypes.includes(e.type)) return false;
  if (q.statuses && !q.statuses.includes(e.status)) return false;
  if ((q.since || q.until || q.timeRespecting) && e.date === null) return false;
  if (q.since && dateEnd(e.date!) < q.since) return false;
  if (q.until && dateStart(e.date!) > q.until) return false;
  return true;
}

/** Hop `next` may follow hop `prev` in time: its date range reaches prev's start. */
const inTime = (prev: Edge, next: Edge) => dateEnd(next.date!) >= dateStart(prev.date!);

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
function compareIds(x: string[], y: string[]): number {
  if (x.length !== y.length) return x.length - y.length;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return byString(x[i], y[i]);
  return 0;
}

/** Every simple path up to maxHops by exhaustive search, in the documented order. */
function bruteForce(g: Graph, q: PathQuery): { nodeIds: string[]; relationIds: string[] }[] {
  const hops = Math.min(q.maxHops, MAX_PATH_HOPS);
  const out: { nodeIds: string[]; relationIds: string[] }[] = [];
  if (q.fromId === q.toId) return out;
  const usable = g.edges.filter((e) => e.a !== e.b && allowed(e, q));
  const walk = (node: string, nodes: string[], path: Edge[]) => {
    if (node === q.toId) {
      out.push({ nodeIds: [...nodes], relationIds: path.map((e) => e.id) });
      return;
    }
    if (path.length === hops) return;
    for (const e of usable) {
      if (e.a !== node && e.b !== node) continue;
      const next = e.a === node ? e.b : e.a;
      if (nodes.includes(next)) continue;
      if (q.timeRespecting && path.length && !inTime(path[path.length - 1], e)) continue;
      walk(next, [...nodes, next], [...path, e]);
    }
  };
  walk(q.fromId, [q.fromId], []);
  return out.sort((x, y) => compareIds(x.relationIds, y.relationIds)).slice(0, q.first);
}

/** The structural checks, with messages that say which rule a path broke. */
function expectWellFormed(g: Graph, q: PathQuery, paths: PathRecord[]): void {
  const byId = new Map(g.edges.map((e) => [e.id, e]));
  let previousLength = 0;
  for (const p of paths) {
    const hops = p.edges.length;
    expect(hops, 'length').toBeGreaterThanOrEqual(1);
    expect(hops, 'length ≤ maxHops').toBeLessThanOrEqual(Math.min(q.maxHops, MAX_PATH_HOPS));
    expect(hops, 'shortest first').toBeGreaterThanOrEqual(previousLength);
    previousLength = hops;
    expect(p.nodeIds).toHaveLength(hops + 1);
    expect(p.nodeIds[0]).toBe(q.fromId);
    expect(p.nodeIds[hops]).toBe(q.toId);
    expect(new Set(p.nodeIds).size, 'no entity twice').toBe(p.nodeIds.length);
    p.edges.forEach((r, i) => {
      const ends = [r.sourceId, r.targetId].sort();
      expect(r.targetId, 'a relation without a target is never a hop').not.toBeNull();
      expect(ends, `edge ${i} joins nodes ${i} and ${i + 1}`).toEqual([p.nodeIds[i], p.nodeIds[i + 1]].sort());
      const e = byId.get(r.id)!;
      expect(e, `edge ${r.id} exists`).toBeDefined();
      expect(allowed(e, q), `edge ${i} passes the filters`).toBe(true);
      if (q.timeRespecting && i > 0) expect(inTime(byId.get(p.edges[i - 1].id)!, e), `edge ${i} in time order`).toBe(true);
    });
  }
}

/** What the runs covered, so a generator that stopped producing paths would be noticed. */
const seen = { queries: 0, withPaths: 0, multiHop: 0, timeRespecting: 0, truncated: 0 };

async function checkGraph(store: GraphStore, g: Graph, queries: PathQuery[]): Promise<void> {
  await store.writeArticles(g.articles);
  for (const q of queries) {
    const paths = await store.paths(q);
    seen.queries++;
    if (paths.length) seen.withPaths++;
    if (paths.some((p) => p.edges.length > 1)) seen.multiHop++;
    if (q.timeRespecting && paths.some((p) => p.edges.length > 1)) seen.timeRespecting++;
    if (paths.length === q.first) seen.truncated++;
    expectWellFormed(g, q, paths);
    const want = bruteForce(g, q);
    expect(paths.map((p) => ({ nodeIds: p.nodeIds, relationIds: p.edges.map((e) => e.id) }))).toEqual(want);
    const { first: _first, ...one } = q;
    const shortest = await store.shortestPath(one);
    expect(shortest ? shortest.edges.length : null).toBe(want[0]?.relationIds.length ?? null);
    if (shortest) expectWellFormed(g, q, [shortest]);
  }
}

const scenario = graph.chain((g) => fc.tuple(fc.constant(g), fc.array(pathQuery(g), { minLength: 1, maxLength: 8 })));

describe('paths are well formed', () => {
  afterAll(async () => {
    if (NEO4J_ENABLED) {
      await emptyDatabase();
      await closeAdmin();
    }
  });

  it('on SQLite: well formed, and exactly the brute-force answer', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ([g, queries]) => {
        const store = new SqliteStore(':memory:');
        await store.init();
        try {
          await checkGraph(store, g, queries);
        } finally {
          await store.close();
        }
      }),
      { numRuns: 600 },
    );
    console.log(`paths property (sqlite): ${JSON.stringify(seen)}`);
    expect(seen.withPaths).toBeGreaterThan(seen.queries / 10);
    expect(seen.multiHop).toBeGreaterThan(20);
    expect(seen.timeRespecting).toBeGreaterThan(5);
    expect(seen.truncated).toBeGreaterThan(5);
  }, 120_000);

  it.skipIf(!NEO4J_ENABLED)('on Neo4j: well formed, and exactly the brute-force answer', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ([g, queries]) => {
        await emptyDatabase();
        const store = new Neo4jStore(testOptions());
        await store.init();
        try {
          await checkGraph(store, g, queries);
        } finally {
          await store.close();
        }
      }),
      { numRuns: 6 },
    );
  }, 180_000);
});
