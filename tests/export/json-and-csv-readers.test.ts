// The other readers: the cytoscape npm package (headless), csv-parse on the neo4j-admin CSVs, pandas on the
// relations JSON Lines, and the JSON Graph Format's shape. The backup `jsonl` stays what `import` reads.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import cytoscape from 'cytoscape';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityRecord, RelationRecord } from '../../src/domain/model.js';
import { checkSelection, exportFormat } from '../../src/export/formats.js';
import { CSV_ARRAY_DELIMITER, csvField } from '../../src/export/neo4j-admin-csv.js';
import { readSnapshot } from '../../src/store/snapshot.js';
import { EXPORT_FIXTURES, exportText, HOSTILE_QUOTE, hostile, tempStore, type TempStore } from './helpers/export-fixtures.js';
import { runPython } from './helpers/python.js';

let t: TempStore;
let entities: EntityRecord[];
let relations: RelationRecord[];

beforeAll(async () => {
  t = await tempStore(EXPORT_FIXTURES);
  entities = (await t.store.searchEntities({ search: '', first: 1000, offset: 0 })).items;
  relations = (await t.store.listRelations({ first: 1000, offset: 0 })).items;
});
afterAll(() => t.close());

describe('Cytoscape.js JSON in the cytoscape package', () => {
  it('loads headless with every node and edge and their data', async () => {
    const json = JSON.parse(await exportText(t.store, 'cytoscape')) as { elements: cytoscape.ElementsDefinition };
    const cy = cytoscape({ headless: true, elements: json.elements });
    expect(cy.nodes()).toHaveLength(entities.length);
    expect(cy.edges()).toHaveLength(relations.filter((r) => r.targetId).length);
    const stated = cy.edges().filter((e) => e.data('quote') === HOSTILE_QUOTE);
    expect(stated).toHaveLength(1);
    expect(stated[0].source().data('name')).toBe(hostile.name);
    expect(stated[0].target().data('name')).toBe('Wladimir Putin');
    expect(cy.getElementById('wd:Q22686').connectedEdges().length).toBeGreaterThanOrEqual(5);
    cy.destroy();
  });
});

describe('neo4j-admin CSVs', () => {
  type Row = Record<string, string>;
  let nodes: Row[];
  let rels: Row[];
  beforeAll(async () => {
    nodes = parse(await exportText(t.store, 'csv', {}, 'nodes'), { columns: true }) as Row[];
    rels = parse(await exportText(t.store, 'csv', {}, 'relationships'), { columns: true }) as Row[];
  });

  it('have the typed headers neo4j-admin expects', async () => {
    expect(Object.keys(nodes[0])).toEqual(['id:ID', ':LABEL', 'name', 'type', 'aliases:string[]', 'wikidata']);
    expect(Object.keys(rels[0]).slice(0, 4)).toEqual([':START_ID', ':END_ID', ':TYPE', 'id']);
    expect(Object.keys(rels[0])).toEqual(expect.arrayContaining(['dateStart:date', 'confidence:float', 'evidenceCount:int', 'hasTarget:boolean', 'articleIds:string[]']));
  });

  it('hold every entity and every relation, and every relationship end is a node', () => {
    expect(nodes.map((n) => n['id:ID']).sort()).toEqual(entities.map((e) => e.id).sort());
    expect(rels.map((r) => r.id).sort()).toEqual(relations.map((r) => r.id).sort());
    const ids = new Set(nodes.map((n) => n['id:ID']));
    for (const r of rels) {
      expect(ids.has(r[':START_ID']), r[':START_ID']).toBe(true);
      expect(ids.has(r[':END_ID']), r[':END_ID']).toBe(true);
    }
  });

  it('keep the values: labels, lists, quotes with markup and line breaks, statements about no one as self-loops', () => {
    const h = nodes.find((n) => n['id:ID'] === hostile.id)!;
    expect(h.name).toBe(hostile.name);
    expect(h[':LABEL']).toBe('Entity;Organization');
    expect(h['aliases:string[]'].split(CSV_ARRAY_DELIMITER)).toEqual(["O'Brien\u0007 & Co", 'a,b|c']);
    expect(rels.find((r) => r.quote === HOSTILE_QUOTE)).toBeDefined();
    const aboutNoOne = rels.find((r) => r.quote === 'völlig offen')!;
    expect([aboutNoOne[':START_ID'], aboutNoOne[':END_ID'], aboutNoOne['hasTarget:boolean']]).toEqual([hostile.id, hostile.id, 'false']);
    const helsinki = rels.find((r) => r.place === 'Helsinki')!;
    expect([helsinki[':TYPE'], helsinki['dateStart:date'], helsinki['dateEnd:date'], helsinki['evidenceCount:int']]).toEqual(['MET_AT', '2018-07-01', '2018-07-31', '2']);
    expect(helsinki['articleIds:string[]'].split(CSV_ARRAY_DELIMITER)).toHaveLength(2);
  });

  it('leave nulls unquoted-empty (unset) and quote every string', () => {
    expect([csvField(null), csvField([]), csvField('a "b"'), csvField(0.5), csvField(false)]).toEqual(['', '', '"a ""b"""', '0.5', 'false']);
  });

  it('come with the import command', async () => {
    const command = await exportText(t.store, 'csv', {}, 'command');
    expect(command).toContain('neo4j-admin database import full');
    expect(command).toContain('--nodes=nodes.csv --relationships=relationships.csv');
    expect(command).toContain('--multiline-fields=true');
  });
});

