// Child process for the GraphQL overhead figure: the same shortestPath by names as a direct store call and over
// HTTP to a server in this process, in alternating rounds. Its own process serves as deployed (NODE_ENV=production,
// as the Dockerfile sets) and away from the benchmark's heap of generated graphs.
// Protocol (IPC): sends { ready } once loaded; receives { dbPath, pairs, warm }; replies { directMs, httpMs }.

// Set before graphql is loaded, hence the dynamic imports.
process.env.NODE_ENV ??= 'production';
const { startServer } = await import('../../src/api/server.js');
const { findShortestPath } = await import('../../src/queries/relation-paths.js');
const { SqliteStore } = await import('../../src/store/sqlite/sqlite-store.js');
const { GraphQLClient } = await import('../lib/http.js');
const { timeEach } = await import('../lib/stats.js');
const { SHORTEST_QUERY } = await import('../suites/api.js');

export interface OverheadJob {
  dbPath: string;
  pairs: { from: string; to: string }[];
  /** Requests of each kind before measuring. */
  warm: number;
}

export interface OverheadResult {
  directMs: number[];
  httpMs: number[];
}

async function measure(job: OverheadJob): Promise<OverheadResult> {
  const store = new SqliteStore(job.dbPath);
  await store.init();
  const server = await startServer({ store, port: 0, graphiql: false });
  const client = new GraphQLClient(server.url);
  try {
    const { pairs } = job;
    const direct = async (v: { from: string; to: string }) => {
      const path = await findShortestPath(store, { ...v, maxHops: 6 });
      if (path) await store.getEntities(path.nodeIds);
    };
    const http = async (v: { from: string; to: string }) => {
      const res = await client.post({ query: SHORTEST_QUERY, variables: v });
      if (res.json.errors?.length) throw new Error(`GraphQL error: ${res.json.errors[0].message}`);
    };
    // Warm both paths (index, Yoga's parse/validate cache, and the JIT: a hundred requests leave the server's code
    // half-optimised, p50 +50%), then interleave rounds to share any drift.
    for (let i = 0; i < job.warm; i++) {
      await direct(pairs[i % pairs.length]);
      await http(pairs[i % pairs.length]);
    }
    const directMs: number[] = [];
    const httpMs: number[] = [];
    for (let i = 0; i < pairs.length; i += 50) {
      const part = pairs.slice(i, i + 50);
      directMs.push(...(await timeEach(part, direct)));
      httpMs.push(...(await timeEach(part, http)));
    }
    return { directMs, httpMs };
  } finally {
    client.close();
    await server.close();
    await store.close();
  }
}

if (!process.send) throw new Error('usage: fork(overhead.ts) with IPC');
process.once('message', (job: OverheadJob) => {
  measure(job).then(
    (result) => process.send?.(result, () => process.exit(0)),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
});
process.send({ ready: true });
