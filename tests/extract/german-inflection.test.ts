import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('German inflection and compounds', () => {
  const { x } = run(
    'US-Präsident Joe Biden kritisierte Putins Krieg. Selenskyjs Berater und Scholz\' Sprecher äußerten sich. Die Ukraine-Hilfe der Nato-Partner wächst. Die Bundeswehrsoldaten bleiben.',
    'de',
    '2023-03-01',
  );
  const entity = (name: string) => x.entities.find((e) => e.name === name);
  it('maps inflected names to the canonical entity and keeps the forms as aliases', () => {
    expect(entity('Wladimir Putin')?.aliases).toContain('Putins');
    expect(entity('Wolodymyr Selenskyj')?.aliases).toContain('Selenskyjs');
    expect(entity('Olaf Scholz')?.aliases).toContain("Scholz'");
  });
  it('finds countries and organisations in hyphenated compounds', () => {
    expect(entity('USA')?.aliases).toContain('US');
    expect(entity('Nato')).toBeDefined();
    expect(entity('Ukraine')).toBeDefined();
  });
  it('does not turn capitalised common nouns or closed compounds into persons', () => {
    const persons = x.entities.filter((e) => e.type === 'PERSON').map((e) => e.name).sort();
    expect(persons).toEqual(['Joe Biden', 'Olaf Scholz', 'Wladimir Putin', 'Wolodymyr Selenskyj']);
    expect(entity('Bundeswehr')).toBeUndefined();
  });
  it('finds a person outside the lexicon by title and given name', () => {
    const r = run('Regierungssprecherin Johanna Beispielfrau sagte, die Gespräche gingen weiter.', 'de', '2023-03-01');
    expect(r.x.entities.find((e) => e.type === 'PERSON')?.name).toBe('Johanna Beispielfrau');
    expect(r.rels.find((e) => e.type === 'STATED')?.source).toBe('Johanna Beispielfrau');
  });
});
