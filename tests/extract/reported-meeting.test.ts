import { describe, expect, it } from 'vitest';
import { pair, run } from './helpers.js';

describe('the speaker of a statement is no participant of the meeting it reports', () => {
  it('"X said the Secretary-General would … meet Y"', () => {
    const { rels } = run('Spokesperson Stéphane Dujarric said the Secretary-General would travel to Nairobi for a meeting with Mahmoud Ali Youssouf.', 'en', '2025-09-11');
    expect(rels.filter((r) => r.type === 'MET_AT')).toEqual([]);
  });
  it('"X said he had met Y": the pronoun makes the speaker a participant', () => {
    const { rels } = run('Foreign Secretary Enrique Manalo said he had met Takeshi Iwaya in Tokyo on Monday.', 'en', '2025-08-05');
    const m = rels.find((r) => r.type === 'MET_AT');
    expect(m && pair(m, 'Enrique Manalo', 'Takeshi Iwaya')).toBe(true);
  });
});
