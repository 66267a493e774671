import { describe, expect, it } from 'vitest';
import { pair, run } from './helpers.js';

describe('"spoke with both leaders": one call with each member, none between them', () => {
  it('pairs the subject with each member of the group only', () => {
    const { rels } = run('Prime Minister Kristen Michal and Prime Minister Petteri Orpo met in Tallinn on Tuesday. President Edgars Rinkēvičs, who did not attend, spoke with both leaders by phone on Monday.', 'en', '2025-02-11');
    const calls = rels.filter((r) => r.type === 'CALLED');
    expect(calls).toHaveLength(2);
    expect(calls.some((r) => pair(r, 'Edgars Rinkēvičs', 'Kristen Michal'))).toBe(true);
    expect(calls.some((r) => pair(r, 'Edgars Rinkēvičs', 'Petteri Orpo'))).toBe(true);
  });
});
