import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const persons = (text: string, lang: 'de' | 'en') => run(text, lang, '2025-01-01').x.entities.filter((e) => e.type === 'PERSON').map((e) => e.name).sort();

describe('bylines name persons', () => {
  it('"By X and Y"', () => {
    expect(persons('By Jacopo Barigazzi and Nicholas Vinocur\n\nThe ministers met in Brussels.', 'en')).toEqual(['Jacopo Barigazzi', 'Nicholas Vinocur']);
  });
  it('"Reporting by X; Editing by Y"', () => {
    expect(persons('The ministers met in Brussels.\n\nReporting by Lisandra Paraguassu; Editing by Brad Haynes', 'en')).toEqual(['Brad Haynes', 'Lisandra Paraguassu']);
  });
  it('"Eine Analyse von X"', () => {
    expect(persons('Eine Analyse von Miriam Kessler\n\nDie Minister trafen sich in Brüssel.', 'de')).toEqual(['Miriam Kessler']);
  });
});
