// Bad input never throws: each problem is one InputError naming the file, the line where it applies, and why.
import { chmod, mkdir, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/domain/errors.js';
import { DEFAULT_MAX_ARTICLE_CHARS, parseArticleFile, readArticleFile } from '../../ingest/parse/parse-article-file.js';
import { makeTempDir } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
const at = (name: string): string => path.join(dir, name);

async function readOnlyError(name: string, content: string | Buffer, options?: { maxArticleChars?: number }) {
  await writeFile(at(name), content);
  const { articles, errors } = await readArticleFile(at(name), options);
  expect(articles).toEqual([]);
  expect(errors).toHaveLength(1);
  expect(errors[0].file).toBe(at(name));
  return errors[0];
}

beforeAll(async () => {
  ({ dir, cleanup } = await makeTempDir());
});
afterAll(() => cleanup());

describe('bad input', () => {
  it('empty file', async () => {
    const e = await readOnlyError('empty.txt', '');
    expect(e.reason).toBe('empty file');
    expect(e.line).toBeNull();
    expect(e.code).toBe(ErrorCode.INPUT_INVALID);
  });

  it('whitespace only', async () => {
    expect((await readOnlyError('blank.md', ' \n\t\r\n  \n')).reason).toBe('file contains only whitespace');
  });

  it('binary with NUL bytes', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect((await readOnlyError('bild.txt', png)).reason).toMatch(/^binary file \(contains NUL bytes\)/);
  });

  it('binary with many control characters', async () => {
    const bytes = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x41 + (i % 26))));
    expect((await readOnlyError('steuer.txt', bytes)).reason).toMatch(/^binary file \(\d+% control characters\)/);
  });

  it.each(['.pdf', '.docx', '.png'])('unsupported extension %s, listing the supported ones', async (ext) => {
    const e = await readOnlyError(`dokument${ext}`, 'Titel\n\nText.');
    expect(e.reason).toBe(
      `unsupported file type ${ext} (supported: .txt .text .md .markdown .jsonl .ndjson .json .html .htm .xhtml, or no extension)`,
    );
  });

  it('a file without extension is sniffed as text', async () => {
    await writeFile(at('LIESMICH'), 'Titel ohne Endung\n\nDer Text.');
    const { articles, errors } = await readArticleFile(at('LIESMICH'));
    expect(errors).toEqual([]);
    expect(articles[0].title).toBe('Titel ohne Endung');
  });

  it('a single line of a million characters is accepted under the limit', async () => {
    const line = 'Wort '.repeat(200_000).trim();
    await writeFile(at('lang.txt'), line);
    const { articles, errors } = await readArticleFile(at('lang.txt'));
    expect(errors).toEqual([]);
    expect(articles[0].text).toBe(line);
    expect(articles[0].title).toBeNull();
  });

  it('an article over the configurable limit is rejected, naming the limit', () => {
    const { articles, errors } = parseArticleFile('gross.txt', Buffer.from(`Titel\n\n${'x'.repeat(150)}`), { maxArticleChars: 100 });
    expect(articles).toEqual([]);
    expect(errors[0].reason).toBe('article has 150 characters, over the limit of 100 (maxArticleChars)');
    expect(parseArticleFile('gross.txt', Buffer.from(`Titel\n\n${'x'.repeat(150)}`), { maxArticleChars: 150 }).errors).toEqual([]);
  });

  it('a file far over the limit is refused from its size, before it is read', async () => {
    await writeFile(at('riesig.txt'), '');
    await truncate(at('riesig.txt'), 50 * 1024 * 1024); // sparse: no 50 MB written
    const { articles, errors } = await readArticleFile(at('riesig.txt'));
    expect(articles).toEqual([]);
    expect(errors[0].reason).toBe(
      `file is 52,428,800 bytes, over the limit of ${(DEFAULT_MAX_ARTICLE_CHARS * 4).toLocaleString('en-US')} bytes for an article of at most 2,000,000 characters (maxArticleChars)`,
    );
    // A file of NUL bytes would be reported as binary if it had been read: the size check came first.
    expect(errors[0].reason).not.toMatch(/binary/);
  });

  it('the byte guard follows a configured limit', async () => {
    const e = await readOnlyError('mittel.txt', `Titel\n\n${'y'.repeat(500)}`, { maxArticleChars: 100 });
    expect(e.reason).toMatch(/^file is 507 bytes, over the limit of 400 bytes/);
  });

  it('missing file', async () => {
    const { errors } = await readArticleFile(at('gibt-es-nicht.txt'));
    expect(errors.map((e) => [e.file, e.reason, e.code])).toEqual([[at('gibt-es-nicht.txt'), 'no such file', ErrorCode.INPUT_UNREADABLE]]);
  });

  it('a directory where a file is expected', async () => {
    await mkdir(at('ordner.txt'));
    const { errors } = await readArticleFile(at('ordner.txt'));
    expect(errors[0].reason).toMatch(/^is a directory/);
    expect(errors[0].code).toBe(ErrorCode.INPUT_UNREADABLE);
  });

  it.skipIf(process.getuid?.() === 0)('a file without read permission', async () => {
    await writeFile(at('geheim.txt'), 'Titel\n\nText.');
    await chmod(at('geheim.txt'), 0o000);
    const { errors } = await readArticleFile(at('geheim.txt'));
    expect(errors[0].reason).toBe('permission denied');
  });

  it('never throws on arbitrary bytes, whatever the extension', () => {
    let seed = 42;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const ext of ['.txt', '.md', '.jsonl', '.json', '.html', '']) {
      for (let i = 0; i < 50; i++) {
        const bytes = Buffer.from(Array.from({ length: Math.floor(random() * 300) }, () => Math.floor(random() * 256)));
        const result = parseArticleFile(`zufall${ext}`, bytes);
        expect(result.articles.length + result.errors.length).toBeGreaterThan(0);
      }
    }
  });

  it('pathological markup in a long line is parsed in linear time (a quadratic scan would hit the test timeout)', () => {
    for (const [name, text] of [
      ['klammern.md', `T\n\n${'[a '.repeat(300_000)}`],
      ['sterne.md', `T\n\n${'**a '.repeat(250_000)}`],
      ['kommentare.md', `T\n\n${'<!-- x '.repeat(200_000)}`],
      ['spitz.html', `<p>${'<a '.repeat(300_000)}`],
    ] as const) {
      const { articles, errors } = parseArticleFile(name, Buffer.from(text));
      expect(articles.length + errors.length).toBe(1);
    }
  }, 5_000);
});
