// Path queries on synthetic graphs written through the embedded store: warm shortestPath and 4-hop filtered
// paths, each against a breadth-first search over a typed-array CSR adjacency of the same graph (the floor).
import type { PathQuery } from '../../src/store/graph-store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { samplePairs } from '../generators/relation-graph.js';
import type { BenchContext, BuiltGraph } from '../lib/context.js';
import type { FloorFilter } from '../lib/csr-floor.js';
import { buildSqliteGraph } from '../lib/graph-build.js';
import { nowMs, summarize, timeEach } from '../lib/stats.js';

/** The filtered path query of the benchmark: contacts (meetings, calls, negotiations) that happened, 2020–2025. */
export const PATH_FILTER: FloorFilter & Pick<PathQuery, 'relationTypes' | 'statuses' | 'since' | 'until'> = {
  relationTypes: ['MET_AT', 'CALLED', 'NEGOTIATED'],
  statuses: ['occurred'],
  since: '2020-01-01',
  until: '2025-12-31',
};
export const PATHS_MAX_HOPS = 4;
export const PATHS_FIRST = 10;
export const SHORTEST_MAX_HOPS = 6;

export async function pathsSuite(ctx: BenchContext): Promise<void> {
  const { report } = ctx;
  report.begin('paths (SQLite)');
  for (const relations of ctx.sizes.graphs) {
    const { built, write } = await buildSqliteGraph(ctx, relations);
    const L = built.label;
    report.set(`sqlite_write_relations_per_s_${L}`, write.relationsWritten / write.seconds);
    report.set(`sqlite_write_articles_per_s_${L}`, write.articlesWritten / write.seconds);
    report.row({ label: `writeArticles, 50 articles × 20 relations per call, relations/s, ${L} graph`, key: `sqlite_write_relations_per_s_${L}` });
    await measureSqlite(ctx, built);
  }
}

function graphShape(ctx: BenchContext, g: BuiltGraph): void {
  const { offsets } = g.floor;
  let max = 0;
  let connected = 0;
  for (let i = 0; i + 1 < offsets.length; i++) {
    const d = offsets[i + 1] - offsets[i];
    if (d > max) max = d;
    if (d > 0) connected++;
  }
  ctx.report.set(`graph_entities_${g.label}`, g.entities.length);
  ctx.report.set(`graph_hop_relations_${g.label}`, g.floor.edges);
  ctx.report.set(`graph_max_degree_${g.label}`, max);
  ctx.report.set(`graph_connected_entities_${g.label}`, connected);
}

