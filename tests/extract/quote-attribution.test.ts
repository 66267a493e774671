import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('quote attribution', () => {
  it('„…“, sagte X: speaker after the verb, quote without marks', () => {
    const { rels } = run('„Wir stehen an der Seite Polens“, sagte Annalena Baerbock am Montag.', 'de', '2024-02-12');
    const s = rels.find((r) => r.type === 'STATED');
    expect(s?.source).toBe('Annalena Baerbock');
    expect(s?.quote).toBe('Wir stehen an der Seite Polens');
    expect(s?.target).toBe('Polen');
    expect(s?.date).toBe('2024-02-12');
  });
  it('a pronoun speaker resolves to the subject of the previous sentence', () => {
    const { rels } = run('Antony Blinken met Sergei Lavrov in Geneva. "The door is open," he told reporters.', 'en', '2023-01-10');
    expect(rels.find((r) => r.type === 'STATED')?.source).toBe('Antony Blinken');
  });
  it('a Konjunktiv continuation keeps the speaker', () => {
    const { rels } = run('Donald Tusk schrieb, Europa müsse handeln. Russland werde sonst weiter angreifen.', 'de', '2024-02-12');
    expect(rels.filter((r) => r.type === 'STATED').map((r) => r.source)).toEqual(['Donald Tusk', 'Donald Tusk']);
  });
  it('media that relay and anonymous sources are not speakers', () => {
    const { rels } = run('Ein Sprecher des Weißen Hauses sagte, man prüfe das Angebot. Laut Interfax sei das Treffen vorbei.', 'de', '2024-02-12');
    expect(rels.filter((r) => r.type === 'STATED')).toEqual([]);
  });
  it('an organisation can be the speaker', () => {
    const { rels } = run('The talks went well, the Kremlin said.', 'en', '2024-02-12');
    expect(rels.find((r) => r.type === 'STATED')?.source).toBe('Kremlin');
  });
  it('\'"…," X told reporters, adding that he expected to speak with Y\': the added clause has its own event', () => {
    const { rels } = run('"This is a historic opportunity," President Donald Trump told reporters at the White House, adding that he expected to speak with President Vladimir Putin later this week.', 'en', '2025-03-12');
    const c = rels.find((r) => r.type === 'CALLED');
    expect(c?.source === 'Donald Trump' && c.target === 'Vladimir Putin').toBe(true);
    expect(c?.status).toBe('planned');
  });
  it('"In a statement, NATO Secretary General X welcomed …": the person speaks, not the organisation of the role', () => {
    const { rels } = run("In a statement, NATO Secretary General Mark Rutte welcomed Kyiv's readiness to negotiate and urged Moscow to respond.", 'en', '2025-03-12');
    expect(rels.filter((r) => r.type === 'STATED').map((r) => r.source)).toEqual(['Mark Rutte']);
  });
});

