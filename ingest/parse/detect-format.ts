// Which parser reads a file: the extension decides the family, the content decides within it
// (the aggregator export is a `.txt` like any other), and files without an extension are sniffed.
import { extname } from 'node:path';
import { isAggregatorText } from './formats/aggregator-text.js';
import type { ArticleFormat } from './types.js';

/** `text` means: aggregator or plain text, decided by content. */
const EXTENSION_KINDS: Readonly<Record<string, ArticleFormat | 'text'>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
};

export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(EXTENSION_KINDS);

/** Lower-cased extension with its dot, or '' (also for dot-files such as `.notes`). */
export function fileExtension(file: string): string {
  return extname(file).toLowerCase();
}

/** Files without an extension are accepted and sniffed. */
export function isSupportedExtension(ext: string): boolean {
  return ext === '' || Object.hasOwn(EXTENSION_KINDS, ext);
}

export function unsupportedTypeReason(ext: string): string {
  return `unsupported file type ${ext} (supported: ${SUPPORTED_EXTENSIONS.join(' ')}, or no extension)`;
}

/** Formats that hold many articles per file (the size limit applies per article, not per file). */
export function isCollectionFormat(format: ArticleFormat): boolean {
  return format === 'jsonl' || format === 'json';
}

/** The format an extension promises before the content is seen, or null when the content decides. */
export function formatForExtension(ext: string): ArticleFormat | null {
  const kind = EXTENSION_KINDS[ext];
  return kind === undefined || kind === 'text' ? null : kind;
}

const HTML_START = /^\s*(?:<!doctype\s+html|<html[\s>]|<!--[\s\S]*?-->\s*<html[\s>])/i;
const MARKDOWN_START = /^\s*(?:#{1,6}\s+\S|---\n[\s\S]*?\n---\n)/;

function looksLikeJsonLines(text: string): boolean {
  const first = text.trimStart().split('\n', 1)[0].trim();
  if (!first.startsWith('{')) return false;
  try {
    const value: unknown = JSON.parse(first);
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}

export function detectFormat(ext: string, text: string): ArticleFormat {
  const kind = EXTENSION_KINDS[ext];
  if (kind !== undefined && kind !== 'text') return kind;
  // A saved web page is HTML whatever its name says.
  if (HTML_START.test(text)) return 'html';
  if (kind === undefined && looksLikeJsonLines(text)) return 'jsonl';
  if (isAggregatorText(text)) return 'aggregator';
  if (kind === undefined && MARKDOWN_START.test(text)) return 'markdown';
  return 'plain';
}
