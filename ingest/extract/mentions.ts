// Stage: entity mentions. Lexicon matches (actors, countries, organisations, places, with inflected and
// possessive forms), role nouns (titles before names and role-only references), pronouns, group
// references, and patterns for persons, places and organisations that are not in the lexicon.
import type { EntityType } from '../../src/domain/model.js';
import { slug } from '../../src/domain/ids.js';
import {
  adjectiveDe,
  adjectiveEn,
  capitalOf,
  entityIndex,
  familyFirst,
  givenNames,
  type LexEntity,
  lookup,
  roleIndex,
  type RoleEntry,
  type Surface,
  type Lang,
  type TrieNode,
} from '../lexicon/lexicon.js';
import { tokenize, type Token } from '../nlp/tokenize.js';
import type { ArticleContext, ArticleEntity, EntityMention, Sentence } from './types.js';
import {
  factsOf,
  genitiveLike,
  NAME_NO,
  NAME_STOP,
  NAME_YES,
  NOBLE_TITLES,
  W_ARABIC,
  W_CAPITAL,
  W_ENTITY_START,
  W_FAMILY_FIRST,
  W_GIVEN,
  W_HONORIFIC,
  W_MEDIA_CUE,
  W_MONTH_DAY,
  W_NOBLE,
  W_PARTICLE,
  W_PRONOUN_OR_GROUP,
  W_ROLE_START,
  W_STOP_CAP,
  W_TOWN,
} from './word-facts.js';
import {
  STOP_CAPS,
  MONTHS_AND_DAYS,
  DETERMINERS,
  INDEFINITE,
  NAME_PARTICLES,
  PARTICLE_PAIRS,
  VENUE_HEADS_EN,
  ORG_HEADS_EN,
  PLACE_PREPS_EN,
  AGENCIES,
  GEO_HEADS_EN,
  NOT_PERSON_HEADS_EN,
  HONORIFICS,
  SURNAME_SUFFIXES,
  NOT_PLACE_DE,
  MEDIA_CUES_DE,
  MEDIA_CUES_EN,
} from './word-lists.js';

