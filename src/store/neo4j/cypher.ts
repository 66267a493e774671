// Every Cypher statement the Neo4j store runs, in one place, each under a name (the key in `CYPHER` or the
// builder's name). Values always travel as parameters. The only text spliced into a statement comes from the
// allow-lists in domain/model.ts (relationship types, entity labels) or is a validated small integer (hop bounds),
// so no input string ever becomes Cypher.
import { DiplographError, ErrorCode } from '../../domain/errors.js';
import { RELATION_TYPES, type EntityType, type RelationType } from '../../domain/model.js';
import type { RelationFilter } from '../graph-store.js';

/** Node labels per entity type (Bloom/Browser style), from the ENTITY_TYPES allow-list. */
export const ENTITY_LABELS: Readonly<Record<EntityType, string>> = {
  PERSON: 'Person',
  COUNTRY: 'Country',
  ORGANIZATION: 'Organization',
  PLACE: 'Place',
};

const RELATION_TYPE_SET: ReadonlySet<string> = new Set(RELATION_TYPES);

/** Relationship-type alternation (`MET_AT|CALLED`) from the allow-list; null or empty means every relation type. */
export function relationTypeAlternation(types?: readonly string[] | null): string {
  if (!types || types.length === 0) return RELATION_TYPES.join('|');
  const unique = [...new Set(types)];
  for (const t of unique) {
    if (!RELATION_TYPE_SET.has(t)) {
      throw new DiplographError(ErrorCode.BAD_USER_INPUT, `unknown relation type ${JSON.stringify(t)} (use one of ${RELATION_TYPES.join(', ')})`);
    }
  }
  // Allow-list order, so the same set of types always gives the same statement text.
  return RELATION_TYPES.filter((t) => unique.includes(t)).join('|');
}

/** One relationship type, checked against the allow-list. */
export function relationType(type: string): RelationType {
  if (!RELATION_TYPE_SET.has(type)) throw new DiplographError(ErrorCode.BAD_USER_INPUT, `unknown relation type ${JSON.stringify(type)}`);
  return type as RelationType;
}

/** A bound for a quantifier (`{1,n}`): must be a non-negative safe integer no larger than `max`. */
export function hopBound(value: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) {
    throw new DiplographError(ErrorCode.BAD_USER_INPUT, `hop bound must be an integer 0–${max}, got ${value}`);
  }
  return value;
}

const ALL_TYPES = RELATION_TYPES.join('|');

/** Relation-window predicate on `r` (types are in the pattern): status list, and overlap with [since, until]. */
const HOP_FILTER = `($statuses IS NULL OR r.status IN $statuses)
  AND ($since IS NULL OR r.dateEnd >= $since)
  AND ($until IS NULL OR r.dateStart <= $until)`;

/** A relation as a plain map, evidence included (ordered by article id, start, end, id). Needs `r` bound. */
const RELATION_MAP = `r {
    .id, .date, .status, .placeId, .quote, .confidence, .role, .cameo, .plover,
    type: type(r),
    sourceId: startNode(r).id,
    targetId: CASE WHEN r.hasTarget THEN endNode(r).id ELSE null END,
    evidence: COLLECT {
      MATCH (x:Evidence {relationId: r.id})
      WITH x ORDER BY x.articleId, x.start, x.end, x.id
      RETURN x { .id, .relationId, .articleId, .sentence, .start, .end, .extractorVersion }
    }
  }`;

const ENTITY_MAP = 'e { .id, .name, .type, .wikidata, .aliases }';

const ARTICLE_MAP = 'a { .id, .title, .text, .url, .published, .lang, .externalId, .tags, .origin }';

/** Entity relation count for the findEntity tie-break: each relation once, with or without a target. */
const DEGREE = `CALL (e) { MATCH (e)-[r:${ALL_TYPES}]-() RETURN count(DISTINCT r) AS degree }`;

/**
 * entities.merge: creates missing entities (first name, type and Wikidata id win) with labels from the type
 * allow-list. Returns the ids created, the nodes in row order (`ends`: relation and mention rows refer to them by
 * position, which saves an index seek per relation end and per mention), and the rows that bring a surface form
 * the entity lacks (entities.aliases adds them). Most rows bring none: their nodes are neither locked nor written.
 */
const ENTITIES_MERGE = `UNWIND $rows.entities AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e.name = row.name, e.type = row.type, e.wikidata = row.wikidata, e.nameKey = row.nameKey,
  e.aliases = [], e.keys = [row.nameKey], e.searchText = '\\n' + row.nameKey + '\\n', e.createdNow = true
WITH e, row, e.createdNow IS NOT NULL AS created
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | REMOVE e.createdNow)
FOREACH (_ IN CASE WHEN created AND e.type = 'PERSON' THEN [1] ELSE [] END | SET e:${ENTITY_LABELS.PERSON})
FOREACH (_ IN CASE WHEN created AND e.type = 'COUNTRY' THEN [1] ELSE [] END | SET e:${ENTITY_LABELS.COUNTRY})
FOREACH (_ IN CASE WHEN created AND e.type = 'ORGANIZATION' THEN [1] ELSE [] END | SET e:${ENTITY_LABELS.ORGANIZATION})
FOREACH (_ IN CASE WHEN created AND e.type = 'PLACE' THEN [1] ELSE [] END | SET e:${ENTITY_LABELS.PLACE})
RETURN collect(CASE WHEN created THEN e.id END) AS entitiesCreated, collect(e) AS merged,
  collect(CASE WHEN any(f IN row.forms WHERE f.alias <> e.name AND NOT f.alias IN e.aliases) THEN row END) AS aliasRows`;

