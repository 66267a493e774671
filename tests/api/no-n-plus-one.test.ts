// Nested fields batch their store calls: one entity lookup and one article lookup for a whole page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/api/server.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { ALL_FIXTURES } from '../fixtures/extracted-articles.js';
import { gql } from '../helpers/graphql-client.js';

/** A store whose every method call is counted by name. */
function counting(store: GraphStore): { store: GraphStore; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(prop), (calls.get(String(prop)) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

describe('no N+1 store calls', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplograph-n1-'));
  let running: RunningServer;
  let sqlite: SqliteStore;
  let calls: Map<string, number>;
  beforeAll(async () => {
    sqlite = new SqliteStore(join(dir, 'graph.db'));
    await sqlite.init();
    await sqlite.writeArticles(ALL_FIXTURES);
    const counted = counting(sqlite);
    calls = counted.calls;
    running = await startServer({ store: counted.store, port: 0 });
  });
  afterAll(async () => {
    await running.close();
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads sources, targets, places and evidence articles of a page in one call each', async () => {
    calls.clear();
    const { body } = await gql<{ relations: { edges: unknown[] } }>(
      running.url,
      `{ relations(first: 20) { edges { node { source { name } target { name } place { name } evidence { article { title } } } } } }`,
    );
    expect(body.data!.relations.edges).toHaveLength(9);
    expect(Object.fromEntries(calls)).toEqual({ listRelations: 1, getEntities: 1, getArticles: 1 });
  });

  it('batches the nodes of all paths', async () => {
    calls.clear();
    const { body } = await gql<{ paths: unknown[] }>(running.url, `{ paths(from: "Baerbock", to: "Trump", maxHops: 3) { nodes { name } edges { source { name } } } }`);
    expect(body.data!.paths.length).toBeGreaterThan(1);
    expect(calls.get('getEntities')).toBe(1);
  });
});
