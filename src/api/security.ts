// Limits that keep a public endpoint answering under hostile queries (graphql-armor rules), API keys,
// and optional introspection. Refusals get `extensions.code` LIMIT_EXCEEDED in errors.ts like every other API error.
import { timingSafeEqual } from 'node:crypto';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError, NoSchemaIntrospectionCustomRule, type DocumentNode, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode } from '../domain/errors.js';

export const DEFAULT_LIMITS = {
  maxDepth: 10,
  maxAliases: 30,
  maxTokens: 2000,
  maxDirectives: 20,
  maxCost: 20_000,
  /** Operations in one batched HTTP request. */
  maxBatch: 10,
  /** Bytes of one request body (graphql-yoga's own default). */
  maxBodyBytes: 25_000_000,
} as const;

export type Limits = { [K in keyof typeof DEFAULT_LIMITS]: number };

export interface SecurityOptions {
  limits?: Partial<Limits>;
  /** Required as `Authorization: Bearer <key>` for mutations; without one, mutations are refused. */
  apiKey?: string | null;
  /** When set, reads need it too (the API key also grants reads). */
  readKey?: string | null;
  introspection?: boolean;
}

/** True when `Authorization: Bearer <token>` equals one of the keys (compared in constant time). */
export function bearerMatches(request: Request, keys: readonly (string | null | undefined)[]): boolean {
  const token = /^Bearer\s+(.+)$/i.exec((request.headers.get('authorization') ?? '').trim())?.[1];
  if (!token) return false;
  const given = Buffer.from(token);
  return keys.some((key) => key != null && Buffer.byteLength(key) === given.length && timingSafeEqual(Buffer.from(key), given));
}

function authPlugin(apiKey: string | null, readKey: string | null): Plugin<{ request: Request }> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const op = (args.document as DocumentNode).definitions.find((d) => d.kind === 'OperationDefinition' && (!args.operationName || d.name?.value === args.operationName));
      const isMutation = op?.kind === 'OperationDefinition' && op.operation === 'mutation';
      const request = args.contextValue.request;
      const refuse = (message: string) =>
        setResultAndStopExecution({ errors: [new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } })] });
      if (isMutation) {
        if (!apiKey) return refuse('mutations are disabled: set DIPLOGRAPH_API_KEY on the server');
        if (!bearerMatches(request, [apiKey])) return refuse('mutations need Authorization: Bearer <DIPLOGRAPH_API_KEY>');
        return;
      }
      if (readKey && !bearerMatches(request, [readKey, apiKey])) {
        refuse('reads need Authorization: Bearer <DIPLOGRAPH_READ_KEY>');
      }
    },
  };
}

function bodyTooLarge(): GraphQLError {
  return new GraphQLError('Request body too large', { extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' } });
}

async function readLimited(body: AsyncIterable<Uint8Array<ArrayBuffer>>, limit: number): Promise<Blob> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  // Not `for await`: leaving that loop early destroys the socket before the 413 can be sent.
  const it = body[Symbol.asyncIterator]();
  for (let next = await it.next(); !next.done; next = await it.next()) {
    size += next.value.byteLength;
    if (size > limit) throw bodyTooLarge();
    chunks.push(next.value);
  }
  return new Blob(chunks);
}

/**
 * The request body limit, with the answers of graphql-yoga's own (413 REQUEST_ENTITY_TOO_LARGE, 400 for a bad
 * Content-Length). Yoga's pipes every body through a TransformStream, which costs more than a small query itself;
 * here a declared Content-Length is checked up front (Node's HTTP parser then delivers exactly that many bytes) and
 * only a body without one (chunked) is counted as it arrives.
 */
export function bodyLimitPlugin(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const length = request.headers.get('content-length');
      if (length != null) {
        if (!/^\d+$/.test(length)) {
          throw new GraphQLError('Content-Length header is invalid.', { extensions: { http: { status: 400 }, code: 'BAD_REQUEST' } });
        }
        if (Number(length) > limit) throw bodyTooLarge();
        return;
      }
      if (!requestParser || !request.body) return;
      setRequestParser(async (req) =>
        requestParser(new fetchAPI.Request(req.url, { method: req.method, headers: req.headers, body: await readLimited(req.body as AsyncIterable<Uint8Array<ArrayBuffer>>, limit) })),
      );
    },
  };
}

export function securityPlugins(options: SecurityOptions): Plugin[] {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const plugins: Plugin[] = [
    bodyLimitPlugin(limits.maxBodyBytes),
    maxTokensPlugin({ n: limits.maxTokens }) as Plugin,
    maxDepthPlugin({ n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true }) as Plugin,
    maxAliasesPlugin({ n: limits.maxAliases }) as Plugin,
    maxDirectivesPlugin({ n: limits.maxDirectives }) as Plugin,
    costLimitPlugin({ maxCost: limits.maxCost, ignoreIntrospection: true }) as Plugin,
    blockFieldSuggestionsPlugin() as Plugin,
    authPlugin(options.apiKey ?? null, options.readKey ?? null) as Plugin,
  ];
  if (options.introspection === false) {
    const rule: ValidationRule = NoSchemaIntrospectionCustomRule;
    plugins.push({ onValidate: ({ addValidationRule }) => addValidationRule(rule) });
  }
  return plugins;
}
