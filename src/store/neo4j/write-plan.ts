// Turns ExtractedArticles into the parameter rows of the write statements. Pure (no driver), so it is tested
// without a database. Repeats inside one article collapse the way the SQLite store's INSERT OR IGNORE does:
// first entity name/type wins and every surface form becomes an alias; a repeated relation keeps its first
// fields, its highest confidence and all its mentions; a repeated mention is one piece of evidence.
// Several articles written in one transaction collapse the same way across articles (combinePlans), and each
// row remembers the first article that brings it, so per-article counts equal those of one-by-one writes.
import { dateEnd, dateStart } from '../../domain/date-range.js';
import { evidenceId, normalizeName } from '../../domain/ids.js';
import type { ExtractedArticle, RelationType } from '../../domain/model.js';

/** Where a merged-away entity id now lives (see mergeEntities); later ingests are redirected there. */
export interface Redirect {
  keptId: string;
}

export interface EntityRow {
  id: string;
  name: string;
  type: string;
  wikidata: string | null;
  nameKey: string;
  /** Surface forms (name and aliases) with their normalised keys; the store keeps those that differ from its name. */
  forms: { alias: string; key: string }[];
}

export interface RelationProps {
  id: string;
  date: string | null;
  dateStart: string | null;
  dateEnd: string | null;
  status: string;
  placeId: string | null;
  quote: string | null;
  confidence: number;
  role: string | null;
  cameo: string | null;
  plover: string | null;
  /** False for a relation without a target, stored as a self-loop on its source. */
  hasTarget: boolean;
}

export interface RelationRow {
  id: string;
  sourceId: string;
  /** The target, or the source again for a relation without a target. */
  endId: string;
  props: RelationProps;
}

export interface EvidenceRow {
  id: string;
  relationId: string;
  articleId: string;
  extractorVersion: string;
  sentence: string;
  start: number;
  end: number;
}

export interface ArticleProps {
  id: string;
  title: string | null;
  text: string;
  url: string | null;
  published: string | null;
  lang: string;
  externalId: string | null;
  tags: string[];
  origin: string | null;
}

export interface WritePlan {
  article: ArticleProps;
  extractorVersion: string;
  entities: EntityRow[];
  /** Grouped by relationship type: a statement names its type literally. */
  relations: Map<RelationType, RelationRow[]>;
  relationCount: number;
  evidence: EvidenceRow[];
  /** Entities the article names (its entity list, after redirects), as the SQLite store records them. */
  mentions: string[];
}

export function articleProps(x: ExtractedArticle): ArticleProps {
  const a = x.article;
  return {
    id: a.id, title: a.title, text: a.text, url: a.url, published: a.published, lang: a.lang, externalId: a.externalId,
    tags: [...a.tags], origin: a.origin,
  };
}

/** Every entity id the article refers to, before redirects. */
export function referencedEntityIds(x: ExtractedArticle): string[] {
  const ids = new Set<string>();
  for (const e of x.entities) ids.add(e.id);
  for (const r of x.relations) {
    ids.add(r.source);
    if (r.target) ids.add(r.target);
    if (r.place) ids.add(r.place);
  }
  return [...ids];
}

