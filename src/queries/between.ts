// `between(a, b)`: entities on the shortest paths between two actors — the brokers of a relationship.
import type { GraphStore } from '../store/graph-store.js';
import { MAX_PATHS_RETURNED } from './arguments.js';
import { findPaths, findShortestPath, type PathArgs } from './relation-paths.js';

export interface BetweenRow {
  entityId: string;
  /** Shortest paths (of those examined) passing through the entity. */
  paths: number;
}

export async function entitiesBetween(store: GraphStore, args: Omit<PathArgs, 'first'>): Promise<BetweenRow[]> {
  const shortest = await findShortestPath(store, args);
  if (!shortest || shortest.edges.length < 2) return [];
  const paths = await findPaths(store, { ...args, maxHops: shortest.edges.length, first: MAX_PATHS_RETURNED });
  const counts = new Map<string, number>();
  for (const p of paths) for (const id of p.nodeIds.slice(1, -1)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts.entries()]
    .map(([entityId, n]) => ({ entityId, paths: n }))
    .sort((x, y) => y.paths - x.paths || (x.entityId < y.entityId ? -1 : 1));
}
