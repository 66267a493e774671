// The research notebook runs headless to the end (Debian's jupyter-nbconvert and ipykernel) against a real server:
// on the bundled sample (ingested and served by the `diplograph` command) and on the API fixtures, whose actors
// differ; any failing cell fails the test. Executed copies and the figure land in output/notebook/ (git-ignored).
import { execFile, execFileSync, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, startCli, stop } from '../helpers/cli.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { DEBIAN_PACKAGES, executable, python } from '../export/helpers/python.js';

const NOTEBOOK = join(ROOT, 'notebooks', 'diplograph-analysis.ipynb');
const OUT = join(ROOT, 'output', 'notebook');
const NOTEBOOK_MODULES = ['networkx', 'pandas', 'requests', 'matplotlib', 'ipykernel', 'nbformat'];
const CELL_TIMEOUT_S = 180;

interface Cell {
  cell_type: string;
  outputs?: { output_type: string; text?: string[] | string; ename?: string; evalue?: string }[];
}

const execFileAsync = promisify(execFile);

/**
 * Executes the notebook against `url`; returns everything its cells printed. Throws with nbconvert's message on a
 * failing cell. Asynchronous, so a server in this very process keeps answering while the kernel queries it.
 */
async function runNotebook(url: string, name: string): Promise<string> {
  python(NOTEBOOK_MODULES); // a clear message naming the Debian packages when one is missing
  const nbconvert = executable(['/usr/bin/jupyter-nbconvert', 'jupyter-nbconvert'], DEBIAN_PACKAGES);
  const dir = join(OUT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  try {
    await execFileAsync(
      nbconvert,
      ['--to', 'notebook', '--execute', NOTEBOOK, '--output-dir', dir, '--output', 'diplograph-analysis.ipynb', `--ExecutePreprocessor.timeout=${CELL_TIMEOUT_S}`],
      { env: { ...process.env, DIPLOGRAPH_URL: url, DIPLOGRAPH_OUTPUT_DIR: dir, MPLBACKEND: 'Agg', PYDEVD_DISABLE_FILE_VALIDATION: '1' }, maxBuffer: 64 * 1024 * 1024 },
    );
  } catch (err) {
    throw new Error(`the notebook failed on ${name}: ${(err as { stderr?: string }).stderr?.slice(-4000) ?? String(err)}`);
  }
  const executed = JSON.parse(readFileSync(join(dir, 'diplograph-analysis.ipynb'), 'utf8')) as { cells: Cell[] };
  const outputs = executed.cells.flatMap((c) => c.outputs ?? []);
  expect(outputs.filter((o) => o.output_type === 'error').map((o) => `${o.ename}: ${o.evalue}`)).toEqual([]);
  expect(existsSync(join(dir, 'diplograph-analysis.png'))).toBe(true);
  expect(readFileSync(join(dir, 'diplograph-analysis.png')).subarray(1, 4).toString()).toBe('PNG');
  return outputs.filter((o) => o.output_type === 'stream').map((o) => (Array.isArray(o.text) ? o.text.join('') : (o.text ?? ''))).join('');
}

describe('notebooks/diplograph-analysis.ipynb', () => {
  it('is valid nbformat 4 with no stored outputs', () => {
    const code = 'import nbformat, sys; nb = nbformat.read(sys.argv[1], as_version=4); nbformat.validate(nb); print(nb.nbformat, sum(len(c.get("outputs", [])) for c in nb.cells))';
    expect(execFileSync(python(['nbformat']), ['-c', code, NOTEBOOK], { encoding: 'utf8' }).trim()).toBe('4 0');
  });

  describe('on the sample data (samples/seed.txt ingested and served by the CLI)', () => {
    let dir: string;
    let server: ChildProcess | undefined;
    let url: string;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'diplograph-notebook-'));
      const db = join(dir, 'seed.db');
      const ingest = await runCli(['ingest', 'samples/seed.txt', '--db', db]);
      expect(ingest.status, ingest.stderr).toBe(0);
      const added = Number(/relations \+(\d+)/.exec(ingest.stdout + ingest.stderr)?.[1] ?? 0);
      expect(added, `the extractor found no relations in samples/seed.txt: ${ingest.stdout}${ingest.stderr}`).toBeGreaterThan(0);
      const started = await startCli(['serve', '--port', '0', '--db', db], /GraphQL on (http:\/\/\S+\/graphql)/);
      server = started.child;
      url = started.match[1];
    }, 180_000);
    afterAll(async () => {
      if (server) await stop(server);
      rmSync(dir, { recursive: true, force: true });
    });

    it('runs every cell and answers the three questions', async () => {
      const printed = await runNotebook(url, 'seed');
      expect(printed).toMatch(/^Q1 most connected: .+ \(\d+ counterparts/m);
      expect(printed).toMatch(/^Q2 contacts .+ – .+: \d+ relations/m);
      expect(printed).toMatch(/^Q3 path .+ → .+: .+ \(\d+ hops\)/m);
    }, 240_000);
  });

  describe('on the API fixtures (other actors, other sizes)', () => {
    let fixture: FixtureServer;
    beforeAll(async () => {
      fixture = await startFixtureServer();
    });
    afterAll(() => fixture.close());

    it('runs every cell and finds Baerbock → Putin → Trump', async () => {
      const printed = await runNotebook(fixture.url, 'fixtures');
      expect(printed).toContain('Q1 most connected: ');
      expect(printed).toContain('Q2 contacts Donald Trump – Wladimir Putin: 4 relations');
      expect(printed).toContain('Q3 path Annalena Baerbock → Donald Trump: Annalena Baerbock → Wladimir Putin → Donald Trump (2 hops)');
    }, 240_000);
  });
});
