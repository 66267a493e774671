// Stage: merge candidates into relations (one relation per pair per event, every pair of a multi-party
// meeting, mentions of the same event merged), choose canonical entity names and aliases, assign ids,
// CAMEO/PLOVER codes and confidence.
import type { EntityType, ExtractedEntity, ExtractedRelation, Mention, RelationStatus, RelationType } from '../../src/domain/model.js';
import { entityId, relationId } from '../../src/domain/ids.js';
import { tokenNorm as normalizeName } from '../nlp/tokenize.js';
import eventCodes from '../lexicon/data/event-codes.json' with { type: 'json' };
import type { ArticleContext, ArticleEntity, Candidate } from './types.js';
import type { Lang, LexEntity } from '../lexicon/lexicon.js';
import { stripPossessive } from './mentions.js';

const CODES = (eventCodes as { codes: Record<string, Record<string, { cameo: string; plover: string | null }>> }).codes;
const PLACE_RANK: Record<string, number> = { venue: 5, city: 4, region: 3, country: 2, continent: 1 };
const TITLE_PREFIX = /^(?:Prince|Princess|Sheikh|Sheikha|Prinz|Prinzessin|Scheich|Emir|Sultan|King|Queen|König|Königin|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Herr|Frau|Sir|Dame|Lord|Lady)\s+/u;

interface Rel {
  type: RelationType;
  a: string;
  b: string | null;
  place: string | null;
  date: string | null;
  hasDateExpr: boolean;
  status: RelationStatus;
  quote: string | null;
  sents: number[];
  rule: string;
  hosted: boolean;
  confidence: number;
}

function datesCompatible(r: Rel, c: Candidate): boolean {
  if (c.date && r.date) {
    if (c.date === r.date) return true;
    if (c.date.length < 7 || r.date.length < 7) return false;
    return c.date.startsWith(r.date) || r.date.startsWith(c.date);
  }
  if (!c.hasDateExpr && !c.date) return true;
  if (!r.hasDateExpr && !r.date && !c.hasDateExpr) return true;
  if (!c.hasDateExpr && c.date && !r.date && !r.hasDateExpr) return true;
  return false;
}

// The three steps are separate functions, not one: a rare branch on unseen text deoptimises the function it is in,
// and re-optimising one step costs a third of re-optimising the whole (measured: ~125 ms of compiler time each).
export function assemble(ctx: ArticleContext, candidates: Candidate[]): { entities: ExtractedEntity[]; relations: ExtractedRelation[]; keyToId: Map<string, string> } {
  const rels = mergeCandidates(ctx, candidates);
  const { entities, keyToId } = assembleEntities(ctx, rels);
  return { entities, relations: assembleRelations(ctx, rels, keyToId), keyToId };
}

/** How specific a place is (venue 5 … continent 1; 0 for none). */
function placeRank(ctx: ArticleContext, k: string | null): number {
  return k ? (PLACE_RANK[ctx.entities.get(k)?.placeKind ?? 'city'] ?? 3) : 0;
}

/** A candidate's place and date refine the relation it merges into. */
function upgrade(ctx: ArticleContext, r: Rel, c: Candidate): void {
  if (c.place && (!r.place || placeRank(ctx, c.place) > placeRank(ctx, r.place))) r.place = c.place;
  if (c.date && (!r.date || (c.date.length > r.date.length && c.date.startsWith(r.date)))) r.date = c.date;
  r.hasDateExpr = r.hasDateExpr || c.hasDateExpr;
}

function placesCompatible(ctx: ArticleContext, p: string | null, q: string | null): boolean {
  if (!p || !q || p === q) return true;
  const rp = placeRank(ctx, p);
  const rq = placeRank(ctx, q);
  return rp !== rq && (rp === 5 || rq === 5);
}

