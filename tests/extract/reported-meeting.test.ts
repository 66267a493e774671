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
  it('"X declined to comment on reports that A had received B": A and B met, X is no participant', () => {
    const { rels } = run('Kremlin spokesman Dmitry Peskov declined to comment on reports that Vladimir Putin had received Prime Minister Viktor Orbán in Moscow last week.', 'en', '2024-02-12');
    const meetings = rels.filter((r) => r.type === 'MET_AT');
    expect(meetings).toHaveLength(1);
    expect(pair(meetings[0], 'Vladimir Putin', 'Viktor Orbán')).toBe(true);
  });
  it('"X wollte sich nicht zu Berichten äußern, wonach A B empfangen habe": a reported meeting that took place', () => {
    const { rels } = run('Kremlsprecher Dmitri Peskow wollte sich nicht zu Berichten äußern, wonach Wladimir Putin den ungarischen Regierungschef Viktor Orbán in Moskau empfangen habe.', 'de', '2024-02-12');
    const meetings = rels.filter((r) => r.type === 'MET_AT');
    expect(meetings).toHaveLength(1);
    expect(pair(meetings[0], 'Wladimir Putin', 'Viktor Orbán')).toBe(true);
    expect(meetings[0].status).toBe('occurred');
  });
  it('"X said …, a day after meeting Y in Vilnius": the speaker met Y, in Vilnius, not in the Moscow of the claim', () => {
    const { rels } = run('President Gitanas Nausėda said Moscow posed "a direct threat" to the Baltic states, a day after meeting President Andrzej Duda in Vilnius.', 'en', '2025-04-02');
    const m = rels.find((r) => r.type === 'MET_AT');
    expect(m && pair(m, 'Gitanas Nausėda', 'Andrzej Duda')).toBe(true);
    expect(m?.place).toBe('Vilnius');
  });
});

