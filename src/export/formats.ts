// Every export format by name, for the CLI (`export --format`) and HTTP (`/export?format=`). A format is one
// or more files, each an async generator of text; several files go to a folder (CLI) or one `part` (HTTP).
import { DiplographError, ErrorCode } from '../domain/errors.js';
import type { GraphStore } from '../store/graph-store.js';
import type { TextChunks } from './chunks.js';
import { writeCytoscapeJson } from './cytoscape-json.js';
import { writeGexf } from './gexf.js';
import { isSubgraphSelection, type GraphSource, type SelectionArgs } from './graph-source.js';
import { writeGraphml } from './graphml.js';
import { writeJsonGraph } from './json-graph.js';
import {
  NEO4J_NODES_FILE, NEO4J_RELATIONSHIPS_FILE, writeNeo4jImportCommand, writeNeo4jNodes, writeNeo4jRelationships,
} from './neo4j-admin-csv.js';
import { writeRelationsJsonl } from './relations-jsonl.js';
import { writeSnapshotJsonl } from './snapshot-jsonl.js';

export interface ExportInput {
  source: GraphSource;
  store: GraphStore;
}

export interface ExportFile {
  fileName: string;
  mediaType: string;
  write(input: ExportInput): TextChunks;
}

export interface ExportFormat {
  name: string;
  description: string;
  /** By part name; a one-file format has the single part `main`. */
  files: Readonly<Record<string, ExportFile>>;
  /** Formats of the whole store only (the backup), not of a subgraph. */
  wholeStoreOnly?: boolean;
}

export const MAIN_PART = 'main';

const FORMAT_LIST: readonly ExportFormat[] = [
  {
    name: 'graphml', description: 'GraphML for Gephi, yEd, networkx, igraph',
    files: { [MAIN_PART]: { fileName: 'diplograph.graphml', mediaType: 'application/graphml+xml; charset=utf-8', write: (i) => writeGraphml(i.source) } },
  },
  {
    name: 'gexf', description: 'GEXF 1.3 for Gephi, dynamic: edges carry their dates for the timeline',
    files: { [MAIN_PART]: { fileName: 'diplograph.gexf', mediaType: 'application/gexf+xml; charset=utf-8', write: (i) => writeGexf(i.source) } },
  },
  {
    name: 'cytoscape', description: 'Cytoscape.js JSON (also networkx cytoscape_graph)',
    files: { [MAIN_PART]: { fileName: 'diplograph.cyjs', mediaType: 'application/json; charset=utf-8', write: (i) => writeCytoscapeJson(i.source) } },
  },
  {
    name: 'jgf', description: 'JSON Graph Format v2',
    files: { [MAIN_PART]: { fileName: 'diplograph.jgf.json', mediaType: 'application/vnd.jgf+json; charset=utf-8', write: (i) => writeJsonGraph(i.source) } },
  },
  {
    name: 'csv', description: 'CSV for neo4j-admin database import: nodes.csv, relationships.csv and the import command',
    files: {
      nodes: { fileName: NEO4J_NODES_FILE, mediaType: 'text/csv; charset=utf-8', write: (i) => writeNeo4jNodes(i.source) },
      relationships: { fileName: NEO4J_RELATIONSHIPS_FILE, mediaType: 'text/csv; charset=utf-8', write: (i) => writeNeo4jRelationships(i.source) },
      command: { fileName: 'neo4j-admin-import.sh', mediaType: 'text/x-shellscript; charset=utf-8', write: () => writeNeo4jImportCommand() },
    },
  },
  {
    name: 'relations-jsonl', description: 'JSON Lines, one relation per line with its evidence (pandas)',
    files: { [MAIN_PART]: { fileName: 'relations.jsonl', mediaType: 'application/jsonl; charset=utf-8', write: (i) => writeRelationsJsonl(i.source) } },
  },
  {
    name: 'jsonl', description: 'JSON Lines, one article per line with its entities and relations: the backup that `import` reads',
    wholeStoreOnly: true,
    files: { [MAIN_PART]: { fileName: 'diplograph-snapshot.jsonl', mediaType: 'application/jsonl; charset=utf-8', write: (i) => writeSnapshotJsonl(i.store) } },
  },
];

export const EXPORT_FORMATS: ReadonlyMap<string, ExportFormat> = new Map(FORMAT_LIST.map((f) => [f.name, f]));
export const EXPORT_FORMAT_NAMES: readonly string[] = FORMAT_LIST.map((f) => f.name);

export function exportFormat(name: string): ExportFormat {
  const format = EXPORT_FORMATS.get(name);
  if (!format) throw new DiplographError(ErrorCode.BAD_USER_INPUT, `unknown export format '${name}' (use ${EXPORT_FORMAT_NAMES.join(', ')})`);
  return format;
}

/** Refuses a subgraph selection for a whole-store format (the backup is articles, not nodes and edges). */
export function checkSelection(format: ExportFormat, args: SelectionArgs): void {
  if (format.wholeStoreOnly && isSubgraphSelection(args)) {
    throw new DiplographError(ErrorCode.BAD_USER_INPUT, `format '${format.name}' is the whole store only: drop entity, from and to`);
  }
}
