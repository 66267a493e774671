// Serving while another process ingests into the same SQLite file (WAL): readers are never blocked for long
// (max latency of a continuous reader), and never see half an article — every read shows an article either not
// at all or with all of its relations.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../helpers/synthetic-corpus.js';
import { expectConsistentReads, latencySummary, percentile, readWhileIngesting } from './helpers/read-during-ingest.js';

const ARTICLES = 100;

describe('serve while ingesting into one SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplograph-serve-ingest-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps readers fast and never shows half an article', async () => {
    const corpus = join(dir, 'corpus');
    writeCorpus(corpus, ARTICLES, 17);
    const r = await readWhileIngesting(['--db', join(dir, 'graph.db')], corpus);
    console.log(`sqlite, reads during ingest: ${latencySummary(r.latencies)}`);

    expectConsistentReads(r, ARTICLES);
    // WAL: the writer never blocks a reader; a reader waiting for the write lock would take up to the busy timeout (10 s).
    expect(percentile(r.latencies, 99)).toBeLessThan(250);
    expect(Math.max(...r.latencies)).toBeLessThan(1_000);
  }, 120_000);
});
