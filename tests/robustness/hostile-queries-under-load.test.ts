// The hostile queries of issue 5 (depth 20, 500 aliases, maxHops 50, first 100000, a mutation without the key)
// are refused with the right extensions.code while the server is under load, and normal analyst queries keep
// their latency: p50/p99 of the same normal load with and without a concurrent hostile load, against a real
// `diplograph serve` process (its own event loop, as in production).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../helpers/synthetic-corpus.js';
import { runCli, startServe, stopChild, type ServeChild } from './helpers/cli-process.js';
import { analystQueries, hostileQueries, percentile, runLoad, type LoadResult } from './helpers/load.js';

const PHASE_MS = 4_000;
const NORMAL_CLIENTS = 4;
const HOSTILE_CLIENTS = 4;

const f = (n: number) => n.toFixed(1);
const figures = (r: LoadResult) => `${r.requests} requests, p50 ${f(percentile(r.latencies, 50))} ms, p99 ${f(percentile(r.latencies, 99))} ms`;

describe('hostile queries under load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplograph-hostile-load-'));
  let server: ServeChild;
  let baseline: LoadResult;
  let underAttack: LoadResult;
  let hostile: LoadResult;

  beforeAll(async () => {
    const corpus = join(dir, 'corpus');
    writeCorpus(corpus, 80, 5);
    const db = join(dir, 'graph.db');
    expect((await runCli(['ingest', corpus, '--db', db, '--no-progress'])).status).toBe(0);
    // No DIPLOGRAPH_API_KEY: mutations are refused.
    server = await startServe(['--db', db], { DIPLOGRAPH_API_KEY: '' });
    const normal = analystQueries();
    const bad = hostileQueries();
    const normalLoad = (durationMs: number) =>
      runLoad({ url: server.graphql, durationMs, concurrency: NORMAL_CLIENTS, next: (c, i) => normal[(c * 3 + i) % normal.length] });
    await normalLoad(1_000); // warm-up: JIT, caches, the path index
    baseline = await normalLoad(PHASE_MS);
    [underAttack, hostile] = await Promise.all([
      normalLoad(PHASE_MS),
      runLoad({ url: server.graphql, durationMs: PHASE_MS, concurrency: HOSTILE_CLIENTS, next: (c, i) => bad[(c + i) % bad.length] }),
    ]);
    console.log(
      `normal queries alone: ${figures(baseline)}\nnormal queries with hostile load: ${figures(underAttack)}\nhostile queries: ${figures(hostile)}`,
    );
  }, 120_000);

  afterAll(async () => {
    if (server) await stopChild(server);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses every hostile query with the right code, however many arrive', () => {
    expect(hostile.requests).toBeGreaterThan(100);
    expect(hostile.errors).toEqual([]);
  });

  it('answers every normal query correctly with and without the hostile load', () => {
    expect(baseline.requests).toBeGreaterThan(100);
    expect(baseline.errors).toEqual([]);
    expect(underAttack.errors).toEqual([]);
  });

  it('keeps the latency of normal queries under the hostile load', () => {
    // One event loop now serves twice as many clients, so some queueing is expected; refused queries are cheap,
    // so it stays small. A hostile query that did real work (50 hops, 100,000 rows) would multiply these.
    const p50 = percentile(baseline.latencies, 50);
    const p99 = percentile(baseline.latencies, 99);
    expect(percentile(underAttack.latencies, 50)).toBeLessThan(3 * p50 + 10);
    expect(percentile(underAttack.latencies, 99)).toBeLessThan(3 * p99 + 50);
    // The server kept its throughput for normal queries.
    expect(underAttack.requests).toBeGreaterThan(baseline.requests / 3);
  });

  it('keeps serving normally after the attack', async () => {
    const after = await runLoad({ url: server.graphql, durationMs: 500, concurrency: 1, next: (_c, i) => analystQueries()[i % 10] });
    expect(after.errors).toEqual([]);
    expect(server.child.exitCode).toBeNull();
  });
});
