// `diplograph eval --gold FILE`: extraction scored against gold annotations (development-set format).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { DiplographError, ErrorCode } from '../../domain/errors.js';
import { formatReport, scoreExtraction, type GoldArticle } from '../../../ingest/eval/score-extraction.js';
import { toExtractionJson, type ExtractionJson } from '../extraction-json.js';

export function readGold(path: string): GoldArticle[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new DiplographError(ErrorCode.INPUT_UNREADABLE, `cannot read gold file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return text
    .split('\n')
    .map((line, i) => [line, i + 1] as const)
    .filter(([line]) => line.trim())
    .map(([line, n]) => {
      try {
        return JSON.parse(line) as GoldArticle;
      } catch {
        throw new DiplographError(ErrorCode.INPUT_INVALID, `${path}:${n}: not valid JSON`);
      }
    });
}

/** Extracts every gold article's file (paths relative to the gold file) and scores the result. */
export async function evaluateGold(goldPath: string) {
  const { processFile } = await import('../../../ingest/pipeline.js');
  const gold = readGold(goldPath);
  const predicted: ExtractionJson[] = [];
  for (const g of gold) {
    const file = resolve(dirname(goldPath), g.file);
    const outcome = await processFile(file);
    const first = outcome.articles[0];
    if (!first) throw new DiplographError(ErrorCode.INPUT_INVALID, `${file}: ${outcome.errors[0]?.reason ?? 'no article'}`);
    predicted.push(toExtractionJson(file, first));
  }
  return scoreExtraction(gold, predicted);
}

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('score extraction against gold annotations: P/R/F1 per relation type, entity F1 per type, attribute accuracy')
    .requiredOption('--gold <file>', 'gold annotations, one JSON object per article (files relative to it)')
    .option('--verbose', 'list every missed and extra relation')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { gold: string; verbose?: boolean; json?: boolean }) => {
      const report = await evaluateGold(opts.gold);
      process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report, opts.verbose)}\n`);
    });
}
