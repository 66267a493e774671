// Stage: sentences with tokens, quotation ranges and headline flags; article-level facts
// (publication date from the header when the metadata has none, live-blog layout).
import type { Article } from '../../src/domain/model.js';
import type { Lang } from '../lexicon/lexicon.js';
import { splitSentences } from '../nlp/sentences.js';
import { tokenize } from '../nlp/tokenize.js';
import { findHeaderDate } from './dates.js';
import type { ArticleContext, Sentence } from './types.js';

const QUOTE_RE = /„[^“”"\n]*[“”"]|“[^”“\n]*”|"[^"\n]*"|»[^«\n]*«|«[^»\n]*»/gu;
const TIMESTAMP_LINE_RE = /^(?:\+\+\+\s*)?\d{1,2}[:.]\d{2}\s*(?:Uhr|BST|GMT|CET|CEST|MEZ|MESZ|ET|EST|EDT|a\.m\.|p\.m\.|am|pm)?\b/gmu;

export function prepareContext(article: Article): { ctx: ArticleContext; liveblog: boolean } {
  const lang: Lang = article.lang === 'de' ? 'de' : 'en';
  const text = article.text;
  const spans = splitSentences(text);
  const sentences: Sentence[] = spans.map((sp) => {
    const quotes: [number, number][] = [];
    QUOTE_RE.lastIndex = 0;
    for (let m = QUOTE_RE.exec(sp.text); m; m = QUOTE_RE.exec(sp.text)) quotes.push([sp.start + m.index, sp.start + m.index + m[0].length]);
    const lineEnd = text.indexOf('\n', sp.start);
    const wholeLine = sp.lineStart && (lineEnd === -1 ? text.length : lineEnd) <= sp.end + 1;
    const headline =
      (wholeLine && !/[.!?:“”"»)]$/u.test(sp.text) && sp.text.length < 140) || /^\+\+\+/.test(sp.text) || /^#+$/.test(sp.text);
    return { ...sp, tokens: tokenize(text, sp.start, sp.end), headline, quotes };
  });
  TIMESTAMP_LINE_RE.lastIndex = 0;
  const liveblog = (text.match(TIMESTAMP_LINE_RE) ?? []).length >= 2;
  const published = normalizePublished(article.published) ?? findHeaderDate(lang, text);
  return { ctx: { text, lang, published, sentences, mentions: [], entities: new Map() }, liveblog };
}

function normalizePublished(p: string | null): string | null {
  if (!p) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(p);
  if (!m) return null;
  return [m[1], m[2], m[3]].filter(Boolean).join('-');
}
