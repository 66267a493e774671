// CSV files for `neo4j-admin database import full`: nodes.csv and relationships.csv with typed headers, laid out
// like the Neo4j store (labels Entity + Person/Country/…, one relationship per relation, typed by relation type,
// a relation without a target as a self-loop with hasTarget=false), plus the import command.
import { ENTITY_LABELS } from '../store/neo4j/cypher.js';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type AttributeKind, type AttributeSpec, type AttributeValue } from './attributes.js';
import type { ExportEdge, GraphSource } from './graph-source.js';

/** neo4j-admin's default array delimiter; a `;` inside an element becomes `,` so the element stays whole. */
export const CSV_ARRAY_DELIMITER = ';';

const HEADER_TYPES: Readonly<Record<AttributeKind, string>> = {
  string: '', int: ':int', float: ':float', boolean: ':boolean', date: ':date', 'string[]': ':string[]',
};

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Null and empty lists as an empty unquoted field, which neo4j-admin leaves unset; strings always quoted. */
export function csvField(value: AttributeValue): string {
  if (value == null) return '';
  if (Array.isArray(value)) return value.length ? quote(value.map((v) => v.replaceAll(CSV_ARRAY_DELIMITER, ',')).join(CSV_ARRAY_DELIMITER)) : '';
  if (typeof value === 'string') return quote(value);
  return String(value);
}

const header = (specs: readonly AttributeSpec<never>[]) => specs.map((a) => `${a.name}${HEADER_TYPES[a.kind]}`);
const row = (fields: string[]) => `${fields.join(',')}\n`;

// The relation type is the relationship type (:TYPE), not a property, as in the Neo4j store.
const RELATIONSHIP_PROPERTIES: readonly AttributeSpec<ExportEdge>[] = [
  { name: 'id', kind: 'string', value: (e) => e.relation.id },
  ...EDGE_ATTRIBUTES.filter((a) => a.name !== 'type'),
  { name: 'hasTarget', kind: 'boolean', value: (e) => e.target !== null },
  { name: 'articleIds', kind: 'string[]', value: (e) => [...new Set(e.relation.evidence.map((x) => x.articleId))] },
];

export async function* writeNeo4jNodes(source: GraphSource): AsyncGenerator<string> {
  yield row(['id:ID', ':LABEL', ...header(NODE_ATTRIBUTES)]);
  for await (const node of source.nodes()) {
    yield row([csvField(node.id), csvField(['Entity', ENTITY_LABELS[node.type]]), ...NODE_ATTRIBUTES.map((a) => csvField(a.value(node)))]);
  }
}

export async function* writeNeo4jRelationships(source: GraphSource): AsyncGenerator<string> {
  yield row([':START_ID', ':END_ID', ':TYPE', ...header(RELATIONSHIP_PROPERTIES)]);
  for await (const edge of source.edges()) {
    const end = edge.target ?? edge.source;
    yield row([csvField(edge.source.id), csvField(end.id), edge.relation.type, ...RELATIONSHIP_PROPERTIES.map((a) => csvField(a.value(edge)))]);
  }
}

export const NEO4J_NODES_FILE = 'nodes.csv';
export const NEO4J_RELATIONSHIPS_FILE = 'relationships.csv';

/** The command that loads the two files into an empty database (quoted fields may span lines). */
export async function* writeNeo4jImportCommand(): AsyncGenerator<string> {
  yield [
    '#!/bin/sh',
    '# Loads nodes.csv and relationships.csv into a new Neo4j 5 database (stop the database first).',
    '# Usage: sh neo4j-admin-import.sh [DATABASE]   (run in this folder; neo4j-admin on PATH)',
    'set -e',
    `neo4j-admin database import full --overwrite-destination --multiline-fields=true --array-delimiter='${CSV_ARRAY_DELIMITER}' \\`,
    `  --nodes=${NEO4J_NODES_FILE} --relationships=${NEO4J_RELATIONSHIPS_FILE} "\${1:-neo4j}"`,
    '',
  ].join('\n');
}
