// Ids are sha256 prefixes of their normalised inputs: whichever hashing API Node offers, the same digest.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleId, normalizeArticleText } from '../../src/domain/ids.js';
import '../helpers/fast-check-seed.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('content ids', () => {
  it('an article id is the sha256 prefix of its normalised title and text, for any text (lone surrogates too)', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ unit: 'binary' })), fc.string({ unit: 'binary' }), (title, text) => {
        const expected = `a-${sha256(`${normalizeArticleText(title ?? '')}\n${normalizeArticleText(text)}`).slice(0, 16)}`;
        expect(articleId(title, text)).toBe(expected);
      }),
    );
  });

  it('collapses every whitespace run to one space, as /\\s+/g does', () => {
    const spacey = fc.string({ unit: fc.constantFrom(' ', '  ', '\n', '\t', '\r\n', '\u00a0', '\u2009', '\u3000', '\ufeff', 'a', 'ß', '.') });
    fc.assert(
      fc.property(spacey, (text) => {
        expect(normalizeArticleText(text)).toBe(text.normalize('NFC').replace(/\s+/g, ' ').trim());
      }),
    );
  });

  it('keeps the id an article had when it was stored (a changed id would duplicate it on re-ingest)', () => {
    expect(articleId('Treffen in Genf', 'Baerbock  traf\nLawrow.')).toBe('a-a6b56a3884e5a961');
  });
});
