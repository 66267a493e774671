// The benchmark's Neo4j: connection settings, reachability, emptying the database, and the naive writer.
// Neo4j Community has one user database, so the benchmark empties it (as the test suites do) before and after.
import neo4j, { type Driver } from 'neo4j-driver';
import type { ExtractedArticle } from '../../src/domain/model.js';
import { relationGraph } from '../generators/relation-graph.js';
import type { Neo4jConfig } from './context.js';

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
  const articles = [...relationGraph({ relations, seed: 31 }).batches(50)].flat();
  const t = performance.now();
  const written = await naiveNeo4jWrite(c, articles);
  return written / ((performance.now() - t) / 1000);
}

/** Relationships per transaction of the raw writes: as many as one writeArticles call of the graph build holds. */
const RAW_TRANSACTION_ROWS = 1_000;

/**
 * How the raw writes make each relationship: `create` is the server's ceiling for relationship writes (bare
 * relationships, no relationship index); `merge` is the least an idempotent writer does (MERGE on the relation id,
 * with the uniqueness constraint that keeps concurrent writers from creating one twice, as the store's).
 */
export type RawWriteMode = 'create' | 'merge';

const RAW_WRITE: Record<RawWriteMode, string> = {
  create: 'UNWIND $rows AS r MATCH (a:BenchRawNode {id: r.s}) MATCH (b:BenchRawNode {id: r.t}) CREATE (a)-[:BENCH_RAW {id: r.id}]->(b)',
  merge: 'UNWIND $rows AS r MATCH (a:BenchRawNode {id: r.s}) MATCH (b:BenchRawNode {id: r.t}) MERGE (a)-[:BENCH_RAW {id: r.id}]-(b)',
};

/** A relation of the raw writes: its ends' ids and its own. */
export interface RawEdge {
  s: string;
  t: string;
  id: string;
}

/** The graph generator's first `relations` relations (seed 31) as raw edges; a relation without a target loops. */
export function rawEdges(relations: number): RawEdge[] {
  const edges: RawEdge[] = [];
  for (const batch of relationGraph({ relations, seed: 31 }).batches(50)) {
    for (const x of batch) for (const r of x.relations) edges.push({ s: r.source, t: r.target ?? r.source, id: r.id });
  }
  return edges;
}

/**
 * Raw UNWIND writes of `edges` as bare relationships between nodes found by a unique id, 1,000 per transaction: the
 * floors the batched store is set against. No store writes a relation with less: the store also merges entities,
 * and writes evidence, mentions and articles. Nodes and relationships have a label and type of their own and are
 * deleted afterwards. Returns relations/s.
 */
export async function rawNeo4jRate(c: Neo4jConfig, edges: readonly RawEdge[], mode: RawWriteMode): Promise<number> {
  const ids = new Set<string>();
  for (const e of edges) ids.add(e.s).add(e.t);
  const driver = adminDriver(c);
  const session = driver.session({ database: c.database });
  try {
    await session.run('CREATE CONSTRAINT bench_raw_node_id IF NOT EXISTS FOR (n:BenchRawNode) REQUIRE n.id IS UNIQUE');
    if (mode === 'merge') await session.run('CREATE CONSTRAINT bench_raw_relation_id IF NOT EXISTS FOR ()-[r:BENCH_RAW]-() REQUIRE r.id IS UNIQUE');
    await session.run('CALL db.awaitIndexes(60)');
    const all = [...ids];
    for (let i = 0; i < all.length; i += 10_000) {
      await session.executeWrite((tx) => tx.run('UNWIND $ids AS id CREATE (:BenchRawNode {id: id})', { ids: all.slice(i, i + 10_000) }));
    }
    const t = performance.now();
    for (let i = 0; i < edges.length; i += RAW_TRANSACTION_ROWS) {
      const rows = edges.slice(i, i + RAW_TRANSACTION_ROWS);
      await session.executeWrite((tx) => tx.run(RAW_WRITE[mode], { rows }));
    }
    return edges.length / ((performance.now() - t) / 1000);
  } finally {
    await session.run('MATCH (:BenchRawNode)-[r:BENCH_RAW]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
    await session.run('MATCH (n:BenchRawNode) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    await session.run('DROP CONSTRAINT bench_raw_relation_id IF EXISTS');
    await session.run('DROP CONSTRAINT bench_raw_node_id IF EXISTS');
    await session.close();
    await driver.close();
  }
}
