import { describe, expect, it } from 'vitest';
import { pair, run } from './helpers.js';

describe('a gendered role noun refers to a person of that gender', () => {
  it('"die Regierungschefin" is the woman, not the male head of government named last', () => {
    const { rels } = run('Die litauische Regierungschefin Inga Ruginienė hat in Warschau Ministerpräsident Donald Tusk getroffen. Präsident Karol Nawrocki empfängt die Regierungschefin am Freitag.', 'de', '2025-11-27');
    const planned = rels.find((r) => r.type === 'MET_AT' && r.status === 'planned');
    expect(planned && pair(planned, 'Karol Nawrocki', 'Inga Ruginienė')).toBe(true);
  });
});
