// Builds the explorer page into dist/explorer/ (served by `diplograph serve` at /explore): one bundled script with
// cytoscape inside, the page and its stylesheet. Run by `npm run build`, so the files exist after `npm ci`.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const out = here('../dist/explorer/');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [here('./main.ts')],
  outfile: `${out}explorer.js`,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
});
for (const file of ['index.html', 'explorer.css']) copyFileSync(here(`./${file}`), `${out}${file}`);
process.stdout.write(`explorer built into ${out}\n`);
