// `diplograph export --format F [--out PATH]`: the whole graph, or a subgraph chosen like the GraphQL `neighborhood`
// (--entity, --depth) and `paths` (--from, --to, --max-hops) queries, streamed to a file, a folder or stdout.
// `jsonl` is the backup that `import` reads: one article per line with its entities and relations.
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { DiplographError, ErrorCode } from '../../domain/errors.js';
import { batched, writeChunks, type TextChunks } from '../../export/chunks.js';
import { checkSelection, EXPORT_FORMAT_NAMES, EXPORT_FORMATS, exportFormat, MAIN_PART } from '../../export/formats.js';
import { counting, selectGraph, type SelectionArgs } from '../../export/graph-source.js';
import { addStoreOptions, withStore, type StoreOptions } from '../store-options.js';

interface ExportOptions extends StoreOptions {
  format: string;
  out?: string;
  entity?: string;
  depth?: number;
  maxNodes?: number;
  from?: string;
  to?: string;
  maxHops?: number;
  paths?: number;
  type?: string[];
  status?: string[];
  since?: string;
  until?: string;
}

function integer(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n)) throw new DiplographError(ErrorCode.BAD_USER_INPUT, `--${name} must be an integer, got '${value}'`);
    return n;
  };
}

/** `--type MET_AT,CALLED --type STATED` → all three. */
function list(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

async function writeFile(path: string, chunks: TextChunks): Promise<void> {
  await pipeline(Readable.from(batched(chunks)), createWriteStream(path));
}

function formatHelp(): string {
  return [...EXPORT_FORMATS.values()].map((f) => `  ${f.name.padEnd(16)}${f.description}`).join('\n');
}

export function registerExport(program: Command): void {
  addStoreOptions(
    program
      .command('export')
      .description('export the whole graph or a neighborhood/paths subgraph for Gephi, Cytoscape, networkx, pandas or neo4j-admin')
      .requiredOption('--format <format>', `one of: ${EXPORT_FORMAT_NAMES.join(', ')}`)
      .option('--out <path>', 'file to write (a folder for csv); default stdout')
      .option('--entity <name>', 'a neighborhood: this actor (name, alias, id or Wikidata id)')
      .option('--depth <n>', 'neighborhood hops, 1–3 (default 1)', integer('depth'))
      .option('--max-nodes <n>', 'neighborhood entities at most, 1–500 (default 200)', integer('max-nodes'))
      .option('--from <name>', 'paths from this actor (with --to)')
      .option('--to <name>', 'paths to this actor (with --from)')
      .option('--max-hops <n>', 'longest path, 1–6 (default 3)', integer('max-hops'))
      .option('--paths <n>', 'how many paths, 1–100 (default 10)', integer('paths'))
      .option('--type <types>', 'only these relation types (comma-separated, repeatable)', list)
      .option('--status <statuses>', 'only these statuses: occurred, planned, denied, hypothetical', list)
      .option('--since <date>', 'only relations dated on or after (YYYY, YYYY-MM or YYYY-MM-DD)')
      .option('--until <date>', 'only relations dated on or before')
      .addHelpText('after', `\nFormats:\n${formatHelp()}`),
  ).action(async (opts: ExportOptions) => {
    const format = exportFormat(opts.format);
    const args: SelectionArgs = {
      entity: opts.entity, depth: opts.depth, maxNodes: opts.maxNodes, from: opts.from, to: opts.to, maxHops: opts.maxHops, paths: opts.paths,
      relationTypes: opts.type, statuses: opts.status, since: opts.since, until: opts.until,
    };
    checkSelection(format, args);
    const parts = Object.values(format.files);
    if (parts.length > 1 && !opts.out) {
      throw new DiplographError(ErrorCode.BAD_USER_INPUT, `format '${format.name}' writes ${parts.length} files: give --out FOLDER`);
    }
    await withStore(opts, async (store) => {
      const started = Date.now();
      const { source, counts } = counting(await selectGraph(store, args));
      if (!opts.out) {
        await writeChunks(process.stdout, format.files[MAIN_PART].write({ source, store }));
        return;
      }
      const targets: string[] = [];
      if (parts.length > 1) {
        await mkdir(opts.out, { recursive: true });
        for (const file of parts) {
          targets.push(join(opts.out, file.fileName));
          await writeFile(targets.at(-1)!, file.write({ source, store }));
        }
      } else {
        targets.push(opts.out);
        await writeFile(opts.out, parts[0].write({ source, store }));
      }
      // Each file reads what it needs (relations-jsonl no entities), so the summary names what was read.
      const read = [counts.nodes ? `${counts.nodes} entities` : '', `${counts.edges} relations`].filter(Boolean).join(', ');
      const summary = format.wholeStoreOnly ? '' : ` (${read})`;
      process.stderr.write(`diplograph: wrote ${targets.join(', ')}${summary} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    });
  });
}