/**
 * entities.aliases: for the rows that brought a new surface form, write-locks the node before reading its aliases
 * again (so the union cannot lose a concurrent update), and unions the forms into the aliases (all but the stored
 * name) and their normalised keys; `searchText` is the keys joined by newlines, so a TEXT index serves substring
 * and exact-key lookups. (A form seen as present without the lock may only be taken away by a split running at the
 * same time, which then simply comes after this write.)
 */
const ENTITIES_ALIASES = `UNWIND aliasRows AS row
MATCH (e:Entity {id: row.id})
SET e.writeLock = true
REMOVE e.writeLock
WITH e, [f IN row.forms WHERE f.alias <> e.name AND NOT f.alias IN e.aliases] AS added
WITH e, added,
  e.keys + [k IN reduce(acc = [], f IN added | CASE WHEN f.key IN acc THEN acc ELSE acc + f.key END) WHERE NOT k IN e.keys] AS keys
FOREACH (_ IN CASE WHEN size(added) > 0 THEN [1] ELSE [] END |
  SET e.aliases = e.aliases + [f IN added | f.alias], e.keys = keys, e.searchText = reduce(s = '\\n', k IN keys | s + k + '\\n'))`;

/**
 * entities.refs: the stored entities that relations of an article written alone rely on (looked up, never
 * created); a missing one stays null in its position, so its relations find no end and the write fails.
 */
const ENTITY_REFS = `UNWIND $rows.refs AS id
OPTIONAL MATCH (e:Entity {id: id})
RETURN collect([e]) AS refs`;

/**
 * evidence.merge: one node per mention, linked to its article (one seek per article, not per row); returns the
 * article id of each one created. A node created here has no link yet (CREATE); one that was there keeps its link
 * (MERGE).
 */
const EVIDENCE_MERGE = `UNWIND $rows.articles AS art
MATCH (a:Article {id: art.id})
UNWIND art.evidence AS ev
MERGE (x:Evidence {id: ev.id})
ON CREATE SET x.relationId = ev.relationId, x.articleId = art.id, x.sentence = ev.sentence,
  x.start = toInteger(ev.start), x.end = toInteger(ev.end), x.extractorVersion = art.extractorVersion, x.createdNow = true
WITH a, x, x.createdNow IS NOT NULL AS created
REMOVE x.createdNow
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | CREATE (x)-[:FROM]->(a))
FOREACH (_ IN CASE WHEN created THEN [] ELSE [1] END | MERGE (x)-[:FROM]->(a))
WITH x WHERE created
RETURN collect(x.articleId) AS evidenceCreated`;

/**
 * articles.mentions: which entities each article names (for deleteArticle's "no other article mentions it"), by
 * position in `ends`. The articles were created by this transaction, so none has a MENTIONS yet: CREATE, not
 * MERGE, which would scan the article's growing list of mentions for every row.
 */
const ARTICLES_MENTIONS = `UNWIND $rows.articles AS art
MATCH (a:Article {id: art.id})
UNWIND art.mentions AS i
WITH a, ends[toInteger(i)] AS e
CREATE (a)-[:MENTIONS]->(e)`;

/** A statement as the body of a CALL subquery that imports `vars`. */
const subquery = (body: string, vars = ''): string => `CALL (${vars}) {\n  ${body.replace(/\n/g, '\n  ')}\n}`;

