// Constraints and indexes of the Neo4j store. Every statement is `IF NOT EXISTS`, so `init()` is idempotent and
// safe to run from several processes. All of these work on Neo4j 5.26 Community (relationship uniqueness
// constraints included; only key and existence constraints are Enterprise-only).
import { RELATION_TYPES } from '../../domain/model.js';

/** Names are stable: tests and operators look them up (`SHOW CONSTRAINTS`, `SHOW INDEXES`). */
export const SCHEMA_STATEMENTS: readonly string[] = [
  // Keys the writes MERGE on. Each uniqueness constraint brings its own range index.
  'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (n:Evidence) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT entity_merge_id IF NOT EXISTS FOR (n:EntityMerge) REQUIRE n.id IS UNIQUE',
  // Relation ids: one constraint per relationship type (constraints are per type). Ids hash the type in,
  // so per-type uniqueness is global uniqueness. A type union (`[r:A|B {id: $id}]`) plans as a union of seeks.
  ...RELATION_TYPES.map((t) => `CREATE CONSTRAINT relation_${t.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${t}]-() REQUIRE r.id IS UNIQUE`),
  // Where a relation took place: listRelations(placeId/countryId), merges and deletes look relations up by it.
  ...RELATION_TYPES.map((t) => `CREATE INDEX relation_${t.toLowerCase()}_place IF NOT EXISTS FOR ()-[r:${t}]-() ON (r.placeId)`),
  // findEntity tiers and search ordering.
  'CREATE INDEX entity_wikidata IF NOT EXISTS FOR (n:Entity) ON (n.wikidata)',
  'CREATE INDEX entity_name_key IF NOT EXISTS FOR (n:Entity) ON (n.nameKey)',
  // Normalised name and aliases, newline-joined: a TEXT (trigram) index answers both the substring search and the
  // exact alias lookup (`CONTAINS '\nkey\n'`). A range index on the `keys` list would not: Neo4j 5 does not use
  // it for `$key IN n.keys`.
  'CREATE TEXT INDEX entity_search_text IF NOT EXISTS FOR (n:Entity) ON (n.searchText)',
  // Names and aliases for people browsing in Neo4j Browser/Bloom (`db.index.fulltext.queryNodes`).
  'CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases]',
  'CREATE INDEX evidence_relation IF NOT EXISTS FOR (n:Evidence) ON (n.relationId)',
  'CREATE INDEX evidence_article IF NOT EXISTS FOR (n:Evidence) ON (n.articleId)',
  'CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.published)',
  'CREATE INDEX entity_merge_merged IF NOT EXISTS FOR (n:EntityMerge) ON (n.mergedId)',
  'CREATE INDEX merged_entity_id IF NOT EXISTS FOR (n:MergedEntity) ON (n.id)',
];

/** How long init() waits for new indexes to come online, in seconds. */
export const INDEX_ONLINE_TIMEOUT_S = 60;

export const AWAIT_INDEXES = `CALL db.awaitIndexes(${INDEX_ONLINE_TIMEOUT_S})`;
