// Typed errors with a machine-readable `code`, in the manner of neo4j-javascript-driver's Neo4jError.
// The API maps `code` to GraphQL `extensions.code`; anything that is not a DiplographError is masked.

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  LIMIT_EXCEEDED: 'LIMIT_EXCEEDED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  STORE_UNAVAILABLE: 'STORE_UNAVAILABLE',
  TIMEOUT: 'TIMEOUT',
  INPUT_UNREADABLE: 'INPUT_UNREADABLE',
  INPUT_INVALID: 'INPUT_INVALID',
  CONFIG_INVALID: 'CONFIG_INVALID',
  STORE_INTEGRITY: 'STORE_INTEGRITY',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class DiplographError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DiplographError';
    this.code = code;
  }

  /** GraphQL copies an original error's `extensions` into the error it reports. */
  get extensions(): { code: ErrorCode } {
    return { code: this.code };
  }
}

export function isDiplographError(err: unknown): err is DiplographError {
  return err instanceof DiplographError;
}

/** A bad input file: names the file (and line) and the reason, so one line tells the user what to fix. */
export class InputError extends DiplographError {
  readonly file: string;
  readonly line: number | null;
  readonly reason: string;
  constructor(file: string, reason: string, line: number | null = null, code: ErrorCode = ErrorCode.INPUT_INVALID) {
    super(code, `${file}${line != null ? `:${line}` : ''}: ${reason}`);
    this.name = 'InputError';
    this.file = file;
    this.line = line;
    this.reason = reason;
  }
}