export function planArticle(x: ExtractedArticle, redirects: ReadonlyMap<string, Redirect> = new Map()): WritePlan {
  const to = (id: string): string => redirects.get(id)?.keptId ?? id;

  const entities = new Map<string, EntityRow>();
  for (const e of x.entities) {
    const id = to(e.id);
    let row = entities.get(id);
    if (!row) {
      row = { id, name: e.name, type: e.type, wikidata: e.wikidata, nameKey: normalizeName(e.name), forms: [] };
      entities.set(id, row);
    }
    for (const alias of [e.name, ...e.aliases]) {
      if (!row.forms.some((f) => f.alias === alias)) row.forms.push({ alias, key: normalizeName(alias) });
    }
  }

  const relations = new Map<string, { type: RelationType; row: RelationRow; mentions: ExtractedArticle['relations'][number]['mentions'] }>();
  for (const r of x.relations) {
    const seen = relations.get(r.id);
    if (seen) {
      seen.row.props.confidence = Math.max(seen.row.props.confidence, r.confidence);
      seen.mentions = [...seen.mentions, ...r.mentions];
      continue;
    }
    const sourceId = to(r.source);
    const targetId = r.target ? to(r.target) : null;
    const props: RelationProps = {
      id: r.id,
      date: r.date,
      dateStart: r.date ? dateStart(r.date) : null,
      dateEnd: r.date ? dateEnd(r.date) : null,
      status: r.status,
      placeId: r.place ? to(r.place) : null,
      quote: r.quote,
      confidence: r.confidence,
      role: r.role,
      cameo: r.cameo,
      plover: r.plover,
      hasTarget: targetId !== null,
    };
    relations.set(r.id, { type: r.type, row: { id: r.id, sourceId, endId: targetId ?? sourceId, props }, mentions: r.mentions });
  }

  const byType = new Map<RelationType, RelationRow[]>();
  const evidence = new Map<string, EvidenceRow>();
  const mentions = new Set(entities.keys());
  for (const { type, row, mentions: ms } of relations.values()) {
    const list = byType.get(type) ?? [];
    list.push(row);
    byType.set(type, list);
    for (const m of ms) {
      const id = evidenceId(row.id, x.article.id, m.start, m.end);
      if (!evidence.has(id)) {
        evidence.set(id, { id, relationId: row.id, articleId: x.article.id, extractorVersion: x.extractorVersion, sentence: m.sentence, start: m.start, end: m.end });
      }
    }
  }

  return {
    article: articleProps(x),
    extractorVersion: x.extractorVersion,
    entities: [...entities.values()],
    relations: byType,
    relationCount: relations.size,
    evidence: [...evidence.values()],
    mentions: [...mentions],
  };
}

/** The rows of several articles' plans, written in one transaction. */
export interface BatchPlan {
  entities: EntityRow[];
  relations: Map<RelationType, RelationRow[]>;
  evidence: EvidenceRow[];
  mentions: { articleId: string; ids: string[] }[];
  /** Entity id → index of the first plan that has it: the article whose entitiesAdded a created entity counts in. */
  entityOwner: Map<string, number>;
  /** Relation id → index of the first plan that has it (evidence carries its article id). */
  relationOwner: Map<string, number>;
}

/**
 * Combines plans in order as if they were written one after another: an entity keeps the first name, type and
 * Wikidata id and collects every surface form in order; a relation keeps its first ends and fields and its highest
 * confidence (what the ON MATCH of a later write would leave).
 */
export function combinePlans(plans: readonly WritePlan[]): BatchPlan {
  const entityOwner = new Map<string, number>();
  const relationOwner = new Map<string, number>();
  const entities = new Map<string, EntityRow>();
  const relations = new Map<string, { type: RelationType; row: RelationRow }>();
  const evidence = new Map<string, EvidenceRow>();
  plans.forEach((plan, i) => {
    for (const e of plan.entities) {
      const seen = entities.get(e.id);
      if (!seen) {
        entities.set(e.id, { ...e, forms: [...e.forms] });
        entityOwner.set(e.id, i);
      } else {
        for (const f of e.forms) if (!seen.forms.some((g) => g.alias === f.alias)) seen.forms.push(f);
      }
    }
    for (const [type, rows] of plan.relations) {
      for (const r of rows) {
        const seen = relations.get(r.id);
        if (!seen) {
          relations.set(r.id, { type, row: { ...r, props: { ...r.props } } });
          relationOwner.set(r.id, i);
        } else {
          seen.row.props.confidence = Math.max(seen.row.props.confidence, r.props.confidence);
        }
      }
    }
    for (const ev of plan.evidence) if (!evidence.has(ev.id)) evidence.set(ev.id, ev);
  });
  const byType = new Map<RelationType, RelationRow[]>();
  for (const { type, row } of relations.values()) {
    const list = byType.get(type) ?? [];
    list.push(row);
    byType.set(type, list);
  }
  return {
    entities: [...entities.values()],
    relations: byType,
    evidence: [...evidence.values()],
    mentions: plans.map((p) => ({ articleId: p.article.id, ids: p.mentions })),
    entityOwner,
    relationOwner,
  };
}

