import { describe, expect, it } from 'vitest';
import { pair, run } from './helpers.js';

describe('meetings phrased with modifiers', () => {
  it('"held separate talks" is a meeting of the two named', () => {
    const { rels } = run('The foreign ministers, Penny Wong and Winston Peters, held separate talks in Canberra on Wednesday.', 'en', '2025-01-09');
    const m = rels.find((r) => r.type === 'MET_AT');
    expect(m && pair(m, 'Penny Wong', 'Winston Peters')).toBe(true);
    expect(m?.date).toBe('2025-01-08');
  });
  it('"was greeted by Y at the airport" is a meeting', () => {
    const { rels } = run('President Javier Milei was greeted by Prime Minister Benjamin Netanyahu at Ben Gurion Airport on Tuesday.', 'en', '2025-06-06');
    const m = rels.find((r) => r.type === 'MET_AT');
    expect(m && pair(m, 'Javier Milei', 'Benjamin Netanyahu')).toBe(true);
    expect(m?.date).toBe('2025-06-03');
  });
  it('visiting a person is meeting them ("visited", "besuchte")', () => {
    const en = run('Chancellor Friedrich Merz visited President Volodymyr Zelensky in Kyiv.', 'en', '2025-06-06').rels;
    expect(en.some((r) => r.type === 'MET_AT' && pair(r, 'Friedrich Merz', 'Volodymyr Zelensky'))).toBe(true);
    const de = run('Bundeskanzler Friedrich Merz besuchte den ukrainischen Präsidenten Wolodymyr Selenskyj in Kiew.', 'de', '2025-06-06').rels;
    const m = de.find((r) => r.type === 'MET_AT' && pair(r, 'Friedrich Merz', 'Wolodymyr Selenskyj'));
    expect(m?.place).toBe('Kiew');
  });
  it('visiting a place alone meets no one', () => {
    const { rels } = run('Chancellor Friedrich Merz visited Kyiv on Tuesday.', 'en', '2025-06-06');
    expect(rels.filter((r) => r.type === 'MET_AT')).toEqual([]);
  });
  it('an emperor and a king are persons by their one name ("King Charles hosted … for Emperor Naruhito")', () => {
    const { rels } = run('King Charles hosted a state banquet for Emperor Naruhito at Buckingham Palace.', 'en', '2024-06-26');
    expect(rels.some((r) => r.type === 'MET_AT' && pair(r, 'Charles', 'Naruhito'))).toBe(true);
  });
});

