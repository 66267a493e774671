import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('a trailing attribution names the speaker; the claim is the fronted clause', () => {
  it('named spokesperson in apposition; the quote is not the attribution\'s object; the statement has no date of the claim', () => {
    const { rels } = run('Czech Prime Minister Petr Fiala is expected to travel to Kyiv in March, a government spokeswoman, Lucie Ješátková, told the CTK news agency.', 'en', '2025-01-20');
    const s = rels.find((r) => r.type === 'STATED');
    expect(s?.source).toBe('Lucie Ješátková');
    expect(s?.quote).toBe('Czech Prime Minister Petr Fiala is expected to travel to Kyiv in March');
    expect(s?.date).toBeNull();
  });
  it('the speaker of a trailing attribution is no participant of the meeting', () => {
    const { rels } = run('President William Ruto hosted President Hassan Sheikh Mohamud in Nairobi. Ruto will travel to Mogadishu in February for talks with Mohamud, his spokesman Hussein Mohamed told reporters.', 'en', '2025-10-08');
    const planned = rels.filter((r) => r.type === 'MET_AT' && r.status === 'planned');
    expect(planned.map((r) => [r.source, r.target].sort())).toEqual([['Hassan Sheikh Mohamud', 'William Ruto']]);
  });
  it('the dateline is not part of the claim', () => {
    const { rels } = run('RIGA, June 2 (Reuters) - Latvia will close two more border crossings with Belarus, the Latvian government said.', 'en', '2025-06-02');
    expect(rels.filter((r) => r.type === 'STATED')).toEqual([]);
    const { rels: r2 } = run('RIGA, June 2 (Reuters) - Latvia will close two more border crossings with Belarus, NATO said.', 'en', '2025-06-02');
    expect(r2.find((r) => r.type === 'STATED')?.quote).toBe('Latvia will close two more border crossings with Belarus');
  });
  it('German plural ", teilten die Vereinten Nationen mit": the organisation speaks', () => {
    const { rels } = run('UN-Generalsekretär António Guterres wird am Freitag mit Präsident Wolodymyr Selenskyj in Genf zusammentreffen, teilten die Vereinten Nationen mit.', 'de', '2025-04-02');
    expect(rels.find((r) => r.type === 'STATED')?.source).toMatch(/^Vereinten? Nationen$/);
    expect(rels.find((r) => r.type === 'MET_AT')?.status).toBe('planned');
  });
});

