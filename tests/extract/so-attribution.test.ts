import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('German ", so X." closes a statement by X', () => {
  it('the speaker is X, the claim the clause before', () => {
    const { rels } = run('Armeniens Regierungschef Nikol Paschinjan traf Präsident Ilham Alijew. Man habe „Jahrzehnte des Blutvergießens“ beendet, so Paschinjan.', 'de', '2025-08-09');
    const s = rels.find((r) => r.type === 'STATED');
    expect(s?.source).toBe('Nikol Paschinjan');
    expect(s?.quote).toContain('Jahrzehnte des Blutvergießens');
  });
});
