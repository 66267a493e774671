// GraphQL over HTTP: the fixed cost per request (the same shortestPath over HTTP vs the direct call), and
// throughput under a real load generator at 10 connections against a server in a child process: wrk when it is
// installed (C, light on the core it shares with the server), autocannon otherwise and for comparison.
import autocannon from 'autocannon';
import type { OverheadJob, OverheadResult } from '../children/overhead.js';
import { samplePairs, type GraphEntity } from '../generators/relation-graph.js';
import { forkChild } from '../lib/child.js';
import type { BenchContext, BuiltGraph } from '../lib/context.js';
import { buildSqliteGraph } from '../lib/graph-build.js';
import { GraphQLClient, startServerChild, wrkAvailable, wrkLoad, type GraphQLBody, type LoadResult } from '../lib/http.js';
import { mib, summarize } from '../lib/stats.js';

export const SHORTEST_QUERY = `query ShortestPath($from: String!, $to: String!) {
  shortestPath(from: $from, to: $to) { length nodes { name } edges { type date status evidence { sentence } } }
}`;
const PATHS_QUERY = `query Paths($from: String!, $to: String!) {
  paths(from: $from, to: $to, maxHops: 3, first: 5, relationTypes: [MET_AT, CALLED, NEGOTIATED], since: "2020") {
    length nodes { name } edges { type date }
  }
}`;
const ENTITY_QUERY = `query Entity($name: String!) { entity(name: $name) { id name type aliases wikidata } }`;
const RELATIONS_QUERY = `query Relations($name: String!) {
  relations(entity: $name, first: 10, since: "2024") { totalCount edges { node { type date status } } }
}`;
const NEIGHBORHOOD_QUERY = `query Neighborhood($name: String!) {
  neighborhood(entity: $name, depth: 1, maxNodes: 25, relationTypes: [MET_AT, CALLED], since: "2025") { truncated nodes { name } edges { type date } }
}`;

function shortestBodies(entities: readonly GraphEntity[], count: number, seed: number, candidates: readonly number[]): string[] {
  return samplePairs(entities, count, seed, candidates).map(([a, b]) => JSON.stringify({ query: SHORTEST_QUERY, variables: { from: entities[a].name, to: entities[b].name } }));
}

/** The analyst mix: 35% shortestPath, 20% paths, 20% entity, 15% relations, 10% neighborhood. */
export function mixBodiesFor(entities: readonly GraphEntity[], count: number, seed: number, candidates: readonly number[]): string[] {
  const pairs = samplePairs(entities, count, seed, candidates);
  return pairs.map(([a, b], i) => {
    const k = i % 20;
    const from = entities[a].name;
    const to = entities[b].name;
    let body: GraphQLBody;
    if (k < 7) body = { query: SHORTEST_QUERY, variables: { from, to } };
    else if (k < 11) body = { query: PATHS_QUERY, variables: { from, to } };
    else if (k < 15) body = { query: ENTITY_QUERY, variables: { name: from } };
    else if (k < 18) body = { query: RELATIONS_QUERY, variables: { name: from } };
    else body = { query: NEIGHBORHOOD_QUERY, variables: { name: from } };
    return JSON.stringify(body);
  });
}

/** autocannon at 10 connections, cycling through the given request bodies. */
export async function load(url: string, bodies: readonly string[], seconds: number): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url,
    connections: 10,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Sends every distinct kind of request once and fails loudly on GraphQL errors (a fast error is not a result). */
async function checkBodies(url: string, bodies: readonly string[]): Promise<void> {
  const client = new GraphQLClient(url);
  try {
    for (const body of bodies.slice(0, 40)) {
      const res = await client.post(body);
      if (res.status !== 200 || res.json.errors?.length) {
        throw new Error(`bench request failed (${res.status}): ${JSON.stringify(res.json.errors ?? res.json).slice(0, 300)}\n${body.slice(0, 200)}`);
      }
    }
  } finally {
    client.close();
  }
}

