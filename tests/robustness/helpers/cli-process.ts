// CLI children for robustness tests: commands run to completion, started in the background, killed at a chosen
// moment; `serve` children; and the counts a command prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT, ensureBuilt, type CliResult } from '../../helpers/cli.js';

export { ensureBuilt };

export interface Spawned {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `diplograph ARGS…` without waiting for it. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): Spawned {
  ensureBuilt();
  const child = spawn(process.execPath, [`${ROOT}bin/diplograph.js`, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (err += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Runs `diplograph ARGS…` to its end (as tests/helpers/cli.ts runCli, without recompiling an up-to-date dist/). */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const spawned = spawnCli(args, env);
  const { code } = await spawned.exited;
  return { status: code ?? -1, stdout: spawned.stdout(), stderr: spawned.stderr() };
}

/** `check` output: the counts and whether every invariant holds. */
export interface CheckReport {
  ok: boolean;
  counts: { articles: number; entities: number; relations: number; evidence: number };
}

/** "(N in store)" figures of an ingest summary line: entities, relations. */
export function storeTotals(stdout: string): [number, number] | null {
  const m = /entities \+\d+ \((\d+) in store\), relations \+\d+ \((\d+) in store\)/.exec(stdout);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

export function newArticles(stdout: string): number {
  const m = /articles: (\d+) new/.exec(stdout);
  if (!m) throw new Error(`no ingest summary in: ${stdout}`);
  return Number(m[1]);
}

/** Resolves with the first match of `pattern` in the child's stdout; rejects when it exits first or after `timeoutMs`. */
export function waitForStdout(spawned: Spawned, pattern: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`timed out waiting for ${pattern}: ${spawned.stdout()}${spawned.stderr()}`)), timeoutMs);
    const onData = () => {
      const m = spawned.stdout().match(pattern);
      if (m) finish(null, m);
    };
    const onClose = () => finish(new Error(`exited before ${pattern}: ${spawned.stdout()}${spawned.stderr()}`));
    function finish(err: Error | null, m?: RegExpMatchArray) {
      clearTimeout(timer);
      spawned.child.stdout?.off('data', onData);
      spawned.child.off('close', onClose);
      if (err) reject(err);
      else resolve(m!);
    }
    spawned.child.stdout?.on('data', onData);
    spawned.child.on('close', onClose);
    onData();
  });
}

/** A `diplograph serve` child, ready: its GraphQL URL and its base URL (for /ready, /health). */
export interface ServeChild extends Spawned {
  graphql: string;
  base: string;
}

export async function startServe(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServeChild> {
  const spawned = spawnCli(['serve', '--port', '0', ...args], env);
  const m = await waitForStdout(spawned, /GraphQL on (http:\/\/\S+\/graphql)/);
  return { ...spawned, graphql: m[1], base: m[1].replace(/\/graphql$/, '') };
}

/** SIGTERM, then wait for the exit. */
export async function stopChild(spawned: Spawned): Promise<void> {
  if (spawned.child.exitCode === null && spawned.child.signalCode === null) spawned.child.kill('SIGTERM');
  await spawned.exited;
}
