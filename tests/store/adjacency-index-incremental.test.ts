// Relations added to a sealed adjacency index (the SQLite store adds its own writes after each commit) are merged
// into it; every answer must equal that of an index built from all relations at once (fast-check).
import fc from 'fast-check';
import '../helpers/fast-check-seed.js';
import { describe, expect, it } from 'vitest';
import { AdjacencyIndex, type IndexedRelation } from '../../src/store/internal/adjacency-index.js';
import { RELATION_STATUSES, RELATION_TYPES } from '../../src/domain/model.js';

// Few nodes and many relations: degrees pass the threshold above which searches use the neighbour-ordered slices.
const NODES = ['a', 'b', 'c', 'd', 'e'];
const node = fc.constantFrom(...NODES);
const edgeArb = fc.record({
  // Ids in random order, so added relations land anywhere in the id order.
  id: fc.integer({ min: 0, max: 9999 }).map((n) => `r-${String(n).padStart(4, '0')}`),
  sourceId: node,
  targetId: node,
  type: fc.constantFrom(...RELATION_TYPES.slice(0, 3)),
  status: fc.constantFrom(...RELATION_STATUSES.slice(0, 2)),
  dateStart: fc.option(fc.constantFrom('2017-01-01', '2018-07-01', '2025-03-18', '2026-01-01'), { nil: null }),
});

function answers(index: AdjacencyIndex) {
  const out: unknown[] = [];
  for (const fromId of NODES) {
    out.push(index.neighborhood({ entityId: fromId, depth: 2, maxNodes: 50 }));
    for (const toId of NODES) {
      if (fromId === toId) continue;
      out.push(index.paths({ fromId, toId, maxHops: 3, first: 20 }));
      out.push(index.paths({ fromId, toId, maxHops: 3, first: 5, relationTypes: ['MET_AT'], since: '2018-01-01' }));
      out.push(index.shortestPath({ fromId, toId, maxHops: 4 }));
    }
  }
  return out;
}

describe('adjacency index kept in step', () => {
  it('answers after adds to a sealed index as an index built at once', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(edgeArb, { selector: (e) => e.id, minLength: 100, maxLength: 160 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 6 }),
        (raw, rounds) => {
          const edges: IndexedRelation[] = raw.map((r) => ({ ...r, dateEnd: r.dateStart }));
          const steps = rounds.reduce((n, r) => n + r, 0);
          const firstRound = Math.max(1, edges.length - steps);
          const grown = new AdjacencyIndex();
          edges.slice(0, firstRound).forEach((e) => grown.add(e));
          answers(grown);
          let at = firstRound;
          for (const r of rounds) {
            edges.slice(at, at + r).forEach((e) => grown.add(e));
            at += r;
            answers(grown);
          }
          const once = new AdjacencyIndex();
          edges.forEach((e) => once.add(e));
          expect(answers(grown)).toEqual(answers(once));
        },
      ),
      { numRuns: 60 },
    );
  });
});
