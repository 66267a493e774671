// The domain model shared by every pipeline stage: article → parse → extract → resolve → store → API.
// Plain data only (no class instances), so values cross worker threads, JSON and both stores unchanged.

export const ENTITY_TYPES = ['PERSON', 'COUNTRY', 'ORGANIZATION', 'PLACE'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Relation kinds. The allow-list for Neo4j relationship types: nothing else ever reaches Cypher as a type. */
export const RELATION_TYPES = [
  'MET_AT',
  'CALLED',
  'STATED',
  'INFORMED',
  'INVITED',
  'CONGRATULATED',
  'PRAISED',
  'CRITICIZED',
  'NEGOTIATED',
  'SIDED_WITH',
  'ANNOUNCED',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Relations whose two ends play the same part (a meeting or call between A and B is one relation). */
export const SYMMETRIC_RELATION_TYPES: ReadonlySet<RelationType> = new Set(['MET_AT', 'NEGOTIATED']);

export const RELATION_STATUSES = ['occurred', 'planned', 'denied', 'hypothetical'] as const;
export type RelationStatus = (typeof RELATION_STATUSES)[number];

/** An article as read from an input file, before an id or language is assigned. */
export interface ArticleInput {
  title: string | null;
  /** Body text: the text every evidence offset points into. */
  text: string;
  url: string | null;
  /** Publication date as printed (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), never an event date. */
  published: string | null;
  lang: string | null;
  /** An id given by the source (JSON Lines `id`), kept for reference; the article id is content-derived. */
  externalId: string | null;
  tags: string[];
  /** Where it came from (path, and line for JSON Lines), for messages. */
  origin: string | null;
}

export interface Article extends ArticleInput {
  /** Stable id derived from the normalised text, so the same article ingested twice is one article. */
  id: string;
  lang: string;
}

export interface Mention {
  /** The sentence, exactly `article.text.slice(start, end)`. */
  sentence: string;
  start: number;
  end: number;
}

export interface ExtractedEntity {
  /** Global id: `wd:Q…` when the Wikidata id is known, else `<type>:<slug>`. */
  id: string;
  name: string;
  type: EntityType;
  /** Every surface form found in the article other than `name`. */
  aliases: string[];
  wikidata: string | null;
}

export interface ExtractedRelation {
  /** Global id from the event's identity (type, ends, date, place, quote): the same event from two articles is one relation. */
  id: string;
  type: RelationType;
  source: string;
  target: string | null;
  place: string | null;
  date: string | null;
  status: RelationStatus;
  quote: string | null;
  confidence: number;
  /** Surface role used for an actor ("US-Präsident"), when the actor was found through a role. */
  role: string | null;
  cameo: string | null;
  plover: string | null;
  /** The first mention is the main evidence; later ones state the same event again. */
  mentions: Mention[];
  /** The extraction rule that produced it (for `extract --explain`). */
  rule: string | null;
}

export interface ExtractedArticle {
  article: Article;
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
  extractorVersion: string;
}

// ---- What stores return -------------------------------------------------------------------------

export interface EntityRecord {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  wikidata: string | null;
}

export interface EvidenceRecord {
  id: string;
  relationId: string;
  articleId: string;
  sentence: string;
  start: number;
  end: number;
  extractorVersion: string;
}

export interface RelationRecord {
  id: string;
  type: RelationType;
  sourceId: string;
  targetId: string | null;
  placeId: string | null;
  date: string | null;
  status: RelationStatus;
  quote: string | null;
  confidence: number;
  role: string | null;
  cameo: string | null;
  plover: string | null;
  /** Ordered by article id, then offset. */
  evidence: EvidenceRecord[];
}

export interface ArticleRecord {
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

export interface PathRecord {
  /** Entity ids, `edges.length + 1` of them. */
  nodeIds: string[];
  edges: RelationRecord[];
}
