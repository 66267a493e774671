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
  givenNames,
  type LexEntity,
  lookup,
  roleIndex,
  roleSuffixesDe,
  type RoleEntry,
  type Surface,
} from '../lexicon/lexicon.js';
import { tokenNorm, type Token } from '../nlp/tokenize.js';
import type { ArticleContext, ArticleEntity, EntityMention, Sentence } from './types.js';
import { STOP_CAPS, MONTHS_AND_DAYS, DETERMINERS, INDEFINITE, PRONOUNS, NAME_PARTICLES, VENUE_HEADS_EN, ORG_HEADS_EN, PLACE_PREPS_EN, AGENCIES } from './word-lists.js';

const POSSESSIVE = new Set(["'s", '’s', "'", '’']);

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

function isNameLike(t: Token | undefined, lang: string): boolean {
  if (!t || !t.word || !t.cap) return false;
  if (STOP_CAPS.has(t.norm) || MONTHS_AND_DAYS.has(t.norm)) return false;
  if (/^\p{N}/u.test(t.text)) return false;
  if (lookup(roleIndex[lang as 'de' | 'en'], [t.norm], 0, 1)) return false;
  return true;
}

function roleAt(ctx: ArticleContext, toks: Token[], norms: string[], i: number): { len: number; entry: RoleEntry } | null {
  const r = lookup(roleIndex[ctx.lang], norms, i);
  if (r) {
    // English lower-case role words must be lower-case in the text too, upper-case forms need a capital.
    const entry = r.values.find((v) => (/^\p{Lu}/u.test(v.form) ? toks[i].cap : true)) ?? r.values[0];
    return { len: r.len, entry };
  }
  const t = toks[i];
  if (ctx.lang === 'de' && t.word && t.cap && t.text.length > 6) {
    for (const [suf, role] of roleSuffixesDe) {
      if (t.norm.endsWith(suf) && t.norm.length > suf.length + 2) return { len: 1, entry: { form: t.text, role, country: null, title: true } };
    }
  }
  return null;
}

/** Lexicon entity at token i, allowing a genitive -s on the last token (Putins, Chinas, Selenskyjs). */
function entityAt(toks: Token[], norms: string[], i: number): { len: number; surface: Surface; inflected: boolean } | null {
  const ok = (len: number, vals: Surface[], inflected: boolean) => {
    const first = toks[i];
    const v = vals.find((s) => s.lowerOk || first.cap || first.upper) ?? null;
    if (!v) return null;
    // a one-letter or purely lower-case single token never matches a capitalised form
    if (len === 1 && !first.cap && !v.lowerOk) return null;
    return { len, surface: v, inflected };
  };
  const exact = lookup(entityIndex, norms, i);
  let best = exact ? ok(exact.len, exact.values, false) : null;
  // genitive: try shorter sequences whose last token loses a final s
  const maxLen = Math.min(entityIndex.maxLen, norms.length - i);
  for (let len = maxLen; len >= 1; len--) {
    if (best && best.len >= len) break;
    const last = toks[i + len - 1];
    if (!last.word || !last.cap || last.text.length < 3 || !/s$/u.test(last.text)) continue;
    const key = [...norms.slice(i, i + len - 1), last.norm.slice(0, -1)].join(' ');
    const vals = entityIndex.map.get(key);
    if (vals) {
      const r = ok(len, vals, true);
      if (r) best = r;
      break;
    }
  }
  return best;
}

function countryFromAdjective(ctx: ArticleContext, t: Token): string | null {
  if (ctx.lang === 'en') return t.cap ? (adjectiveEn.get(t.norm) ?? null) : null;
  if (t.cap && !/^(?:US|EU)$/.test(t.text)) {
    // adjectives are lower-case in German unless sentence-initial
  }
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
  return {
    sent: sent.index,
    t0,
    t1,
    start,
    end,
    surface: text.slice(start, end),
    key,
    type,
    kind,
    role: null,
    roleCountry: null,
    possessive: false,
    inQuote: sent.quotes.some(([a, b]) => start >= a && end <= b),
  };
}

