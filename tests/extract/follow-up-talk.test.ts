import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('talks of the same pair right after their meeting describe that meeting', () => {
  it('"Fidan and Shaibani discussed …" is no separate call', () => {
    const { rels } = run('Turkish Foreign Minister Hakan Fidan received his Syrian counterpart Asaad al-Shaibani in Ankara on Tuesday. Fidan and Shaibani discussed the return of refugees.', 'en', '2025-01-28');
    expect(rels.filter((r) => r.type === 'CALLED')).toEqual([]);
    const met = rels.filter((r) => r.type === 'MET_AT');
    expect(met).toHaveLength(1);
    expect(met[0].place).toBe('Ankara');
  });
  it('an agreed future talk is a new, planned event', () => {
    const { rels } = run('Anna Lührmann hat heute mit Alberto van Klaveren telefoniert. Beide vereinbarten, sich im März in Johannesburg persönlich auszutauschen.', 'de', '2025-02-26');
    const planned = rels.find((r) => r.type === 'MET_AT' && r.status === 'planned');
    expect(planned?.date).toBe('2025-03');
    expect(planned?.place).toBe('Johannesburg');
  });
});