describe('relations JSON Lines in pandas', () => {
  it('one flat row per relation, those about no one included, with every piece of evidence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diplograph-pandas-'));
    try {
      const file = join(dir, 'relations.jsonl');
      writeFileSync(file, await exportText(t.store, 'relations-jsonl'));
      const script = fileURLToPath(new URL('./read-relations.py', import.meta.url));
      const summary = JSON.parse(runPython(['pandas'], script, [file])) as {
        rows: number; columns: string[]; evidenceRows: number; noTarget: number; trumpPutin: number; quotes: string[];
      };
      expect(summary.rows).toBe(relations.length);
      expect(summary.columns).toEqual(expect.arrayContaining([
        'id', 'type', 'sourceId', 'sourceName', 'targetId', 'targetName', 'date', 'dateStart', 'status', 'quote', 'confidence', 'cameo', 'plover',
        'evidenceCount', 'place', 'sentence', 'articleTitle', 'published', 'evidence',
      ]));
      expect(summary.evidenceRows).toBe(relations.reduce((n, r) => n + r.evidence.length, 0));
      expect(summary.noTarget).toBe(relations.filter((r) => !r.targetId).length);
      expect(summary.trumpPutin).toBe(4);
      expect(summary.quotes).toContain(HOSTILE_QUOTE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('JSON Graph Format', () => {
  it('has nodes keyed by id and edges between them, with metadata', async () => {
    const jgf = JSON.parse(await exportText(t.store, 'jgf')) as {
      graph: { directed: boolean; nodes: Record<string, { label: string; metadata: Record<string, unknown> }>; edges: { id: string; source: string; target: string; relation: string; directed: boolean; metadata: Record<string, unknown> }[] };
    };
    expect(jgf.graph.directed).toBe(true);
    expect(Object.keys(jgf.graph.nodes).sort()).toEqual(entities.map((e) => e.id).sort());
    expect(jgf.graph.nodes['wd:Q7747']).toEqual({ label: 'Wladimir Putin', metadata: { type: 'PERSON', aliases: ['Kremlchef', 'Putin', 'Putins'], wikidata: 'Q7747' } });
    expect(jgf.graph.edges).toHaveLength(relations.filter((r) => r.targetId).length);
    for (const e of jgf.graph.edges) expect(e.source in jgf.graph.nodes && e.target in jgf.graph.nodes).toBe(true);
    const met = jgf.graph.edges.find((e) => e.metadata.place === 'Hamburg')!;
    expect([met.relation, met.directed, met.metadata.date]).toEqual(['MET_AT', false, '2017-07']);
  });
});

describe('jsonl backup', () => {
  it('is unchanged: one snapshot article per line, what `import` reads', async () => {
    const lines: string[] = [];
    for await (const x of readSnapshot(t.store)) lines.push(`${JSON.stringify(x)}\n`);
    expect(await exportText(t.store, 'jsonl')).toBe(lines.join(''));
  });

  it('is the whole store only: a subgraph selection is refused', () => {
    expect(() => checkSelection(exportFormat('jsonl'), { entity: 'Putin' })).toThrow(/whole store only/);
    expect(() => checkSelection(exportFormat('graphml'), { entity: 'Putin' })).not.toThrow();
  });
});
