// Markdown: rendered to readable prose first (evidence offsets point into what a reader sees, not into
// link URLs or emphasis marks), then split like plain text. YAML-style front matter may give metadata.
import { InputError } from '../../../src/domain/errors.js';
import { findHeaderDate, normalizePublished } from '../published-date.js';
import type { FormatResult } from '../types.js';
import { splitTitleAndBody } from './plain-text.js';

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;
const FENCE = /^\s{0,3}(```|~~~)/;
const ATX_HEADING = /^\s{0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const SETEXT_UNDERLINE = /^\s{0,3}(?:=+|-+)\s*$/;
const THEMATIC_BREAK = /^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$/;
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*\S+/;
const BLOCKQUOTE = /^(\s{0,3}>\s?)+/;
// Spans (link text, code, bold, strike-through) are capped in length: an unclosed `[` or `**` in a long
// line must not make the scan quadratic.
/** Backslash escapes are hidden in the Private Use Area while emphasis is removed, then restored. */
const ESCAPE_BASE = 0xe000;

type FrontMatter = Partial<Record<string, string>>;

function parseFrontMatter(text: string): { meta: FrontMatter; rest: string } {
  const m = FRONT_MATTER.exec(text);
  if (!m) return { meta: {}, rest: text };
  const meta: FrontMatter = {};
  for (const line of m[1].split('\n')) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (kv) meta[kv[1].toLowerCase()] = kv[2].replace(/^(["'])(.*)\1$/, '$2');
  }
  return { meta, rest: text.slice(m[0].length) };
}

/** Inline Markdown → plain text: links and images keep their text, emphasis and code marks go. */
function renderInline(line: string): string {
  return line
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|<])/g, (_, c: string) => String.fromCharCode(ESCAPE_BASE + c.charCodeAt(0)))
    .replace(/!\[([^\][]{0,1000})\]\([^()\s]{0,2000}(?:\s+(?:"[^"]*"|'[^']*'))?\)/g, '$1')
    .replace(/\[([^\][]{1,1000})\]\((?:[^()\s]|\([^()\s]*\)){0,2000}(?:\s+(?:"[^"]*"|'[^']*'))?\)/g, '$1')
    .replace(/\[([^\][]{1,1000})\]\[[^\][]{0,200}\]/g, '$1')
    .replace(/<((?:https?:\/\/|mailto:)[^>\s]+)>/g, '$1')
    .replace(/<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>/g, '')
    .replace(/(`+)([^`]|[^`][\s\S]{0,1000}?[^`])\1(?!`)/g, (_, _ticks: string, code: string) => code.trim())
    .replace(/\*\*(?=\S)((?:[^*]|\*(?!\*)){0,500}?\S)\*\*/g, '$1')
    .replace(/__(?=\S)((?:[^_]|_(?!_)){0,500}?\S)__/g, '$1')
    .replace(/(?<![\p{L}\p{N}*])\*(?=\S)([^*]*?\S)\*(?![\p{L}\p{N}*])/gu, '$1')
    .replace(/(?<![\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}_])/gu, '$1')
    .replace(/~~(?=\S)((?:[^~]|~(?!~)){0,500}?\S)~~/g, '$1')
    .replace(/[\ue000-\ue07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - ESCAPE_BASE));
}

/** Removes `<!-- … -->` in one linear pass (an unclosed comment runs to the end, as in HTML). */
function stripComments(text: string): string {
  let out = '';
  let from = 0;
  for (let open = text.indexOf('<!--'); open !== -1; open = text.indexOf('<!--', from)) {
    out += text.slice(from, open);
    const close = text.indexOf('-->', open + 4);
    if (close === -1) return out;
    from = close + 3;
  }
  return out + text.slice(from);
}

/** Block-level Markdown → prose lines, keeping paragraph breaks where the source has them. */
export function markdownToText(markdown: string): string {
  const out: string[] = [];
  let inFence = false;
  for (const raw of stripComments(markdown).split('\n')) {
    if (FENCE.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(raw);
      continue;
    }
    const prev = out.length > 0 ? out[out.length - 1] : '';
    // "Title\n=====": the underline goes, the title line stays. A "---" after a blank line is a rule.
    if (SETEXT_UNDERLINE.test(raw) && prev.trim() !== '') continue;
    if (THEMATIC_BREAK.test(raw) || REFERENCE_DEFINITION.test(raw)) {
      out.push('');
      continue;
    }
    let line = raw.replace(BLOCKQUOTE, '');
    const heading = ATX_HEADING.exec(line);
    if (heading) line = heading[1] ?? '';
    out.push(renderInline(line).replace(/[ \t]+$/, ''));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

function frontMatterTags(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(',')
    .map((t) => t.trim().replace(/^(["'])(.*)\1$/, '$2'))
    .filter(Boolean);
}

export function parseMarkdown(text: string, file: string): FormatResult {
  const { meta, rest } = parseFrontMatter(text);
  const prose = markdownToText(rest);
  const split = splitTitleAndBody(prose);
  let { title, body } = split;
  if (meta.title) {
    // A front-matter title wins; the first line is then body unless it repeats the title.
    if (title !== meta.title) body = prose.trim();
    title = meta.title;
  }
  if (!body) return { articles: [], errors: [new InputError(file, 'no article text found', null)] };
  const dateField = meta.published ?? meta.date;
  const url = meta.url ?? meta.link ?? null;
  const article = {
    title,
    text: body,
    url: url && /^https?:\/\//i.test(url) ? url : null,
    published: (dateField ? normalizePublished(dateField) : null) ?? findHeaderDate(body.split('\n')),
    lang: meta.lang ?? meta.language ?? null,
    externalId: meta.id ?? null,
    tags: frontMatterTags(meta.tags),
    origin: file,
  };
  return { articles: [{ article, line: null }], errors: [] };
}
