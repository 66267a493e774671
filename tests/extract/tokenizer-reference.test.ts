// The hand-written tokenizer must find exactly the tokens of the regex it replaced (the specification below), with the
// same shapes and norms: checked on the fixtures and on arbitrary Unicode (surrogates, combining marks, apostrophes).
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize, tokenNorm, type Token } from '../../ingest/nlp/tokenize.js';
import { anyText } from '../property/arbitraries.js';

const TOKEN_RE = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}](?<!['’]s)[\p{L}\p{M}\p{N}]*)*|['’]s\b|\S/gu;

type Plain = Omit<Token, 'id'>;

function reference(text: string, from = 0, to = text.length): Plain[] {
  const out: Plain[] = [];
  TOKEN_RE.lastIndex = from;
  let prevEnd = -1;
  for (let m = TOKEN_RE.exec(text); m && m.index < to; m = TOKEN_RE.exec(text)) {
    const start = m.index;
    const end = Math.min(start + m[0].length, to);
    const s = text.slice(start, end);
    const word = /^[\p{L}\p{M}\p{N}]/u.test(s);
    const cap = /^\p{Lu}/u.test(s);
    out.push({ text: s, norm: tokenNorm(s), start, end, cap, upper: word && s.length > 1 && cap && !/\p{Ll}/u.test(s), word, joinPrev: prevEnd === start });
    prevEnd = end;
  }
  return out;
}

const dirs = ['../fixtures/gold/articles', '../fixtures/gold/heldout-style/articles', '../fixtures/inputs'].map((d) => fileURLToPath(new URL(d, import.meta.url)));
const PIECES = ["'s", '’s', "'S", "Sa'ar", 'O’Brien', "rock'n'roll", "'", '’', 's', '_', '`', 'ß', 'Erdoğan', 'e\u0301', '\u{1d400}\u{1d401}', '\u{1f600}', '\ud800', '\udc00', '\u00a0', '\u2009', '\u3000', '\ufeff', '٣', 'Ⅻ', ' ', '\n', '.', '-', 'U.S.', 'NATO', 'Ab', '9a'];

/** Tokens without their vocabulary ids, which must be one per distinct text. */
function tokens(text: string, from?: number, to?: number): Plain[] {
  const ids = new Map<string, number>();
  return tokenize(text, from, to).map(({ id, ...t }) => {
    expect(ids.get(t.text) ?? id).toBe(id);
    ids.set(t.text, id);
    return t;
  });
}

describe('tokenizer', () => {
  it('tokenizes the fixtures like the reference regex', () => {
    for (const dir of dirs) {
      for (const f of readdirSync(dir)) {
        const text = readFileSync(`${dir}/${f}`, 'utf8');
        expect(tokens(text)).toEqual(reference(text));
      }
    }
  });

  it('tokenizes arbitrary text and ranges like the reference regex', () => {
    const text = fc.oneof(anyText(200), fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((a) => a.join('')));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const from = t.length ? a % t.length : 0;
        const to = from + (t.length - from ? b % (t.length - from + 1) : 0);
        expect(tokens(t)).toEqual(reference(t));
        expect(tokens(t, from, to)).toEqual(reference(t, from, to));
      }),
      { numRuns: 3000 },
    );
  });
});
