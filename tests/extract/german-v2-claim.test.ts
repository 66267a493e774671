import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('German "X sagte, …": the claim follows the verb', () => {
  it('the claim is the reported clause, not the speaker', () => {
    const { rels } = run('Außenministerin Baiba Braže erklärte, Lettland werde seine Verteidigungsausgaben deutlich erhöhen.', 'de', '2025-03-13');
    const s = rels.find((r) => r.type === 'STATED');
    expect(s?.quote).toBe('Lettland werde seine Verteidigungsausgaben deutlich erhöhen');
    expect(s?.target).toBe('Lettland');
  });
  it('a verb-final subordinate clause keeps the claim before the verb', () => {
    const { rels } = run('Die Lage blieb angespannt, während Außenministerin Baiba Braže den Vorschlag begrüßte.', 'de', '2025-03-13');
    expect(rels.find((r) => r.type === 'STATED')?.quote).toBe('Außenministerin Baiba Braže den Vorschlag begrüßte');
  });
});
