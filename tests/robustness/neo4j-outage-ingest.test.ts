// Ingests that lose Neo4j mid-run (the real server stopped and started by the repo's scripts), one outage for two
// ingests with different retry budgets (DIPLOGRAPH_STORE_RETRIES / _RETRY_DELAY_MS):
// - the patient one retries with backoff, says so on stderr, and finishes once Neo4j is back, exit code 0;
// - the impatient one gives up after its bounded retries with one clear message and exit code 1;
// - re-running it afterwards finishes the job: the graph ends with exactly the counts of uninterrupted ingests
//   (an SQLite reference) and no id stored twice.
// Neo4j is always started again at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliResult } from '../helpers/cli.js';
import { writeCorpus } from '../helpers/synthetic-corpus.js';
import { closeAdmin, emptyDatabase, NEO4J_ENABLED, SKIP_LINE } from '../store/neo4j-test-database.js';
import { newArticles, runCli, spawnCli, type CheckReport } from './helpers/cli-process.js';
import { canControlNeo4j, duplicateIds, neo4jArticleCount, sleep, startNeo4j, stopNeo4j, waitFor } from './helpers/neo4j-server.js';

const CONTROLLABLE = NEO4J_ENABLED && canControlNeo4j();
if (!NEO4J_ENABLED) console.log(SKIP_LINE);
else if (!CONTROLLABLE) console.log('neo4j outage suite skipped: this Neo4j was not started by tools/neo4j/start.sh, so it cannot be stopped');

// Enough articles that both ingests are still writing when Neo4j, which takes seconds to stop, is gone.
const PATIENT_ARTICLES = 600;
const IMPATIENT_ARTICLES = 800;