/** Fixed statements, by name. */
export const CYPHER = {
  // ---- probes ----
  /** ping: a round trip to the configured database. */
  ping: 'RETURN 1 AS one',

  // ---- writes (one managed write transaction per group of articles; one UNWIND per kind of row) ----
  // A row created by MERGE is told apart from one that was there with a marker property set ON CREATE and
  // removed in the same statement (it is never committed): per-row created flags stay exact under concurrent
  // writers, where a look-up before the write would not.

  /** articles.merge: creates the articles that do not exist; returns the ids created (the others are duplicates). */
  articlesMerge: `CYPHER replan=skip
UNWIND $articles AS row
MERGE (a:Article {id: row.article.id})
ON CREATE SET a += row.article, a.extractorVersion = row.extractorVersion, a.ingestedAt = $ingestedAt, a.createdNow = true
WITH a, a.createdNow IS NOT NULL AS created
REMOVE a.createdNow
WITH a WHERE created
RETURN collect(a.id) AS created`,

  /** merge.redirects: entity ids merged away (not undone) and where they now live. */
  mergeRedirects: `CYPHER replan=skip
UNWIND $ids AS id
MATCH (m:EntityMerge {mergedId: id})
WHERE m.undoneAt IS NULL
RETURN m.mergedId AS mergedId, m.keptId AS keptId`,

  // ---- reads ----
  /** counts: what the store holds. */
  counts: `CALL () { MATCH (a:Article) RETURN count(a) AS articles }
CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
CALL () { MATCH ()-[r:${ALL_TYPES}]->() RETURN count(r) AS relations }
CALL () { MATCH (x:Evidence) RETURN count(x) AS evidence }
RETURN articles, entities, relations, evidence`,

  /** article.exists */
  articleExists: 'MATCH (a:Article {id: $id}) RETURN count(a) > 0 AS found',

  /** articles.byIds */
  articlesByIds: `UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN ${ARTICLE_MAP} AS article`,

  /** articles.count */
  articlesCount: 'MATCH (a:Article) RETURN count(a) AS total',

  /** articles.page: newest publication date first, undated last, then id. */
  articlesPage: `MATCH (a:Article)
WITH a ORDER BY a.published IS NULL, a.published DESC, a.id
SKIP $offset LIMIT $first
RETURN ${ARTICLE_MAP} AS article`,

  /** article.entities: what an article mentions, by id. */
  articleEntities: `MATCH (:Article {id: $articleId})-[:MENTIONS]->(e:Entity)
WITH e ORDER BY e.id
RETURN ${ENTITY_MAP} AS entity`,

  // ---- integrity (checkIntegrity; each at most $limit ids, smallest first) ----
  /** integrity.relationsWithoutEvidence */
  integrityRelationsWithoutEvidence: `MATCH ()-[r:${ALL_TYPES}]->()
WHERE NOT EXISTS { MATCH (x:Evidence {relationId: r.id}) }
RETURN r.id AS id ORDER BY id LIMIT $limit`,

  /** integrity.evidenceWithoutArticle */
  integrityEvidenceWithoutArticle: `MATCH (x:Evidence)
WHERE NOT EXISTS { MATCH (a:Article {id: x.articleId}) }
RETURN x.id AS id ORDER BY id LIMIT $limit`,

  /** integrity.evidenceOfArticles: a page of articles with their evidence, for the offset check in TypeScript. */
  integrityEvidenceOfArticles: `MATCH (a:Article)
WITH a ORDER BY a.id SKIP $offset LIMIT $pageSize
CALL (a) {
  MATCH (x:Evidence {articleId: a.id})
  WITH x ORDER BY x.id
  RETURN collect(x { .id, .sentence, .start, .end }) AS evidence
}
RETURN a.text AS text, evidence`,

  /** integrity.relationsWithMissingEntity: an end that is not an entity (any more), or a place that is not stored. */
  integrityRelationsWithMissingEntity: `MATCH (s)-[r:${ALL_TYPES}]->(t)
WHERE NOT s:Entity OR NOT t:Entity OR (r.placeId IS NOT NULL AND NOT EXISTS { MATCH (p:Entity {id: r.placeId}) })
RETURN r.id AS id ORDER BY id LIMIT $limit`,

  /** entities.byIds */
  entitiesByIds: `UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN ${ENTITY_MAP} AS entity`,

  /** entity.byId: findEntity tier 0, the exact id. */
  entityById: `MATCH (e:Entity {id: $id}) RETURN ${ENTITY_MAP} AS entity`,

  /** entity.byWikidata: findEntity tier 1; most relations, then smallest id. */
  entityByWikidata: `MATCH (e:Entity {wikidata: $wikidata})
${DEGREE}
WITH e, degree ORDER BY degree DESC, e.id LIMIT 1
RETURN ${ENTITY_MAP} AS entity`,

  /** entity.byName: findEntity tier 2, normalised canonical name. */
  entityByName: `MATCH (e:Entity {nameKey: $key})
${DEGREE}
WITH e, degree ORDER BY degree DESC, e.id LIMIT 1
RETURN ${ENTITY_MAP} AS entity`,

  /** entity.byAlias: findEntity tier 3, a normalised alias ($needle is the key between newlines: an exact key). */
  entityByAlias: `MATCH (e:Entity)
WHERE e.searchText CONTAINS $needle AND $key IN e.keys
${DEGREE}
WITH e, degree ORDER BY degree DESC, e.id LIMIT 1
RETURN ${ENTITY_MAP} AS entity`,

  /** relations.byIds: relations with their evidence; a type union of unique-index seeks. */
  relationsByIds: `UNWIND $ids AS id
MATCH (:Entity)-[r:${ALL_TYPES} {id: id}]->(:Entity)
RETURN ${RELATION_MAP} AS relation`,

  // ---- merges ----
  /** merge.entityPair: both ends of a merge, as stored. */
  mergeEntityPair: `MATCH (k:Entity {id: $keepId}), (m:Entity {id: $mergeId})
RETURN k { .id, .name, .type, .wikidata, .aliases } AS kept, m { .id, .name, .type, .wikidata, .aliases } AS merged`,

  /** merge.create: the record (the merged entity as it was, as JSON, so split can restore it exactly). */
  mergeCreate: `CREATE (m:EntityMerge {id: $id, keptId: $keptId, mergedId: $mergedId, merged: $merged, createdAt: $createdAt,
  undoneAt: null, addedAliases: $addedAliases})`,

  /** merge.setAliases: replaces an entity's aliases and keys (computed in TypeScript with normalizeName). */
  entitySetAliases: `MATCH (e:Entity {id: $id})
SET e.aliases = $aliases, e.keys = $keys, e.searchText = reduce(s = '\\n', k IN $keys | s + k + '\\n')`,

  /** merge.retire: the merged node leaves the Entity label set but keeps its properties and mentions for a split. */
  mergeRetire: `MATCH (m:Entity {id: $mergeId})
REMOVE m:Entity:${ENTITY_LABELS.PERSON}:${ENTITY_LABELS.COUNTRY}:${ENTITY_LABELS.ORGANIZATION}:${ENTITY_LABELS.PLACE}
SET m:MergedEntity, m.mergedInto = $keepId, m.mergeRecordId = $recordId`,

  /**
   * merge.moveMentions: the kept entity is mentioned where the merged one was. The merged node keeps its own
   * mentions (invisible while it is not an :Entity), so a split brings them back; the kept one keeps the copies.
   */
  mergeMoveMentions: `MATCH (a:Article)-[:MENTIONS]->(:MergedEntity {id: $mergeId})
MATCH (k:Entity {id: $keepId})
MERGE (a)-[:MENTIONS]->(k)`,

  /** merge.movePlaces: relations placed at the merged entity are placed at the kept one. */
  mergeMovePlaces: `MATCH ()-[r:${ALL_TYPES}]->()
WHERE r.placeId = $mergeId
SET r.placeId = $keepId, r.movedPlace = $recordId`,

  /** merge.byId */
  mergeById: `MATCH (m:EntityMerge {id: $id})
RETURN m { .id, .keptId, .mergedId, .merged, .createdAt, .undoneAt, .addedAliases } AS record`,

  /** merge.list: oldest first, then id. */
  mergeList: `MATCH (m:EntityMerge)
RETURN m { .id, .keptId, .mergedId, .merged, .createdAt, .undoneAt, .addedAliases } AS record
ORDER BY m.createdAt, m.id`,

  /** split.restore: the merged node becomes an entity again, with its type label. */
  splitRestore: `MATCH (m:MergedEntity {id: $mergeId, mergeRecordId: $recordId})
REMOVE m:MergedEntity, m.mergedInto, m.mergeRecordId
SET m:Entity
FOREACH (_ IN CASE WHEN m.type = 'PERSON' THEN [1] ELSE [] END | SET m:${ENTITY_LABELS.PERSON})
FOREACH (_ IN CASE WHEN m.type = 'COUNTRY' THEN [1] ELSE [] END | SET m:${ENTITY_LABELS.COUNTRY})
FOREACH (_ IN CASE WHEN m.type = 'ORGANIZATION' THEN [1] ELSE [] END | SET m:${ENTITY_LABELS.ORGANIZATION})
FOREACH (_ IN CASE WHEN m.type = 'PLACE' THEN [1] ELSE [] END | SET m:${ENTITY_LABELS.PLACE})
RETURN count(m) AS restored`,

  /** split.places: places moved by the merge go back. */
  splitPlaces: `MATCH ()-[r:${ALL_TYPES}]->()
WHERE r.movedPlace = $recordId
SET r.placeId = $mergeId
REMOVE r.movedPlace`,

  /** split.finish */
  splitFinish: `MATCH (m:EntityMerge {id: $id})
SET m.undoneAt = $undoneAt`,

  // ---- deletes ----
  /** delete.article: evidence first; returns the relations that lost evidence and the entities it mentioned. */
  deleteArticleEvidence: `MATCH (a:Article {id: $id})
OPTIONAL MATCH (x:Evidence)-[:FROM]->(a)
WITH a, collect(x) AS evidence, collect(DISTINCT x.relationId) AS relationIds
CALL (a) { OPTIONAL MATCH (a)-[:MENTIONS]->(e:Entity) RETURN collect(e.id) AS entityIds }
FOREACH (x IN evidence | DETACH DELETE x)
DETACH DELETE a
RETURN size(evidence) AS evidenceRemoved, relationIds, entityIds`,

  /** delete.orphanRelations: relations no evidence supports any more. */
  deleteOrphanRelations: `UNWIND $ids AS id
MATCH ()-[r:${ALL_TYPES} {id: id}]->()
WHERE NOT EXISTS { MATCH (x:Evidence {relationId: id}) }
DELETE r
RETURN count(r) AS removed`,

  /** delete.orphanEntities: entities no article mentions and no relation uses (as end or place). */
  deleteOrphanEntities: `UNWIND $ids AS id
MATCH (e:Entity {id: id})
WHERE NOT EXISTS { (e)<-[:MENTIONS]-(:Article) }
  AND NOT EXISTS { (e)-[:${ALL_TYPES}]-() }
  AND NOT EXISTS { MATCH ()-[r:${ALL_TYPES}]->() WHERE r.placeId = id }
DETACH DELETE e
RETURN count(*) AS removed`,
} as const;

