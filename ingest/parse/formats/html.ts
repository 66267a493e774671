// HTML pages: the title from <title> (or the first <h1>), the text of the main content element, with page
// furniture (scripts, navigation, headers, footers, asides, forms) dropped and blocks kept as paragraphs.
import { DomUtils, parseDocument } from 'htmlparser2';
import { InputError } from '../../../src/domain/errors.js';
import { normalizePublished } from '../published-date.js';
import type { FormatResult } from '../types.js';

type DomDocument = ReturnType<typeof parseDocument>;
type DomNode = DomDocument['children'][number];
type DomElement = ReturnType<typeof DomUtils.findAll>[number];

/** Elements whose content is never article text. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'nav', 'header', 'footer', 'aside', 'form', 'template', 'svg', 'iframe',
  'button', 'select', 'textarea', 'canvas', 'object', 'head', 'title',
]);
/** Elements that end a paragraph. */
const BLOCKS = new Set([
  'address', 'article', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tr', 'ul', 'center', 'body',
]);
const CELLS = new Set(['td', 'th']);
/** `<meta>` names/properties that carry the publication date, most specific first. */
const PUBLISHED_META = [
  'article:published_time', 'datepublished', 'og:published_time', 'pubdate', 'publishdate', 'publish-date',
  'dc.date.issued', 'dcterms.issued', 'dc.date', 'date', 'parsely-pub-date', 'sailthru.date',
];
/** htmlparser2 slows down quadratically with nesting depth; real pages stay far below this. */
export const MAX_HTML_NESTING = 1000;
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements a following sibling closes implicitly (`<p>a<p>b`): they do not deepen the tree. */
const IMPLICITLY_CLOSED = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'rb', 'rt', 'rp']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const PARAGRAPH = '\u0000P';
const LINE = '\u0000L';

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();
const lowerAttr = (el: DomElement, name: string): string => (DomUtils.getAttributeValue(el, name) ?? '').trim().toLowerCase();

function hasSkippedAncestor(el: DomElement): boolean {
  for (let p = el.parent; p; p = p.parent) if (DomUtils.isTag(p) && SKIPPED.has(p.name)) return true;
  return false;
}

/** The element holding the article: the largest <article>, else <main>, else <body>. */
function contentRoot(doc: DomDocument): DomNode[] {
  const find = (name: string): DomElement[] => DomUtils.findAll((el) => el.name === name && !hasSkippedAncestor(el), doc.children);
  const articles = find('article');
  if (articles.length > 0) {
    return [articles.reduce((best, el) => (DomUtils.textContent(el).length > DomUtils.textContent(best).length ? el : best))];
  }
  const main = find('main')[0] ?? find('body')[0];
  return main ? [main] : doc.children;
}

