import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('praise and criticism need no named target', () => {
  it('"X lobte die Zusammenarbeit" is PRAISED by X', () => {
    const { rels } = run('Außenminister Kęstutis Budrys traf seine lettische Kollegin Baiba Braže in Riga. Budrys lobte die Zusammenarbeit.', 'de', '2025-03-13');
    const p = rels.find((r) => r.type === 'PRAISED');
    expect(p?.source).toBe('Kęstutis Budrys');
    expect(p?.target).toBeNull();
  });
  it('an invitation still needs an invitee', () => {
    const { rels } = run('Budrys lud zu einer Konferenz ein.', 'de', '2025-03-13');
    expect(rels.some((r) => r.type === 'INVITED')).toBe(false);
  });
});
