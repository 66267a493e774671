// Stores for the export suites: the API fixtures plus an article whose names and quotes hold everything XML and
// CSV must escape, and a synthetic graph large enough to show that exports stream.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleId, entityId, relationId } from '../../../src/domain/ids.js';
import type { ExtractedArticle, ExtractedEntity, ExtractedRelation, RelationType } from '../../../src/domain/model.js';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import type { SelectionArgs } from '../../../src/export/graph-source.js';
import { selectGraph } from '../../../src/export/graph-source.js';
import { exportFormat, MAIN_PART } from '../../../src/export/formats.js';
import type { GraphStore } from '../../../src/store/graph-store.js';
import { ALL_FIXTURES, entity, extracted, putin } from '../../fixtures/extracted-articles.js';

/** Markup, quotes, a control character, a line break and the CSV array delimiter, all in one actor. */
export const hostile = entity('Botschafter <X> & "Y" \'Z\'\u0001', 'ORGANIZATION', ['a;b|c', 'O\'Brien\u0007 & Co'], 'Q99999');
export const HOSTILE_QUOTE = 'Wir <sagen> & "meinen" \u0008es ]]> so,\nzweite Zeile';
const hostileText = [
  'Botschafter <X> & "Y" \'Z\'\u0001 kritisierte Putin scharf.',
  `Er sagte: „${HOSTILE_QUOTE}“.`,
  'Er erklärte, alles sei „völlig offen“.',
].join(' ');

export const hostileArticle: ExtractedArticle = extracted({
  title: 'Sonderzeichen <&"\'>',
  text: hostileText,
  published: '2024-05-03',
  entities: [hostile, putin],
  relations: [
    { type: 'CRITICIZED', source: hostile, target: putin, date: '2024-05-03', sentences: ['Botschafter <X> & "Y" \'Z\'\u0001 kritisierte Putin scharf.'] },
    { type: 'STATED', source: hostile, target: putin, quote: HOSTILE_QUOTE, date: '2024', sentences: [`Er sagte: „${HOSTILE_QUOTE}“.`] },
    // A statement about no one: no graph edge, but a row in relations-jsonl and a self-loop in the CSV.
    { type: 'STATED', source: hostile, quote: 'völlig offen', sentences: ['Er erklärte, alles sei „völlig offen“.'] },
  ],
});

export interface TempStore {
  store: SqliteStore;
  dir: string;
  dbPath: string;
  close(): Promise<void>;
}

export async function tempStore(articles: readonly ExtractedArticle[], batch = 200): Promise<TempStore> {
  const dir = mkdtempSync(join(tmpdir(), 'diplograph-export-'));
  const dbPath = join(dir, 'graph.db');
  const store = new SqliteStore(dbPath);
  await store.init();
  for (let i = 0; i < articles.length; i += batch) await store.writeArticles(articles.slice(i, i + batch));
  return {
    store, dir, dbPath,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const EXPORT_FIXTURES = [...ALL_FIXTURES, hostileArticle];

/** One export file as a string. */
export async function exportText(store: GraphStore, format: string, args: SelectionArgs = {}, part = MAIN_PART): Promise<string> {
  const source = await selectGraph(store, args);
  let text = '';
  for await (const chunk of exportFormat(format).files[part].write({ source, store })) text += chunk;
  return text;
}

const SYNTHETIC_TYPES: RelationType[] = ['MET_AT', 'CALLED', 'STATED', 'PRAISED', 'CRITICIZED', 'NEGOTIATED'];

/** `articles` articles (from number `firstArticle` on) of `perArticle` distinct dated relations among `actors` people: deterministic, no extractor. */
export function syntheticArticles(articles: number, perArticle: number, actors: number, firstArticle = 0): ExtractedArticle[] {
  const people: ExtractedEntity[] = Array.from({ length: actors }, (_, i) => {
    const name = `Akteur ${String(i).padStart(5, '0')}`;
    return { id: entityId('PERSON', name, null), name, type: 'PERSON', aliases: [`A${i}`], wikidata: null };
  });
  const out: ExtractedArticle[] = [];
  for (let a = firstArticle; a < firstArticle + articles; a++) {
    const sentences: string[] = [];
    const relations: ExtractedRelation[] = [];
    const used = new Map<string, ExtractedEntity>();
    let offset = 0;
    for (let r = 0; r < perArticle; r++) {
      const n = a * perArticle + r;
      // Distinct ordered pairs for n < actors × (actors − 1), so every relation has its own id.
      const source = people[n % actors];
      const target = people[(n + 1 + Math.floor(n / actors)) % actors];
      const type = SYNTHETIC_TYPES[n % SYNTHETIC_TYPES.length];
      const date = `${2000 + (n % 25)}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
      const quote = type === 'STATED' ? `Aussage ${n}` : null;
      const sentence = `${source.name} und ${target.name}: Vorgang ${n} (${type}) am ${date}${quote ? ` „${quote}“` : ''}.`;
      const identity = { type, source: source.id, target: target.id, date, place: null, status: 'occurred' as const, quote };
      relations.push({
        id: relationId(identity), ...identity, confidence: 0.8, role: null, cameo: '040', plover: 'CONSULT', rule: 'synthetic',
        mentions: [{ sentence, start: offset, end: offset + sentence.length }],
      });
      sentences.push(sentence);
      offset += sentence.length + 1;
      used.set(source.id, source);
      used.set(target.id, target);
    }
    const text = sentences.join(' ');
    const title = `Synthetischer Artikel ${a}`;
    out.push({
      article: { id: articleId(title, text), title, text, url: null, published: '2025-01-01', lang: 'de', externalId: null, tags: [], origin: 'synthetic' },
      entities: [...used.values()],
      relations,
      extractorVersion: 'synthetic/1',
    });
  }
  return out;
}
