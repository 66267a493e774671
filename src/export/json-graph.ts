// JSON Graph Format v2 (jsongraphformat.info): nodes keyed by id, edges with `relation` and per-edge direction.
import { attributeRecord, EDGE_ATTRIBUTES, NODE_ATTRIBUTES } from './attributes.js';
import type { GraphSource } from './graph-source.js';
import { separator } from './json-stream.js';

const NODE_METADATA = NODE_ATTRIBUTES.filter((a) => a.name !== 'name');

export async function* writeJsonGraph(source: GraphSource): AsyncGenerator<string> {
  const header = { id: 'diplograph', type: 'diplograph', label: source.description, directed: true, metadata: { selection: source.kind } };
  yield `{"graph":${JSON.stringify(header).slice(0, -1)},"nodes":{`;
  let i = 0;
  for await (const node of source.nodes()) {
    yield `${separator(i++)}${JSON.stringify(node.id)}:${JSON.stringify({ label: node.name, metadata: attributeRecord(NODE_METADATA, node) })}`;
  }
  yield '\n},"edges":[';
  i = 0;
  for await (const edge of source.edges()) {
    if (!edge.target) continue; // an edge needs two ends; relations-jsonl and csv keep these
    const metadata = attributeRecord(EDGE_ATTRIBUTES, edge);
    const json = {
      id: edge.relation.id, source: edge.source.id, target: edge.target.id, relation: edge.relation.type, label: edge.relation.type,
      directed: metadata.symmetric !== true, metadata,
    };
    yield `${separator(i++)}${JSON.stringify(json)}`;
  }
  yield '\n]}}\n';
}
