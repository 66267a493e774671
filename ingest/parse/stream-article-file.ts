// Reading an article file in pieces, so an ingest holds one article at a time whatever the file's size.
// JSON Lines files (the one format whose files may hold any number of articles) are read line by line: each line
// is decoded, parsed and checked on its own, and a line too long to hold an article within the size limit is
// skipped as it streams past, never kept. Every other file is read whole by readArticleFile, which refuses a file
// too large for one article from its size before reading it.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { ErrorCode, InputError } from '../../src/domain/errors.js';
import { decodeText, normalizeNewlines, SNIFF_BYTES } from './decode-text.js';
import { fileExtension, formatForExtension } from './detect-format.js';
import { parseJsonLine } from './formats/json-lines.js';
import { maxChars, readArticleFile, type ParseOptions } from './parse-article-file.js';
import type { ParsedFile } from './types.js';

/** JSON escapes a character in at most 6 bytes (`\uXXXX`); a line longer than this cannot hold an article within the limit. */
export const MAX_JSON_BYTES_PER_CHAR = 6;
/** Room for the other fields of a JSON Lines record (title, url, tags…). */
export const JSON_LINE_OVERHEAD_BYTES = 64 * 1024;
/** Read size of the stream: the first chunk is also the sample the binary and encoding checks look at. */
const CHUNK_BYTES = Math.max(SNIFF_BYTES, 64 * 1024);

const fmt = (n: number): string => n.toLocaleString('en-US');
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Longest JSON Lines line worth holding for an article of at most `limit` characters. */
export function maxJsonLineBytes(limit: number): number {
  return limit * MAX_JSON_BYTES_PER_CHAR + JSON_LINE_OVERHEAD_BYTES;
}

/** One line's bytes as text: UTF-8 when valid, else Windows-1252 (as decodeText does for a whole file). */
function decodeLine(bytes: Buffer): string {
  try {
    // ignoreBOM keeps a U+FEFF at the start of a line, as in the middle of a file read whole.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'windows-1252');
  }
}

/**
 * The articles of a file, in pieces: for JSON Lines one piece per chunk read (memory bounded by the longest
 * accepted line), for other formats exactly what readArticleFile gives. Never throws: problems are InputErrors.
 */
export async function* streamArticleFile(file: string, options?: ParseOptions): AsyncGenerator<ParsedFile> {
  if (formatForExtension(fileExtension(file)) !== 'jsonl') {
    yield await readArticleFile(file, options);
    return;
  }
  const isFile = await stat(file).then((s) => s.isFile() && s.size > 0, () => false);
  // Missing, unreadable, a directory, empty: readArticleFile words each case.
  if (!isFile) {
    yield await readArticleFile(file, options);
    return;
  }
  yield* streamJsonLines(file, options);
}

async function* streamJsonLines(file: string, options?: ParseOptions): AsyncGenerator<ParsedFile> {
  const limit = maxChars(options);
  const maxLine = maxJsonLineBytes(limit);
  const stream = createReadStream(file, { highWaterMark: CHUNK_BYTES });
  let first = true;
  let lineNumber = 0;
  let sawText = false;
  /** The current line's bytes so far (none kept once it is known to be too long), and its full length. */
  let parts: Buffer[] = [];
  let lineBytes = 0;

  const endLine = (out: ParsedFile): void => {
    const bytes = lineBytes;
    const kept = parts;
    parts = [];
    lineBytes = 0;
    if (bytes > maxLine) {
      lineNumber++;
      sawText = true;
      out.errors.push(
        new InputError(
          file,
          `line is ${fmt(bytes)} bytes, over the limit of ${fmt(maxLine)} bytes for an article of at most ${fmt(limit)} characters (maxArticleChars); skipped unread`,
          lineNumber,
        ),
      );
      return;
    }
    let raw = Buffer.concat(kept);
    if (raw.length && raw[raw.length - 1] === 0x0d) raw = raw.subarray(0, raw.length - 1);
    // A lone CR is a line break too, as when a whole file is read (normalizeNewlines).
    for (const line of normalizeNewlines(decodeLine(raw)).split('\n')) {
      lineNumber++;
      if (line.trim() !== '') sawText = true;
      const found = parseJsonLine(line, lineNumber, file);
      out.errors.push(...found.errors);
      for (const { article, line: at } of found.articles) {
        if (article.text.length > limit) {
          out.errors.push(new InputError(file, `article has ${fmt(article.text.length)} characters, over the limit of ${fmt(limit)} (maxArticleChars)`, at));
        } else {
          out.articles.push(article);
        }
      }
    }
  };

  try {
    for await (const data of stream as AsyncIterable<Buffer>) {
      let chunk = data;
      if (first) {
        first = false;
        const sample = decodeText(chunk.subarray(0, SNIFF_BYTES));
        if (!sample.ok) {
          yield { articles: [], errors: [new InputError(file, sample.reason)] };
          return;
        }
        if (sample.encoding !== 'utf-8' && sample.encoding !== 'windows-1252') {
          // UTF-16/32 lines cannot be split on the newline byte: read the file whole (its size is capped).
          stream.destroy();
          yield await readArticleFile(file, options);
          return;
        }
        if (UTF8_BOM.every((b, i) => chunk[i] === b)) chunk = chunk.subarray(UTF8_BOM.length);
      }
      const out: ParsedFile = { articles: [], errors: [] };
      for (let pos = 0; pos < chunk.length; ) {
        const nl = chunk.indexOf(0x0a, pos);
        const end = nl === -1 ? chunk.length : nl;
        if (lineBytes + (end - pos) <= maxLine) parts.push(chunk.subarray(pos, end));
        else parts = [];
        lineBytes += end - pos;
        if (nl === -1) break;
        endLine(out);
        pos = nl + 1;
      }
      if (out.articles.length || out.errors.length) yield out;
    }
    const out: ParsedFile = { articles: [], errors: [] };
    if (lineBytes > 0) endLine(out);
    if (!sawText) out.errors.push(new InputError(file, 'file contains only whitespace'));
    if (out.articles.length || out.errors.length) yield out;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `cannot read: ${(err as Error).message}`;
    yield { articles: [], errors: [new InputError(file, reason, lineNumber > 0 ? lineNumber + 1 : null, ErrorCode.INPUT_UNREADABLE)] };
  } finally {
    stream.destroy();
  }
}
