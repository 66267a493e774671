// What an export reads: the nodes and edges of the whole graph, or of a subgraph chosen like the GraphQL
// `neighborhood` and `paths` queries. The whole graph is paged through the store (entities, then each entity's
// relations), so an export holds about one page of relations at a time however large the graph; a subgraph is
// bounded by the query caps.
import { parseWindow } from '../domain/date-range.js';
import { DiplographError, ErrorCode } from '../domain/errors.js';
import { RELATION_TYPES, type ArticleRecord, type EntityRecord, type RelationRecord, type RelationStatus, type RelationType } from '../domain/model.js';
import { MAX_NEIGHBORHOOD_DEPTH, MAX_NEIGHBORHOOD_NODES } from '../api/resolvers.js';
import { checkRange, checkStatuses } from '../queries/arguments.js';
import { findPaths, requireEntity } from '../queries/relation-paths.js';
import { DEFAULT_PATH_MAX_HOPS, type GraphStore, type WindowFilter } from '../store/graph-store.js';

/** Relations (and entities) read per store call. */
export const EXPORT_PAGE_SIZE = 500;
/** Entities kept for name lookups of edge ends and places; cleared when full, so memory stays bounded. */
export const ENTITY_CACHE_SIZE = 50_000;
/** Same defaults as the GraphQL `neighborhood` and `paths` queries. */
export const DEFAULT_EXPORT_DEPTH = 1;
export const DEFAULT_EXPORT_MAX_NODES = 200;
export const DEFAULT_EXPORT_PATHS = 10;
export const MAX_EXPORT_PATHS = 100;

/** A relation with its ends and place resolved to entities. */
export interface ExportEdge {
  relation: RelationRecord;
  source: EntityRecord;
  /** Null for a relation without a target (a statement about no single entity). */
  target: EntityRecord | null;
  place: EntityRecord | null;
}

/** Article fields an export prints next to evidence (never the text: it can be large). */
export type ArticleSummary = Pick<ArticleRecord, 'id' | 'title' | 'url' | 'published' | 'lang'>;

export type SelectionKind = 'graph' | 'neighborhood' | 'paths';

export interface GraphSource {
  readonly kind: SelectionKind;
  /** One line saying what was selected, written into the files' metadata. */
  readonly description: string;
  /** Every selected entity, each once. */
  nodes(): AsyncIterable<EntityRecord>;
  /** Every selected relation, each once; both ends are among `nodes()` (a missing target means none). */
  edges(): AsyncIterable<ExportEdge>;
  /** Looks up the articles that evidence points to. */
  articles(ids: readonly string[]): Promise<Map<string, ArticleSummary>>;
}

/** How to choose what to export: nothing (the whole graph), `entity` (+ depth) or `from` and `to`. */
export interface SelectionArgs {
  entity?: string | null;
  depth?: number | null;
  maxNodes?: number | null;
  from?: string | null;
  to?: string | null;
  maxHops?: number | null;
  /** How many paths (`first` of the `paths` query). */
  paths?: number | null;
  relationTypes?: readonly string[] | null;
  statuses?: readonly string[] | null;
  since?: string | null;
  until?: string | null;
}

class EntityLookup {
  private readonly cache = new Map<string, EntityRecord | null>();
  constructor(private readonly store: GraphStore) {}

  async load(ids: Iterable<string>): Promise<Map<string, EntityRecord | null>> {
    const wanted = [...new Set(ids)];
    const missing = wanted.filter((id) => !this.cache.has(id));
    if (missing.length) {
      if (this.cache.size + missing.length > ENTITY_CACHE_SIZE) this.cache.clear();
      const found = await this.store.getEntities(missing);
      missing.forEach((id, i) => this.cache.set(id, found[i]));
    }
    return new Map(wanted.map((id) => [id, this.cache.get(id) ?? null]));
  }
}

