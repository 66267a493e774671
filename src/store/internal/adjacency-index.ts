// An in-memory, undirected adjacency index over relations, for path search without a database round trip
// per hop. Nodes and edges are small integers in typed arrays: edges are numbered in relation-id order and each
// node's edges sit in one compressed sparse row (CSR) slice in that order, so a depth-first walk meets paths in
// the order the GraphStore contract promises (length, then relation ids) and a breadth-first search scans
// integers only. Filters compile to bit masks and date ranks.
//
// shortestPath: bidirectional breadth-first search (always expanding the side with fewer edges to scan, whole
// layers at a time) finds the length L; then a greedy walk from `from` takes, at each step, the first edge (in id
// order) to a node exactly one hop nearer `to`. Near `to` that distance comes from the backward search; nearer
// `from` it is decided lazily ("can this node still reach the meeting layer?") and memoised. The result is the
// first shortest path in relation-id order, exactly `paths({ first: 1 })[0]`, without a full-graph search.
//
// paths: the same bidirectional search gives the shortest length; a depth-first walk in id order enumerates
// paths of each length, pruning a step when the next node cannot reach `to` in the hops left (decided from the
// backward search where it reaches, else by a memoised bounded look-ahead).
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

const TYPE_CODE = new Map<string, number>(RELATION_TYPES.map((t, i) => [t, i]));
const STATUS_CODE = new Map<string, number>(RELATION_STATUSES.map((s, i) => [s, i]));
/** Code of a type or status outside the known lists: passes only when there is no filter on it. */
const UNKNOWN_CODE = 31;
const ALL = 0xffffffff;
/** Date rank of a missing date. */
const UNDATED = -1;
/** Deepest search the memo tables are sized for (MAX_PATH_HOPS is 6; larger maxHops still work, unmemoised). */
const MEMO_DEPTH = 8;
/** Nodes with more edges than this use neighbour look-ups for the last two steps of a path walk. */
const LOOKUP_MIN_DEGREE = 32;
/** Rough cost of one binary-search look-up, in scanned adjacency entries. */
const LOOKUP_COST = 16;
/** The backward search of a paths query is extended by a layer only when that layer scans at most this many entries. */
const EXTEND_BACK_MAX_SCAN = 50_000;

export interface IndexedPath {
  nodeIds: string[];
  relationIds: string[];
}

type WindowQuery = Omit<PathQuery, 'fromId' | 'toId' | 'maxHops' | 'first'>;

