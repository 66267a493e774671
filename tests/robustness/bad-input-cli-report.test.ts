// A batch with every kind of bad file beside good articles, through the real command:
// `diplograph ingest DIR --report FILE`. Each problem is one stderr line naming the file (and line) and the
// reason, the good articles are all stored, the exit code is 2, the report lists exactly the problems, and
// 50 MB inputs are refused without being read whole (peak memory and time of the run stay small).
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { CliResult } from '../helpers/cli.js';
import { ensureBuilt, runCli } from './helpers/cli-process.js';
import { MB, readPeakRss, rssProbeEnv } from './helpers/process-memory.js';

const IS_ROOT = process.getuid?.() === 0;
const LIMIT = 300_000;

/** German article bodies long enough for language detection, each with a contact the extractor finds. */
const body = (a: string, b: string, place: string, n: number) =>
  `${a} traf am ${n}. März 2024 in ${place} mit ${b} zusammen. Die beiden sprachen nach Angaben der Regierung ` +
  `über die Lage in der Region und über die Zusammenarbeit ihrer Länder. ${b} sagte danach, das Gespräch sei offen gewesen.`;

interface Expected {
  /** Path relative to the batch directory (or absolute for command-line arguments). */
  file: string;
  line: number | null;
  code: 'INPUT_INVALID' | 'INPUT_UNREADABLE';
  reason: RegExp;
}

