// The two ways in: `diplograph export` (run in-process through commander) and `GET /export` on the server,
// whole graph and subgraphs, with the errors a user gets for bad arguments.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../src/api/server.js';
import { registerExport } from '../../src/cli/commands/export.js';
import { EXPORT_FORMAT_NAMES } from '../../src/export/formats.js';
import { selectGraph } from '../../src/export/graph-source.js';
import { EXPORT_FIXTURES, exportText, tempStore, type TempStore } from './helpers/export-fixtures.js';

let t: TempStore;
let out: string;

beforeAll(async () => {
  t = await tempStore(EXPORT_FIXTURES);
  out = mkdtempSync(join(tmpdir(), 'diplograph-cli-'));
});
afterAll(async () => {
  await t.close();
  rmSync(out, { recursive: true, force: true });
});

/** Runs `diplograph export …` in this process; returns what it wrote to stdout and stderr. */
async function cli(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const program = new Command('diplograph').exitOverride();
  registerExport(program);
  let stdout = '';
  let stderr = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    await program.parseAsync(['node', 'diplograph', 'export', '--db', t.dbPath, ...args]);
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
  return { stdout, stderr };
}

describe('diplograph export', () => {
  it('knows every format', () => {
    expect(EXPORT_FORMAT_NAMES).toEqual(['graphml', 'gexf', 'cytoscape', 'jgf', 'csv', 'relations-jsonl', 'jsonl']);
  });

  it('writes a format to stdout, the same bytes as the library', async () => {
    const { stdout } = await cli(['--format', 'graphml']);
    expect(stdout).toBe(await exportText(t.store, 'graphml'));
  });

  it('writes a file with --out and says what it wrote', async () => {
    const file = join(out, 'g.gexf');
    const { stderr } = await cli(['--format', 'gexf', '--out', file]);
    expect(readFileSync(file, 'utf8')).toBe(await exportText(t.store, 'gexf'));
    expect(stderr).toMatch(/wrote .*g\.gexf \(\d+ entities, \d+ relations\)/);
  });

  it('writes the CSV files into a folder', async () => {
    const dir = join(out, 'neo4j');
    await cli(['--format', 'csv', '--out', dir]);
    for (const f of ['nodes.csv', 'relationships.csv', 'neo4j-admin-import.sh']) expect(existsSync(join(dir, f)), f).toBe(true);
    await expect(cli(['--format', 'csv'])).rejects.toThrow(/writes 3 files: give --out FOLDER/);
  });

  it('exports a neighborhood (--entity --depth) and paths (--from --to --max-hops), with filters', async () => {
    const hood = JSON.parse((await cli(['--format', 'cytoscape', '--entity', 'Baerbock', '--depth', '1'])).stdout);
    expect(hood.elements.nodes.map((n: { data: { name: string } }) => n.data.name).sort()).toEqual(['Annalena Baerbock', 'Wladimir Putin']);
    const paths = JSON.parse((await cli(['--format', 'cytoscape', '--from', 'Baerbock', '--to', 'Trump', '--max-hops', '2'])).stdout);
    expect(paths.elements.nodes.map((n: { data: { name: string } }) => n.data.name).sort()).toEqual(['Annalena Baerbock', 'Donald Trump', 'Wladimir Putin']);
    const calls = JSON.parse((await cli(['--format', 'cytoscape', '--entity', 'Trump', '--type', 'CALLED', '--since', '2025'])).stdout);
    expect(new Set(calls.elements.edges.map((e: { data: { type: string } }) => e.data.type))).toEqual(new Set(['CALLED']));
    expect(calls.elements.edges).toHaveLength(2);
  });

  it('refuses bad arguments with one clear message', async () => {
    await expect(cli(['--format', 'dot'])).rejects.toThrow(/unknown export format 'dot'/);
    await expect(cli(['--format', 'graphml', '--entity', 'Trump', '--from', 'Putin'])).rejects.toThrow(/either entity .* or from and to/);
    await expect(cli(['--format', 'graphml', '--from', 'Putin'])).rejects.toThrow(/paths need both from and to/);
    await expect(cli(['--format', 'graphml', '--entity', 'Nobody Atall'])).rejects.toThrow(/no entity named/);
    await expect(cli(['--format', 'graphml', '--entity', 'Trump', '--depth', '9'])).rejects.toThrow(/depth must be between 1 and 3/);
    await expect(cli(['--format', 'graphml', '--type', 'HUGGED'])).rejects.toThrow(/unknown relation type 'HUGGED'/);
    await expect(cli(['--format', 'graphml', '--since', 'yesterday'])).rejects.toThrow(/since must be/);
    await expect(cli(['--format', 'jsonl', '--entity', 'Trump'])).rejects.toThrow(/whole store only/);
  });
});

