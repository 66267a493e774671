// Entry point for reading article files: picks the format, decodes, parses, and turns every problem with
// the content into an InputError (file, line, reason) instead of throwing, so one bad file never stops a run.
import { readFile, stat } from 'node:fs/promises';
import { ErrorCode, InputError } from '../../src/domain/errors.js';
import { decodeText } from './decode-text.js';
import { detectFormat, fileExtension, formatForExtension, isCollectionFormat, isSupportedExtension, unsupportedTypeReason } from './detect-format.js';
import { parseAggregatorText } from './formats/aggregator-text.js';
import { parseHtml } from './formats/html.js';
import { parseJsonDocument } from './formats/json-document.js';
import { parseJsonLines } from './formats/json-lines.js';
import { parseMarkdown } from './formats/markdown.js';
import { parsePlainText } from './formats/plain-text.js';
import type { ArticleFormat, FormatResult, ParsedFile } from './types.js';

export type { ParsedFile } from './types.js';

export interface ParseOptions {
  /** Longest accepted article text, in characters; longer articles are rejected with this limit in the reason. */
  maxArticleChars?: number;
}

/** About 2 MB of text: far above any news article, small enough to keep a bad file from exhausting memory. */
export const DEFAULT_MAX_ARTICLE_CHARS = 2_000_000;
/** Upper bound of file bytes per article character (UTF-8 uses at most 3 per UTF-16 unit; BOM and CRLF add a little). */
export const MAX_BYTES_PER_CHAR = 4;
/** HTML is mostly markup, so its files may be much larger than their text. */
export const MIN_HTML_FILE_BYTES = 16 * 1024 * 1024;
/** JSON Lines / JSON hold many articles: the whole file must still decode into one string (V8 caps strings near 512 MiB). */
export const MAX_COLLECTION_FILE_BYTES = 256 * 1024 * 1024;

const PARSERS: Readonly<Record<ArticleFormat, (text: string, file: string) => FormatResult>> = {
  aggregator: parseAggregatorText,
  plain: parsePlainText,
  markdown: parseMarkdown,
  jsonl: parseJsonLines,
  json: parseJsonDocument,
  html: parseHtml,
};

/** The article size limit in effect: `maxArticleChars` when it is a positive number, else the default. */
export function maxChars(options: ParseOptions | undefined): number {
  const v = options?.maxArticleChars;
  return v !== undefined && Number.isFinite(v) && v > 0 ? Math.floor(v) : DEFAULT_MAX_ARTICLE_CHARS;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

function failure(file: string, reason: string, line: number | null = null, code: ErrorCode = ErrorCode.INPUT_INVALID): ParsedFile {
  return { articles: [], errors: [new InputError(file, reason, line, code)] };
}

export function parseArticleFile(file: string, bytes: Buffer, options?: ParseOptions): ParsedFile {
  const limit = maxChars(options);
  const ext = fileExtension(file);
  if (!isSupportedExtension(ext)) return failure(file, unsupportedTypeReason(ext));
  if (bytes.length === 0) return failure(file, 'empty file');
  const decoded = decodeText(bytes);
  if (!decoded.ok) return failure(file, decoded.reason);
  if (decoded.text.trim() === '') return failure(file, 'file contains only whitespace');

  let result: FormatResult;
  try {
    result = PARSERS[detectFormat(ext, decoded.text)](decoded.text, file);
  } catch (err) {
    // Parsers are written not to throw; this keeps a parser bug from ending the whole run.
    return failure(file, `could not parse: ${(err as Error).message}`);
  }
  const parsed: ParsedFile = { articles: [], errors: [...result.errors] };
  for (const { article, line } of result.articles) {
    if (article.text.length > limit) {
      parsed.errors.push(
        new InputError(file, `article has ${fmt(article.text.length)} characters, over the limit of ${fmt(limit)} (maxArticleChars)`, line),
      );
    } else {
      parsed.articles.push(article);
    }
  }
  return parsed;
}

/** Largest file worth reading for a given extension, so oversized files are refused before they are loaded. */
function maxFileBytes(ext: string, limit: number): number {
  const format = formatForExtension(ext);
  if (format && isCollectionFormat(format)) return MAX_COLLECTION_FILE_BYTES;
  const bytes = limit * MAX_BYTES_PER_CHAR;
  return format === 'html' ? Math.max(bytes, MIN_HTML_FILE_BYTES) : bytes;
}

function unreadable(file: string, err: unknown): ParsedFile {
  const code = (err as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT' ? 'no such file'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EISDIR' ? 'is a directory, not a file'
    : code === 'ELOOP' ? 'symlink loop'
    : `cannot read: ${(err as Error).message}`;
  return failure(file, reason, null, ErrorCode.INPUT_UNREADABLE);
}

export async function readArticleFile(file: string, options?: ParseOptions): Promise<ParsedFile> {
  const ext = fileExtension(file);
  let size: number;
  try {
    const st = await stat(file);
    if (st.isDirectory()) return failure(file, 'is a directory, not a file (directories are expanded by expandInputs)', null, ErrorCode.INPUT_UNREADABLE);
    if (!st.isFile()) return failure(file, 'not a regular file', null, ErrorCode.INPUT_UNREADABLE);
    size = st.size;
  } catch (err) {
    return unreadable(file, err);
  }
  // Checked before reading, so a 2 GB video named .pdf or .txt is never loaded.
  if (!isSupportedExtension(ext)) return failure(file, unsupportedTypeReason(ext));
  const limit = maxChars(options);
  const maxBytes = maxFileBytes(ext, limit);
  if (size > maxBytes) {
    return failure(
      file,
      `file is ${fmt(size)} bytes, over the limit of ${fmt(maxBytes)} bytes` +
        (isCollectionFormat(formatForExtension(ext) ?? 'plain') ? '' : ` for an article of at most ${fmt(limit)} characters (maxArticleChars)`),
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    return unreadable(file, err);
  }
  return parseArticleFile(file, bytes, options);
}
