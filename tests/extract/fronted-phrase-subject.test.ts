import { describe, expect, it } from 'vitest';
import { pair, run } from './helpers.js';

describe('a person named in a fronted phrase is not the subject of the sentence', () => {
  it('"After meeting X, Y flew to Moscow, where he was received by Z": he is Y', () => {
    const { rels } = run('After meeting Crown Prince Mohammed bin Salman, envoy Steve Witkoff flew to Moscow, where he was received by President Vladimir Putin.', 'en', '2025-03-14');
    const meetings = rels.filter((r) => r.type === 'MET_AT');
    expect(meetings.some((r) => pair(r, 'Steve Witkoff', 'Vladimir Putin'))).toBe(true);
    expect(meetings.some((r) => pair(r, 'Mohammed bin Salman', 'Vladimir Putin'))).toBe(false);
  });
  it('"Nach einem Treffen mit X sagte Y, …": Y speaks (German verb-second)', () => {
    const { rels } = run('Nach einem Treffen mit Nato-Generalsekretär Mark Rutte sagte Verteidigungsminister Boris Pistorius, die Bundeswehr brauche mehr Personal.', 'de', '2025-05-07');
    expect(rels.find((r) => r.type === 'STATED')?.source).toBe('Boris Pistorius');
    expect(rels.some((r) => r.type === 'MET_AT' && pair(r, 'Mark Rutte', 'Boris Pistorius'))).toBe(true);
  });
  it('"Am Montag sagte X" and "X sagte" keep their speaker', () => {
    const { rels } = run('Am Montag sagte Verteidigungsminister Boris Pistorius, die Bundeswehr brauche mehr Personal. Generalsekretär Mark Rutte sagte, die Nato sei bereit.', 'de', '2025-05-07');
    expect(rels.filter((r) => r.type === 'STATED').map((r) => r.source)).toEqual(['Boris Pistorius', 'Mark Rutte']);
  });
});