const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
/** Numerals and quantifiers: "die beiden Minister", "the two leaders" are groups, not one person. */
const GROUP_WORDS = new Set(['beiden', 'beide', 'beider', 'zwei', 'drei', 'vier', 'both', 'two', 'three', 'four', 'all', 'alle', 'allen']);
const SAY_VERBS_EN = new Set(['said', 'says', 'told', 'tells', 'added', 'wrote', 'stated', 'warned', 'argued', 'insisted', 'noted', 'explained', 'urged', 'declared']);
const SAY_VERBS_DE = new Set(['sagte', 'sagt', 'erklärte', 'erklärt', 'betonte', 'betont', 'schrieb', 'warnte', 'forderte', 'kritisierte', 'meinte', 'kündigte', 'teilte', 'fügte']);
const BYLINE_RE =
  /^\(?(?:By|Reporting by|Writing by|Editing by|Additional reporting by|Analysis by|Commentary by|Von|Eine Analyse von|Ein Kommentar von|Ein Gastbeitrag von|Text:|Autor:|Autorin:)\s/u;
const BYLINE_SEP = new Set(['and', 'und', ',', ';', '&', 'by', 'von']);
const GERMAN_NOUN_END = /(?:ung|heit|keit|schaft|tion|sion|tät|ismus|nis|tum|ment|enz|anz|ik|chen|lein|ie|e|er|en|el|ei|ur|at)$/u;
const DEMONYM_END = /(?:an|ian|ese|ish|ic|i)$/u;
/** Prepositions that end the search for a role noun's determiner ("für den Minister" is no reference). */
const ROLE_STOP_PREPS = new Set(['as', 'of', 'for', 'with', 'to', 'als', 'mit', 'von', 'zu', 'in', 'on', 'at', 'im', 'am']);

/** A name particle ("van", "al", "Bin"), by its text; `flags` are the token's word bits. */
function isParticle(t: Token, flags: number): boolean {
  return (flags & W_PARTICLE) !== 0 && NAME_PARTICLES.has(t.text);
}

export function registerEntity(ctx: ArticleContext, key: string, type: EntityType, lex: LexEntity | null): ArticleEntity {
  let e = ctx.entities.get(key);
  if (!e) {
    e = {
      key,
      type,
      lex,
      surfaces: [],
      fullName: null,
      gender: lex?.gender ?? null,
      roles: new Set(),
      country: lex?.type === 'COUNTRY' ? lex.country : (lex?.country ?? null),
      roleOnly: false,
      placeKind: type === 'COUNTRY' ? 'country' : type === 'PLACE' ? (lex?.kind ?? 'city') : null,
      media: lex?.kind === 'media',
    };
    ctx.entities.set(key, e);
  }
  return e;
}

function addSurface(e: ArticleEntity, text: string, kind: EntityMention['kind']): void {
  if (!e.surfaces.some((s) => s.text === text)) e.surfaces.push({ text, kind });
}

function isMonthLike(t: Token, next: Token | undefined, lang: Lang): boolean {
  const f = factsOf(lang, t).names;
  if ((f & W_MONTH_DAY) === 0) return false;
  // "Jan Lipavský", "June Smith": a given name followed by a name is no month
  return !((f & W_GIVEN) !== 0 && next?.cap && next.word && (factsOf(lang, next).names & W_MONTH_DAY) === 0 && !/^\p{N}/u.test(next.text));
}

function isNameLike(t: Token | undefined, lang: Lang, next?: Token): boolean {
  if (!t || !t.word || !t.cap) return false;
  const f = factsOf(lang, t);
  if (f.nameClass === NAME_YES) return true;
  if (f.nameClass === NAME_NO) return false;
  // "He Lifeng": a family name that is also an English function word, before a name
  if (f.nameClass === NAME_STOP) return (f.names & W_FAMILY_FIRST) !== 0 && !!next?.cap && next.word && (factsOf(lang, next).names & W_STOP_CAP) === 0 && (f.names & W_MONTH_DAY) === 0;
  return !isMonthLike(t, next, lang);
}

/** The role noun at token i; `startsKey` false when the word bits say that no role name starts there. */
function roleAt(ctx: ArticleContext, toks: Token[], norms: string[], i: number, startsKey = true): { len: number; entry: RoleEntry } | null {
  const r = startsKey ? lookup(roleIndex[ctx.lang], norms, i) : null;
  if (r) {
    // English lower-case role words must be lower-case in the text too, upper-case forms need a capital.
    const entry = r.values.find((v) => (/^\p{Lu}/u.test(v.form) ? toks[i].cap : true)) ?? r.values[0];
    return { len: r.len, entry };
  }
  const t = toks[i];
  if (ctx.lang === 'de' && t.word && t.cap && t.text.length > 6) {
    const role = factsOf('de', t).roleSuffix;
    if (role) return { len: 1, entry: { form: t.text, role, country: null, title: true } };
  }
  return null;
}

/** Lexicon entity at token i, allowing a genitive -s on the last token (Putins, Chinas, Selenskyjs). */
function surfaceMatch(first: Token, len: number, vals: Surface[], inflected: boolean): { len: number; surface: Surface; inflected: boolean } | null {
  // the first surface the token's case allows
  const v = first.cap || first.upper ? vals[0] : vals.find((s) => s.lowerOk);
  if (!v) return null;
  // a one-letter or purely lower-case single token never matches a capitalised form
  if (len === 1 && !first.cap && !v.lowerOk) return null;
  return { len, surface: v, inflected };
}

/** The lexicon entity at token i; `startsKey` false when the word bits say that no lexicon name starts there. */
function entityAt(lang: Lang, toks: Token[], norms: string[], i: number, startsKey = true): { len: number; surface: Surface; inflected: boolean } | null {
  const first = startsKey ? entityIndex.trie.get(norms[i]) : undefined;
  const t0 = toks[i];
  // most tokens start no lexicon name: only a one-token genitive ("Putins") remains possible
  if (!first) {
    const vals = factsOf(lang, t0).genitiveOf;
    return vals ? surfaceMatch(t0, 1, vals, true) : null;
  }
  const exact = lookup(entityIndex, norms, i);
  let best = exact ? surfaceMatch(t0, exact.len, exact.values, false) : null;
  // genitive: try shorter sequences whose last token loses a final s; levels[d] holds the keys' (d+1)-th tokens after
  // the d tokens from i (walked when a token that may be a genitive comes up)
  const maxLen = Math.min(entityIndex.maxLen, norms.length - i);
  let levels: Map<string, TrieNode<Surface>>[] | null = null;
  for (let len = maxLen; len >= 1; len--) {
    if (best && best.len >= len) break;
    const last = toks[i + len - 1];
    if (!genitiveLike(last)) continue;
    if (!levels) {
      levels = [entityIndex.trie];
      for (let node: TrieNode<Surface> | undefined = first; node?.next && levels.length < maxLen; node = node.next.get(norms[i + levels.length - 1])) levels.push(node.next);
    }
    if (len > levels.length) continue;
    const vals = levels[len - 1].get(last.norm.slice(0, -1))?.values;
    if (vals) {
      const r = surfaceMatch(t0, len, vals, true);
      if (r) best = r;
      break;
    }
  }
  return best;
}

function countryFromAdjective(ctx: ArticleContext, t: Token): string | null {
  if (ctx.lang === 'en') return t.cap ? (adjectiveEn.get(t.norm) ?? null) : null;
  const n = t.norm;
  for (const end of ['', 'e', 'en', 'er', 'es', 'em']) {
    if (end && !n.endsWith(end)) continue;
    const stem = end ? n.slice(0, -end.length) : n;
    const iso = adjectiveDe.get(stem);
    if (iso) return iso;
  }
  return null;
}

function mention(sent: Sentence, t0: number, t1: number, type: EntityType, kind: EntityMention['kind'], key: string | null, text: string): EntityMention {
  const toks = sent.tokens;
  const start = toks[t0].start;
  const end = toks[t1 - 1].end;
  let inQuote = false;
  for (const [a, b] of sent.quotes) if (start >= a && end <= b) inQuote = true;
  return {
    sent: sent.index,
    t0,
    t1,
    start,
    end,
    // one token: its text is the same string, shared by every occurrence of the word (cheaper to compare and hash)
    surface: t1 - t0 === 1 ? toks[t0].text : text.slice(start, end),
    key,
    type,
    kind,
    role: null,
    roleCountry: null,
    possessive: false,
    inQuote,
    // optional fields from the start: one object shape (see mk in relations.ts)
    refGender: undefined,
    groupSize: undefined,
    groupKeys: undefined,
    dateline: undefined,
  };
}

/** Person-name span after position i (unknown names): given names, particles, initials, ", Jr.". */
function nameSpan(ctx: ArticleContext, sent: Sentence, i: number, max: number): number {
  const toks = sent.tokens;
  const norms = sent.norms;
  let j = i;
  let n = 0;
  while (j < toks.length && n < max) {
    const t = toks[j];
    if (isNameLike(t, ctx.lang, toks[j + 1]) && (j === i || !entityAtStrict(j, norms) || isHyphenJoined(toks, j))) {
      j++;
      n++;
      // initial: "R."
      if (t.text.length === 1 && toks[j]?.text === '.' && toks[j].joinPrev) j++;
      // hyphenated part: Jean-Yves, al-Bussaidi, Thomas-Greenfield
      while (toks[j]?.text === '-' && toks[j].joinPrev && toks[j + 1]?.word && toks[j + 1].joinPrev) j += 2;
      continue;
    }
    if (n > 0 && NAME_PARTICLES.has(t.text) && isNameLike(toks[j + 1], ctx.lang)) {
      j++;
      continue;
    }
    // two particles: "de la Fuente", "van der Bellen", "de los Santos"
    if (n > 0 && toks[j + 1] && PARTICLE_PAIRS.has(`${t.text} ${toks[j + 1].text}`) && isNameLike(toks[j + 2], ctx.lang)) {
      j += 2;
      continue;
    }
    if (n > 0 && NAME_PARTICLES.has(t.text) && toks[j + 1]?.text === '-' && toks[j + 2]?.word) {
      j += 3;
      n++;
      continue;
    }
    break;
  }
  // trailing particle never ends a name
  while (j > i && NAME_PARTICLES.has(toks[j - 1].text)) j--;
  // ", Jr." and "Jr."
  if (j > i && toks[j]?.text === ',' && isJrSr(toks[j + 1]?.text) && toks[j + 2]?.text === '.') j += 3;
  else if (j > i && isJrSr(toks[j]?.text) && toks[j + 1]?.text === '.' && toks[j + 1].joinPrev) j += 2;
  return j;
}

function isJrSr(text: string | undefined): boolean {
  return text === 'Jr' || text === 'Sr';
}

function isHyphenJoined(toks: Token[], j: number): boolean {
  return toks[j - 1]?.text === '-' && toks[j - 1].joinPrev && toks[j].joinPrev;
}

function entityAtStrict(j: number, norms: string[]): boolean {
  const r = lookup(entityIndex, norms, j);
  return !!r && r.values.some((v) => v.entity.type !== 'PERSON');
}

/** Last word token of a span, skipping "Jr." and punctuation. */
function lastWord(toks: Token[], t0: number, t1: number): Token {
  let k = t1 - 1;
  while (k > t0 && (!toks[k].word || isJrSr(toks[k].text))) k--;
  return toks[k];
}

/** A span whose head makes it a place or an organisation, never a person (Second Thomas Shoal, Amnesty International). */
function nonPersonHead(ctx: ArticleContext, toks: Token[], t0: number, t1: number): boolean {
  if (ctx.lang !== 'en') return false;
  const h = lastWord(toks, t0, t1).norm;
  return GEO_HEADS_EN.has(h) || NOT_PERSON_HEADS_EN.has(h) || ORG_HEADS_EN.has(h) || VENUE_HEADS_EN.has(h);
}

function hasSurnameSuffix(t: Token): boolean {
  if (t.text.length < 5) return false;
  const low = t.text.toLowerCase();
  for (const s of SURNAME_SUFFIXES) if (low.endsWith(s)) return true;
  return false;
}

/** Short forms of the persons of one article (surnames, family names written first), by first token. */
interface ShortForm {
  norms: string[];
  key: string;
}
class ShortForms {
  private byFirst = new Map<string, ShortForm[]>();
  add(norms: string[], key: string): void {
    if (!norms.length || norms.some((n) => !n)) return;
    const list = this.byFirst.get(norms[0]);
    const k = norms.join(' ');
    if (!list) this.byFirst.set(norms[0], [{ norms, key }]);
    else if (!list.some((x) => x.norms.join(' ') === k)) list.push({ norms, key });
  }
  /** Key registered for a one-token form. */
  one(norm: string): string | null {
    return this.byFirst.get(norm)?.find((x) => x.norms.length === 1)?.key ?? null;
  }
  /** Longest short form at token i; the last token may carry a genitive -s (Budrys', Kobachidses). */
  at(toks: Token[], i: number): { len: number; key: string; genitive: boolean } | null {
    const t = toks[i];
    let list = this.byFirst.get(t.norm);
    let best: { len: number; key: string; genitive: boolean } | null = null;
    if (list) {
      for (const f of list) {
        if (best && best.len >= f.norms.length) continue;
        let ok = true;
        for (let k = 1; k < f.norms.length && ok; k++) ok = toks[i + k]?.norm === f.norms[k];
        if (ok) best = { len: f.norms.length, key: f.key, genitive: false };
      }
    }
    if (!best && t.norm.length > 3 && t.norm.endsWith('s')) {
      list = this.byFirst.get(t.norm.slice(0, -1));
      const f = list?.find((x) => x.norms.length === 1);
      if (f) best = { len: 1, key: f.key, genitive: true };
    }
    return best;
  }
}

export function detectMentions(ctx: ArticleContext, title: string | null = null): void {
  const shortForms = new ShortForms();
  /** Persons named by one token only (title + surname), merged into a full name found later. */
  const singles = new Map<string, string>();

  // One function per pass, not one loop body: a rare branch on unseen text deoptimises only its own pass, and
  // re-optimising one pass costs a fraction of re-optimising all (~135 ms of compiler time for the whole).
  for (const sent of ctx.sentences) {
    const sc: MentionScope = { ctx, sent, toks: sent.tokens, norms: sent.norms, wf: sent.wflags, out: [], taken: new Uint8Array(sent.tokens.length), roleMarks: [], shortForms, singles };
    lexiconPass(sc);
    roleCountries(sc);
    titlesAndRoleReferences(sc);
    capitalReferences(sc);
    unknownPersons(sc);
    detectPlacesAndOrgs(ctx, sent, sc.out, sc.taken);
    pronounsAndGroups(sc);
    registerMentions(sc);
    ctx.mentions.push(sc.out);
  }

  mergeSingleNames(ctx, shortForms, singles);
  if (title) titleEntities(ctx, title, shortForms);
}

interface RoleMark {
  t0: number;
  t1: number;
  entry: RoleEntry;
  country: string | null;
}

/** One sentence's mention detection: what its passes share. */
interface MentionScope {
  ctx: ArticleContext;
  sent: Sentence;
  toks: Token[];
  norms: string[];
  /** W_* bits per token (sent.wflags). */
  wf: number[];
  out: EntityMention[];
  /** Tokens a mention covers already. */
  taken: Uint8Array;
  /** Role words found by pass 1, read by the later passes. */
  roleMarks: RoleMark[];
  shortForms: ShortForms;
  singles: Map<string, string>;
}

/** Pass 1: lexicon entities (with possessive and a given name before a lexicon surname) and role words. */
function lexiconPass(sc: MentionScope): void {
  const { ctx, sent, toks, norms, wf, out, taken, roleMarks, shortForms } = sc;
  const { text } = ctx;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.word || taken[i]) continue;
    let r = entityAt(ctx.lang, toks, norms, i, (wf[i] & W_ENTITY_START) !== 0);
    const role = roleAt(ctx, toks, norms, i, (wf[i] & W_ROLE_START) !== 0);
    // "Gabriel Boric", "Sofía Martínez": a one-token lexicon match (a surname, a city) that is a given name before a name
    if (r && r.len === 1 && r.surface.kind !== 'name' || r && r.len === 1 && r.surface.entity.type === 'PLACE') {
      const nx = toks[i + 1];
      if ((wf[i] & W_GIVEN) !== 0 && isNameLike(nx, ctx.lang, toks[i + 2]) && nx.joinPrev === false && !entityAt(ctx.lang, toks, norms, i + 1) && !POSSESSIVE.has(nx.text)) r = null;
    }
    if (r && (!role || r.len >= role.len)) {
      const lex = r.surface.entity;
      let t1 = i + r.len;
      let possessive = false;
      if (POSSESSIVE.has(toks[t1]?.text ?? '') && toks[t1].joinPrev && (toks[t1].text.length > 1 || /[sxzß]$/u.test(toks[t1 - 1].text))) {
        t1++;
        possessive = true;
      }
      if (r.inflected) possessive = true;
      // a given name before a lexicon surname is part of the name as the article spells it ("Kathy Hochul" for a lexicon "Hochul")
      let t0 = i;
      if (r.surface.kind === 'surname' && lex.type === 'PERSON' && i > 0 && !taken[i - 1] && toks[i - 1].cap && givenNames.has(toks[i - 1].norm)) t0 = i - 1;
      const m = mention(sent, t0, t1, lex.type, t0 < i ? 'name' : r.surface.kind === 'surname' ? 'surname' : 'name', lex.key, text);
      m.possessive = possessive;
      out.push(m);
      takeRange(taken, t0, t1);
      if (lex.type === 'PERSON' && m.kind === 'name') registerShortForms(toks, t0, i + r.len, lex.key, shortForms);
      i = t1 - 1;
      continue;
    }
    if (role) {
      roleMarks.push({ t0: i, t1: i + role.len, entry: role.entry, country: role.entry.country });
      takeRange(taken, i, i + role.len);
      i += role.len - 1;
    }
  }
}

