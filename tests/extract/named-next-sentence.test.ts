import { describe, expect, it } from 'vitest';
import { pair, run } from './helpers.js';

describe('an event whose participants are named only in the next sentence', () => {
  it('takes the two persons that open the next sentence, with the first sentence\'s date and place', () => {
    const { rels } = run('Am Donnerstag haben die Sicherheitsberater beider Länder in Doha verhandelt. Ajit Doval und Asim Malik hätten sich auf eine Verlängerung der Waffenruhe verständigt, hieß es.', 'de', '2025-10-24');
    const m = rels.find((r) => r.type === 'MET_AT');
    expect(m && pair(m, 'Ajit Doval', 'Asim Malik')).toBe(true);
    expect(m?.date).toBe('2025-10-23');
    expect(m?.place).toBe('Doha');
    expect(m?.mentions).toHaveLength(2);
  });
});
