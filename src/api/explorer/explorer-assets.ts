// The explorer page's bundled files (built from explorer/ by `npm run build:explorer` into dist/explorer/), served
// from memory: a fixed list read once, so no request path ever reaches the file system.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm run build:explorer` writes, relative to the package root. */
export const EXPLORER_BUILD_DIR = join('dist', 'explorer');
export const EXPLORER_INDEX = 'index.html';

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ExplorerAsset {
  body: ArrayBuffer;
  mediaType: string;
}

/** The package root: the nearest folder above this module with diplograph's package.json (src/ and dist/src/ alike). */
export function packageRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'diplograph') return dir;
    if (dirname(dir) === dir) throw new Error(`diplograph's package.json not found above ${from}`);
  }
}

export function explorerBuildDir(): string {
  return join(packageRoot(), EXPLORER_BUILD_DIR);
}

/** The built files by name, or null when the explorer has not been built. */
export function loadExplorerAssets(dir = explorerBuildDir()): Map<string, ExplorerAsset> | null {
  if (!existsSync(join(dir, EXPLORER_INDEX))) return null;
  const assets = new Map<string, ExplorerAsset>();
  for (const name of readdirSync(dir)) {
    const ext = name.slice(name.lastIndexOf('.'));
    const mediaType = MEDIA_TYPES[ext];
    if (mediaType) assets.set(name, { body: new Uint8Array(readFileSync(join(dir, name))).buffer, mediaType });
  }
  return assets;
}
