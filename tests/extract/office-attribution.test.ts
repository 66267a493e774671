import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('"X\'s office said": the office speaks for its principal', () => {
  it('English: the statement is by the person whose office speaks', () => {
    const { rels } = run('President Alexander Stubb spoke by phone with Prime Minister Mark Carney on Monday. The two leaders agreed to deepen Arctic cooperation, Stubb\'s office said.', 'en', '2025-06-03');
    const s = rels.filter((r) => r.type === 'STATED');
    expect(s.map((r) => r.source)).toEqual(['Alexander Stubb']);
    expect(s[0].quote).toBe('The two leaders agreed to deepen Arctic cooperation');
  });
  it('German "nach Angaben seines Büros": the office speaks for the subject; "seines Sprechers" is nobody named', () => {
    const office = run('Kenias Präsident William Ruto telefonierte nach Angaben seines Büros mit Bundeskanzler Friedrich Merz.', 'de', '2025-04-02').rels;
    expect(office.filter((r) => r.type === 'STATED').map((r) => r.source)).toEqual(['William Ruto']);
    expect(office.some((r) => r.type === 'CALLED')).toBe(true);
    const spokesman = run('Kenias Präsident William Ruto telefonierte nach Angaben seines Sprechers mit Bundeskanzler Friedrich Merz.', 'de', '2025-04-02').rels;
    expect(spokesman.filter((r) => r.type === 'STATED')).toEqual([]);
  });
});

