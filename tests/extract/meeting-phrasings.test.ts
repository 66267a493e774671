import { describe, expect, it } from 'vitest';
import { pair, run } from './helpers.js';

describe('meetings phrased with modifiers', () => {
  it('"held separate talks" is a meeting of the two named', () => {
    const { rels } = run('The foreign ministers, Penny Wong and Winston Peters, held separate talks in Canberra on Wednesday.', 'en', '2025-01-09');
    const m = rels.find((r) => r.type === 'MET_AT');
    expect(m && pair(m, 'Penny Wong', 'Winston Peters')).toBe(true);
    expect(m?.date).toBe('2025-01-08');
  });
});
