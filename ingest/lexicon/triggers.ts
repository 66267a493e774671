// Trigger and cue lexicons (data/triggers.json), compiled once per language.
import triggersData from './data/triggers.json' with { type: 'json' };
import type { Lang } from './lexicon.js';

export interface TriggerSet {
  meet: RegExp;
  call: RegExp;
  talk: RegExp;
  inPerson: RegExp;
  phone: RegExp;
  join: RegExp;
  say: RegExp;
  attribution: RegExp;
  quoteIntro: RegExp;
  noComment: RegExp;
  planned: RegExp;
  denied: RegExp;
  hypothetical: RegExp;
  pastAnchor: RegExp;
  newEvent: RegExp;
  anaphor: RegExp;
  dateAnchor: RegExp;
  dateBreak: RegExp;
  summit: RegExp;
  notAttend: RegExp;
  other: [string, RegExp][];
}

type Raw = Record<string, string> & { other: Record<string, string> };
const data = triggersData as unknown as Record<Lang, Raw>;

/**
 * `\b` is ASCII-only in JavaScript even with the u flag (it fails before "ä" in "äußerte"). Each `\b` is
 * replaced by a one-sided Unicode check: a lookbehind where a word starts, a lookahead where one ends
 * (one-sided checks keep the regexes fast).
 */
const NOT_BEFORE = '(?<![\\p{L}\\p{N}_])';
const NOT_AFTER = '(?![\\p{L}\\p{N}_])';
export function unicodeBoundaries(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\\' && source[i + 1] === 'b' && source[i - 1] !== '\\') {
      const next = source[i + 2] ?? '';
      const prev = out.slice(-3);
      const leading = i === 0 || /(?:\(\?:|\||\()$/.test(prev) || /^[\p{L}(]/u.test(next);
      out += leading ? NOT_BEFORE : NOT_AFTER;
      i++;
      continue;
    }
    out += source[i];
  }
  return out;
}

/**
 * Literal prefixes (lower-case, ≥ 3 chars) of a pattern's top-level alternatives: a text containing none of
 * them cannot match, so the regex is skipped. Null when some alternative has no literal prefix.
 */
export function literalPrefixes(source: string): string[] | null {
  let body = source.replace(/^\\b/, '');
  if (body.startsWith('(?:') && body.endsWith(')\\b')) body = body.slice(3, -3);
  else if (body.startsWith('(?:') && body.endsWith(')')) body = body.slice(3, -1);
  else if (body.startsWith('^(?:')) return null;
  const alts: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') {
      cur += c + (body[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '(' ) depth++;
    if (c === ')') depth--;
    if (c === '|' && depth === 0) {
      alts.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  alts.push(cur);
  const out = new Set<string>();
  for (const a of alts) {
    const inner = /^(?:\\b)?\(\?:([\p{L} |]+)\)/u.exec(a);
    if (inner) {
      const parts = inner[1].split('|');
      if (parts.some((x) => x.trim().length < 3)) return null;
      for (const x of parts) out.add(x.toLowerCase().slice(0, 4));
      continue;
    }
    const m = /^(?:\\b)?([\p{L} ]+)/u.exec(a);
    if (!m) return null;
    let lit = m[1];
    // a quantifier after the last letter makes it optional
    if (/^[?*{]/.test(a.slice((a.startsWith('\\b') ? 2 : 0) + lit.length))) lit = lit.slice(0, -1);
    if (lit.trim().length < 3) return null;
    out.add(lit.toLowerCase().slice(0, 4));
  }
  return [...out];
}

/** A compiled pattern with its prefilter. */
export function quickTest(re: RegExp, prefixes: string[] | null, lower: string): boolean {
  if (prefixes && !prefixes.some((p) => lower.includes(p))) return false;
  re.lastIndex = 0;
  return re.test(lower.length ? lower : '');
}

export const PREFIXES = new WeakMap<RegExp, string[] | null>();
/** True when the regex may match `text` (prefilter on its lower-cased form `lower`). */
export function mayMatch(re: RegExp, lower: string): boolean {
  const p = PREFIXES.get(re);
  return !p || p.some((x) => lower.includes(x));
}

function compile(raw: Raw, lang: Lang): TriggerSet {
  const g = (k: string, flags = 'giu') => {
    const re = new RegExp(unicodeBoundaries(raw[k]), flags);
    PREFIXES.set(re, literalPrefixes(raw[k]));
    return re;
  };
  return {
    meet: g('meet'),
    call: g('call', lang === 'en' ? 'gu' : 'giu'),
    talk: g('talk'),
    inPerson: g('inPerson', 'iu'),
    phone: g('phone', 'iu'),
    join: g('join'),
    say: g('say', lang === 'en' ? 'gu' : 'gu'),
    attribution: g('attribution', 'giu'),
    quoteIntro: g('quoteIntro', 'iu'),
    noComment: g('noComment', 'iu'),
    planned: g('planned', lang === 'de' ? 'u' : 'iu'),
    denied: g('denied', 'iu'),
    hypothetical: g('hypothetical', 'iu'),
    pastAnchor: g('pastAnchor', 'iu'),
    newEvent: g('newEvent', 'iu'),
    anaphor: g('anaphor', 'iu'),
    dateAnchor: g('dateAnchor', 'iu'),
    dateBreak: g('dateBreak', 'iu'),
    summit: g('summit', 'iu'),
    notAttend: g('notAttend', 'iu'),
    other: Object.entries(raw.other).map(([k, v]) => {
      const re = new RegExp(unicodeBoundaries(v), 'giu');
      PREFIXES.set(re, literalPrefixes(v));
      return [k, re] as [string, RegExp];
    }),
  };
}

export const TRIGGERS: Record<Lang, TriggerSet> = { de: compile(data.de, 'de'), en: compile(data.en, 'en') };
