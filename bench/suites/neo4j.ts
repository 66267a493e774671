// The Neo4j store on the same synthetic graphs: batched writes (the store's writeArticles) against naive per-row
// writes, and warm shortestPath / filtered paths against the same CSR floor as the embedded store. Time budgets
// keep the run bounded when the store is slow: a query that times out counts at its budget, and a suite stops
// measuring after a few of them. The database is emptied before use and marked as the run's, so a run that
// another process empties underneath says so instead of failing on a missing node.
import { DiplographError, ErrorCode } from '../../src/domain/errors.js';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { relationGraph, type RelationGraph, samplePairs } from '../generators/relation-graph.js';
import type { BenchContext, Neo4jConfig } from '../lib/context.js';
import { CsrFloor } from '../lib/csr-floor.js';
import { GRAPH_WRITE_BATCH, writeGraph } from '../lib/graph-build.js';
import { claimNeo4j, emptiedUnderneath, emptyNeo4j, naiveNeo4jRate, rawInput, rawNeo4jRate, type RawWriteMode, relationshipCount, stillOurs } from '../lib/neo4j.js';
import { sizeLabel } from '../lib/report.js';
import { nowMs, summarize } from '../lib/stats.js';
import { PATH_FILTER, PATHS_FIRST, PATHS_MAX_HOPS, SHORTEST_MAX_HOPS } from './paths.js';

const QUERY_TIMEOUT_MS = 5_000;

const RAW_MODES = ['create', 'merge', 'props', 'model'] as const satisfies readonly RawWriteMode[];

const RAW_MODE_TEXT: Record<RawWriteMode, string> = {
  create: "the server's ceiling, raw UNWIND CREATE of bare relationships between nodes found by a unique id",
  merge: 'raw UNWIND MERGE of bare relationships on a unique relation id (the least an idempotent writer does)',
  props: 'raw UNWIND CREATE of the relationships with their properties and unique id, as stored, and nothing else',
  model:
    'raw UNWIND CREATE of what the data model stores per relation (those relationships, their evidence nodes with the three evidence indexes and article links, the mentions; no MERGE, no entity or article writes)',
};
const MAX_TIMEOUTS = 3;

interface Timed {
  latencies: number[];
  timeouts: number;
  stopped: boolean;
}

/** Times each query; a timeout counts at the budget; after MAX_TIMEOUTS timeouts the rest are skipped. */
async function timeQueries<T>(items: readonly T[], fn: (item: T) => Promise<unknown>): Promise<Timed> {
  const out: Timed = { latencies: [], timeouts: 0, stopped: false };
  for (const item of items) {
    const t = nowMs();
    try {
      await fn(item);
      out.latencies.push(nowMs() - t);
    } catch (err) {
      if (!(err instanceof DiplographError && err.code === ErrorCode.TIMEOUT)) throw err;
      out.latencies.push(QUERY_TIMEOUT_MS);
      if (++out.timeouts >= MAX_TIMEOUTS) {
        out.stopped = true;
        break;
      }
    }
  }
  return out;
}

/** The store with its writeArticles timed in this process's CPU (driver and JS): the rest is Neo4j and the wire. */
function clientTimed(store: Neo4jStore): { store: Neo4jStore; cpuSeconds: () => number } {
  let micros = 0;
  const timed = Object.create(store) as Neo4jStore;
  timed.writeArticles = async (batch) => {
    const before = process.cpuUsage();
    try {
      return await store.writeArticles(batch);
    } finally {
      const used = process.cpuUsage(before);
      micros += used.user + used.system;
    }
  };
  return { store: timed, cpuSeconds: () => micros / 1e6 };
}

export async function neo4jSuite(ctx: BenchContext, sizes: number[]): Promise<void> {
  const { report } = ctx;
  const c = ctx.neo4j;
  if (!c) return;
  report.begin('Neo4j');
  if (report.get('neo4j_naive_write_relations_per_s') === null) {
    // The ingest suite measures it when it runs; without it, the batched figure still needs its floor.
    await emptyNeo4j(c);
    const naive = Math.min(ctx.sizes.naiveRelations, ctx.quick ? 150 : 2000);
    ctx.log(`neo4j: naive per-row writes of ${naive} relations`);
    report.set('neo4j_naive_write_relations_per_s', await naiveNeo4jRate(c, naive));
  }
  for (const relations of sizes) {
    await emptyNeo4j(c);
    const run = await claimNeo4j(c);
    const store = new Neo4jStore(c);
    const intact = async () => {
      if (!(await stillOurs(c, run))) throw emptiedUnderneath(c);
    };
    try {
      // The floors write the relations the store writes after them, in the same transactions.
      const graph = relationGraph({ relations });
      const input = rawInput(graph);
      for (const mode of RAW_MODES) {
        ctx.log(`neo4j ${sizeLabel(relations)}: raw UNWIND writes of ${relations} relations, ${mode}`);
        report.set(`neo4j_raw_${mode}_relations_per_s_${sizeLabel(relations)}`, await rawNeo4jRate(c, input, mode));
      }
      await store.init();
      await measureSize(ctx, c, store, graph, relations, intact);
    } catch (err) {
      // "Unable to load NODE …" and missing entities are what a database emptied under the run looks like.
      if (!(await stillOurs(c, run).catch(() => true))) throw emptiedUnderneath(c);
      throw err;
    } finally {
      await store.close();
    }
  }
  await emptyNeo4j(c);
}

