import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const persons = (text: string, lang: 'de' | 'en') => run(text, lang, '2025-01-01').x.entities.filter((e) => e.type === 'PERSON').map((e) => e.name).sort();

describe('capitalised sequences that are not persons', () => {
  it('a geographic name with a given name in it ("Second Thomas Shoal") is a place', () => {
    const { x } = run('Chinese vessels fired water cannon near Second Thomas Shoal on Monday.', 'en', '2025-08-05');
    expect(x.entities.filter((e) => e.type === 'PERSON')).toEqual([]);
    expect(x.entities.find((e) => e.name === 'Second Thomas Shoal')?.type).toBe('PLACE');
  });
  it('a demonym before a title ("host Honduran President X")', () => {
    expect(persons('Bernardo Arévalo is expected to host Honduran President Xiomara Castro next month.', 'en')).toEqual(['Bernardo Arévalo', 'Xiomara Castro']);
  });
  it('a contraction ("I\'m Andrew Sparrow")', () => {
    expect(persons('Good morning. I\'m Andrew Sparrow and I will be bringing you the news.', 'en')).toEqual(['Andrew Sparrow']);
  });
  it('a title of nobility is no part of the name ("Prince Faisal bin Farhan")', () => {
    expect(persons('Abbas Araqchi met his Saudi counterpart Prince Faisal bin Farhan in Riyadh.', 'en')).toEqual(['Abbas Araqchi', 'Faisal bin Farhan']);
  });
});
