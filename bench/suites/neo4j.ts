// The Neo4j store on the same synthetic graphs: batched writes (the store's writeArticles) against naive per-row
// writes, and warm shortestPath / filtered paths against the same CSR floor as the embedded store. Time budgets
// keep the run bounded when the store is slow: a query that times out counts at its budget, and a suite stops
// measuring after a few of them.
import { DiplographError, ErrorCode } from '../../src/domain/errors.js';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { relationGraph, samplePairs } from '../generators/relation-graph.js';
import type { BenchContext } from '../lib/context.js';
import { writeGraph } from '../lib/graph-build.js';
import { emptyNeo4j } from '../lib/neo4j.js';
import { sizeLabel } from '../lib/report.js';
import { nowMs, summarize } from '../lib/stats.js';
import { PATH_FILTER, PATHS_FIRST, PATHS_MAX_HOPS, SHORTEST_MAX_HOPS } from './paths.js';

const QUERY_TIMEOUT_MS = 5_000;
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

export async function neo4jSuite(ctx: BenchContext, sizes: number[]): Promise<void> {
  const { report } = ctx;
  const c = ctx.neo4j;
  if (!c) return;
  report.begin('Neo4j');
  const budget = ctx.quick ? 15 : 600;
  for (const relations of sizes) {
    const L = sizeLabel(relations);
    const g = ctx.graphs.get(relations);
    await emptyNeo4j(c);
    const store = new Neo4jStore(c);
    await store.init();
    try {
      ctx.log(`neo4j ${L}: writing ${relations} relations through writeArticles (budget ${budget} s)`);
      const graph = relationGraph({ relations });
      const write = await writeGraph(store, graph, undefined, ctx.log, budget);
      report.set(`neo4j_write_relations_per_s_${L}`, write.relationsWritten / write.seconds);
      report.set(`neo4j_write_articles_per_s_${L}`, write.articlesWritten / write.seconds);
      report.set(`neo4j_graph_complete_${L}`, write.complete);
      report.ratio(`neo4j_batched_vs_naive_write_ratio_${L}`, `neo4j_write_relations_per_s_${L}`, 'neo4j_naive_write_relations_per_s');
      report.row({
        label: `Neo4j writeArticles (UNWIND, one transaction per article), relations/s, ${L} graph, vs naive one query per relation (floor column)`,
        key: `neo4j_write_relations_per_s_${L}`,
        floorKey: 'neo4j_naive_write_relations_per_s',
        ratioKey: `neo4j_batched_vs_naive_write_ratio_${L}`,
        target: { key: `neo4j_write_relations_per_s_${L}`, op: '>=', value: 20_000, text: '≥ 20,000 relations/s' },
      });
      if (!write.complete) {
        report.note(
          `Neo4j ${L}: the graph write stopped at its ${budget} s budget after ${write.relationsWritten} relations; the query figures are on that partial graph and not comparable with the floor`,
        );
      }

      const entities = graph.entities;
      const candidates = g?.queryable ?? entities.map((_, i) => i);
      const pairs = samplePairs(entities, Math.min(ctx.sizes.queries, ctx.quick ? 50 : 1000), 99, candidates);
      const q = ([a, b]: [number, number]) => ({ fromId: entities[a].id, toId: entities[b].id, maxHops: SHORTEST_MAX_HOPS, timeoutMs: QUERY_TIMEOUT_MS });
      const qp = ([a, b]: [number, number]) => ({ ...q([a, b]), maxHops: PATHS_MAX_HOPS, first: PATHS_FIRST, ...PATH_FILTER });
      const warm = await timeQueries(samplePairs(entities, ctx.quick ? 5 : 20, 7, candidates), async (p) => {
        await store.shortestPath(q(p));
        await store.paths(qp(p));
      });
      ctx.log(`neo4j ${L}: ${pairs.length} shortestPath and filtered paths queries`);
      let mismatches = 0;
      const shortest = warm.stopped
        ? warm
        : await timeQueries(pairs, async (p) => {
            const r = await store.shortestPath(q(p));
            const f = write.complete ? g?.floor.shortestPath(p[0], p[1], SHORTEST_MAX_HOPS) : undefined;
            if (f !== undefined && (r ? r.edges.length : -1) !== (f ? f.length - 1 : -1)) mismatches++;
          });
      const paths = warm.stopped ? warm : await timeQueries(pairs.slice(0, Math.max(25, Math.floor(pairs.length / 2))), (p) => store.paths(qp(p)));
      const s = summarize(shortest.latencies);
      const p = summarize(paths.latencies);
      report.set(`neo4j_shortest_path_timeouts_${L}`, shortest.timeouts);
      report.set(`neo4j_paths4_filtered_timeouts_${L}`, paths.timeouts);
      report.set(`neo4j_shortest_path_p50_ms_${L}`, shortest.stopped ? null : s.p50);
      report.set(`neo4j_shortest_path_p99_ms_${L}`, shortest.stopped ? null : s.p99);
      report.set(`neo4j_shortest_path_length_mismatches_vs_floor_${L}`, g && write.complete && !shortest.stopped ? mismatches : null);
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
    } finally {
      await store.close();
    }
  }
  await emptyNeo4j(c);
}
