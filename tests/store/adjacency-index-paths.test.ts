// The in-memory path search against a brute-force enumeration on random graphs (fast-check).
import fc from 'fast-check';
import '../helpers/fast-check-seed.js';
import { describe, expect, it } from 'vitest';
import { AdjacencyIndex, type IndexedRelation } from '../../src/store/internal/adjacency-index.js';
import { RELATION_STATUSES, RELATION_TYPES } from '../../src/domain/model.js';

interface Edge extends IndexedRelation {}

/** Every simple path from → to with at most maxHops edges, by depth-first search over all edges. */
function bruteForce(edges: Edge[], from: string, to: string, maxHops: number, allowed: (e: Edge) => boolean) {
  const out: string[][] = [];
  const walk = (node: string, seen: Set<string>, path: string[]) => {
    if (node === to && path.length) {
      out.push([...path]);
      return;
    }
    if (path.length === maxHops) return;
    for (const e of edges) {
      if (!allowed(e) || e.targetId == null || e.sourceId === e.targetId) continue;
      const next = e.sourceId === node ? e.targetId : e.targetId === node ? e.sourceId : null;
      if (next == null || seen.has(next)) continue;
      seen.add(next);
      walk(next, seen, [...path, e.id]);
      seen.delete(next);
    }
  };
  walk(from, new Set([from]), []);
  return out.sort((a, b) => a.length - b.length || (a.join(' ') < b.join(' ') ? -1 : a.join(' ') > b.join(' ') ? 1 : 0));
}

const node = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
const edgeArb = fc.record({
  sourceId: node,
  targetId: fc.option(node, { nil: null, freq: 8 }),
  type: fc.constantFrom(...RELATION_TYPES.slice(0, 3)),
  status: fc.constantFrom(...RELATION_STATUSES.slice(0, 2)),
  dateStart: fc.option(fc.constantFrom('2017-01-01', '2018-07-01', '2025-03-18'), { nil: null }),
});

describe('adjacency index path search', () => {
  it('finds exactly the brute-force paths, in the same order, with filters', () => {
    fc.assert(
      fc.property(
        fc.array(edgeArb, { maxLength: 14 }),
        node,
        node,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        (raw, from, to, maxHops, first, onlyMeetings) => {
          const edges: Edge[] = raw.map((r, i) => ({ ...r, id: `r${String(i).padStart(2, '0')}`, dateEnd: r.dateStart }));
          const index = new AdjacencyIndex();
          edges.forEach((e) => index.add(e));
          const types = onlyMeetings ? (['MET_AT'] as const) : null;
          const allowed = (e: Edge) => !types || e.type === 'MET_AT';
          const expected = from === to ? [] : bruteForce(edges, from, to, maxHops, allowed).slice(0, first);
          const got = index.paths({ fromId: from, toId: to, maxHops, first, relationTypes: types });
          expect(got.map((p) => p.relationIds)).toEqual(expected);
          for (const p of got) expect(p.nodeIds[0] === from && p.nodeIds.at(-1) === to && new Set(p.nodeIds).size === p.nodeIds.length).toBe(true);
          const shortest = index.shortestPath({ fromId: from, toId: to, maxHops, relationTypes: types });
          expect(shortest?.relationIds ?? null).toEqual(expected[0] ?? null);
        },
      ),
      { numRuns: 400, seed: 20261126 },
    );
  });

  it('keeps only hops whose dates overlap the window', () => {
    const index = new AdjacencyIndex();
    index.add({ id: 'r1', type: 'MET_AT', sourceId: 'a', targetId: 'b', status: 'occurred', dateStart: '2018-07-01', dateEnd: '2018-07-31' });
    index.add({ id: 'r2', type: 'CALLED', sourceId: 'a', targetId: 'b', status: 'occurred', dateStart: null, dateEnd: null });
    index.add({ id: 'r3', type: 'CALLED', sourceId: 'a', targetId: 'b', status: 'occurred', dateStart: '2025-03-18', dateEnd: '2025-03-18' });
    const ids = (since: string | null, until: string | null) =>
      index.paths({ fromId: 'a', toId: 'b', maxHops: 1, first: 10, since, until }).map((p) => p.relationIds[0]);
    expect(ids(null, null)).toEqual(['r1', 'r2', 'r3']);
    expect(ids('2018-07-15', null)).toEqual(['r1', 'r3']);
    expect(ids(null, '2018-06-30')).toEqual([]);
    expect(ids('2019-01-01', '2025-12-31')).toEqual(['r3']);
  });
});
