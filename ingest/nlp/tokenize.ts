// Word tokenizer with exact character offsets. Unicode-aware (Erdoğan, Nausėda, Radosław stay one token),
// hyphens and dots are separate tokens so that compounds (US-Präsident) and abbreviations (U.S.) can be matched
// as token sequences. `joinPrev` tells whether a token touches the previous one (no whitespace between).
import { normalizeName } from '../../src/domain/ids.js';

export interface Token {
  /** Vocabulary id of the text (the same for every occurrence of a word; -1 once the vocabulary is full). */
  id: number;
  text: string;
  /** normalizeName(text): case-, accent- and ß-insensitive key. */
  norm: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** All letters upper-case and at least two letters (MOSCOW, NATO). */
  upper: boolean;
  /** Letters or digits (not punctuation). */
  word: boolean;
  /** No whitespace between this token and the previous one. */
  joinPrev: boolean;
}

const normCache = new Map<string, string>();
export function tokenNorm(text: string): string {
  let n = normCache.get(text);
  if (n === undefined) {
    n = normalizeName(text);
    if (normCache.size < 200_000) normCache.set(text, n);
  }
  return n;
}

// ---- character classes ----------------------------------------------------------------------------
// A token is what /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}](?<!['’]s)[\p{L}\p{M}\p{N}]*)*|['’]s\b|\S/gu matches: a run of
// letters/digits (with inner apostrophes such as Sa'ar, but not a possessive 's), a possessive 's, or one other
// character. The scanner below finds the same tokens without a regex match object per token; character classes come
// from the same Unicode properties, cached per code unit.
const C_WORD = 1; // \p{L}, \p{M} or \p{N}
const C_LETTER = 2; // \p{L} or \p{M}
const C_SPACE = 4; // \s
const C_KNOWN = 8;
const WORD_CHAR_RE = /^[\p{L}\p{M}\p{N}]$/u;
const LETTER_CHAR_RE = /^[\p{L}\p{M}]$/u;
const SPACE_CHAR_RE = /^\s$/u;
const BMP = new Uint8Array(0x10000);
const ASTRAL = new Map<number, number>();

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return C_KNOWN | (WORD_CHAR_RE.test(ch) ? C_WORD : 0) | (LETTER_CHAR_RE.test(ch) ? C_LETTER : 0) | (SPACE_CHAR_RE.test(ch) ? C_SPACE : 0);
}

/** Class bits of the code point at i (a surrogate pair counts as one). */
function classAt(text: string, i: number): number {
  const cp = text.codePointAt(i)!;
  if (cp < 0x10000) {
    let c = BMP[cp];
    if (c === 0) c = BMP[cp] = classify(cp);
    return c;
  }
  let c = ASTRAL.get(cp);
  if (c === undefined) ASTRAL.set(cp, (c = classify(cp)));
  return c;
}

/** A UTF-16 unit that /\s/ matches. */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (BMP[c] || (BMP[c] = classify(c))) & C_SPACE ? true : false;
}

/** Code units of the code point at i. */
function unitsAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

const APOS = 0x27;
const RSQUO = 0x2019;

/** End of a letter/digit run from i (i is inside the run). */
function wordRunEnd(text: string, i: number): number {
  const n = text.length;
  for (;;) {
    while (i < n) {
      const c = text.charCodeAt(i);
      // ASCII letters and digits without a table lookup
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) i++;
      else if (c < 128) break;
      else if (classAt(text, i) & C_WORD) i += unitsAt(text, i);
      else break;
    }
    // an inner apostrophe before a letter other than a possessive s: Sa'ar, O’Brien
    const q = text.charCodeAt(i);
    if ((q === APOS || q === RSQUO) && i + 1 < n && text.charCodeAt(i + 1) !== 115 && classAt(text, i + 1) & C_LETTER) {
      i += 1 + unitsAt(text, i + 1);
      continue;
    }
    return i;
  }
}

/** ASCII \w (what \b compares in a u-flag regex without the i flag). */
function isAsciiWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

// ---- token shape and norm ---------------------------------------------------------------------------

