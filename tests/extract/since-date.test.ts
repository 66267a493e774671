import { describe, expect, it } from 'vitest';
import { pair, run } from './helpers.js';

describe('a date after "since"/"seit" starts an interval: it does not date the event when the clause names another', () => {
  it('German "das erste Treffen seit dem Zusammenstoß von 2020 fand im Oktober 2024 statt"', () => {
    const { rels } = run('Das erste Treffen von Narendra Modi und Xi Jinping seit dem Grenzzusammenstoß von 2020 fand im Oktober 2024 im russischen Kasan statt.', 'de', '2025-09-01');
    const m = rels.find((r) => r.type === 'MET_AT' && pair(r, 'Narendra Modi', 'Xi Jinping'));
    expect(m?.date).toBe('2024-10');
  });
  it('English "their first meeting since 2019 took place in Kazan in October 2024"', () => {
    const { rels } = run('The first meeting between Narendra Modi and Xi Jinping since 2019 took place in Kazan in October 2024.', 'en', '2025-09-01');
    const m = rels.find((r) => r.type === 'MET_AT' && pair(r, 'Narendra Modi', 'Xi Jinping'));
    expect(m?.date).toBe('2024-10');
  });
  it('a date after "since" alone still dates nothing else away ("have met twice since March 2023")', () => {
    const { rels } = run('Narendra Modi and Xi Jinping have met twice since March 2023.', 'en', '2025-09-01');
    expect(rels.find((r) => r.type === 'MET_AT')).toBeDefined();
  });
});
