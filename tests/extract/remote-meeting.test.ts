import { describe, expect, it } from 'vitest';
import { pair, run } from './helpers.js';

describe('a meeting held by video or phone is a call', () => {
  it('"had a virtual meeting with"', () => {
    const { rels } = run('Prime Minister Narendra Modi had a virtual meeting with Prime Minister Justin Trudeau on Saturday.', 'en', '2023-09-10');
    expect(rels.filter((r) => r.type === 'MET_AT')).toEqual([]);
    const c = rels.find((r) => r.type === 'CALLED');
    expect(c && pair(c, 'Narendra Modi', 'Justin Trudeau')).toBe(true);
  });
  it('"Am Telefon hatte sie mit X beraten": one call, no meeting', () => {
    const { rels } = run('Außenministerin Annalena Baerbock traf am Montag den indischen Außenminister Subrahmanyam Jaishankar. Am Telefon hatte sie zuvor mit dem israelischen Außenminister Israel Katz beraten.', 'de', '2024-02-16');
    expect(rels.some((r) => r.type === 'MET_AT' && pair(r, 'Annalena Baerbock', 'Israel Katz'))).toBe(false);
    expect(rels.some((r) => r.type === 'CALLED' && pair(r, 'Annalena Baerbock', 'Israel Katz'))).toBe(true);
  });
  it('"met … after a phone call" stays a meeting', () => {
    const { rels } = run('Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Monday, a week after a phone call.', 'en', '2024-02-12');
    expect(rels.some((r) => r.type === 'MET_AT' && pair(r, 'Olaf Scholz', 'Emmanuel Macron'))).toBe(true);
  });
});
