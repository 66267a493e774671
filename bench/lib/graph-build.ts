// Builds a synthetic relation graph into a store through `writeArticles`, feeding the floor's CSR on the way.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphStore } from '../../src/store/graph-store.js';
import { AdjacencyIndex } from '../../src/store/internal/adjacency-index.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { relationGraph, type RelationGraph } from '../generators/relation-graph.js';
import type { BenchContext, BuiltGraph } from './context.js';
import { CsrFloor } from './csr-floor.js';
import { sizeLabel } from './report.js';
import { nowMs } from './stats.js';

/** Articles per writeArticles call when building graphs (20 relations each: 1,000 relations per call). */
export const GRAPH_WRITE_BATCH = 50;

export interface WriteFigures {
  seconds: number;
  relationsWritten: number;
  articlesWritten: number;
  /** False when the time budget ran out before the whole graph was written. */
  complete: boolean;
}

/** Writes every batch of the graph into the store; `onEdge` sees each hop relation. */
export async function writeGraph(
  store: GraphStore,
  graph: RelationGraph,
  onEdge?: Parameters<RelationGraph['batches']>[1],
  log?: (m: string) => void,
  budgetSeconds = Infinity,
): Promise<WriteFigures> {
  let seconds = 0;
  let relationsWritten = 0;
  let articlesWritten = 0;
  let lastLog = nowMs();
  for (const batch of graph.batches(GRAPH_WRITE_BATCH, onEdge)) {
    const t = nowMs();
    const results = await store.writeArticles(batch);
    seconds += (nowMs() - t) / 1000;
    for (const r of results) {
      relationsWritten += r.relationsAdded;
      articlesWritten += r.status === 'new' ? 1 : 0;
    }
    if (log && nowMs() - lastLog > 15_000) {
      lastLog = nowMs();
      log(`  … ${relationsWritten} relations written (${Math.round(relationsWritten / seconds)}/s)`);
    }
    if (seconds > budgetSeconds) return { seconds, relationsWritten, articlesWritten, complete: false };
  }
  return { seconds, relationsWritten, articlesWritten, complete: true };
}

/** The SQLite copy of a graph (built once per run; the API and memory suites reuse the file). */
export async function buildSqliteGraph(ctx: BenchContext, relations: number): Promise<{ built: BuiltGraph; write: WriteFigures }> {
  const label = sizeLabel(relations);
  const graph = relationGraph({ relations });
  const floor = new CsrFloor(graph.entities.length);
  const sqlitePath = join(ctx.workDir, `graph-${label}.db`);
  for (const s of ['', '-wal', '-shm']) rmSync(sqlitePath + s, { force: true });
  const store = new SqliteStore(sqlitePath);
  await store.init();
  ctx.log(`graph ${label}: writing ${relations} relations into SQLite`);
  const index = new AdjacencyIndex();
  const ids = graph.entities.map((e) => e.id);
  const write = await writeGraph(
    store,
    graph,
    (e) => {
      floor.add(e);
      index.add({ id: e.id, type: e.type, sourceId: ids[e.source], targetId: ids[e.target], status: e.status, dateStart: e.dateStart, dateEnd: e.dateEnd });
    },
    ctx.log,
  );
  await store.close();
  floor.seal();
  const queryable: number[] = [];
  for (let i = 0; i < graph.entities.length; i++) if (floor.offsets[i + 1] > floor.offsets[i]) queryable.push(i);
  const built: BuiltGraph = { relations, label, sqlitePath, entities: graph.entities, floor, index, queryable };
  ctx.graphs.set(relations, built);
  return { built, write };
}
