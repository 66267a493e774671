// Trigger and cue lexicons (data/triggers.json), compiled once per language.
import triggersData from './data/triggers.json' with { type: 'json' };
import type { Lang } from './lexicon.js';
import { tokenNorm } from '../nlp/tokenize.js';

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
      // a lookahead after \b ("21\b(?!:)") follows a word: the boundary is its end
      const leading = i === 0 || /(?:\(\?:|\||\()$/.test(prev) || (/^[\p{L}(]/u.test(next) && !source.startsWith('(?!', i + 2) && !source.startsWith('(?=', i + 2));
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

// ---- token prefilter ------------------------------------------------------------------------------
// Every alternative of a trigger pattern starts with a literal word (or a group of them): a sentence can only match
// when one of its tokens is that word (or starts with it). One pass over a sentence's tokens with hash lookups gives
// the set of patterns that may match; the others are never run.

/** Key words of a pattern: exact token norms and token prefixes; null when some alternative has no literal start. */
export function literalKeys(source: string): { exact: string[]; prefix: string[]; contains: string[] } | null {
  let body = source.replace(/^\\b/, '');
  if (body.startsWith('(?:') && /\)(?:\\b)?$/.test(body)) body = body.slice(3, body.endsWith('\\b') ? -3 : -1);
  const alts = splitTop(body);
  if (!alts) return null;
  const out = { exact: [] as string[], prefix: [] as string[], contains: [] as string[] };
  for (const a of alts) {
    // "[\p{L}\d-]*-?Gipfel\w*": a word that contains the literal
    const c = /^\[[^\]]*\]\*(?:-\?)?([\p{L}]{3,})/u.exec(a);
    if (c) {
      out.contains.push(tokenNorm(c[1]));
      continue;
    }
    const group = /^\(\?:([\p{L} |]+)\)/u.exec(a);
    if (group) {
      for (const w of group[1].split('|')) {
        const first = w.trim().split(' ')[0];
        if (!first) return null;
        out.exact.push(tokenNorm(first));
      }
      // a group of literals followed by an optional quantifier is not used here (none in the data)
      continue;
    }
    const key = leadingLiteral(a);
    if (!key) return null;
    (key.prefix ? out.prefix : out.exact).push(tokenNorm(key.word));
  }
  return out;
}

/** Top-level alternatives of a pattern body, or null when parentheses do not balance. */
function splitTop(body: string): string[] | null {
  const alts: string[] = [];
  let depth = 0;
  let cls = false;
  let cur = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\') {
      cur += ch + (body[i + 1] ?? '');
      i++;
      continue;
    }
    if (cls) {
      if (ch === ']') cls = false;
      cur += ch;
      continue;
    }
    if (ch === '[') cls = true;
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === '|' && depth === 0) {
      alts.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  alts.push(cur);
  return depth === 0 ? alts : null;
}