describe('subgraph selection', () => {
  it('a neighborhood is what store.neighborhood returns', async () => {
    const source = await selectGraph(t.store, { entity: 'Trump', depth: 2 });
    const ids: string[] = [];
    for await (const n of source.nodes()) ids.push(n.id);
    const g = await t.store.neighborhood({ entityId: 'wd:Q22686', depth: 2, maxNodes: 200 });
    expect(ids).toEqual(g.nodeIds);
    const edges: string[] = [];
    for await (const e of source.edges()) edges.push(e.relation.id);
    expect(edges).toEqual(g.relations.map((r) => r.id));
    expect(source.description).toBe('diplograph: neighborhood of Donald Trump, depth 2');
  });
});

describe('GET /export', () => {
  let server: RunningServer;
  let base: string;
  beforeAll(async () => {
    server = await startServer({ store: t.store, port: 0 });
    base = server.url.replace(/\/graphql$/, '');
  });
  afterAll(() => server.close());

  it('streams a format with its media type and file name', async () => {
    const res = await fetch(`${base}/export?format=graphml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="diplograph.graphml"');
    expect(await res.text()).toBe(await exportText(t.store, 'graphml'));
  });

  it('takes the selection as query parameters', async () => {
    const res = await fetch(`${base}/export?format=relations-jsonl&from=Baerbock&to=Trump&maxHops=2&type=STATED,MET_AT&type=CALLED`);
    expect(res.status).toBe(200);
    const rows = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as { sourceName: string; targetName: string });
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.some((r) => r.sourceName === 'Annalena Baerbock' && r.targetName === 'Wladimir Putin')).toBe(true);
    const hood = await fetch(`${base}/export?format=jgf&entity=Baerbock&depth=2&since=2025&until=2025-12`);
    expect(Object.keys(((await hood.json()) as { graph: { nodes: object } }).graph.nodes)).toContain('wd:Q15831');
  });

  it('serves the CSV files one part at a time', async () => {
    const nodes = await fetch(`${base}/export?format=csv&part=nodes`);
    expect(nodes.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await nodes.text()).split('\n')[0]).toBe('id:ID,:LABEL,name,type,aliases:string[],wikidata');
    const noPart = await fetch(`${base}/export?format=csv`);
    expect(noPart.status).toBe(400);
    expect(await noPart.json()).toEqual({ error: { code: 'BAD_USER_INPUT', message: "format 'csv' has several files: add part=nodes|relationships|command" } });
  });

  it('answers bad requests with a status and a JSON error', async () => {
    const cases: [string, number, string][] = [
      ['format=dot', 400, 'BAD_USER_INPUT'],
      ['', 400, 'BAD_USER_INPUT'],
      ['format=graphml&entity=Nobody%20Atall', 404, 'NOT_FOUND'],
      ['format=graphml&entity=Trump&depth=two', 400, 'BAD_USER_INPUT'],
      ['format=graphml&entity=Trump&maxNodes=5000', 400, 'LIMIT_EXCEEDED'],
      ['format=jsonl&entity=Trump', 400, 'BAD_USER_INPUT'],
    ];
    for (const [query, status, code] of cases) {
      const res = await fetch(`${base}/export?${query}`);
      expect(res.status, query).toBe(status);
      expect(((await res.json()) as { error: { code: string } }).error.code, query).toBe(code);
    }
    expect((await fetch(`${base}/export?format=graphml`, { method: 'POST' })).status).toBe(405);
  });

  it('needs the read key when the server has one', async () => {
    const locked = await startServer({ store: t.store, port: 0, readKey: 'r-key', apiKey: 'a-key' });
    try {
      const url = `${locked.url.replace(/\/graphql$/, '')}/export?format=jgf`;
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: 'Bearer r-key' } })).status).toBe(200);
      expect((await fetch(url, { headers: { authorization: 'Bearer a-key' } })).status).toBe(200);
    } finally {
      await locked.close();
    }
  });
});
