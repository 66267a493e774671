// Riding out a store outage during an ingest: a store call that fails with STORE_UNAVAILABLE (Neo4j restarted,
// network gone) is tried again after a growing pause, a bounded number of times; then the ingest stops with one
// clear message. Safe because every write is idempotent: an article written just before the connection was lost
// comes back as a duplicate, never twice.
import { DiplographError, ErrorCode, isDiplographError } from '../../src/domain/errors.js';

export interface RetryPolicy {
  /** Further attempts after the first failure. */
  retries: number;
  /** Pause before the first retry; doubled for each next one. */
  initialDelayMs: number;
  /** Longest pause between two attempts. */
  maxDelayMs: number;
}

/** About a minute of pauses (1 + 2 + 4 + 8 + 16 + 30 s) on top of the driver's own retries. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 6, initialDelayMs: 1_000, maxDelayMs: 30_000 };

/**
 * DIPLOGRAPH_STORE_RETRIES, DIPLOGRAPH_STORE_RETRY_DELAY_MS and DIPLOGRAPH_STORE_RETRY_MAX_DELAY_MS override the
 * defaults (non-negative integers).
 */
export function retryPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): RetryPolicy {
  const int = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw == null || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new DiplographError(ErrorCode.CONFIG_INVALID, `${name} must be a non-negative integer, got '${raw}'`);
    return n;
  };
  const initialDelayMs = int('DIPLOGRAPH_STORE_RETRY_DELAY_MS', DEFAULT_RETRY_POLICY.initialDelayMs);
  return {
    retries: int('DIPLOGRAPH_STORE_RETRIES', DEFAULT_RETRY_POLICY.retries),
    initialDelayMs,
    maxDelayMs: Math.max(initialDelayMs, int('DIPLOGRAPH_STORE_RETRY_MAX_DELAY_MS', DEFAULT_RETRY_POLICY.maxDelayMs)),
  };
}

/** Pause before retry number `attempt` (1-based). */
export function retryDelay(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.initialDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
}

export function isRetryable(err: unknown): err is DiplographError {
  return isDiplographError(err) && err.code === ErrorCode.STORE_UNAVAILABLE;
}

export interface RetryNotice {
  error: DiplographError;
  /** The retry about to happen, 1-based. */
  attempt: number;
  retries: number;
  delayMs: number;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

export function formatRetryNotice(n: RetryNotice): string {
  return `${n.error.message}; retrying in ${seconds(n.delayMs)} (retry ${n.attempt} of ${n.retries})`;
}

/**
 * Runs `call`, retrying it on STORE_UNAVAILABLE as the policy allows. When the retries are used up it throws a
 * STORE_UNAVAILABLE error whose message says what was tried and how long (`what` completes "… while <what>").
 */
export async function withStoreRetry<T>(
  call: () => Promise<T>,
  policy: RetryPolicy,
  what: string,
  onRetry?: (notice: RetryNotice) => void,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<T> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (!isRetryable(err)) throw err;
      if (attempt > policy.retries) {
        const tries = policy.retries + 1;
        throw new DiplographError(
          ErrorCode.STORE_UNAVAILABLE,
          `${err.message}; gave up after ${tries} attempt${tries === 1 ? '' : 's'} over ${seconds(Date.now() - started)} while ${what}`,
          { cause: err },
        );
      }
      const delayMs = retryDelay(policy, attempt);
      onRetry?.({ error: err, attempt, retries: policy.retries, delayMs });
      await sleep(delayMs);
    }
  }
}