/** Relations one transaction holds at most: bounds the server's transaction memory (heap 1 GiB in dev). */
export const MAX_TRANSACTION_RELATIONS = 5_000;

/**
 * Splits a batch into transactions of consecutive articles, each at most MAX_TRANSACTION_RELATIONS relations (a
 * failing group is written again one article at a time, see Neo4jStore.writeArticles). Each commit has a fixed
 * cost in Neo4j (index and Lucene updaters, counts, the log append), and rows shared by articles (hub entities)
 * are written once per transaction, so fewer, larger transactions write faster.
 * An article with a relation whose end is not among its own entities relies on what is already stored, so it is
 * written alone, after the articles before it and before those after it, as one-by-one writes would see the store.
 */
export function transactionGroups<T extends ExtractedArticle>(batch: readonly T[], maxRelations = MAX_TRANSACTION_RELATIONS): T[][] {
  const groups: T[][] = [];
  let group: T[] = [];
  let relations = 0;
  const close = () => {
    if (!group.length) return;
    groups.push(group);
    group = [];
    relations = 0;
  };
  for (const x of batch) {
    const own = new Set(x.entities.map((e) => e.id));
    const alone = x.relations.some((r) => !own.has(r.source) || (r.target !== null && !own.has(r.target)));
    if (alone || (group.length && relations + x.relations.length > maxRelations)) close();
    group.push(x);
    relations += x.relations.length;
    if (alone) close();
  }
  close();
  return groups;
}

/** A relation row of group.write: its ends as positions in the statement's `ends` list. */
export interface GroupRelationRow {
  id: string;
  s: number;
  t: number;
  /** The stored properties that have a value (a null property is not stored anyway; `id` is set by the MERGE). */
  props: Partial<RelationProps>;
}

/** The `$rows` parameter of group.write (see cypher.ts GROUP_WRITE). */
export interface GroupRows {
  entities: EntityRow[];
  /** Stored entities that relations rely on without having them among the entity rows (articles written alone). */
  refs: string[];
  relations: Map<RelationType, GroupRelationRow[]>;
  articles: {
    id: string;
    extractorVersion: string;
    evidence: { id: string; relationId: string; sentence: string; start: number; end: number }[];
    mentions: number[];
  }[];
}

function storedProps(p: RelationProps): Partial<RelationProps> {
  const out: Partial<RelationProps> = {};
  for (const [k, v] of Object.entries(p) as [keyof RelationProps, RelationProps[keyof RelationProps]][]) {
    if (v !== null && k !== 'id') (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/**
 * The rows of one group write: ends and mentions by position (entity rows first, then refs), evidence under its
 * article, so the statement seeks each entity and article once instead of once per row that names it.
 */
export function groupRows(batch: BatchPlan, plans: readonly WritePlan[]): GroupRows {
  const position = new Map<string, number>();
  batch.entities.forEach((e, i) => position.set(e.id, i));
  const refs: string[] = [];
  const at = (id: string): number => {
    let i = position.get(id);
    if (i === undefined) {
      i = batch.entities.length + refs.length;
      refs.push(id);
      position.set(id, i);
    }
    return i;
  };
  const relations = new Map<RelationType, GroupRelationRow[]>();
  for (const [type, rows] of batch.relations) {
    relations.set(type, rows.map((r) => ({ id: r.id, s: at(r.sourceId), t: at(r.endId), props: storedProps(r.props) })));
  }
  const evidence = new Map<string, GroupRows['articles'][number]['evidence']>();
  for (const ev of batch.evidence) {
    const list = evidence.get(ev.articleId) ?? [];
    list.push({ id: ev.id, relationId: ev.relationId, sentence: ev.sentence, start: ev.start, end: ev.end });
    evidence.set(ev.articleId, list);
  }
  const articles = plans.map((p) => ({
    id: p.article.id,
    extractorVersion: p.extractorVersion,
    evidence: evidence.get(p.article.id) ?? [],
    mentions: p.mentions.map(at),
  }));
  return { entities: batch.entities, refs, relations, articles };
}
