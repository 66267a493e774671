// `diplograph serve --store neo4j` through a Neo4j outage, with the real server stopped and started by the repo's
// scripts: a server that was connected when Neo4j went away, and one started while Neo4j was down, both keep
// answering — /health 200, /ready 503 naming the cause, queries `extensions.code: STORE_UNAVAILABLE` within
// seconds — and both recover without a restart once Neo4j is back. Neo4j is always started again at the end.
import { afterAll, describe, expect, it } from 'vitest';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { gql } from '../helpers/graphql-client.js';
import { ALL_FIXTURES } from '../fixtures/extracted-articles.js';
import { closeAdmin, emptyDatabase, NEO4J_ENABLED, SKIP_LINE, testOptions } from '../store/neo4j-test-database.js';
import { startServe, stopChild, type ServeChild } from './helpers/cli-process.js';
import { canControlNeo4j, startNeo4j, stopNeo4j, waitFor } from './helpers/neo4j-server.js';

const CONTROLLABLE = NEO4J_ENABLED && canControlNeo4j();
if (!NEO4J_ENABLED) console.log(SKIP_LINE);
else if (!CONTROLLABLE) console.log('neo4j outage suite skipped: this Neo4j was not started by tools/neo4j/start.sh, so it cannot be stopped');

type Served = ServeChild;
const serve = () => startServe(['--store', 'neo4j']);

async function ready(s: Served): Promise<{ status: number; body: { ready: boolean; code?: string; reason?: string } }> {
  const res = await fetch(`${s.base}/ready`);
  return { status: res.status, body: (await res.json()) as { ready: boolean; code?: string; reason?: string } };
}

const STATS = '{ stats { articles } }';
const ENTITY = '{ entity(name: "Kremlchef") { name } }';

/** A query during the outage: refused with STORE_UNAVAILABLE, quickly. */
async function expectUnavailable(s: Served, query: string): Promise<number> {
  const started = Date.now();
  const { body } = await gql(s.graphql, query);
  const ms = Date.now() - started;
  // Nothing answered: data null, or the nullable root field null.
  expect(Object.values(body.data ?? {}).every((v) => v === null)).toBe(true);
  expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['STORE_UNAVAILABLE']);
  expect(body.errors?.[0].message).toMatch(/^cannot reach Neo4j at bolt:\/\/\S+: /);
  return ms;
}

async function expectAnswers(s: Served): Promise<void> {
  const stats = await gql<{ stats: { articles: number } }>(s.graphql, STATS);
  expect(stats.body.errors).toBeUndefined();
  expect(stats.body.data?.stats.articles).toBe(ALL_FIXTURES.length);
  const entity = await gql<{ entity: { name: string } }>(s.graphql, ENTITY);
  expect(entity.body.data?.entity.name).toBe('Wladimir Putin');
}

describe.skipIf(!CONTROLLABLE)('serve --store neo4j through a Neo4j outage', () => {
  const servers: ServeChild[] = [];
  afterAll(async () => {
    for (const s of servers) await stopChild(s);
    await startNeo4j();
    await emptyDatabase();
    await closeAdmin();
  }, 180_000);

  it('answers STORE_UNAVAILABLE while Neo4j is down, starts without it, and recovers without a restart', async () => {
    await emptyDatabase();
    const seed = new Neo4jStore(testOptions());
    await seed.init();
    await seed.writeArticles(ALL_FIXTURES);
    await seed.close();

    const connected = await serve();
    servers.push(connected);
    expect((await ready(connected)).status).toBe(200);
    await expectAnswers(connected);

    let coldStart: Served | null = null;
    try {
      await stopNeo4j();

      // The server that was connected: queries are refused with the right code (the first one after the driver's
      // short retry, the next ones at once), /ready says why, /health still answers.
      const firstMs = await expectUnavailable(connected, STATS);
      const down = await ready(connected);
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ ready: false, code: 'STORE_UNAVAILABLE' });
      expect(down.body.reason).toMatch(/^cannot reach Neo4j at bolt:\/\/\S+: connection refused$/);
      expect((await fetch(`${connected.base}/health`)).status).toBe(200);
      const nextMs = await expectUnavailable(connected, ENTITY);
      console.log(`neo4j down: first refused query ${firstMs} ms, next ${nextMs} ms`);
      // The server's short driver retry (2 s; its backoff may take one more step) rather than the store's default of 15 s.
      expect(firstMs).toBeLessThan(12_000);
      expect(nextMs).toBeLessThan(1_000);

      // A server started while Neo4j is down starts anyway and says so.
      coldStart = await serve();
      servers.push(coldStart);
      expect(coldStart.stderr()).toMatch(/cannot reach Neo4j at bolt:\/\/\S+: connection refused; serving anyway/);
      const coldReady = await ready(coldStart);
      expect(coldReady.status).toBe(503);
      expect(coldReady.body.code).toBe('STORE_UNAVAILABLE');
      expect(await expectUnavailable(coldStart, ENTITY)).toBeLessThan(1_000);
    } finally {
      await startNeo4j();
    }

    // Both recover on their own: /ready turns 200, queries answer from the stored graph.
    for (const s of [connected, coldStart!]) {
      await waitFor('/ready to answer 200', async () => (await ready(s)).status === 200, 30_000, 250);
      await expectAnswers(s);
    }
    expect(connected.child.exitCode).toBeNull();
    expect(coldStart!.child.exitCode).toBeNull();
  }, 240_000);
});
