// The benchmark's Neo4j: connection settings, reachability, emptying the database, and the naive writer.
// Neo4j Community has one user database, so the benchmark empties it (as the test suites do) before and after.
import neo4j, { type Driver, type Session } from 'neo4j-driver';
import type { ExtractedArticle } from '../../src/domain/model.js';
import { combinePlans, type GroupRelationRow, groupRows, type GroupRows, planArticle } from '../../src/store/neo4j/write-plan.js';
import { relationGraph, type RelationGraph } from '../generators/relation-graph.js';
import type { Neo4jConfig } from './context.js';
import { GRAPH_WRITE_BATCH } from './graph-build.js';

export function neo4jConfig(env: NodeJS.ProcessEnv = process.env): Neo4jConfig {
  return {
    uri: env.NEO4J_URI || 'bolt://127.0.0.1:7687',
    username: env.NEO4J_USERNAME || 'neo4j',
    password: env.NEO4J_PASSWORD ?? 'diplograph-dev',
    database: env.NEO4J_DATABASE || 'neo4j',
  };
}

export function adminDriver(c: Neo4jConfig): Driver {
  return neo4j.driver(c.uri, neo4j.auth.basic(c.username, c.password), {
    connectionTimeout: 5_000,
    logging: { level: 'error', logger: () => undefined },
  });
}

/** True when Neo4j answers with these credentials within a few seconds. */
export async function neo4jAnswers(c: Neo4jConfig): Promise<string | null> {
  const driver = adminDriver(c);
  try {
    await driver.executeQuery('RETURN 1', {}, { database: c.database });
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await driver.close();
  }
}

/** How many relationships the database holds, of every type (from the count store: constant time). */
export async function relationshipCount(c: Neo4jConfig): Promise<number> {
  const driver = adminDriver(c);
  try {
    const res = await driver.executeQuery('MATCH ()-[r]->() RETURN count(r) AS n', {}, { database: c.database });
    return Number(res.records[0].get('n'));
  } finally {
    await driver.close();
  }
}

/**
 * Marks the database as this run's: a node another process's `DETACH DELETE` (a test suite on the same Neo4j)
 * would take with it. Returns the run's id for `stillOurs`.
 */
export async function claimNeo4j(c: Neo4jConfig): Promise<string> {
  const run = `${process.pid}-${Date.now()}`;
  const driver = adminDriver(c);
  try {
    await driver.executeQuery('CREATE (:BenchmarkRun {id: $run})', { run }, { database: c.database });
  } finally {
    await driver.close();
  }
  return run;
}

/** The error for a run whose mark is gone: something else emptied the database during the run. */
export function emptiedUnderneath(c: Neo4jConfig): Error {
  return new Error(
    `another process emptied the Neo4j database at ${c.uri} during the benchmark (a test run?); give the benchmark a Neo4j of its own (NEO4J_URI)`,
  );
}

/** False when the run's mark is gone. */
export async function stillOurs(c: Neo4jConfig, run: string): Promise<boolean> {
  const driver = adminDriver(c);
  try {
    const res = await driver.executeQuery('MATCH (m:BenchmarkRun {id: $run}) RETURN count(m) AS n', { run }, { database: c.database });
    return Number(res.records[0].get('n')) === 1;
  } finally {
    await driver.close();
  }
}

/**
 * Deletes every relationship, then every node, in batches: a 1M-relation graph does not fit one transaction's
 * memory, nor does a hub node deleted together with its hundreds of thousands of relationships.
 */
export async function emptyNeo4j(c: Neo4jConfig): Promise<void> {
  const driver = adminDriver(c);
  const session = driver.session({ database: c.database });
  try {
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
    await driver.close();
  }
}

/**
 * The naive writer the batched store is compared with: one auto-commit query per relation (its two entities
 * merged, the relationship and its evidence node merged by id, as the store's constraints require), as a first attempt without
 * UNWIND or transactions would do. Returns relations written.
 */
export async function naiveNeo4jWrite(c: Neo4jConfig, articles: readonly ExtractedArticle[]): Promise<number> {
  const driver = adminDriver(c);
  const session = driver.session({ database: c.database });
  let written = 0;
  try {
    for (const x of articles) {
      const names = new Map(x.entities.map((e) => [e.id, e]));
      for (const r of x.relations) {
        if (!r.target) continue;
        const s = names.get(r.source);
        const t = names.get(r.target);
        const m = r.mentions[0];
        // The type comes from the RELATION_TYPES allow-list of the generator, never from input text.
        await session.run(
          `MERGE (s:Entity {id: $s}) ON CREATE SET s.name = $sName, s.type = $sType
           MERGE (t:Entity {id: $t}) ON CREATE SET t.name = $tName, t.type = $tType
           MERGE (s)-[r:${r.type} {id: $id}]->(t) ON CREATE SET r.date = $date, r.status = $status, r.confidence = $confidence, r.hasTarget = true
           MERGE (x:Evidence {id: $id + ':' + $articleId}) ON CREATE SET x.relationId = $id, x.articleId = $articleId, x.sentence = $sentence, x.start = $start, x.end = $end`,
          {
            s: r.source, sName: s?.name ?? r.source, sType: s?.type ?? 'PERSON',
            t: r.target, tName: t?.name ?? r.target, tType: t?.type ?? 'PERSON',
            id: r.id, date: r.date, status: r.status, confidence: r.confidence,
            articleId: x.article.id, sentence: m.sentence, start: neo4j.int(m.start), end: neo4j.int(m.end),
          },
        );
        written++;
      }
    }
  } finally {
    await session.close();
    await driver.close();
  }
  return written;
}