export async function apiSuite(ctx: BenchContext): Promise<void> {
  const { report, sizes } = ctx;
  report.begin('GraphQL API');
  // The 100k graph (or the smallest one built in --quick); built here when the paths suite did not run.
  const g =
    ctx.graphs.get(100_000) ??
    [...ctx.graphs.values()].sort((a, b) => a.relations - b.relations)[0] ??
    (await buildSqliteGraph(ctx, Math.min(...sizes.graphs))).built;
  await overhead(ctx, g);

  // Throughput: server in a child process (one core), the load generator here (the other core).
  const [wa, wb] = samplePairs(g.entities, 1, 7, g.queryable)[0];
  const server = await startServerChild(g.sqlitePath, g.entities[wa].id, g.entities[wb].id);
  try {
    const L = g.label;
    const generator = wrkAvailable() ? 'wrk' : 'autocannon';
    const run = (bodies: readonly string[]) => (generator === 'wrk' ? wrkLoad(server.url, bodies, sizes.loadSeconds, ctx.workDir) : load(server.url, bodies, sizes.loadSeconds));
    // Varied pairs: every request a different question, so no cache along the way can flatter the figure.
    const shortest = shortestBodies(g.entities, 2000, 11, g.queryable);
    const mix = mixBodiesFor(g.entities, 2000, 13, g.queryable);
    await checkBodies(server.url, shortest);
    await checkBodies(server.url, mix);
    await load(server.url, mix, 2); // warm-up
    report.set('server_load_generator', generator);
    ctx.log(`api: ${generator} ${sizes.loadSeconds}s × 2 on the ${L} graph`);
    const s = await run(shortest);
    report.set(`server_shortest_path_req_per_s_${L}`, s.requestsPerSecond);
    report.set(`server_shortest_path_p50_ms_${L}`, s.p50Ms);
    report.set(`server_shortest_path_p99_ms_${L}`, s.p99Ms);
    report.set(`server_shortest_path_errors_${L}`, s.errors + s.non2xx);
    const m = await run(mix);
    report.set(`server_mix_req_per_s_${L}`, m.requestsPerSecond);
    report.set(`server_mix_p50_ms_${L}`, m.p50Ms);
    report.set(`server_mix_p99_ms_${L}`, m.p99Ms);
    report.set(`server_mix_errors_${L}`, m.errors + m.non2xx);
    if (generator === 'wrk') {
      // The same shortestPath load from autocannon, which competes with the server for the two cores.
      const a = await load(server.url, shortest, sizes.loadSeconds);
      report.set(`server_shortest_path_autocannon_req_per_s_${L}`, a.requestsPerSecond);
      report.set(`server_shortest_path_autocannon_p99_ms_${L}`, a.p99Ms);
      report.set(`server_shortest_path_autocannon_errors_${L}`, a.errors + a.non2xx);
    }
    const stats = await server.stats();
    report.set(`server_peak_rss_mib_${L}`, mib(stats.maxRssBytes));
    report.row({
      label: `server, ${generator} 10 connections, shortestPath req/s, ${L} (p99 ms in floor column)`,
      key: `server_shortest_path_req_per_s_${L}`,
      floorKey: `server_shortest_path_p99_ms_${L}`,
      target: g.relations === 100_000 ? { key: `server_shortest_path_req_per_s_${L}`, op: '>=', value: 1500, text: '≥ 1,500 req/s at 100k' } : undefined,
    });
    report.row({
      label: `server, ${generator}, analyst mix (35% shortestPath, 20% paths, 20% entity, 15% relations, 10% neighborhood) req/s, ${L} (p99 ms)`,
      key: `server_mix_req_per_s_${L}`,
      floorKey: `server_mix_p99_ms_${L}`,
    });
    if (generator === 'wrk') {
      report.row({
        label: `  shortestPath with autocannon as the load generator, req/s (p99 ms)`,
        key: `server_shortest_path_autocannon_req_per_s_${L}`,
        floorKey: `server_shortest_path_autocannon_p99_ms_${L}`,
      });
    }
  } finally {
    await server.stop();
  }
}

/** The same shortestPath by names: over HTTP (server in the same child process, keep-alive client) vs findShortestPath + names. */
async function overhead(ctx: BenchContext, g: BuiltGraph): Promise<void> {
  const { report, sizes } = ctx;
  const L = g.label;
  const pairs = samplePairs(g.entities, Math.min(sizes.queries, 1000), 21, g.queryable).map(([a, b]) => ({ from: g.entities[a].name, to: g.entities[b].name }));
  const job: OverheadJob = { dbPath: g.sqlitePath, pairs, warm: ctx.quick ? 300 : 3000 };
  const child = forkChild('overhead', []);
  const { directMs, httpMs } = await new Promise<OverheadResult>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`overhead child exited with code ${code}`));
    child.once('exit', onExit);
    child.on('message', (m: { ready?: boolean } | OverheadResult) => {
      if ('ready' in m) return void child.send(job);
      child.off('exit', onExit);
      resolve(m as OverheadResult);
    });
  });
  const d = summarize(directMs);
  const h = summarize(httpMs);
  report.set(`direct_shortest_path_p50_ms_${L}`, d.p50);
  report.set(`graphql_shortest_path_p50_ms_${L}`, h.p50);
  report.set(`direct_shortest_path_p99_ms_${L}`, d.p99);
  report.set(`graphql_shortest_path_p99_ms_${L}`, h.p99);
  report.ratio(`graphql_overhead_p50_ratio_${L}`, `graphql_shortest_path_p50_ms_${L}`, `direct_shortest_path_p50_ms_${L}`);
  report.set(`graphql_overhead_p50_added_ms_${L}`, h.p50 - d.p50);
  report.row({
    label: `shortestPath by names over HTTP vs direct call, p50 ms, ${L}`,
    key: `graphql_shortest_path_p50_ms_${L}`,
    floorKey: `direct_shortest_path_p50_ms_${L}`,
    ratioKey: `graphql_overhead_p50_ratio_${L}`,
    target: { key: `graphql_overhead_p50_ratio_${L}`, op: '<=', value: 1.3, text: '≤ 1.3× or ≤ 0.3 ms added', or: { key: `graphql_overhead_p50_added_ms_${L}`, op: '<=', value: 0.3 } },
  });
  report.row({ label: `  added by GraphQL over HTTP, p50 ms`, key: `graphql_overhead_p50_added_ms_${L}` });
}
