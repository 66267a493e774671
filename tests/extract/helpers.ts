// Test helpers for the extractor: build articles from text and name relations.
import type { Article, ExtractedArticle, ExtractedRelation } from '../../src/domain/model.js';
import { articleId } from '../../src/domain/ids.js';
import { extractArticle } from '../../ingest/extract/extract-article.js';

export function article(text: string, lang: 'de' | 'en', published: string | null = null, title: string | null = null): Article {
  return { id: articleId(title, text), title, text, url: null, published, lang, externalId: null, tags: [], origin: null };
}

export interface NamedRelation {
  type: string;
  source: string | null;
  target: string | null;
  place: string | null;
  date: string | null;
  status: string;
  quote: string | null;
  evidence: string;
  mentions: string[];
}

export function named(x: ExtractedArticle): NamedRelation[] {
  const names = new Map(x.entities.map((e) => [e.id, e.name]));
  const n = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return x.relations.map((r: ExtractedRelation) => ({
    type: r.type,
    source: n(r.source),
    target: n(r.target),
    place: n(r.place),
    date: r.date,
    status: r.status,
    quote: r.quote,
    evidence: r.mentions[0].sentence,
    mentions: r.mentions.map((m) => m.sentence),
  }));
}

export function run(text: string, lang: 'de' | 'en', published: string | null = null): { x: ExtractedArticle; rels: NamedRelation[] } {
  const x = extractArticle(article(text, lang, published));
  return { x, rels: named(x) };
}

/** Unordered pair test for symmetric relations. */
export function pair(r: NamedRelation, a: string, b: string): boolean {
  return (r.source === a && r.target === b) || (r.source === b && r.target === a);
}
