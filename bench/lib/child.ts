// Child processes of the benchmark run the same build as the parent: compiled JavaScript when the benchmark
// runs compiled (`npm run bench`), TypeScript through tsx when it runs from source (`npx tsx bench/run.ts`).
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const compiled = import.meta.url.endsWith('.js');

/** Forks bench/children/<name> with IPC; `nodeOptions` go to its Node (and so to its worker threads). */
export function forkChild(name: string, args: string[], nodeOptions: string[] = []): ChildProcess {
  const script = fileURLToPath(new URL(`../children/${name}.${compiled ? 'js' : 'ts'}`, import.meta.url));
  return fork(script, args, { execArgv: [...nodeOptions, ...(compiled ? [] : ['--import', 'tsx'])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}
