// The newcomer's path on the embedded store: ingest the sample article, serve it, ask for relation paths.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../helpers/graphql-client.js';
import { runCli, startCli, stop } from '../helpers/cli.js';
import type { ChildProcess } from 'node:child_process';

interface PathJson {
  length: number;
  nodes: { name: string }[];
  edges: { type: string; evidence: { sentence: string; start: number; end: number; article: { text: string } }[] }[];
}

describe('seed article end to end (CLI ingest → serve → GraphQL)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplograph-e2e-'));
  const db = join(dir, 'graph.db');
  let server: ChildProcess;
  let url: string;

  beforeAll(async () => {
    const ingest = await runCli(['ingest', 'samples/seed.txt', '--db', db]);
    expect(ingest.stderr).toBe('');
    expect(ingest.status).toBe(0);
    expect(ingest.stdout).toMatch(/articles: 1 new, 0 duplicate, 0 failed/);
    const started = await startCli(['serve', '--db', db, '--port', '0'], /GraphQL on (http:\S+)/);
    server = started.child;
    url = started.match[1];
  }, 120_000);
  afterAll(async () => {
    if (server) await stop(server);
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds nothing when the same article is ingested again', async () => {
    const again = await runCli(['ingest', 'samples/seed.txt', '--db', db]);
    expect(again.stdout).toMatch(/articles: 0 new, 1 duplicate, 0 failed; entities \+0 .* relations \+0 .* evidence \+0/);
  });

  it('finds a path from Baerbock to Trump whose every edge has evidence found verbatim in the article', async () => {
    const { body } = await gql<{ paths: PathJson[] }>(
      url,
      `{ paths(from: "Annalena Baerbock", to: "Donald Trump", maxHops: 3) { length nodes { name } edges { type evidence { sentence start end article { text } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const paths = body.data!.paths;
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) {
      expect(p.nodes[0].name).toBe('Annalena Baerbock');
      expect(p.nodes.at(-1)!.name).toBe('Donald Trump');
      for (const e of p.edges) {
        expect(e.evidence.length).toBeGreaterThan(0);
        for (const ev of e.evidence) {
          expect(ev.article.text.slice(ev.start, ev.end)).toBe(ev.sentence);
        }
      }
    }
  });

  it('finds the shortest path from Leavitt to Putin (aliases) with length 2', async () => {
    const { body } = await gql<{ shortestPath: PathJson }>(url, `{ shortestPath(from: "Leavitt", to: "Putin") { length nodes { name } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.shortestPath.length).toBe(2);
    expect(body.data!.shortestPath.nodes.map((n) => n.name)).toEqual(['Katherine Leavitt', 'Donald Trump', 'Wladimir Putin']);
  });
});
