import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('"X\'s office said": the office speaks for its principal', () => {
  it('English: the statement is by the person whose office speaks', () => {
    const { rels } = run('President Alexander Stubb spoke by phone with Prime Minister Mark Carney on Monday. The two leaders agreed to deepen Arctic cooperation, Stubb\'s office said.', 'en', '2025-06-03');
    const s = rels.filter((r) => r.type === 'STATED');
    expect(s.map((r) => r.source)).toEqual(['Alexander Stubb']);
    expect(s[0].quote).toBe('The two leaders agreed to deepen Arctic cooperation');
  });
});
