import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const stated = (text: string, lang: 'de' | 'en') => run(text, lang, '2025-05-06').rels.filter((r) => r.type === 'STATED');

describe('anonymous attributions give no statement, and never one by a person of the reported clause', () => {
  it('German: "…, sagte ein Sprecher des Außenministeriums."', () => {
    expect(stated('Ein Besuch von Außenminister Mauro Vieira sei nicht geplant, sagte ein Sprecher des Auswärtigen Amts.', 'de')).toEqual([]);
  });
  it('German: "…, wie das Außenministerium mitteilte."', () => {
    expect(stated('Vieira hatte zuvor mit Außenministerin Anna Lührmann telefoniert, wie das brasilianische Außenministerium mitteilte.', 'de')).toEqual([]);
  });
  it('English: "…, a senior EU official told reporters."', () => {
    expect(stated('A meeting between Prime Minister Robert Fico and Kaja Kallas is not planned, an EU official told reporters.', 'en')).toEqual([]);
  });
  it('English: "…, Brazil\'s foreign ministry said."', () => {
    expect(stated('Foreign Minister Mauro Vieira met his Colombian counterpart Laura Sarabia in Bogota on Tuesday, Brazil\'s foreign ministry said.', 'en')).toEqual([]);
  });
  it('English: "A diplomat, speaking on condition of anonymity, said …"', () => {
    expect(stated('A Saudi official, speaking on condition of anonymity, said a visit by President Masoud Pezeshkian was possible.', 'en')).toEqual([]);
  });
  it('an anonymous speaker is not continued by the next Konjunktiv sentence', () => {
    const r = run('Sikorski sagte, Polen sei bereit. Ein Sprecher des Ministeriums erklärte, man werde die Lage prüfen. Man sei in engem Kontakt.', 'de', '2025-05-06');
    expect(r.rels.filter((x) => x.type === 'STATED').map((x) => x.source)).toEqual(['Radosław Sikorski']);
  });
});
