import { describe, expect, it } from 'vitest';
import { pair, run } from './helpers.js';

describe('"the two leaders spoke by phone with X": each member of the subject group calls X, not each other', () => {
  it('English', () => {
    const { rels } = run('President Emmanuel Macron hosted Chancellor Olaf Scholz in Paris on Monday. The two leaders also spoke by phone with Prime Minister Donald Tusk.', 'en', '2024-02-12');
    const calls = rels.filter((r) => r.type === 'CALLED');
    expect(calls).toHaveLength(2);
    expect(calls.some((r) => pair(r, 'Emmanuel Macron', 'Donald Tusk'))).toBe(true);
    expect(calls.some((r) => pair(r, 'Olaf Scholz', 'Donald Tusk'))).toBe(true);
  });
  it('German', () => {
    const { rels } = run('Frankreichs Präsident Emmanuel Macron hat Bundeskanzler Olaf Scholz am Montag in Paris empfangen. Die beiden telefonierten anschließend mit dem polnischen Ministerpräsidenten Donald Tusk.', 'de', '2024-02-12');
    const calls = rels.filter((r) => r.type === 'CALLED');
    expect(calls).toHaveLength(2);
    expect(calls.every((r) => r.source === 'Donald Tusk' || r.target === 'Donald Tusk')).toBe(true);
  });
  it('"the two leaders met with X" stays a meeting of all three', () => {
    const { rels } = run('President Emmanuel Macron hosted Chancellor Olaf Scholz in Paris on Monday. The two leaders later met with Prime Minister Donald Tusk.', 'en', '2024-02-12');
    expect(rels.some((r) => r.type === 'MET_AT' && pair(r, 'Emmanuel Macron', 'Olaf Scholz'))).toBe(true);
    expect(rels.some((r) => r.type === 'MET_AT' && pair(r, 'Olaf Scholz', 'Donald Tusk'))).toBe(true);
  });
});
