// Driver and server errors → one-line DiplographErrors. Messages name the URI, the user or the database and the
// reason in a few words, never the driver's multi-line text or a stack.
import { DiplographError, ErrorCode } from '../../domain/errors.js';

export interface ErrorContext {
  uri: string;
  username: string;
  database: string;
  timeoutMs?: number | null;
}

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** Every message down the `cause` chain, lower-cased, to spot socket errors the driver wraps. */
function messages(err: unknown): string {
  const parts: string[] = [];
  let e: unknown = err;
  for (let depth = 0; e && depth < 8; depth++) {
    const x = e as { message?: unknown; code?: unknown; cause?: unknown };
    parts.push(String(x.message ?? ''), String(x.code ?? ''));
    e = x.cause;
  }
  return parts.join(' | ').toLowerCase();
}

function unreachableReason(text: string): string {
  if (text.includes('econnrefused')) return 'connection refused';
  if (text.includes('enotfound') || text.includes('eai_again')) return 'host not found';
  if (text.includes('ehostunreach') || text.includes('enetunreach')) return 'host unreachable';
  if (text.includes('econnreset') || text.includes('epipe')) return 'connection reset';
  if (text.includes('timed out') || text.includes('timeout') || text.includes('etimedout')) return 'connection timed out';
  if (text.includes('tls') || text.includes('ssl') || text.includes('certificate')) return 'TLS handshake failed (check the URI scheme: bolt:// or bolt+s://)';
  if (text.includes('routing') || text.includes('discovery')) return 'no routing server answered';
  if (text.includes('protocol') || text.includes('handshake')) return 'not a Bolt server';
  return 'service unavailable';
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'ProtocolError', 'Neo.TransientError.General.DatabaseUnavailable']);
const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

/** The DiplographError for a driver error, or null when it is not one of the kinds the store translates. */
export function translateDriverError(err: unknown, ctx: ErrorContext): DiplographError | null {
  if (err instanceof DiplographError) return err;
  const code = codeOf(err);
  const text = messages(err);
  if (code === 'Neo.ClientError.Security.Unauthorized') {
    return new DiplographError(ErrorCode.CONFIG_INVALID, `Neo4j refused the credentials for user ${ctx.username}`, { cause: err });
  }
  if (code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new DiplographError(
      ErrorCode.CONFIG_INVALID,
      `Neo4j refused the credentials for user ${ctx.username} (too many failed logins; wait a few seconds)`,
      { cause: err },
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new DiplographError(ErrorCode.CONFIG_INVALID, `Neo4j at ${ctx.uri} has no database '${ctx.database}'`, { cause: err });
  }
  if (TIMEOUT_CODES.has(code) || (code.startsWith('Neo.') && text.includes('transaction has been terminated') && text.includes('timeout'))) {
    const budget = ctx.timeoutMs != null ? ` (${ctx.timeoutMs} ms)` : '';
    return new DiplographError(ErrorCode.TIMEOUT, `Neo4j query took longer than its time budget${budget}`, { cause: err });
  }
  if (UNAVAILABLE_CODES.has(code) || /econnrefused|enotfound|eai_again|ehostunreach|econnreset/.test(text)) {
    return new DiplographError(ErrorCode.STORE_UNAVAILABLE, `cannot reach Neo4j at ${ctx.uri}: ${unreachableReason(text)}`, { cause: err });
  }
  // A transient error still there after the driver's own retries (a database restarting, a leader switch, locks
  // held for too long): the server is there but cannot serve now. Callers that retry (ingest) try again later.
  if (code.startsWith('Neo.TransientError.') || (code === 'Neo.ClientError.Transaction.Terminated' && /shut ?down|shutting down|unavailable/.test(text))) {
    return new DiplographError(ErrorCode.STORE_UNAVAILABLE, `cannot reach Neo4j at ${ctx.uri}: busy or restarting (${code})`, { cause: err });
  }
  return null;
}

/** Wraps an error from `neo4j.driver()` itself (a malformed URI). */
export function invalidUriError(uri: string, err: unknown): DiplographError {
  const first = String((err as { message?: unknown } | null)?.message ?? err).split('\n')[0];
  return new DiplographError(ErrorCode.CONFIG_INVALID, `invalid Neo4j URI '${uri}': ${first}`, { cause: err });
}
