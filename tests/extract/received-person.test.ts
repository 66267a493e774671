import { describe, expect, it } from 'vitest';
import { pair, run } from './helpers.js';

describe('"received" is a meeting when a person is received', () => {
  it('"received his Syrian counterpart X"', () => {
    const { rels } = run('Hakan Fidan received his Syrian counterpart Asaad al-Shaibani in Ankara on Tuesday.', 'en', '2025-01-28');
    const m = rels.find((r) => r.type === 'MET_AT');
    expect(m && pair(m, 'Hakan Fidan', 'Asaad al-Shaibani')).toBe(true);
  });
  it('"received a letter from X" is not', () => {
    const { rels } = run('Hakan Fidan received a letter from Asaad al-Shaibani on Tuesday.', 'en', '2025-01-28');
    expect(rels.filter((r) => r.type === 'MET_AT')).toEqual([]);
  });
});