export type CypherName = keyof typeof CYPHER;

// ---- statements built from allow-listed parts ------------------------------------------------------

/**
 * relation.merge.<TYPE>: one relationship per relation id, between `ends[row.s]` and `ends[row.t]` (positions in
 * the entity rows, see GROUP_WRITE). Undirected MERGE finds the stored relationship by the relation id's unique
 * index, in either direction (symmetric relations from two articles may name their ends the other way round), and
 * locks both end nodes, so concurrent writers never create two. A relation without a target is a self-loop on its
 * source with `hasTarget: false`. A repeated relation keeps its first properties but its highest confidence.
 * Returns how many rows found both ends, and the ids created.
 */
export function relationMergeStatement(type: RelationType): string {
  const t = relationType(type);
  return `UNWIND $rows.${t} AS row
WITH row, ends[toInteger(row.s)] AS s, ends[toInteger(row.t)] AS t
WHERE s IS NOT NULL AND t IS NOT NULL
MERGE (s)-[r:${t} {id: row.id}]-(t)
ON CREATE SET r += row.props, r.createdNow = true
ON MATCH SET r.confidence = CASE WHEN r.confidence < row.props.confidence THEN row.props.confidence ELSE r.confidence END
WITH r, r.createdNow IS NOT NULL AS created
REMOVE r.createdNow
RETURN count(r) AS ${t}_written, collect(CASE WHEN created THEN r.id END) AS ${t}_created`;
}

/**
 * group.write: every row of a transaction's new articles in one round trip, in the order the rows need each
 * other: entities, their new aliases (and the stored entities some relations rely on), relations of each type,
 * evidence, mentions.
 * Relation ends and mentions are positions in `ends` (the merged entity nodes in row order, then the looked-up
 * ones); `endsAligned` confirms that `collect` kept row order, and the store refuses the write otherwise. The rows
 * travel in one map, `$rows` (entities, refs, MET_AT, CALLED, …, articles; a list each, empty or not): the plan
 * cache keys on parameter types, and an empty list parameter has another type than a full one, so separate
 * parameters would re-plan it often. Returns the entity ids created, how many relation rows found both ends, the
 * relation ids created and the article id of each evidence node created. Plans stay as first made: they seek on
 * unique ids whatever the statistics say, so the graph growing under an ingest only costs time to re-plan.
 */
