// `diplograph check`: verifies the store is whole (every relation has evidence, every evidence points to a
// stored article and slices its sentence exactly, every relation's entities exist). Exit code 3 when not.
import type { Command } from 'commander';
import { addStoreOptions, withStore, type StoreOptions } from '../store-options.js';

export function registerCheck(program: Command): void {
  addStoreOptions(program.command('check').description('verify the integrity of the store; exit code 3 when a problem is found')).action(
    async (opts: StoreOptions) => {
      await withStore(opts, async (store) => {
        const report = await store.checkIntegrity();
        const problems = Object.entries(report).filter(([k, v]) => k !== 'counts' && Array.isArray(v) && v.length > 0);
        process.stdout.write(`${JSON.stringify({ ok: problems.length === 0, ...report })}\n`);
        if (problems.length) {
          for (const [k, v] of problems) process.stderr.write(`diplograph check: ${k}: ${(v as string[]).length} (first: ${(v as string[])[0]})\n`);
          process.exitCode = 3;
        }
      });
    },
  );
}