/** One relation per pair per event: candidates of the same event (and every pair of a multi-party meeting) merged. */
function mergeCandidates(ctx: ArticleContext, candidates: Candidate[]): Rel[] {
  const rels: Rel[] = [];
  const lastOfType = new Map<string, Rel>();
  for (const c of candidates) {
    if (c.type === 'MET_AT' || c.type === 'CALLED') {
      const group = c.group ?? [c.source, c.target!];
      const uniq = [...new Set(group)].filter(Boolean);
      if (c.anaphoric) {
        const last = lastOfType.get(c.type);
        if (last) {
          if (!last.sents.includes(c.sent)) last.sents.push(c.sent);
          for (const r of rels) if (r.type === c.type && r.sents.includes(last.sents[0]) && r.status === last.status) upgrade(ctx, r, c);
          continue;
        }
      }
      for (let i = 0; i < uniq.length; i++) {
        for (let j = i + 1; j < uniq.length; j++) {
          const [a, b] = [uniq[i], uniq[j]];
          if (c.hub && a !== c.hub && b !== c.hub) continue;
          const existing = c.newEvent && c.status !== 'planned'
            ? rels.find((r) => r.type === c.type && samePair(r, a, b) && r.status === c.status && r.sents.includes(c.sent))
            : [...rels].reverse().find((r) => r.type === c.type && samePair(r, a, b) && r.status === c.status && datesCompatible(r, c) && placesCompatible(ctx, r.place, c.place));
          if (existing) {
            if (!existing.sents.includes(c.sent)) existing.sents.push(c.sent);
            upgrade(ctx, existing, c);
            lastOfType.set(c.type, existing);
            continue;
          }
          const r: Rel = { type: c.type, a, b, place: c.place, date: c.date, hasDateExpr: c.hasDateExpr, status: c.status, quote: null, sents: [c.sent, ...(c.extraSents ?? [])], rule: c.rule, hosted: !!c.hosted, confidence: c.status === 'occurred' ? 0.8 : 0.7 };
          rels.push(r);
          lastOfType.set(c.type, r);
        }
      }
      continue;
    }
    const dup = rels.find((r) => r.type === c.type && r.a === c.source && r.sents[0] === c.sent && r.quote === c.quote && r.b === c.target);
    if (dup) continue;
    rels.push({ type: c.type, a: c.source, b: c.target, place: null, date: c.date, hasDateExpr: c.hasDateExpr, status: 'occurred', quote: c.quote, sents: [c.sent], rule: c.rule, hosted: false, confidence: c.type === 'STATED' ? 0.75 : 0.6 });
  }
  return rels;
}

/** The entities with a name in the text, plus role-only actors a relation uses: canonical names, aliases, ids. */
function assembleEntities(ctx: ArticleContext, rels: Rel[]): { entities: ExtractedEntity[]; keyToId: Map<string, string> } {
  const used = new Set<string>();
  for (const r of rels) {
    used.add(r.a);
    if (r.b) used.add(r.b);
    if (r.place) used.add(r.place);
  }
  const entities: ExtractedEntity[] = [];
  const keyToId = new Map<string, string>();
  for (const e of ctx.entities.values()) {
    if (e.roleOnly && !used.has(e.key)) continue;
    if (!e.surfaces.length && !used.has(e.key)) continue;
    if (e.type === 'PERSON' && !e.roleOnly && !e.surfaces.some((s) => s.kind === 'name' || s.kind === 'surname' || s.kind === 'pattern')) continue;
    // the surfaces without a possessive marker, and their normalised forms (computed once per entity)
    const found = e.surfaces.map((x) => stripPossessive(x.text));
    const norms = found.map(normalizeName);
    let name = canonicalName(ctx, e, found, norms);
    // a title is no part of the canonical name ("Prince Faisal bin Farhan" → "Faisal bin Farhan"; the full form stays an alias)
    if (e.type === 'PERSON') {
      const t = TITLE_PREFIX.exec(name);
      if (t && name.length > t[0].length + 2) {
        if (!e.surfaces.some((x) => x.text === name)) e.surfaces.unshift({ text: name, kind: 'name' });
        name = name.slice(t[0].length);
      }
    }
    const id = entityIdOf(e.type, name, e.lex?.wikidata ?? null);
    keyToId.set(e.key, id);
    const seen = new Set([normalizeName(name)]);
    const aliases: string[] = [];
    const alias = (form: string, n: string) => {
      if (seen.has(n)) return;
      seen.add(n);
      aliases.push(form);
    };
    // a titled name put first above has no entry in found
    const shift = e.surfaces.length - found.length;
    for (let k = 0; k < e.surfaces.length; k++) {
      const s = e.surfaces[k];
      if (s.kind === 'pronoun' || s.kind === 'group') continue;
      const bare = k >= shift ? found[k - shift] : stripPossessive(s.text);
      const bareNorm = k >= shift ? norms[k - shift] : normalizeName(bare);
      alias(s.text, bare === s.text ? bareNorm : normalizeName(s.text));
      alias(bare, bareNorm);
    }
    entities.push({ id, name, type: e.type, aliases, wikidata: e.lex?.wikidata ?? null });
  }
  // the same id twice (two keys, one Wikidata id): keep the first
  const byId = new Map<string, ExtractedEntity>();
  for (const e of entities) {
    const prev = byId.get(e.id);
    if (prev) {
      for (const a of [e.name, ...e.aliases]) if (a !== prev.name && !prev.aliases.includes(a)) prev.aliases.push(a);
    } else byId.set(e.id, e);
  }
  return { entities: [...byId.values()], keyToId };
}