export const GROUP_WRITE = `CYPHER replan=skip
${subquery(ENTITIES_MERGE)}
${subquery(ENTITIES_ALIASES, 'aliasRows')}
${subquery(ENTITY_REFS)}
WITH entitiesCreated, merged + [x IN refs | x[0]] AS ends,
  all(i IN range(0, size(merged) - 1) WHERE merged[i].id = $rows.entities[i].id) AS endsAligned
${RELATION_TYPES.map((t) => subquery(relationMergeStatement(t), 'ends')).join('\n')}
${subquery(EVIDENCE_MERGE)}
${subquery(ARTICLES_MENTIONS, 'ends')}
RETURN entitiesCreated, endsAligned,
  ${RELATION_TYPES.map((t) => `${t}_written`).join(' + ')} AS relationsWritten,
  ${RELATION_TYPES.map((t) => `${t}_created`).join(' + ')} AS relationsCreated,
  evidenceCreated`;

/**
 * relation.reattach.<TYPE>: moves relations of one type to new ends (merge and split). A relationship cannot
 * change its nodes, so it is deleted and created again with the same properties; `$rows` holds the new ends and
 * the properties to set or clear.
 */
export function relationReattachStatement(type: RelationType): string {
  const t = relationType(type);
  return `UNWIND $rows AS row
MATCH ()-[old:${t} {id: row.id}]->()
MATCH (s:Entity {id: row.sourceId})
MATCH (e:Entity {id: row.endId})
WITH old, s, e, row, properties(old) AS props
DELETE old
CREATE (s)-[r:${t}]->(e)
SET r = props
SET r += row.set
RETURN count(r) AS moved`;
}

/** relation.ends: relations touching an entity, with their stored ends. */
export const RELATION_ENDS = `MATCH (n:Entity {id: $entityId})-[r:${ALL_TYPES}]-()
RETURN DISTINCT r.id AS id, type(r) AS type, startNode(r).id AS sourceId, endNode(r).id AS endId,
  r.movedSource AS movedSource, r.movedTarget AS movedTarget`;

/** relation.movedBy: relations whose ends a merge record moved. */
export const RELATIONS_MOVED_BY = `MATCH ()-[r:${ALL_TYPES}]->()
WHERE r.movedSource = $recordId OR r.movedTarget = $recordId
RETURN r.id AS id, type(r) AS type, startNode(r).id AS sourceId, endNode(r).id AS endId,
  r.movedSource AS movedSource, r.movedTarget AS movedTarget`;

export interface RelationListFilters {
  types?: readonly RelationType[] | null;
  statuses: boolean;
  entityId: boolean;
  counterpartId: boolean;
  sourceId: boolean;
  targetId: boolean;
  placeId: boolean;
  countryId: boolean;
  articleId: boolean;
  minConfidence: boolean;
  since: boolean;
  until: boolean;
}

/** Which filters a listRelations call sets (its statements depend on those, never on the values). */
export function relationListFlags(f: RelationFilter): RelationListFilters {
  return {
    types: f.types?.length ? f.types : null,
    statuses: Boolean(f.statuses?.length),
    entityId: Boolean(f.entityId),
    counterpartId: Boolean(f.counterpartId),
    sourceId: Boolean(f.sourceId),
    targetId: Boolean(f.targetId),
    placeId: Boolean(f.placeId),
    countryId: Boolean(f.countryId),
    articleId: Boolean(f.articleId),
    minConfidence: f.minConfidence != null,
    since: Boolean(f.since),
    until: Boolean(f.until),
  };
}

function relationWhere(f: RelationListFilters): string {
  const clauses: string[] = [];
  if (f.statuses) clauses.push('r.status IN $statuses');
  // Each an end of the relation; both together select a pair's relations.
  if (f.entityId) clauses.push('(s.id = $entityId OR (r.hasTarget AND t.id = $entityId))');
  if (f.counterpartId) clauses.push('(s.id = $counterpartId OR (r.hasTarget AND t.id = $counterpartId))');
  if (f.sourceId) clauses.push('s.id = $sourceId');
  if (f.targetId) clauses.push('r.hasTarget AND t.id = $targetId');
  if (f.placeId) clauses.push('r.placeId = $placeId');
  if (f.countryId) clauses.push('(s.id = $countryId OR (r.hasTarget AND t.id = $countryId) OR r.placeId = $countryId)');
  if (f.minConfidence) clauses.push('r.confidence >= $minConfidence');
  if (f.since) clauses.push('r.dateEnd >= $since');
  if (f.until) clauses.push('r.dateStart <= $until');
  return clauses.length ? `\nWHERE ${clauses.join('\n  AND ')}` : '';
}

/**
 * The relations to filter. An article's relations start from its evidence (the index on articleId) and are found by
 * id (a seek per type): a filter on every relation's evidence scanned all relations for each article asked about.
 */
function relationMatch(f: RelationListFilters): string {
  const types = relationTypeAlternation(f.types);
  if (!f.articleId) return `MATCH (s:Entity)-[r:${types}]->(t:Entity)`;
  return `MATCH (x:Evidence {articleId: $articleId})
WITH DISTINCT x.relationId AS relationId
MATCH (s:Entity)-[r:${types} {id: relationId}]->(t:Entity)`;
}

