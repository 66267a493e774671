import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('a plan after a past-tense meeting verb is about something else', () => {
  it('"met … and agreed to expand patrols" is an occurred meeting', () => {
    const { rels } = run('Prime Minister Kristen Michal and Prime Minister Petteri Orpo met in Tallinn on Tuesday and agreed to expand joint patrols.', 'en', '2025-02-11');
    const m = rels.find((r) => r.type === 'MET_AT');
    expect(m?.status).toBe('occurred');
    expect(m?.date).toBe('2025-02-11');
  });
  it('"agreed to meet" is still planned', () => {
    const { rels } = run('Prime Minister Kristen Michal and Prime Minister Petteri Orpo agreed to meet in Tallinn next week.', 'en', '2025-02-11');
    expect(rels.find((r) => r.type === 'MET_AT')?.status).toBe('planned');
  });
});