/** A role's country from a compound prefix (US-Präsident), an adjective (russische), a genitive (Polens). */
function roleCountries(sc: MentionScope): void {
  const { ctx, toks, out, roleMarks } = sc;
  for (const rm of roleMarks) {
    if (rm.country) continue;
    const p = rm.t0;
    if (toks[p - 1]?.text === '-' && toks[p].joinPrev) {
      const prefix = out.find((m) => m.t1 === p - 1);
      if (prefix?.key) rm.country = prefixCountry(prefix.key);
    }
    for (let k = p - 1; k >= Math.max(0, p - 3) && !rm.country; k--) {
      const tk = toks[k];
      if (!tk.word) break;
      const iso = countryFromAdjective(ctx, tk);
      if (iso) rm.country = iso;
      const m = out.find((x) => x.t1 === k + 1 && x.type === 'COUNTRY' && x.possessive);
      if (m?.key) rm.country = prefixCountry(m.key);
      if (DETERMINERS.has(tk.norm)) break;
    }
  }
}

/** Pass 2: names after a title role ("Außenministerin Annalena Baerbock"), role references ("der Kanzler"). */
function titlesAndRoleReferences(sc: MentionScope): void {
  const { ctx, sent, toks, out, taken, roleMarks, shortForms, singles } = sc;
  const { text } = ctx;
  for (const rm of roleMarks) {
    let j = rm.t1;
    let apposition = false;
    // "Der US-Sondergesandte für den Sudan, Massad Boulos, …": a short complement before the apposition
    if (rm.entry.title && toks[j]?.text !== ',') {
      const k = complementEnd(ctx, toks, j, out);
      if (k > j && toks[k]?.text === ',') j = k;
    }
    if (toks[j]?.text === ',' && rm.entry.title) {
      j++;
      apposition = true;
    }
    if (rm.entry.title && toks[j] && NOBLE_TITLES.has(toks[j].norm) && toks[j].cap) j++;
    const person0 = out.find((m) => m.t0 === j && m.type === 'PERSON');
    if (person0 && rm.entry.title) {
      person0.role = rm.entry.role;
      person0.roleCountry = rm.country;
      continue;
    }
    if (rm.entry.title && !taken[j] && isNameLike(toks[j], ctx.lang, toks[j + 1]) && !(ctx.lang === 'en' && adjectiveEn.has(toks[j].norm))) {
      const end = nameSpan(ctx, sent, j, 4);
      // German apposition: a known given name, or a name closed by a comma (", Massad Boulos, hat")
      const closed = /^[,;:)]$/u.test(toks[end]?.text ?? '') || end === toks.length || toks[end]?.text === '.';
      const germanOk = !(apposition && ctx.lang === 'de') || givenNames.has(toks[j].norm) || (closed && end >= j + 2);
      // "Secretary of State Antony J. Blinken": the lexicon found the surname inside the name; the name is that person
      const at = out.findIndex((m) => m.type === 'PERSON' && m.key && m.t0 > j && m.t1 <= end && !m.possessive);
      if (at >= 0 && end > j && !taken.slice(j, out[at].t0).some(Boolean)) {
        const m = mention(sent, j, out[at].t1, 'PERSON', 'name', out[at].key, text);
        m.role = rm.entry.role;
        m.roleCountry = rm.country;
        out[at] = m;
        takeRange(taken, j, m.t1);
        continue;
      }
      if (end > j && germanOk && !taken.slice(j, end).some(Boolean) && !(end === j + 1 && ctx.lang === 'de' && MONTHS_AND_DAYS.has(toks[j].norm)) && !nonPersonHead(ctx, toks, j, end)) {
        const m = newPerson(ctx, sent, j, end, shortForms, singles);
        m.role = rm.entry.role;
        m.roleCountry = rm.country;
        out.push(m);
        takeRange(taken, j, end);
        continue;
      }
    }
    // role reference: a determiner (or a possessor) before, no name after
    const det = determinerBefore(toks, rm.t0, out);
    if (!det) continue;
    if (INDEFINITE.has(det.norm)) continue;
    const t0 = det.index;
    const m = mention(sent, t0, rm.t1, 'PERSON', 'role', null, text);
    m.role = rm.entry.role;
    m.roleCountry = rm.country;
    m.refGender = /in$/u.test(toks[rm.t1 - 1].text) && ctx.lang === 'de' ? 'f' : null;
    if (ctx.lang === 'en' && /(?:wo)?man$/.test(toks[rm.t1 - 1].norm)) m.refGender = /woman$/.test(toks[rm.t1 - 1].norm) ? 'f' : 'm';
    // "aus China", "from China" right after the noun
    if (!m.roleCountry && /^(aus|from|of)$/.test(toks[rm.t1]?.norm ?? '')) {
      const c = out.find((x) => x.t0 === rm.t1 + 1 && x.type === 'COUNTRY');
      if (c?.key) m.roleCountry = prefixCountry(c.key);
      if (c) (m.t1 = c.t1), (m.end = c.end), (m.surface = text.slice(m.start, c.end));
    }
    out.push(m);
  }
}