/** Resolves a page of relations to edges; relations whose ends are unknown to the store are dropped. */
async function* resolveEdges(lookup: EntityLookup, relations: readonly RelationRecord[]): AsyncGenerator<ExportEdge> {
  const ids = relations.flatMap((r) => [r.sourceId, r.targetId, r.placeId]).filter((id): id is string => id !== null);
  const entities = await lookup.load(ids);
  for (const relation of relations) {
    const source = entities.get(relation.sourceId) ?? null;
    const target = relation.targetId ? (entities.get(relation.targetId) ?? null) : null;
    // A dangling end would make readers fail on an edge to a node that does not exist (`check` reports these).
    if (!source || (relation.targetId && !target)) continue;
    yield { relation, source, target, place: relation.placeId ? (entities.get(relation.placeId) ?? null) : null };
  }
}

function articleLookup(store: GraphStore): GraphSource['articles'] {
  return async (ids) => {
    const unique = [...new Set(ids)];
    const out = new Map<string, ArticleSummary>();
    for (let i = 0; i < unique.length; i += EXPORT_PAGE_SIZE) {
      for (const a of await store.getArticles(unique.slice(i, i + EXPORT_PAGE_SIZE))) {
        if (a) out.set(a.id, { id: a.id, title: a.title, url: a.url, published: a.published, lang: a.lang });
      }
    }
    return out;
  };
}

/**
 * The whole graph: every entity, and every relation passing the filter. Relations are read per source entity
 * (an indexed lookup in both stores, and each relation has exactly one source, so none comes twice) rather than
 * by one long offset scan, whose every page would re-sort the whole relations table: linear time, bounded memory.
 */
export function wholeGraph(store: GraphStore, filter: WindowFilter = {}): GraphSource {
  const lookup = new EntityLookup(store);
  async function* entities(): AsyncGenerator<EntityRecord> {
    for (let offset = 0; ; offset += EXPORT_PAGE_SIZE) {
      const page = await store.searchEntities({ search: '', first: EXPORT_PAGE_SIZE, offset });
      yield* page.items;
      if (!page.hasNextPage) return;
    }
  }
  return {
    kind: 'graph',
    description: `diplograph: whole graph${describeFilter(filter)}`,
    nodes: entities,
    async *edges() {
      let batch: RelationRecord[] = [];
      for await (const source of entities()) {
        for (let offset = 0; ; offset += EXPORT_PAGE_SIZE) {
          const page = await store.listRelations({
            sourceId: source.id, types: filter.relationTypes, statuses: filter.statuses, since: filter.since, until: filter.until,
            first: EXPORT_PAGE_SIZE, offset,
          });
          batch.push(...page.items);
          // Resolved in batches of about a page, so entity lookups stay few however small each source's list is.
          if (batch.length >= EXPORT_PAGE_SIZE) {
            yield* resolveEdges(lookup, batch);
            batch = [];
          }
          if (!page.hasNextPage) break;
        }
      }
      if (batch.length) yield* resolveEdges(lookup, batch);
    },
    articles: articleLookup(store),
  };
}

/** A fixed set of nodes and relations (a neighborhood or the union of paths), already bounded by the query caps. */
function subgraph(store: GraphStore, kind: SelectionKind, description: string, nodeIds: readonly string[], relations: readonly RelationRecord[]): GraphSource {
  const lookup = new EntityLookup(store);
  return {
    kind,
    description,
    async *nodes() {
      const unique = [...new Set(nodeIds)];
      for (let i = 0; i < unique.length; i += EXPORT_PAGE_SIZE) {
        const page = await lookup.load(unique.slice(i, i + EXPORT_PAGE_SIZE));
        for (const e of page.values()) if (e) yield e;
      }
    },
    async *edges() {
      const seen = new Set<string>();
      const unique = relations.filter((r) => !seen.has(r.id) && seen.add(r.id));
      for (let i = 0; i < unique.length; i += EXPORT_PAGE_SIZE) yield* resolveEdges(lookup, unique.slice(i, i + EXPORT_PAGE_SIZE));
    },
    articles: articleLookup(store),
  };
}

