// Event dates keep the precision the text gives (`2018`, `2018-07`, `2018-07-16`). Filters compare ranges:
// a relation dated `2018-07` lies in the window since `2018-07-15` because its range reaches that day.
import { DiplographError, ErrorCode } from './errors.js';

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isPartialDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** First day covered by a partial date, as `YYYY-MM-DD`. */
export function dateStart(value: string): string {
  const m = DATE_RE.exec(value);
  if (!m) throw new DiplographError(ErrorCode.BAD_USER_INPUT, `not a date (YYYY, YYYY-MM or YYYY-MM-DD): ${value}`);
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
}

/** Last day covered by a partial date, as `YYYY-MM-DD`. */
export function dateEnd(value: string): string {
  const m = DATE_RE.exec(value);
  if (!m) throw new DiplographError(ErrorCode.BAD_USER_INPUT, `not a date (YYYY, YYYY-MM or YYYY-MM-DD): ${value}`);
  const month = m[2] ?? '12';
  const day = m[3] ?? String(daysInMonth(Number(m[1]), Number(month))).padStart(2, '0');
  return `${m[1]}-${month}-${day}`;
}

/** Validates user-given window bounds; throws BAD_USER_INPUT naming the argument. */
export function parseWindow(since?: string | null, until?: string | null): { since: string | null; until: string | null } {
  for (const [name, v] of [['since', since], ['until', until]] as const) {
    if (v != null && !isPartialDate(v)) {
      throw new DiplographError(ErrorCode.BAD_USER_INPUT, `${name} must be YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(v)}`);
    }
  }
  return { since: since ? dateStart(since) : null, until: until ? dateEnd(until) : null };
}