/** The relations between stored entity ids, with their evidence sentences, codes and ids, in text order. */
function assembleRelations(ctx: ArticleContext, rels: Rel[], keyToId: Map<string, string>): ExtractedRelation[] {
  const relations: ExtractedRelation[] = [];
  const seenIds = new Set<string>();
  for (const r of rels) {
    const source = keyToId.get(r.a);
    const target = r.b ? (keyToId.get(r.b) ?? null) : null;
    if (!source || (r.b && !target) || source === target) continue;
    const place = r.place ? (keyToId.get(r.place) ?? null) : null;
    const mentions: Mention[] = (r.sents.length > 1 ? [...r.sents].sort((x, y) => x - y) : r.sents).map((i) => {
      const s = ctx.sentences[i];
      return { sentence: ctx.text.slice(s.start, s.end), start: s.start, end: s.end };
    });
    // the sentence that produced the relation first is the main evidence
    const main = ctx.sentences[r.sents[0]];
    if (mentions.length > 1) mentions.sort((x, y) => (x.start === main.start ? -1 : y.start === main.start ? 1 : x.start - y.start));
    const codeKey = r.type === 'MET_AT' && r.status === 'occurred' ? (r.hosted ? 'hosted' : place ? 'third_location' : 'occurred') : r.status === 'planned' ? 'planned' : 'occurred';
    const code = CODES[r.type]?.[codeKey] ?? CODES[r.type]?.occurred ?? { cameo: null, plover: null };
    const id = relationId({ type: r.type, source, target, date: r.date, place, status: r.status, quote: r.quote });
    if (seenIds.has(id)) continue;
    seenIds.add(id);
    relations.push({
      id,
      type: r.type,
      source,
      target,
      place,
      date: r.date,
      status: r.status,
      quote: r.quote,
      confidence: r.confidence,
      role: roleOf(ctx, r),
      cameo: code.cameo,
      plover: code.plover,
      mentions,
      rule: r.rule,
    });
  }
  relations.sort((x, y) => x.mentions[0].start - y.mentions[0].start || (x.id < y.id ? -1 : 1));
  return relations;
}

/** An abbreviation (US, EU, U.S.): at most five capitals, digits, dots or hyphens (ten UTF-16 units). */
function abbrev(x: string): boolean {
  return x.length <= 10 && /^[\p{Lu}.\d-]{1,5}$/u.test(x);
}

function samePair(r: Rel, a: string, b: string): boolean {
  return (r.a === a && r.b === b) || (r.a === b && r.b === a);
}

function roleOf(ctx: ArticleContext, r: Rel): string | null {
  const e = ctx.entities.get(r.a);
  if (e?.roleOnly) return e.surfaces.find((s) => s.kind === 'role')?.text ?? null;
  return null;
}

