// One article given as data (API mutation): prepare, extract, store — the same stages as a file ingest.
import { DiplographError, ErrorCode } from '../../src/domain/errors.js';
import { isPartialDate } from '../../src/domain/date-range.js';
import type { ExtractedArticle } from '../../src/domain/model.js';
import type { GraphStore, WriteResult } from '../../src/store/graph-store.js';
import { extractArticle } from '../extract/extract-article.js';
import { isSupportedLanguage, SUPPORTED_LANGUAGES } from '../nlp/detect-language.js';
import { prepareArticle } from '../prepare-article.js';

export interface ArticleData {
  text: string;
  title?: string | null;
  url?: string | null;
  published?: string | null;
  lang?: string | null;
}

export async function ingestArticleData(store: GraphStore, data: ArticleData): Promise<{ extracted: ExtractedArticle; result: WriteResult }> {
  const text = data.text.replace(/\r\n?/g, '\n');
  if (!text.trim()) throw new DiplographError(ErrorCode.BAD_USER_INPUT, 'article text is empty');
  if (data.published != null && !isPartialDate(data.published)) {
    throw new DiplographError(ErrorCode.BAD_USER_INPUT, `published must be YYYY, YYYY-MM or YYYY-MM-DD, got '${data.published}'`);
  }
  const article = prepareArticle({
    title: data.title ?? null, text, url: data.url ?? null, published: data.published ?? null, lang: data.lang ?? null,
    externalId: null, tags: [], origin: 'api',
  });
  if (!isSupportedLanguage(article.lang)) {
    throw new DiplographError(ErrorCode.BAD_USER_INPUT, `language '${article.lang}' is not supported (supported: ${SUPPORTED_LANGUAGES.join(', ')})`);
  }
  const extracted = extractArticle(article);
  return { extracted, result: await store.writeArticle(extracted) };
}
