import { describe, expect, it } from 'vitest';
import { pair, run } from './helpers.js';

describe('calls phrased as speaking to someone or telling them something in a call', () => {
  it('"he had spoken to X" is a call', () => {
    const { rels } = run('Foreign Secretary David Lammy said he had spoken to Foreign Minister Andrii Sybiha on Tuesday.', 'en', '2025-03-20');
    const c = rels.find((r) => r.type === 'CALLED');
    expect(c && pair(c, 'David Lammy', 'Andrii Sybiha')).toBe(true);
  });
  it('"X told Y in a call on Tuesday that …": a call of both and a statement of X', () => {
    const { rels } = run('Secretary-General António Guterres told Andrii Sybiha in a call on Tuesday that the United Nations stood ready to help.', 'en', '2025-03-20');
    const c = rels.find((r) => r.type === 'CALLED');
    expect(c && pair(c, 'António Guterres', 'Andrii Sybiha')).toBe(true);
    expect(c?.date).toBe('2025-03-18');
    expect(rels.find((r) => r.type === 'STATED')?.source).toBe('António Guterres');
  });
  it('"X told reporters that A would hold a call with B": the spokesman is not on the call', () => {
    const { rels } = run('Spokesman Stéphane Dujarric told reporters that Secretary-General António Guterres would hold a call with Andrii Sybiha on Friday.', 'en', '2025-03-20');
    const calls = rels.filter((r) => r.type === 'CALLED');
    expect(calls).toHaveLength(1);
    expect(pair(calls[0], 'António Guterres', 'Andrii Sybiha')).toBe(true);
    expect(calls[0].status).toBe('planned');
  });
  it('"X received a phone call from Y": Y is the caller', () => {
    const { rels } = run('Prime Minister Keir Starmer received a phone call from President Emmanuel Macron on Wednesday evening.', 'en', '2025-06-06');
    const c = rels.find((r) => r.type === 'CALLED');
    expect(c?.source).toBe('Emmanuel Macron');
    expect(c?.target).toBe('Keir Starmer');
  });
});