/** Naive writes of the graph generator's first `relations` relations (seed 31, as the ingest suite): relations/s. */
export async function naiveNeo4jRate(c: Neo4jConfig, relations: number): Promise<number> {
  const articles = [...relationGraph({ relations, seed: 31 }).batches(GRAPH_WRITE_BATCH)].flat();
  const t = performance.now();
  const written = await naiveNeo4jWrite(c, articles);
  return written / ((performance.now() - t) / 1000);
}

/**
 * How the raw writes make each relation: `create` is the server's ceiling for relationship writes (bare
 * relationships, no relationship index); `merge` is the least an idempotent writer does (MERGE on the relation id,
 * with the uniqueness constraint that keeps concurrent writers from creating one twice, as the store's); `props`
 * creates each relation's relationship with its properties and unique id, as stored, and nothing else; `model` is
 * the least the data model takes, CREATE only: `props`, and each relation's evidence nodes (with the store's three
 * evidence indexes) linked to their article, and each article's mentions.
 */
export type RawWriteMode = 'create' | 'merge' | 'props' | 'model';

const RAW_NODE_ID = 'CREATE CONSTRAINT bench_raw_node_id IF NOT EXISTS FOR (n:BenchRawNode) REQUIRE n.id IS UNIQUE';
const RAW_RELATION_ID = 'CREATE CONSTRAINT bench_raw_relation_id IF NOT EXISTS FOR ()-[r:BENCH_RAW]-() REQUIRE r.id IS UNIQUE';
const RAW_RELATION_PLACE = 'CREATE INDEX bench_raw_relation_place IF NOT EXISTS FOR ()-[r:BENCH_RAW]-() ON (r.placeId)';

/** Constraints and indexes of each mode, as the store's for the same records (see src/store/neo4j/schema.ts). */
const RAW_SCHEMA: Record<RawWriteMode, readonly string[]> = {
  create: [RAW_NODE_ID],
  merge: [RAW_NODE_ID, RAW_RELATION_ID],
  props: [RAW_NODE_ID, RAW_RELATION_ID, RAW_RELATION_PLACE],
  model: [
    RAW_NODE_ID,
    RAW_RELATION_ID,
    RAW_RELATION_PLACE,
    'CREATE CONSTRAINT bench_raw_evidence_id IF NOT EXISTS FOR (n:BenchRawEvidence) REQUIRE n.id IS UNIQUE',
    'CREATE INDEX bench_raw_evidence_relation IF NOT EXISTS FOR (n:BenchRawEvidence) ON (n.relationId)',
    'CREATE INDEX bench_raw_evidence_article IF NOT EXISTS FOR (n:BenchRawEvidence) ON (n.articleId)',
  ],
};

const RAW_DROP = [
  'DROP INDEX bench_raw_evidence_article IF EXISTS',
  'DROP INDEX bench_raw_evidence_relation IF EXISTS',
  'DROP CONSTRAINT bench_raw_evidence_id IF EXISTS',
  'DROP INDEX bench_raw_relation_place IF EXISTS',
  'DROP CONSTRAINT bench_raw_relation_id IF EXISTS',
  'DROP CONSTRAINT bench_raw_node_id IF EXISTS',
];

const RAW_PROPS_WRITE =
  'UNWIND $rows AS r MATCH (a:BenchRawNode {id: r.s}) MATCH (b:BenchRawNode {id: r.t}) CREATE (a)-[x:BENCH_RAW {id: r.id}]->(b) SET x += r.props';

/** The statements of one transaction of each mode: `$rows` the relations, `$articles` their evidence and mentions. */
const RAW_WRITE: Record<RawWriteMode, readonly string[]> = {
  create: ['UNWIND $rows AS r MATCH (a:BenchRawNode {id: r.s}) MATCH (b:BenchRawNode {id: r.t}) CREATE (a)-[:BENCH_RAW {id: r.id}]->(b)'],
  merge: ['UNWIND $rows AS r MATCH (a:BenchRawNode {id: r.s}) MATCH (b:BenchRawNode {id: r.t}) MERGE (a)-[:BENCH_RAW {id: r.id}]-(b)'],
  props: [RAW_PROPS_WRITE],
  model: [
    RAW_PROPS_WRITE,
    `UNWIND $articles AS art MATCH (a:BenchRawNode {id: art.id}) UNWIND art.evidence AS ev
CREATE (:BenchRawEvidence {id: ev.id, relationId: ev.relationId, articleId: art.id, sentence: ev.sentence, start: ev.start, end: ev.end})-[:BENCH_RAW_FROM]->(a)`,
    'UNWIND $articles AS art MATCH (a:BenchRawNode {id: art.id}) UNWIND art.mentions AS m MATCH (e:BenchRawNode {id: m}) CREATE (a)-[:BENCH_RAW_MENTIONS]->(e)',
  ],
};

