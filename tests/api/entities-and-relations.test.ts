// entity, entities, relations and article over HTTP, with Relay connections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../helpers/graphql-client.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { reactions } from '../fixtures/extracted-articles.js';

describe('entities, relations and articles over HTTP', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => server.close());

  it('looks an entity up by alias, case- and accent-insensitively', async () => {
    const { body } = await gql<{ entity: { name: string; wikidata: string; aliases: string[] } }>(server.url, `{ entity(name: "selénskyjs") { name wikidata aliases } }`);
    expect(body.data!.entity).toEqual({ name: 'Wolodymyr Selenskyj', wikidata: 'Q3881', aliases: ['Selenskyj', 'Selenskyjs'] });
  });

  it('pages entities with cursors and a total count', async () => {
    const first = await gql<{ entities: { totalCount: number; edges: { cursor: string; node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      server.url,
      `{ entities(first: 5) { totalCount edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }`,
    );
    const page1 = first.body.data!.entities;
    expect(page1.totalCount).toBe(9);
    expect(page1.edges).toHaveLength(5);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await gql<{ entities: { edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean } } }>(
      server.url,
      `query($after: String) { entities(first: 5, after: $after) { edges { node { name } } pageInfo { hasNextPage } } }`,
      { after: page1.pageInfo.endCursor },
    );
    const names = [...page1.edges, ...second.body.data!.entities.edges].map((e) => e.node.name);
    expect(new Set(names).size).toBe(9);
    expect(second.body.data!.entities.pageInfo.hasNextPage).toBe(false);
  });

  it('filters relations by type, entity and time window', async () => {
    const { body } = await gql<{ relations: { totalCount: number; edges: { node: { type: string; date: string; place: { name: string } | null } }[] } }>(
      server.url,
      `{ relations(type: [MET_AT], entity: "Putin", since: "2017", until: "2018-12") { totalCount edges { node { type date place { name } } } } }`,
    );
    expect(body.data!.relations.totalCount).toBe(2);
    expect(body.data!.relations.edges.map((e) => [e.node.date, e.node.place?.name])).toEqual([
      ['2017-07', 'Hamburg'],
      ['2018-07', 'Helsinki'],
    ]);
  });

  it('rejects a malformed date with BAD_USER_INPUT', async () => {
    const { body } = await gql(server.url, `{ relations(since: "March 2018") { totalCount } }`);
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('shows what an article contributed', async () => {
    const { body } = await gql<{ article: { title: string; relations: { totalCount: number } } }>(
      server.url,
      `query($id: ID!) { article(id: $id) { title relations { totalCount } } }`,
      { id: reactions.article.id },
    );
    expect(body.data!.article).toEqual({ title: 'Reaktionen auf das Telefonat', relations: { totalCount: 4 } });
  });

  it('answers /health and /ready', async () => {
    const base = server.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, store: 'sqlite' });
  });
});
