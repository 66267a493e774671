import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('the subject stands before an apposition', () => {
  it('English: "X, the sister of Y, dismissed …" is said by X', () => {
    const { rels } = run('Kim Yo-jong, the powerful sister of the leader Kim Jong-un, dismissed the offer as "a pipe dream".', 'en', null);
    expect(rels.find((r) => r.type === 'STATED')?.source).toBe('Kim Yo-jong');
  });
  it('English: "X\'s spokesman, Y, said …" is said by Y', () => {
    const { rels } = run('Milei\'s spokesman, Manuel Adorni, said the president had raised the issue of gas exports.', 'en', '2025-06-26');
    expect(rels.find((r) => r.type === 'STATED')?.source).toBe('Manuel Adorni');
  });
  it('English: "X, a spokesperson for …, said CLAIM" is said by X', () => {
    const { rels } = run('Randhir Jaiswal, a spokesperson for India\'s external affairs ministry, said no date had been set for the next round.', 'en', '2025-07-31');
    expect(rels.find((r) => r.type === 'STATED')?.source).toBe('Randhir Jaiswal');
  });
});