const SHAPE_WORD = 1;
const SHAPE_CAP = 2;
const SHAPE_UPPER = 4;
const UPPER_RE = /^\p{Lu}/u;
const HAS_LOWER_RE = /\p{Ll}/u;

const WORD_START_RE = /^[\p{L}\p{M}\p{N}]/u;

/** One distinct token text: its vocabulary id, norm and shape. */
interface TokenInfo {
  id: number;
  /** The text, one string per distinct word: lookups by token text reuse its hash. */
  text: string;
  norm: string;
  shape: number;
  hash: number;
}

// The vocabulary: every distinct token text seen, found by a hash of its characters in the article text, so that a known
// word costs no string allocation. Bounded: past VOCAB_MAX words new ones get id -1 and are not kept.
const VOCAB_MAX = 200_000;
const VOCAB: TokenInfo[] = [];
const SLOT_BITS = 19;
const SLOT_MASK = (1 << SLOT_BITS) - 1;
/** Open addressing over VOCAB: vocabulary id + 1, 0 for an empty slot. */
const SLOTS = new Int32Array(1 << SLOT_BITS);
/** Texts of one UTF-16 unit (punctuation, "a", "I"), by character code. */
const SINGLE = new Map<number, TokenInfo>();

function newInfo(s: string, hash: number): TokenInfo {
  const word = WORD_START_RE.test(s);
  const cap = UPPER_RE.test(s);
  const shape = (word ? SHAPE_WORD : 0) | (cap ? SHAPE_CAP : 0) | (word && s.length > 1 && cap && !HAS_LOWER_RE.test(s) ? SHAPE_UPPER : 0);
  // normalised directly: the vocabulary is the cache of token norms, tokenNorm's cache stays small for names
  const v = { id: -1, text: s, norm: normalizeName(s), shape, hash };
  if (VOCAB.length < VOCAB_MAX) {
    v.id = VOCAB.length;
    VOCAB.push(v);
  }
  return v;
}

/** The vocabulary entry of text[start, end). */
function infoAt(text: string, start: number, end: number): TokenInfo {
  if (end - start === 1) {
    const c = text.charCodeAt(start);
    let v = SINGLE.get(c);
    if (v === undefined) {
      v = newInfo(text[start], 0);
      if (v.id >= 0) SINGLE.set(c, v);
    }
    return v;
  }
  // FNV-1a over the UTF-16 units
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  const len = end - start;
  let slot = h & SLOT_MASK;
  for (let id = SLOTS[slot]; id !== 0; id = SLOTS[slot]) {
    const v = VOCAB[id - 1];
    if (v.hash === h && v.text.length === len && text.startsWith(v.text, start)) return v;
    slot = (slot + 1) & SLOT_MASK;
  }
  const v = newInfo(text.slice(start, end), h);
  if (v.id >= 0) SLOTS[slot] = v.id + 1;
  return v;
}

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let prevEnd = -1;
  let i = from;
  // a start inside a surrogate pair backs up to the pair, as a u-flag regex does
  if (i > 0 && i < n && unitsAt(text, i - 1) === 2) i--;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) {
      i++;
      continue;
    }
    const cls = c < 128 ? 0 : classAt(text, i);
    if (cls & C_SPACE) {
      i++;
      continue;
    }
    if (i >= to) break;
    const start = i;
    if (isAsciiWord(c) ? c !== 95 : (cls & C_WORD) !== 0) i = wordRunEnd(text, i);
    // possessive 's (NaN past the end is no word character)
    else if ((c === APOS || c === RSQUO) && text.charCodeAt(i + 1) === 115 && !isAsciiWord(text.charCodeAt(i + 2))) i += 2;
    else i += unitsAt(text, i);
    const end = i < to ? i : to;
    const info = infoAt(text, start, end);
    out.push({
      id: info.id,
      text: info.text,
      norm: info.norm,
      start,
      end,
      cap: (info.shape & SHAPE_CAP) !== 0,
      upper: (info.shape & SHAPE_UPPER) !== 0,
      word: (info.shape & SHAPE_WORD) !== 0,
      joinPrev: prevEnd === start,
    });
    prevEnd = end;
  }
  return out;
}
