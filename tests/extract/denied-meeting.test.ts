import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const occurredOrPlanned = (r: { type: string; status: string }) => r.type === 'MET_AT' && (r.status === 'occurred' || r.status === 'planned');

describe('denied and hypothetical meetings', () => {
  it('"ist nicht geplant" gives no meeting, but the statement is kept', () => {
    const { rels } = run('Ein Treffen zwischen Wladimir Putin und Wolodymyr Selenskyj ist nicht geplant, sagte Dmitri Peskow.', 'de', '2025-03-11');
    expect(rels.filter(occurredOrPlanned)).toEqual([]);
    expect(rels.find((r) => r.type === 'STATED')?.source).toBe('Dmitri Peskow');
  });
  it('"no plans … by phone" gives no call', () => {
    const { rels } = run('Dmitry Peskov said there were no plans for Vladimir Putin to speak with Donald Trump by phone.', 'en', '2025-04-11');
    expect(rels.filter((r) => r.type === 'CALLED' && r.status !== 'denied')).toEqual([]);
  });
  it('a conditional meeting is hypothetical', () => {
    const { rels } = run('Wenn Wladimir Putin und Xi Jinping sich treffen, sparen beide nicht mit großen Worten.', 'de', '2024-05-20');
    expect(rels.filter(occurredOrPlanned)).toEqual([]);
    expect(rels.some((r) => r.type === 'MET_AT' && r.status === 'hypothetical')).toBe(true);
  });
  it('"X zufolge gibt es keine Pläne für ein Treffen zwischen A und B": no meeting, and X is in none', () => {
    const { rels } = run('Kremlsprecher Dmitri Peskow zufolge gibt es bislang keine Pläne für ein Treffen zwischen Wladimir Putin und Donald Trump.', 'de', '2025-03-12');
    expect(rels.filter(occurredOrPlanned)).toEqual([]);
    expect(rels.filter((r) => r.type === 'MET_AT').every((r) => r.source !== 'Dmitri Peskow' && r.target !== 'Dmitri Peskow')).toBe(true);
    expect(rels.find((r) => r.type === 'STATED')?.source).toBe('Dmitri Peskow');
  });
  it('"Ein Telefonat zwischen A und B gab es bislang nicht" denies the call', () => {
    const { rels } = run('Ein Telefonat zwischen Narendra Modi und Xi Jinping gab es nach Angaben aus Peking bislang nicht.', 'de', '2025-09-01');
    expect(rels.filter((r) => r.type === 'CALLED' && r.status !== 'denied')).toEqual([]);
  });
  it('being open to talks is no meeting ("open to talks with", "offen für ein Treffen")', () => {
    const en = run('The Kremlin said on Wednesday that Vladimir Putin was open to talks with Volodymyr Zelenskiy.', 'en', '2025-02-20').rels;
    expect(en.filter(occurredOrPlanned)).toEqual([]);
    const de = run('Der Kreml erklärte, Wladimir Putin sei offen für ein Treffen mit Wolodymyr Selenskyj.', 'de', '2025-02-20').rels;
    expect(de.filter(occurredOrPlanned)).toEqual([]);
  });
});

