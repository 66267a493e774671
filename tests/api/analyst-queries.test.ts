// The analyst's questions over HTTP: neighborhood, timeline, statements, counts, most connected, between,
// time-respecting paths, articles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../helpers/graphql-client.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';

describe('analyst queries over HTTP', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => server.close());

  const ask = async <T>(query: string) => {
    const { body } = await gql<T>(server.url, query);
    expect(body.errors).toBeUndefined();
    return body.data as T;
  };

  it('returns a neighborhood as nodes and edges', async () => {
    const d = await ask<{ neighborhood: { nodes: { name: string }[]; edges: { type: string; source: { name: string } }[]; truncated: boolean } }>(
      `{ neighborhood(entity: "Putin", depth: 1) { nodes { name } edges { type source { name } } truncated } }`,
    );
    expect(d.neighborhood.nodes.map((n) => n.name)).toEqual(['Wladimir Putin', 'Annalena Baerbock', 'Donald Trump', 'Wolodymyr Selenskyj']);
    expect(d.neighborhood.edges).toHaveLength(7);
    expect(d.neighborhood.truncated).toBe(false);
  });

  it("gives a pair's timeline in date order", async () => {
    const d = await ask<{ timeline: { edges: { node: { type: string; date: string | null } }[] } }>(
      `{ timeline(entity: "Trump", counterpart: "Putin") { edges { node { type date } } } }`,
    );
    expect(d.timeline.edges.map((e) => [e.node.type, e.node.date])).toEqual([
      ['MET_AT', '2017-07'],
      ['MET_AT', '2018-07'],
      ['CALLED', '2025-03-18'],
      ['STATED', null],
    ]);
  });

  it('lists what one actor said about another, with quotes', async () => {
    const d = await ask<{ statements: { edges: { node: { quote: string; source: { name: string } } }[] } }>(
      `{ statements(about: "Trump") { edges { node { quote source { name } } } } }`,
    );
    expect(d.statements.edges.map((e) => [e.node.source.name, e.node.quote]).sort()).toEqual([
      ['Karoline Leavitt', 'strebt Trump einen dauerhaften Frieden an'],
      ['Wladimir Putin', 'Fernseh-Trump'],
    ]);
  });

  it('counts contacts per counterpart and type, and ranks the most connected', async () => {
    const d = await ask<{ contactCounts: { counterpart: { name: string }; type: string; count: number }[]; mostConnected: { entity: { name: string }; degree: number }[] }>(
      `{ contactCounts(entity: "Putin", relationTypes: [MET_AT]) { counterpart { name } type count }
         mostConnected(first: 2, since: "2017", until: "2018") { entity { name } degree } }`,
    );
    expect(d.contactCounts).toEqual([
      { counterpart: { name: 'Donald Trump' }, type: 'MET_AT', count: 2 },
      { counterpart: { name: 'Wolodymyr Selenskyj' }, type: 'MET_AT', count: 1 },
    ]);
    expect(d.mostConnected.map((m) => [m.entity.name, m.degree])).toEqual([['Donald Trump', 1], ['Wladimir Putin', 1]]);
  });

  it('names the entities between two actors', async () => {
    const d = await ask<{ between: { entity: { name: string }; paths: number }[] }>(`{ between(a: "Baerbock", b: "Selenskyj") { entity { name } paths } }`);
    expect(d.between).toEqual([{ entity: { name: 'Wladimir Putin' }, paths: 1 }]);
  });

  it('finds fewer time-respecting paths where dates forbid a hop', async () => {
    const plain = await ask<{ paths: { length: number }[] }>(`{ paths(from: "Selenskyj", to: "Putin", maxHops: 2, relationTypes: [CALLED]) { length } }`);
    const timed = await ask<{ paths: { length: number }[] }>(
      `{ paths(from: "Selenskyj", to: "Putin", maxHops: 2, relationTypes: [CALLED], timeRespecting: true) { length } }`,
    );
    expect(plain.paths).toHaveLength(1);
    expect(timed.paths).toHaveLength(0);
    const k = await ask<{ kShortestPaths: { length: number }[] }>(`{ kShortestPaths(from: "Baerbock", to: "Trump", k: 3) { length } }`);
    expect(k.kShortestPaths.map((p) => p.length)).toEqual([2, 2, 2]);
  });

  it('pages articles newest first', async () => {
    const d = await ask<{ articles: { totalCount: number; edges: { node: { published: string } }[] } }>(`{ articles(first: 2) { totalCount edges { node { published } } } }`);
    expect(d.articles.totalCount).toBe(3);
    expect(d.articles.edges.map((e) => e.node.published)).toEqual(['2025-04-01', '2025-03-21']);
  });

  it('refuses a neighborhood deeper than 3 with LIMIT_EXCEEDED', async () => {
    const { body } = await gql(server.url, `{ neighborhood(entity: "Putin", depth: 4) { truncated } }`);
    expect(body.errors?.[0].extensions?.code).toBe('LIMIT_EXCEEDED');
  });
});
