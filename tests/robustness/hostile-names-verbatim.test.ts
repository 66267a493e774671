// Names, aliases, quotes, titles, texts and tags full of quote marks, backticks, Cypher and SQL fragments are
// stored and returned verbatim on both stores — through the store API and through GraphQL (variables and inline
// string literals, and the ingestArticle mutation) — and none of them runs: the graph and the tables stay whole.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/api/server.js';
import type { ExtractedEntity } from '../../src/domain/model.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { entity, extracted, putin, trump } from '../fixtures/extracted-articles.js';
import { gql } from '../helpers/graphql-client.js';
import { closeAdmin, emptyDatabase, NEO4J_ENABLED, query, SKIP_LINE, testOptions } from '../store/neo4j-test-database.js';

if (!NEO4J_ENABLED) console.log(SKIP_LINE);

const HOSTILE = [
  `'); DROP TABLE entities;--`,
  `Robert"); DELETE FROM relations WHERE ("1"="1`,
  '`x`',
  '}) DETACH DELETE n //',
  `' OR '1'='1`,
  `x'}) MATCH (n) DETACH DELETE n WITH 1 AS x MERGE (:Pwned {by: 'cypher'}) //`,
  '$id {id: $id} `Entity` :Person',
  'O\'Brien "der Hammer" „Zitat“ «guillemets» ‚einfach‘',
  'Backslash \\ und \\" und \\u0041 und %s %n ${process.env.HOME}',
  '<script>alert("x")</script> &amp; <!-- -->',
  'Zoë Ñandú — 中文 العربية 🇩🇪‍👩‍👩‍👧',
];
const API_KEY = 'hostile-test-key';

const people: ExtractedEntity[] = HOSTILE.map((name, i) => entity(name, 'PERSON', [`${name} alias`, `alias ${i} ${HOSTILE[(i + 1) % HOSTILE.length]}`]));
const sentences = HOSTILE.map((name, i) => `${name} traf am ${i + 1}. Mai 2024 ${trump.name}; Zitat: ${HOSTILE[(i + 3) % HOSTILE.length]}.`);
const text = sentences.join(' ');
const title = `Titel: ${HOSTILE[0]} ${HOSTILE[3]}`;
const article = extracted({
  title,
  text,
  tags: HOSTILE.slice(0, 4),
  entities: [...people, trump, putin],
  relations: HOSTILE.map((_, i) => ({
    type: i % 2 ? ('STATED' as const) : ('MET_AT' as const),
    source: people[i],
    target: i % 2 ? putin : trump,
    date: `2024-05-${String(i + 1).padStart(2, '0')}`,
    quote: i % 2 ? HOSTILE[(i + 3) % HOSTILE.length] : null,
    sentences: [sentences[i]],
  })),
});

interface Harness {
  open(): Promise<GraphStore>;
  /** The store's own view that nothing ran: tables or labels besides the expected ones. */
  intact(): Promise<void>;
  dispose(): Promise<void>;
}

function sqliteHarness(): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'diplograph-hostile-'));
  const file = join(dir, 'graph.db');
  return {
    async open() {
      const s = new SqliteStore(file);
      await s.init();
      return s;
    },
    async intact() {
      const { default: Database } = await import('better-sqlite3');
      const db = new Database(file, { readonly: true });
      try {
        const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]).sort();
        expect(tables).toEqual(expect.arrayContaining(['articles', 'entities', 'entity_aliases', 'evidence', 'relations']));
      } finally {
        db.close();
      }
    },
    async dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function neo4jHarness(): Harness {
  return {
    async open() {
      await emptyDatabase();
      const s = new Neo4jStore(testOptions());
      await s.init();
      return s;
    },
    async intact() {
      const labels = (await query('MATCH (n) UNWIND labels(n) AS l RETURN DISTINCT l ORDER BY l')).records.map((r) => String(r.get('l')));
      expect(labels).not.toContain('Pwned');
      expect(labels).toEqual(expect.arrayContaining(['Article', 'Entity', 'Evidence', 'Person']));
    },
    async dispose() {
      await emptyDatabase();
      await closeAdmin();
    },
  };
}

const STORES: [string, () => Harness, boolean][] = [
  ['sqlite', sqliteHarness, true],
  ['neo4j', neo4jHarness, NEO4J_ENABLED],
];

