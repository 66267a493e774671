// Human-facing output helpers: one line per problem, no stack traces for expected errors.
import { isDiplographError, InputError } from '../domain/errors.js';

export function reportInputError(err: InputError): void {
  process.stderr.write(`diplograph: ${err.message}\n`);
}

/** One clear line for an expected error; unexpected errors keep their stack for bug reports. */
export function formatFatal(err: unknown): string {
  if (isDiplographError(err)) return `diplograph: ${err.message}`;
  if (err instanceof Error) return `diplograph: unexpected error: ${err.stack ?? err.message}`;
  return `diplograph: unexpected error: ${String(err)}`;
}
