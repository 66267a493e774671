// The real Neo4j of the test run, seen from robustness tests: how many articles it holds (to kill or stop at a
// chosen point of an ingest), and stopping and starting it with the repo's own scripts (tools/neo4j/*.sh).
// Outage tests always start it again in `finally`: later test files need it.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { ROOT } from '../../helpers/cli.js';
import { query, testOptions } from '../../store/neo4j-test-database.js';

const run = promisify(execFile);

export async function neo4jArticleCount(): Promise<number> {
  return Number((await query('MATCH (a:Article) RETURN count(a) AS n')).records[0].get('n'));
}

/** Ids stored more than once, per kind: must stay zero whatever happens to the writers. */
export async function duplicateIds(): Promise<Record<string, number>> {
  const count = async (statement: string) => Number((await query(statement)).records[0].get('n'));
  return {
    articles: await count('MATCH (a:Article) WITH a.id AS id, count(*) AS c WHERE c > 1 RETURN count(id) AS n'),
    entities: await count('MATCH (e:Entity) WITH e.id AS id, count(*) AS c WHERE c > 1 RETURN count(id) AS n'),
    relations: await count('MATCH ()-[r]->() WHERE r.id IS NOT NULL WITH r.id AS id, count(*) AS c WHERE c > 1 RETURN count(id) AS n'),
    evidence: await count('MATCH (v:Evidence) WITH v.id AS id, count(*) AS c WHERE c > 1 RETURN count(id) AS n'),
  };
}

const uriPort = (): string => /:(\d+)\/?$/.exec(testOptions().uri)?.[1] ?? '7687';
/** start.sh keeps one pid file per Bolt port. */
const pidFile = (): string => `${ROOT}tools/neo4j/run/neo4j-${uriPort()}.pid`;

/** The environment of the launcher start.sh started for the tests' port, or null when there is none. */
function launcherEnv(): string[] | null {
  if (!existsSync(pidFile())) return null;
  const pid = Number(readFileSync(pidFile(), 'utf8').trim());
  try {
    process.kill(pid, 0);
    return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
  } catch {
    return null;
  }
}

const envValue = (env: string[], name: string): string | undefined => env.find((v) => v.startsWith(`${name}=`))?.slice(name.length + 1);

/**
 * True when the Neo4j the tests use (NEO4J_URI) is the one tools/neo4j/start.sh started — its pid file names a live
 * process listening on that port — so the tests can stop and start it. Another server (Docker, Aura, a second
 * launcher) is never touched.
 */
export function canControlNeo4j(): boolean {
  const env = launcherEnv();
  return env !== null && (envValue(env, 'NEO4J_BOLT_PORT') ?? '7687') === uriPort();
}

/** The launcher's settings (data directory, memory, JVM options), kept from before a stop for the restart. */
let launcherSettings: NodeJS.ProcessEnv = {};
const LAUNCHER_SETTINGS = ['NEO4J_DATA_DIR', 'NEO4J_PAGECACHE_MB', 'NEO4J_HEAP_MB', 'NEO4J_JAVA_OPTS'];

/** Port and password of the tests, and the running launcher's settings, so a restart brings back the same database. */
function scriptEnv(): NodeJS.ProcessEnv {
  const env = launcherEnv();
  if (env) launcherSettings = Object.fromEntries(LAUNCHER_SETTINGS.flatMap((name) => (envValue(env, name) === undefined ? [] : [[name, envValue(env, name)]])));
  return { ...process.env, ...launcherSettings, NEO4J_BOLT_PORT: uriPort(), NEO4J_PASSWORD: testOptions().password };
}

export async function stopNeo4j(): Promise<void> {
  await run('bash', [`${ROOT}tools/neo4j/stop.sh`], { env: scriptEnv(), timeout: 120_000 });
}

/** Starts Neo4j (idempotent: returns at once when it already answers) and waits until Bolt answers. */
export async function startNeo4j(): Promise<void> {
  await run('bash', [`${ROOT}tools/neo4j/start.sh`], { env: scriptEnv(), timeout: 180_000 });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` returns true (errors count as false), or throws after `timeoutMs`. */
export async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs: number, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
