// The attributes every export carries, declared once. Each format maps these kinds to its own type names
// (GraphML `attr.type`, GEXF `type`, neo4j-admin header suffixes), so adding an attribute here adds it everywhere.
import { dateEnd, dateStart } from '../domain/date-range.js';
import { SYMMETRIC_RELATION_TYPES, type EntityRecord } from '../domain/model.js';
import type { ExportEdge } from './graph-source.js';

/** `date` is a full day (`YYYY-MM-DD`); `string[]` is a list (joined by LIST_SEPARATOR where a format has no lists). */
export type AttributeKind = 'string' | 'int' | 'float' | 'boolean' | 'date' | 'string[]';
export type AttributeValue = string | number | boolean | string[] | null;

export interface AttributeSpec<T> {
  name: string;
  kind: AttributeKind;
  value(item: T): AttributeValue;
}

/** Lists in formats without a list type (GraphML, GEXF): Gephi and yEd read plain strings only. */
export const LIST_SEPARATOR = '|';

export const NODE_ATTRIBUTES: readonly AttributeSpec<EntityRecord>[] = [
  { name: 'name', kind: 'string', value: (e) => e.name },
  { name: 'type', kind: 'string', value: (e) => e.type },
  { name: 'aliases', kind: 'string[]', value: (e) => e.aliases },
  { name: 'wikidata', kind: 'string', value: (e) => e.wikidata },
];

function safeDay(date: string | null, f: (d: string) => string): string | null {
  if (!date) return null;
  try {
    return f(date);
  } catch {
    return null; // a malformed stored date keeps its raw `date` attribute, without a range
  }
}

export const EDGE_ATTRIBUTES: readonly AttributeSpec<ExportEdge>[] = [
  { name: 'type', kind: 'string', value: (e) => e.relation.type },
  { name: 'date', kind: 'string', value: (e) => e.relation.date },
  { name: 'dateStart', kind: 'date', value: (e) => safeDay(e.relation.date, dateStart) },
  { name: 'dateEnd', kind: 'date', value: (e) => safeDay(e.relation.date, dateEnd) },
  { name: 'status', kind: 'string', value: (e) => e.relation.status },
  { name: 'quote', kind: 'string', value: (e) => e.relation.quote },
  { name: 'confidence', kind: 'float', value: (e) => e.relation.confidence },
  { name: 'role', kind: 'string', value: (e) => e.relation.role },
  { name: 'cameo', kind: 'string', value: (e) => e.relation.cameo },
  { name: 'plover', kind: 'string', value: (e) => e.relation.plover },
  { name: 'evidenceCount', kind: 'int', value: (e) => e.relation.evidence.length },
  { name: 'placeId', kind: 'string', value: (e) => e.relation.placeId },
  { name: 'place', kind: 'string', value: (e) => e.place?.name ?? null },
  { name: 'symmetric', kind: 'boolean', value: (e) => SYMMETRIC_RELATION_TYPES.has(e.relation.type) },
  { name: 'sentence', kind: 'string', value: (e) => e.relation.evidence[0]?.sentence ?? null },
  { name: 'articleId', kind: 'string', value: (e) => e.relation.evidence[0]?.articleId ?? null },
];

/** `{ name: value }` for every attribute (nulls kept), for the JSON formats. */
export function attributeRecord<T>(specs: readonly AttributeSpec<T>[], item: T): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const spec of specs) out[spec.name] = spec.value(item);
  return out;
}

/** A value as text for formats that store text only; null and empty lists give null (the attribute is left out). */
export function attributeText(value: AttributeValue): string | null {
  if (value == null) return null;
  if (Array.isArray(value)) return value.length ? value.join(LIST_SEPARATOR) : null;
  return String(value);
}
