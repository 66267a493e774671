// Extraction pipeline for one article: sentences → mentions → coreference and relation candidates →
// merged relations with evidence. Pure, synchronous and deterministic.
import type { Article, ExtractedArticle } from '../../src/domain/model.js';
import { assemble } from './assemble.js';
import { detectMentions } from './mentions.js';
import { prepareContext } from './prepare.js';
import { extractCandidates, type SentenceTrace } from './relations.js';
import type { ArticleContext, Candidate } from './types.js';
import { LEXICON_VERSION } from '../lexicon/lexicon.js';

export const EXTRACTOR_VERSION = `diplograph-extract/0.3.0+lex.${LEXICON_VERSION}`;

export interface ExtractionRun {
  ctx: ArticleContext;
  candidates: Candidate[];
  traces: SentenceTrace[];
  result: ExtractedArticle;
}

export function runExtraction(article: Article): ExtractionRun {
  const { ctx, liveblog } = prepareContext(article);
  detectMentions(ctx, article.title);
  const { candidates, traces } = extractCandidates(ctx, liveblog, article.title);
  const { entities, relations } = assemble(ctx, candidates);
  return { ctx, candidates, traces, result: { article, entities, relations, extractorVersion: EXTRACTOR_VERSION } };
}

export function extractArticle(article: Article): ExtractedArticle {
  return runExtraction(article).result;
}
