// The Neo4j store's Cypher as text: every statement is snapshotted (a change to a query shows up in review as a
// diff), and the rules that keep input out of Cypher are checked. No database needed.
import { describe, expect, it } from 'vitest';
import { RELATION_TYPES } from '../../src/domain/model.js';
import {
  contactCountsStatement,
  CYPHER,
  degreeRankingStatement,
  GROUP_WRITE,
  hopBound,
  neighborhoodReachStatement,
  neighborhoodRelationsStatement,
  pathsOfLengthStatement,
  type PathFilters,
  RELATION_ENDS,
  relationMergeStatement,
  relationReattachStatement,
  RELATIONS_MOVED_BY,
  relationsCountStatement,
  relationsPageStatement,
  relationTypeAlternation,
  searchEntitiesStatements,
  shortestLengthStatement,
  shortestPathOnceStatement,
  shortestPathStatement,
  type RelationListFilters,
} from '../../src/store/neo4j/cypher.js';
import { SCHEMA_STATEMENTS } from '../../src/store/neo4j/schema.js';
import { MAX_PATH_HOPS } from '../../src/store/graph-store.js';

const NO_FILTERS: RelationListFilters = {
  types: null, statuses: false, entityId: false, counterpartId: false, sourceId: false, targetId: false, placeId: false,
  countryId: false, articleId: false, minConfidence: false, since: false, until: false,
};
const NO_WINDOW: PathFilters = { statuses: false, since: false, until: false };
const WINDOW: PathFilters = { statuses: true, since: true, until: true };
const ALL_FILTERS: RelationListFilters = {
  types: ['CALLED', 'MET_AT'], statuses: true, entityId: true, counterpartId: true, sourceId: true, targetId: true, placeId: true,
  countryId: true, articleId: true, minConfidence: true, since: true, until: true,
};

/** Every statement the store can run, by name, with representative arguments for the builders. */
function allStatements(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, text] of Object.entries(CYPHER)) out[name] = text;
  out['group.write'] = GROUP_WRITE;
  out['relation.merge.MET_AT'] = relationMergeStatement('MET_AT');
  out['relation.reattach.STATED'] = relationReattachStatement('STATED');
  out['relation.ends'] = RELATION_ENDS;
  out['relation.movedBy'] = RELATIONS_MOVED_BY;
  out['relations.count (no filters)'] = relationsCountStatement(NO_FILTERS);
  out['relations.page (no filters)'] = relationsPageStatement(NO_FILTERS);
  out['relations.count (all filters)'] = relationsCountStatement(ALL_FILTERS);
  out['relations.page (all filters)'] = relationsPageStatement(ALL_FILTERS);
  out['paths.length (6 hops)'] = shortestLengthStatement(null, 6, NO_WINDOW, false, MAX_PATH_HOPS);
  out['paths.length (window, time-respecting, CALLED, 4 hops)'] = shortestLengthStatement(['CALLED'], 4, WINDOW, true, MAX_PATH_HOPS);
  out['paths.ofLength (3 hops)'] = pathsOfLengthStatement(null, 3, NO_WINDOW, false, MAX_PATH_HOPS);
  out['paths.ofLength (window, time-respecting, CALLED, 2 hops)'] = pathsOfLengthStatement(['CALLED'], 2, WINDOW, true, MAX_PATH_HOPS);
  out['paths.shortest (length 1)'] = shortestPathStatement(null, 1, NO_WINDOW, MAX_PATH_HOPS);
  out['paths.shortest (window, MET_AT, length 3)'] = shortestPathStatement(['MET_AT'], 3, WINDOW, MAX_PATH_HOPS);
  out['paths.shortestOnce (4 hops)'] = shortestPathOnceStatement(null, 4, NO_WINDOW, MAX_PATH_HOPS);
  out['paths.shortestOnce (window, MET_AT, 2 hops)'] = shortestPathOnceStatement(['MET_AT'], 2, WINDOW, MAX_PATH_HOPS);
  out['neighborhood.reach (2 hops)'] = neighborhoodReachStatement(null, 2, 3);
  out['neighborhood.relations (MET_AT)'] = neighborhoodRelationsStatement(['MET_AT']);
  out['degree.ranking'] = degreeRankingStatement(null);
  out['contacts.count (CALLED)'] = contactCountsStatement(['CALLED']);
  const search = searchEntitiesStatements(true);
  const browse = searchEntitiesStatements(false);
  out['entities.search.count'] = search.count;
  out['entities.search.page'] = search.page;
  out['entities.browse.count'] = browse.count;
  out['entities.browse.page'] = browse.page;
  SCHEMA_STATEMENTS.forEach((s, i) => (out[`schema.${String(i).padStart(2, '0')}`] = s));
  return out;
}