describe('ingest of a batch with bad files beside good articles', () => {
  const root = mkdtempSync(join(tmpdir(), 'diplograph-bad-batch-'));
  const batch = join(root, 'batch');
  const db = join(root, 'graph.db');
  const reportFile = join(root, 'report.json');
  const rssFile = join(root, 'rss');
  const missing = join(root, 'not-there.txt');
  const expected: Expected[] = [];
  const goodTitles: string[] = [];
  let run: CliResult;
  let seconds = 0;
  /** Peak memory of ingesting only the good articles: the NLP models and the store, nothing of the bad files. */
  let baselinePeak = 0;

  const bad = (file: string, reason: RegExp, code: Expected['code'] = 'INPUT_INVALID', line: number | null = null) =>
    expected.push({ file, line, code, reason });

  beforeAll(async () => {
    mkdirSync(join(batch, 'sub'), { recursive: true });
    const w = (name: string, content: string | Buffer) => writeFileSync(join(batch, name), content);

    // ---- good articles, in every format and encoding ----
    w('gut-1.txt', `Treffen in Berlin\n\n${body('Olaf Scholz', 'Emmanuel Macron', 'Berlin', 3)}\n`);
    goodTitles.push('Treffen in Berlin');
    w('sub/gut-2.md', `# Gespräch in Paris\n\n${body('Annalena Baerbock', 'Antony Blinken', 'Paris', 4)}\n`);
    goodTitles.push('Gespräch in Paris');
    // ISO-8859-1 bytes (ä, ö, ü, ß): invalid UTF-8, detected and converted.
    w('latin1.txt', Buffer.from(`Außenminister in München\n\n${body('Annalena Baerbock', 'Wang Yi', 'München', 5)} Grüße aus Köln.\n`, 'latin1'));
    goodTitles.push('Außenminister in München');
    // Windows-1252: curly quotes 0x93/0x94 and the euro sign 0x80 exist only there.
    const cp1252 = Buffer.concat([
      Buffer.from(`Treffen in Genf\n\n${body('Olaf Scholz', 'Joe Biden', 'Genf', 6)} Scholz nannte das Treffen `, 'latin1'),
      Buffer.from([0x93]), Buffer.from('sehr gut', 'latin1'), Buffer.from([0x94]), Buffer.from(', es ging um 5 Mrd. ', 'latin1'), Buffer.from([0x80]), Buffer.from('.\n'),
    ]);
    w('cp1252.txt', cp1252);
    goodTitles.push('Treffen in Genf');
    w(
      'seite.html',
      `<!doctype html><html lang="de"><head><title>Telefonat mit Kiew</title><script>var stolen = "SCRIPT-IN-HEAD";</script>` +
        `<style>.x { content: "STYLE-TEXT" }</style></head><body><nav>Menü NAV-TEXT</nav><article><p>${body('Olaf Scholz', 'Wolodymyr Selenskyj', 'Kiew', 7)}</p>` +
        `<script>document.write("SCRIPT-IN-BODY")</script><p>Ende des Berichts.</p></article></body></html>`,
    );
    goodTitles.push('Telefonat mit Kiew');
    // JSON Lines: two good lines around a broken one and one without text; plus an article over the limit.
    w(
      'feed.jsonl',
      [
        JSON.stringify({ title: 'Feed eins', text: body('Emmanuel Macron', 'Xi Jinping', 'Peking', 8) }),
        '{"title": "kaputt", "text": ',
        JSON.stringify({ title: 'ohne Text' }),
        JSON.stringify({ title: 'Feed vier', text: body('Recep Tayyip Erdoğan', 'Wladimir Putin', 'Istanbul', 9) }),
        JSON.stringify({ title: 'zu lang', text: 'Wort '.repeat(LIMIT / 5 + 10) }),
      ].join('\n'),
    );
    goodTitles.push('Feed eins', 'Feed vier');
    bad('feed.jsonl', /^invalid JSON: /, 'INPUT_INVALID', 2);
    bad('feed.jsonl', /^missing "text" \(a non-empty string\)$/, 'INPUT_INVALID', 3);
    bad('feed.jsonl', /^article has 300,050 characters, over the limit of 300,000 \(maxArticleChars\)$/, 'INPUT_INVALID', 5);

    // ---- bad files ----
    w('leer.txt', '');
    bad('leer.txt', /^empty file$/);
    w('nur-leerzeichen.md', '   \n\t\n\r\n  ');
    bad('nur-leerzeichen.md', /^file contains only whitespace$/);
    w('bild.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Array(500).fill(7)]));
    bad('bild.txt', /^binary file \(contains NUL bytes\), not text$/);
    w('nul-bytes.txt', `Titel\n\nEin Text mit\u0000NUL-Bytes\u0000 mittendrin.`);
    bad('nul-bytes.txt', /^binary file \(contains NUL bytes\), not text$/);
    w('steuerzeichen.md', Buffer.from(Array.from({ length: 600 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x61 + (i % 26)))));
    bad('steuerzeichen.md', /^binary file \(\d+% control characters\), not text$/);
    w('eine-zeile.txt', 'x'.repeat(1_000_000));
    bad('eine-zeile.txt', /^article has 1,000,000 characters, over the limit of 300,000 \(maxArticleChars\)$/);
    // 50 MB of real text (not sparse): reading it would show in the run's peak memory.
    w('riesig.txt', Buffer.alloc(50 * MB, 'Ein langer Satz über Diplomatie. '));
    bad('riesig.txt', /^file is 52,428,800 bytes, over the limit of 1,200,000 bytes for an article of at most 300,000 characters \(maxArticleChars\)$/);
    // 50 MB on one JSON Lines line: streamed past, never held.
    w('riesig.jsonl', Buffer.concat([Buffer.from('{"title": "riesig", "text": "'), Buffer.alloc(50 * MB, 'abc '), Buffer.from('"}\n')]));
    bad('riesig.jsonl', /^line is 52,428,831 bytes, over the limit of 1,865,536 bytes for an article of at most 300,000 characters \(maxArticleChars\); skipped unread$/, 'INPUT_INVALID', 1);
    w('skript.html', '<html><head><title>Nur Skript</title><script>alert("x")</script></head><body><script>alert(1)</script></body></html>');
    bad('skript.html', /^no article text found in the HTML$/);
    w('dokument.pdf', '%PDF-1.7\n');
    bad('dokument.pdf', /^unsupported file type \.pdf \(supported: /);
    w('sub/foto.jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    bad('sub/foto.jpeg', /^unsupported file type \.jpeg /);
    w('NOTIZEN', 'Titel\n\nText.');
    bad('NOTIZEN', /^no file extension: in a directory only article files are read/);
    symlinkSync(join(batch, 'gibt-es-nicht.txt'), join(batch, 'kaputter-link.txt'));
    bad('kaputter-link.txt', /^broken symbolic link$/, 'INPUT_UNREADABLE');
    symlinkSync(batch, join(batch, 'sub', 'schleife'));
    bad('sub/schleife', /^symlink loop: leads back to /, 'INPUT_UNREADABLE');
    execFileSync('mkfifo', [join(batch, 'pipe.txt')]);
    bad('pipe.txt', /^not a regular file \(a pipe, socket or device\)$/, 'INPUT_UNREADABLE');
    if (!IS_ROOT) {
      w('geheim.txt', `Geheim\n\n${body('Olaf Scholz', 'Joe Biden', 'Washington', 10)}`);
      chmodSync(join(batch, 'geheim.txt'), 0o000);
      bad('geheim.txt', /^permission denied$/, 'INPUT_UNREADABLE');
    }
    bad(missing, /^no such file or directory$/, 'INPUT_UNREADABLE');

    ensureBuilt();
    const good = join(root, 'good');
    mkdirSync(good);
    for (const name of ['gut-1.txt', 'latin1.txt', 'cp1252.txt', 'seite.html']) writeFileSync(join(good, name), readFileSync(join(batch, name)));
    const baseline = await runCli(['ingest', good, '--db', join(root, 'baseline.db'), '--no-progress'], rssProbeEnv(rssFile));
    expect(baseline.status).toBe(0);
    baselinePeak = readPeakRss(rssFile);

    const started = Date.now();
    run = await runCli(
      ['ingest', batch, missing, '--db', db, '--report', reportFile, '--max-article-chars', String(LIMIT), '--no-progress'],
      rssProbeEnv(rssFile),
    );
    seconds = (Date.now() - started) / 1000;
  }, 120_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const where = (e: Expected) => (e.file.startsWith('/') ? e.file : join(batch, e.file));

  it('exits with code 2 and a summary naming the failures', () => {
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(new RegExp(`^articles: ${goodTitles.length} new, 0 duplicate, ${expected.length} failed; `));
  });

  it('writes one clear stderr line per problem: the file, the line where it applies, and the reason', () => {
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(expected.length);
    expect(run.stderr).not.toMatch(/\n\s+at |Error:|unexpected/);
    for (const e of expected) {
      const prefix = `diplograph: ${where(e)}${e.line === null ? '' : `:${e.line}`}: `;
      const hits = lines.filter((l) => l.startsWith(prefix) && e.reason.test(l.slice(prefix.length)));
      expect(hits, `${prefix}${e.reason}`).toHaveLength(1);
    }
  });

  it('lists exactly the same problems in the --report JSON', () => {
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
      summary: { articlesNew: number; failed: number };
      failures: { file: string; line: number | null; code: string; reason: string }[];
    };
    expect(report.summary.articlesNew).toBe(goodTitles.length);
    expect(report.summary.failed).toBe(expected.length);
    expect(report.failures).toHaveLength(expected.length);
    for (const e of expected) {
      const hits = report.failures.filter((f) => f.file === where(e) && f.line === e.line && f.code === e.code && e.reason.test(f.reason));
      expect(hits, `${e.file} ${e.reason}`).toHaveLength(1);
    }
  });

  it('stores every good article: decoded from Latin-1 and Windows-1252, HTML without scripts, styles or navigation', async () => {
    const store = new SqliteStore(db);
    await store.init();
    try {
      const page = await store.listArticles({ first: 100, offset: 0 });
      expect(page.items.map((a) => a.title).sort()).toEqual([...goodTitles].sort());
      const text = (title: string) => page.items.find((a) => a.title === title)!.text;
      expect(text('Außenminister in München')).toContain('Grüße aus Köln.');
      expect(text('Treffen in Genf')).toContain('\u201csehr gut\u201d');
      expect(text('Treffen in Genf')).toContain('5 Mrd. €.');
      const html = text('Telefonat mit Kiew');
      expect(html).toContain('Ende des Berichts.');
      for (const junk of ['SCRIPT-IN-HEAD', 'SCRIPT-IN-BODY', 'STYLE-TEXT', 'NAV-TEXT', 'document.write']) expect(html).not.toContain(junk);
      expect((await store.counts()).relations).toBeGreaterThan(0);
      const check = await store.checkIntegrity();
      expect([check.relationsWithoutEvidence, check.evidenceWithoutArticle, check.evidenceOffsetMismatch]).toEqual([[], [], []]);
    } finally {
      await store.close();
    }
  });

  it('refuses the 50 MB inputs without reading them whole: small peak memory, quick run', () => {
    const peak = readPeakRss(rssFile);
    console.log(`bad-input batch: ${seconds.toFixed(1)} s, peak RSS ${(peak / MB).toFixed(0)} MB (good files alone: ${(baselinePeak / MB).toFixed(0)} MB)`);
    // Holding either 50 MB file would add its bytes and its decoded string (150 MB and more) to the baseline.
    expect(peak - baselinePeak).toBeLessThan(90 * MB);
    expect(seconds).toBeLessThan(20);
  });
});
