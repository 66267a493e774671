// Latency and throughput helpers. Times are in milliseconds measured with process.hrtime.bigint().

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export interface LatencySummary {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile on a sorted copy. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const x of sorted) sum += x;
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    mean: sorted.length ? sum / sorted.length : NaN,
  };
}

/** Runs `fn` once per item and returns per-call latencies (ms). Async-aware. */
export async function timeEach<T>(items: readonly T[], fn: (item: T) => unknown | Promise<unknown>): Promise<number[]> {
  const out: number[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const t = nowMs();
    const r = fn(items[i]);
    if (r instanceof Promise) await r;
    out[i] = nowMs() - t;
  }
  return out;
}

/** Rounds for display and JSON: 3 significant decimals for small numbers, integers for large ones. */
export function round(x: number): number {
  if (!Number.isFinite(x)) return x;
  const a = Math.abs(x);
  if (a >= 1000) return Math.round(x);
  if (a >= 100) return Math.round(x * 10) / 10;
  if (a >= 1) return Math.round(x * 100) / 100;
  return Math.round(x * 1000) / 1000;
}

export function mib(bytes: number): number {
  return bytes / (1024 * 1024);
}

/** Least-squares slope of y over x. */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}
