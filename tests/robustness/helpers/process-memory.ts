// Memory of other processes: the peak of a CLI run (through rss-probe.cjs) and the current RSS of a running server.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PROBE = fileURLToPath(new URL('./rss-probe.cjs', import.meta.url));

/** Environment that makes a `runCli` child write its peak RSS (bytes) to `file` when it exits. */
export function rssProbeEnv(file: string): NodeJS.ProcessEnv {
  const existing = process.env.NODE_OPTIONS ? `${process.env.NODE_OPTIONS} ` : '';
  return { NODE_OPTIONS: `${existing}--require ${PROBE}`, DIPLOGRAPH_RSS_PROBE_FILE: file };
}

export function readPeakRss(file: string): number {
  return Number(readFileSync(file, 'utf8'));
}

/** Current resident set size of a live process, in bytes (Linux /proc). */
export function currentRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!kb) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kb[1]) * 1024;
}

export const MB = 1024 * 1024;