/** A relation of the raw writes: its ends' ids, its own, and its stored properties. */
interface RawRelation {
  s: string;
  t: string;
  id: string;
  props: GroupRelationRow['props'];
}

/** One raw transaction: the relations and articles of one writeArticles call of the graph build. */
interface RawTransaction {
  rows: RawRelation[];
  articles: { id: string; evidence: GroupRows['articles'][number]['evidence']; mentions: string[] }[];
}

/** The raw writes' input: every node id (entities and articles) and the transactions. */
export interface RawInput {
  nodeIds: string[];
  transactions: RawTransaction[];
}

/**
 * The graph's relations as the store's write plan has them (the rows of its group write, ends and mentions as ids),
 * one transaction per GRAPH_WRITE_BATCH articles (as the graph build's writeArticles calls): a relation repeated by a
 * later article is written once, and one without a target loops on its source.
 */
export function rawInput(graph: RelationGraph): RawInput {
  const nodeIds = new Set<string>();
  const seen = new Set<string>();
  const transactions: RawTransaction[] = [];
  for (const batch of graph.batches(GRAPH_WRITE_BATCH)) {
    const plans = batch.map((x) => planArticle(x));
    const g = groupRows(combinePlans(plans), plans);
    const ends = [...g.entities.map((e) => e.id), ...g.refs];
    for (const id of ends) nodeIds.add(id);
    const rows: RawRelation[] = [];
    for (const r of [...g.relations.values()].flat()) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      rows.push({ s: ends[r.s], t: ends[r.t], id: r.id, props: r.props });
    }
    const articles = g.articles.map((a) => ({ id: a.id, evidence: a.evidence, mentions: a.mentions.map((i) => ends[i]) }));
    for (const a of articles) nodeIds.add(a.id);
    transactions.push({ rows, articles });
  }
  return { nodeIds: [...nodeIds], transactions };
}

/** Throws unless the raw write stored every record it is credited with (a floor that skipped work would flatter). */
async function expectRawCounts(session: Session, input: RawInput, mode: RawWriteMode): Promise<void> {
  const sum = (f: (tx: RawTransaction) => number) => input.transactions.reduce((n, tx) => n + f(tx), 0);
  const expected: [string, number][] = [['MATCH ()-[r:BENCH_RAW]->() RETURN count(r) AS n', sum((tx) => tx.rows.length)]];
  if (mode === 'model') {
    expected.push(
      ['MATCH (:BenchRawEvidence)-[r:BENCH_RAW_FROM]->() RETURN count(r) AS n', sum((tx) => tx.articles.reduce((n, a) => n + a.evidence.length, 0))],
      ['MATCH ()-[r:BENCH_RAW_MENTIONS]->() RETURN count(r) AS n', sum((tx) => tx.articles.reduce((n, a) => n + a.mentions.length, 0))],
    );
  }
  for (const [query, want] of expected) {
    const got = Number((await session.run(query)).records[0].get('n'));
    if (got !== want) throw new Error(`raw ${mode} write stored ${got} records, expected ${want}: ${query}`);
  }
}

/**
 * Raw UNWIND writes of the input, one transaction per graph-build call: the floors the batched store is set
 * against. No store writes a relation with less: the store also merges entities and articles, and merges rather
 * than creates. Nodes and relationships have labels and types of their own and are deleted afterwards. Returns
 * relations/s.
 */
export async function rawNeo4jRate(c: Neo4jConfig, input: RawInput, mode: RawWriteMode): Promise<number> {
  const driver = adminDriver(c);
  const session = driver.session({ database: c.database });
  try {
    for (const statement of RAW_SCHEMA[mode]) await session.run(statement);
    await session.run('CALL db.awaitIndexes(60)');
    for (let i = 0; i < input.nodeIds.length; i += 10_000) {
      await session.executeWrite((tx) => tx.run('UNWIND $ids AS id CREATE (:BenchRawNode {id: id})', { ids: input.nodeIds.slice(i, i + 10_000) }));
    }
    let written = 0;
    const t = performance.now();
    for (const params of input.transactions) {
      await session.executeWrite(async (tx) => {
        for (const statement of RAW_WRITE[mode]) await tx.run(statement, params);
      });
      written += params.rows.length;
    }
    const seconds = (performance.now() - t) / 1000;
    await expectRawCounts(session, input, mode);
    return written / seconds;
  } finally {
    await session.run('MATCH (:BenchRawNode|BenchRawEvidence)-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
    await session.run('MATCH (n:BenchRawNode|BenchRawEvidence) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    for (const statement of RAW_DROP) await session.run(statement);
    await session.close();
    await driver.close();
  }
}