function renderText(nodes: DomNode[], skip: DomElement | null): string {
  const parts: string[] = [];
  const walk = (node: DomNode, pre: boolean): void => {
    if (DomUtils.isText(node)) {
      parts.push(pre ? node.data : node.data.replace(/[ \t\n\r\f]+/g, ' '));
      return;
    }
    if (!DomUtils.isTag(node) || SKIPPED.has(node.name) || node === skip) return;
    if (node.name === 'br') {
      parts.push(LINE);
      return;
    }
    const block = BLOCKS.has(node.name);
    if (block) parts.push(PARAGRAPH);
    for (const child of node.children) walk(child, pre || node.name === 'pre');
    if (block) parts.push(PARAGRAPH);
    else if (CELLS.has(node.name)) parts.push(' ');
  };
  for (const n of nodes) walk(n, false);
  return parts
    .join('')
    .replace(/[ \t]*(?:\u0000[PL][ \t]*)+/g, (m) => (m.includes(PARAGRAPH) ? '\n\n' : '\n'))
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function metaContent(doc: DomDocument, keys: readonly string[]): string | null {
  const metas = DomUtils.findAll((el) => el.name === 'meta', doc.children);
  for (const key of keys) {
    const el = metas.find((m) => [lowerAttr(m, 'property'), lowerAttr(m, 'name'), lowerAttr(m, 'itemprop')].includes(key));
    const content = el && DomUtils.getAttributeValue(el, 'content');
    if (content) return content;
  }
  return null;
}

/** `datePublished` from JSON-LD blocks, which many news sites carry instead of meta tags. */
function jsonLdPublished(doc: DomDocument): string | null {
  const scripts = DomUtils.findAll((el) => el.name === 'script' && lowerAttr(el, 'type') === 'application/ld+json', doc.children);
  const search = (v: unknown): string | null => {
    if (Array.isArray(v)) return v.map(search).find((x) => x !== null) ?? null;
    if (typeof v !== 'object' || v === null) return null;
    const record = v as Record<string, unknown>;
    if (typeof record.datePublished === 'string') return record.datePublished;
    return search(record['@graph'] ?? null);
  };
  for (const s of scripts) {
    try {
      const found = search(JSON.parse(DomUtils.textContent(s)));
      if (found) return found;
    } catch {
      // Broken JSON-LD is common and harmless: fall through to the other date sources.
    }
  }
  return null;
}

function publishedDate(doc: DomDocument, root: DomNode[]): string | null {
  const timeIn = (nodes: DomNode[]): string | null => {
    const el = DomUtils.findOne((e) => e.name === 'time' && !!DomUtils.getAttributeValue(e, 'datetime'), nodes);
    return el ? (DomUtils.getAttributeValue(el, 'datetime') ?? null) : null;
  };
  const candidates = [metaContent(doc, PUBLISHED_META), jsonLdPublished(doc), timeIn(root), timeIn(doc.children)];
  for (const c of candidates) {
    const date = c ? normalizePublished(c) : null;
    if (date) return date;
  }
  return null;
}

function canonicalUrl(doc: DomDocument): string | null {
  const link = DomUtils.findOne((el) => el.name === 'link' && lowerAttr(el, 'rel').split(/\s+/).includes('canonical'), doc.children);
  const url = (link && DomUtils.getAttributeValue(link, 'href')) || metaContent(doc, ['og:url']);
  return url && /^https?:\/\//i.test(url.trim()) ? url.trim() : null;
}

/** Deepest element nesting, from a linear scan of the tags (no parse): lets absurd nesting be refused up front. */
export function htmlNestingDepth(html: string): number {
  const lower = html.toLowerCase();
  // `[^<>]*` keeps each attempt short, so text full of stray `<` cannot make the scan quadratic.
  const tag = /<!--|<(\/?)([a-z][\w:-]*)[^<>]*?(\/?)>/g;
  let depth = 0;
  let max = 0;
  for (let m = tag.exec(lower); m; m = tag.exec(lower)) {
    if (m[0] === '<!--') {
      const end = lower.indexOf('-->', tag.lastIndex);
      if (end === -1) break;
      tag.lastIndex = end + 3;
      continue;
    }
    const name = m[2];
    if (VOID_ELEMENTS.has(name) || IMPLICITLY_CLOSED.has(name) || m[3]) continue;
    if (m[1]) {
      depth = Math.max(0, depth - 1);
    } else if (RAW_TEXT.has(name)) {
      // Skip the raw text and its end tag: `<div>` inside a script is not markup.
      const end = lower.indexOf(`</${name}`, tag.lastIndex);
      const close = end === -1 ? -1 : lower.indexOf('>', end);
      if (close === -1) break;
      tag.lastIndex = close + 1;
    } else {
      max = Math.max(max, ++depth);
    }
  }
  return max;
}

export function parseHtml(text: string, file: string): FormatResult {
  const depth = htmlNestingDepth(text);
  if (depth > MAX_HTML_NESTING) {
    return { articles: [], errors: [new InputError(file, `HTML nested ${depth.toLocaleString('en-US')} elements deep, over the limit of ${MAX_HTML_NESTING}`, null)] };
  }
  const doc = parseDocument(text, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const root = contentRoot(doc);
  const titleEl = DomUtils.findOne((el) => el.name === 'title', doc.children);
  const h1 = DomUtils.findOne((el) => el.name === 'h1' && !hasSkippedAncestor(el), root);
  const title = (titleEl && collapse(DomUtils.textContent(titleEl))) || (h1 && collapse(DomUtils.textContent(h1))) || null;
  // The headline is the title, not the first paragraph of the body.
  const skip = h1 && title !== null && collapse(DomUtils.textContent(h1)) === title ? h1 : null;
  const body = renderText(root, skip);
  if (!body) return { articles: [], errors: [new InputError(file, 'no article text found in the HTML', null)] };
  const htmlEl = DomUtils.findOne((el) => el.name === 'html', doc.children);
  const lang = htmlEl ? lowerAttr(htmlEl, 'lang').split(/[-_]/)[0] : '';
  const article = {
    title,
    text: body,
    url: canonicalUrl(doc),
    published: publishedDate(doc, root),
    lang: lang || null,
    externalId: null,
    tags: [],
    origin: file,
  };
  return { articles: [{ article, line: null }], errors: [] };
}
