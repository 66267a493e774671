import { describe, expect, it } from 'vitest';
import { officeHolder } from '../../ingest/resolve/roles.js';
import { pair, run } from './helpers.js';

describe('role resolution by date', () => {
  it('resolves an office to its holder on the date', () => {
    expect(officeHolder('president', 'US', '2018-07-16')?.names.en[0]).toBe('Donald Trump');
    expect(officeHolder('president', 'US', '2022-06-01')?.names.en[0]).toBe('Joe Biden');
    expect(officeHolder('head_of_government', 'DE', '2020-01-01')?.names.de[0]).toBe('Angela Merkel');
    expect(officeHolder('president', null, '2022-06-01')).toBeNull();
  });
  const TEXT = 'Der US-Präsident traf am Montag in Helsinki den Kremlchef.';
  it('"US-Präsident" in a 2018 article is Donald Trump', () => {
    const { rels } = run(TEXT, 'de', '2018-07-17');
    const m = rels.find((r) => r.type === 'MET_AT');
    expect(m && pair(m, 'Donald Trump', 'Wladimir Putin')).toBe(true);
    expect(m?.date).toBe('2018-07-16');
  });
  it('the same text in a 2022 article is Joe Biden', () => {
    const { rels } = run(TEXT, 'de', '2022-06-01');
    const m = rels.find((r) => r.type === 'MET_AT');
    expect(m && pair(m, 'Joe Biden', 'Wladimir Putin')).toBe(true);
  });
  it('a role noun refers back to the named person with that role', () => {
    const { rels, x } = run('Bundeskanzler Olaf Scholz reiste nach Paris. Der Kanzler sagte dort, Europa müsse handeln.', 'de', '2023-05-02');
    expect(rels.find((r) => r.type === 'STATED')?.source).toBe('Olaf Scholz');
    expect(x.entities.find((e) => e.name === 'Olaf Scholz')?.aliases).toContain('Der Kanzler');
  });
});