describe('Neo4j store Cypher', () => {
  it('matches the reviewed statement texts', () => {
    expect(allStatements()).toMatchSnapshot();
  });

  it('passes every value as a parameter: no quotes around anything but fixed words', () => {
    for (const [name, text] of Object.entries(allStatements())) {
      // String literals allowed in statements: entity types, the newline separator, and nothing from input.
      const literals = [...text.matchAll(/'([^']*)'/g)].map((m) => m[1]);
      for (const l of literals) expect(['PERSON', 'COUNTRY', 'ORGANIZATION', 'PLACE', '\\n'], `${name}: '${l}'`).toContain(l);
    }
  });

  it('never writes an unbounded variable-length pattern', () => {
    for (const [name, text] of Object.entries(allStatements())) {
      expect(text, name).not.toMatch(/\]-?>?\s*\*/); // legacy [*] var-length
      expect(text, name).not.toMatch(/\*\s*\]/);
      expect(text, name).not.toMatch(/[+*]\s*\(/); // quantified path pattern with + or *
      for (const m of text.matchAll(/\*(\d*)\.\.(\d*)\]/g)) {
        expect(m[2], `${name}: var-length upper bound`).not.toBe('');
        expect(Number(m[2]), `${name}: var-length upper bound`).toBeLessThanOrEqual(MAX_PATH_HOPS);
      }
      for (const m of text.matchAll(/\{(\d*),(\d*)\}/g)) {
        expect(m[1], `${name}: lower bound`).not.toBe('');
        expect(m[2], `${name}: upper bound`).not.toBe('');
        expect(Number(m[2]), `${name}: upper bound`).toBeLessThanOrEqual(MAX_PATH_HOPS);
      }
    }
  });

  it('takes relationship types only from the allow-list', () => {
    expect(relationTypeAlternation(null)).toBe(RELATION_TYPES.join('|'));
    expect(relationTypeAlternation([])).toBe(RELATION_TYPES.join('|'));
    expect(relationTypeAlternation(['STATED', 'MET_AT', 'STATED'])).toBe('MET_AT|STATED');
    const hostile = ['MET_AT]-() DETACH DELETE n //', 'met_at', 'FROM', 'MENTIONS', ''];
    for (const t of hostile) {
      expect(() => relationTypeAlternation([t])).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
      expect(() => relationMergeStatement(t as never)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
      expect(() => pathsOfLengthStatement([t as never], 2, NO_WINDOW, false, MAX_PATH_HOPS)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
      expect(() => shortestLengthStatement([t as never], 2, NO_WINDOW, false, MAX_PATH_HOPS)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
      expect(() => shortestPathOnceStatement([t as never], 2, NO_WINDOW, MAX_PATH_HOPS)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    }
  });

  it('splices only validated small integers as hop bounds', () => {
    expect(hopBound(6, MAX_PATH_HOPS)).toBe(6);
    for (const bad of [7, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) {
      expect(() => hopBound(bad, MAX_PATH_HOPS)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
      expect(() => pathsOfLengthStatement(null, bad, NO_WINDOW, false, MAX_PATH_HOPS)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
      expect(() => shortestLengthStatement(null, bad, NO_WINDOW, false, MAX_PATH_HOPS)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
      expect(() => shortestPathStatement(null, bad, NO_WINDOW, MAX_PATH_HOPS)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
      expect(() => shortestPathOnceStatement(null, bad, NO_WINDOW, MAX_PATH_HOPS)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    }
    expect(shortestLengthStatement(null, 4, NO_WINDOW, false, MAX_PATH_HOPS)).toContain('*1..4]-(b))');
    expect(shortestPathStatement(['CALLED'], 4, NO_WINDOW, MAX_PATH_HOPS)).toContain('shortestPath((m)-[xs:CALLED*1..3]-(b))');
    expect(pathsOfLengthStatement(['CALLED'], 4, NO_WINDOW, false, MAX_PATH_HOPS).match(/CALL \(/g)).toHaveLength(4);
  });

  it('declares a uniqueness constraint for every MERGE key, relation types included', () => {
    const schema = SCHEMA_STATEMENTS.join('\n');
    for (const label of ['Entity', 'Article', 'Evidence', 'EntityMerge']) {
      expect(schema).toContain(`FOR (n:${label}) REQUIRE n.id IS UNIQUE`);
    }
    for (const t of RELATION_TYPES) expect(schema).toContain(`FOR ()-[r:${t}]-() REQUIRE r.id IS UNIQUE`);
    for (const s of SCHEMA_STATEMENTS) expect(s).toMatch(/IF NOT EXISTS/);
  });
});
