// Name keys: the ASCII shortcut gives exactly what the full Unicode rules give.
import fc from 'fast-check';
import '../helpers/fast-check-seed.js';
import { describe, expect, it } from 'vitest';
import { normalizeName } from '../../src/domain/ids.js';

/** The full rules, without the shortcut. */
const full = (name: string): string =>
  name.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/ß/g, 'ss').toLowerCase().replace(/[’‘`´]/g, "'").replace(/\s+/g, ' ').trim();

describe('normalizeName', () => {
  it('folds case, accents, ß, apostrophes and spaces', () => {
    expect(normalizeName('  Außenministerin  Annalena   Baerbock ')).toBe('aussenministerin annalena baerbock');
    expect(normalizeName('Recep Tayyip Erdoğan')).toBe('recep tayyip erdogan');
    expect(normalizeName("O`Neill")).toBe("o'neill");
    expect(normalizeName('Selenskyj\tWolodymyr')).toBe('selenskyj wolodymyr');
  });

  it('gives the full rules\' answer for any printable ASCII and any text', () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 });
    fc.assert(fc.property(fc.oneof(ascii, fc.string({ maxLength: 40 })), (s) => {
      expect(normalizeName(s)).toBe(full(s));
    }), { numRuns: 2000 });
  });
});
