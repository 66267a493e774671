// Stage: sentences with tokens, quotation ranges and headline flags; article-level facts
// (publication date from the header when the metadata has none, live-blog layout).
import type { Article } from '../../src/domain/model.js';
import type { Lang } from '../lexicon/lexicon.js';
import { splitSentences } from '../nlp/sentences.js';
import { tokenize } from '../nlp/tokenize.js';
import { ALWAYS_RUN } from '../lexicon/triggers.js';
import { findHeaderDate } from './dates.js';
import { factsOf } from './word-facts.js';
import type { ArticleContext, Sentence } from './types.js';

/** Characters that open or close a quotation (a sentence without one has no quotes). */
const QUOTE_CHARS = '„“"»«';
const QUOTE_RE = /„[^“”"\n]*[“”"]|“[^”“\n]*”|"[^"\n]*"|»[^«\n]*«|«[^»\n]*»/gu;
const TIMESTAMP_LINE_RE = /^(?:\+\+\+\s*)?\d{1,2}[:.]\d{2}\s*(?:Uhr|BST|GMT|CET|CEST|MEZ|MESZ|ET|EST|EDT|a\.m\.|p\.m\.|am|pm)?\b/gmu;

export function prepareContext(article: Article): { ctx: ArticleContext; liveblog: boolean } {
  const lang: Lang = article.lang === 'de' ? 'de' : 'en';
  const text = article.text;
  const spans = splitSentences(text);
  const sentences: Sentence[] = new Array(spans.length);
  for (let k = 0; k < spans.length; k++) {
    const sp = spans[k];
    const st = sp.text;
    let headline = false;
    if (sp.lineStart) {
      const lineEnd = text.indexOf('\n', sp.start);
      const wholeLine = (lineEnd === -1 ? text.length : lineEnd) <= sp.end + 1;
      headline = wholeLine && !/[.!?:“”"»)]$/u.test(st) && st.length < 140;
    }
    if (!headline) headline = st.startsWith('+++') || (st.startsWith('#') && /^#+$/.test(st));
    const tokens = tokenize(text, sp.start, sp.end);
    const norms = new Array<string>(tokens.length);
    const starts = new Array<number>(tokens.length);
    const wflags = new Array<number>(tokens.length);
    let tmask = ALWAYS_RUN[lang];
    let dfeat = 0;
    let quoteChar = false;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      norms[i] = t.norm;
      starts[i] = 0;
      wflags[i] = 0;
      if (!t.word) {
        // every quotation mark is a token of its own
        if (!quoteChar && QUOTE_CHARS.includes(t.text)) quoteChar = true;
        continue;
      }
      const f = factsOf(lang, t);
      tmask |= f.mask;
      dfeat |= f.dates;
      starts[i] = f.starts;
      wflags[i] = f.names;
    }
    const quotes: [number, number][] = [];
    if (quoteChar) {
      QUOTE_RE.lastIndex = 0;
      for (let m = QUOTE_RE.exec(st); m; m = QUOTE_RE.exec(st)) quotes.push([sp.start + m.index, sp.start + m.index + m[0].length]);
    }
    sentences[k] = {
      index: sp.index,
      start: sp.start,
      end: sp.end,
      text: st,
      para: sp.para,
      line: sp.line,
      lineStart: sp.lineStart,
      tokens,
      norms,
      headline,
      quotes,
      tmask,
      tstarts: starts,
      wflags,
      dfeat,
    };
  }
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
