// GraphML, GEXF 1.3 and Cytoscape JSON read back by networkx (Debian's python3-networkx): the same nodes and edges,
// with every attribute, including names and quotes full of markup and control characters.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDGE_ATTRIBUTES, LIST_SEPARATOR } from '../../src/export/attributes.js';
import { xmlSafe } from '../../src/export/xml-writer.js';
import type { EntityRecord, RelationRecord } from '../../src/domain/model.js';
import { EXPORT_FIXTURES, exportText, HOSTILE_QUOTE, hostile, tempStore, type TempStore } from './helpers/export-fixtures.js';
import { runPython } from './helpers/python.js';

const READ_BACK = fileURLToPath(new URL('./read-back.py', import.meta.url));

interface ReadBack {
  directed: boolean;
  multigraph: boolean;
  graph: Record<string, unknown>;
  nodes: Record<string, Record<string, unknown>>;
  edges: { source: string; target: string; key: string; data: Record<string, unknown> }[];
}

let t: TempStore;
let out: string;
let entities: EntityRecord[];
let relations: RelationRecord[];

beforeAll(async () => {
  t = await tempStore(EXPORT_FIXTURES);
  out = mkdtempSync(join(tmpdir(), 'diplograph-nx-'));
  entities = (await t.store.searchEntities({ search: '', first: 1000, offset: 0 })).items;
  relations = (await t.store.listRelations({ first: 1000, offset: 0 })).items;
});
afterAll(async () => {
  await t.close();
  rmSync(out, { recursive: true, force: true });
});

async function readBack(format: 'graphml' | 'gexf' | 'cytoscape'): Promise<ReadBack> {
  const file = join(out, `graph.${format}`);
  writeFileSync(file, await exportText(t.store, format));
  return JSON.parse(runPython(['networkx'], READ_BACK, [format, file])) as ReadBack;
}

const withTarget = () => relations.filter((r) => r.targetId !== null);
const entityById = (id: string) => entities.find((e) => e.id === id)!;

/** What an attribute looks like after a trip through a format: text formats store strings, absent when empty. */
type Text = (s: string) => string;
function expectedNode(e: EntityRecord, text: Text | null): Record<string, unknown> {
  if (!text) return { name: e.name, type: e.type, aliases: e.aliases, wikidata: e.wikidata };
  const out: Record<string, unknown> = { name: text(e.name), type: e.type };
  if (e.aliases.length) out.aliases = text(e.aliases.join(LIST_SEPARATOR));
  if (e.wikidata) out.wikidata = e.wikidata;
  return out;
}

function expectedEdge(r: RelationRecord, text: Text | null): Record<string, unknown> {
  const place = r.placeId ? entityById(r.placeId).name : null;
  const all: Record<string, unknown> = {
    type: r.type, date: r.date, status: r.status, quote: r.quote, confidence: r.confidence, role: r.role, cameo: r.cameo, plover: r.plover,
    evidenceCount: r.evidence.length, placeId: r.placeId, place, symmetric: r.type === 'MET_AT' || r.type === 'NEGOTIATED',
    sentence: r.evidence[0].sentence, articleId: r.evidence[0].articleId,
  };
  if (!text) return all;
  return Object.fromEntries(
    Object.entries(all).filter(([, v]) => v != null).map(([k, v]) => [k, typeof v === 'string' ? text(v) : v]),
  );
}

function pick(data: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]]));
}

const NODE_KEYS = ['name', 'type', 'aliases', 'wikidata'];
const EDGE_KEYS = EDGE_ATTRIBUTES.map((a) => a.name).filter((k) => k !== 'dateStart' && k !== 'dateEnd');

function checkGraph(g: ReadBack, text: Text | null): void {
  expect(g.directed).toBe(true);
  // Trump and Putin share several relations: parallel edges make networkx build a multigraph.
  expect(g.multigraph).toBe(true);
  expect(Object.keys(g.nodes).sort()).toEqual(entities.map((e) => e.id).sort());
  for (const e of entities) expect(pick(g.nodes[e.id], NODE_KEYS), e.id).toEqual(expectedNode(e, text));
  expect(g.edges).toHaveLength(withTarget().length);
  for (const r of withTarget()) {
    const edge = g.edges.find((x) => x.key === r.id);
    expect(edge, r.id).toBeDefined();
    expect([edge!.source, edge!.target]).toEqual([r.sourceId, r.targetId]);
    const expected = expectedEdge(r, text);
    expect(pick(edge!.data, Object.keys(expected).length ? EDGE_KEYS : [])).toEqual(pick(expected, EDGE_KEYS));
  }
}

describe('networkx reads the exports back', () => {
  it('the fixtures hold what the formats must escape', () => {
    expect(entities.some((e) => e.name === hostile.name)).toBe(true);
    expect(relations.some((r) => r.quote === HOSTILE_QUOTE)).toBe(true);
    expect(relations.some((r) => r.targetId === null)).toBe(true);
  });

  it('GraphML: same nodes, edges and attributes (text as XML carries it)', async () => {
    const g = await readBack('graphml');
    checkGraph(g, xmlSafe);
    expect(g.nodes[hostile.id].name).toBe('Botschafter <X> & "Y" \'Z\'');
    expect(g.edges.find((e) => e.data.quote && String(e.data.quote).startsWith('Wir'))!.data.quote).toBe('Wir <sagen> & "meinen" es ]]> so,\nzweite Zeile');
    expect(g.graph.description).toBe('diplograph: whole graph');
  });

  it('GEXF 1.3: same nodes, edges and attributes, and every dated edge has its interval for the timeline', async () => {
    const g = await readBack('gexf');
    checkGraph(g, xmlSafe);
    expect(g.graph.mode).toBe('dynamic');
    for (const r of withTarget()) {
      const edge = g.edges.find((x) => x.key === r.id)!;
      if (r.date) {
        expect(edge.data.start).toBe(edge.data.dateStart);
        expect(edge.data.end).toBe(edge.data.dateEnd);
      } else {
        expect(edge.data.start).toBeUndefined();
      }
    }
    const helsinki = g.edges.find((e) => e.data.place === 'Helsinki')!;
    expect([helsinki.data.start, helsinki.data.end]).toEqual(['2018-07-01', '2018-07-31']);
    // Line breaks in attribute values are written as character references, so they survive attribute normalisation.
    expect(g.edges.some((e) => e.data.quote === 'Wir <sagen> & "meinen" es ]]> so,\nzweite Zeile')).toBe(true);
  });

  it('Cytoscape JSON via cytoscape_graph: same nodes, edges and attributes, lists as lists, text unchanged', async () => {
    const g = await readBack('cytoscape');
    checkGraph(g, null);
    expect(g.nodes[hostile.id].aliases).toEqual([...hostile.aliases].sort());
    expect(g.edges.some((e) => e.data.quote === HOSTILE_QUOTE)).toBe(true);
  });

  it('a subgraph (paths Baerbock → Trump) reads back with the path actors only', async () => {
    const file = join(out, 'paths.graphml');
    writeFileSync(file, await exportText(t.store, 'graphml', { from: 'Baerbock', to: 'Trump', maxHops: 2 }));
    const g = JSON.parse(runPython(['networkx'], READ_BACK, ['graphml', file])) as ReadBack;
    expect(Object.values(g.nodes).map((n) => n.name).sort()).toEqual(['Annalena Baerbock', 'Donald Trump', 'Wladimir Putin']);
    expect(g.edges.every((e) => [e.source, e.target].every((id) => id in g.nodes))).toBe(true);
    expect(g.edges.map((e) => e.data.type)).toContain('STATED');
  });
});
