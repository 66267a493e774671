// Thin resolvers: argument shaping and DataLoader lookups. The logic lives in src/queries and the stores.
import { parseWindow } from '../domain/date-range.js';
import type { ArticleRecord, EntityRecord, EntityType, EvidenceRecord, PathRecord, RelationRecord, RelationType } from '../domain/model.js';
import { DiplographError, ErrorCode } from '../domain/errors.js';
import type { Page } from '../store/graph-store.js';
import { checkFirst, checkStatuses, encodeCursor, offsetAfter } from '../queries/arguments.js';
import { findPaths, findShortestPath, requireEntity } from '../queries/relation-paths.js';
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

interface PathsArgs {
  from: string;
  to: string;
  maxHops: number;
  relationTypes?: RelationType[] | null;
  statuses?: string[] | null;
  since?: string | null;
  until?: string | null;
  first?: number;
}

interface RelationsArgs extends PageArgs {
  type?: RelationType[] | null;
  status?: string[] | null;
  entity?: string | null;
  article?: string | null;
  since?: string | null;
  until?: string | null;
}

export const resolvers = {
  Query: {
    paths: (_: unknown, args: PathsArgs, ctx: ApiContext) => findPaths(ctx.store, args),
    shortestPath: (_: unknown, args: PathsArgs, ctx: ApiContext) => findShortestPath(ctx.store, args),
    entity: (_: unknown, args: { name: string }, ctx: ApiContext) => ctx.store.findEntity(args.name),
    entities: async (_: unknown, args: PageArgs & { search?: string | null; type?: EntityType | null }, ctx: ApiContext) =>
      connection(await ctx.store.searchEntities({ search: args.search, type: args.type, ...paging(args) })),
    relations: async (_: unknown, args: RelationsArgs, ctx: ApiContext) => {
      const entityId = args.entity ? (await requireEntity(ctx.store, args.entity, 'entity')).id : null;
      return connection(
        await ctx.store.listRelations({
          types: args.type,
          statuses: checkStatuses(args.status),
          entityId,
          articleId: args.article,
          ...parseWindow(args.since, args.until),
          ...paging(args),
        }),
      );
    },
    article: (_: unknown, args: { id: string }, ctx: ApiContext) => ctx.articles.load(args.id),
    stats: (_: unknown, __: unknown, ctx: ApiContext) => ctx.store.counts(),
  },
  Mutation: {
    ingestArticle: async (_: unknown, args: { input: ArticleData }, ctx: ApiContext) => {
      // Loaded on first use: a read-only server never pays for the NLP model.
      const { ingestArticleData } = await import('../../ingest/load/ingest-article.js');
      const { extracted, result } = await ingestArticleData(ctx.store, args.input);
      const relations = await ctx.store.getRelations(extracted.relations.map((r) => r.id));
      return {
        ...result,
        article: await loadRequired(ctx.store.getArticle(result.articleId), `article ${result.articleId}`),
        relations: relations.filter((r): r is RelationRecord => r !== null),
      };
    },
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
    nodes: async (p: PathRecord, _: unknown, ctx: ApiContext) =>
      Promise.all(p.nodeIds.map((id) => loadRequired(ctx.entities.load(id), `entity ${id}`))),
  },
};