/** Pass 3: capital references ("die chinesische Hauptstadt", "the Lithuanian capital"). */
function capitalReferences(sc: MentionScope): void {
  const { ctx, sent, toks, wf, out, taken } = sc;
  const { text } = ctx;
  for (let i = 0; i < toks.length; i++) {
    if ((wf[i] & W_CAPITAL) === 0) continue;
    const adj = toks[i - 1];
    const iso = adj ? countryFromAdjective(ctx, adj) : null;
    const det = toks[i - 2];
    if (iso && det && DETERMINERS.has(det.norm)) {
      const cap = capitalOf(iso);
      if (cap) {
        const m = mention(sent, i - 2, i + 1, 'PLACE', 'role', cap.key, text);
        registerEntity(ctx, cap.key, 'PLACE', cap);
        out.push(m);
        takeRange(taken, i - 2, i + 1);
      }
    }
  }
}

/** Pass 4: persons not in the lexicon: bylines, honorifics, given names, short forms, appositions. */
function unknownPersons(sc: MentionScope): void {
  const { ctx, sent, toks, norms, wf, out, taken, roleMarks, shortForms, singles } = sc;
  const { text } = ctx;
  if (sent.lineStart && BYLINE_RE.test(sent.text)) bylinePersons(ctx, sent, out, taken, shortForms, singles);
  for (let i = 0; i < toks.length; i++) {
    if (taken[i] || !toks[i].word) continue;
    const t = toks[i];
    // every rule below starts at a capitalised word (or a name particle: "al-Burhan", "van Klaveren")
    if (!t.cap && !isParticle(t, wf[i])) continue;
    const next = toks[i + 1];
    // "Mr. Sugiono", "Frau Lührmann", "Prince Faisal bin Farhan"
    if (t.cap && ((wf[i] & W_NOBLE) !== 0 || ((wf[i] & W_HONORIFIC) !== 0 && HONORIFICS.has(t.text)))) {
      let j = i + 1;
      if (toks[j]?.text === '.' && toks[j].joinPrev) j++;
      if (!taken[j] && isNameLike(toks[j], ctx.lang, toks[j + 1])) {
        const end = nameSpan(ctx, sent, j, 4);
        if (end > j && !nonPersonHead(ctx, toks, j, end)) {
          out.push(newPerson(ctx, sent, j, end, shortForms, singles));
          takeRange(taken, i, end);
          i = end - 1;
          continue;
        }
      }
    }
    // known short form of a person of this article (Budrys, al-Burhan, Van Klaveren, Cho) – also genitive -s
    if (t.cap || isParticle(t, wf[i])) {
      let sf = shortForms.at(toks, i);
      // "Kim Yo-jong" next to "Kim Jong-un": a given or family name before another name starts a new person
      if (sf && sf.len === 1 && !sf.genitive && (wf[i] & (W_GIVEN | W_FAMILY_FIRST)) !== 0 && isNameLike(next, ctx.lang, toks[i + 2]) && !taken[i + 1] && !shortForms.at(toks, i + 1)) sf = null;
      if (sf && !taken.slice(i, i + sf.len).some(Boolean)) {
        let t1 = i + sf.len;
        let possessive = sf.genitive;
        if (POSSESSIVE.has(toks[t1]?.text ?? '') && toks[t1].joinPrev) (t1++), (possessive = true);
        const m = mention(sent, i, t1, 'PERSON', 'surname', sf.key, text);
        m.possessive = possessive;
        out.push(m);
        registerEntity(ctx, sf.key, 'PERSON', null);
        takeRange(taken, i, t1);
        i = t1 - 1;
        continue;
      }
    }
    // given name + name ("Jens-Frederik Nielsen", "Jan Lipavský"); family name first ("Cho Hyun", "Guo Jiakun")
    const hyphenNext = next?.text === '-' && next.joinPrev && toks[i + 2]?.joinPrev && isNameLike(toks[i + 2], ctx.lang);
    // "Alberto van Klaveren", "Luiz Inácio Lula da Silva": a particle between given name and surname
    const particleNext = !!next && isParticle(next, wf[i + 1]) && isNameLike(toks[i + 2], ctx.lang, toks[i + 3]) && !taken[i + 2];
    const startsName = (wf[i] & (W_GIVEN | W_FAMILY_FIRST)) !== 0 && t.cap && (wf[i] & W_STOP_CAP) === 0;
    if (startsName && (hyphenNext || particleNext || (isNameLike(next, ctx.lang, toks[i + 2]) && !taken[i + 1]))) {
      const end = nameSpan(ctx, sent, i, ctx.lang === 'de' ? 3 : 4);
      if (end >= i + 2 && !taken.slice(i, end).some(Boolean) && !nonPersonHead(ctx, toks, i, end) && !demonymBeforeRole(ctx, toks, i)) {
        out.push(newPerson(ctx, sent, i, end, shortForms, singles));
        takeRange(taken, i, end);
        i = end - 1;
        continue;
      }
    }
    // "Asaad al-Shaibani", "Mohamed bin Zayed": an Arabic name particle between two names
    if ((wf[i + 1] & W_ARABIC) !== 0 && isNameLike(t, ctx.lang, next) && !taken[i + 1]) {
      let k = i + 2;
      if (toks[k]?.text === '-' && toks[k].joinPrev) k++;
      if (isNameLike(toks[k], ctx.lang) && !taken[k]) {
        const end = nameSpan(ctx, sent, i, 4);
        if (end > k && !nonPersonHead(ctx, toks, i, end)) {
          out.push(newPerson(ctx, sent, i, end, shortForms, singles));
          takeRange(taken, i, end);
          i = end - 1;
          continue;
        }
      }
    }
    if (!isNameLike(t, ctx.lang, next) || !isNameLike(next, ctx.lang, toks[i + 2]) || taken[i + 1]) continue;
    const end = nameSpan(ctx, sent, i, 3);
    if (end < i + 2 || taken.slice(i, end).some(Boolean) || nonPersonHead(ctx, toks, i, end)) continue;
    const prev = toks[i - 1];
    const afterDet = !!prev && (DETERMINERS.has(prev.norm) || INDEFINITE.has(prev.norm));
    // apposition: "Aaja Chemnitz, a member of parliament, ...", "Tina Bokutschawa, Vorsitzende der ..."
    let found = false;
    if (toks[end]?.text === ',' && !afterDet) {
      let k = end + 1;
      if (DETERMINERS.has(toks[k]?.norm ?? '') || INDEFINITE.has(toks[k]?.norm ?? '')) k++;
      for (let s = 0; s < 4 && k + s < toks.length; s++) {
        if (roleMarks.some((rm) => rm.t0 === k + s) || roleAt(ctx, toks, norms, k + s)) {
          found = true;
          break;
        }
        if (!toks[k + s].word) break;
      }
    }
    // coordinated with a person: "Ajit Doval und Asim Malik", "Kristen Michal and Petteri Orpo"
    if (!found && !afterDet && end <= i + 3 && /^(?:und|and|sowie)$/u.test(prev?.norm ?? '') && out.some((m) => m.type === 'PERSON' && m.t1 === i - 1 && m.kind !== 'role') && !(ctx.lang === 'de' && toks[end]?.word && !toks[end].cap && /^(?:der|die|das|des|den|dem)$/u.test(toks[end].norm))) found = true;
    // a transliterated or foreign surname (Irakli Kobachidse, Schawkat Mirsijojew)
    if (!found && !afterDet && hasSurnameSuffix(lastWord(toks, i, end)) && !(ctx.lang === 'de' && GERMAN_NOUN_END.test(t.norm) && t.norm.length > 7)) found = true;
    // next to a speech verb: "said Aaja Chemnitz", "Kalonzo Musyoka said"
    if (!found && !afterDet) {
      const verbs = ctx.lang === 'en' ? SAY_VERBS_EN : SAY_VERBS_DE;
      const before = toks[i - 1]?.norm ?? '';
      const after = toks[end]?.norm ?? '';
      if (verbs.has(before) && (end === toks.length || !toks[end].word || /^(of|from|at|in|von|aus|der|am)$/u.test(after))) found = true;
      else if (ctx.lang === 'en' && verbs.has(after)) found = true;
    }
    if (found) {
      out.push(newPerson(ctx, sent, i, end, shortForms, singles));
      takeRange(taken, i, end);
      i = end - 1;
    }
  }
}

