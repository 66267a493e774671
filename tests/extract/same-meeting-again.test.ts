import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('a later sentence about the same pair without a new date is the same meeting', () => {
  it('"At the outset, X welcomed Y" adds to the dated meeting; statements there take its date', () => {
    const { rels } = run('On October 21, Mr. Sugiono held a meeting with Senator Penny Wong in Jakarta.\n\nAt the outset, Minister Sugiono welcomed Minister Wong to Jakarta. Minister Wong stated that Australia regards Indonesia as a partner.', 'en', '2025-10-21');
    const met = rels.filter((r) => r.type === 'MET_AT');
    expect(met).toHaveLength(1);
    expect(met[0].date).toBe('2025-10-21');
    expect(met[0].mentions).toHaveLength(2);
    expect(rels.find((r) => r.type === 'STATED')?.date).toBe('2025-10-21');
  });
});