/** relations.count: how many relations pass the filters. */
export function relationsCountStatement(f: RelationListFilters): string {
  return `${relationMatch(f)}${relationWhere(f)}
RETURN count(r) AS total`;
}

/** relations.page: date range start (undated last), then id. */
export function relationsPageStatement(f: RelationListFilters): string {
  return `${relationMatch(f)}${relationWhere(f)}
WITH r ORDER BY r.dateStart IS NULL, r.dateStart, r.id
SKIP $offset LIMIT $first
RETURN ${RELATION_MAP} AS relation`;
}

/** Hop predicate on `r` for neighbourhoods and rankings: a real hop (has a target) that passes the window. */
const HOP_PREDICATE = `r.hasTarget
    AND ${HOP_FILTER.replace(/\n/g, '\n  ')}`;

/** Which window filters a path query applies: each one is a property read per hop, so absent ones are left out. */
export interface PathFilters {
  statuses: boolean;
  since: boolean;
  until: boolean;
}

/**
 * What makes `v` an allowed hop of a path. Relations without a target (self-loops) need no test: a path never
 * visits an entity twice. A time-respecting path uses dated relations only.
 */
function hopConditions(v: string, f: PathFilters, timeRespecting: boolean): string[] {
  const c: string[] = [];
  if (f.statuses) c.push(`${v}.status IN $statuses`);
  if (f.since) c.push(`${v}.dateEnd >= $since`);
  if (f.until) c.push(`${v}.dateStart <= $until`);
  if (timeRespecting) c.push(`${v}.dateStart IS NOT NULL`);
  return c;
}

/** One allowed hop as a relationship pattern, `[v:TYPES WHERE …]`. */
function hopPattern(v: string, types: string, f: PathFilters, timeRespecting: boolean): string {
  const c = hopConditions(v, f, timeRespecting);
  return `[${v}:${types}${c.length ? ` WHERE ${c.join(' AND ')}` : ''}]`;
}

/** How many relations (of any type) touch `n`: read from the node's relationship counts, none is loaded. */
const degreeOf = (n: string): string => `COUNT { (${n})-[:${ALL_TYPES}]-() }`;

/**
 * `m` can reach `b` in `hops` allowed hops: a bound that every path of that many hops meets, and exact for a node
 * no nearer than `hops` (the only kind shortestPathStatement asks about). Beyond two hops, a bidirectional
 * breadth-first search for at most `hops`; shortestPath refuses equal ends, and the argument filter runs first.
 */
function reaches(m: string, b: string, hops: number, types: string, f: PathFilters, timeRespecting: boolean): string {
  if (hops === 0) return `${m} = ${b}`;
  if (hops === 1) return `EXISTS { (${m})-${hopPattern('x', types, f, timeRespecting)}-(${b}) }`;
  // Two hops: the planner expands the end and joins (Expand(Into)), much cheaper than a search per candidate.
  // A walk of exactly two hops: implied by every two-hop path, and exact for a node no nearer than two.
  if (hops === 2) return `EXISTS { (${m})-${hopPattern('x', types, f, timeRespecting)}-(:Entity)-${hopPattern('y', types, f, timeRespecting)}-(${b}) }`;
  const c = hopConditions('x', f, timeRespecting);
  return `EXISTS {
    WITH ${m}, ${b} WHERE ${m} <> ${b}
    MATCH q = shortestPath((${m})-[xs:${types}*1..${hops}]-(${b}))${c.length ? `\n    WHERE all(x IN xs WHERE ${c.join(' AND ')})` : ''}
    RETURN q
  }`;
}

/**
 * paths.length: the length of a shortest path within `maxHops` allowed hops (no row when there is none), by a
 * bidirectional breadth-first search with the hop filters inside it. A lower bound for time-respecting paths.
 */
export function shortestLengthStatement(
  types: readonly RelationType[] | null | undefined,
  maxHops: number,
  f: PathFilters,
  timeRespecting: boolean,
  maxBound: number,
): string {
  const n = hopBound(maxHops, maxBound);
  const c = hopConditions('r', f, timeRespecting);
  return `MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})
WHERE a <> b
MATCH p = shortestPath((a)-[rs:${relationTypeAlternation(types)}*1..${n}]-(b))${c.length ? `\nWHERE all(r IN rs WHERE ${c.join(' AND ')})` : ''}
RETURN length(p) AS length`;
}

/** The end of a path statement: its nodes' ids, then each relation (in path order) with its evidence. */
function pathRelations(nodes: readonly string[], relations: readonly string[]): string {
  return `WITH [${nodes.map((n) => `${n}.id`).join(', ')}] AS nodeIds, [${relations.join(', ')}] AS hops
UNWIND hops AS r
RETURN nodeIds, ${RELATION_MAP} AS relation`;
}

