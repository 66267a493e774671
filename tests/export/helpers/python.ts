// Runs the real Python readers (networkx, pandas, jupyter) from Debian's packages. Missing tools fail the test
// with the command that installs them: a reader we cannot run is a failure, never a skip.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** What .ci/run installs; the tests name it when something is missing. */
export const DEBIAN_PACKAGES = 'python3-networkx python3-pandas python3-requests python3-matplotlib jupyter-nbconvert python3-ipykernel';

// Debian's interpreter first: a pyenv or venv python3 earlier on PATH usually lacks the Debian packages.
const CANDIDATES = [process.env.DIPLOGRAPH_PYTHON, '/usr/bin/python3', 'python3'].filter((p): p is string => Boolean(p));

const found = new Map<string, string>();

/** A python3 that imports every module, or an Error saying how to install them. */
export function python(modules: readonly string[]): string {
  const key = modules.join(',');
  const cached = found.get(key);
  if (cached) return cached;
  const tried: string[] = [];
  for (const candidate of CANDIDATES) {
    if (candidate.startsWith('/') && !existsSync(candidate)) continue;
    const r = spawnSync(candidate, ['-c', modules.map((m) => `import ${m}`).join('; ')], { encoding: 'utf8' });
    if (r.status === 0) {
      found.set(key, candidate);
      return candidate;
    }
    tried.push(`${candidate}: ${(r.stderr || r.error?.message || '').trim().split('\n').at(-1)}`);
  }
  throw new Error(
    `no python3 with ${modules.join(', ')} (tried ${tried.join('; ') || 'nothing'}); install: apt-get install -y ${DEBIAN_PACKAGES}`,
  );
}

/** Runs a Python script file with arguments and returns its stdout (stderr is shown on failure). */
export function runPython(modules: readonly string[], script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): string {
  try {
    return execFileSync(python(modules), [script, ...args], {
      encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`${script} failed: ${e.stderr || e.message}`);
  }
}

/** Absolute path of an executable on PATH (or a fixed path), or an Error naming the Debian package. */
export function executable(candidates: readonly string[], debianPackage: string): string {
  for (const c of candidates) {
    if (c.startsWith('/')) {
      if (existsSync(c)) return c;
      continue;
    }
    const r = spawnSync('sh', ['-c', `command -v ${c}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  throw new Error(`none of ${candidates.join(', ')} found; install: apt-get install -y ${debianPackage}`);
}
