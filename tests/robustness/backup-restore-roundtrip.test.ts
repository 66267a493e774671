// Backup and restore through the CLI: `export --format jsonl` then `import` round-trips a whole graph, evidence
// included, with identical counts and `diplograph checksum`, within SQLite, SQLite → Neo4j, Neo4j → SQLite and
// within Neo4j; the backups written by either store are byte-identical, and restoring twice adds nothing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { runCli } from './helpers/cli-process.js';
import { writeCorpus } from '../helpers/synthetic-corpus.js';
import { closeAdmin, emptyDatabase, NEO4J_ENABLED, SKIP_LINE } from '../store/neo4j-test-database.js';

if (!NEO4J_ENABLED) console.log(SKIP_LINE);

interface Checksum {
  checksum: string;
  counts: { articles: number; entities: number; relations: number; evidence: number };
}

async function cli(args: string[]): Promise<string> {
  const res = await runCli(args);
  expect(res.status, `${args.join(' ')}: ${res.stderr}`).toBe(0);
  return res.stdout;
}

const checksum = async (store: string[]): Promise<Checksum> => JSON.parse(await cli(['checksum', ...store])) as Checksum;

async function intact(store: string[]): Promise<void> {
  expect(JSON.parse(await cli(['check', ...store])).ok).toBe(true);
}

describe('backup and restore with export --format jsonl and import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplograph-backup-'));
  const sqlite = (name: string) => ['--db', join(dir, `${name}.db`)];
  const NEO4J = ['--store', 'neo4j'];
  const backup = (name: string) => join(dir, `${name}.jsonl`);
  let original: Checksum;

  beforeAll(async () => {
    writeCorpus(join(dir, 'corpus'), 20, 23);
    // The synthetic corpus and the real sample article (quotes, roles, places, aliases).
    await cli(['ingest', join(dir, 'corpus'), `${ROOT}samples`, ...sqlite('original'), '--no-progress']);
    original = await checksum(sqlite('original'));
    await cli(['export', '--format', 'jsonl', ...sqlite('original'), '--out', backup('original')]);
  }, 120_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (NEO4J_ENABLED) {
      await emptyDatabase();
      await closeAdmin();
    }
  });

  it('backs up a whole graph, evidence included', () => {
    expect(original.counts.articles).toBeGreaterThan(20);
    expect(original.counts.relations).toBeGreaterThan(0);
    expect(original.counts.evidence).toBeGreaterThanOrEqual(original.counts.relations);
    const lines = readFileSync(backup('original'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(original.counts.articles);
    const evidence = lines.flatMap((l) => (JSON.parse(l) as { relations: { mentions: unknown[] }[] }).relations.flatMap((r) => r.mentions));
    expect(evidence).toHaveLength(original.counts.evidence);
  });

  it('restores into an empty SQLite store with the same counts and checksum, and a second restore adds nothing', async () => {
    expect(await cli(['import', backup('original'), ...sqlite('restored')])).toMatch(new RegExp(`^imported: ${original.counts.articles} new, 0 already there; `));
    expect(await checksum(sqlite('restored'))).toEqual(original);
    await intact(sqlite('restored'));
    expect(await cli(['import', backup('original'), ...sqlite('restored')])).toMatch(new RegExp(`^imported: 0 new, ${original.counts.articles} already there; `));
    expect(await checksum(sqlite('restored'))).toEqual(original);
    await cli(['export', '--format', 'jsonl', ...sqlite('restored'), '--out', backup('restored')]);
    expect(readFileSync(backup('restored'), 'utf8')).toBe(readFileSync(backup('original'), 'utf8'));
  });

  it.skipIf(!NEO4J_ENABLED)('restores from SQLite into Neo4j, back into SQLite, and within Neo4j, checksums equal throughout', async () => {
    await emptyDatabase();
    await cli(['import', backup('original'), ...NEO4J]);
    expect(await checksum(NEO4J)).toEqual(original);
    await intact(NEO4J);

    // Neo4j writes the same backup, byte for byte.
    await cli(['export', '--format', 'jsonl', ...NEO4J, '--out', backup('neo4j')]);
    expect(readFileSync(backup('neo4j'), 'utf8')).toBe(readFileSync(backup('original'), 'utf8'));

    // Neo4j → SQLite.
    await cli(['import', backup('neo4j'), ...sqlite('from-neo4j')]);
    expect(await checksum(sqlite('from-neo4j'))).toEqual(original);

    // Within Neo4j: empty it, restore its own backup (twice: idempotent).
    await emptyDatabase();
    expect((await checksum(NEO4J)).counts.articles).toBe(0);
    await cli(['import', backup('neo4j'), ...NEO4J]);
    expect(await cli(['import', backup('neo4j'), ...NEO4J])).toMatch(new RegExp(`^imported: 0 new, ${original.counts.articles} already there; `));
    expect(await checksum(NEO4J)).toEqual(original);
    await intact(NEO4J);
  }, 180_000);
});