/** Pass 6: pronouns and group references ("beide", "the two leaders"). */
function pronounsAndGroups(sc: MentionScope): void {
  const { ctx, sent, toks, wf, out, taken } = sc;
  const { text } = ctx;
  for (let i = 0; i < toks.length; i++) {
    if (taken[i]) continue;
    const t = toks[i];
    if ((wf[i] & W_PRONOUN_OR_GROUP) === 0) continue;
    const p = factsOf(ctx.lang, t).pronoun;
    if (p && (t.text === t.text.toLowerCase() || i === 0 || !toks[i - 1].word)) {
      const m = mention(sent, i, i + 1, 'PERSON', 'pronoun', null, text);
      m.refGender = p.gender;
      m.role = p.case; // subject | object | possessive
      out.push(m);
      continue;
    }
    const g = groupAt(ctx, toks, i);
    if (g) {
      const m = mention(sent, i, g.end, 'PERSON', 'group', null, text);
      m.groupSize = g.size;
      out.push(m);
      takeRange(taken, i, g.end);
      i = g.end - 1;
    }
  }
}

/** The sentence's mentions in text order; their entities get the surfaces, roles and countries. */
function registerMentions(sc: MentionScope): void {
  const { ctx, out } = sc;
  if (out.length > 1) out.sort((a, b) => a.t0 - b.t0 || b.t1 - a.t1);
  // register entities and surfaces
  for (const m of out) {
    if (!m.key) continue;
    const e = ctx.entities.get(m.key) ?? registerEntity(ctx, m.key, m.type, entityLex(m.key));
    if (m.kind === 'pattern' || m.kind === 'name') {
      if (m.type === 'PERSON') {
        const bare = m.possessive ? stripPossessive(m.surface) : m.surface;
        if (!e.fullName && bare.includes(' ')) e.fullName = bare;
      }
    }
    if (m.role) e.roles.add(`${m.role}|${m.roleCountry ?? ''}`);
    if (m.type === 'PERSON' && m.role && m.roleCountry && !e.country) e.country = m.roleCountry;
    addSurface(e, m.surface, m.kind);
  }
}

/** A person first named by one token ("Staatsministerin Lührmann") is the person later named in full ("Anna Lührmann"). */
function mergeSingleNames(ctx: ArticleContext, shortForms: ShortForms, singles: Map<string, string>): void {
  for (const [key, norm] of singles) {
    const target = shortForms.one(norm);
    if (!target || target === key) continue;
    const from = ctx.entities.get(key);
    const to = ctx.entities.get(target);
    if (!from || !to) continue;
    for (const ms of ctx.mentions) {
      for (const m of ms) {
        if (m.key === key) {
          m.key = target;
          if (m.kind === 'pattern') m.kind = 'surname';
        }
      }
    }
    for (const s of from.surfaces) addSurface(to, s.text, s.kind === 'pattern' ? 'surname' : s.kind);
    for (const r of from.roles) to.roles.add(r);
    if (!to.gender) to.gender = from.gender;
    if (!to.country) to.country = from.country;
    ctx.entities.delete(key);
  }
}

/** Entities in the title line: lexicon entities and persons of the article; the title is not part of the text. */
function titleEntities(ctx: ArticleContext, title: string, shortForms: ShortForms): void {
  const toks = tokenize(title);
  const norms = toks.map((t) => t.norm);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.word) continue;
    const r = entityAt(ctx.lang, toks, norms, i);
    if (r) {
      const lex = r.surface.entity;
      const surface = title.slice(t.start, toks[i + r.len - 1].end);
      if (lex.type !== 'PERSON' || ctx.entities.has(lex.key)) {
        const e = registerEntity(ctx, lex.key, lex.type, lex);
        addSurface(e, surface, lex.type === 'PERSON' ? 'surname' : 'name');
      }
      i += r.len - 1;
      continue;
    }
    if (!t.cap) continue;
    const sf = shortForms.at(toks, i);
    if (sf) {
      const e = ctx.entities.get(sf.key);
      if (e) addSurface(e, title.slice(t.start, toks[i + sf.len - 1].end), 'surname');
      i += sf.len - 1;
    }
  }
}