/** Growable Int32 storage for the edge list before it is sealed into CSR. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
}

export class AdjacencyIndex {
  private readonly nodeIndex = new Map<string, number>();
  private readonly nodeIds: string[] = [];
  // The edge list, in insertion order until sealed, then in relation-id order.
  private edgeIds: string[] = [];
  private edgeA = new IntList();
  private edgeB = new IntList();
  private edgeTypeList = new IntList();
  private edgeStatusList = new IntList();
  /** Date dictionary codes (index into `dates`), UNDATED for none. */
  private edgeStartCode = new IntList();
  private edgeEndCode = new IntList();
  private readonly dateCode = new Map<string, number>();
  private readonly dates: string[] = [];

  // Sealed, read-only search structures.
  private sealed = false;
  /** Edges [0, sortedCount) are in relation-id order and in the sealed structures; later ones were added since. */
  private sortedCount = 0;
  private offsets = new Int32Array(1);
  private adjEdge = new Int32Array(0);
  private adjNode = new Int32Array(0);
  /** The same slices ordered by neighbour, then edge: the edges between two nodes by binary search. */
  private byNbrNode = new Int32Array(0);
  private byNbrEdge = new Int32Array(0);
  private edgeType = new Uint8Array(0);
  private edgeStatus = new Uint8Array(0);
  /** Ranks in the sorted date dictionary: comparing ranks is comparing the date strings. */
  private edgeStart = new Int32Array(0);
  private edgeEnd = new Int32Array(0);
  private sortedDates: string[] = [];

  // Per-query scratch, reused across queries (a generation stamp marks what belongs to the current one).
  private gen = 0;
  private stampF = new Int32Array(0);
  private distF = new Int32Array(0);
  private stampB = new Int32Array(0);
  private distB = new Int32Array(0);
  private onPath = new Int32Array(0);
  private memoStamp: Int32Array | null = null;
  private memoValue: Uint8Array | null = null;

  // The compiled filter of the current query.
  private typeMask = ALL;
  private statusMask = ALL;
  private sinceRank = -1;
  private untilRank = -1;
  private hasUntil = false;
  private datedOnly = false;
  private filtered = false;

  get edgeCount(): number {
    return this.edgeIds.length;
  }

  private node(id: string): number {
    let n = this.nodeIndex.get(id);
    if (n === undefined) {
      n = this.nodeIds.length;
      this.nodeIndex.set(id, n);
      this.nodeIds.push(id);
    }
    return n;
  }

  private date(d: string | null): number {
    if (d == null) return UNDATED;
    let c = this.dateCode.get(d);
    if (c === undefined) {
      c = this.dates.length;
      this.dateCode.set(d, c);
      this.dates.push(d);
    }
    return c;
  }

  /** Relations without a target, and self-relations, are not hops and are skipped. */
  add(r: IndexedRelation): void {
    if (r.targetId == null || r.targetId === r.sourceId) return;
    this.edgeIds.push(r.id);
    this.edgeA.push(this.node(r.sourceId));
    this.edgeB.push(this.node(r.targetId));
    this.edgeTypeList.push(TYPE_CODE.get(r.type) ?? UNKNOWN_CODE);
    this.edgeStatusList.push(STATUS_CODE.get(r.status) ?? UNKNOWN_CODE);
    this.edgeStartCode.push(this.date(r.dateStart));
    this.edgeEndCode.push(this.date(r.dateEnd));
    this.sealed = false;
  }

  /**
   * Orders edges by relation id and builds the CSR arrays. Runs on the first query after adds. Edges added to a
   * sealed index are merged into the existing order, and the neighbour-ordered slices of nodes they do not touch
   * are carried over, so a few new relations cost linear passes, not a sort of the whole graph.
   */
  private seal(): void {
    if (this.sealed) return;
    const m = this.edgeIds.length;
    const added = m - this.sortedCount;
    const order = this.sortedCount > 0 && added <= this.sortedCount / 4 ? this.mergedOrder() : this.sortedOrder();
    const oldOffsets = this.offsets;
    const oldByNbrNode = this.byNbrNode;
    const oldByNbrEdge = this.byNbrEdge;
    const oldNodes = oldOffsets.length - 1;
    const incremental = this.sortedCount > 0 && order !== null && added <= this.sortedCount / 4;
    /** New number of each edge before the reordering (identity when already in order). */
    let newOf: Int32Array | null = null;
    if (order) {
      const ids = this.edgeIds;
      // In place through one scratch array: fresh large arrays per list would make V8 collect more often.
      const scratch = new Int32Array(m);
      const permute = (list: IntList) => {
        for (let i = 0; i < m; i++) scratch[i] = list.data[order[i]];
        list.data.set(scratch);
      };
      this.edgeIds = Array.from(order, (i) => ids[i]);
      for (const list of [this.edgeA, this.edgeB, this.edgeTypeList, this.edgeStatusList, this.edgeStartCode, this.edgeEndCode]) permute(list);
      newOf = new Int32Array(m);
      for (let k = 0; k < m; k++) newOf[order[k]] = k;
    }
    // Dates: dictionary codes to ranks in string order.
    this.sortedDates = [...this.dates].sort();
    const rankOfCode = new Int32Array(this.dates.length);
    const rankOf = new Map(this.sortedDates.map((d, i) => [d, i]));
    this.dates.forEach((d, code) => (rankOfCode[code] = rankOf.get(d) as number));
    const rank = (code: number) => (code === UNDATED ? UNDATED : rankOfCode[code]);
    this.edgeStart = new Int32Array(m);
    this.edgeEnd = new Int32Array(m);
    this.edgeType = new Uint8Array(m);
    this.edgeStatus = new Uint8Array(m);
    for (let e = 0; e < m; e++) {
      this.edgeStart[e] = rank(this.edgeStartCode.data[e]);
      this.edgeEnd[e] = rank(this.edgeEndCode.data[e]);
      this.edgeType[e] = this.edgeTypeList.data[e];
      this.edgeStatus[e] = this.edgeStatusList.data[e];
    }
    // CSR: filling in edge order leaves each node's slice sorted by relation id.
    const n = this.nodeIds.length;
    const offsets = new Int32Array(n + 1);
    const a = this.edgeA.data;
    const b = this.edgeB.data;
    for (let e = 0; e < m; e++) {
      offsets[a[e] + 1]++;
      offsets[b[e] + 1]++;
    }
    for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
    const fill = offsets.slice(0, n);
    const adjEdge = new Int32Array(2 * m);
    const adjNode = new Int32Array(2 * m);
    for (let e = 0; e < m; e++) {
      const x = a[e];
      const y = b[e];
      adjEdge[fill[x]] = e;
      adjNode[fill[x]++] = y;
      adjEdge[fill[y]] = e;
      adjNode[fill[y]++] = x;
    }
    // By neighbour: each slice ordered by (neighbour, edge). A node none of the new edges touches keeps its old
    // slice, renumbered (the renumbering keeps the old edges' order); the others are sorted again.
    const byNbrNode = new Int32Array(2 * m);
    const byNbrEdge = new Int32Array(2 * m);
    let touched: Uint8Array | null = null;
    if (incremental) {
      touched = new Uint8Array(n);
      for (let i = oldNodes; i < n; i++) touched[i] = 1;
      for (let k = this.sortedCount; k < m; k++) {
        const e = (newOf as Int32Array)[k];
        touched[a[e]] = 1;
        touched[b[e]] = 1;
      }
    }
    const span = Math.max(1, m);
    let maxDegree = 0;
    for (let i = 0; i < n; i++) maxDegree = Math.max(maxDegree, offsets[i + 1] - offsets[i]);
    const scratchKeys = new Float64Array(maxDegree);
    for (let i = 0; i < n; i++) {
      const from = offsets[i];
      const to = offsets[i + 1];
      if (touched && !touched[i]) {
        const old = oldOffsets[i];
        const map = newOf as Int32Array;
        for (let k = 0; k < to - from; k++) {
          byNbrNode[from + k] = oldByNbrNode[old + k];
          byNbrEdge[from + k] = map[oldByNbrEdge[old + k]];
        }
        continue;
      }
      if (to - from === 1) {
        byNbrNode[from] = adjNode[from];
        byNbrEdge[from] = adjEdge[from];
        continue;
      }
      // Sorted as one exact float64 key per entry.
      const keys = scratchKeys.subarray(0, to - from);
      for (let k = from; k < to; k++) keys[k - from] = adjNode[k] * span + adjEdge[k];
      keys.sort();
      for (let k = 0; k < keys.length; k++) {
        const nb = Math.floor(keys[k] / span);
        byNbrNode[from + k] = nb;
        byNbrEdge[from + k] = keys[k] - nb * span;
      }
    }
    this.offsets = offsets;
    this.adjEdge = adjEdge;
    this.adjNode = adjNode;
    this.byNbrNode = byNbrNode;
    this.byNbrEdge = byNbrEdge;
    if (this.stampF.length !== n) {
      this.stampF = new Int32Array(n);
      this.distF = new Int32Array(n);
      this.stampB = new Int32Array(n);
      this.distB = new Int32Array(n);
      this.onPath = new Int32Array(n);
      this.memoStamp = null;
      this.memoValue = null;
      this.gen = 0;
    }
    this.sortedCount = m;
    this.sealed = true;
  }

  /** Edge positions in relation-id order (ties in insertion order), or null when they are in order already. */
  private sortedOrder(): Int32Array | null {
    const m = this.edgeIds.length;
    const ids = this.edgeIds;
    let inOrder = true;
    for (let i = 1; i < m && inOrder; i++) if (ids[i - 1] > ids[i]) inOrder = false;
    if (inOrder) return null;
    const order = new Int32Array(m);
    for (let i = 0; i < m; i++) order[i] = i;
    order.sort((x, y) => (ids[x] < ids[y] ? -1 : ids[x] > ids[y] ? 1 : x - y));
    return order;
  }

  /** The sorted prefix merged with the edges added since, sorted (ties: earlier first). */
  private mergedOrder(): Int32Array {
    const m = this.edgeIds.length;
    const s = this.sortedCount;
    const ids = this.edgeIds;
    const tail = new Int32Array(m - s);
    for (let k = 0; k < tail.length; k++) tail[k] = s + k;
    tail.sort((x, y) => (ids[x] < ids[y] ? -1 : ids[x] > ids[y] ? 1 : x - y));
    const order = new Int32Array(m);
    let i = 0;
    let j = 0;
    for (let k = 0; k < m; k++) {
      if (j >= tail.length || (i < s && ids[i] <= ids[tail[j]])) order[k] = i++;
      else order[k] = tail[j++];
    }
    return order;
  }

  /** A new generation: every stamp from earlier queries becomes stale. */
  private nextGen(): number {
    if (this.gen >= 0x7ffffff0) {
      this.stampF.fill(0);
      this.stampB.fill(0);
      this.onPath.fill(0);
      this.memoStamp?.fill(0);
      this.gen = 0;
    }
    return ++this.gen;
  }

  /** Index of the first sorted date >= d (lower bound). */
  private lowerRank(d: string): number {
    const xs = this.sortedDates;
    let lo = 0;
    let hi = xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (xs[mid] < d) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private setFilter(q: WindowQuery): void {
    this.typeMask = ALL;
    this.statusMask = ALL;
    if (q.relationTypes?.length) {
      this.typeMask = 0;
      for (const t of q.relationTypes) {
        const c = TYPE_CODE.get(t);
        if (c !== undefined) this.typeMask |= 1 << c;
      }
    }
    if (q.statuses?.length) {
      this.statusMask = 0;
      for (const s of q.statuses) {
        const c = STATUS_CODE.get(s);
        if (c !== undefined) this.statusMask |= 1 << c;
      }
    }
    // An edge passes `since` when its end date >= since, `until` when its start date <= until.
    this.sinceRank = q.since != null ? this.lowerRank(q.since) : -1;
    this.hasUntil = q.until != null;
    if (q.until != null) {
      // Last rank whose date <= until.
      const lo = this.lowerRank(q.until);
      this.untilRank = lo < this.sortedDates.length && this.sortedDates[lo] === q.until ? lo : lo - 1;
    }
    this.datedOnly = q.timeRespecting === true;
    this.filtered = this.typeMask !== ALL || this.statusMask !== ALL || q.since != null || this.hasUntil || this.datedOnly;
  }

  private allowed(e: number): boolean {
    if (!this.filtered) return true;
    if (((this.typeMask >>> this.edgeType[e]) & 1) === 0) return false;
    if (((this.statusMask >>> this.edgeStatus[e]) & 1) === 0) return false;
    const start = this.edgeStart[e];
    if (this.datedOnly && start === UNDATED) return false;
    if (this.sinceRank >= 0) {
      const end = this.edgeEnd[e];
      if (end === UNDATED || end < this.sinceRank) return false;
    }
    if (this.hasUntil && (start === UNDATED || start > this.untilRank)) return false;
    return true;
  }

  /** Adjacency entries to scan when expanding a frontier. */
  private cost(frontier: readonly number[]): number {
    let c = 0;
    for (const x of frontier) c += this.offsets[x + 1] - this.offsets[x];
    return c;
  }

  /**
   * Bidirectional breadth-first search, whole layers at a time. Leaves distF (exact up to depth `a`) and distB
   * (exact up to depth `b`) stamped with `gen`; the shortest length is a + b. Null when there is no path within
   * maxHops. `backLayers[d]` lists the nodes at backward distance d (0..b), so the backward search can be continued.
   */
  private meet(from: number, to: number, maxHops: number, gen: number): { a: number; b: number; backLayers: number[][] } | null {
    const { offsets, adjEdge, adjNode, stampF, distF, stampB, distB } = this;
    stampF[from] = gen;
    distF[from] = 0;
    stampB[to] = gen;
    distB[to] = 0;
    let front = [from];
    let back = [to];
    const backLayers = [back];
    let a = 0;
    let b = 0;
    for (;;) {
      if (a + b >= maxHops || front.length === 0 || back.length === 0) return null;
      const forward = this.cost(front) <= this.cost(back);
      const layer = forward ? front : back;
      const mine = forward ? stampF : stampB;
      const dist = forward ? distF : distB;
      const theirs = forward ? stampB : stampF;
      const depth = (forward ? a : b) + 1;
      const next: number[] = [];
      let met = false;
      for (const x of layer) {
        for (let k = offsets[x], end = offsets[x + 1]; k < end; k++) {
          const y = adjNode[k];
          if (mine[y] === gen || !this.allowed(adjEdge[k])) continue;
          mine[y] = gen;
          dist[y] = depth;
          next.push(y);
          if (theirs[y] === gen) met = true;
        }
      }
      if (forward) {
        front = next;
        a = depth;
      } else {
        back = next;
        backLayers.push(next);
        b = depth;
      }
      if (met) return { a, b, backLayers };
    }
  }

  /** The first shortest path in relation-id order: bidirectional search, then a greedy walk; no enumeration. */
  shortestPath(q: Omit<PathQuery, 'first'>): IndexedPath | null {
    // Greedy descent over distances ignores time order; enumerate instead (bounded by maxHops).
    if (q.timeRespecting) return this.paths({ ...q, first: 1 })[0] ?? null;
    const from = this.nodeIndex.get(q.fromId);
    const to = this.nodeIndex.get(q.toId);
    if (from === undefined || to === undefined || from === to) return null;
    this.seal();
    this.setFilter(q);
    const gen = this.nextGen();
    const met = this.meet(from, to, q.maxHops, gen);
    if (!met) return null;
    const { a, b } = met;
    const L = a + b;
    const { offsets, adjEdge, adjNode, stampF, distF, stampB, distB } = this;
    this.ensureMemo();
    const memoStamp = this.memoStamp as Int32Array;
    const memoValue = this.memoValue as Uint8Array;
    // good(m, i): m is at forward distance i (< a) and lies on a shortest path, i.e. reaches the meeting layer
    // through forward layers i+1..a. At layer a: exactly the nodes both searches reached.
    const good = (m: number, i: number): boolean => {
      if (i === a) return stampB[m] === gen && distB[m] === b;
      const slot = m * MEMO_DEPTH + i;
      if (i < MEMO_DEPTH && memoStamp[slot] === gen) return memoValue[slot] === 1;
      let found = false;
      for (let k = offsets[m], end = offsets[m + 1]; k < end && !found; k++) {
        const w = adjNode[k];
        if (stampF[w] === gen && distF[w] === i + 1 && this.allowed(adjEdge[k]) && good(w, i + 1)) found = true;
      }
      if (i < MEMO_DEPTH) {
        memoStamp[slot] = gen;
        memoValue[slot] = found ? 1 : 0;
      }
      return found;
    };
    const nodes = [from];
    const edges: number[] = [];
    let n = from;
    for (let k = 0; k < L; k++) {
      let chosen = -1;
      let next = -1;
      for (let j = offsets[n], end = offsets[n + 1]; j < end; j++) {
        const m = adjNode[j];
        const ok =
          k + 1 <= a
            ? stampF[m] === gen && distF[m] === k + 1 && this.allowed(adjEdge[j]) && good(m, k + 1)
            : stampB[m] === gen && distB[m] === L - k - 1 && this.allowed(adjEdge[j]);
        if (ok) {
          chosen = adjEdge[j];
          next = m;
          break;
        }
      }
      n = next;
      nodes.push(n);
      edges.push(chosen);
    }
    return this.toPath(nodes, edges);
  }

  private ensureMemo(): void {
    const size = this.nodeIds.length * MEMO_DEPTH;
    if (!this.memoStamp || this.memoStamp.length !== size) {
      this.memoStamp = new Int32Array(size);
      this.memoValue = new Uint8Array(size);
    }
  }

  /** Index range [lo, hi) in the by-neighbour arrays of the edges between n and m, in relation-id order. */
  private between(n: number, m: number): [number, number] {
    const nodes = this.byNbrNode;
    let lo = this.offsets[n];
    let hi = this.offsets[n + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (nodes[mid] < m) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < this.offsets[n + 1] && nodes[end] === m) end++;
    return [lo, end];
  }

  private degree(n: number): number {
    return this.offsets[n + 1] - this.offsets[n];
  }

  /** Simple paths, shortest first, then by relation ids; at most `first`. */
  paths(q: PathQuery): IndexedPath[] {
    const from = this.nodeIndex.get(q.fromId);
    const to = this.nodeIndex.get(q.toId);
    if (from === undefined || to === undefined || from === to || q.first <= 0) return [];
    this.seal();
    this.setFilter(q);
    const gen = this.nextGen();
    const met = this.meet(from, to, q.maxHops, gen);
    if (!met) return [];
    const minHops = met.a + met.b;
    const { offsets, adjEdge, adjNode, stampB, distB, edgeStart, edgeEnd, onPath } = this;
    this.ensureMemo();
    const memoStamp = this.memoStamp as Int32Array;
    const memoValue = this.memoValue as Uint8Array;
    const deadline = q.timeoutMs != null ? Date.now() + q.timeoutMs : Infinity;
    let steps = 0;
    const tick = () => {
      if (++steps % CLOCK_CHECK_STEPS === 0 && Date.now() > deadline) {
        throw new DiplographError(ErrorCode.TIMEOUT, `path search stopped after ${q.timeoutMs} ms; narrow it with maxHops, relationTypes or a time window`);
      }
    };
    // The backward search is exact up to depth `known`. Before walking paths of length ℓ it is extended towards
    // ℓ - 2 (a layer at a time, while a layer is cheap to expand), so that most checks are lookups and hubs can
    // look their next edges up. Beyond `known`, reach() looks ahead (memoised).
    const backLayers = met.backLayers;
    let known = met.b;
    const extendBack = (depth: number) => {
      while (known < depth) {
        const frontier = backLayers[known];
        if (!frontier.length) break;
        if (this.cost(frontier) > EXTEND_BACK_MAX_SCAN) return;
        const next: number[] = [];
        const d = known + 1;
        for (const x of frontier) {
          for (let k = offsets[x], end = offsets[x + 1]; k < end; k++) {
            const y = adjNode[k];
            if (stampB[y] === gen || !this.allowed(adjEdge[k])) continue;
            stampB[y] = gen;
            distB[y] = d;
            next.push(y);
          }
        }
        tick();
        backLayers.push(next);
        known = d;
      }
      // An exhausted search is exact at any depth: nothing more is reachable.
      if (known !== Infinity && !backLayers[known].length) known = Infinity;
    };
    /** Nodes at backward distance 1..d (d <= known). */
    const backCount = (d: number) => {
      let c = 0;
      for (let i = 1; i <= d && i < backLayers.length; i++) c += backLayers[i].length;
      return c;
    };
    // reach(m, r): m can get to `to` in at most r allowed hops (any walk: a bound for pruning, not a path).
    const reach = (m: number, r: number): boolean => {
      if (stampB[m] === gen) return distB[m] <= r;
      if (r <= known) return false;
      const slot = m * MEMO_DEPTH + r;
      if (r < MEMO_DEPTH && memoStamp[slot] === gen) return memoValue[slot] === 1;
      tick();
      let found = false;
      for (let k = offsets[m], end = offsets[m + 1]; k < end && !found; k++) {
        if (this.allowed(adjEdge[k]) && reach(adjNode[k], r - 1)) found = true;
      }
      if (r < MEMO_DEPTH) {
        memoStamp[slot] = gen;
        memoValue[slot] = found ? 1 : 0;
      }
      return found;
    };
    const out: IndexedPath[] = [];
    const nodes: number[] = [from];
    const edges: number[] = [];
    onPath[from] = gen;
    const timed = q.timeRespecting === true;
    // Time-respecting: the next hop's date range must reach the previous hop's start.
    const inTime = (e: number) => !timed || edges.length === 0 || edgeEnd[e] >= edgeStart[edges[edges.length - 1]];
    const edgeA = this.edgeA.data;
    const edgeB = this.edgeB.data;
    const { byNbrEdge } = this;
    // One step of the walk along edge e to m; true when enough paths were found.
    const step = (e: number, m: number, remaining: number): boolean => {
      // The target may only be the last node; prune what cannot reach it in the hops left.
      if (onPath[m] === gen || (m === to && remaining !== 1)) return false;
      if (!this.allowed(e) || !inTime(e)) return false;
      if (remaining === 1 ? m !== to : !reach(m, remaining - 1)) return false;
      nodes.push(m);
      edges.push(e);
      onPath[m] = gen;
      walk(m, remaining - 1);
      onPath[m] = 0;
      edges.pop();
      nodes.pop();
      return out.length >= q.first;
    };
    const walk = (n: number, remaining: number): void => {
      if (out.length >= q.first) return;
      tick();
      if (remaining === 0) {
        if (n === to) out.push(this.toPath(nodes, edges));
        return;
      }
      const deg = this.degree(n);
      // At a well-connected node, when few nodes are near enough to `to`, look the possible next edges up instead
      // of scanning them all (a hub's slice holds tens of thousands of edges, and every path through the hub
      // would scan it again).
      if (deg > LOOKUP_MIN_DEGREE) {
        if (remaining === 1) {
          const [lo, hi] = this.between(n, to);
          for (let k = lo; k < hi; k++) if (step(byNbrEdge[k], to, 1)) return;
          return;
        }
        if (known >= remaining - 1 && backCount(remaining - 1) * LOOKUP_COST < deg) {
          const candidates: number[] = [];
          for (let d = 1; d <= remaining - 1 && d < backLayers.length; d++) {
            for (const m of backLayers[d]) {
              const [lo, hi] = this.between(n, m);
              for (let k = lo; k < hi; k++) candidates.push(byNbrEdge[k]);
            }
          }
          // Edge numbers are relation-id order.
          candidates.sort((x, y) => x - y);
          for (const e of candidates) if (step(e, edgeA[e] === n ? edgeB[e] : edgeA[e], remaining)) return;
          return;
        }
      }
      for (let k = offsets[n], end = offsets[n + 1]; k < end; k++) if (step(adjEdge[k], adjNode[k], remaining)) return;
    };
    try {
      for (let length = minHops; length <= q.maxHops && out.length < q.first; length++) {
        extendBack(length - 2);
        walk(from, length);
      }
    } finally {
      onPath[from] = 0;
      for (const n of nodes) onPath[n] = 0;
    }
    return out;
  }

  /** Nodes within `depth` hops (nearest first, then id, at most maxNodes) and the allowed edges among them. */
  neighborhood(q: NeighborhoodQuery): { nodeIds: string[]; relationIds: string[]; truncated: boolean } {
    const centre = this.nodeIndex.get(q.entityId);
    if (centre === undefined) return { nodeIds: [q.entityId], relationIds: [], truncated: false };
    this.seal();
    this.setFilter(q);
    const gen = this.nextGen();
    const { offsets, adjEdge, adjNode, stampF, distF, stampB } = this;
    stampF[centre] = gen;
    distF[centre] = 0;
    const reached = [centre];
    let frontier = [centre];
    for (let d = 1; d <= q.depth && frontier.length; d++) {
      const next: number[] = [];
      for (const n of frontier) {
        for (let k = offsets[n], end = offsets[n + 1]; k < end; k++) {
          const m = adjNode[k];
          if (stampF[m] !== gen && this.allowed(adjEdge[k])) {
            stampF[m] = gen;
            distF[m] = d;
            next.push(m);
            reached.push(m);
          }
        }
      }
      frontier = next;
    }
    const ids = this.nodeIds;
    const ordered = reached.sort((x, y) => distF[x] - distF[y] || (ids[x] < ids[y] ? -1 : 1));
    const kept = ordered.slice(0, q.maxNodes);
    for (const n of kept) stampB[n] = gen;
    const edges: number[] = [];
    for (const n of kept) {
      for (let k = offsets[n], end = offsets[n + 1]; k < end; k++) {
        // Each edge between two kept nodes is seen from both ends; take it from its lower-numbered end.
        const m = adjNode[k];
        if (stampB[m] === gen && n < m && this.allowed(adjEdge[k])) edges.push(adjEdge[k]);
      }
    }
    // Edges are numbered in relation-id order.
    edges.sort((x, y) => x - y);
    return {
      nodeIds: kept.map((n) => ids[n]),
      relationIds: edges.map((e) => this.edgeIds[e]),
      truncated: ordered.length > kept.length,
    };
  }

  private toPath(nodes: number[], edges: number[]): IndexedPath {
    return { nodeIds: nodes.map((n) => this.nodeIds[n]), relationIds: edges.map((e) => this.edgeIds[e]) };
  }
}
