import { describe, expect, it } from 'vitest';
import { pair, run } from './helpers.js';

describe('a news conference with someone is an in-person meeting with them', () => {
  it('"speaking at a news conference with Y in Tunis, X said …"', () => {
    const { rels } = run('Prime Minister Giorgia Meloni, speaking at a news conference with President Kais Saied in Tunis, said Europe must do more to stop migrant boats.', 'en', '2023-06-06');
    const m = rels.find((r) => r.type === 'MET_AT');
    expect(m && pair(m, 'Giorgia Meloni', 'Kais Saied')).toBe(true);
    expect(m?.place).toBe('Tunis');
    expect(rels.some((r) => r.type === 'STATED' && r.source === 'Giorgia Meloni')).toBe(true);
  });
  it('"X sagte auf einer gemeinsamen Pressekonferenz mit Y": the speaker takes part in the occasion of the words', () => {
    const { rels } = run('Italiens Ministerpräsidentin Giorgia Meloni sagte auf einer gemeinsamen Pressekonferenz mit dem tunesischen Präsidenten Kais Saied in Tunis, Europa müsse mehr tun.', 'de', '2023-06-06');
    const m = rels.find((r) => r.type === 'MET_AT');
    expect(m && pair(m, 'Giorgia Meloni', 'Kais Saied')).toBe(true);
  });
  it('"X told a news conference" alone meets no one', () => {
    const { rels } = run('Prime Minister Giorgia Meloni told a news conference in Rome that Europe must do more.', 'en', '2023-06-06');
    expect(rels.filter((r) => r.type === 'MET_AT')).toEqual([]);
  });
});
