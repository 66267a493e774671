// Serving while another process ingests into the same Neo4j database: readers are never blocked for long
// (max latency of a continuous reader), and never see half an article — every read shows an article either not
// at all or with all of its relations.
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../helpers/synthetic-corpus.js';
import { closeAdmin, emptyDatabase, NEO4J_ENABLED, SKIP_LINE } from '../store/neo4j-test-database.js';
import { expectConsistentReads, latencySummary, percentile, readWhileIngesting } from './helpers/read-during-ingest.js';

const ARTICLES = 100;

if (!NEO4J_ENABLED) console.log(SKIP_LINE);

describe.skipIf(!NEO4J_ENABLED)('serve while ingesting into one Neo4j database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplograph-serve-ingest-neo4j-'));
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await emptyDatabase();
    await closeAdmin();
  });

  it('keeps readers fast and never shows half an article', async () => {
    // Two ingests of half the articles each: one slow read (up to 1.3 s here) can span all of one ingest's commits,
    // but not the state between the two, which every reader sees.
    const first = join(dir, 'first');
    const second = join(dir, 'second');
    mkdirSync(second);
    for (const file of writeCorpus(first, ARTICLES, 17).slice(ARTICLES / 2)) renameSync(file, join(second, basename(file)));
    await emptyDatabase();
    const r = await readWhileIngesting(['--store', 'neo4j'], [first, second]);
    console.log(`neo4j, reads during ingest: ${latencySummary(r.latencies)}`);

    // Empty, at least the state between the two ingests, and full.
    expectConsistentReads(r, ARTICLES, 3);
    // Reads take no locks in Neo4j; readers blocked by the writes would show in the 99th percentile. Looser than
    // SQLite's bounds: one JVM shares two cores with the ingest's NLP and the server here. The slowest single read
    // was 1.2-2.9 s in some runs while an article's relations were found by scanning every relation (re-planned as
    // the statistics grew); since they start from the article's evidence it stayed under 0.3 s in 7 runs. The
    // maximum only guards against a stall.
    expect(percentile(r.latencies, 99)).toBeLessThan(1_500);
    expect(Math.max(...r.latencies)).toBeLessThan(5_000);
  }, 120_000);
});
