// paths and shortestPath over HTTP: aliases accepted, shortest first, every edge with its evidence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../helpers/graphql-client.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';

interface PathJson {
  length: number;
  nodes: { name: string }[];
  edges: { type: string; date: string | null; source: { name: string }; target: { name: string } | null; evidence: { sentence: string; start: number; end: number; article: { text: string } }[] }[];
}

const PATH_FIELDS = `length nodes { name } edges { type date source { name } target { name } evidence { sentence start end article { text } } }`;

describe('relation paths over HTTP', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => server.close());

  it('returns paths from Baerbock to Trump, shortest first, with evidence found verbatim in the article', async () => {
    const { status, body } = await gql<{ paths: PathJson[] }>(server.url, `{ paths(from: "Annalena Baerbock", to: "Donald Trump", maxHops: 3) { ${PATH_FIELDS} } }`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const paths = body.data!.paths;
    expect(paths.length).toBe(5);
    expect(paths.map((p) => p.length)).toEqual([2, 2, 2, 2, 3]);
    expect(paths[0].nodes.map((n) => n.name)).toEqual(['Annalena Baerbock', 'Wladimir Putin', 'Donald Trump']);
    for (const p of paths) {
      for (const e of p.edges) {
        expect(e.evidence.length).toBeGreaterThan(0);
        for (const ev of e.evidence) expect(ev.article.text.slice(ev.start, ev.end)).toBe(ev.sentence);
      }
    }
  });

  it('accepts aliases for both ends of shortestPath', async () => {
    const { body } = await gql<{ shortestPath: PathJson }>(server.url, `{ shortestPath(from: "Leavitt", to: "putins") { ${PATH_FIELDS} } }`);
    expect(body.data!.shortestPath.length).toBe(2);
    expect(body.data!.shortestPath.nodes.map((n) => n.name)).toEqual(['Karoline Leavitt', 'Donald Trump', 'Wladimir Putin']);
  });

  it('filters hops by relation type', async () => {
    const { body } = await gql<{ paths: PathJson[] }>(
      server.url,
      `{ paths(from: "Selenskyj", to: "Trump", maxHops: 3, relationTypes: [MET_AT]) { ${PATH_FIELDS} } }`,
    );
    expect(body.data!.paths.length).toBe(2);
    expect(body.data!.paths.flatMap((p) => p.edges.map((e) => e.type))).toEqual(['MET_AT', 'MET_AT', 'MET_AT', 'MET_AT']);
  });

  it('answers null when no path exists within maxHops, and NOT_FOUND for an unknown name', async () => {
    const none = await gql<{ shortestPath: PathJson | null }>(server.url, `{ shortestPath(from: "Riabkow", to: "Trump") { length } }`);
    expect(none.body.data!.shortestPath).toBeNull();
    const unknown = await gql(server.url, `{ shortestPath(from: "Nobody Known", to: "Trump") { length } }`);
    expect(unknown.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(unknown.body.errors?.[0].message).toContain('Nobody Known');
  });

  it('refuses maxHops beyond the cap with LIMIT_EXCEEDED', async () => {
    const { body } = await gql(server.url, `{ paths(from: "Baerbock", to: "Trump", maxHops: 50) { length } }`);
    expect(body.errors?.[0].extensions?.code).toBe('LIMIT_EXCEEDED');
  });
});
