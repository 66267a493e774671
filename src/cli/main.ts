// The diplograph command line (commander). Each command lives in its own module under commands/.
import { Command } from 'commander';
import { registerCheck } from './commands/check.js';
import { registerChecksum } from './commands/checksum.js';
import { registerDemo } from './commands/demo.js';
import { registerEval } from './commands/eval.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerMigrate } from './commands/migrate.js';
import { registerExtract } from './commands/extract.js';
import { registerIngest } from './commands/ingest.js';
import { registerServe } from './commands/serve.js';
import { formatFatal } from './output.js';

export const VERSION = '0.1.0';

export function buildProgram(): Command {
  const program = new Command('diplograph')
    .description('Knowledge graph of diplomatic relations from German and English news: who met, called or spoke about whom, with evidence.')
    .version(VERSION);
  registerIngest(program);
  registerExtract(program);
  registerServe(program);
  registerDemo(program);
  registerCheck(program);
  registerChecksum(program);
  registerEval(program);
  registerExport(program);
  registerImport(program);
  registerMigrate(program);
  return program;
}

buildProgram()
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    process.stderr.write(`${formatFatal(err)}\n`);
    process.exitCode = 1;
  });
