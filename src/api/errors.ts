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
  if (isDiplographError(original)) {
    return new GraphQLError(original.message, { nodes: gqlError?.nodes, path: gqlError?.path, extensions: { code: original.code } });
  }
  if (gqlError && (!original || isGraphQLError(original))) {
    // Parse, validation and limit errors are the client's own and safe to show.
    const code = LIMIT_MESSAGE.test(gqlError.message) ? ErrorCode.LIMIT_EXCEEDED : gqlError.extensions?.code;
    return new GraphQLError(gqlError.message, {
      nodes: gqlError.nodes, source: gqlError.source, positions: gqlError.positions, path: gqlError.path,
      extensions: { ...gqlError.extensions, ...(code ? { code } : {}) },
    });
  }
  return new GraphQLError(message, { path: gqlError?.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
