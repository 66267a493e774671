// The check the issue names: the sample article ingested and exported by the real `diplograph` command (dist/),
// and the exports read back by networkx with the store's counts.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { runCli } from '../helpers/cli.js';
import { runPython } from './helpers/python.js';

const READ_BACK = fileURLToPath(new URL('./read-back.py', import.meta.url));

let dir: string;
let db: string;
let entities: number;
let relationsWithTarget: number;
let relations: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'diplograph-sample-'));
  db = join(dir, 'seed.db');
  const ingest = await runCli(['ingest', 'samples/seed.txt', '--db', db]);
  expect(ingest.status, ingest.stderr).toBe(0);
  const store = new SqliteStore(db);
  await store.init();
  const all = (await store.listRelations({ first: 10_000, offset: 0 })).items;
  entities = (await store.counts()).entities;
  relations = all.length;
  relationsWithTarget = all.filter((r) => r.targetId).length;
  await store.close();
  expect(relationsWithTarget, 'the extractor found no relations between two actors in samples/seed.txt').toBeGreaterThan(0);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('exports of the sample graph through the CLI', () => {
  for (const format of ['graphml', 'gexf', 'cytoscape'] as const) {
    it(`${format} reads back in networkx with the store's counts`, async () => {
      const file = join(dir, `seed.${format}`);
      const r = await runCli(['export', '--format', format, '--db', db, '--out', file]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain(`(${entities} entities, ${relations} relations)`);
      const g = JSON.parse(runPython(['networkx'], READ_BACK, [format, file])) as { nodes: Record<string, unknown>; edges: unknown[] };
      expect([Object.keys(g.nodes).length, g.edges.length]).toEqual([entities, relationsWithTarget]);
    }, 60_000);
  }

  it('csv writes the neo4j-admin folder', async () => {
    const out = join(dir, 'neo4j');
    const r = await runCli(['export', '--format', 'csv', '--db', db, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['neo4j-admin-import.sh', 'nodes.csv', 'relationships.csv']);
  }, 60_000);
});
