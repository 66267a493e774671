// Gives a parsed article its stable id and its language.
import { articleId } from '../src/domain/ids.js';
import type { Article, ArticleInput } from '../src/domain/model.js';
import { detectArticleLanguage } from './nlp/detect-language.js';

export function prepareArticle(input: ArticleInput): Article {
  const lang = input.lang ? input.lang.toLowerCase().slice(0, 2) : detectArticleLanguage(input.title, input.text);
  return { ...input, id: articleId(input.title, input.text), lang };
}
