// The boundary between neo4j-driver values and the domain's plain data. Driver types (Integer, Node, Record)
// never leave this directory: everything read goes through `plain()` and the record shapers below.
import neo4j from 'neo4j-driver';
import type { Integer, Record as Neo4jRecord } from 'neo4j-driver';
import type { ArticleRecord, EntityRecord, EntityType, EvidenceRecord, RelationRecord, RelationStatus, RelationType } from '../../domain/model.js';
import { sortedAliases } from '../internal/records.js';

/** Plain JSON-like data: what `plain()` returns. */
export type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

function isNodeOrRelationship(value: unknown): value is { properties: Record<string, unknown> } {
  return neo4j.isNode(value) || neo4j.isRelationship(value);
}

/** Driver value → plain data: Integer → number (throws beyond 2^53), lists and maps recursively, nodes → properties. */
export function plain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as Integer).toNumber();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object') {
    if (isNodeOrRelationship(value)) return plain(value.properties);
    // Temporal and spatial driver values are not stored by this store; print them rather than leak them.
    if (!isPlainObject(value)) return String(value);
    const out: { [key: string]: Plain } = {};
    for (const [k, v] of Object.entries(value)) out[k] = plain(v);
    return out;
  }
  return String(value);
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A map column of a record as plain data. */
export function field(record: Neo4jRecord, key: string): { [key: string]: Plain } {
  const v = plain(record.get(key));
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new TypeError(`column ${key} is not a map`);
  return v;
}

export function numberField(record: Neo4jRecord, key: string): number {
  const v = plain(record.get(key));
  if (typeof v !== 'number') throw new TypeError(`column ${key} is not a number`);
  return v;
}

/** A list-of-strings column of a record. */
export function stringsField(record: Neo4jRecord, key: string): string[] {
  const v = plain(record.get(key));
  if (!Array.isArray(v)) throw new TypeError(`column ${key} is not a list`);
  return v.map(String);
}

/** An integer parameter (SKIP, LIMIT): JS numbers travel as floats, which Cypher refuses there. */
export function intParam(value: number): Integer {
  return neo4j.int(Math.trunc(value));
}

const str = (v: Plain | undefined): string => (typeof v === 'string' ? v : String(v ?? ''));
const strOrNull = (v: Plain | undefined): string | null => (v == null ? null : str(v));
const num = (v: Plain | undefined): number => (typeof v === 'number' ? v : Number(v));
const strList = (v: Plain | undefined): string[] => (Array.isArray(v) ? v.map((x) => str(x)) : []);

export function toEntity(m: { [key: string]: Plain }): EntityRecord {
  return {
    id: str(m.id),
    name: str(m.name),
    type: str(m.type) as EntityType,
    aliases: sortedAliases(strList(m.aliases)),
    wikidata: strOrNull(m.wikidata),
  };
}

export function toEvidence(m: { [key: string]: Plain }): EvidenceRecord {
  return {
    id: str(m.id),
    relationId: str(m.relationId),
    articleId: str(m.articleId),
    sentence: str(m.sentence),
    start: num(m.start),
    end: num(m.end),
    extractorVersion: str(m.extractorVersion),
  };
}

export function toRelation(m: { [key: string]: Plain }): RelationRecord {
  const evidence = Array.isArray(m.evidence) ? m.evidence : [];
  return {
    id: str(m.id),
    type: str(m.type) as RelationType,
    sourceId: str(m.sourceId),
    targetId: strOrNull(m.targetId),
    placeId: strOrNull(m.placeId),
    date: strOrNull(m.date),
    status: str(m.status) as RelationStatus,
    quote: strOrNull(m.quote),
    confidence: num(m.confidence),
    role: strOrNull(m.role),
    cameo: strOrNull(m.cameo),
    plover: strOrNull(m.plover),
    evidence: evidence.map((e) => toEvidence(e as { [key: string]: Plain })),
  };
}

export function toArticle(m: { [key: string]: Plain }): ArticleRecord {
  return {
    id: str(m.id),
    title: strOrNull(m.title),
    text: str(m.text),
    url: strOrNull(m.url),
    published: strOrNull(m.published),
    lang: str(m.lang),
    externalId: strOrNull(m.externalId),
    tags: strList(m.tags),
    origin: strOrNull(m.origin),
  };
}
