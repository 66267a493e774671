// Test helpers for the extractor: build articles from text, name relations, and a small gold scorer that
// follows shared/dev/score.py (same matching rules) for the fixtures in tests/fixtures/gold.
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

// ---- gold scoring (same rules as shared/dev/score.py) ---------------------------------------------

interface GoldEntity { name: string; type: string; aliases: string[]; wikidata: string | null }
interface GoldRelation { type: string; source: string; target: string | null; evidence: string; optional?: boolean; date: string | null; place: string | null }
export interface GoldArticle { id: string; lang: string; file: string; published: string | null; entities: GoldEntity[]; relations: GoldRelation[] }

const norm = (s: string | null | undefined) =>
  (s ?? '').normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}_]+/gu, ' ').trim().replace(/\s+/g, ' ');
const words = (s: string) => new Set(norm(s).split(' ').filter(Boolean));

export function scoreGold(gold: GoldArticle, x: ExtractedArticle): { tp: number; fp: number; fn: number; personTp: number; personFp: number; personFn: number; dateRight: number; dateAsked: number } {
  const keys = (e: { name: string; aliases: string[] }) => new Set([norm(e.name), ...e.aliases.map(norm)].filter(Boolean));
  // entities, one-to-one: name or wikidata first, then aliases
  const pairs = new Map<number, number>();
  for (const rule of ['name', 'alias']) {
    x.entities.forEach((p, i) => {
      if (pairs.has(i)) return;
      const j = gold.entities.findIndex((g, jj) => ![...pairs.values()].includes(jj) && g.type === p.type &&
        (rule === 'name' ? norm(p.name) === norm(g.name) || (!!g.wikidata && g.wikidata === p.wikidata) : keys(g).has(norm(p.name)) || keys(p).has(norm(g.name))));
      if (j >= 0) pairs.set(i, j);
    });
  }
  const persons = (list: { type: string }[]) => list.filter((e) => e.type === 'PERSON').length;
  const personTp = [...pairs.entries()].filter(([i]) => x.entities[i].type === 'PERSON').length;
  const resolve = (name: string | null): string | null => {
    if (!name) return null;
    const i = x.entities.findIndex((e) => e.name === name);
    if (i >= 0 && pairs.has(i)) return gold.entities[pairs.get(i)!].name;
    const g = gold.entities.find((e) => keys(e).has(norm(name)));
    return g?.name ?? null;
  };
  const rels = named(x).filter((r) => ['MET_AT', 'CALLED', 'STATED'].includes(r.type) && r.status !== 'denied' && r.status !== 'hypothetical');
  const golds = gold.relations.filter((r) => ['MET_AT', 'CALLED', 'STATED'].includes(r.type));
  const taken = new Set<number>();
  let tp = 0;
  let fp = 0;
  let dateRight = 0;
  let dateAsked = 0;
  for (const r of rels) {
    const s = resolve(r.source);
    const t = resolve(r.target);
    const hit = golds.findIndex((g, j) => {
      if (taken.has(j) || g.type !== r.type) return false;
      const ok = g.type === 'STATED' ? s === g.source : new Set([s, t]).size === new Set([g.source, g.target]).size && [s, t].every((v) => v === g.source || v === g.target);
      const gw = words(g.evidence);
      const covers = (ev: string) => [...gw].filter((w) => words(ev).has(w)).length / gw.size >= 0.5;
      return ok && r.mentions.some(covers);
    });
    if (hit < 0) {
      fp++;
      continue;
    }
    taken.add(hit);
    if (golds[hit].optional) continue;
    tp++;
    if (golds[hit].date) {
      dateAsked++;
      if (r.date === golds[hit].date) dateRight++;
    }
  }
  const fn = golds.filter((g, j) => !taken.has(j) && !g.optional).length;
  return { tp, fp, fn, personTp, personFp: persons(x.entities) - personTp, personFn: persons(gold.entities) - personTp, dateRight, dateAsked };
}

export function f1(tp: number, fp: number, fn: number): number {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
}
