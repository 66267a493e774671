// An in-memory, undirected adjacency index over relations, for path search without a database round trip
// per hop. Nodes and edges are small integers; per-node edge lists are sorted by relation id so that a
// depth-first walk meets paths in the order the GraphStore contract promises (length, then relation ids).
import type { NeighborhoodQuery, PathQuery } from '../graph-store.js';
import { DiplographError, ErrorCode } from '../../domain/errors.js';
import { RELATION_STATUSES, RELATION_TYPES, type RelationStatus, type RelationType } from '../../domain/model.js';

/** Steps between clock checks: cheap enough to not show in profiles, frequent enough to stop within ms. */
const CLOCK_CHECK_STEPS = 4096;

export interface IndexedRelation {
  id: string;
  type: RelationType;
  sourceId: string;
  targetId: string | null;
  status: RelationStatus;
  dateStart: string | null;
  dateEnd: string | null;
}

const TYPE_CODE = new Map(RELATION_TYPES.map((t, i) => [t, i]));
const STATUS_CODE = new Map(RELATION_STATUSES.map((s, i) => [s, i]));

export interface IndexedPath {
  nodeIds: string[];
  relationIds: string[];
}

type EdgePredicate = (edge: number) => boolean;

export class AdjacencyIndex {
  private readonly nodeIndex = new Map<string, number>();
  private readonly nodeIds: string[] = [];
  private readonly edgeIds: string[] = [];
  private readonly edgeA: number[] = [];
  private readonly edgeB: number[] = [];
  private readonly edgeType: number[] = [];
  private readonly edgeStatus: number[] = [];
  private readonly edgeStart: (string | null)[] = [];
  private readonly edgeEnd: (string | null)[] = [];
  private adjacency: number[][] = [];
  private sorted = true;

  get edgeCount(): number {
    return this.edgeIds.length;
  }

  private node(id: string): number {
    let n = this.nodeIndex.get(id);
    if (n === undefined) {
      n = this.nodeIds.length;
      this.nodeIndex.set(id, n);
      this.nodeIds.push(id);
      this.adjacency.push([]);
    }
    return n;
  }

  /** Relations without a target, and self-relations, are not hops and are skipped. */
  add(r: IndexedRelation): void {
    if (r.targetId == null || r.targetId === r.sourceId) return;
    const e = this.edgeIds.length;
    const a = this.node(r.sourceId);
    const b = this.node(r.targetId);
    this.edgeIds.push(r.id);
    this.edgeA.push(a);
    this.edgeB.push(b);
    this.edgeType.push(TYPE_CODE.get(r.type) ?? -1);
    this.edgeStatus.push(STATUS_CODE.get(r.status) ?? -1);
    this.edgeStart.push(r.dateStart);
    this.edgeEnd.push(r.dateEnd);
    this.adjacency[a].push(e);
    this.adjacency[b].push(e);
    this.sorted = false;
  }

  private ensureSorted(): void {
    if (this.sorted) return;
    const ids = this.edgeIds;
    for (const list of this.adjacency) list.sort((x, y) => (ids[x] < ids[y] ? -1 : ids[x] > ids[y] ? 1 : 0));
    this.sorted = true;
  }

  private predicate(q: Omit<PathQuery, 'fromId' | 'toId' | 'maxHops' | 'first'>): EdgePredicate {
    const undatedOut = q.timeRespecting === true;
    const types = q.relationTypes?.length ? new Set(q.relationTypes.map((t) => TYPE_CODE.get(t))) : null;
    const statuses = q.statuses?.length ? new Set(q.statuses.map((s) => STATUS_CODE.get(s))) : null;
    const since = q.since ?? null;
    const until = q.until ?? null;
    return (e) => {
      if (undatedOut && this.edgeStart[e] == null) return false;
      if (types && !types.has(this.edgeType[e])) return false;
      if (statuses && !statuses.has(this.edgeStatus[e])) return false;
      if (since != null) {
        const end = this.edgeEnd[e];
        if (end == null || end < since) return false;
      }
      if (until != null) {
        const start = this.edgeStart[e];
        if (start == null || start > until) return false;
      }
      return true;
    };
  }

  private other(e: number, n: number): number {
    return this.edgeA[e] === n ? this.edgeB[e] : this.edgeA[e];
  }

  /** Hop distance to `target` for every node within `maxHops` (breadth-first, allowed edges only). */
  private distancesTo(target: number, maxHops: number, allowed: EdgePredicate): Map<number, number> {
    const dist = new Map<number, number>([[target, 0]]);
    let frontier = [target];
    for (let d = 1; d <= maxHops && frontier.length; d++) {
      const next: number[] = [];
      for (const n of frontier) {
        for (const e of this.adjacency[n]) {
          if (!allowed(e)) continue;
          const m = this.other(e, n);
          if (!dist.has(m)) {
            dist.set(m, d);
            next.push(m);
          }
        }
      }
      frontier = next;
    }
    return dist;
  }

