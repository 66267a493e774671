// Serving while another process ingests into the same Neo4j database: readers are never blocked for long
// (max latency of a continuous reader), and never see half an article — every read shows an article either not
// at all or with all of its relations.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    const corpus = join(dir, 'corpus');
    writeCorpus(corpus, ARTICLES, 17);
    await emptyDatabase();
    const r = await readWhileIngesting(['--store', 'neo4j'], corpus);
    console.log(`neo4j, reads during ingest: ${latencySummary(r.latencies)}`);

    // Neo4j commits up to a batch of articles at once: empty, at least one state between, and full.
    expectConsistentReads(r, ARTICLES, 3);
    // Reads take no locks in Neo4j; readers blocked by the writes would show in the 99th percentile. Looser than
    // SQLite's bounds: one JVM shares two cores with the ingest's NLP and the server here. The slowest single read
    // varied from 0.37 to 2.9 s over runs of this test on such a machine (GC pauses stayed under 30 ms; re-planning
    // as the statistics grow is the suspect): the maximum only guards against a stall.
    expect(percentile(r.latencies, 99)).toBeLessThan(1_500);
    expect(Math.max(...r.latencies)).toBeLessThan(5_000);
  }, 120_000);
});
