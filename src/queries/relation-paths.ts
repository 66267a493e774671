// Path questions by name: resolve both ends through aliases, validate limits, ask the store.
import { parseWindow } from '../domain/date-range.js';
import { DiplographError, ErrorCode } from '../domain/errors.js';
import type { EntityRecord, PathRecord, RelationType } from '../domain/model.js';
import { DEFAULT_QUERY_TIMEOUT_MS, type GraphStore, type PathQuery } from '../store/graph-store.js';
import { lookupEntity } from './entity-lookup.js';
import { checkFirst, checkMaxHops, checkStatuses, MAX_PATHS_RETURNED } from './arguments.js';

/** A name to its entity, or NOT_FOUND naming the argument. */
export type EntityResolver = (name: string, argument: string) => Promise<EntityRecord>;

export interface PathArgs {
  from: string;
  to: string;
  /** How the ends are looked up (the API's also keeps them for the request's entity loader); default requireEntity. */
  resolveEntity?: EntityResolver;
  maxHops: number;
  relationTypes?: readonly RelationType[] | null;
  statuses?: readonly string[] | null;
  since?: string | null;
  until?: string | null;
  timeRespecting?: boolean | null;
  timeoutMs?: number | null;
  first?: number;
}

export async function requireEntity(store: GraphStore, name: string, argument: string): Promise<EntityRecord> {
  const entity = await lookupEntity(store, name);
  if (!entity) throw new DiplographError(ErrorCode.NOT_FOUND, `no entity named '${name}' (${argument})`);
  return entity;
}

async function toPathQuery(store: GraphStore, args: PathArgs): Promise<PathQuery> {
  const maxHops = checkMaxHops(args.maxHops);
  const first = checkFirst(args.first ?? 1, MAX_PATHS_RETURNED);
  const statuses = checkStatuses(args.statuses);
  const window = parseWindow(args.since, args.until);
  const resolve: EntityResolver = args.resolveEntity ?? ((name, argument) => requireEntity(store, name, argument));
  const [from, to] = await Promise.all([resolve(args.from, 'from'), resolve(args.to, 'to')]);
  return {
    fromId: from.id, toId: to.id, maxHops, first, relationTypes: args.relationTypes ?? null, statuses, ...window,
    timeRespecting: args.timeRespecting ?? false, timeoutMs: args.timeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS,
  };
}

export async function findPaths(store: GraphStore, args: PathArgs): Promise<PathRecord[]> {
  return store.paths(await toPathQuery(store, args));
}

export async function findShortestPath(store: GraphStore, args: PathArgs): Promise<PathRecord | null> {
  const { first: _first, ...query } = await toPathQuery(store, { ...args, first: 1 });
  return store.shortestPath(query);
}
