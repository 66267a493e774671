import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('German institution names outside the lexicon', () => {
  it('a capitalised adjective before an institution noun names an organisation that can speak', () => {
    const { rels, x } = run('Ein Treffen mit Vertretern Irans habe es nicht gegeben, betonte das Eidgenössische Departement für auswärtige Angelegenheiten.', 'de', '2025-02-19');
    expect(x.entities.find((e) => e.type === 'ORGANIZATION')?.name).toBe('Eidgenössische Departement für auswärtige Angelegenheiten');
    expect(rels.find((r) => r.type === 'STATED')?.source).toBe('Eidgenössische Departement für auswärtige Angelegenheiten');
  });
  it('a lower-case adjective is a description, not a name', () => {
    const { x } = run('Das russische Außenministerium äußerte sich nicht.', 'de', '2025-02-19');
    expect(x.entities.filter((e) => e.type === 'ORGANIZATION')).toEqual([]);
  });
});