  /** Simple paths, shortest first, then by relation ids; at most `first`. */
  paths(q: PathQuery): IndexedPath[] {
    const from = this.nodeIndex.get(q.fromId);
    const to = this.nodeIndex.get(q.toId);
    if (from === undefined || to === undefined || from === to) return [];
    this.ensureSorted();
    const allowed = this.predicate(q);
    const dist = this.distancesTo(to, q.maxHops, allowed);
    const minHops = dist.get(from);
    if (minHops === undefined) return [];
    const out: IndexedPath[] = [];
    const nodes: number[] = [from];
    const edges: number[] = [];
    const onPath = new Set<number>([from]);
    const timed = q.timeRespecting === true;
    // Time-respecting: the next hop's date range must reach the previous hop's start.
    const inTime = (e: number) => !timed || edges.length === 0 || (this.edgeEnd[e] as string) >= (this.edgeStart[edges[edges.length - 1]] as string);
    const deadline = q.timeoutMs != null ? Date.now() + q.timeoutMs : Infinity;
    let steps = 0;
    const walk = (n: number, remaining: number): void => {
      if (out.length >= q.first) return;
      if (++steps % CLOCK_CHECK_STEPS === 0 && Date.now() > deadline) {
        throw new DiplographError(ErrorCode.TIMEOUT, `path search stopped after ${q.timeoutMs} ms; narrow it with maxHops, relationTypes or a time window`);
      }
      if (remaining === 0) {
        if (n === to) out.push(this.toPath(nodes, edges));
        return;
      }
      for (const e of this.adjacency[n]) {
        if (!allowed(e) || !inTime(e)) continue;
        const m = this.other(e, n);
        // The target may only be the last node; prune what cannot reach it in the hops left.
        if (onPath.has(m) || (m === to && remaining !== 1)) continue;
        const d = dist.get(m);
        if (d === undefined || d > remaining - 1) continue;
        nodes.push(m);
        edges.push(e);
        onPath.add(m);
        walk(m, remaining - 1);
        onPath.delete(m);
        edges.pop();
        nodes.pop();
        if (out.length >= q.first) return;
      }
    };
    for (let length = minHops; length <= q.maxHops && out.length < q.first; length++) walk(from, length);
    return out;
  }

  /** The first shortest path in relation-id order: greedy over exact distances, no enumeration. */
  shortestPath(q: Omit<PathQuery, 'first'>): IndexedPath | null {
    // Greedy descent over distances ignores time order; enumerate instead (bounded by maxHops).
    if (q.timeRespecting) return this.paths({ ...q, first: 1 })[0] ?? null;
    const from = this.nodeIndex.get(q.fromId);
    const to = this.nodeIndex.get(q.toId);
    if (from === undefined || to === undefined || from === to) return null;
    this.ensureSorted();
    const allowed = this.predicate(q);
    const dist = this.distancesTo(to, q.maxHops, allowed);
    let remaining = dist.get(from);
    if (remaining === undefined) return null;
    const nodes = [from];
    const edges: number[] = [];
    let n = from;
    while (remaining > 0) {
      let chosen = -1;
      for (const e of this.adjacency[n]) {
        if (allowed(e) && dist.get(this.other(e, n)) === remaining - 1) {
          chosen = e;
          break;
        }
      }
      n = this.other(chosen, n);
      nodes.push(n);
      edges.push(chosen);
      remaining--;
    }
    return this.toPath(nodes, edges);
  }

  /** Nodes within `depth` hops (nearest first, then id, at most maxNodes) and the allowed edges among them. */
  neighborhood(q: NeighborhoodQuery): { nodeIds: string[]; relationIds: string[]; truncated: boolean } {
    const centre = this.nodeIndex.get(q.entityId);
    if (centre === undefined) return { nodeIds: [q.entityId], relationIds: [], truncated: false };
    const allowed = this.predicate(q);
    const dist = new Map<number, number>([[centre, 0]]);
    let frontier = [centre];
    for (let d = 1; d <= q.depth && frontier.length; d++) {
      const next: number[] = [];
      for (const n of frontier) {
        for (const e of this.adjacency[n]) {
          const m = this.other(e, n);
          if (allowed(e) && !dist.has(m)) {
            dist.set(m, d);
            next.push(m);
          }
        }
      }
      frontier = next;
    }
    const ordered = [...dist.entries()]
      .sort((x, y) => x[1] - y[1] || (this.nodeIds[x[0]] < this.nodeIds[y[0]] ? -1 : 1))
      .map(([n]) => n);
    const kept = new Set(ordered.slice(0, q.maxNodes));
    const edges = new Set<number>();
    for (const n of kept) for (const e of this.adjacency[n]) if (allowed(e) && kept.has(this.other(e, n))) edges.add(e);
    return {
      nodeIds: [...kept].map((n) => this.nodeIds[n]),
      relationIds: [...edges].map((e) => this.edgeIds[e]).sort(),
      truncated: ordered.length > kept.size,
    };
  }

  private toPath(nodes: number[], edges: number[]): IndexedPath {
    return { nodeIds: nodes.map((n) => this.nodeIds[n]), relationIds: edges.map((e) => this.edgeIds[e]) };
  }
}