/** Person-name span after position i (unknown names): given names, particles, initials, ", Jr.". */
function nameSpan(ctx: ArticleContext, toks: Token[], i: number, max: number): number {
  const norms = normsOf(toks);
  let j = i;
  let n = 0;
  while (j < toks.length && n < max) {
    const t = toks[j];
    if (isNameLike(t, ctx.lang) && (j === i || !entityAtStrict(toks, j, norms) || isHyphenJoined(toks, j))) {
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
    if (n > 0 && NAME_PARTICLES.has(t.text) && toks[j + 1]?.text === '-' && toks[j + 2]?.word) {
      j += 3;
      n++;
      continue;
    }
    break;
  }
  // trailing particle never ends a name
  while (j > i && NAME_PARTICLES.has(toks[j - 1].text)) j--;
  // ", Jr."
  if (j > i && toks[j]?.text === ',' && /^(Jr|Sr)$/.test(toks[j + 1]?.text ?? '') && toks[j + 2]?.text === '.') j += 3;
  return j;
}

function isHyphenJoined(toks: Token[], j: number): boolean {
  return toks[j - 1]?.text === '-' && toks[j - 1].joinPrev && toks[j].joinPrev;
}

const normsCache = new WeakMap<Token[], string[]>();
function normsOf(toks: Token[]): string[] {
  let n = normsCache.get(toks);
  if (!n) {
    n = toks.map((t) => t.norm);
    normsCache.set(toks, n);
  }
  return n;
}

function entityAtStrict(toks: Token[], j: number, norms: string[]): boolean {
  const r = lookup(entityIndex, norms, j);
  return !!r && r.values.some((v) => v.entity.type !== 'PERSON');
}

export function detectMentions(ctx: ArticleContext): void {
  const { text } = ctx;
  /** unknown-person surnames (norm) → key */
  const surnames = new Map<string, string>();

  for (const sent of ctx.sentences) {
    const toks = sent.tokens;
    const norms = normsOf(toks);
    const out: EntityMention[] = [];
    const taken = new Array<boolean>(toks.length).fill(false);
    const take = (a: number, b: number) => {
      for (let k = a; k < b; k++) taken[k] = true;
    };
    const roleMarks: { t0: number; t1: number; entry: RoleEntry; country: string | null }[] = [];

    // -- pass 1: lexicon entities and roles -------------------------------------------------------
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (!t.word || taken[i]) continue;
      const r = entityAt(toks, norms, i);
      const role = roleAt(ctx, toks, norms, i);
      if (r && (!role || r.len >= role.len)) {
        const lex = r.surface.entity;
        // a surname that is only a given name here ("Gabriel" in "Gabriel Attal" is matched as the full name first)
        let t1 = i + r.len;
        let possessive = false;
        if (POSSESSIVE.has(toks[t1]?.text ?? '') && toks[t1].joinPrev && (toks[t1].text.length > 1 || /[sxzß]$/u.test(toks[t1 - 1].text))) {
          t1++;
          possessive = true;
        }
        if (r.inflected) possessive = true;
        // a given name before a lexicon surname is part of the name as the article spells it ("Katherine Leavitt")
        let t0 = i;
        if (r.surface.kind === 'surname' && lex.type === 'PERSON' && i > 0 && !taken[i - 1] && toks[i - 1].cap && givenNames.has(toks[i - 1].norm)) t0 = i - 1;
        const m = mention(sent, t0, t1, lex.type, t0 < i ? 'name' : r.surface.kind === 'surname' ? 'surname' : 'name', lex.key, text);
        m.possessive = possessive;
        out.push(m);
        take(t0, t1);
        i = t1 - 1;
        continue;
      }
      if (role) {
        roleMarks.push({ t0: i, t1: i + role.len, entry: role.entry, country: role.entry.country });
        take(i, i + role.len);
        i += role.len - 1;
      }
    }

    // role context: country from compound prefix (US-Präsident), adjective (russische), genitive (Polens)
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

    // -- pass 2: titles before names, role references ---------------------------------------------
    for (const rm of roleMarks) {
      let j = rm.t1;
      let apposition = false;
      if (toks[j]?.text === ',' && rm.entry.title) {
        j++;
        apposition = true;
      }
      // skip "der Republik Indien," style: not handled; a name must follow directly
      const person = out.find((m) => m.t0 === j && m.type === 'PERSON');
      if (person && rm.entry.title) {
        person.role = rm.entry.form;
        person.roleCountry = rm.country;
        continue;
      }
      if (rm.entry.title && !taken[j] && isNameLike(toks[j], ctx.lang) && !(apposition && ctx.lang === 'de' && !givenNames.has(toks[j].norm))) {
        const end = nameSpan(ctx, toks, j, 4);
        if (end > j && !(end === j + 1 && ctx.lang === 'de' && MONTHS_AND_DAYS.has(toks[j].norm))) {
          const m = newPerson(ctx, sent, j, end, surnames);
          m.role = rm.entry.form;
          m.roleCountry = rm.country;
          out.push(m);
          take(j, end);
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
        if (c) m.t1 = c.t1, m.end = c.end, m.surface = text.slice(m.start, c.end);
      }
      out.push(m);
    }

    // -- pass 3: capital references ("die chinesische Hauptstadt", "the Lithuanian capital") ----------
    for (let i = 0; i < toks.length; i++) {
      if (!/^(hauptstadt|capital)$/.test(toks[i].norm)) continue;
      const adj = toks[i - 1];
      const iso = adj ? countryFromAdjective(ctx, adj) : null;
      const det = toks[i - 2];
      if (iso && det && DETERMINERS.has(det.norm)) {
        const cap = capitalOf(iso);
        if (cap) {
          const m = mention(sent, i - 2, i + 1, 'PLACE', 'role', cap.key, text);
          registerEntity(ctx, cap.key, 'PLACE', cap);
          out.push(m);
          take(i - 2, i + 1);
        }
      }
    }

    // -- pass 4: unknown persons by given name, apposition, byline ----------------------------------
    for (let i = 0; i < toks.length; i++) {
      if (taken[i] || !toks[i].word) continue;
      const t = toks[i];
      if (givenNames.has(t.norm) && t.cap && isNameLike(toks[i + 1], ctx.lang) && !taken[i + 1]) {
        const end = nameSpan(ctx, toks, i, ctx.lang === 'de' ? 3 : 4);
        if (end >= i + 2) {
          out.push(newPerson(ctx, sent, i, end, surnames));
          take(i, end);
          i = end - 1;
          continue;
        }
      }
      // known unknown-person surname (Hebestreit, Araghtschi's) – also genitive -s
      if (t.cap) {
        let key = surnames.get(t.norm);
        let t1 = i + 1;
        if (!key && t.norm.endsWith('s')) key = surnames.get(t.norm.slice(0, -1));
        if (key) {
          if (POSSESSIVE.has(toks[t1]?.text ?? '') && toks[t1].joinPrev) t1++;
          const m = mention(sent, i, t1, 'PERSON', 'surname', key, text);
          m.possessive = t1 > i + 1 || !surnames.has(t.norm);
          out.push(m);
          registerEntity(ctx, key, 'PERSON', null);
          take(i, t1);
          continue;
        }
      }
      // apposition: "Takeo Akiba, Secretary General of ...", "Katherine Leavitt, Sprecherin des ..."
      if (isNameLike(t, ctx.lang) && isNameLike(toks[i + 1], ctx.lang) && !taken[i + 1] && i + 1 < toks.length) {
        const end = nameSpan(ctx, toks, i, 3);
        if (end >= i + 2 && toks[end]?.text === ',') {
          let k = end + 1;
          if (DETERMINERS.has(toks[k]?.norm ?? '')) k++;
          for (let s = 0; s < 4 && k + s < toks.length; s++) {
            if (roleMarks.some((rm) => rm.t0 === k + s) || roleAt(ctx, toks, norms, k + s)) {
              out.push(newPerson(ctx, sent, i, end, surnames));
              take(i, end);
              i = end - 1;
              break;
            }
            if (!toks[k + s].word) break;
          }
        }
      }
    }

    // -- pass 5: unknown places and organisations ---------------------------------------------------
    detectPlacesAndOrgs(ctx, sent, out, taken, take);

    // -- pass 6: pronouns and group references --------------------------------------------------------
    for (let i = 0; i < toks.length; i++) {
      if (taken[i]) continue;
      const t = toks[i];
      const p = PRONOUNS[ctx.lang].get(t.text) ?? PRONOUNS[ctx.lang].get(t.norm);
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
        take(i, g.end);
        i = g.end - 1;
      }
    }

    out.sort((a, b) => a.t0 - b.t0 || b.t1 - a.t1);
    // register entities and surfaces
    for (const m of out) {
      if (!m.key) continue;
      const lex = ctx.entities.get(m.key)?.lex ?? entityLex(m.key);
      const e = registerEntity(ctx, m.key, m.type, lex);
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
    ctx.mentions.push(out);
  }
}

export function stripPossessive(s: string): string {
  return s.replace(/['’]s$|['’]$/u, '');
}

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

function newPerson(ctx: ArticleContext, sent: Sentence, t0: number, t1: number, surnames: Map<string, string>): EntityMention {
  const toks = sent.tokens;
  const name = ctx.text.slice(toks[t0].start, toks[t1 - 1].end);
  // the name may be a lexicon actor's other spelling: match by full key first
  const key = `person:${slug(name)}`;
  const m = mention(sent, t0, t1, 'PERSON', 'pattern', key, ctx.text);
  const e = registerEntity(ctx, key, 'PERSON', null);
  if (!e.gender) e.gender = givenNames.get(toks[t0].norm) ?? null;
  // surname = last name token (with particles: "von der Leyen")
  let s = t1 - 1;
  while (s > t0 && (toks[s].text === '.' || toks[s].text === ',' || /^(Jr|Sr)$/.test(toks[s].text))) s--;
  let first = s;
  while (first - 1 > t0 && (NAME_PARTICLES.has(toks[first - 1].text) || toks[first - 1].text === '-')) first--;
  if (t1 - t0 >= 2) {
    const sur = toks.slice(first, s + 1).map((t) => t.norm).join(' ');
    if (!surnames.has(sur) && first === s) surnames.set(sur, key);
  }
  return m;
}

function determinerBefore(toks: Token[], i: number, out: EntityMention[]): { index: number; norm: string } | null {
  // det (adj)* ROLE ; possessor (Putins Sprecher, the Russian president's envoy)
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const t = toks[k];
    if (DETERMINERS.has(t.norm) || INDEFINITE.has(t.norm)) return { index: k, norm: t.norm };
    if (/^(?:as|of|for|with|to|als|für|mit|von|zu|in|on|at|im|am)$/u.test(t.norm)) return null;
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

function groupAt(ctx: ArticleContext, toks: Token[], i: number): { end: number; size: number } | null {
  const n = (k: number) => toks[i + k]?.norm ?? '';
  if (ctx.lang === 'de') {
    if (/^(die|der|den)$/.test(n(0)) && /^(beiden|drei)$/.test(n(1))) {
      const size = n(1) === 'drei' ? 3 : 2;
      return { end: toks[i + 2]?.cap && toks[i + 2].word ? i + 3 : i + 2, size };
    }
    if (/^(beide|beider)$/.test(n(0)) && toks[i + 1]?.cap) return { end: i + 2, size: 2 };
    if (n(0) === 'die' && /^(prasidenten|regierungschefs|minister|aussenminister|staatschefs)$/.test(n(1))) return { end: i + 2, size: 0 };
    if (/^(ihrem|ihren|ihrer|ihre|ihr)$/.test(n(0)) && /^(telefonat|treffen|gesprach|begegnung|gipfel|ersten|erste|letzten|jungsten)/.test(n(1))) return { end: i + 1, size: 2 };
  } else {
    if (n(0) === 'the' && /^(two|three)$/.test(n(1))) return { end: /^(leaders|men|presidents|sides|ministers|countries)$/.test(n(2)) ? i + 3 : i + 2, size: n(1) === 'three' ? 3 : 2 };
    if (n(0) === 'both' && /^(leaders|men|presidents|sides)$/.test(n(1))) return { end: i + 2, size: 2 };
    if (n(0) === 'the' && /^(leaders|presidents)$/.test(n(1))) return { end: i + 2, size: 0 };
    if (n(0) === 'their' && /^(first|last|second|third|meeting|call|talks|encounter|in)/.test(n(1))) return { end: i + 1, size: 2 };
  }
  return null;
}

function detectPlacesAndOrgs(
  ctx: ArticleContext,
  sent: Sentence,
  out: EntityMention[],
  taken: boolean[],
  take: (a: number, b: number) => void,
): void {
  const toks = sent.tokens;
  const text = ctx.text;
  const add = (t0: number, t1: number, type: EntityType, name: string, kind: string) => {
    const key = `${type.toLowerCase()}:${slug(name)}`;
    const m = mention(sent, t0, t1, type, 'pattern', key, text);
    const e = registerEntity(ctx, key, type, null);
    if (type === 'PLACE') e.placeKind = kind;
    if (kind === 'media') e.media = true;
    if (!e.fullName) e.fullName = name;
    out.push(m);
    take(t0, t1);
  };
  // dateline: "La Celle-Saint-Cloud (Reuters) -", "NEW DELHI —"
  if (sent.lineStart) {
    const mm = /^([\p{Lu}][\p{L}\p{M}.'’ -]*?[\p{L}\p{M}.])(?:,\s*[^,()—–-]{2,40}?)?\s*(?:\((\p{L}+)\)\s*)?[—–-]\s/u.exec(sent.text);
    if (mm && (mm[2] ? AGENCIES.has(mm[2]) : /^[\p{Lu} .]+$/u.test(mm[1]))) {
      const endChar = sent.start + mm[1].length;
      const t1 = toks.findIndex((t) => t.end >= endChar) + 1;
      if (t1 > 0 && !taken[0]) {
        const raw = mm[1];
        const name = /^[\p{Lu} .'’-]+$/u.test(raw) ? raw.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase()) : raw;
        add(0, t1, 'PLACE', name, 'city');
      }
      if (mm[2]) {
        const ai = toks.findIndex((t) => t.text === mm[2]);
        if (ai >= 0 && !taken[ai]) add(ai, ai + 1, 'ORGANIZATION', mm[2], 'media');
      }
    }
  }
  for (let i = 0; i < toks.length; i++) {
    if (taken[i]) continue;
    const t = toks[i];
    // venue patterns: "Schloss X", "Hotel X"; "the X estate", "the Presidential Library"
    if (ctx.lang === 'de' && /^(schloss|hotel|palast)$/.test(t.norm) && t.cap && isNameLike(toks[i + 1], 'de')) {
      let j = i + 1;
      while (j < toks.length && (isNameLike(toks[j], 'de') || (toks[j].text === '-' && toks[j].joinPrev) || (NAME_PARTICLES.has(toks[j].text) && isNameLike(toks[j + 1], 'de'))) && j - i < 10) j++;
      while (j > i + 1 && toks[j - 1].text === '-') j--;
      if (!out.some((m) => m.t0 >= i && m.t0 < j)) {
        add(i, j, 'PLACE', text.slice(t.start, toks[j - 1].end), 'venue');
        i = j - 1;
        continue;
      }
      const inner = out.find((m) => m.t0 === i + 1 && m.type === 'PLACE');
      if (inner) {
        out.splice(out.indexOf(inner), 1);
        add(i, inner.t1, 'PLACE', text.slice(t.start, toks[inner.t1 - 1].end), 'venue');
        i = inner.t1 - 1;
        continue;
      }
    }
    if (ctx.lang === 'en' && t.word && t.cap && !STOP_CAPS.has(t.norm) && toks[i - 1]?.norm === 'the') {
      let j = i;
      while (j < toks.length && toks[j].word && (toks[j].cap || VENUE_HEADS_EN.has(toks[j].norm)) && !taken[j] && j - i < 5) {
        j++;
        if (VENUE_HEADS_EN.has(toks[j - 1].norm)) break;
      }
      const head = toks[j - 1];
      if (j > i + 1 && VENUE_HEADS_EN.has(head.norm)) {
        add(i, j, 'PLACE', text.slice(t.start, head.end), 'venue');
        i = j - 1;
        continue;
      }
      if (j > i + 1 && ORG_HEADS_EN.has(head.norm)) {
        add(i, j, 'ORGANIZATION', text.slice(t.start, head.end), 'org');
        i = j - 1;
        continue;
      }
    }
    if (ctx.lang === 'en' && t.word && t.cap && !STOP_CAPS.has(t.norm)) {
      // "Japan's National Security Secretariat", "the State Council"
      let j = i;
      while (j < toks.length && toks[j].word && toks[j].cap && !taken[j] && j - i < 5) j++;
      if (j > i + 1 && ORG_HEADS_EN.has(toks[j - 1].norm) && toks[i - 1]?.text !== '.') {
        add(i, j, 'ORGANIZATION', text.slice(t.start, toks[j - 1].end), 'org');
        i = j - 1;
        continue;
      }
      // "in Woodside", "in Lviv": an unknown capitalised name after a place preposition
      if (PLACE_PREPS_EN.has(toks[i - 1]?.norm ?? '') && !MONTHS_AND_DAYS.has(t.norm) && !givenNames.has(t.norm)) {
        let k = i;
        while (k < toks.length && toks[k].word && toks[k].cap && !taken[k] && !STOP_CAPS.has(toks[k].norm) && k - i < 3) k++;
        if (k > i && !(toks[k]?.text === "'s" || toks[k]?.text === '’s')) {
          add(i, k, 'PLACE', text.slice(t.start, toks[k - 1].end), 'city');
          i = k - 1;
          continue;
        }
      }
    }
    // German: "im vietnamesischen Da Nang", "im russischen Kasan"
    if (ctx.lang === 'de' && t.word && t.cap && !STOP_CAPS.has(t.norm) && /^(im|in|nach)$/.test(toks[i - 2]?.norm ?? '') && toks[i - 1] && countryFromAdjective(ctx, toks[i - 1]) && !toks[i - 1].cap) {
      let k = i;
      while (k < toks.length && toks[k].word && toks[k].cap && !taken[k] && k - i < 3 && !roleAt(ctx, toks, normsOf(toks), k)) k++;
      if (k > i) {
        add(i, k, 'PLACE', text.slice(t.start, toks[k - 1].end), 'city');
        i = k - 1;
      }
    }
  }
}