/** Names in a byline: "By Jacopo Barigazzi and Nicholas Vinocur", "Reporting by X; Editing by Y", "Eine Analyse von X". */
function bylinePersons(ctx: ArticleContext, sent: Sentence, out: EntityMention[], taken: Uint8Array, shortForms: ShortForms, singles: Map<string, string>): void {
  const toks = sent.tokens;
  let i = 0;
  while (i < toks.length && !(toks[i].norm === 'by' || toks[i].norm === 'von' || toks[i].text === ':')) i++;
  i++;
  while (i < toks.length) {
    const t = toks[i];
    if (BYLINE_SEP.has(t.norm) || /^(?:editing|writing|reporting|additional)$/u.test(t.norm)) {
      i++;
      continue;
    }
    if (t.norm === 'in' || t.norm === 'aus' || t.norm === '(' || t.norm === ')') break;
    if (taken[i] || !isNameLike(t, ctx.lang, toks[i + 1])) {
      i++;
      continue;
    }
    const end = nameSpan(ctx, sent, i, 4);
    if (end >= i + 2 && !taken.slice(i, end).some(Boolean)) {
      out.push(newPerson(ctx, sent, i, end, shortForms, singles));
      takeRange(taken, i, end);
    }
    i = Math.max(end, i + 1);
  }
}

/** "Honduran President": a demonym before a title is no given name. */
function demonymBeforeRole(ctx: ArticleContext, toks: Token[], i: number): boolean {
  if (ctx.lang !== 'en') return false;
  const next = toks[i + 1];
  return !!next && DEMONYM_END.test(toks[i].norm) && !!lookup(roleIndex.en, [next.norm], 0, 1) && next.cap;
}

/** End of a short complement after a role noun: "für den Sudan", "for Sudan", "des Kremls", "of Estonia". */
function complementEnd(ctx: ArticleContext, toks: Token[], j: number, out: EntityMention[]): number {
  const t = toks[j];
  if (!t || !/^(?:für|fur|des|der|von|bei|for|of|to|at)$/u.test(t.norm)) return j;
  let k = j + 1;
  for (let n = 0; n < 6 && k < toks.length; n++) {
    const x = toks[k];
    if (x.text === ',') return k;
    const m = out.find((mm) => mm.t0 === k);
    if (m) {
      k = m.t1;
      continue;
    }
    if (DETERMINERS.has(x.norm) || x.word) {
      k++;
      continue;
    }
    return j;
  }
  void ctx;
  return toks[k]?.text === ',' ? k : j;
}

/** Without a final possessive marker ('s, ’s, or an apostrophe alone). */
export function stripPossessive(s: string): string {
  const n = s.length;
  const last = s.charCodeAt(n - 1);
  if (last === APOSTROPHE || last === RIGHT_QUOTE) return s.slice(0, -1);
  if (last === 115 && n >= 2 && (s.charCodeAt(n - 2) === APOSTROPHE || s.charCodeAt(n - 2) === RIGHT_QUOTE)) return s.slice(0, -2);
  return s;
}
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;

function entityLex(key: string): LexEntity | null {
  return lexByKey.get(key) ?? null;
}
import { entitiesByKey as lexByKey } from '../lexicon/lexicon.js';

/** Country/organisation code carried by an entity used as a compound prefix or genitive. */
export function prefixCountry(key: string): string | null {
  if (key.startsWith('country:')) return key.slice(8);
  if (key === 'org:eu' || key === 'org:eu_commission' || key === 'org:eu_council') return 'EU';
  if (key === 'org:nato') return 'NATO';
  if (key === 'org:un') return 'UN';
  if (key === 'org:kremlin') return 'RU';
  if (key === 'org:white_house') return 'US';
  return null;
}

/** Short forms of a person named in full: the surname (with particles: "van Klaveren", "al-Burhan"), a family name written first. */
function registerShortForms(toks: Token[], t0: number, t1: number, key: string, shortForms: ShortForms): void {
  let s = t1 - 1;
  while (s > t0 && (!toks[s].word || isJrSr(toks[s].text))) s--;
  if (s <= t0) return;
  let first = s;
  while (first - 1 > t0 && (NAME_PARTICLES.has(toks[first - 1].text) || toks[first - 1].text === '-' || (toks[first].text === '-' && toks[first - 1].word))) first--;
  // hyphenated surname: "Alabali-Radovan" (the part before the hyphen is not a given name)
  while (first - 2 > t0 && toks[first - 1].text === '-' && toks[first - 1].joinPrev && toks[first].joinPrev && !givenNames.has(toks[first - 2].norm)) first -= 2;
  if (toks[first].text === '-') first++;
  const sur: string[] = [];
  for (let k = first; k <= s; k++) sur.push(toks[k].norm);
  if (toks[s].text.length > 3 || !/^\p{Lu}{2,}$/u.test(toks[s].text)) shortForms.add(sur, key);
  // "al-Shaibani" is also "Shaibani", "van Klaveren" also "Klaveren"
  if (sur.length > 1 && NAME_PARTICLES.has(toks[first].text) && toks[s].cap) shortForms.add([toks[s].norm], key);
  if (familyFirst.has(toks[t0].norm)) shortForms.add([toks[t0].norm], key);
}

const notStop = (wf: readonly number[], k: number) => (wf[k] & W_STOP_CAP) === 0;
const mediaCue = (wf: readonly number[], k: number) => (wf[k] & W_MEDIA_CUE) !== 0;

function isOneOf(s: string | undefined, a: string, b: string, c?: string): boolean {
  return s === a || s === b || (c !== undefined && s === c);
}

function takeRange(taken: Uint8Array, a: number, b: number): void {
  for (let k = a; k < b; k++) taken[k] = 1;
}

function newPerson(ctx: ArticleContext, sent: Sentence, t0: number, t1: number, shortForms: ShortForms, singles: Map<string, string>): EntityMention {
  const toks = sent.tokens;
  // one token after a title ("Minister Wong"): a person of the article with that short form
  if (t1 - t0 === 1) {
    const known = shortForms.one(toks[t0].norm);
    if (known) return mention(sent, t0, t1, 'PERSON', 'surname', known, ctx.text);
  }
  const name = ctx.text.slice(toks[t0].start, toks[t1 - 1].end);
  const key = `person:${slug(name)}`;
  const m = mention(sent, t0, t1, 'PERSON', 'pattern', key, ctx.text);
  const e = registerEntity(ctx, key, 'PERSON', null);
  if (!e.gender) e.gender = givenNames.get(toks[t0].norm) ?? null;
  if (t1 - t0 >= 2) registerShortForms(toks, t0, t1, key, shortForms);
  else if (!singles.has(key)) singles.set(key, toks[t0].norm);
  return m;
}

function determinerBefore(toks: Token[], i: number, out: EntityMention[]): { index: number; norm: string } | null {
  // det (adj)* ROLE ; possessor (Putins Sprecher, the Russian president's envoy)
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const t = toks[k];
    if (GROUP_WORDS.has(t.norm)) return null;
    if (DETERMINERS.has(t.norm) || INDEFINITE.has(t.norm)) return { index: k, norm: t.norm };
    if (ROLE_STOP_PREPS.has(t.norm)) return null;
    const poss = out.find((m) => m.t1 === k + 1 && m.possessive);
    if (poss) return { index: poss.t0, norm: 'poss' };
    if (!t.word || t.cap) {
      // capitalised adjectives exist in English (the Russian leader); German adjectives are lower-case
      if (t.cap && !(adjectiveEn.has(t.norm) || /^(US|EU)$/.test(t.text))) return null;
      if (!t.word && t.text !== '-') return null;
    }
  }
  return null;
}

const wordSet = (s: string) => new Set(s.split(' '));
const G_DET_DE = wordSet('die der den');
const G_NUM_DE = wordSet('beiden drei');
const G_BOTH_DE = wordSet('beide beider');
const G_NOUNS_DE = wordSet('prasidenten regierungschefs minister aussenminister staatschefs');
const G_POSS_DE = wordSet('ihrem ihren ihrer ihre ihr');
const G_NUM_EN = wordSet('two three');
const G_HEADS_EN = wordSet('leaders men presidents sides ministers countries women heads');
const G_BOTH_HEADS_EN = wordSet('leaders men presidents sides ministers');
const G_LEADERS_EN = wordSet('leaders presidents pair');

