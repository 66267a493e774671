// GraphML (Gephi, yEd, networkx, igraph): one <key> per attribute, then nodes, then edges, streamed.
import { attributeText, EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type AttributeKind, type AttributeSpec } from './attributes.js';
import type { GraphSource } from './graph-source.js';
import { xmlSafe, XmlStream, type XmlDocument } from './xml-writer.js';

const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';
const GRAPHML_SCHEMA = `${GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd`;

/** GraphML has no list or date type: those are strings (lists joined by LIST_SEPARATOR). */
const GRAPHML_TYPES: Readonly<Record<AttributeKind, string>> = {
  string: 'string', int: 'int', float: 'double', boolean: 'boolean', date: 'string', 'string[]': 'string',
};

// `label` duplicates the name (nodes) and the relation type (edges) because Gephi shows the attribute of that name.
const LABEL_KEY = 'label';
const nodeKey = (name: string) => `n_${name}`;
const edgeKey = (name: string) => `e_${name}`;

function dataElements<T>(parent: XmlDocument, specs: readonly AttributeSpec<T>[], item: T, key: (name: string) => string): void {
  for (const spec of specs) {
    const text = attributeText(spec.value(item));
    if (text !== null) parent.ele('data', { key: key(spec.name) }, xmlSafe(text)).up();
  }
}

export async function* writeGraphml(source: GraphSource): AsyncGenerator<string> {
  const doc = new XmlStream();
  const xml = doc.xml;
  doc.root(GRAPHML_NS, 'graphml', GRAPHML_SCHEMA);
  const keys: [string, string, string, string][] = [
    ['g_description', 'graph', 'description', 'string'],
    [nodeKey(LABEL_KEY), 'node', LABEL_KEY, 'string'],
    ...NODE_ATTRIBUTES.map((a): [string, string, string, string] => [nodeKey(a.name), 'node', a.name, GRAPHML_TYPES[a.kind]]),
    [edgeKey(LABEL_KEY), 'edge', LABEL_KEY, 'string'],
    ...EDGE_ATTRIBUTES.map((a): [string, string, string, string] => [edgeKey(a.name), 'edge', a.name, GRAPHML_TYPES[a.kind]]),
  ];
  for (const [id, kind, name, type] of keys) {
    xml.ele('key', { id, for: kind, 'attr.name': name, 'attr.type': type }).up();
    yield doc.take();
  }
  xml.ele('graph', { id: 'diplograph', edgedefault: 'directed' });
  xml.ele('data', { key: 'g_description' }, xmlSafe(source.description)).up();
  yield doc.take();

  for await (const node of source.nodes()) {
    xml.ele('node', { id: xmlSafe(node.id) });
    xml.ele('data', { key: nodeKey(LABEL_KEY) }, xmlSafe(node.name)).up();
    dataElements(xml, NODE_ATTRIBUTES, node, nodeKey);
    xml.up();
    yield doc.take();
  }
  for await (const edge of source.edges()) {
    if (!edge.target) continue; // an edge needs two ends; relations-jsonl and csv keep these
    xml.ele('edge', { id: xmlSafe(edge.relation.id), source: xmlSafe(edge.source.id), target: xmlSafe(edge.target.id) });
    xml.ele('data', { key: edgeKey(LABEL_KEY) }, edge.relation.type).up();
    dataElements(xml, EDGE_ATTRIBUTES, edge, edgeKey);
    xml.up();
    yield doc.take();
  }
  xml.up().up().end();
  yield doc.take();
}