describe.each(STORES)('hostile names and quotes on the %s store', (_name, makeHarness, enabled) => {
  let harness: Harness;
  let store: GraphStore;
  let server: RunningServer;

  beforeAll(async () => {
    if (!enabled) return;
    harness = makeHarness();
    store = await harness.open();
    const written = await store.writeArticle(article);
    expect(written).toMatchObject({ status: 'new', entitiesAdded: HOSTILE.length + 2, relationsAdded: HOSTILE.length, evidenceAdded: HOSTILE.length });
    server = await startServer({ store, port: 0, apiKey: API_KEY });
  });
  afterAll(async () => {
    if (!enabled) return;
    await server.close();
    await store.close();
    await harness.dispose();
  });

  it.skipIf(!enabled)('stores and returns every name, alias, quote, sentence, title, text and tag verbatim', async () => {
    for (const p of people) {
      const found = await store.findEntity(p.name);
      expect(found?.id, p.name).toBe(p.id);
      expect(found?.name).toBe(p.name);
      expect([...found!.aliases].sort()).toEqual([...p.aliases].sort());
      expect((await store.findEntity(p.aliases[0]))?.id, p.aliases[0]).toBe(p.id);
      const search = await store.searchEntities({ search: p.name, first: 100, offset: 0 });
      expect(search.items.map((e) => e.id)).toContain(p.id);
      const rels = await store.listRelations({ entityId: p.id, first: 10, offset: 0 });
      expect(rels.items).toHaveLength(1);
      const want = article.relations.find((r) => r.source === p.id)!;
      expect(rels.items[0].quote).toBe(want.quote);
      expect(rels.items[0].evidence.map((e) => e.sentence)).toEqual([want.mentions[0].sentence]);
    }
    const stored = await store.getArticle(article.article.id);
    expect(stored).toMatchObject({ title, text, tags: HOSTILE.slice(0, 4) });
    expect(await store.counts()).toEqual({ articles: 1, entities: HOSTILE.length + 2, relations: HOSTILE.length, evidence: HOSTILE.length });
    await harness.intact();
    const check = await store.checkIntegrity();
    expect(check.evidenceOffsetMismatch).toEqual([]);
  });

  it.skipIf(!enabled)('returns them verbatim through GraphQL, as variables and as inline string literals', async () => {
    const fields = 'name aliases relations { edges { node { quote evidence { sentence article { title } } } } }';
    for (const p of people) {
      const byVariable = await gql<{ entity: { name: string; aliases: string[] } }>(server.url, `query ($n: String!) { entity(name: $n) { ${fields} } }`, { n: p.name });
      expect(byVariable.body.errors, p.name).toBeUndefined();
      expect(byVariable.body.data?.entity.name).toBe(p.name);
      expect([...byVariable.body.data!.entity.aliases].sort()).toEqual([...p.aliases].sort());
      // JSON string syntax is GraphQL string syntax for these characters: the literal goes through the parser.
      const inline = await gql<{ entity: { name: string } }>(server.url, `{ entity(name: ${JSON.stringify(p.name)}) { ${fields} } }`);
      expect(inline.body.errors, p.name).toBeUndefined();
      expect(inline.body.data).toEqual(byVariable.body.data);
      const rel = (byVariable.body.data as unknown as { entity: { relations: { edges: { node: { quote: string | null; evidence: { sentence: string; article: { title: string } }[] } }[] } } })
        .entity.relations.edges[0].node;
      const want = article.relations.find((r) => r.source === p.id)!;
      expect(rel.quote).toBe(want.quote);
      expect(rel.evidence).toEqual([{ sentence: want.mentions[0].sentence, article: { title } }]);
    }
    const a = await gql<{ article: { title: string; text: string; tags: string[] } }>(server.url, `query ($id: ID!) { article(id: $id) { title text tags } }`, {
      id: article.article.id,
    });
    expect(a.body.data?.article).toEqual({ title, text, tags: HOSTILE.slice(0, 4) });
    const search = await gql<{ entities: { edges: { node: { name: string } }[] } }>(server.url, `query ($s: String) { entities(search: $s, first: 50) { edges { node { name } } } }`, {
      s: HOSTILE[5],
    });
    expect(search.body.data?.entities.edges.map((e) => e.node.name)).toContain(HOSTILE[5]);
  });

  it.skipIf(!enabled)('stores a hostile article given to ingestArticle verbatim, and nothing of it runs', async () => {
    const hostileText = `${HOSTILE.join('\n')}\nOlaf Scholz traf am 3. Mai 2024 in Berlin mit Emmanuel Macron zusammen.`;
    const hostileTitle = HOSTILE.join(' | ');
    const res = await gql<{ ingestArticle: { status: string; article: { id: string; title: string; text: string } } }>(
      server.url,
      `mutation ($input: ArticleInput!) { ingestArticle(input: $input) { status article { id title text } } }`,
      { input: { text: hostileText, title: hostileTitle, lang: 'de' } },
      { authorization: `Bearer ${API_KEY}` },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.ingestArticle).toMatchObject({ status: 'new', article: { title: hostileTitle, text: hostileText } });
    const back = await store.getArticle(res.body.data!.ingestArticle.article.id);
    expect(back).toMatchObject({ title: hostileTitle, text: hostileText });
    expect((await store.counts()).articles).toBe(2);
    await harness.intact();
  });
});
