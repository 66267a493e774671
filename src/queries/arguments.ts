// Validation and server-side caps for query arguments, shared by the API and the CLI.
import { DiplographError, ErrorCode } from '../domain/errors.js';
import { RELATION_STATUSES, type RelationStatus } from '../domain/model.js';
import { MAX_PAGE_SIZE, MAX_PATH_HOPS } from '../store/graph-store.js';

export const MAX_PATHS_RETURNED = 100;

export function checkRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value)) throw new DiplographError(ErrorCode.BAD_USER_INPUT, `${name} must be an integer`);
  if (value < min || value > max) {
    throw new DiplographError(ErrorCode.LIMIT_EXCEEDED, `${name} must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}

export const checkMaxHops = (v: number) => checkRange('maxHops', v, 1, MAX_PATH_HOPS);
export const checkFirst = (v: number, max = MAX_PAGE_SIZE) => checkRange('first', v, 1, max);

export function checkStatuses(values: readonly string[] | null | undefined): RelationStatus[] | null {
  if (!values?.length) return null;
  for (const v of values) {
    if (!(RELATION_STATUSES as readonly string[]).includes(v)) {
      throw new DiplographError(ErrorCode.BAD_USER_INPUT, `unknown status '${v}' (use ${RELATION_STATUSES.join(', ')})`);
    }
  }
  return values as RelationStatus[];
}

const CURSOR_PREFIX = 'offset:';

/** Opaque Relay cursor for a position in an ordered list. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`).toString('base64url');
}

/** The offset of the item after the cursor; 0 without one. */
export function offsetAfter(cursor: string | null | undefined): number {
  if (cursor == null) return 0;
  const text = Buffer.from(cursor, 'base64url').toString();
  const n = Number(text.slice(CURSOR_PREFIX.length));
  if (!text.startsWith(CURSOR_PREFIX) || !Number.isInteger(n) || n < 0) {
    throw new DiplographError(ErrorCode.BAD_USER_INPUT, `invalid cursor '${cursor}'`);
  }
  return n + 1;
}
