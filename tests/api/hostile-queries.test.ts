// Hostile queries are refused with the right extensions.code while the server keeps answering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../helpers/graphql-client.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';

describe('hostile queries', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => server.close());

  const code = (body: { errors?: { extensions?: { code?: string } }[] }) => body.errors?.[0]?.extensions?.code;

  it('refuses a query 20 levels deep', async () => {
    let selection = 'name';
    for (let i = 0; i < 10; i++) selection = `relations(first: 1) { edges { node { source { ${selection} } } } }`;
    const { body } = await gql(server.url, `{ entity(name: "Putin") { ${selection} } }`);
    expect(code(body)).toBe('LIMIT_EXCEEDED');
    expect(body.data ?? null).toBeNull();
  });

  it('refuses 500 aliases', async () => {
    const fields = Array.from({ length: 500 }, (_, i) => `a${i}: stats { articles }`).join(' ');
    const { body } = await gql(server.url, `{ ${fields} }`);
    expect(code(body)).toBe('LIMIT_EXCEEDED');
  });

  it('refuses maxHops: 50 and first: 100000', async () => {
    const hops = await gql(server.url, `{ paths(from: "Baerbock", to: "Trump", maxHops: 50) { length } }`);
    expect(code(hops.body)).toBe('LIMIT_EXCEEDED');
    const first = await gql(server.url, `{ entities(first: 100000) { totalCount } }`);
    expect(code(first.body)).toBe('LIMIT_EXCEEDED');
  });

  it('refuses a mutation without the API key', async () => {
    const { body } = await gql(server.url, `mutation { ingestArticle(input: { text: "Trump traf Putin." }) { status } }`);
    expect(code(body)).toBe('UNAUTHENTICATED');
    expect((await server.store.counts()).articles).toBe(3);
  });

  it('caps batched requests', async () => {
    const batch = Array.from({ length: 11 }, () => ({ query: '{ stats { articles } }' }));
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(batch) });
    expect(res.ok).toBe(false);
    const ok = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(batch.slice(0, 2)) });
    expect(((await ok.json()) as unknown[]).length).toBe(2);
  });

  it('keeps answering normal queries after the refusals', async () => {
    const { body } = await gql<{ stats: { articles: number } }>(server.url, `{ stats { articles } }`);
    expect(body.data!.stats.articles).toBe(3);
  });
});
