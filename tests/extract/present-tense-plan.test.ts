import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('German present tense with a coming day is a plan', () => {
  it('"Am Freitag empfängt X Y" is planned for the coming Friday', () => {
    const { rels } = run('Am Freitag empfängt Präsident Karol Nawrocki Regierungschefin Inga Ruginienė im Präsidentenpalast.', 'de', '2025-11-27');
    const m = rels.find((r) => r.type === 'MET_AT');
    expect(m?.status).toBe('planned');
    expect(m?.date).toBe('2025-11-28');
  });
  it('"hat … empfangen" stays a past meeting', () => {
    const { rels } = run('Am Dienstag hat Präsident Karol Nawrocki Regierungschefin Inga Ruginienė empfangen.', 'de', '2025-11-27');
    expect(rels.find((r) => r.type === 'MET_AT')?.status).toBe('occurred');
  });
});
