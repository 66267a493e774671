import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const meetings = (text: string, lang: 'de' | 'en') => run(text, lang, '2025-03-01').rels.filter((r) => r.type === 'MET_AT' && (r.status === 'occurred' || r.status === 'planned'));

describe('a visit "without meeting" anyone is no meeting', () => {
  it('English', () => {
    expect(meetings('Vice President JD Vance visited the base at Pituffik without meeting Prime Minister Jens-Frederik Nielsen.', 'en')).toEqual([]);
  });
  it('German', () => {
    expect(meetings('Vizepräsident JD Vance besuchte den Stützpunkt, ohne Regierungschef Jens-Frederik Nielsen zu treffen.', 'de')).toEqual([]);
  });
});
