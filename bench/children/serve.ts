// Child process for the server benchmarks: serves one SQLite graph over GraphQL and reports its memory.
// Protocol (IPC): sends { ready, url, indexBuildMs } once listening and warm; answers 'stats' with
// { maxRssBytes, rssBytes, heapUsedBytes }; exits on 'stop'.

// Served as deployed (the Dockerfile sets NODE_ENV=production, which drops graphql-js's development checks).
// Set before graphql is loaded, hence the dynamic imports.
process.env.NODE_ENV ??= 'production';
const { startServer } = await import('../../src/api/server.js');
const { SqliteStore } = await import('../../src/store/sqlite/sqlite-store.js');

const db = process.argv[2];
const warmFrom = process.argv[3];
const warmTo = process.argv[4];
if (!db || !process.send) throw new Error('usage: fork(serve.ts, [dbPath, warmFromId, warmToId])');

const store = new SqliteStore(db);
await store.init();
// Warm: the first path query builds the in-memory index from the file.
const t = performance.now();
if (warmFrom && warmTo) await store.shortestPath({ fromId: warmFrom, toId: warmTo, maxHops: 6 });
const indexBuildMs = performance.now() - t;
const server = await startServer({ store, port: 0, graphiql: false });
process.send({ ready: true, url: server.url, indexBuildMs });
process.on('message', (m) => {
  if (m === 'stats') {
    process.send?.({ maxRssBytes: process.resourceUsage().maxRSS * 1024, rssBytes: process.memoryUsage().rss, heapUsedBytes: process.memoryUsage().heapUsed });
  } else if (m === 'stop') {
    void server.close().then(() => store.close()).then(() => process.exit(0));
  }
});