function groupAt(ctx: ArticleContext, toks: Token[], i: number): { end: number; size: number } | null {
  const n0 = toks[i]?.norm ?? '';
  const n1 = toks[i + 1]?.norm ?? '';
  const n2 = toks[i + 2]?.norm ?? '';
  if (ctx.lang === 'de') {
    if (G_DET_DE.has(n0) && G_NUM_DE.has(n1)) {
      const size = n1 === 'drei' ? 3 : 2;
      return { end: toks[i + 2]?.cap && toks[i + 2].word ? i + 3 : i + 2, size };
    }
    if (G_BOTH_DE.has(n0) && toks[i + 1]?.cap) return { end: i + 2, size: 2 };
    // "Beide vereinbarten …": the pronoun alone
    if (n0 === 'beide' && toks[i + 1]?.word && !toks[i + 1].cap && (i === 0 || !toks[i - 1].word)) return { end: i + 1, size: 2 };
    if (n0 === 'die' && G_NOUNS_DE.has(n1)) return { end: i + 2, size: 0 };
    if (G_POSS_DE.has(n0) && /^(telefonat|treffen|gesprach|begegnung|gipfel|ersten|erste|letzten|jungsten)/.test(n1)) return { end: i + 1, size: 2 };
  } else {
    if (n0 === 'the' && G_NUM_EN.has(n1)) return { end: G_HEADS_EN.has(n2) ? i + 3 : i + 2, size: n1 === 'three' ? 3 : 2 };
    if (n0 === 'both' && G_BOTH_HEADS_EN.has(n1)) return { end: i + 2, size: 2 };
    if (n0 === 'the' && G_LEADERS_EN.has(n1)) return { end: i + 2, size: n1 === 'pair' ? 2 : 0 };
    if (n0 === 'their' && /^(first|last|second|third|meeting|call|talks|encounter|in)/.test(n1)) return { end: i + 1, size: 2 };
  }
  return null;
}

/** German: a capitalised word that can be a place name after "in"/"nach" (not a common noun such as "Zukunft" or "Gesprächen"). */
function germanPlaceCandidate(t: Token | undefined): boolean {
  if (!t || !t.word || !t.cap || t.upper) return false;
  if (STOP_CAPS.has(t.norm) || MONTHS_AND_DAYS.has(t.norm) || NOT_PLACE_DE.has(t.norm)) return false;
  if (t.text.length < 3 || /^\p{N}/u.test(t.text)) return false;
  if (/(?:beginn|abschluss|ablauf|ankunft|kunft|sicht|angriff|bild|gang|kehr|zug|fall|recht|wort|plan|punkt|stand|satz|schluss|lauf|druck|dienst|amt|rat|haft)$/u.test(t.norm)) return false;
  return !/(?:ung|ungen|heit|keit|schaft|tion|ionen|sion|tat|ismus|nis|tum|chen|lein|ie|ik|e|en|er|el)$/u.test(t.norm) || /(?:burg|berg|stadt|dorf|hafen|furt|feld|hausen|ingen|heim|au)$/u.test(t.norm);
}

/** Head nouns of German institution names (Departement, Ministerium, Sicherheitsrat, Bundesamt …). */
const ORG_HEAD_DE = /(?:departement|ministerium|amt|rat|kommission|bank|gericht|gerichtshof|parlament|versammlung|partei|bund|verband|agentur|dienst|institut|stiftung|behorde|komitee|ausschuss|kanzlei|rundfunk|universitat|armee|streitkrafte|polizei|nachrichtendienst|geheimdienst|staatsanwaltschaft)$/u;

/** A dateline needs a dash followed by a space ("Vilnius (dpa) - ", "NAIROBI, Kenya (AP) — "). */
const DATELINE_DASH_RE = /[—–-]\s/u;

/** A place or organisation found by a pattern. */
function addPattern(ctx: ArticleContext, sent: Sentence, out: EntityMention[], taken: Uint8Array, t0: number, t1: number, type: EntityType, name: string, kind: string): EntityMention {
  const key = `${type.toLowerCase()}:${slug(name)}`;
  const m = mention(sent, t0, t1, type, 'pattern', key, ctx.text);
  const e = registerEntity(ctx, key, type, null);
  if (type === 'PLACE') e.placeKind = kind;
  if (kind === 'media') e.media = true;
  if (!e.fullName) e.fullName = name;
  out.push(m);
  takeRange(taken, t0, t1);
  return m;
}

