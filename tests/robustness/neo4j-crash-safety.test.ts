// SIGKILL during an ingest into Neo4j never leaves a half-written article: after each kill `diplograph check
// --store neo4j` passes, and re-running the ingest ends with exactly the counts of an uninterrupted run.
// The kill points are chosen by the number of articles already stored (seeded random), so every kill lands
// while the process is writing, at a different place each round.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seeded, writeCorpus } from '../helpers/synthetic-corpus.js';
import { closeAdmin, emptyDatabase, NEO4J_ENABLED, SKIP_LINE } from '../store/neo4j-test-database.js';
import { newArticles, runCli, spawnCli, type CheckReport } from './helpers/cli-process.js';
import { duplicateIds, neo4jArticleCount, sleep } from './helpers/neo4j-server.js';

if (!NEO4J_ENABLED) console.log(SKIP_LINE);

// The CLI writes batches of 25 articles, each as two transactions (its first article, then the other 24): the
// stored count moves 0, 1, 25, 26, 50, … Kill points stay below the last batch, so every kill lands before the
// ingest could have finished.
const ARTICLES = 100;
const LAST_KILL_POINT = ARTICLES - 30;
const NEO4J = ['--store', 'neo4j'];

async function check(): Promise<CheckReport & { status: number; stderr: string }> {
  const res = await runCli(['check', ...NEO4J]);
  return { ...(JSON.parse(res.stdout) as CheckReport), status: res.status, stderr: res.stderr };
}

/** Starts an ingest and SIGKILLs it once Neo4j holds at least `after` articles; returns how many it held then. */
async function killWhenStored(corpus: string, after: number): Promise<number> {
  const ingest = spawnCli(['ingest', corpus, ...NEO4J, '--no-progress']);
  let stored = 0;
  for (;;) {
    stored = await neo4jArticleCount();
    if (stored >= after || ingest.child.exitCode !== null) break;
    await sleep(15);
  }
  ingest.child.kill('SIGKILL');
  const { signal } = await ingest.exited;
  expect(signal, `the ingest finished before the kill point (${after}): ${ingest.stdout()}`).toBe('SIGKILL');
  return stored;
}

describe.skipIf(!NEO4J_ENABLED)('crash safety of the Neo4j store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplograph-neo4j-crash-'));
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await emptyDatabase();
    await closeAdmin();
  });

  it('recovers from SIGKILL at random points while writing, with exact counts', async () => {
    const corpus = join(dir, 'corpus');
    writeCorpus(corpus, ARTICLES, 31);
    await emptyDatabase();
    const reference = await runCli(['ingest', corpus, ...NEO4J, '--no-progress']);
    expect(reference.status, reference.stderr).toBe(0);
    const want = await check();
    expect(want.ok).toBe(true);
    expect(want.counts.articles).toBe(ARTICLES);
    expect(want.counts.relations).toBeGreaterThan(0);

    await emptyDatabase();
    const rnd = seeded(2027);
    let previous = 0;
    for (let round = 0; round < 3; round++) {
      // Each round resumes the last one and is killed somewhat further on: 5–25 articles more.
      const target = Math.min(LAST_KILL_POINT, previous + 5 + Math.floor(rnd() * 20));
      const stored = await killWhenStored(corpus, target);
      expect(stored).toBeGreaterThanOrEqual(target);
      const after = await check();
      expect(after.stderr).toBe('');
      expect(after.status).toBe(0);
      expect(after.ok).toBe(true);
      expect(after.counts.articles).toBeLessThan(ARTICLES);
      previous = after.counts.articles;
    }

    const resumed = await runCli(['ingest', corpus, ...NEO4J, '--no-progress']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(newArticles(resumed.stdout)).toBe(ARTICLES - previous);
    const final = await check();
    expect(final.ok).toBe(true);
    expect(final.counts).toEqual(want.counts);
    expect(await duplicateIds()).toEqual({ articles: 0, entities: 0, relations: 0, evidence: 0 });
  }, 240_000);
});
