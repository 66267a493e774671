// Word tokenizer with exact character offsets. Unicode-aware (Erdoğan, Nausėda, Radosław stay one token),
// hyphens and dots are separate tokens so that compounds (US-Präsident) and abbreviations (U.S.) can be matched
// as token sequences. `joinPrev` tells whether a token touches the previous one (no whitespace between).
import { normalizeName } from '../../src/domain/ids.js';

export interface Token {
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

// One token: a run of letters/digits (with inner apostrophes such as Sa'ar), a possessive 's, or one other char.
const TOKEN_RE = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}](?<!['’]s)[\p{L}\p{M}\p{N}]*)*|['’]s\b|\S/gu;
const UPPER_RE = /^\p{Lu}/u;
const HAS_LOWER_RE = /\p{Ll}/u;
const WORD_RE = /^[\p{L}\p{M}\p{N}]/u;

const normCache = new Map<string, string>();
export function tokenNorm(text: string): string {
  let n = normCache.get(text);
  if (n === undefined) {
    n = normalizeName(text);
    if (normCache.size < 200_000) normCache.set(text, n);
  }
  return n;
}

/** Shape of a token text (word, capital, all capitals), cached: the same words recur in every article. */
const SHAPE_WORD = 1;
const SHAPE_CAP = 2;
const SHAPE_UPPER = 4;
const shapeCache = new Map<string, number>();
function shapeOf(s: string): number {
  const c = s.charCodeAt(0);
  // ASCII fast path: the shape follows from the characters directly
  if (c < 128) {
    const lower = c >= 97 && c <= 122;
    const upperCh = c >= 65 && c <= 90;
    const digit = c >= 48 && c <= 57;
    if (!lower && !upperCh && !digit) return 0;
    if (!upperCh) return SHAPE_WORD;
    let ascii = true;
    let hasLower = false;
    for (let i = 1; i < s.length; i++) {
      const d = s.charCodeAt(i);
      if (d >= 128) {
        ascii = false;
        break;
      }
      if (d >= 97 && d <= 122) hasLower = true;
    }
    if (ascii) return SHAPE_WORD | SHAPE_CAP | (s.length > 1 && !hasLower ? SHAPE_UPPER : 0);
  }
  let v = shapeCache.get(s);
  if (v === undefined) {
    const word = WORD_RE.test(s);
    const cap = UPPER_RE.test(s);
    v = (word ? SHAPE_WORD : 0) | (cap ? SHAPE_CAP : 0) | (word && s.length > 1 && cap && !HAS_LOWER_RE.test(s) ? SHAPE_UPPER : 0);
    if (shapeCache.size < 200_000) shapeCache.set(s, v);
  }
  return v;
}

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = from;
  let prevEnd = -1;
  for (;;) {
    const m = TOKEN_RE.exec(text);
    if (!m || m.index >= to) break;
    const start = m.index;
    const full = m[0];
    const end = Math.min(start + full.length, to);
    const s = end === start + full.length ? full : text.slice(start, end);
    const shape = shapeOf(s);
    out.push({
      text: s,
      norm: tokenNorm(s),
      start,
      end,
      cap: (shape & SHAPE_CAP) !== 0,
      upper: (shape & SHAPE_UPPER) !== 0,
      word: (shape & SHAPE_WORD) !== 0,
      joinPrev: prevEnd === start,
    });
    prevEnd = end;
  }
  return out;
}