/** The walk of paths.shortest for a known length `L`: CALL steps binding n1…n(L-1) and r0…r(L-1) from n0 to b. */
function shortestWalk(t: string, L: number, f: PathFilters): { lines: string[]; nodes: string[] } {
  const hop = (v: string) => hopPattern(v, t, f, false);
  const nodes = ['n0'];
  const lines: string[] = [];
  for (let k = 0; k < L; k++) {
    const cur = `n${k}`;
    const next = `n${k + 1}`;
    const left = L - k - 1;
    if (left === 0) {
      lines.push(`CALL (${cur}, b) {
  MATCH (${cur})-${hop('r')}-(b)
  RETURN r AS r${k} ORDER BY r.id LIMIT 1
}`);
      continue;
    }
    const fromCur = `MATCH (${cur})-${hop('r')}-(m:Entity)
  WITH r, m, b ORDER BY r.id
  WHERE ${reaches('m', 'b', left, t, f, false)}
  RETURN r AS r${k}, m AS ${next} LIMIT 1`;
    // From b's side: the nodes one hop (left 1) or one walk of two hops (left 2) from b, joined to cur's relations.
    const fromB = (ball: string) => `MATCH ${ball}
  WITH DISTINCT ${cur}, m
  MATCH (${cur})-${hop('r')}-(m)
  RETURN r AS r${k}, m AS ${next} ORDER BY r.id LIMIT 1`;
    lines.push(
      left > 2
        ? `CALL (${cur}, b) {
  ${fromCur}
}`
        : left === 2
          ? // A hub's relations are sorted and checked one by one (hundreds of two-hop checks when the first passing
            // neighbour comes late); when the two-hop ball around b is smaller (b has few relations, counted from
            // its neighbours' relationship counts), it is built once and joined to cur instead.
            `CALL (${cur}, b) {
  WITH ${cur}, b WHERE ${degreeOf(cur)} <= ${degreeOf('b')}
  ${fromCur}
  UNION ALL
  WITH ${cur}, b WHERE ${degreeOf(cur)} > ${degreeOf('b')}
  CALL (b) {
    MATCH (b)-${hop('y')}-(z:Entity)
    RETURN sum(${degreeOf('z')}) AS ball
  }
  CALL (${cur}, b, ball) {
    WITH ${cur}, b WHERE ${degreeOf(cur)} <= ball
    ${fromCur.replace(/\n/g, '\n  ')}
    UNION ALL
    WITH ${cur}, b WHERE ${degreeOf(cur)} > ball
    ${fromB(`(b)-${hop('y')}-(:Entity)-${hop('x')}-(m:Entity)`).replace(/\n/g, '\n  ')}
  }
  RETURN r${k}, ${next}
}`
          : `CALL (${cur}, b) {
  WITH ${cur}, b WHERE ${degreeOf(cur)} <= ${degreeOf('b')}
  ${fromCur}
  UNION ALL
  WITH ${cur}, b WHERE ${degreeOf(cur)} > ${degreeOf('b')}
  ${fromB(`(b)-${hop('x')}-(m:Entity)`)}
}`,
    );
    nodes.push(next);
  }
  nodes.push('b');
  return { lines, nodes };
}

/**
 * paths.shortest: the first of the shortest paths in relation-id order, for a known shortest length, without
 * enumerating them: from the start, each step takes the smallest relation id to a neighbour that is exactly one
 * hop nearer the end (checked in id order; the first that passes ends the step). A step one hop from the end
 * starts from whichever end has fewer relations, so a hub's relations are not scanned one by one.
 */
export function shortestPathStatement(types: readonly RelationType[] | null | undefined, length: number, f: PathFilters, maxBound: number): string {
  const L = hopBound(length, maxBound);
  const { lines, nodes } = shortestWalk(relationTypeAlternation(types), L, f);
  return `MATCH (n0:Entity {id: $fromId}), (b:Entity {id: $toId})\n${lines.join('\n')}\n${pathRelations(nodes, Array.from({ length: L }, (_, k) => `r${k}`))}`;
}

/**
 * Longest path paths.shortestOnce walks itself. Its plan grows with every length it covers (about 1 s to plan up to
 * 3 hops here, over 3 s up to 6): longer paths, rare, are walked by paths.shortest for their length.
 */
const SHORTEST_ONCE_MAX_LENGTH = 3;

/**
 * paths.shortestOnce: paths.length and paths.shortest in one statement (one round trip instead of two, which is
 * most of a short query's time): the bidirectional search gives the length L, then the branch for L walks as
 * paths.shortest does. One row per relation of the path, each with L. For L beyond SHORTEST_ONCE_MAX_LENGTH one
 * row with L and a null relation (the store walks it with paths.shortest). No row when there is no path within
 * `maxHops`, or when a write between the search and the walk took the walk's step away (the store then asks again).
 */
export function shortestPathOnceStatement(types: readonly RelationType[] | null | undefined, maxHops: number, f: PathFilters, maxBound: number): string {
  const n = hopBound(maxHops, maxBound);
  const t = relationTypeAlternation(types);
  const c = hopConditions('r', f, false);
  const branches = Array.from({ length: Math.min(n, SHORTEST_ONCE_MAX_LENGTH) }, (_, i) => {
    const L = i + 1;
    const { lines, nodes } = shortestWalk(t, L, f);
    return `WITH n0, b, L WHERE L = ${L}
${lines.join('\n')}
RETURN [${nodes.map((x) => `${x}.id`).join(', ')}] AS nodeIds, [${Array.from({ length: L }, (_, k) => `r${k}`).join(', ')}] AS hops`;
  });
  if (n > SHORTEST_ONCE_MAX_LENGTH) {
    branches.push(`WITH n0, b, L WHERE L > ${SHORTEST_ONCE_MAX_LENGTH}
RETURN null AS nodeIds, [null] AS hops`);
  }
  return `MATCH (n0:Entity {id: $fromId}), (b:Entity {id: $toId})
WHERE n0 <> b
MATCH p = shortestPath((n0)-[rs:${t}*1..${n}]-(b))${c.length ? `\nWHERE all(r IN rs WHERE ${c.join(' AND ')})` : ''}
WITH n0, b, length(p) AS L
CALL (n0, b, L) {
  ${branches.join('\nUNION ALL\n').replace(/\n/g, '\n  ')}
}
UNWIND hops AS r
RETURN L AS length, nodeIds, ${RELATION_MAP} AS relation`;
}

