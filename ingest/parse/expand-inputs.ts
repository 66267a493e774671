// Command-line arguments → the files to read. Files are kept as given, directories are walked recursively
// (supported extensions only, hidden entries skipped), anything else is tried as a glob. Problems become
// InputErrors, so one bad argument does not stop the others. Every visible entry of a walked directory is either
// read or reported (an unsupported type, a special file): nothing in a batch is skipped without a word.
import { readdir, realpath, stat, lstat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { ErrorCode, InputError } from '../../src/domain/errors.js';
import { fileExtension, SUPPORTED_EXTENSIONS, unsupportedTypeReason } from './detect-format.js';

export interface ExpandedInputs {
  files: string[];
  errors: InputError[];
}

/** Code-unit order: the same on every machine and locale. */
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const unreadable = (file: string, reason: string): InputError => new InputError(file, reason, null, ErrorCode.INPUT_UNREADABLE);

/** Why a file met in a directory walk is not read (files named on the command line are sniffed instead). */
function skippedReason(name: string): string {
  const ext = fileExtension(name);
  return ext === ''
    ? `no file extension: in a directory only article files are read (${SUPPORTED_EXTENSIONS.join(' ')}); name the file itself to have it read`
    : unsupportedTypeReason(ext);
}

function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'symlink loop (too many levels of symbolic links)';
  return (err as Error).message;
}

/** Inside directories only files that look like articles are taken: a folder may also hold images or notes. */
function isArticleFile(name: string): boolean {
  return SUPPORTED_EXTENSIONS.includes(fileExtension(name));
}

interface Walk {
  files: string[];
  errors: InputError[];
  /** Real paths of directories already walked (reached again through a symlink: listed once). */
  visited: Set<string>;
}

/** `ancestors` holds the real paths on the way down: a symlink back to one of them is a loop. */
async function walkDirectory(dir: string, ancestors: ReadonlySet<string>, walk: Walk): Promise<void> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch (err) {
    walk.errors.push(unreadable(dir, fsReason(err)));
    return;
  }
  if (ancestors.has(real)) {
    walk.errors.push(unreadable(dir, `symlink loop: leads back to ${real}, not followed`));
    return;
  }
  if (walk.visited.has(real)) return;
  walk.visited.add(real);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    walk.errors.push(unreadable(dir, fsReason(err)));
    return;
  }
  const below = new Set(ancestors).add(real);
  for (const entry of entries.sort((a, b) => byCodeUnit(a.name, b.name))) {
    if (entry.name.startsWith('.')) continue;
    const child = path.join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(child);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        walk.errors.push(unreadable(child, code === 'ENOENT' ? 'broken symbolic link' : fsReason(err)));
        continue;
      }
    }
    if (isDir) await walkDirectory(child, below, walk);
    else if (isFile && isArticleFile(entry.name)) walk.files.push(child);
    else if (isFile) walk.errors.push(new InputError(child, skippedReason(entry.name), null, ErrorCode.INPUT_INVALID));
    else walk.errors.push(unreadable(child, 'not a regular file (a pipe, socket or device)'));
  }
}

async function expandGlob(pattern: string): Promise<{ files: string[]; errors: InputError[] }> {
  let matches: string[];
  try {
    matches = await glob(pattern, { absolute: true, onlyFiles: true, dot: false, expandDirectories: false });
  } catch (err) {
    return { files: [], errors: [unreadable(pattern, `cannot expand pattern: ${(err as Error).message}`)] };
  }
  if (matches.length === 0) return { files: [], errors: [unreadable(pattern, 'no files match this pattern')] };
  // Globs follow symlinked directories, so one file may match under several paths: keep the shortest.
  const byReal = new Map<string, string>();
  for (const m of matches) {
    const real = await realpath(m).catch(() => m);
    const kept = byReal.get(real);
    if (kept === undefined || m.length < kept.length || (m.length === kept.length && m < kept)) byReal.set(real, m);
  }
  // Show paths the way the user wrote the pattern: relative stays relative.
  const shown = [...byReal.values()].map((m) => (path.isAbsolute(pattern) ? path.normalize(m) : path.relative(process.cwd(), m)));
  return { files: shown, errors: [] };
}

async function expandOne(pattern: string): Promise<{ files: string[]; errors: InputError[] }> {
  if (pattern.trim() === '') return { files: [], errors: [unreadable(pattern, 'empty path')] };
  try {
    const st = await stat(pattern);
    if (st.isFile()) return { files: [pattern], errors: [] };
    if (st.isDirectory()) {
      const walk: Walk = { files: [], errors: [], visited: new Set() };
      await walkDirectory(pattern, new Set(), walk);
      if (walk.files.length === 0 && walk.errors.length === 0) {
        walk.errors.push(unreadable(pattern, `directory contains no article files (${SUPPORTED_EXTENSIONS.join(' ')})`));
      }
      return walk;
    }
    return { files: [], errors: [unreadable(pattern, 'not a regular file or directory')] };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // A literal path wins over glob syntax: `[draft].txt` that exists is a file.
    if (code === 'ENOENT' && isDynamicPattern(pattern)) return expandGlob(pattern);
    if (code === 'ENOENT') {
      const isLink = await lstat(pattern).then((l) => l.isSymbolicLink(), () => false);
      return { files: [], errors: [unreadable(pattern, isLink ? 'broken symbolic link' : 'no such file or directory')] };
    }
    return { files: [], errors: [unreadable(pattern, fsReason(err))] };
  }
}

/** Files, directories (recursively) and globs → the files to read, in a stable order (sorted per argument, argument order kept, no duplicates). */
export async function expandInputs(patterns: readonly string[]): Promise<{ files: string[]; errors: InputError[] }> {
  const files: string[] = [];
  const errors: InputError[] = [];
  const seen = new Set<string>();
  for (const pattern of patterns) {
    const one = await expandOne(pattern);
    errors.push(...one.errors);
    for (const file of one.files.sort(byCodeUnit)) {
      // The real path, so a file reached through a symlinked directory is listed once.
      const key = await realpath(file).catch(() => path.resolve(file));
      if (seen.has(key)) continue;
      seen.add(key);
      files.push(file);
    }
  }
  return { files, errors };
}
