// `diplograph import FILE`: restores a JSON Lines snapshot written by `export --format jsonl`.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { DiplographError, ErrorCode } from '../../domain/errors.js';
import type { ExtractedArticle } from '../../domain/model.js';
import { writeSnapshot } from '../../store/snapshot.js';
import { addStoreOptions, withStore, type StoreOptions } from '../store-options.js';

export async function* readSnapshotFile(path: string): AsyncGenerator<ExtractedArticle> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new DiplographError(ErrorCode.INPUT_INVALID, `${path}:${n}: not valid JSON`);
    }
    const x = value as Partial<ExtractedArticle>;
    if (!x.article?.id || !Array.isArray(x.entities) || !Array.isArray(x.relations)) {
      throw new DiplographError(ErrorCode.INPUT_INVALID, `${path}:${n}: not a diplograph snapshot line (needs article, entities, relations)`);
    }
    yield x as ExtractedArticle;
  }
}

export function registerImport(program: Command): void {
  addStoreOptions(
    program.command('import').description('restore a snapshot written by `export --format jsonl` (idempotent)').argument('<file>', 'snapshot (.jsonl)'),
  ).action(async (file: string, opts: StoreOptions) => {
    await withStore(opts, async (store) => {
      const result = await writeSnapshot(store, readSnapshotFile(file));
      process.stdout.write(`imported: ${result.articlesNew} new, ${result.articlesDuplicate} already there; store ${JSON.stringify(result.counts)}\n`);
    });
  });
}