/**
 * paths.ofLength: simple paths of exactly `length` hops in relation-id order, at most $first, as a depth-first
 * walk: each step lists a node's allowed relations in id order and keeps those whose far end is new to the path
 * and can still reach the end in the hops left. Rows stream in walk order (the slotted runtime applies each step
 * row by row), so LIMIT stops the walk once enough paths are found, without enumerating the rest.
 */
export function pathsOfLengthStatement(
  types: readonly RelationType[] | null | undefined,
  length: number,
  f: PathFilters,
  timeRespecting: boolean,
  maxBound: number,
): string {
  const L = hopBound(length, maxBound);
  const t = relationTypeAlternation(types);
  const nodes = ['n0'];
  const lines = ['CYPHER runtime=slotted', 'MATCH (n0:Entity {id: $fromId}), (b:Entity {id: $toId})'];
  for (let k = 0; k < L; k++) {
    const left = L - k - 1;
    const conditions = nodes.map((n) => `m <> ${n}`);
    conditions.push(left > 0 ? 'm <> b' : 'm = b');
    // Time order: each hop's date range reaches the previous hop's start.
    if (timeRespecting && k > 0) conditions.push(`r.dateEnd >= r${k - 1}.dateStart`);
    const imports = [...nodes, 'b', ...(timeRespecting && k > 0 ? [`r${k - 1}`] : [])];
    // The reach check follows the sort, so it runs only for the relations the walk gets to.
    const onward = left > 0 ? `\n  WITH r, m, b ORDER BY r.id\n  WHERE ${reaches('m', 'b', left, t, f, timeRespecting)}` : '\n  WITH r, m ORDER BY r.id';
    lines.push(`CALL (${imports.join(', ')}) {
  MATCH (n${k})-${hopPattern('r', t, f, timeRespecting)}-(m:Entity)
  WHERE ${conditions.join(' AND ')}${onward}
  RETURN r AS r${k}, m AS n${k + 1}
}`);
    nodes.push(`n${k + 1}`);
  }
  return `${lines.join('\n')}
RETURN [${nodes.map((n) => `${n}.id`).join(', ')}] AS nodeIds, [${Array.from({ length: L }, (_, k) => `r${k}.id`).join(', ')}] AS relationIds
LIMIT $first`;
}

/**
 * neighborhood.reach: hop distance from the centre to every entity within `depth` allowed hops (one shortest
 * path per reached entity), and whether the centre has any real hop at all.
 */
export function neighborhoodReachStatement(types: readonly RelationType[] | null | undefined, depth: number, maxBound: number): string {
  const n = hopBound(depth, maxBound);
  return `MATCH (c:Entity {id: $entityId})
WITH c, EXISTS { MATCH (c)-[h:${ALL_TYPES}]-(o:Entity) WHERE h.hasTarget AND o <> c } AS connected
CALL (c) {
  MATCH p = ANY SHORTEST (c)-[r:${relationTypeAlternation(types)} WHERE ${HOP_PREDICATE}]-{1,${n}}(m:Entity)
  WHERE m <> c
  RETURN collect({id: m.id, distance: length(p)}) AS reached
}
RETURN connected, reached`;
}

/** neighborhood.relations: allowed relations between two kept entities (no self-relations), by id. */
export function neighborhoodRelationsStatement(types: readonly RelationType[] | null | undefined): string {
  return `MATCH (s:Entity)-[r:${relationTypeAlternation(types)}]->(t:Entity)
WHERE s.id IN $ids AND t.id IN $ids AND s <> t AND ${HOP_PREDICATE}
WITH r ORDER BY r.id
RETURN ${RELATION_MAP} AS relation`;
}

/** degree.ranking: distinct counterparts, then relations with a counterpart, then id. */
export function degreeRankingStatement(types: readonly RelationType[] | null | undefined): string {
  return `MATCH (e:Entity)-[r:${relationTypeAlternation(types)}]-(o:Entity)
WHERE e <> o AND ($entityType IS NULL OR e.type = $entityType) AND ${HOP_PREDICATE}
WITH e, count(DISTINCT o) AS degree, count(DISTINCT r) AS relations
ORDER BY degree DESC, relations DESC, e.id
LIMIT $first
RETURN e.id AS entityId, degree, relations`;
}

/** contacts.count: an entity's relations with a counterpart, grouped by counterpart and type. */
export function contactCountsStatement(types: readonly RelationType[] | null | undefined): string {
  return `MATCH (e:Entity {id: $entityId})-[r:${relationTypeAlternation(types)}]-(o:Entity)
WHERE e <> o AND ${HOP_PREDICATE}
WITH o.id AS counterpartId, type(r) AS type, count(DISTINCT r) AS count
ORDER BY count DESC, counterpartId, type
RETURN counterpartId, type, count`;
}

/** entities.search: substring over normalised name and aliases (TEXT index on searchText), ranked. */
export function searchEntitiesStatements(hasSearch: boolean): { count: string; page: string } {
  const where = `WHERE ${hasSearch ? 'e.searchText CONTAINS $search AND ' : ''}($type IS NULL OR e.type = $type)`;
  return {
    count: `MATCH (e:Entity)
${where}
RETURN count(e) AS total`,
    page: `MATCH (e:Entity)
${where}
WITH e, reduce(best = 2, k IN e.keys |
  CASE WHEN k = $search THEN 0 WHEN best > 1 AND k STARTS WITH $search THEN 1 ELSE best END) AS rank
ORDER BY rank, e.nameKey, e.id
SKIP $offset LIMIT $first
RETURN ${ENTITY_MAP} AS entity`,
  };
}
