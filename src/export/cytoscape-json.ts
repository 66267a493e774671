// Cytoscape.js JSON (`cy.json()` / `cytoscape({ elements })`), also read by networkx's `cytoscape_graph`:
// networkx keys nodes by `data.value` and parallel edges by `data.key`, so both carry the id.
import { attributeRecord, EDGE_ATTRIBUTES, NODE_ATTRIBUTES } from './attributes.js';
import type { GraphSource } from './graph-source.js';
import { separator } from './json-stream.js';

export async function* writeCytoscapeJson(source: GraphSource): AsyncGenerator<string> {
  const graphData = { name: 'diplograph', description: source.description };
  yield `{"data":${JSON.stringify(graphData)},"directed":true,"multigraph":true,"elements":{"nodes":[`;
  let i = 0;
  for await (const node of source.nodes()) {
    const data = { id: node.id, value: node.id, label: node.name, ...attributeRecord(NODE_ATTRIBUTES, node) };
    yield `${separator(i++)}${JSON.stringify({ data })}`;
  }
  yield '\n],"edges":[';
  i = 0;
  for await (const edge of source.edges()) {
    if (!edge.target) continue; // an edge needs two ends; relations-jsonl and csv keep these
    const data = {
      id: edge.relation.id, key: edge.relation.id, source: edge.source.id, target: edge.target.id, label: edge.relation.type,
      ...attributeRecord(EDGE_ATTRIBUTES, edge),
    };
    yield `${separator(i++)}${JSON.stringify({ data })}`;
  }
  yield '\n]}}\n';
}
