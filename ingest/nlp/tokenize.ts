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

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = from;
  let prevEnd = -1;
  for (;;) {
    const m = TOKEN_RE.exec(text);
    if (!m || m.index >= to) break;
    const t = m[0];
    const start = m.index;
    const end = Math.min(start + t.length, to);
    const s = text.slice(start, end);
    const word = WORD_RE.test(s);
    out.push({
      text: s,
      norm: tokenNorm(s),
      start,
      end,
      cap: UPPER_RE.test(s),
      upper: word && s.length > 1 && UPPER_RE.test(s) && !HAS_LOWER_RE.test(s),
      word,
      joinPrev: prevEnd === start,
    });
    prevEnd = end;
  }
  return out;
}
