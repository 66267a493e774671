// `diplograph serve`: the GraphQL API over the configured store.
import type { Command } from 'commander';
import { parsePort } from '../../config.js';
import { serverOptionsFromEnv, startServer } from '../../api/server.js';
import { storeConfig } from '../../config.js';
import { openStore } from '../../store/open-store.js';
import type { GraphStore } from '../../store/graph-store.js';
import { addStoreOptions, type StoreOptions } from '../store-options.js';

export interface ServeOptions extends StoreOptions {
  port?: string;
  host?: string;
  graphiql: boolean;
}

/**
 * How long the server's Neo4j transactions are retried on transient errors: short, so a query during a Neo4j outage
 * answers STORE_UNAVAILABLE within seconds (an ingest keeps the store's longer default to ride out restarts).
 */
export const SERVE_NEO4J_RETRY_TIME_MS = 2_000;

export const EXAMPLE_PATH_QUERY = `{ paths(from: "Annalena Baerbock", to: "Donald Trump", maxHops: 3) { length nodes { name } edges { type date evidence { sentence } } } }`;

/** Serves until SIGINT/SIGTERM, then closes the server and the store. */
export async function serveStore(store: GraphStore, opts: ServeOptions): Promise<void> {
  const fromEnv = serverOptionsFromEnv();
  const running = await startServer({
    ...fromEnv, store, port: parsePort(opts.port ?? process.env.PORT), host: opts.host, graphiql: opts.graphiql && fromEnv.graphiql,
  });
  process.stdout.write(`diplograph GraphQL on ${running.url} (store: ${store.kind}; GraphiQL in a browser at that URL)\n`);
  process.stdout.write(`try: curl -s ${running.url} -H 'content-type: application/json' -d '${JSON.stringify({ query: EXAMPLE_PATH_QUERY })}'\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running.close();
}

export function registerServe(program: Command): void {
  addStoreOptions(
    program
      .command('serve')
      .description('serve the graph over GraphQL (GraphiQL at /graphql, /health, /ready)')
      .option('--port <port>', 'port (env PORT, default 4000; 0 picks a free one)')
      .option('--host <host>', 'interface to listen on', '127.0.0.1')
      .option('--no-graphiql', 'disable GraphiQL'),
  ).action(async (opts: ServeOptions) => {
    // Serving starts even when Neo4j is down (it may start after us): /ready answers 503 and queries answer
    // STORE_UNAVAILABLE until Neo4j is reachable; then the store connects and sets its schema up by itself.
    const store = await openStore(storeConfig(opts), {
      lazy: true,
      neo4j: { maxTransactionRetryTimeMs: SERVE_NEO4J_RETRY_TIME_MS },
      onUnavailable: (err) => process.stderr.write(`diplograph: ${err.message}; serving anyway: /ready answers 503 until the store is reachable\n`),
    });
    try {
      await serveStore(store, opts);
    } finally {
      await store.close();
    }
  });
}
