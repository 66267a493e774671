// schema.graphql is the single source of truth for the API; resolvers are attached to it here.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { resolvers } from './resolvers.js';

/** schema.graphql sits at the package root, two levels above both src/api and dist/src/api. */
export function schemaPath(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return here.includes('/dist/') ? new URL('../../../schema.graphql', import.meta.url).pathname : new URL('../../schema.graphql', import.meta.url).pathname;
}

export function loadSchema(): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: readFileSync(schemaPath(), 'utf8'), resolvers });
}
