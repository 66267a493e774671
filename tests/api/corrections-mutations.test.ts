// Corrections over HTTP need the API key: delete an article, merge and split entities.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/api/server.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { ALL_FIXTURES, reactions } from '../fixtures/extracted-articles.js';
import { gql } from '../helpers/graphql-client.js';

const KEY = 'test-key-123';
const auth = { authorization: `Bearer ${KEY}` };

describe('corrections (mutations with an API key)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplograph-mut-'));
  const store = new SqliteStore(join(dir, 'graph.db'));
  let running: RunningServer;
  beforeAll(async () => {
    await store.init();
    await store.writeArticles(ALL_FIXTURES);
    running = await startServer({ store, port: 0, apiKey: KEY });
  });
  afterAll(async () => {
    await running.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a wrong key', async () => {
    const { body } = await gql(running.url, `mutation { deleteArticle(id: "x") { articleId } }`, undefined, { authorization: 'Bearer nope' });
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('merges two entities and splits them again', async () => {
    const merged = await gql<{ mergeEntities: { id: string; kept: { name: string; aliases: string[] }; mergedName: string } }>(
      running.url,
      `mutation { mergeEntities(keep: "Putin", merge: "Riabkow") { id kept { name aliases } mergedName } }`,
      undefined,
      auth,
    );
    expect(merged.body.errors).toBeUndefined();
    const m = merged.body.data!.mergeEntities;
    expect(m.mergedName).toBe('Sergej Riabkow');
    expect(m.kept.aliases).toContain('Rjabkow');
    const lookup = await gql<{ entity: { name: string } }>(running.url, `{ entity(name: "Rjabkow") { name } }`);
    expect(lookup.body.data!.entity.name).toBe('Wladimir Putin');
    const split = await gql<{ splitEntity: { undoneAt: string | null } }>(running.url, `mutation($id: ID!) { splitEntity(mergeId: $id) { undoneAt } }`, { id: m.id }, auth);
    expect(split.body.data!.splitEntity.undoneAt).not.toBeNull();
    const again = await gql<{ entity: { name: string } }>(running.url, `{ entity(name: "Rjabkow") { name } }`);
    expect(again.body.data!.entity.name).toBe('Sergej Riabkow');
  });

  it('deletes an article and what only it supported', async () => {
    const { body } = await gql<{ deleteArticle: { relationsRemoved: number; evidenceRemoved: number } }>(
      running.url,
      `mutation($id: ID!) { deleteArticle(id: $id) { relationsRemoved evidenceRemoved } }`,
      { id: reactions.article.id },
      auth,
    );
    expect(body.data!.deleteArticle).toEqual({ relationsRemoved: 3, evidenceRemoved: 4 });
    expect((await store.counts()).articles).toBe(2);
  });
});
