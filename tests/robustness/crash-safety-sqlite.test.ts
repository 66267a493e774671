// SIGKILL during ingest never leaves a half-written article: the store passes `check`, and re-running the
// ingest ends with exactly the counts of an uninterrupted run.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { ensureBuilt, runCli } from './helpers/cli-process.js';
import { seeded, writeCorpus } from '../helpers/synthetic-corpus.js';

const COUNTS = /entities \+\d+ \((\d+) in store\), relations \+\d+ \((\d+) in store\)/;

function killAfter(args: string[], ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`${ROOT}bin/diplograph.js`, ...args], { cwd: ROOT, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('crash safety of the SQLite store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplograph-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('recovers from SIGKILL at random points with exact counts', async () => {
    ensureBuilt();
    const corpus = join(dir, 'corpus');
    writeCorpus(corpus, 150);
    const reference = await runCli(['ingest', corpus, '--db', join(dir, 'reference.db'), '--no-progress']);
    expect(reference.status).toBe(0);
    const want = reference.stdout.match(COUNTS);
    expect(want).not.toBeNull();
    expect(Number(want![2])).toBeGreaterThan(0);

    const rnd = seeded(2026);
    const db = join(dir, 'crashed.db');
    for (let round = 0; round < 4; round++) {
      await killAfter(['ingest', corpus, '--db', db, '--no-progress'], 300 + Math.floor(rnd() * 1500));
      const check = await runCli(['check', '--db', db]);
      expect(check.stderr).toBe('');
      expect(check.status).toBe(0);
      expect(JSON.parse(check.stdout).ok).toBe(true);
    }
    const resumed = await runCli(['ingest', corpus, '--db', db, '--no-progress']);
    expect(resumed.status).toBe(0);
    expect(resumed.stdout.match(COUNTS)!.slice(1)).toEqual(want!.slice(1));
    const final = JSON.parse((await runCli(['check', '--db', db])).stdout);
    const ref = JSON.parse((await runCli(['check', '--db', join(dir, 'reference.db')])).stdout);
    expect(final.counts).toEqual(ref.counts);
  }, 180_000);
});
