// Two ingest processes writing the same articles into one Neo4j database at the same time create no duplicates:
// together they store each article once, the graph has exactly the counts of a single ingest, and no id is
// stored twice (articles, entities, relations, evidence).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../helpers/synthetic-corpus.js';
import { closeAdmin, emptyDatabase, NEO4J_ENABLED, SKIP_LINE } from '../store/neo4j-test-database.js';
import { newArticles, runCli, type CheckReport } from './helpers/cli-process.js';
import { duplicateIds } from './helpers/neo4j-server.js';

if (!NEO4J_ENABLED) console.log(SKIP_LINE);

const ARTICLES = 40;
const NEO4J = ['--store', 'neo4j'];

async function checkCounts(): Promise<CheckReport> {
  const res = await runCli(['check', ...NEO4J]);
  expect(res.status, res.stderr).toBe(0);
  return JSON.parse(res.stdout) as CheckReport;
}

describe.skipIf(!NEO4J_ENABLED)('concurrent ingest into one Neo4j database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplograph-neo4j-conc-'));
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await emptyDatabase();
    await closeAdmin();
  });

  it('gives the counts of a single ingest and stores no id twice', async () => {
    const corpus = join(dir, 'corpus');
    writeCorpus(corpus, ARTICLES, 13);
    await emptyDatabase();
    const single = await runCli(['ingest', corpus, ...NEO4J, '--no-progress']);
    expect(single.status, single.stderr).toBe(0);
    const want = await checkCounts();
    expect(want.counts.articles).toBe(ARTICLES);

    await emptyDatabase();
    const [a, b] = await Promise.all([
      runCli(['ingest', corpus, ...NEO4J, '--no-progress']),
      runCli(['ingest', corpus, ...NEO4J, '--no-progress']),
    ]);
    expect([a.status, b.status], a.stderr + b.stderr).toEqual([0, 0]);
    // Each article was new to exactly one of the two processes.
    expect(newArticles(a.stdout) + newArticles(b.stdout)).toBe(ARTICLES);
    const shared = await checkCounts();
    expect(shared.ok).toBe(true);
    expect(shared.counts).toEqual(want.counts);
    expect(await duplicateIds()).toEqual({ articles: 0, entities: 0, relations: 0, evidence: 0 });
  }, 180_000);
});
