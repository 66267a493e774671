// What every suite gets: the mode, where to write scratch files, the report, the Neo4j connection (when one
// answers), and the graphs built so far (the API and memory suites reuse the path suite's SQLite files).
import type { GraphEntity } from '../generators/relation-graph.js';
import type { AdjacencyIndex } from '../../src/store/internal/adjacency-index.js';
import type { CsrFloor } from './csr-floor.js';
import type { Report } from './report.js';

export interface Neo4jConfig {
  uri: string;
  username: string;
  password: string;
  database: string;
}

export interface Sizes {
  /** Articles in the extraction corpus. */
  corpus: number;
  /** Articles each side of the extraction suite reads before its timed passes (JIT and per-word caches warm). */
  warmUp: number;
  /** Articles in the end-to-end ingest runs. */
  ingest: number;
  /** Articles in the memory-over-time ingest (child process). */
  ingestMemory: number;
  /** Relations of the synthetic graphs. */
  graphs: number[];
  /** Relations written per-row in the naive-write comparison. */
  naiveRelations: number;
  /** Warm queries per latency figure. */
  queries: number;
  /** Seconds of load per autocannon run. */
  loadSeconds: number;
}

export interface BuiltGraph {
  relations: number;
  label: string;
  sqlitePath: string;
  entities: GraphEntity[];
  floor: CsrFloor;
  /** Entities with at least one hop relation (stored, so findable by name), in rank order: query endpoints. */
  queryable: number[];
  /** The same hop relations in a bare AdjacencyIndex (the store's search without reading relation records). */
  index: AdjacencyIndex;
}

export interface BenchContext {
  quick: boolean;
  sizes: Sizes;
  report: import('./report.js').Report;
  workDir: string;
  log: (message: string) => void;
  neo4j: Neo4jConfig | null;
  graphs: Map<number, BuiltGraph>;
}

export type { Report };
