// Without any Neo4j (a closed port), in every environment: `serve --store neo4j` starts anyway and says why,
// /health answers, /ready answers 503 with STORE_UNAVAILABLE, and every query is refused with
// extensions.code STORE_UNAVAILABLE at once — no driver retry time per query, no stack trace, no crash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { gql } from '../helpers/graphql-client.js';
import { startServe, stopChild, type ServeChild } from './helpers/cli-process.js';

// Port 9 (discard) is closed on loopback: connections are refused at once.
const NOWHERE = { NEO4J_URI: 'bolt://127.0.0.1:9', NEO4J_PASSWORD: 'x' };

describe('serve --store neo4j with Neo4j unreachable', () => {
  let server: ServeChild;
  beforeAll(async () => {
    server = await startServe(['--store', 'neo4j'], NOWHERE);
  }, 60_000);
  afterAll(async () => {
    if (server) await stopChild(server);
  });

  it('starts anyway and says why on stderr', () => {
    expect(server.stderr()).toBe(
      'diplograph: cannot reach Neo4j at bolt://127.0.0.1:9: connection refused; serving anyway: /ready answers 503 until the store is reachable\n',
    );
    expect(server.child.exitCode).toBeNull();
  });

  it('answers /health, and /ready with 503 and the reason', async () => {
    expect((await fetch(`${server.base}/health`)).status).toBe(200);
    const ready = await fetch(`${server.base}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      ready: false, store: 'neo4j', code: 'STORE_UNAVAILABLE', reason: 'cannot reach Neo4j at bolt://127.0.0.1:9: connection refused',
    });
  });

  it('refuses every kind of query with STORE_UNAVAILABLE, quickly', async () => {
    for (const query of [
      '{ stats { articles } }',
      '{ entity(name: "Putin") { name } }',
      '{ paths(from: "Baerbock", to: "Trump") { length } }',
      '{ relations(first: 5) { totalCount } }',
      '{ articles(first: 5) { totalCount } }',
    ]) {
      const started = Date.now();
      const { body } = await gql(server.graphql, query);
      expect(Date.now() - started, query).toBeLessThan(1_000);
      expect(body.errors?.map((e) => e.extensions?.code), query).toEqual(['STORE_UNAVAILABLE']);
      expect(body.errors?.[0].message).toBe('cannot reach Neo4j at bolt://127.0.0.1:9: connection refused');
    }
    expect(server.child.exitCode).toBeNull();
  });
});

describe('Neo4jStore with Neo4j unreachable', () => {
  it('fails every operation fast with STORE_UNAVAILABLE, not after the driver retry time', async () => {
    const store = new Neo4jStore({ uri: 'bolt://127.0.0.1:9', username: 'neo4j', password: 'x', database: 'neo4j' });
    try {
      const started = Date.now();
      const ops = [
        () => store.counts(),
        () => store.findEntity('Putin'),
        () => store.listArticles({ first: 1, offset: 0 }),
        () => store.deleteArticle('a-x'),
        () => store.counts(),
      ];
      for (const op of ops) await expect(op()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      // The driver alone would retry each of these for 15 s.
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await store.close();
    }
  });
});
