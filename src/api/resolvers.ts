// Thin resolvers: argument shaping and DataLoader lookups. The logic lives in src/queries and the stores.
import { parseWindow } from '../domain/date-range.js';
import type { ArticleRecord, EntityRecord, EntityType, EvidenceRecord, PathRecord, RelationRecord, RelationType } from '../domain/model.js';
import { DiplographError, ErrorCode } from '../domain/errors.js';
import type { Page } from '../store/graph-store.js';
import { checkFirst, checkStatuses, encodeCursor, offsetAfter } from '../queries/arguments.js';
import { findPaths, findShortestPath, requireEntity } from '../queries/relation-paths.js';
import { entitiesBetween } from '../queries/between.js';
import { lookupEntity } from '../queries/entity-lookup.js';
import { checkRange } from '../queries/arguments.js';
import type { MergeRecord, Subgraph, ContactCount, DegreeRow } from '../store/graph-store.js';
import type { BetweenRow } from '../queries/between.js';
import type { ArticleData } from '../../ingest/load/ingest-article.js';
import type { ApiContext } from './context.js';

interface PageArgs {
  first: number;
  after?: string | null;
}

function connection<T>(page: Page<T>) {
  const edges = page.items.map((node, i) => ({ cursor: encodeCursor(page.offset + i), node }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

function paging(args: PageArgs): { first: number; offset: number } {
  return { first: checkFirst(args.first), offset: offsetAfter(args.after) };
}

async function loadRequired<T>(value: Promise<T | null>, what: string): Promise<T> {
  const v = await value;
  if (v == null) throw new DiplographError(ErrorCode.NOT_FOUND, `${what} not found`);
  return v;
}

interface WindowArgs {
  relationTypes?: RelationType[] | null;
  statuses?: string[] | null;
  since?: string | null;
  until?: string | null;
}

interface PathsArgs extends WindowArgs {
  from: string;
  to: string;
  maxHops: number;
  timeRespecting?: boolean | null;
  first?: number;
  k?: number;
}

interface RelationsArgs extends PageArgs {
  type?: RelationType[] | null;
  status?: string[] | null;
  entity?: string | null;
  counterpart?: string | null;
  source?: string | null;
  target?: string | null;
  country?: string | null;
  place?: string | null;
  article?: string | null;
  since?: string | null;
  until?: string | null;
  minConfidence?: number | null;
}

export const MAX_NEIGHBORHOOD_NODES = 500;
export const MAX_NEIGHBORHOOD_DEPTH = 3;
export const MAX_INGEST_BATCH = 100;

/** Resolves an optional name to an entity id; an unknown name is NOT_FOUND, not an empty answer. */
async function idOf(ctx: ApiContext, name: string | null | undefined, argument: string): Promise<string | null> {
  return name ? (await ctx.entityByName(name, argument)).id : null;
}

/** The request's time budget, and its entity loader for the ends of paths. */
function pathOptions(ctx: ApiContext) {
  return { timeoutMs: ctx.queryTimeoutMs, resolveEntity: ctx.entityByName };
}

function windowFilter(args: WindowArgs) {
  return { relationTypes: args.relationTypes ?? null, statuses: checkStatuses(args.statuses), ...parseWindow(args.since, args.until) };
}

function isEntity(e: EntityRecord | Error | null): e is EntityRecord {
  return e !== null && !(e instanceof Error);
}

async function ingestOne(ctx: ApiContext, input: ArticleData) {
  // Loaded on first use: a read-only server never pays for the NLP model.
  const { ingestArticleData } = await import('../../ingest/load/ingest-article.js');
  const { extracted, result } = await ingestArticleData(ctx.store, input);
  const relations = await ctx.store.getRelations(extracted.relations.map((r) => r.id));
  return {
    ...result,
    article: await loadRequired(ctx.store.getArticle(result.articleId), `article ${result.articleId}`),
    relations: relations.filter((r): r is RelationRecord => r !== null),
  };
}

export const resolvers = {
  Query: {
    paths: (_: unknown, args: PathsArgs, ctx: ApiContext) => findPaths(ctx.store, { ...args, ...pathOptions(ctx) }),
    kShortestPaths: (_: unknown, args: PathsArgs, ctx: ApiContext) => findPaths(ctx.store, { ...args, first: args.k, ...pathOptions(ctx) }),
    shortestPath: (_: unknown, args: PathsArgs, ctx: ApiContext) => findShortestPath(ctx.store, { ...args, ...pathOptions(ctx) }),
    entity: async (_: unknown, args: { name: string }, ctx: ApiContext) => {
      const entity = await lookupEntity(ctx.store, args.name);
      if (entity) ctx.entities.prime(entity.id, entity);
      return entity;
    },
    entities: async (_: unknown, args: PageArgs & { search?: string | null; type?: EntityType | null }, ctx: ApiContext) =>
      connection(await ctx.store.searchEntities({ search: args.search, type: args.type, ...paging(args) })),
    relations: async (_: unknown, args: RelationsArgs, ctx: ApiContext) => {
      const [entityId, counterpartId, sourceId, targetId, countryId, placeId] = await Promise.all([
        idOf(ctx, args.entity, 'entity'), idOf(ctx, args.counterpart, 'counterpart'), idOf(ctx, args.source, 'source'),
        idOf(ctx, args.target, 'target'), idOf(ctx, args.country, 'country'), idOf(ctx, args.place, 'place'),
      ]);
      return connection(
        await ctx.store.listRelations({
          types: args.type, statuses: checkStatuses(args.status), entityId, counterpartId, sourceId, targetId, countryId, placeId,
          articleId: args.article, minConfidence: args.minConfidence, ...parseWindow(args.since, args.until), ...paging(args),
        }),
      );
    },
    neighborhood: async (_: unknown, args: WindowArgs & { entity: string; depth: number; maxNodes: number }, ctx: ApiContext) =>
      ctx.store.neighborhood({
        entityId: (await ctx.entityByName(args.entity, 'entity')).id,
        depth: checkRange('depth', args.depth, 1, MAX_NEIGHBORHOOD_DEPTH),
        maxNodes: checkRange('maxNodes', args.maxNodes, 1, MAX_NEIGHBORHOOD_NODES),
        ...windowFilter(args),
      }),
    timeline: async (_: unknown, args: WindowArgs & PageArgs & { entity: string; counterpart?: string | null }, ctx: ApiContext) =>
      connection(
        await ctx.store.listRelations({
          entityId: (await ctx.entityByName(args.entity, 'entity')).id,
          counterpartId: await idOf(ctx, args.counterpart, 'counterpart'),
          types: args.relationTypes, ...parseWindow(args.since, args.until), ...paging(args),
        }),
      ),
    statements: async (_: unknown, args: PageArgs & { by?: string | null; about?: string | null; since?: string | null; until?: string | null }, ctx: ApiContext) =>
      connection(
        await ctx.store.listRelations({
          types: ['STATED'], sourceId: await idOf(ctx, args.by, 'by'), targetId: await idOf(ctx, args.about, 'about'),
          ...parseWindow(args.since, args.until), ...paging(args),
        }),
      ),
    contactCounts: async (_: unknown, args: WindowArgs & { entity: string }, ctx: ApiContext) =>
      ctx.store.contactCounts((await ctx.entityByName(args.entity, 'entity')).id, windowFilter(args)),
    mostConnected: (_: unknown, args: WindowArgs & { entityType?: EntityType | null; first: number }, ctx: ApiContext) =>
      ctx.store.degreeRanking({ ...windowFilter(args), entityType: args.entityType, first: checkFirst(args.first) }),
    between: (_: unknown, args: WindowArgs & { a: string; b: string; maxHops: number }, ctx: ApiContext) =>
      entitiesBetween(ctx.store, { ...args, from: args.a, to: args.b, ...pathOptions(ctx) }),
    articles: async (_: unknown, args: PageArgs, ctx: ApiContext) => connection(await ctx.store.listArticles(paging(args))),
    merges: (_: unknown, __: unknown, ctx: ApiContext) => ctx.store.listMerges(),
    article: (_: unknown, args: { id: string }, ctx: ApiContext) => ctx.articles.load(args.id),
    stats: (_: unknown, __: unknown, ctx: ApiContext) => ctx.store.counts(),
  },
  Mutation: {
    ingestArticle: (_: unknown, args: { input: ArticleData }, ctx: ApiContext) => ingestOne(ctx, args.input),
    ingestArticles: async (_: unknown, args: { inputs: ArticleData[] }, ctx: ApiContext) => {
      checkRange('inputs', args.inputs.length, 1, MAX_INGEST_BATCH);
      const results = [];
      for (const input of args.inputs) results.push(await ingestOne(ctx, input));
      return results;
    },
    deleteArticle: (_: unknown, args: { id: string }, ctx: ApiContext) => ctx.store.deleteArticle(args.id),
    mergeEntities: async (_: unknown, args: { keep: string; merge: string }, ctx: ApiContext) => {
      const [keep, merge] = await Promise.all([requireEntity(ctx.store, args.keep, 'keep'), requireEntity(ctx.store, args.merge, 'merge')]);
      return ctx.store.mergeEntities(keep.id, merge.id);
    },
    splitEntity: (_: unknown, args: { mergeId: string }, ctx: ApiContext) => ctx.store.splitEntity(args.mergeId),
  },
  EntityMerge: {
    kept: (m: MergeRecord, _: unknown, ctx: ApiContext) => ctx.entities.load(m.keptId),
    mergedName: (m: MergeRecord) => m.merged.name,
  },
  Subgraph: {
    nodes: async (g: Subgraph, _: unknown, ctx: ApiContext) => (await ctx.entities.loadMany(g.nodeIds)).filter(isEntity),
    edges: (g: Subgraph) => g.relations,
  },
  ContactCount: {
    counterpart: (c: ContactCount, _: unknown, ctx: ApiContext) => loadRequired(ctx.entities.load(c.counterpartId), `entity ${c.counterpartId}`),
  },
  DegreeEntry: {
    entity: (d: DegreeRow, _: unknown, ctx: ApiContext) => loadRequired(ctx.entities.load(d.entityId), `entity ${d.entityId}`),
  },
  BetweenEntry: {
    entity: (b: BetweenRow, _: unknown, ctx: ApiContext) => loadRequired(ctx.entities.load(b.entityId), `entity ${b.entityId}`),
  },
  Entity: {
    relations: async (entity: EntityRecord, args: PageArgs & { type?: RelationType[] | null }, ctx: ApiContext) =>
      connection(await ctx.store.listRelations({ entityId: entity.id, types: args.type, ...paging(args) })),
  },
  Relation: {
    source: (r: RelationRecord, _: unknown, ctx: ApiContext) => loadRequired(ctx.entities.load(r.sourceId), `entity ${r.sourceId}`),
    target: (r: RelationRecord, _: unknown, ctx: ApiContext) => (r.targetId ? ctx.entities.load(r.targetId) : null),
    place: (r: RelationRecord, _: unknown, ctx: ApiContext) => (r.placeId ? ctx.entities.load(r.placeId) : null),
  },
  Evidence: {
    article: (e: EvidenceRecord, _: unknown, ctx: ApiContext) => loadRequired(ctx.articles.load(e.articleId), `article ${e.articleId}`),
  },
  Article: {
    relations: async (a: ArticleRecord, args: PageArgs, ctx: ApiContext) =>
      connection(await ctx.store.listRelations({ articleId: a.id, ...paging(args) })),
  },
  Path: {
    length: (p: PathRecord) => p.edges.length,
    nodes: async (p: PathRecord, _: unknown, ctx: ApiContext) => {
      const nodes = await ctx.entities.loadMany(p.nodeIds);
      return nodes.map((node, i) => {
        if (node instanceof Error) throw node;
        if (node == null) throw new DiplographError(ErrorCode.NOT_FOUND, `entity ${p.nodeIds[i]} not found`);
        return node;
      });
    },
  },
};
