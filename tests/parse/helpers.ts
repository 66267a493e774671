// Test helpers: fixture paths and throw-away directories.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/inputs/', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

/** A fresh temporary directory; call the returned `cleanup` in afterEach/afterAll. */
export async function makeTempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'diplograph-parse-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
