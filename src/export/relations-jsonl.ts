// JSON Lines of relations for pandas (`pd.read_json(path, lines=True)`): one relation per line with flat
// columns (ends and place by id and name, the main evidence), and every piece of evidence in `evidence`.
import { attributeRecord, EDGE_ATTRIBUTES } from './attributes.js';
import { EXPORT_PAGE_SIZE, type ExportEdge, type GraphSource } from './graph-source.js';
import { inGroups } from './json-stream.js';

export async function* writeRelationsJsonl(source: GraphSource): AsyncGenerator<string> {
  for await (const group of inGroups<ExportEdge>(source.edges(), EXPORT_PAGE_SIZE)) {
    const articles = await source.articles(group.flatMap((e) => e.relation.evidence.map((x) => x.articleId)));
    const lines = group.map(({ relation, source: from, target, place }) => {
      const main = relation.evidence[0];
      const mainArticle = main ? articles.get(main.articleId) : undefined;
      const row = {
        id: relation.id,
        ...attributeRecord(EDGE_ATTRIBUTES, { relation, source: from, target, place }),
        sourceId: from.id,
        sourceName: from.name,
        sourceType: from.type,
        targetId: target?.id ?? null,
        targetName: target?.name ?? null,
        targetType: target?.type ?? null,
        articleTitle: mainArticle?.title ?? null,
        published: mainArticle?.published ?? null,
        evidence: relation.evidence.map((x) => {
          const article = articles.get(x.articleId);
          return {
            articleId: x.articleId, articleTitle: article?.title ?? null, articleUrl: article?.url ?? null, published: article?.published ?? null,
            sentence: x.sentence, start: x.start, end: x.end, extractorVersion: x.extractorVersion,
          };
        }),
      };
      return `${JSON.stringify(row)}\n`;
    });
    yield lines.join('');
  }
}
