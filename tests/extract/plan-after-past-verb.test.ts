import { describe, expect, it } from 'vitest';
import { pair, run } from './helpers.js';

describe('a plan after a past-tense meeting verb is about something else', () => {
  it('"met … and agreed to expand patrols" is an occurred meeting', () => {
    const { rels } = run('Prime Minister Kristen Michal and Prime Minister Petteri Orpo met in Tallinn on Tuesday and agreed to expand joint patrols.', 'en', '2025-02-11');
    const m = rels.find((r) => r.type === 'MET_AT');
    expect(m?.status).toBe('occurred');
    expect(m?.date).toBe('2025-02-11');
  });
  it('"In a phone conversation on Friday, X and Y agreed to cooperate": the call happened, on the Friday before', () => {
    const { rels } = run('In a phone conversation on Friday, President Joe Biden and President Luiz Inácio Lula da Silva agreed to cooperate on climate issues.', 'en', '2023-09-10');
    const c = rels.find((r) => r.type === 'CALLED');
    expect(c && pair(c, 'Joe Biden', 'Luiz Inácio Lula da Silva')).toBe(true);
    expect(c?.status).toBe('occurred');
    expect(c?.date).toBe('2023-09-08');
  });
  it('"agreed to meet" is still planned', () => {
    const { rels } = run('Prime Minister Kristen Michal and Prime Minister Petteri Orpo agreed to meet in Tallinn next week.', 'en', '2025-02-11');
    expect(rels.find((r) => r.type === 'MET_AT')?.status).toBe('planned');
  });
  it('"said he had spoken with X on Thursday evening and would call him again": the call on Thursday happened', () => {
    const { rels } = run('President Emmanuel Macron said he had spoken with Donald Trump on Thursday evening and would call him again after the talks.', 'en', '2025-05-16');
    const c = rels.find((r) => r.type === 'CALLED' && pair(r, 'Emmanuel Macron', 'Donald Trump'));
    expect(c?.status).toBe('occurred');
    expect(c?.date).toBe('2025-05-15');
  });
});

