// `npm run bench [-- --quick] [--out DIR] [--only a,b] [--skip a,b] [--no-neo4j] [--neo4j-sizes 100000,1000000]
//   [--ingest-memory-articles N] [--keep]`
//
// Runs the benchmark suites in one process (servers and long ingests in child processes), on seeded synthetic
// data, and writes DIR/latest.json (one key per figure, units in the name) and DIR/latest.md (the table).
// Suites: extraction, paths, ingest, api, memory, neo4j, ingest-memory. Neo4j figures need a Neo4j answering at
// NEO4J_URI (default bolt://127.0.0.1:7687, user neo4j, password diplograph-dev): the benchmark EMPTIES that
// database, as the test suites do.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchContext, Sizes } from './lib/context.js';
import { neo4jAnswers, neo4jConfig } from './lib/neo4j.js';
import { Report } from './lib/report.js';
import { apiSuite } from './suites/api.js';
import { extractionSuite } from './suites/extraction.js';
import { ingestSuite } from './suites/ingest.js';
import { ingestMemorySuite, serveMemorySuite } from './suites/memory.js';
import { neo4jSuite } from './suites/neo4j.js';
import { pathsSuite } from './suites/paths.js';

/** The package root, from bench/ or from the compiled copy under node_modules/.cache alike. */
function packageRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'diplograph') return dir;
    if (dirname(dir) === dir) throw new Error('diplograph package.json not found');
  }
}

const ROOT = packageRoot();

export const FULL: Sizes = {
  corpus: 1000,
  warmUp: 2000,
  ingest: 2000,
  ingestMemory: 100_000,
  graphs: [100_000, 1_000_000],
  naiveRelations: 10_000,
  queries: 2000,
  loadSeconds: 10,
};

export const QUICK: Sizes = {
  corpus: 80,
  warmUp: 100,
  ingest: 80,
  ingestMemory: 800,
  graphs: [10_000, 20_000],
  naiveRelations: 1000,
  queries: 200,
  loadSeconds: 2,
};

const SUITES = ['extraction', 'paths', 'ingest', 'api', 'memory', 'neo4j', 'ingest-memory'] as const;
type SuiteName = (typeof SUITES)[number];

interface Args {
  quick: boolean;
  out: string;
  only: Set<SuiteName> | null;
  skip: Set<SuiteName>;
  neo4j: boolean;
  neo4jSizes: number[] | null;
  ingestMemoryArticles: number | null;
  keep: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { quick: false, out: join(ROOT, 'bench', 'results'), only: null, skip: new Set(), neo4j: true, neo4jSizes: null, ingestMemoryArticles: null, keep: false };
  const list = (v: string | undefined) => {
    const names = (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    for (const n of names) if (!(SUITES as readonly string[]).includes(n)) throw new Error(`unknown suite ${n} (one of ${SUITES.join(', ')})`);
    return new Set(names as SuiteName[]);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') args.quick = true;
    else if (a === '--out') args.out = resolve(argv[++i]);
    else if (a === '--only') args.only = list(argv[++i]);
    else if (a === '--skip') args.skip = list(argv[++i]);
    else if (a === '--no-neo4j') args.neo4j = false;
    else if (a === '--neo4j-sizes') args.neo4jSizes = argv[++i].split(',').map(Number);
    else if (a === '--ingest-memory-articles') args.ingestMemoryArticles = Number(argv[++i]);
    else if (a === '--keep') args.keep = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

function git(...argv: string[]): string | null {
  try {
    return execFileSync('git', argv, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const log = (m: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${m}\n`);
  const sizes = { ...(args.quick ? QUICK : FULL) };
  if (args.ingestMemoryArticles) sizes.ingestMemory = args.ingestMemoryArticles;
  const workDir = mkdtempSync(join(tmpdir(), 'diplograph-bench-'));
  const report = new Report();
  const ctx: BenchContext = { quick: args.quick, sizes, report, workDir, log, neo4j: null, graphs: new Map() };
  const wanted = (s: SuiteName) => (args.only ? args.only.has(s) : true) && !args.skip.has(s);

  const commit = git('rev-parse', '--short', 'HEAD');
  const dirty = git('status', '--porcelain', '--untracked-files=no');
  const meta = {
    machine: `${cpus()[0]?.model ?? 'cpu'} × ${availableParallelism()}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${process.platform}/${process.arch}`,
    node_version: process.version,
    commit: commit ? `${commit}${dirty ? '-dirty' : ''}` : 'unknown',
    mode: args.quick ? 'quick' : 'full',
    date: new Date().toISOString(),
    cores: availableParallelism(),
    /** Other work on the machine skews every figure: the 1-minute load average when the run started. */
    load_average_at_start: Math.round(loadavg()[0] * 100) / 100,
    sizes: JSON.stringify(sizes),
  };

  if (args.neo4j && (wanted('neo4j') || wanted('ingest'))) {
    const c = neo4jConfig();
    const problem = await neo4jAnswers(c);
    if (problem) report.note(`Neo4j figures not measured: no Neo4j answering at ${c.uri} (${problem.split('\n')[0]}); start one with npm run neo4j:start`);
    else ctx.neo4j = c;
  } else if (!args.neo4j) {
    report.note('Neo4j figures not measured: --no-neo4j');
  }

  const failures: string[] = [];
  const run = async (name: SuiteName, fn: () => Promise<void>) => {
    if (!wanted(name)) return;
    const t = Date.now();
    log(`suite ${name}`);
    try {
      await fn();
    } catch (err) {
      const message = (err as Error).stack ?? String(err);
      failures.push(name);
      report.note(`suite ${name} failed: ${(err as Error).message.split('\n')[0]}`);
      log(`suite ${name} FAILED: ${message}`);
    }
    report.set(`suite_${name.replace('-', '_')}_seconds`, (Date.now() - t) / 1000);
  };

  try {
    await run('extraction', () => extractionSuite(ctx));
    await run('paths', () => pathsSuite(ctx));
    await run('ingest', () => ingestSuite(ctx));
    await run('api', () => apiSuite(ctx));
    await run('memory', () => serveMemorySuite(ctx));
    await run('neo4j', () => neo4jSuite(ctx, args.neo4jSizes ?? (args.quick ? [10_000] : [100_000])));
    await run('ingest-memory', () => ingestMemorySuite(ctx));
  } finally {
    if (!args.keep) rmSync(workDir, { recursive: true, force: true });
    else log(`scratch files kept in ${workDir}`);
  }

  report.set('bench_seconds', (Date.now() - started) / 1000);
  report.set('load_average_at_end', Math.round(loadavg()[0] * 100) / 100);
  mkdirSync(args.out, { recursive: true });
  const json = report.json(meta);
  writeFileSync(join(args.out, 'latest.json'), JSON.stringify(json, null, 2) + '\n');
  writeFileSync(join(args.out, 'latest.md'), report.markdown(meta));
  log(`wrote ${join(args.out, 'latest.json')} and latest.md`);
  process.stdout.write(report.markdown(meta));
  const missed = report.targets().filter((t) => t.met === false);
  if (missed.length) log(`targets missed: ${missed.map((t) => t.key).join(', ')}`);
  if (failures.length) {
    log(`suites failed: ${failures.join(', ')}`);
    process.exitCode = 1;
  }
}

await main();
