// A progress bar on a terminal (cli-progress); silent when stderr is not a TTY (CI logs, pipes).
import cliProgress from 'cli-progress';
import type { IngestProgress } from '../../ingest/load/ingest-files.js';

export function terminalProgress(enabled = Boolean(process.stderr.isTTY)): IngestProgress | undefined {
  if (!enabled) return undefined;
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'ingest [{bar}] {value}/{total} files | {file}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total) => bar.start(total, 0, { file: '' }),
    tick: (file) => bar.increment(1, { file: file.length > 40 ? `…${file.slice(-39)}` : file }),
    stop: () => bar.stop(),
  };
}
