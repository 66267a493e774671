// Two ingest processes on one SQLite file (WAL, busy timeout) create no duplicates.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli-process.js';
import { writeCorpus } from '../helpers/synthetic-corpus.js';

describe('concurrent ingest into one SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplograph-conc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the counts of a single ingest', async () => {
    const corpus = join(dir, 'corpus');
    writeCorpus(corpus, 80, 11);
    await runCli(['ingest', corpus, '--db', join(dir, 'single.db'), '--no-progress']);
    const single = JSON.parse((await runCli(['check', '--db', join(dir, 'single.db')])).stdout);
    const db = join(dir, 'shared.db');
    const [a, b] = await Promise.all([
      runCli(['ingest', corpus, '--db', db, '--no-progress']),
      runCli(['ingest', corpus, '--db', db, '--no-progress']),
    ]);
    expect([a.status, b.status]).toEqual([0, 0]);
    const newA = Number(/articles: (\d+) new/.exec(a.stdout)![1]);
    const newB = Number(/articles: (\d+) new/.exec(b.stdout)![1]);
    expect(newA + newB).toBe(80);
    const shared = JSON.parse((await runCli(['check', '--db', db])).stdout);
    expect(shared.ok).toBe(true);
    expect(shared.counts).toEqual(single.counts);
  }, 120_000);
});
