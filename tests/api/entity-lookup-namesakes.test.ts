// Namesakes: a name or alias shared by several entities finds the most connected one, then the smallest id.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { entity, extracted } from '../fixtures/extracted-articles.js';

describe('entity lookup among namesakes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplograph-namesakes-'));
  const store = new SqliteStore(join(dir, 'graph.db'));
  const country = entity('Georgia', 'COUNTRY', ['Sakartwelo']);
  const state = entity('Georgia', 'PLACE', ['Sakartwelo']);
  // As connected as the state, with a smaller id, but 'Georgia' is only his alias: a name match comes first.
  const kemp = entity('Brian Kemp', 'PERSON', ['Georgia']);
  const kobachidse = entity('Irakli Kobachidse', 'PERSON');
  const text = 'Kemp sprach über Georgia. Kemp rief in Georgia an. Kobachidse sprach über Georgien.';
  beforeAll(async () => {
    await store.init();
    await store.writeArticle(
      extracted({
        title: 'Georgia',
        text,
        entities: [country, state, kemp, kobachidse],
        relations: [
          { type: 'STATED', source: kemp, target: state, quote: 'a', sentences: ['Kemp sprach über Georgia.'] },
          { type: 'CALLED', source: kemp, target: state, sentences: ['Kemp rief in Georgia an.'] },
          { type: 'STATED', source: kobachidse, target: country, quote: 'b', sentences: ['Kobachidse sprach über Georgien.'] },
        ],
      }),
    );
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prefers the namesake with more relations over the smaller id', async () => {
    expect(country.id < state.id).toBe(true);
    expect(kemp.id < state.id).toBe(true);
    expect((await store.findEntity('georgia'))?.id).toBe(state.id);
    expect((await store.findEntity('Sakartwelo'))?.id).toBe(state.id);
  });

  it('finds a single match directly and an id before any name', async () => {
    expect((await store.findEntity('Brian Kemp'))?.id).toBe(kemp.id);
    expect((await store.findEntity(country.id))?.id).toBe(country.id);
  });
});