/** The longest word of an alternative's leading literal ("held talks" → talks; "Gesprächs?\s+mit" → prefix gespräch). */
function leadingLiteral(a: string): { word: string; prefix: boolean } | null {
  let i = 0;
  let lit = '';
  if (a.startsWith('\\b')) i = 2;
  for (; i < a.length; i++) {
    const ch = a[i];
    if (/[\p{L}\p{N}' ]/u.test(ch)) {
      lit += ch;
      continue;
    }
    if (ch === '\\' && a[i + 1] === 's') {
      lit += ' ';
      i++;
      if (a[i + 1] === '+' || a[i + 1] === '*') i++;
      continue;
    }
    break;
  }
  const next = a[i] ?? '';
  const rest = a.slice(i);
  // a quantifier applies to the last letter ("Gesprächs?"): that letter is optional
  const quant = /^[?*{]/.test(next);
  if (quant) lit = lit.slice(0, -1);
  const words = lit.split(' ').filter(Boolean);
  if (!words.length) return null;
  // the last word is complete when the literal ends at a word boundary
  const lastComplete = !quant && (rest === '' || /^(?:\\b|\)|\||\(\?=|\(\?!|-|\.|,)/.test(rest) || /^\s/.test(lit.slice(-1)));
  let best: { word: string; prefix: boolean } | null = null;
  words.forEach((w, k) => {
    const prefix = k === words.length - 1 && !lastComplete;
    if (!best || w.length > best.word.length) best = { word: w, prefix };
  });
  return best;
}

interface TokenIndex {
  exact: Map<string, number>;
  /** Prefix keys by their first three letters (keys of one or two letters are in `short`). */
  prefix: Map<string, [string, number][]>;
  short: [string, number][];
  contains: [string, number][];
  /** Bits of patterns without a literal start: always run. */
  always: number;
}

/** Bit of each compiled trigger pattern in a sentence's token mask. */
export const REGEX_BIT = new Map<RegExp, number>();
const TOKEN_INDEX: Record<Lang, TokenIndex> = {
  de: { exact: new Map(), prefix: new Map(), short: [], contains: [], always: 0 },
  en: { exact: new Map(), prefix: new Map(), short: [], contains: [], always: 0 },
};

function indexPattern(lang: Lang, re: RegExp, source: string, bit: number): void {
  REGEX_BIT.set(re, bit);
  const idx = TOKEN_INDEX[lang];
  const keys = literalKeys(source);
  if (!keys) {
    idx.always |= bit;
    return;
  }
  for (const w of keys.exact) idx.exact.set(w, (idx.exact.get(w) ?? 0) | bit);
  for (const w of keys.prefix) {
    if (w.length < 3) {
      idx.short.push([w, bit]);
      continue;
    }
    const b = w.slice(0, 3);
    const list = idx.prefix.get(b);
    if (list) list.push([w, bit]);
    else idx.prefix.set(b, [[w, bit]]);
  }
  for (const w of keys.contains) idx.contains.push([w, bit]);
}

/**
 * Pattern bits of one word: the patterns that may match a sentence containing it (`mask`, without the patterns that are
 * always run) and those whose match may start at it (`starts`, see matchTriggers). Callers cache them per word.
 */
export function wordTriggerBits(lang: Lang, norm: string): { mask: number; starts: number } {
  let starts = 0;
  for (const st of START_INDEX[lang]) if (st.exact.has(norm) || st.prefix.some((p) => norm.startsWith(p))) starts |= st.bit;
  return { mask: wordBits(TOKEN_INDEX[lang], norm), starts };
}

function wordBits(idx: TokenIndex, n: string): number {
  let mask = idx.exact.get(n) ?? 0;
  const list = idx.prefix.get(n.slice(0, 3));
  if (list) for (const [w, b] of list) if (n.startsWith(w)) mask |= b;
  for (const [w, b] of idx.short) if (n.startsWith(w)) mask |= b;
  for (const [w, b] of idx.contains) if (n.includes(w)) mask |= b;
  return mask;
}

/** True when `re` may match a sentence with token mask `mask`. */
export function mayMatchMask(re: RegExp, mask: number): boolean {
  const b = REGEX_BIT.get(re);
  return b === undefined || (mask & b) !== 0;
}

// ---- anchored matching ----------------------------------------------------------------------------
// A trigger pattern can only match where a token starts with the first word of one of its alternatives: trying the
// pattern (sticky) at those few positions finds the same matches as scanning the whole sentence.

interface StartIndex {
  bit: number;
  exact: Set<string>;
  prefix: string[];
}
/** First words of the patterns with literal starts, per language. */
const START_INDEX: Record<Lang, StartIndex[]> = { de: [], en: [] };
/** The sticky twin of each pattern with literal starts. */
const STICKY = new Map<RegExp, RegExp>();

/** First words of a pattern's alternatives (exact token norms and token prefixes); null when some alternative has none. */
export function literalStarts(source: string): { exact: string[]; prefix: string[] } | null {
  let body = source.replace(/^\\b/, '');
  if (body.startsWith('(?:') && /\)(?:\\b)?$/.test(body)) body = body.slice(3, body.endsWith('\\b') ? -3 : -1);
  const alts = splitTop(body);
  if (!alts) return null;
  const out = { exact: [] as string[], prefix: [] as string[] };
  for (const a of alts) {
    const group = /^\(\?:([\p{L} |]+)\)/u.exec(a);
    if (group) {
      for (const w of group[1].split('|')) {
        const first = w.trim().split(' ')[0];
        if (!first) return null;
        // a group word followed by more letters in the pattern is a prefix
        (w.includes(' ') || !/^[\p{L}]/u.test(a.slice(group[0].length)) ? out.exact : out.prefix).push(tokenNorm(first));
      }
      continue;
    }
    const m = /^(?:\\b)?([\p{L}\p{N}']+)/u.exec(a);
    if (!m) return null;
    const rest = a.slice(m[0].length);
    let word = m[1];
    // "Gesprächs?" – the last letter is optional; "telefon\w*", "nahm\w*" – the word goes on
    if (/^[?*{]/.test(rest)) word = word.slice(0, -1);
    const complete = !/^[?*{]/.test(rest) && (rest === '' || /^(?:\\s|\\b|\)|\||\(\?=|\(\?!| |-|\.|,)/.test(rest));
    if (!word) return null;
    (complete ? out.exact : out.prefix).push(tokenNorm(word));
  }
  return out;
}

function indexStarts(lang: Lang, re: RegExp, source: string, bit: number): void {
  const st = literalStarts(source);
  if (!st) return;
  START_INDEX[lang].push({ bit, exact: new Set(st.exact), prefix: st.prefix });
  STICKY.set(re, new RegExp(re.source, re.flags.replace('g', '') + 'y'));
}

const COMBINING_RE = /\p{M}/u;
let marksText = '';
/** Per BMP character: 0 not seen yet, 1 no combining mark, 2 a combining mark. */
const MARK_BMP = new Uint8Array(0x10000);
let marksFound = false;
/** Combining marks in the text; the answer for the last text is kept (a sentence's patterns ask one after another). */
function hasCombiningMarks(text: string): boolean {
  if (text !== marksText) {
    marksText = text;
    marksFound = false;
    // per character, cached (no combining mark lies below U+0300); surrogate pairs go to the regex
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x300) continue;
      if (c >= 0xd800 && c <= 0xdfff) {
        marksFound = COMBINING_RE.test(text);
        break;
      }
      let k = MARK_BMP[c];
      if (k === 0) k = MARK_BMP[c] = COMBINING_RE.test(String.fromCharCode(c)) ? 2 : 1;
      if (k === 2) {
        marksFound = true;
        break;
      }
    }
  }
  return marksFound;
}

/**
 * All matches of a global trigger pattern in a sentence, as `re.exec` in a loop would find them. `starts` holds each
 * token's start bits (wordTriggerBits): the pattern is tried only at the tokens where one of its alternatives can start.
 */
export function matchTriggers(re: RegExp, text: string, tokens: readonly { start: number }[], offset: number, starts: readonly number[]): { index: number; text: string }[] {
  const out: { index: number; text: string }[] = [];
  const sticky = STICKY.get(re);
  // without literal starts, or with combining marks (a word boundary inside a token), scan the whole sentence
  if (!sticky || hasCombiningMarks(text)) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      out.push({ index: m.index, text: m[0] });
      if (m[0] === '') re.lastIndex++;
    }
    return out;
  }
  const bit = REGEX_BIT.get(re)!;
  let from = 0;
  for (let k = 0; k < tokens.length; k++) {
    if ((starts[k] & bit) === 0) continue;
    const pos = tokens[k].start - offset;
    if (pos < from) continue;
    sticky.lastIndex = pos;
    const m = sticky.exec(text);
    if (m) {
      out.push({ index: m.index, text: m[0] });
      from = m.index + Math.max(1, m[0].length);
    }
  }
  return out;
}


let nextBit = 0;
function compile(raw: Raw, lang: Lang): TriggerSet {
  nextBit = 0;
  const g = (k: string, flags = 'giu') => {
    const re = new RegExp(unicodeBoundaries(raw[k]), flags);
    PREFIXES.set(re, literalPrefixes(raw[k]));
    const bit = 1 << nextBit++;
    indexPattern(lang, re, raw[k], bit);
    indexStarts(lang, re, raw[k], bit);
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
      indexPattern(lang, re, v, 1 << nextBit++);
      return [k, re] as [string, RegExp];
    }),
  };
}

export const TRIGGERS: Record<Lang, TriggerSet> = { de: compile(data.de, 'de'), en: compile(data.en, 'en') };
/** Bits of the patterns without literal words: in every sentence's mask. */
export const ALWAYS_RUN: Record<Lang, number> = { de: TOKEN_INDEX.de.always, en: TOKEN_INDEX.en.always };