async function measureSqlite(ctx: BenchContext, g: BuiltGraph): Promise<void> {
  const { report, sizes } = ctx;
  const L = g.label;
  graphShape(ctx, g);
  const store = new SqliteStore(g.sqlitePath);
  await store.init();
  const pairs = samplePairs(g.entities, sizes.queries, 99, g.queryable);
  const warm = samplePairs(g.entities, 100, 7, g.queryable);
  const q = ([a, b]: [number, number]) => ({ fromId: g.entities[a].id, toId: g.entities[b].id, maxHops: SHORTEST_MAX_HOPS, timeoutMs: 5_000 });
  const qp = ([a, b]: [number, number]) => ({ ...q([a, b]), maxHops: PATHS_MAX_HOPS, first: PATHS_FIRST, ...PATH_FILTER });

  // Cold: the first path query builds the in-memory index from the file.
  let t = nowMs();
  await store.shortestPath(q(warm[0]));
  report.set(`sqlite_index_build_ms_${L}`, nowMs() - t);
  for (const p of warm) {
    await store.shortestPath(q(p));
    await store.paths(qp(p));
  }

  // The same graph in a bare AdjacencyIndex (built beside the store): the search alone, without relation records.
  const index = g.index;
  t = nowMs();
  index.shortestPath(q(warm[0]));
  report.set(`index_seal_ms_${L}`, nowMs() - t);
  for (const p of warm) index.shortestPath(q(p));

  ctx.log(`graph ${L}: ${pairs.length} shortestPath queries (store, index, floor)`);
  const lengths: number[] = [];
  const storeShortest = await timeEach(pairs, async (p) => {
    const r = await store.shortestPath(q(p));
    lengths.push(r ? r.edges.length : -1);
  });
  const indexShortest = await timeEach(pairs, (p) => index.shortestPath(q(p)));
  const floorLengths: number[] = [];
  const floorShortest = await timeEach(pairs, ([a, b]) => {
    const path = g.floor.shortestPath(a, b, SHORTEST_MAX_HOPS);
    floorLengths.push(path ? path.length - 1 : -1);
  });
  let mismatches = 0;
  for (let i = 0; i < lengths.length; i++) if (lengths[i] !== floorLengths[i]) mismatches++;
  const found = lengths.filter((x) => x >= 0);
  report.set(`shortest_path_found_share_${L}`, found.length / lengths.length);
  report.set(`shortest_path_mean_hops_${L}`, found.reduce((s, x) => s + x, 0) / Math.max(1, found.length));
  report.set(`shortest_path_length_mismatches_vs_floor_${L}`, mismatches);
  if (mismatches) report.note(`${L}: ${mismatches} shortestPath lengths differ from the floor BFS — a correctness bug`);

  const s = summarize(storeShortest);
  const i = summarize(indexShortest);
  const f = summarize(floorShortest);
  report.set(`sqlite_shortest_path_p50_ms_${L}`, s.p50);
  report.set(`sqlite_shortest_path_p99_ms_${L}`, s.p99);
  report.set(`index_shortest_path_p50_ms_${L}`, i.p50);
  report.set(`index_shortest_path_p99_ms_${L}`, i.p99);
  report.set(`floor_bfs_shortest_path_p50_ms_${L}`, f.p50);
  report.set(`floor_bfs_shortest_path_p99_ms_${L}`, f.p99);
  report.ratio(`sqlite_shortest_path_vs_floor_p50_ratio_${L}`, `sqlite_shortest_path_p50_ms_${L}`, `floor_bfs_shortest_path_p50_ms_${L}`);
  report.ratio(`sqlite_shortest_path_vs_floor_p99_ratio_${L}`, `sqlite_shortest_path_p99_ms_${L}`, `floor_bfs_shortest_path_p99_ms_${L}`);
  const at1m = g.relations === 1_000_000;
  report.row({
    label: `shortestPath p50 ms, ${L} relations, warm`,
    key: `sqlite_shortest_path_p50_ms_${L}`,
    floorKey: `floor_bfs_shortest_path_p50_ms_${L}`,
    ratioKey: `sqlite_shortest_path_vs_floor_p50_ratio_${L}`,
    target: at1m ? { key: `sqlite_shortest_path_p50_ms_${L}`, op: '<=', value: 2, text: '≤ 2 ms at 1M' } : undefined,
  });
  report.row({
    label: `shortestPath p99 ms, ${L} relations, warm`,
    key: `sqlite_shortest_path_p99_ms_${L}`,
    floorKey: `floor_bfs_shortest_path_p99_ms_${L}`,
    ratioKey: `sqlite_shortest_path_vs_floor_p99_ratio_${L}`,
    target: at1m ? { key: `sqlite_shortest_path_p99_ms_${L}`, op: '<=', value: 15, text: '≤ 15 ms at 1M' } : undefined,
  });
  report.row({ label: `  of which the index search alone, p50 / p99 ms`, key: `index_shortest_path_p50_ms_${L}`, floorKey: `index_shortest_path_p99_ms_${L}` });

  const pathPairs = pairs.slice(0, Math.max(100, Math.floor(pairs.length / 2)));
  ctx.log(`graph ${L}: ${pathPairs.length} filtered 4-hop paths queries (store, floor)`);
  let pathsReturned = 0;
  const storePaths = await timeEach(pathPairs, async (p) => {
    pathsReturned += (await store.paths(qp(p))).length;
  });
  const indexPaths = await timeEach(pathPairs, (p) => index.paths(qp(p)));
  const floorPaths = await timeEach(pathPairs, ([a, b]) => g.floor.shortestPath(a, b, PATHS_MAX_HOPS, PATH_FILTER));
  const sp = summarize(storePaths);
  const ip = summarize(indexPaths);
  const fp = summarize(floorPaths);
  report.set(`paths_returned_mean_${L}`, pathsReturned / pathPairs.length);
  report.set(`sqlite_paths4_filtered_p50_ms_${L}`, sp.p50);
  report.set(`sqlite_paths4_filtered_p99_ms_${L}`, sp.p99);
  report.set(`index_paths4_filtered_p50_ms_${L}`, ip.p50);
  report.set(`index_paths4_filtered_p99_ms_${L}`, ip.p99);
  report.set(`floor_bfs_filtered_p50_ms_${L}`, fp.p50);
  report.set(`floor_bfs_filtered_p99_ms_${L}`, fp.p99);
  report.ratio(`sqlite_paths4_filtered_vs_floor_p99_ratio_${L}`, `sqlite_paths4_filtered_p99_ms_${L}`, `floor_bfs_filtered_p99_ms_${L}`);
  report.row({
    label: `paths ≤ 4 hops, first 10, type/status/date filters, p99 ms, ${L}`,
    key: `sqlite_paths4_filtered_p99_ms_${L}`,
    floorKey: `floor_bfs_filtered_p99_ms_${L}`,
    ratioKey: `sqlite_paths4_filtered_vs_floor_p99_ratio_${L}`,
    target: at1m ? { key: `sqlite_paths4_filtered_p99_ms_${L}`, op: '<=', value: 25, text: '≤ 25 ms at 1M' } : undefined,
  });
  report.row({ label: `  p50 ms (store / index alone in floor column)`, key: `sqlite_paths4_filtered_p50_ms_${L}`, floorKey: `index_paths4_filtered_p50_ms_${L}` });
  await store.close();
}
