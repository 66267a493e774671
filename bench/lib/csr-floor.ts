// The floor for path queries: breadth-first search over a compressed sparse row (CSR) adjacency held in typed
// arrays, with the same relation filters as the stores. It answers only "is there a path within maxHops, and
// one such path" — no relation-id ordering, no evidence, no names — so it is the least work any store can do.
import { RELATION_STATUSES, RELATION_TYPES, type RelationStatus, type RelationType } from '../../src/domain/model.js';
import type { GraphEdge } from '../generators/relation-graph.js';

const TYPE_CODE = new Map<string, number>(RELATION_TYPES.map((t, i) => [t, i]));
const STATUS_CODE = new Map<string, number>(RELATION_STATUSES.map((s, i) => [s, i]));

function dayNumber(d: string | null): number {
  if (d == null) return -1;
  return Number(d.slice(0, 4)) * 10000 + Number(d.slice(5, 7)) * 100 + Number(d.slice(8, 10));
}

export interface FloorFilter {
  relationTypes?: readonly RelationType[] | null;
  statuses?: readonly RelationStatus[] | null;
  since?: string | null;
  until?: string | null;
}

export class CsrFloor {
  private readonly seen = new Set<string>();
  private a: number[] = [];
  private b: number[] = [];
  private type: number[] = [];
  private status: number[] = [];
  private start: number[] = [];
  private end: number[] = [];
  // Built by seal():
  offsets = new Int32Array(0);
  adjNode = new Int32Array(0);
  adjEdge = new Int32Array(0);
  edgeType = new Uint8Array(0);
  edgeStatus = new Uint8Array(0);
  edgeStart = new Int32Array(0);
  edgeEnd = new Int32Array(0);
  private markF = new Int32Array(0);
  private markB = new Int32Array(0);
  private parentF = new Int32Array(0);
  private parentB = new Int32Array(0);
  private stamp = 0;

  constructor(private readonly nodes: number) {}

  /** Same relation id twice (the same event from two articles) is one edge, as in the stores. */
  add(e: GraphEdge): void {
    if (e.source === e.target || this.seen.has(e.id)) return;
    this.seen.add(e.id);
    this.a.push(e.source);
    this.b.push(e.target);
    this.type.push(TYPE_CODE.get(e.type) ?? 255);
    this.status.push(STATUS_CODE.get(e.status) ?? 255);
    this.start.push(dayNumber(e.dateStart));
    this.end.push(dayNumber(e.dateEnd));
  }

  get edges(): number {
    return this.edgeType.length;
  }

  seal(): void {
    const m = this.a.length;
    const n = this.nodes;
    const deg = new Int32Array(n + 1);
    for (let i = 0; i < m; i++) {
      deg[this.a[i]]++;
      deg[this.b[i]]++;
    }
    this.offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) this.offsets[i + 1] = this.offsets[i] + deg[i];
    const fill = this.offsets.slice(0, n);
    this.adjNode = new Int32Array(2 * m);
    this.adjEdge = new Int32Array(2 * m);
    for (let i = 0; i < m; i++) {
      const x = this.a[i];
      const y = this.b[i];
      this.adjNode[fill[x]] = y;
      this.adjEdge[fill[x]++] = i;
      this.adjNode[fill[y]] = x;
      this.adjEdge[fill[y]++] = i;
    }
    this.edgeType = Uint8Array.from(this.type);
    this.edgeStatus = Uint8Array.from(this.status);
    this.edgeStart = Int32Array.from(this.start);
    this.edgeEnd = Int32Array.from(this.end);
    this.markF = new Int32Array(n);
    this.markB = new Int32Array(n);
    this.parentF = new Int32Array(n);
    this.parentB = new Int32Array(n);
    this.a = this.b = this.type = this.status = this.start = this.end = [];
    this.seen.clear();
  }

  /**
   * Bidirectional BFS (expanding the side with fewer adjacency entries to scan) with the filters applied per
   * edge. Returns the node path, or null when there is none within maxHops.
   */
  shortestPath(from: number, to: number, maxHops: number, f: FloorFilter = {}): number[] | null {
    if (from === to) return null;
    const types = f.relationTypes?.length ? new Set(f.relationTypes.map((t) => TYPE_CODE.get(t) as number)) : null;
    const statuses = f.statuses?.length ? new Set(f.statuses.map((s) => STATUS_CODE.get(s) as number)) : null;
    const since = f.since ? dayNumber(f.since) : -1;
    const until = f.until ? dayNumber(f.until) : -1;
    const filtered = types !== null || statuses !== null || since >= 0 || until >= 0;
    const ok = (e: number) =>
      (!types || types.has(this.edgeType[e])) &&
      (!statuses || statuses.has(this.edgeStatus[e])) &&
      (since < 0 || (this.edgeEnd[e] >= 0 && this.edgeEnd[e] >= since)) &&
      (until < 0 || (this.edgeStart[e] >= 0 && this.edgeStart[e] <= until));
    const stamp = ++this.stamp;
    const { offsets, adjNode, adjEdge, markF, markB, parentF, parentB } = this;
    markF[from] = stamp;
    markB[to] = stamp;
    parentF[from] = -1;
    parentB[to] = -1;
    let front = [from];
    let back = [to];
    let depth = 0;
    const cost = (xs: number[]) => {
      let c = 0;
      for (const x of xs) c += offsets[x + 1] - offsets[x];
      return c;
    };
    while (depth < maxHops && front.length && back.length) {
      const forward = cost(front) <= cost(back);
      const layer = forward ? front : back;
      const mine = forward ? markF : markB;
      const theirs = forward ? markB : markF;
      const parent = forward ? parentF : parentB;
      const next: number[] = [];
      let meet = -1;
      for (const x of layer) {
        for (let k = offsets[x], kEnd = offsets[x + 1]; k < kEnd; k++) {
          if (filtered && !ok(adjEdge[k])) continue;
          const y = adjNode[k];
          if (mine[y] === stamp) continue;
          mine[y] = stamp;
          parent[y] = x;
          if (theirs[y] === stamp) {
            meet = y;
            break;
          }
          next.push(y);
        }
        if (meet >= 0) break;
      }
      depth++;
      if (meet >= 0) {
        const path: number[] = [];
        for (let x = meet; x !== -1; x = parentF[x]) path.push(x);
        path.reverse();
        for (let x = parentB[meet]; x !== -1; x = parentB[x]) path.push(x);
        return path;
      }
      if (forward) front = next;
      else back = next;
    }
    return null;
  }
}
