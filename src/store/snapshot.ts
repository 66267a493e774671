// A store's content as a stream of articles, each with the entities it mentions and the relations it gives
// evidence for. The unit of export/import, backup/restore and migration between stores: writing a
// snapshot into any store is idempotent, because articles, entities and relations keep their ids.
import { sha256Hex } from '../domain/ids.js';
import type { ExtractedArticle, ExtractedRelation, RelationRecord } from '../domain/model.js';
import type { GraphStore, StoreCounts } from './graph-store.js';

/** Articles read per page while streaming a store. */
export const SNAPSHOT_PAGE = 100;
const RELATIONS_PAGE = 100;

function toExtractedRelation(r: RelationRecord, articleId: string): ExtractedRelation {
  return {
    id: r.id, type: r.type, source: r.sourceId, target: r.targetId, place: r.placeId, date: r.date, status: r.status, quote: r.quote,
    confidence: r.confidence, role: r.role, cameo: r.cameo, plover: r.plover, rule: null,
    mentions: r.evidence.filter((e) => e.articleId === articleId).map((e) => ({ sentence: e.sentence, start: e.start, end: e.end })),
  };
}

/** Streams every article of a store with what it contributed; memory stays bounded by one page. */
export async function* readSnapshot(store: GraphStore): AsyncGenerator<ExtractedArticle> {
  for (let offset = 0; ; offset += SNAPSHOT_PAGE) {
    const page = await store.listArticles({ first: SNAPSHOT_PAGE, offset });
    for (const article of page.items) {
      const relations: RelationRecord[] = [];
      for (let r = 0; ; r += RELATIONS_PAGE) {
        const rel = await store.listRelations({ articleId: article.id, first: RELATIONS_PAGE, offset: r });
        relations.push(...rel.items);
        if (!rel.hasNextPage) break;
      }
      const entities = await store.articleEntities(article.id);
      const version = relations.flatMap((r) => r.evidence).find((e) => e.articleId === article.id)?.extractorVersion ?? 'unknown';
      yield {
        article: { ...article, lang: article.lang },
        entities: entities.map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, wikidata: e.wikidata })),
        relations: relations.map((r) => toExtractedRelation(r, article.id)),
        extractorVersion: version,
      };
    }
    if (!page.hasNextPage) return;
  }
}

export interface CopyResult {
  articlesNew: number;
  articlesDuplicate: number;
  counts: StoreCounts;
}

/** Writes a snapshot stream into a store in batches; re-running it adds nothing. */
export async function writeSnapshot(target: GraphStore, articles: AsyncIterable<ExtractedArticle>, batchSize = 25): Promise<CopyResult> {
  let batch: ExtractedArticle[] = [];
  const result: CopyResult = { articlesNew: 0, articlesDuplicate: 0, counts: { articles: 0, entities: 0, relations: 0, evidence: 0 } };
  const flush = async () => {
    for (const r of await target.writeArticles(batch)) {
      if (r.status === 'new') result.articlesNew++;
      else result.articlesDuplicate++;
    }
    batch = [];
  };
  for await (const x of articles) {
    batch.push(x);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  result.counts = await target.counts();
  return result;
}

/** Order-independent checksum of a store's content (articles, entities, relations with evidence). */
export async function snapshotChecksum(store: GraphStore): Promise<string> {
  const lines: string[] = [];
  for await (const x of readSnapshot(store)) {
    lines.push(`A ${x.article.id} ${sha256Hex(x.article.text)}`);
    for (const e of x.entities) lines.push(`E ${x.article.id} ${e.id} ${e.type} ${e.name} ${[...e.aliases].sort().join('|')} ${e.wikidata ?? ''}`);
    for (const r of x.relations) {
      lines.push(`R ${x.article.id} ${r.id} ${r.type} ${r.source} ${r.target} ${r.place} ${r.date} ${r.status} ${r.quote} ${r.mentions.map((m) => `${m.start}-${m.end}`).join(',')}`);
    }
  }
  return sha256Hex(lines.sort().join('\n'));
}
