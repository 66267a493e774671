// Exports stream: a synthetic graph of 20,000 relations is read in pages (one source entity's relations at a time,
// never more than a page), output starts long before the store has been read to the end, and the files are complete
// and correct.
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import cytoscape from 'cytoscape';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batched } from '../../src/export/chunks.js';
import { exportFormat, MAIN_PART } from '../../src/export/formats.js';
import { EXPORT_PAGE_SIZE, wholeGraph } from '../../src/export/graph-source.js';
import type { GraphStore, RelationFilter } from '../../src/store/graph-store.js';
import { syntheticArticles, tempStore, type TempStore } from './helpers/export-fixtures.js';
import { runPython } from './helpers/python.js';

const ARTICLES = 2_000;
const PER_ARTICLE = 10;
const ACTORS = 1_500;
const RELATIONS = ARTICLES * PER_ARTICLE;
const READ_BACK = fileURLToPath(new URL('./read-back.py', import.meta.url));

let t: TempStore;
let out: string;

beforeAll(async () => {
  t = await tempStore(syntheticArticles(ARTICLES, PER_ARTICLE, ACTORS));
  out = mkdtempSync(join(tmpdir(), 'diplograph-large-'));
}, 300_000);
afterAll(async () => {
  await t.close();
  rmSync(out, { recursive: true, force: true });
});

interface Trace {
  events: string[];
  largestPage: number;
  unscoped: number;
}

/** The store, recording each relations page asked for; `mark` adds output events to the same timeline. */
function traced(store: GraphStore): { store: GraphStore; trace: Trace } {
  const trace: Trace = { events: [], largestPage: 0, unscoped: 0 };
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'listRelations') {
        return async (f: RelationFilter) => {
          trace.largestPage = Math.max(trace.largestPage, f.first);
          if (!f.sourceId) trace.unscoped++;
          trace.events.push(`page ${f.sourceId} ${f.offset}`);
          return target.listRelations(f);
        };
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: proxy, trace };
}

async function exportFile(format: string, part = MAIN_PART, trace?: Trace, store: GraphStore = t.store): Promise<{ file: string; ms: number; heapMb: number }> {
  const file = join(out, `${format}-${part}`);
  const source = wholeGraph(store);
  const started = performance.now();
  let peak = process.memoryUsage().heapUsed;
  async function* observed() {
    for await (const chunk of batched(exportFormat(format).files[part].write({ source, store }))) {
      trace?.events.push('output');
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      yield chunk;
    }
  }
  await pipeline(Readable.from(observed()), createWriteStream(file));
  const ms = performance.now() - started;
  const heapMb = peak / 2 ** 20;
  // For the record (peak of the whole test process's heap, sampled per chunk); the memory claim is the page trace above.
  process.stdout.write(`export ${format}/${part}: ${RELATIONS} relations, ${(statSync(file).size / 2 ** 20).toFixed(1)} MiB in ${ms.toFixed(0)} ms, peak heap ${heapMb.toFixed(0)} MiB\n`);
  return { file, ms, heapMb };
}

describe(`a graph of ${RELATIONS} relations`, () => {
  it('is read a page at a time, one source entity after another, and output starts long before the last page', async () => {
    const { store, trace } = traced(t.store);
    await exportFile('gexf', MAIN_PART, trace, store);
    const pages = trace.events.filter((e) => e.startsWith('page'));
    // No scan of the whole relations table (whose offset pages would each re-sort it): every read is one source's list.
    expect(trace.unscoped).toBe(0);
    expect(pages).toHaveLength(ACTORS);
    expect(trace.largestPage).toBe(EXPORT_PAGE_SIZE);
    // Output chunks are interleaved with page reads: by the time the last page is asked for, most of the file is out.
    const lastPage = trace.events.lastIndexOf(pages.at(-1)!);
    const outputsBefore = trace.events.slice(0, lastPage).filter((e) => e === 'output').length;
    const outputsTotal = trace.events.filter((e) => e === 'output').length;
    expect(outputsBefore / outputsTotal).toBeGreaterThan(0.8);
  }, 120_000);

  it('GraphML reads back in networkx with every node and edge', async () => {
    const { file } = await exportFile('graphml');
    const g = JSON.parse(runPython(['networkx'], READ_BACK, ['graphml', file])) as {
      nodes: Record<string, { name: string }>; edges: { key: string; source: string; target: string; data: { type: string; date: string; evidenceCount: number } }[];
    };
    expect(Object.keys(g.nodes)).toHaveLength(ACTORS);
    expect(g.edges).toHaveLength(RELATIONS);
    expect(new Set(g.edges.map((e) => e.key)).size).toBe(RELATIONS);
    const sample = (await t.store.listRelations({ first: 5, offset: 12_345 })).items;
    for (const r of sample) {
      const e = g.edges.find((x) => x.key === r.id)!;
      expect([e.source, e.target, e.data.type, e.data.date, e.data.evidenceCount]).toEqual([r.sourceId, r.targetId, r.type, r.date, 1]);
    }
  }, 120_000);

  it('Cytoscape JSON loads in the cytoscape package, and the CSVs parse with every end among the nodes', async () => {
    const { file } = await exportFile('cytoscape');
    const cy = cytoscape({ headless: true, elements: (JSON.parse(readFileSync(file, 'utf8')) as { elements: cytoscape.ElementsDefinition }).elements });
    expect([cy.nodes().length, cy.edges().length]).toEqual([ACTORS, RELATIONS]);
    cy.destroy();

    const nodes = parse(readFileSync((await exportFile('csv', 'nodes')).file), { columns: true }) as Record<string, string>[];
    const rels = parse(readFileSync((await exportFile('csv', 'relationships')).file), { columns: true }) as Record<string, string>[];
    const ids = new Set(nodes.map((n) => n['id:ID']));
    expect([ids.size, rels.length]).toEqual([ACTORS, RELATIONS]);
    expect(rels.every((r) => ids.has(r[':START_ID']) && ids.has(r[':END_ID']))).toBe(true);
  }, 120_000);

  it('relations JSON Lines has one line per relation', async () => {
    const { file } = await exportFile('relations-jsonl');
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(RELATIONS);
    expect(new Set(lines.map((l) => (JSON.parse(l) as { id: string }).id)).size).toBe(RELATIONS);
  }, 120_000);
});
