import { describe, expect, it } from 'vitest';
import { pair, run } from './helpers.js';

describe('a where-clause event takes place, in person, at the place and on the day of the clause it continues', () => {
  it('German "Am Freitag wird X in Kairo erwartet, wo ein Gespräch mit Y geplant ist"', () => {
    const { rels } = run('Am Freitag wird Außenminister Johann Wadephul in Kairo erwartet, wo ein Gespräch mit Präsident Abdel Fattah al-Sisi geplant ist.', 'de', '2025-05-28');
    const m = rels.find((r) => pair(r, 'Johann Wadephul', 'Abdel Fattah al-Sisi'));
    expect(m?.type).toBe('MET_AT');
    expect(m?.status).toBe('planned');
    expect(m?.place).toBe('Kairo');
    expect(m?.date).toBe('2025-05-30');
  });
  it('English "X is expected in Cairo on Friday, where he will hold talks with Y"', () => {
    const { rels } = run('Foreign Minister Johann Wadephul is expected in Cairo on Friday, where he will hold talks with President Abdel Fattah al-Sisi.', 'en', '2025-05-28');
    const m = rels.find((r) => pair(r, 'Johann Wadephul', 'Abdel Fattah al-Sisi'));
    expect(m?.type).toBe('MET_AT');
    expect(m?.place).toBe('Cairo');
    expect(m?.date).toBe('2025-05-30');
  });
});
