// `diplograph export --format jsonl [--out FILE]`: the whole graph as a stream (backup, pandas, migration).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { DiplographError, ErrorCode } from '../../domain/errors.js';
import { readSnapshot } from '../../store/snapshot.js';
import { addStoreOptions, withStore, type StoreOptions } from '../store-options.js';

export const EXPORT_FORMATS = ['jsonl'] as const;

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

export function registerExport(program: Command): void {
  addStoreOptions(
    program
      .command('export')
      .description('export the graph; jsonl: one article per line with its entities and relations (evidence included), for backup and `import`')
      .requiredOption('--format <format>', `one of: ${EXPORT_FORMATS.join(', ')}`)
      .option('--out <file>', 'write here instead of stdout'),
  ).action(async (opts: StoreOptions & { format: string; out?: string }) => {
    if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format)) {
      throw new DiplographError(ErrorCode.BAD_USER_INPUT, `unknown export format '${opts.format}' (use ${EXPORT_FORMATS.join(', ')})`);
    }
    await withStore(opts, async (store) => {
      const out: Writable = opts.out ? createWriteStream(opts.out) : process.stdout;
      for await (const x of readSnapshot(store)) await write(out, `${JSON.stringify(x)}\n`);
      if (opts.out) {
        out.end();
        await once(out, 'finish');
      }
    });
  });
}
