import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('a place that is the topic of talks is not where they took place', () => {
  it('"the situation in Myanmar" does not make Myanmar the meeting place; the follow-up merges into the meeting', () => {
    const { rels } = run('Foreign Minister Sugiono met Foreign Minister Penny Wong in Jakarta on Tuesday. The two ministers discussed the situation in Myanmar.', 'en', '2025-10-21');
    const met = rels.filter((r) => r.type === 'MET_AT');
    expect(met).toHaveLength(1);
    expect(met[0].place).toBe('Jakarta');
    expect(met[0].mentions).toHaveLength(2);
  });
  it('German "die Lage im Sudan"', () => {
    const { rels } = run('Musalia Mudavadi und Abiy Ahmed sprachen in Addis Abeba über die Lage im Sudan.', 'de', '2025-05-22');
    expect(rels.find((r) => r.type === 'MET_AT')?.place).toBe('Addis Abeba');
  });
});
