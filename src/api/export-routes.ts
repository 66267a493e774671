// HTTP routes beside GraphQL: `GET /export?format=…` streams an export of the whole graph or of a subgraph
// (the CLI's `export` options as query parameters), and `/explore` serves the graph explorer page.
import type { Plugin } from 'graphql-yoga';
import { isDiplographError, ErrorCode, DiplographError } from '../domain/errors.js';
import { batched, type TextChunks } from '../export/chunks.js';
import { checkSelection, exportFormat, MAIN_PART, type ExportFile, type ExportFormat } from '../export/formats.js';
import { selectGraph, type SelectionArgs } from '../export/graph-source.js';
import type { GraphStore } from '../store/graph-store.js';
import { bearerMatches } from './security.js';
import { EXPLORER_INDEX, loadExplorerAssets, type ExplorerAsset } from './explorer/explorer-assets.js';

export const EXPORT_PATH = '/export';
export const EXPLORE_PATH = '/explore';

export interface ExportRoutesOptions {
  store: GraphStore;
  /** As for GraphQL reads: when set, /export needs `Authorization: Bearer` with this key (or the API key). */
  readKey?: string | null;
  apiKey?: string | null;
  /** Where the built explorer lives (tests); default dist/explorer under the package root. */
  explorerDir?: string;
}

type FetchApi = { Response: typeof Response; ReadableStream: typeof ReadableStream };

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.LIMIT_EXCEEDED]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.TIMEOUT]: 504,
  [ErrorCode.STORE_UNAVAILABLE]: 503,
};

function errorResponse(fetchAPI: FetchApi, err: unknown): Response {
  const known = isDiplographError(err);
  const code = known ? err.code : 'INTERNAL_SERVER_ERROR';
  const message = known ? err.message : 'unexpected error'; // unexpected errors are masked, as in GraphQL responses
  return new fetchAPI.Response(JSON.stringify({ error: { code, message } }), {
    status: known ? (HTTP_STATUS[err.code] ?? 500) : 500,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

function integerParam(params: URLSearchParams, name: string): number | null {
  const raw = params.get(name);
  if (raw == null || raw === '') return null;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new DiplographError(ErrorCode.BAD_USER_INPUT, `${name} must be an integer, got '${raw}'`);
  return n;
}

/** `type=MET_AT&type=CALLED` or `type=MET_AT,CALLED`. */
function listParam(params: URLSearchParams, name: string): string[] | null {
  const values = params.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  return values.length ? values : null;
}

export function selectionFromQuery(params: URLSearchParams): SelectionArgs {
  return {
    entity: params.get('entity'), depth: integerParam(params, 'depth'), maxNodes: integerParam(params, 'maxNodes'),
    from: params.get('from'), to: params.get('to'), maxHops: integerParam(params, 'maxHops'), paths: integerParam(params, 'paths'),
    relationTypes: listParam(params, 'type'), statuses: listParam(params, 'status'), since: params.get('since'), until: params.get('until'),
  };
}

function pickFile(format: ExportFormat, part: string | null): ExportFile {
  const parts = Object.keys(format.files);
  const name = part ?? (parts.length === 1 ? MAIN_PART : null);
  const file = name ? format.files[name] : undefined;
  if (!file) throw new DiplographError(ErrorCode.BAD_USER_INPUT, `format '${format.name}' has several files: add part=${parts.join('|')}`);
  return file;
}

/** A pull-based body: the next chunk is produced only when the client has taken the last one. */
async function streamBody(fetchAPI: FetchApi, chunks: TextChunks): Promise<ReadableStream<Uint8Array>> {
  const it = batched(chunks)[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  // The first chunk is read before the response starts, so a failing store still gets an error status.
  let first: IteratorResult<string> | null = await it.next();
  return new fetchAPI.ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = first ?? (await it.next());
      first = null;
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await it.return?.(undefined);
    },
  });
}

async function exportResponse(options: ExportRoutesOptions, request: Request, url: URL, fetchAPI: FetchApi): Promise<Response> {
  if (options.readKey && !bearerMatches(request, [options.readKey, options.apiKey])) {
    throw new DiplographError(ErrorCode.UNAUTHENTICATED, 'exports need Authorization: Bearer <DIPLOGRAPH_READ_KEY>');
  }
  const format = exportFormat(url.searchParams.get('format') ?? '');
  const file = pickFile(format, url.searchParams.get('part'));
  const args = selectionFromQuery(url.searchParams);
  checkSelection(format, args);
  const source = await selectGraph(options.store, args);
  const body = await streamBody(fetchAPI, file.write({ source, store: options.store }));
  return new fetchAPI.Response(body, {
    status: 200,
    headers: { 'content-type': file.mediaType, 'content-disposition': `attachment; filename="${file.fileName}"`, 'cache-control': 'no-store' },
  });
}

// The page talks only to this server: the policy blocks any other origin, so nothing loads from the network.
const EXPLORER_CSP = "default-src 'self'; connect-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; base-uri 'none'; frame-ancestors 'none'";

function explorerResponse(assets: Map<string, ExplorerAsset> | null, url: URL, fetchAPI: FetchApi): Response {
  if (!assets) {
    return new fetchAPI.Response('the explorer is not built: run `npm run build` (or `npm run build:explorer`)\n', {
      status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const rest = url.pathname.slice(EXPLORE_PATH.length).replace(/^\//, '');
  const asset = assets.get(rest === '' ? EXPLORER_INDEX : rest);
  if (!asset) return new fetchAPI.Response('not found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return new fetchAPI.Response(asset.body, {
    status: 200,
    headers: { 'content-type': asset.mediaType, 'content-security-policy': EXPLORER_CSP, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' },
  });
}

export function exportRoutesPlugin(options: ExportRoutesOptions): Plugin {
  let assets: Map<string, ExplorerAsset> | null | undefined;
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const isExport = url.pathname === EXPORT_PATH;
      const isExplore = url.pathname === EXPLORE_PATH || url.pathname.startsWith(`${EXPLORE_PATH}/`);
      if (!isExport && !isExplore) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new fetchAPI.Response('method not allowed\n', { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      if (isExplore) {
        // Read on first use (and again while missing), so a build after the server started is picked up.
        if (!assets) assets = loadExplorerAssets(options.explorerDir);
        endResponse(explorerResponse(assets, url, fetchAPI));
        return;
      }
      try {
        endResponse(await exportResponse(options, request, url, fetchAPI));
      } catch (err) {
        endResponse(errorResponse(fetchAPI, err));
      }
    },
  };
}