/** entityId, cached: the same names recur in every article. */
const ID_CACHE = new Map<string, Map<string, string>>();
function entityIdOf(type: EntityType, name: string, wikidata: string | null): string {
  const k = wikidata ?? name;
  let byName = ID_CACHE.get(wikidata ? 'wd' : type);
  if (!byName) ID_CACHE.set(wikidata ? 'wd' : type, (byName = new Map()));
  let id = byName.get(k);
  if (id === undefined) {
    id = entityId(type, name, wikidata);
    if (byName.size < 100_000) byName.set(k, id);
  }
  return id;
}

/** A lexicon entity's names in one language, with their normalised forms (computed once per entity and language). */
interface LexNames {
  /** Person: the names of the language, then the other spellings. */
  variants: string[];
  variantNorms: Set<string>;
  /** Others: the names of the language, then those of the other language. */
  all: string[];
  allNorms: string[];
}
const LEX_NAMES: Record<Lang, Map<LexEntity, LexNames>> = { de: new Map(), en: new Map() };
function lexNames(lex: LexEntity, lang: Lang): LexNames {
  let v = LEX_NAMES[lang].get(lex);
  if (!v) {
    const variants = [...lex.names[lang], ...lex.variants];
    const all = [...lex.names[lang], ...lex.names[lang === 'de' ? 'en' : 'de']];
    v = { variants, variantNorms: new Set(variants.map(normalizeName)), all, allNorms: all.map(normalizeName) };
    LEX_NAMES[lang].set(lex, v);
  }
  return v;
}

/** The canonical name; `found` are the entity's surfaces without possessive markers, `norms` their normalised forms. */
function canonicalName(ctx: ArticleContext, e: ArticleEntity, found: string[], norms: string[]): string {
  const lang = ctx.lang;
  if (e.type === 'PERSON') {
    if (e.lex) {
      const { variants, variantNorms } = lexNames(e.lex, lang);
      // the most complete spelling the article uses ("Recep Tayyip Erdoğan" over "Tayyip Erdoğan"), whatever came first
      let full: string | undefined;
      let fullNorm = '';
      for (let k = 0; k < found.length; k++) {
        const f = found[k];
        if (variantNorms.has(norms[k]) && (!full || f.length > full.length)) (full = f), (fullNorm = norms[k]);
      }
      // a shorter form of the lexicon name ("Tayyip Erdoğan") gives the lexicon name, so that articles agree
      if (full && normalizeName(e.lex.names[lang][0]).endsWith(` ${fullNorm}`)) return e.lex.names[lang][0];
      if (full) return variants.find((v) => v === full) ?? full;
      // the article's own spelling of the full name (a given name the lexicon does not list before a known surname)
      const own = e.surfaces.find((x) => x.kind === 'name' && stripPossessive(x.text).includes(' '));
      if (own) return stripPossessive(own.text);
      // only a surname: use the variant spelled like it
      const k = e.surfaces.findIndex((x) => x.kind === 'surname');
      if (k >= 0) {
        const bare = norms[k].replace(/s$/u, '');
        const v = variants.find((x) => normalizeName(x).endsWith(` ${norms[k]}`)) ?? variants.find((x) => normalizeName(x).endsWith(` ${bare}`));
        if (v) return v;
      }
      return e.lex.names[lang][0];
    }
    return e.fullName ?? found[0] ?? e.key;
  }
  if (e.lex) {
    const names = e.lex.names[lang];
    const { all, allNorms } = lexNames(e.lex, lang);
    for (let k = 0; k < all.length; k++) {
      const n = all[k];
      const at = norms.indexOf(allNorms[k]);
      if (at >= 0) {
        const hit = found[at];
        const isUpper = hit === hit.toUpperCase() && hit !== n;
        // an abbreviation (US, EU, U.S.) is not the canonical name when the lexicon has a full one
        if (abbrev(hit) && hit !== names[0] && (e.type === 'COUNTRY' || !abbrev(names[0]))) return names[0];
        if (names.includes(n) || e.type !== 'COUNTRY') return isUpper ? n : hit === n || !/\p{Ll}/u.test(n) ? n : hit;
        break;
      }
    }
    return names[0];
  }
  return e.fullName ?? found[0] ?? e.key;
}
