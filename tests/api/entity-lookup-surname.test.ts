// An actor can be looked up by surname even when articles only used the full name.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupEntity } from '../../src/queries/entity-lookup.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { entity, extracted } from '../fixtures/extracted-articles.js';

describe('entity lookup by surname', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplograph-lookup-'));
  const store = new SqliteStore(join(dir, 'graph.db'));
  const kaja = entity('Kaja Kallas', 'PERSON');
  const kallasTown = entity('Kallas', 'PLACE');
  const mark = entity('Mark Rutte', 'PERSON');
  beforeAll(async () => {
    await store.init();
    await store.writeArticle(
      extracted({
        title: 'Kallas und Rutte',
        text: 'Kaja Kallas traf Mark Rutte in Brüssel.',
        entities: [kaja, mark, kallasTown],
        relations: [{ type: 'MET_AT', source: kaja, target: mark, sentences: ['Kaja Kallas traf Mark Rutte in Brüssel.'] }],
      }),
    );
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prefers a stored name or alias, then a person whose surname matches', async () => {
    expect((await lookupEntity(store, 'Kallas'))?.id).toBe(kallasTown.id);
    expect((await lookupEntity(store, 'rutte'))?.id).toBe(mark.id);
    expect(await lookupEntity(store, 'Rut')).toBeNull();
    expect(await lookupEntity(store, 'Mark')).toBeNull();
  });
});
