// Expected errors reach the client with `extensions.code`; anything else is masked.
import { GraphQLError } from 'graphql';
import { ErrorCode, isDiplographError } from '../domain/errors.js';

/** By name, not instanceof: graphql can be loaded twice (ESM and CommonJS builds), and both must count. */
function isGraphQLError(e: unknown): e is GraphQLError {
  return e instanceof Error && e.name === 'GraphQLError';
}

const LIMIT_MESSAGE = /limit of \d+ exceeded|limited to \d+/i;

export function maskError(error: unknown, message: string): Error {
  const gqlError = isGraphQLError(error) ? error : null;
  const original = gqlError ? gqlError.originalError : error;
  // Returning the error itself tells yoga it is expected, so it is not logged as a server fault.
  if (isDiplographError(original)) {
    if (gqlError?.extensions?.code === original.code) return gqlError;
    return new GraphQLError(original.message, { nodes: gqlError?.nodes, path: gqlError?.path, extensions: { code: original.code } });
  }
  if (gqlError && (!original || isGraphQLError(original))) {
    // Parse, validation and limit errors are the client's own and safe to show.
    if (!LIMIT_MESSAGE.test(gqlError.message) || gqlError.extensions?.code === ErrorCode.LIMIT_EXCEEDED) return gqlError;
    const code = ErrorCode.LIMIT_EXCEEDED;
    return new GraphQLError(gqlError.message, {
      nodes: gqlError.nodes, source: gqlError.source, positions: gqlError.positions, path: gqlError.path,
      extensions: { ...gqlError.extensions, ...(code ? { code } : {}) },
    });
  }
  return new GraphQLError(message, { path: gqlError?.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
