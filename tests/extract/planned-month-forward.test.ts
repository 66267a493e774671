import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('a month name without a year', () => {
  it('resolves forward for a planned meeting (February in an October article is next February)', () => {
    const { rels } = run('President William Ruto will travel to Mogadishu in February for talks with President Hassan Sheikh Mohamud.', 'en', '2025-10-08');
    const m = rels.find((r) => r.type === 'MET_AT');
    expect(m?.status).toBe('planned');
    expect(m?.date).toBe('2026-02');
  });
  it('resolves backward for a past meeting (October in an April article is last October)', () => {
    const { rels } = run('Claudia Sheinbaum and Bernardo Arévalo last met in Mexico City in October.', 'en', '2025-04-10');
    expect(rels.find((r) => r.type === 'MET_AT')?.date).toBe('2024-10');
  });
  it('the weekday of the publication date is that day for a plan ("am Donnerstag will er" in a Thursday paper)', () => {
    const { rels } = run('Am Donnerstag will Bürgermeister Vitali Klitschko in Potsdam Ministerpräsident Dietmar Woidke treffen.', 'de', '2025-03-06');
    expect(rels.find((r) => r.type === 'MET_AT')?.date).toBe('2025-03-06');
  });
});
