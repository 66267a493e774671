// Expected errors reach the client with `extensions.code`; anything else is masked.
import { GraphQLError } from 'graphql';
import { isDiplographError } from '../domain/errors.js';

export function maskError(error: unknown, message: string): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (isDiplographError(original)) {
    const gqlError = error instanceof GraphQLError ? error : null;
    return new GraphQLError(original.message, {
      nodes: gqlError?.nodes,
      path: gqlError?.path,
      extensions: { code: original.code },
    });
  }
  if (error instanceof GraphQLError && !error.originalError) return error; // validation/parse errors are safe to show
  return new GraphQLError(message, {
    path: error instanceof GraphQLError ? error.path : undefined,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  });
}