function describeFilter(f: WindowFilter): string {
  const parts = [
    f.relationTypes?.length ? `types ${f.relationTypes.join(',')}` : '',
    f.statuses?.length ? `statuses ${f.statuses.join(',')}` : '',
    f.since ? `since ${f.since}` : '',
    f.until ? `until ${f.until}` : '',
  ].filter(Boolean);
  return parts.length ? ` (${parts.join('; ')})` : '';
}

function checkRelationTypes(values: readonly string[] | null | undefined): RelationType[] | null {
  if (!values?.length) return null;
  for (const v of values) {
    if (!(RELATION_TYPES as readonly string[]).includes(v)) {
      throw new DiplographError(ErrorCode.BAD_USER_INPUT, `unknown relation type '${v}' (use ${RELATION_TYPES.join(', ')})`);
    }
  }
  return values as RelationType[];
}

export function isSubgraphSelection(args: SelectionArgs): boolean {
  return Boolean(args.entity || args.from || args.to);
}

/** Validates the arguments the way the GraphQL API does and returns the graph they choose. */
export async function selectGraph(store: GraphStore, args: SelectionArgs): Promise<GraphSource> {
  const filter: WindowFilter & { statuses: RelationStatus[] | null } = {
    relationTypes: checkRelationTypes(args.relationTypes),
    statuses: checkStatuses(args.statuses),
    ...parseWindow(args.since, args.until),
  };
  if (args.entity && (args.from || args.to)) {
    throw new DiplographError(ErrorCode.BAD_USER_INPUT, 'choose either entity (a neighborhood) or from and to (paths), not both');
  }
  if (args.entity) {
    const centre = await requireEntity(store, args.entity, 'entity');
    const depth = checkRange('depth', args.depth ?? DEFAULT_EXPORT_DEPTH, 1, MAX_NEIGHBORHOOD_DEPTH);
    const maxNodes = checkRange('maxNodes', args.maxNodes ?? DEFAULT_EXPORT_MAX_NODES, 1, MAX_NEIGHBORHOOD_NODES);
    const g = await store.neighborhood({ entityId: centre.id, depth, maxNodes, ...filter });
    const description = `diplograph: neighborhood of ${centre.name}, depth ${depth}${g.truncated ? `, cut at ${maxNodes} nodes` : ''}${describeFilter(filter)}`;
    return subgraph(store, 'neighborhood', description, g.nodeIds, g.relations);
  }
  if (args.from || args.to) {
    if (!args.from || !args.to) throw new DiplographError(ErrorCode.BAD_USER_INPUT, 'paths need both from and to');
    const first = checkRange('paths', args.paths ?? DEFAULT_EXPORT_PATHS, 1, MAX_EXPORT_PATHS);
    const maxHops = args.maxHops ?? DEFAULT_PATH_MAX_HOPS;
    const found = await findPaths(store, { from: args.from, to: args.to, maxHops, first, ...filter });
    const [from, to] = await Promise.all([requireEntity(store, args.from, 'from'), requireEntity(store, args.to, 'to')]);
    const description = `diplograph: ${found.length} path(s) from ${from.name} to ${to.name}, at most ${maxHops} hops${describeFilter(filter)}`;
    // The ends are nodes even when no path joins them, so the file still shows who was asked about.
    const nodeIds = [from.id, to.id, ...found.flatMap((p) => p.nodeIds)];
    return subgraph(store, 'paths', description, nodeIds, found.flatMap((p) => p.edges));
  }
  return wholeGraph(store, filter);
}

export interface ExportCounts {
  nodes: number;
  edges: number;
}

/** The same source, counting what the writers read (for the CLI's summary line). */
export function counting(source: GraphSource): { source: GraphSource; counts: ExportCounts } {
  const counts: ExportCounts = { nodes: 0, edges: 0 };
  return {
    counts,
    source: {
      ...source,
      async *nodes() {
        for await (const n of source.nodes()) {
          counts.nodes++;
          yield n;
        }
      },
      async *edges() {
        for await (const e of source.edges()) {
          counts.edges++;
          yield e;
        }
      },
    },
  };
}