function detectPlacesAndOrgs(ctx: ArticleContext, sent: Sentence, out: EntityMention[], taken: Uint8Array): void {
  const toks = sent.tokens;
  const text = ctx.text;
  // dateline: "Vilnius (dpa) -", "NEW DELHI —", "NAIROBI, Kenya (AP) —"
  if (sent.lineStart && DATELINE_DASH_RE.test(sent.text)) {
    const mm = /^([\p{Lu}][\p{L}\p{M}.'’ -]*?[\p{L}\p{M}.])(?:,\s*[^,()—–-]{2,40}?)?\s*(?:\((\p{L}+)\)\s*)?[—–-]\s/u.exec(sent.text);
    if (mm && (mm[2] ? AGENCIES.has(mm[2]) : /^[\p{Lu} .]+$/u.test(mm[1]))) {
      const endChar = sent.start + mm[1].length;
      const t1 = toks.findIndex((t) => t.end >= endChar) + 1;
      if (t1 > 0 && !taken[0]) {
        const raw = mm[1];
        const name = /^[\p{Lu} .'’-]+$/u.test(raw) ? raw.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase()) : raw;
        addPattern(ctx, sent, out, taken, 0, t1, 'PLACE', name, 'city').dateline = true;
      } else {
        const m0 = out.find((m) => m.t0 === 0 && (m.type === 'PLACE' || m.type === 'COUNTRY'));
        if (m0) m0.dateline = true;
      }
      if (mm[2]) {
        const ai = toks.findIndex((t) => t.text === mm[2]);
        if (ai >= 0 && !taken[ai]) addPattern(ctx, sent, out, taken, ai, ai + 1, 'ORGANIZATION', mm[2], 'media');
      }
    }
  }
  const mediaCues = ctx.lang === 'de' ? MEDIA_CUES_DE : MEDIA_CUES_EN;
  const wf = sent.wflags;
  for (let i = 0; i < toks.length; i++) {
    if (taken[i]) continue;
    const t = toks[i];
    // every pattern below starts at a capitalised word, except "city of X"
    if (!t.cap && !(ctx.lang === 'en' && (wf[i] & W_TOWN) !== 0)) continue;
    // news outlets: "Nachrichtenagentur Yonhap", "the TASR news agency", "newspaper Kommersant"
    if (t.word && t.cap && notStop(wf, i) && (mediaCue(wf, i - 1) || (ctx.lang === 'en' && toks[i + 1] && (mediaCue(wf, i + 1) || (toks[i + 1].norm === 'news' && mediaCue(wf, i + 2)))))) {
      let k = i;
      while (k < toks.length && toks[k].word && toks[k].cap && !taken[k] && k - i < 3 && !mediaCues.has(toks[k].norm)) k++;
      if (k > i) {
        addPattern(ctx, sent, out, taken, i, k, 'ORGANIZATION', text.slice(t.start, toks[k - 1].end), 'media');
        i = k - 1;
        continue;
      }
    }
    // venue patterns: "Schloss X", "Hotel X"; "the X estate", "the Presidential Library"
    if (ctx.lang === 'de' && (t.norm === 'schloss' || t.norm === 'hotel' || t.norm === 'palast') && t.cap && isNameLike(toks[i + 1], 'de')) {
      let j = i + 1;
      while (j < toks.length && (isNameLike(toks[j], 'de') || (toks[j].text === '-' && toks[j].joinPrev) || (NAME_PARTICLES.has(toks[j].text) && isNameLike(toks[j + 1], 'de'))) && j - i < 10) j++;
      while (j > i + 1 && toks[j - 1].text === '-') j--;
      if (!out.some((m) => m.t0 >= i && m.t0 < j)) {
        addPattern(ctx, sent, out, taken, i, j, 'PLACE', text.slice(t.start, toks[j - 1].end), 'venue');
        i = j - 1;
        continue;
      }
      const inner = out.find((m) => m.t0 === i + 1 && m.type === 'PLACE');
      if (inner) {
        out.splice(out.indexOf(inner), 1);
        addPattern(ctx, sent, out, taken, i, inner.t1, 'PLACE', text.slice(t.start, toks[inner.t1 - 1].end), 'venue');
        i = inner.t1 - 1;
        continue;
      }
    }
    // "the border city of Tapachula", "the port of Odesa"
    if (ctx.lang === 'en' && (wf[i] & W_TOWN) !== 0 && toks[i + 1]?.norm === 'of' && isNameLike(toks[i + 2], 'en') && !taken[i + 2]) {
      let k = i + 2;
      while (k < toks.length && toks[k].word && toks[k].cap && !taken[k] && k - i < 5) k++;
      addPattern(ctx, sent, out, taken, i + 2, k, 'PLACE', text.slice(toks[i + 2].start, toks[k - 1].end), 'city');
      i = k - 1;
      continue;
    }
    // "in der Grenzstadt Tapachula", "die Hafenstadt Odessa"
    if (ctx.lang === 'de' && t.word && t.cap && (wf[i] & W_TOWN) !== 0 && germanPlaceCandidate(toks[i + 1]) && !taken[i + 1] && !lookup(roleIndex.de, [toks[i + 1].norm], 0, 1)) {
      let k = i + 1;
      while (k < toks.length && toks[k].word && toks[k].cap && !taken[k] && k - i < 4) k++;
      addPattern(ctx, sent, out, taken, i + 1, k, 'PLACE', text.slice(toks[i + 1].start, toks[k - 1].end), 'city');
      i = k - 1;
      continue;
    }
    if (ctx.lang === 'en' && t.word && t.cap && notStop(wf, i) && toks[i - 1]?.norm === 'the') {
      let j = i;
      while (j < toks.length && toks[j].word && (toks[j].cap || VENUE_HEADS_EN.has(toks[j].norm)) && !taken[j] && j - i < 5) {
        j++;
        if (VENUE_HEADS_EN.has(toks[j - 1].norm)) break;
      }
      const head = toks[j - 1];
      if (j > i + 1 && VENUE_HEADS_EN.has(head.norm)) {
        addPattern(ctx, sent, out, taken, i, j, 'PLACE', text.slice(t.start, head.end), 'venue');
        i = j - 1;
        continue;
      }
      if (j > i + 1 && ORG_HEADS_EN.has(head.norm)) {
        addPattern(ctx, sent, out, taken, i, j, 'ORGANIZATION', text.slice(t.start, head.end), 'org');
        i = j - 1;
        continue;
      }
    }
    if (ctx.lang === 'en' && t.word && t.cap && notStop(wf, i)) {
      // "Japan's National Security Secretariat", "the State Council"
      let j = i;
      while (j < toks.length && toks[j].word && toks[j].cap && !taken[j] && j - i < 5) j++;
      if (j > i + 1 && ORG_HEADS_EN.has(toks[j - 1].norm) && toks[i - 1]?.text !== '.') {
        addPattern(ctx, sent, out, taken, i, j, 'ORGANIZATION', text.slice(t.start, toks[j - 1].end), 'org');
        i = j - 1;
        continue;
      }
      // "in Tapachula", "in Nuuk", "near Second Thomas Shoal": an unknown capitalised name after a place preposition
      if (PLACE_PREPS_EN.has(toks[i - 1]?.norm ?? '') && !isMonthLike(t, toks[i + 1], ctx.lang) && !givenNames.has(t.norm)) {
        let k = i;
        while (k < toks.length && toks[k].word && toks[k].cap && !taken[k] && !STOP_CAPS.has(toks[k].norm) && k - i < 4) k++;
        const last = toks[k - 1];
        // "to Central American migrants": a demonym before a noun is no place
        const demonym = k > i && (adjectiveEn.has(last.norm) || (DEMONYM_END.test(last.norm) && !!toks[k] && toks[k].word && !toks[k].cap));
        if (k > i && !demonym && !(toks[k]?.text === "'s" || toks[k]?.text === '’s')) {
          addPattern(ctx, sent, out, taken, i, k, 'PLACE', text.slice(t.start, toks[k - 1].end), GEO_HEADS_EN.has(last.norm) ? 'region' : 'city');
          i = k - 1;
          continue;
        }
      }
    }
    // German: "im mexikanischen Tapachula", "im russischen Kasan"
    if (ctx.lang === 'de' && t.word && t.cap && notStop(wf, i) && isOneOf(toks[i - 2]?.norm, 'im', 'in', 'nach') && toks[i - 1] && countryFromAdjective(ctx, toks[i - 1]) && !toks[i - 1].cap) {
      let k = i;
      while (k < toks.length && toks[k].word && toks[k].cap && !taken[k] && k - i < 3 && !roleAt(ctx, toks, sent.norms, k)) k++;
      if (k > i) {
        addPattern(ctx, sent, out, taken, i, k, 'PLACE', text.slice(t.start, toks[k - 1].end), 'city');
        i = k - 1;
        continue;
      }
    }
    // German institutions: a capitalised adjective before an institution noun ("das Eidgenössische Departement für
    // auswärtige Angelegenheiten", "der Nationale Sicherheitsrat")
    if (ctx.lang === 'de' && i > 0 && t.word && !taken[i + 1] && toks[i + 1]?.cap && !toks[i - 1].cap && notStop(wf, i) && /(?:e|en|er|es)$/u.test(t.norm) && ORG_HEAD_DE.test(toks[i + 1].norm)) {
      let k = i + 2;
      if (/^(?:fur|der|des)$/u.test(toks[k]?.norm ?? '')) {
        let j = k + 1;
        while (j < toks.length && j - k <= 3 && toks[j].word && !taken[j]) j++;
        if (j > k + 1 && toks[j - 1].cap) k = j;
      }
      addPattern(ctx, sent, out, taken, i, k, 'ORGANIZATION', text.slice(t.start, toks[k - 1].end), 'org');
      i = k - 1;
      continue;
    }
    // German: "in Johannesburg", "nach Valparaíso": an unknown capitalised name (no article) after "in"/"nach"
    if (ctx.lang === 'de' && isOneOf(toks[i - 1]?.norm, 'in', 'nach') && germanPlaceCandidate(t) && !roleAt(ctx, toks, sent.norms, i)) {
      let k = i + 1;
      // two-word names: "Port Sudan", "Addis Abeba", "Kuala Lumpur"
      while (k < toks.length && k - i < 3 && !taken[k] && toks[k].word && toks[k].cap && germanPlaceCandidate(toks[k]) && toks[k].joinPrev === false) k++;
      addPattern(ctx, sent, out, taken, i, k, 'PLACE', text.slice(t.start, toks[k - 1].end), 'city');
      i = k - 1;
    }
  }
}
