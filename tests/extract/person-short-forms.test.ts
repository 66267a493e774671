import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const persons = (x: { entities: { type: string; name: string; aliases: string[] }[] }) => x.entities.filter((e) => e.type === 'PERSON');

describe('short forms of persons not in the lexicon', () => {
  it('a family name written first ("Cho Hyun" → "Cho")', () => {
    const { rels } = run('Außenminister Cho Hyun traf am Dienstag in Tokio Ministerpräsident Shigeru Ishiba. Cho kündigte an, bald zurückzukehren.', 'de', '2025-06-17');
    expect(rels.find((r) => r.type === 'STATED')?.source).toBe('Cho Hyun');
  });
  it('a surname with a particle ("Asaad al-Shaibani" → "al-Shaibani", "Shaibani")', () => {
    const { rels } = run('Hakan Fidan received Asaad al-Shaibani in Ankara on Tuesday. Shaibani told reporters that Damascus would not accept any division.', 'en', '2025-01-28');
    expect(rels.find((r) => r.type === 'STATED')?.source).toBe('Asaad al-Shaibani');
  });
  it('a hyphenated surname ("Reem Alabali-Radovan" → "Alabali-Radovan")', () => {
    const { x } = run('Entwicklungsministerin Reem Alabali-Radovan reiste nach Nairobi. Alabali-Radovan traf dort Präsident William Ruto.', 'de', '2025-05-22');
    expect(persons(x).find((e) => e.name === 'Reem Alabali-Radovan')?.aliases).toContain('Alabali-Radovan');
  });
  it('a title with a surname first, the full name later, is one person', () => {
    const { x } = run('Staatsministerin Lührmann telefoniert mit Chile\n\nStaatsministerin Anna Lührmann hat heute mit Alberto van Klaveren telefoniert. Van Klaveren dankte Deutschland.', 'de', '2025-02-26');
    expect(persons(x).map((e) => e.name).sort()).toEqual(['Alberto van Klaveren', 'Anna Lührmann']);
  });
  it('a given name before a name is a new person, not the short form of another ("Kim Yo-jong" next to "Kim Jong-un")', () => {
    const { x } = run('Kim Yo-jong, the sister of Kim Jong-un, dismissed the offer as "a pipe dream."', 'en', null);
    expect(persons(x).map((e) => e.name).sort()).toEqual(['Kim Jong-un', 'Kim Yo-jong']);
  });
});
