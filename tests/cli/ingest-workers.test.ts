// `diplograph ingest --workers N` extracts on worker threads and stores exactly what the one-thread ingest stores:
// the same summary, the same input errors, the same graph (checksum), from text, HTML, Markdown and JSON Lines
// files with bad inputs among them.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generators/article-corpus.js';
import { ROOT, runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'diplograph-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Input files: the fixtures and samples, a feed long enough for many chunks, a binary file and an unsupported language. */
function inputs(): string {
  const root = join(dir, 'inputs');
  mkdirSync(root);
  cpSync(join(ROOT, 'tests/fixtures/inputs'), join(root, 'fixtures'), { recursive: true });
  cpSync(join(ROOT, 'samples'), join(root, 'samples'), { recursive: true });
  const feed = generateCorpus({ count: 45, seed: 9 }).map((a) => JSON.stringify({ title: a.title, text: a.text, published: a.published }));
  feed.splice(20, 0, '{"title": "broken', JSON.stringify({ title: 'Sommet', text: "Le président français a reçu le chancelier allemand à l'Élysée. Les deux dirigeants ont parlé de l'Ukraine pendant deux heures." }));
  writeFileSync(join(root, 'feed.jsonl'), `${feed.join('\n')}\n`);
  writeFileSync(join(root, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  return root;
}

const errorLines = (stderr: string) => stderr.split('\n').filter((l) => l.trim()).sort();

describe('ingest --workers', () => {
  const root = inputs();

  it('stores what the one-thread ingest stores, with the same summary and input errors', { timeout: 180_000 }, async () => {
    const runs = [];
    for (const workers of ['1', '2']) {
      const db = join(dir, `w${workers}.db`);
      const ingest = await runCli(['ingest', root, '--db', db, '--no-progress', '--workers', workers]);
      const checksum = await runCli(['checksum', '--db', db]);
      expect(checksum.status).toBe(0);
      runs.push({ ingest, checksum: checksum.stdout });
    }
    const [one, two] = runs;
    expect(one.ingest.status).toBe(2);
    // The fixtures' bad JSON Lines records, the broken line, the French article and the binary file.
    const [, stored, failed] = /articles: (\d+) new, 0 duplicate, (\d+) failed/.exec(one.ingest.stdout) ?? [];
    expect(Number(stored)).toBeGreaterThan(45);
    expect(Number(failed)).toBeGreaterThanOrEqual(3);
    expect(two.ingest.status).toBe(one.ingest.status);
    expect(two.ingest.stdout).toBe(one.ingest.stdout);
    expect(errorLines(two.ingest.stderr)).toEqual(errorLines(one.ingest.stderr));
    expect(two.checksum).toBe(one.checksum);
  });

  it('refuses a thread count that is not a whole number from 1 to 64', async () => {
    const bad = await runCli(['ingest', root, '--db', join(dir, 'bad.db'), '--workers', '0']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/--workers must be a whole number from 1 to 64, got "0"/);
  });
});
