// expandInputs: files, directories and globs → a stable, duplicate-free file list plus errors.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/domain/errors.js';
import { expandInputs } from '../../ingest/parse/expand-inputs.js';
import { makeTempDir } from './helpers.js';

let root: string;
let cleanup: () => Promise<void>;
/** A path in the plain tree (no symlinks). */
const a = (...parts: string[]): string => path.join(root, 'articles', ...parts);
/** A path in the tree with a symlink loop and a broken link. */
const l = (...parts: string[]): string => path.join(root, 'loopy', ...parts);

beforeAll(async () => {
  ({ dir: root, cleanup } = await makeTempDir());
  await mkdir(a('sub', 'deeper'), { recursive: true });
  await mkdir(a('.git'));
  for (const f of ['b.txt', 'a.md', 'image.png', 'notes', '.hidden.txt', '.git/x.txt', 'sub/c.jsonl', 'sub/deeper/z.html', 'sub/A.TXT']) {
    await writeFile(a(f), 'Titel\n\nText.\n');
  }
  await mkdir(l('inner'), { recursive: true });
  await writeFile(l('inner', 'one.txt'), 'Titel\n\nText.\n');
  await symlink(l(), l('inner', 'back-to-top'));
  await symlink(l('does-not-exist.txt'), l('broken.txt'));
  await symlink(a('sub'), l('inner', 'linked-sub'));
});
afterAll(() => cleanup());

describe('expandInputs', () => {
  it('walks a directory recursively: sorted, article files only, hidden entries skipped, other files reported', async () => {
    const { files, errors } = await expandInputs([a()]);
    expect(errors.map((e) => [e.file, e.code])).toEqual([
      [a('image.png'), ErrorCode.INPUT_INVALID],
      [a('notes'), ErrorCode.INPUT_INVALID],
    ]);
    expect(errors[0].reason).toMatch(/^unsupported file type \.png \(supported: \.txt /);
    expect(errors[1].reason).toMatch(/^no file extension: in a directory only article files are read/);
    expect(files).toEqual([a('a.md'), a('b.txt'), a('sub/A.TXT'), a('sub/c.jsonl'), a('sub/deeper/z.html')]);
  });

  it('reports a symlink loop and a broken link instead of following them, and still lists the files', async () => {
    const { files, errors } = await expandInputs([l()]);
    expect(files).toEqual([l('inner/linked-sub/A.TXT'), l('inner/linked-sub/c.jsonl'), l('inner/linked-sub/deeper/z.html'), l('inner/one.txt')]);
    expect(errors.map((e) => [e.file, e.code])).toEqual([
      [l('broken.txt'), ErrorCode.INPUT_UNREADABLE],
      [l('inner/back-to-top'), ErrorCode.INPUT_UNREADABLE],
    ]);
    expect(errors[0].reason).toBe('broken symbolic link');
    expect(errors[1].reason).toMatch(/^symlink loop/);
  });

  it('keeps argument order, sorts within an argument and drops duplicates, also through symlinks', async () => {
    const { files } = await expandInputs([a('b.txt'), a('sub'), a('a.md'), a('b.txt'), a('sub/c.jsonl'), l('inner/linked-sub/A.TXT')]);
    expect(files).toEqual([a('b.txt'), a('sub/A.TXT'), a('sub/c.jsonl'), a('sub/deeper/z.html'), a('a.md')]);
  });

  it('keeps an explicitly named file whatever its extension (the parser reports it)', async () => {
    const { files, errors } = await expandInputs([a('image.png'), a('notes')]);
    expect(files).toEqual([a('image.png'), a('notes')]);
    expect(errors).toEqual([]);
  });

  it('expands globs, sorted, relative patterns giving relative paths', async () => {
    const abs = await expandInputs([a('*.{txt,md}')]);
    expect(abs.files).toEqual([a('a.md'), a('b.txt')]);
    const rel = await expandInputs([`${path.relative(process.cwd(), a())}/**/*.{html,jsonl}`]);
    expect(rel.errors).toEqual([]);
    expect(rel.files.map((f) => path.resolve(f))).toEqual([a('sub/c.jsonl'), a('sub/deeper/z.html')]);
    expect(rel.files.some((f) => path.isAbsolute(f))).toBe(false);
  });

  it('terminates on a glob through a symlink loop', async () => {
    const { files } = await expandInputs([l('**/*.txt')]);
    expect(files).toEqual([l('inner/one.txt')]);
  });

  it('reports missing paths and globs without matches, and goes on with the rest', async () => {
    const { files, errors } = await expandInputs([a('missing.txt'), a('*.pdf'), a('b.txt'), '']);
    expect(files).toEqual([a('b.txt')]);
    expect(errors.map((e) => [e.file, e.reason])).toEqual([
      [a('missing.txt'), 'no such file or directory'],
      [a('*.pdf'), 'no files match this pattern'],
      ['', 'empty path'],
    ]);
  });
});
