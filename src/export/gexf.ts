// GEXF 1.3 (Gephi): a dynamic graph whose edges carry `start`/`end` days from their dates, so Gephi's timeline
// can play the relations over time; undated edges have no interval and are always shown.
import { attributeText, EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type AttributeKind, type AttributeSpec } from './attributes.js';
import type { GraphSource } from './graph-source.js';
import { xmlSafe, XmlStream, type XmlDocument } from './xml-writer.js';

const GEXF_NS = 'http://gexf.net/1.3';
const GEXF_SCHEMA = `${GEXF_NS} http://gexf.net/1.3/gexf.xsd`;

/** Lists are plain strings (LIST_SEPARATOR): Gephi's importer reads `liststring` unreliably. */
const GEXF_TYPES: Readonly<Record<AttributeKind, string>> = {
  string: 'string', int: 'integer', float: 'double', boolean: 'boolean', date: 'string', 'string[]': 'string',
};

function attributeDeclarations<T>(parent: XmlDocument, cls: 'node' | 'edge', specs: readonly AttributeSpec<T>[]): void {
  parent.ele('attributes', { class: cls, mode: 'static' });
  for (const a of specs) parent.ele('attribute', { id: a.name, title: a.name, type: GEXF_TYPES[a.kind] }).up();
  parent.up();
}

function attributeValues<T>(parent: XmlDocument, specs: readonly AttributeSpec<T>[], item: T): void {
  const values = specs.map((s) => [s.name, attributeText(s.value(item))] as const).filter((v): v is readonly [string, string] => v[1] !== null);
  if (!values.length) return;
  parent.ele('attvalues');
  for (const [name, text] of values) parent.ele('attvalue', { for: name, value: xmlSafe(text) }).up();
  parent.up();
}

const edgeStart = EDGE_ATTRIBUTES.find((a) => a.name === 'dateStart')!;
const edgeEnd = EDGE_ATTRIBUTES.find((a) => a.name === 'dateEnd')!;

export async function* writeGexf(source: GraphSource): AsyncGenerator<string> {
  const doc = new XmlStream();
  const xml = doc.xml;
  doc.root(GEXF_NS, 'gexf', GEXF_SCHEMA, { version: '1.3' });
  xml.ele('meta').ele('creator', {}, 'diplograph').up().ele('description', {}, xmlSafe(source.description)).up().up();
  yield doc.take();
  xml.ele('graph', { defaultedgetype: 'directed', mode: 'dynamic', timeformat: 'date', timerepresentation: 'interval' });
  attributeDeclarations(xml, 'node', NODE_ATTRIBUTES);
  yield doc.take();
  attributeDeclarations(xml, 'edge', EDGE_ATTRIBUTES);
  yield doc.take();
  xml.ele('nodes');

  for await (const node of source.nodes()) {
    xml.ele('node', { id: xmlSafe(node.id), label: xmlSafe(node.name) });
    attributeValues(xml, NODE_ATTRIBUTES, node);
    xml.up();
    yield doc.take();
  }
  xml.up().ele('edges');
  yield doc.take();
  for await (const edge of source.edges()) {
    if (!edge.target) continue; // an edge needs two ends; relations-jsonl and csv keep these
    const start = edgeStart.value(edge);
    const end = edgeEnd.value(edge);
    xml.ele('edge', {
      id: xmlSafe(edge.relation.id), source: xmlSafe(edge.source.id), target: xmlSafe(edge.target.id),
      // `kind` keeps parallel edges of different relation types apart in Gephi.
      label: edge.relation.type, kind: edge.relation.type,
      ...(typeof start === 'string' && typeof end === 'string' ? { start, end } : {}),
    });
    attributeValues(xml, EDGE_ATTRIBUTES, edge);
    xml.up();
    yield doc.take();
  }
  xml.up().up().up().end();
  yield doc.take();
}
