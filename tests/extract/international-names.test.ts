import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const persons = (text: string, lang: 'de' | 'en') => run(text, lang, '2025-01-01').x.entities.filter((e) => e.type === 'PERSON').map((e) => e.name).sort();

describe('persons outside the lexicon', () => {
  it('hyphenated given names', () => {
    expect(persons('When Jens-Frederik Nielsen flew to Copenhagen, he met the press.', 'en')).toEqual(['Jens-Frederik Nielsen']);
  });
  it('a given name that is also a month abbreviation', () => {
    expect(persons('Czech Foreign Minister Jan Lipavský spoke by phone with Wang Yi.', 'en')).toEqual(['Jan Lipavský', 'Wang Yi']);
  });
  it('a transliterated surname without a known given name', () => {
    expect(persons('Als Irakli Kobachidse nach Peking reiste, war die Lage anders.', 'de')).toEqual(['Irakli Kobachidse']);
  });
  it('a role with a complement before an apposition ("Der Sondergesandte für den Sudan, Massad Boulos, …")', () => {
    expect(persons('Der US-Sondergesandte für den Sudan, Massad Boulos, hat am Abend Faisal bin Farhan getroffen.', 'de')).toEqual(['Faisal bin Farhan', 'Massad Boulos']);
  });
  it('a name next to a speech verb ("said Ana Lucía Pérez", "Aaja Chemnitz said")', () => {
    expect(persons('"Migrants need protection," said Ana Lucía Pérez of Pop No\'j. Aaja Chemnitz said the plan was late.', 'en')).toEqual(['Aaja Chemnitz', 'Ana Lucía Pérez']);
  });
  it('a lexicon surname or city that is a given name before another name is a different person ("Gabriel Boric", "Sofía Martínez")', () => {
    expect(persons('By Sofía Martínez\n\nChile\'s President Gabriel Boric met Javier Milei.', 'en')).toEqual(['Gabriel Boric', 'Javier Milei', 'Sofía Martínez']);
  });
  it('an Arabic name particle between two names ("Asaad al-Shaibani")', () => {
    expect(persons('Hakan Fidan received Asaad al-Shaibani in Ankara.', 'en')).toEqual(['Asaad al-Shaibani', 'Hakan Fidan']);
  });
  it('a name coordinated with a person ("Ajit Doval und Asim Malik")', () => {
    expect(persons('Ajit Doval und Asim Malik hätten sich verständigt.', 'de')).toEqual(['Ajit Doval', 'Asim Malik']);
  });
  it('two particles between names ("Juan Ramón de la Fuente", "Dick van der Berg"), but not "von der" before a party', () => {
    expect(persons("President William Ruto hosted Mexico's foreign minister, Juan Ramón de la Fuente, in Nairobi.", 'en')).toEqual(['Juan Ramón de la Fuente', 'William Ruto']);
    expect(persons('Minister Dick van der Berg met Carlos del Toro in The Hague.', 'en')).toEqual(['Carlos del Toro', 'Dick van der Berg']);
    expect(persons('Der Abgeordnete Johann Wadephul von der Union traf Carlos del Toro.', 'de')).toEqual(['Carlos del Toro', 'Johann Wadephul']);
  });
  it('a role before a name with a middle initial is one person ("Secretary of State Antony J. Blinken"), who does not call himself', () => {
    const { x, rels } = run('Secretary of State Antony J. Blinken spoke today with External Affairs Minister Subrahmanyam Jaishankar.', 'en', '2024-06-20');
    expect(x.entities.filter((e) => e.type === 'PERSON')).toHaveLength(2);
    expect(rels.filter((r) => r.type === 'CALLED')).toHaveLength(1);
  });
});

