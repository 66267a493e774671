import { describe, expect, it } from 'vitest';
import { pair, run } from './helpers.js';

describe('a handshake is a meeting', () => {
  it('German "reichten sich … die Hände"', () => {
    const { rels } = run('Nikol Paschinjan und Ilham Alijew reichten sich am Freitag in Washington die Hände.', 'de', '2025-08-09');
    const m = rels.find((r) => r.type === 'MET_AT');
    expect(m && pair(m, 'Nikol Paschinjan', 'Ilham Alijew')).toBe(true);
    expect(m?.date).toBe('2025-08-08');
  });
  it('English "shook hands"', () => {
    const { rels } = run('Felix Tshisekedi and Paul Kagame shook hands in Doha on Thursday.', 'en', '2025-12-05');
    expect(rels.some((r) => r.type === 'MET_AT' && pair(r, 'Felix Tshisekedi', 'Paul Kagame'))).toBe(true);
  });
});