// Up to 20 retries, pauses growing from 0.5 s to 4 s: rides out a restart of a minute and more, and notices the
// return within seconds. The driver's own retries are cut short as for the impatient one: with its default 15 s
// they could ride out the whole outage (Neo4j takes seconds to stop), and the store's retries, which this tests, never run.
const PATIENT = {
  DIPLOGRAPH_STORE_RETRIES: '20',
  DIPLOGRAPH_STORE_RETRY_DELAY_MS: '500',
  DIPLOGRAPH_STORE_RETRY_MAX_DELAY_MS: '4000',
  DIPLOGRAPH_NEO4J_RETRY_TIME_MS: '2000',
};
// Two retries after a 2 s driver retry time: gives up soon after Neo4j is gone.
const IMPATIENT = { DIPLOGRAPH_STORE_RETRIES: '2', DIPLOGRAPH_STORE_RETRY_DELAY_MS: '200', DIPLOGRAPH_NEO4J_RETRY_TIME_MS: '2000' };
const GAVE_UP =
  /^diplograph: ingest stopped: cannot reach Neo4j at bolt:\/\/\S+: [^;]+; gave up after 3 attempts over \d+(\.\d)? s while writing \d+ articles\. (\d+) new articles were stored before it stopped; run the same command again to continue \(stored articles are skipped\)$/;

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe.skipIf(!CONTROLLABLE)('ingest --store neo4j through a Neo4j outage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplograph-neo4j-outage-'));
  const patientCorpus = join(dir, 'patient');
  const impatientCorpus = join(dir, 'impatient');
  let reference: CheckReport;
  let patient: Outcome;
  let impatient: Outcome;
  let rerun: CliResult;
  let final: CheckReport;
  let storedBeforeRerun = 0;
  const timeline: string[] = [];

  beforeAll(async () => {
    writeCorpus(patientCorpus, PATIENT_ARTICLES, 41);
    writeCorpus(impatientCorpus, IMPATIENT_ARTICLES, 43);
    const refDb = join(dir, 'reference.db');
    expect((await runCli(['ingest', patientCorpus, impatientCorpus, '--db', refDb, '--no-progress'])).status).toBe(0);
    reference = JSON.parse((await runCli(['check', '--db', refDb])).stdout) as CheckReport;

    await emptyDatabase();
    const t0 = Date.now();
    const at = (what: string) => timeline.push(`${what} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const a = spawnCli(['ingest', patientCorpus, '--store', 'neo4j', '--no-progress'], PATIENT);
    const b = spawnCli(['ingest', impatientCorpus, '--store', 'neo4j', '--no-progress'], IMPATIENT);
    try {
      await waitFor('20 stored articles', async () => (await neo4jArticleCount()) >= 20, 60_000, 50);
      at('stopping');
      await stopNeo4j();
      at('stopped');
      const bExit = await b.exited;
      at('impatient gave up');
      impatient = { code: bExit.code, stdout: b.stdout(), stderr: b.stderr() };
      // The patient one is still waiting for Neo4j.
      expect(a.child.exitCode).toBeNull();
      await sleep(1_000);
    } finally {
      await startNeo4j();
      at('started');
    }
    const aExit = await a.exited;
    at('patient finished');
    patient = { code: aExit.code, stdout: a.stdout(), stderr: a.stderr() };
    storedBeforeRerun = await neo4jArticleCount();
    rerun = await runCli(['ingest', impatientCorpus, '--store', 'neo4j', '--no-progress']);
    at('re-run finished');
    final = JSON.parse((await runCli(['check', '--store', 'neo4j'])).stdout) as CheckReport;
    console.log(`outage timeline: ${timeline.join(', ')}\npatient stderr:\n${patient.stderr}impatient stderr:\n${impatient.stderr}`);
  }, 300_000);

  afterAll(async () => {
    await startNeo4j();
    rmSync(dir, { recursive: true, force: true });
    await emptyDatabase();
    await closeAdmin();
  }, 180_000);

  it('the patient ingest retries with backoff, saying so, and finishes once Neo4j is back', () => {
    expect(patient.code, patient.stderr).toBe(0);
    const notices = patient.stderr.trimEnd().split('\n');
    expect(notices.length).toBeGreaterThanOrEqual(1);
    for (const line of notices) {
      expect(line).toMatch(/^diplograph: cannot reach Neo4j at bolt:\/\/\S+: [^;]+; retrying in \d+(\.\d)? s \(retry \d+ of 20\)$/);
    }
    // Backoff: the announced pauses grow.
    const pauses = notices.map((l) => Number(/retrying in ([\d.]+) s/.exec(l)![1]));
    expect(pauses).toEqual([...pauses].sort((x, y) => x - y));
    expect(newArticles(patient.stdout)).toBeLessThanOrEqual(PATIENT_ARTICLES);
  });

  it('the impatient ingest stops after its bounded retries with one clear message and a non-zero exit code', () => {
    expect(impatient.code).toBe(1);
    const lines = impatient.stderr.trimEnd().split('\n');
    // Two retry notices, then the one message that ends the run; no stack trace, no summary.
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/; retrying in 0\.2 s \(retry 1 of 2\)$/);
    expect(lines[1]).toMatch(/; retrying in 0\.4 s \(retry 2 of 2\)$/);
    expect(lines[2]).toMatch(GAVE_UP);
    expect(impatient.stdout).toBe('');
    expect(Number(GAVE_UP.exec(lines[2])![2])).toBeLessThan(IMPATIENT_ARTICLES);
  });

  it('a re-run finishes the job: exactly the counts of uninterrupted ingests, no id twice', async () => {
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(storedBeforeRerun).toBeLessThan(PATIENT_ARTICLES + IMPATIENT_ARTICLES);
    expect(newArticles(rerun.stdout)).toBe(PATIENT_ARTICLES + IMPATIENT_ARTICLES - storedBeforeRerun);
    expect(final.ok).toBe(true);
    expect(final.counts).toEqual(reference.counts);
    expect(await duplicateIds()).toEqual({ articles: 0, entities: 0, relations: 0, evidence: 0 });
  });
});
