import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('German: an unknown capitalised name after "in" is a place, ordinary nouns are not', () => {
  it('"trafen sich in Tapachula" gives the meeting place', () => {
    const { rels, x } = run('Claudia Sheinbaum und Bernardo Arévalo trafen sich am Donnerstag in Tapachula.', 'de', '2025-04-10');
    expect(rels.find((r) => r.type === 'MET_AT')?.place).toBe('Tapachula');
    expect(x.entities.find((e) => e.name === 'Tapachula')?.type).toBe('PLACE');
  });
  it('"in Zukunft", "in Verhandlungen", "in Kraft" are no places', () => {
    const { x } = run('Das Abkommen soll in Zukunft in Kraft treten, sagte Sheinbaum in Verhandlungen.', 'de', '2025-04-10');
    expect(x.entities.filter((e) => e.type === 'PLACE')).toEqual([]);
  });
  it('"in der Grenzstadt X" names a town', () => {
    const { x } = run('Die Präsidenten trafen sich in der Grenzstadt Ciudad Hidalgo.', 'de', '2025-04-10');
    expect(x.entities.find((e) => e.name === 'Ciudad Hidalgo')?.type).toBe('PLACE');
  });
});
