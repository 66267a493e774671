import { describe, expect, it } from 'vitest';
import { pair, run } from './helpers.js';

describe('dateline vs. meeting place', () => {
  it('the place named in the sentence wins over the dateline city', () => {
    const { rels } = run('Tallinn (dpa) - Der lettische Außenminister Edgars Rinkēvičs ist am Montag in Vilnius mit seiner litauischen Kollegin Ingrida Šimonytė zusammengekommen.', 'de', '2024-03-04');
    const m = rels.find((r) => r.type === 'MET_AT');
    expect(m && pair(m, 'Edgars Rinkēvičs', 'Ingrida Šimonytė')).toBe(true);
    expect(m?.place).toBe('Vilnius');
  });
  it('the dateline is the place when the text names no other', () => {
    const { rels } = run('OSLO, May 6 (Reuters) - Norwegian Prime Minister Jonas Gahr Støre met Danish Prime Minister Mette Frederiksen on Tuesday.', 'en', '2025-05-06');
    expect(rels.find((r) => r.type === 'MET_AT')?.place).toBe('Oslo');
  });
});
