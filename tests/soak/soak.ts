// Soak test: a `diplograph serve` process under a mixed analyst load (paths, lookups, lists, aggregates) while
// ingest processes keep adding articles to the same store, for a fixed time. Reports throughput, latency,
// errors and the server's resident memory (sampled every second) from the end of a warm-up to the end.
//
//   npm run soak                         60 s on SQLite
//   npm run soak -- --seconds 300 --store neo4j --clients 8
//
// Also imported by tests/soak/soak-short.test.ts for a ~10 s run in the suite.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeCorpus } from '../helpers/synthetic-corpus.js';
import { runCli, spawnCli, startServe, stopChild, type Spawned } from '../robustness/helpers/cli-process.js';
import { analystQueries, percentile, runLoad } from '../robustness/helpers/load.js';
import { currentRss, MB } from '../robustness/helpers/process-memory.js';

export interface SoakOptions {
  seconds: number;
  warmupSeconds: number;
  store: 'sqlite' | 'neo4j';
  clients: number;
  /** Articles in the store before the load starts. */
  initialArticles: number;
  /** Articles per ingest run during the soak (runs follow one another until the time is up). */
  ingestBatch: number;
  log?: (line: string) => void;
}

export interface SoakReport {
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** Wrong answers or failed requests (none expected). */
  errors: string[];
  /** Ingest runs that ended with a non-zero exit code. */
  ingestFailures: string[];
  ingestRuns: number;
  articlesAtStart: number;
  articlesAtEnd: number;
  /** Server RSS in bytes: median of the first samples after warm-up, median of the last ones, and the peak. */
  rssStart: number;
  rssEnd: number;
  rssMax: number;
  /** (rssEnd − rssStart) / rssStart. */
  rssGrowth: number;
  samples: number[];
}

const median = (xs: readonly number[]) => percentile(xs, 50);

export async function runSoak(opts: SoakOptions): Promise<SoakReport> {
  const log = opts.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'diplograph-soak-'));
  const storeArgs = opts.store === 'neo4j' ? ['--store', 'neo4j'] : ['--db', join(dir, 'graph.db')];
  const stats = async () => {
    const res = await runCli(['check', ...storeArgs]);
    return (JSON.parse(res.stdout) as { counts: { articles: number } }).counts.articles;
  };
  try {
    writeCorpus(join(dir, 'initial'), opts.initialArticles, 1);
    const first = await runCli(['ingest', join(dir, 'initial'), ...storeArgs, '--no-progress']);
    if (first.status !== 0) throw new Error(`initial ingest failed: ${first.stderr}`);
    const articlesAtStart = await stats();
    const server = await startServe(storeArgs);
    const pid = server.child.pid as number;
    try {
      const queries = analystQueries();
      const next = (c: number, i: number) => queries[(c * 7 + i) % queries.length];
      log(`warm-up ${opts.warmupSeconds} s`);
      await runLoad({ url: server.graphql, durationMs: opts.warmupSeconds * 1000, concurrency: opts.clients, next });

      // Memory samples, every second, from here to the end.
      const samples: number[] = [currentRss(pid)];
      const sampler = setInterval(() => {
        try {
          samples.push(currentRss(pid));
        } catch {
          // The server is gone: the load reports the failures.
        }
      }, 1000);

      // Ingest runs, one after another, each with new articles, until the load ends.
      let loadDone = false;
      let ingestRuns = 0;
      const ingestFailures: string[] = [];
      const ingestLoop = (async () => {
        for (let seed = 100; !loadDone; seed++) {
          const corpus = join(dir, `batch-${seed}`);
          writeCorpus(corpus, opts.ingestBatch, seed);
          const run: Spawned = spawnCli(['ingest', corpus, ...storeArgs, '--no-progress']);
          const { code } = await run.exited;
          ingestRuns++;
          if (code !== 0) ingestFailures.push(`ingest run ${ingestRuns} exited with ${code}: ${run.stderr().slice(0, 300)}`);
          rmSync(corpus, { recursive: true, force: true });
        }
      })();

      log(`load: ${opts.clients} clients for ${opts.seconds} s, with ingest runs of ${opts.ingestBatch} articles`);
      const started = Date.now();
      const load = await runLoad({ url: server.graphql, durationMs: opts.seconds * 1000, concurrency: opts.clients, next });
      const elapsed = (Date.now() - started) / 1000;
      loadDone = true;
      await ingestLoop;
      clearInterval(sampler);
      samples.push(currentRss(pid));

      // Medians of the first and the last third (at most 10 samples each): a leak is a trend, not one GC cycle.
      const window = Math.max(1, Math.min(10, Math.floor(samples.length / 3)));
      const rssStart = median(samples.slice(0, window));
      const rssEnd = median(samples.slice(-window));
      return {
        seconds: elapsed,
        requests: load.requests,
        requestsPerSecond: load.requests / elapsed,
        p50: percentile(load.latencies, 50),
        p99: percentile(load.latencies, 99),
        max: Math.max(...load.latencies),
        errors: load.errors,
        ingestFailures,
        ingestRuns,
        articlesAtStart,
        articlesAtEnd: await stats(),
        rssStart,
        rssEnd,
        rssMax: Math.max(...samples),
        rssGrowth: (rssEnd - rssStart) / rssStart,
        samples,
      };
    } finally {
      await stopChild(server);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatSoak(r: SoakReport): string {
  const mb = (b: number) => `${(b / MB).toFixed(1)} MB`;
  return [
    `soak: ${r.seconds.toFixed(0)} s, ${r.requests} requests (${r.requestsPerSecond.toFixed(0)}/s), latency p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(0)} ms`,
    `errors: ${r.errors.length} unexpected; ingest runs: ${r.ingestRuns} (${r.ingestFailures.length} failed), articles ${r.articlesAtStart} → ${r.articlesAtEnd}`,
    `server RSS: start ${mb(r.rssStart)}, end ${mb(r.rssEnd)} (${r.rssGrowth >= 0 ? '+' : ''}${(r.rssGrowth * 100).toFixed(1)}%), peak ${mb(r.rssMax)}`,
    ...r.errors.slice(0, 5).map((e) => `  error: ${e}`),
    ...r.ingestFailures.slice(0, 5).map((e) => `  ingest: ${e}`),
  ].join('\n');
}

/** Pass when nothing unexpected happened and memory grew by at most `maxGrowth`. */
export function soakPassed(r: SoakReport, maxGrowth = 0.1): boolean {
  return r.errors.length === 0 && r.ingestFailures.length === 0 && r.rssGrowth <= maxGrowth && r.articlesAtEnd > r.articlesAtStart;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '60' },
      warmup: { type: 'string', default: '10' },
      store: { type: 'string', default: 'sqlite' },
      clients: { type: 'string', default: '4' },
      initial: { type: 'string', default: '200' },
      batch: { type: 'string', default: '100' },
    },
  });
  const store = values.store === 'neo4j' ? 'neo4j' : 'sqlite';
  const report = await runSoak({
    seconds: Number(values.seconds), warmupSeconds: Number(values.warmup), store, clients: Number(values.clients),
    initialArticles: Number(values.initial), ingestBatch: Number(values.batch), log: (l) => console.log(l),
  });
  console.log(formatSoak(report));
  const passed = soakPassed(report);
  console.log(passed ? 'soak: passed' : 'soak: FAILED (unexpected errors, failed ingests or memory growth over 10%)');
  process.exitCode = passed ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