async function measureSize(
  ctx: BenchContext,
  c: Neo4jConfig,
  store: Neo4jStore,
  graph: RelationGraph,
  relations: number,
  intact: () => Promise<void>,
): Promise<void> {
  const { report } = ctx;
  const budget = ctx.quick ? 15 : 600;
  const L = sizeLabel(relations);
  const g = ctx.graphs.get(relations);
  ctx.log(`neo4j ${L}: writing ${relations} relations through writeArticles (budget ${budget} s)`);
  const client = clientTimed(store);
  // Without the paths suite's copy of the graph (--only neo4j), a floor of its own: for the length check and for
  // query ends that are stored (an entity without relations answers at once and would flatter the figures).
  const own = g ? null : new CsrFloor(graph.entities.length);
  const write = await writeGraph(client.store, graph, own ? (e) => own.add(e) : undefined, ctx.log, budget);
  own?.seal();
  const floor = g?.floor ?? own;
  await intact();
  report.set(`neo4j_write_relations_per_s_${L}`, write.relationsWritten / write.seconds);
  report.set(`neo4j_write_articles_per_s_${L}`, write.articlesWritten / write.seconds);
  report.set(`neo4j_write_client_cpu_share_${L}`, client.cpuSeconds() / write.seconds);
  report.set(`neo4j_graph_complete_${L}`, write.complete);
  report.ratio(`neo4j_batched_vs_naive_write_ratio_${L}`, `neo4j_write_relations_per_s_${L}`, 'neo4j_naive_write_relations_per_s');
  report.row({
    label: `Neo4j writeArticles (${GRAPH_WRITE_BATCH} articles per call: one transaction, one statement), relations/s, ${L} graph, vs naive one query per relation (floor column)`,
    key: `neo4j_write_relations_per_s_${L}`,
    floorKey: 'neo4j_naive_write_relations_per_s',
    ratioKey: `neo4j_batched_vs_naive_write_ratio_${L}`,
    target: { key: `neo4j_write_relations_per_s_${L}`, op: '>=', value: 20_000, text: '≥ 20,000 relations/s' },
  });
  // The floors: what the server does for bare relationships at best, at best for an idempotent writer, and at best
  // for what the data model stores per relation.
  for (const mode of RAW_MODES) {
    report.ratio(`neo4j_write_vs_raw_${mode}_ratio_${L}`, `neo4j_write_relations_per_s_${L}`, `neo4j_raw_${mode}_relations_per_s_${L}`);
    report.row({
      label: `  the same writes vs ${RAW_MODE_TEXT[mode]}, one transaction per ${GRAPH_WRITE_BATCH} articles, relations/s (floor column), ${L}`,
      key: `neo4j_write_relations_per_s_${L}`,
      floorKey: `neo4j_raw_${mode}_relations_per_s_${L}`,
      ratioKey: `neo4j_write_vs_raw_${mode}_ratio_${L}`,
    });
  }
  // In the server's unit: the store writes each relation as its relationship, an evidence link and mention links.
  report.set(`neo4j_write_all_relationships_per_s_${L}`, (await relationshipCount(c)) / write.seconds);
  report.row({
    label: `  Neo4j relationships of every type those writes created per second (relations, evidence FROM links, MENTIONS), ${L}`,
    key: `neo4j_write_all_relationships_per_s_${L}`,
  });
  report.row({ label: `Neo4j writes: share of the write time spent in this process (driver and JS; the rest is Neo4j), ${L}`, key: `neo4j_write_client_cpu_share_${L}` });
  if (!write.complete) {
    report.note(
      `Neo4j ${L}: the graph write stopped at its ${budget} s budget after ${write.relationsWritten} relations; the query figures are on that partial graph and not comparable with the floor`,
    );
  }

  const entities = graph.entities;
  const candidates = g?.queryable ?? entities.map((_, i) => i).filter((i) => own !== null && own.offsets[i + 1] > own.offsets[i]);
  const pairs = samplePairs(entities, Math.min(ctx.sizes.queries, ctx.quick ? 50 : 1000), 99, candidates);
  const q = ([a, b]: [number, number]) => ({ fromId: entities[a].id, toId: entities[b].id, maxHops: SHORTEST_MAX_HOPS, timeoutMs: QUERY_TIMEOUT_MS });
  const qp = ([a, b]: [number, number]) => ({ ...q([a, b]), maxHops: PATHS_MAX_HOPS, first: PATHS_FIRST, ...PATH_FILTER });
  // Warmed separately: a slow kind of query does not keep the other from being measured.
  const warmPairs = samplePairs(entities, ctx.quick ? 5 : 20, 7, candidates);
  const warmShortest = await timeQueries(warmPairs, (p) => store.shortestPath(q(p)));
  const warmPaths = await timeQueries(warmPairs, (p) => store.paths(qp(p)));
  ctx.log(`neo4j ${L}: ${pairs.length} shortestPath and filtered paths queries`);
  let mismatches = 0;
  const shortest = warmShortest.stopped
    ? warmShortest
    : await timeQueries(pairs, async (p) => {
        const r = await store.shortestPath(q(p));
        const f = write.complete ? floor?.shortestPath(p[0], p[1], SHORTEST_MAX_HOPS) : undefined;
        if (f !== undefined && (r ? r.edges.length : -1) !== (f ? f.length - 1 : -1)) mismatches++;
      });
  const paths = warmPaths.stopped ? warmPaths : await timeQueries(pairs.slice(0, Math.max(25, Math.floor(pairs.length / 2))), (p) => store.paths(qp(p)));
  await intact();
  const s = summarize(shortest.latencies);
  const p = summarize(paths.latencies);
  report.set(`neo4j_shortest_path_timeouts_${L}`, shortest.timeouts);
  report.set(`neo4j_paths4_filtered_timeouts_${L}`, paths.timeouts);
  report.set(`neo4j_shortest_path_p50_ms_${L}`, shortest.stopped ? null : s.p50);
  report.set(`neo4j_shortest_path_p99_ms_${L}`, shortest.stopped ? null : s.p99);
  report.set(`neo4j_shortest_path_length_mismatches_vs_floor_${L}`, floor && write.complete && !shortest.stopped ? mismatches : null);
  report.set(`neo4j_paths4_filtered_p50_ms_${L}`, paths.stopped ? null : p.p50);
  report.set(`neo4j_paths4_filtered_p99_ms_${L}`, paths.stopped ? null : p.p99);
  if (shortest.stopped || paths.stopped) {
    report.note(`Neo4j ${L}: path queries stopped after ${MAX_TIMEOUTS} timeouts of ${QUERY_TIMEOUT_MS} ms (shortestPath ${shortest.timeouts}, paths ${paths.timeouts})`);
  }
  const floorP50 = `floor_bfs_shortest_path_p50_ms_${L}`;
  report.ratio(`neo4j_shortest_path_vs_floor_p50_ratio_${L}`, `neo4j_shortest_path_p50_ms_${L}`, floorP50);
  report.row({
    label: `Neo4j shortestPath p50 ms, ${L}, warm`,
    key: `neo4j_shortest_path_p50_ms_${L}`,
    floorKey: floorP50,
    ratioKey: `neo4j_shortest_path_vs_floor_p50_ratio_${L}`,
    target: { key: `neo4j_shortest_path_p50_ms_${L}`, op: '<=', value: 5, text: '≤ 5 ms' },
  });
  report.row({
    label: `Neo4j shortestPath p99 ms, ${L}, warm`,
    key: `neo4j_shortest_path_p99_ms_${L}`,
    floorKey: `floor_bfs_shortest_path_p99_ms_${L}`,
    target: { key: `neo4j_shortest_path_p99_ms_${L}`, op: '<=', value: 25, text: '≤ 25 ms' },
  });
  report.row({ label: `Neo4j paths ≤ 4 hops with filters, p99 ms, ${L}`, key: `neo4j_paths4_filtered_p99_ms_${L}`, floorKey: `floor_bfs_filtered_p99_ms_${L}` });
  if (mismatches) report.note(`Neo4j ${L}: ${mismatches} shortestPath lengths differ from the floor BFS`);
}
