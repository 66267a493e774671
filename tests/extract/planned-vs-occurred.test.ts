import { describe, expect, it } from 'vitest';
import { pair, run } from './helpers.js';

describe('planned vs occurred meetings', () => {
  it('German: "trafen sich" occurred, "wird … treffen" planned with a future date', () => {
    const { rels } = run(
      'Emmanuel Macron und Olaf Scholz trafen sich am Montag in Paris. Macron wird Scholz am Freitag in Berlin erneut treffen.',
      'de',
      '2023-05-10',
    );
    const met = rels.filter((r) => r.type === 'MET_AT' && pair(r, 'Emmanuel Macron', 'Olaf Scholz'));
    expect(met.map((r) => [r.status, r.date, r.place])).toEqual([
      ['occurred', '2023-05-08', 'Paris'],
      ['planned', '2023-05-12', 'Berlin'],
    ]);
  });
  it('English: "is due to meet" and "will host" are planned', () => {
    const { rels } = run('Keir Starmer is due to meet Narendra Modi in London next week.', 'en', '2024-09-02');
    const m = rels.find((r) => r.type === 'MET_AT');
    expect(m?.status).toBe('planned');
    expect(m && pair(m, 'Keir Starmer', 'Narendra Modi')).toBe(true);
  });
  it('an invitation is not a meeting', () => {
    const { rels } = run('Olaf Scholz lud Narendra Modi zu einem Besuch nach Berlin ein.', 'de', '2023-08-24');
    expect(rels.some((r) => r.type === 'MET_AT')).toBe(false);
    expect(rels.some((r) => r.type === 'INVITED' && r.source === 'Olaf Scholz' && r.target === 'Narendra Modi')).toBe(true);
  });
});
