// Turns one ExtractedArticle into the parameter rows of the write statements. Pure (no driver), so it is tested
// without a database. Repeats inside one article collapse the way the SQLite store's INSERT OR IGNORE does:
// first entity name/type wins and every surface form becomes an alias; a repeated relation keeps its first
// fields, its highest confidence and all its mentions; a repeated mention is one piece of evidence.
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
      if (!evidence.has(id)) evidence.set(id, { id, relationId: row.id, sentence: m.sentence, start: m.start, end: m.end });
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
