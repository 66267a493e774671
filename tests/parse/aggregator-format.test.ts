// The aggregator export: tag line, title, body, and a trailing reference block that is not body text.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../ingest/parse/detect-format.js';
import { splitTagLine } from '../../ingest/parse/formats/aggregator-text.js';
import { parseArticleFile, readArticleFile } from '../../ingest/parse/parse-article-file.js';
import { fixture } from './helpers.js';

describe('splitTagLine', () => {
  it.each([
    ['HamburgHelsinkiMedienRusslandUkraine', ['Hamburg', 'Helsinki', 'Medien', 'Russland', 'Ukraine']],
    ['RusslandUSAUkraine', ['Russland', 'USA', 'Ukraine']],
    ['EUGipfelNATO', ['EU', 'Gipfel', 'NATO']],
    ['G20GipfelHamburg', ['G20', 'Gipfel', 'Hamburg']],
    ['G7EU', ['G7', 'EU']],
    ['McCainSenatWashington', ['McCain', 'Senat', 'Washington']],
    ['Saudi-ArabienÖsterreichÄgypten', ['Saudi-Arabien', 'Österreich', 'Ägypten']],
    ['5GNetzChina', ['5G', 'Netz', 'China']],
    ['Ukraine', ['Ukraine']],
  ])('%s', (line, tags) => {
    expect(splitTagLine(line)).toEqual(tags);
  });
});

describe('aggregator format', () => {
  it('reads tags, title and body; the reference block is dropped and a full reference URL kept', async () => {
    const file = fixture('aggregator-with-references.txt');
    const raw = await readFile(file, 'utf8');
    const { articles, errors } = await readArticleFile(file);
    expect(errors).toEqual([]);
    expect(articles).toHaveLength(1);
    const [a] = articles;
    expect(a.tags).toEqual(['Brüssel', 'EU', 'Gipfel', 'G7', 'NATO', 'Ukraine']);
    expect(a.title).toBe('Außenminister beraten in Brüssel über neue Ukraine-Hilfen');
    expect(a.text.startsWith('Die Außenminister der G7-Staaten')).toBe(true);
    expect(a.text.endsWith('die Ergebnisse einer Prüfung abwarten.')).toBe(true);
    expect(a.text).toContain('\n\nStreit um die Finanzierung\n\n');
    for (const meta of ['Referenz', 'www.', 'Quellen gesamt', 'Social:']) expect(a.text).not.toContain(meta);
    // The body is a verbatim slice of the file, so evidence offsets match the source.
    expect(raw).toContain(a.text);
    expect(a.url).toBe('https://www.beispiel-nachrichten.de/politik/gipfel-bruessel');
    expect(a.published).toBeNull();
    expect(a.origin).toBe(file);
  });

  it('is recognised by content, also in a file without extension, and with CRLF line ends', async () => {
    const raw = await readFile(fixture('aggregator-with-references.txt'), 'utf8');
    const crlf = Buffer.from(raw.replace(/\n/g, '\r\n'), 'utf8');
    const { articles, errors } = parseArticleFile('export-ohne-endung', crlf);
    expect(errors).toEqual([]);
    expect(articles[0].tags).toEqual(['Brüssel', 'EU', 'Gipfel', 'G7', 'NATO', 'Ukraine']);
    expect(articles[0].text).not.toContain('\r');
    expect(articles[0].text).not.toContain('Referenz');
  });

  it('a tag-like first line without a reference block is plain text, its first line the title', async () => {
    const file = fixture('aggregator-tag-line-without-references.txt');
    expect(detectFormat('.txt', await readFile(file, 'utf8'))).toBe('plain');
    const { articles } = await readArticleFile(file);
    expect(articles[0].title).toBe('WienDiplomatieOSZE');
    expect(articles[0].tags).toEqual([]);
  });

  it('cuts the reference block also from an export that lost its tag line (first line is the title)', () => {
    const text = 'Gespräche in Wien fortgesetzt\n\nDie Delegationen setzten ihre Gespräche fort.\n\nReferenz 1\nwww.example.at\nQuellen gesamt\nWeb: 1Social: 2Foren: 0\n';
    const { articles, errors } = parseArticleFile('ohne-tags.txt', Buffer.from(text));
    expect(errors).toEqual([]);
    expect(articles[0].title).toBe('Gespräche in Wien fortgesetzt');
    expect(articles[0].tags).toEqual([]);
    expect(articles[0].text).toBe('Die Delegationen setzten ihre Gespräche fort.');
  });

  it('reports an aggregator file whose body is missing', () => {
    const text = 'BerlinPolitik\n\nNur ein Titel\nReferenz 1\nwww.example.de\nQuellen gesamt\nWeb: 1\n';
    const { articles, errors } = parseArticleFile('leer.txt', Buffer.from(text));
    expect(articles).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0].file).toBe('leer.txt');
    expect(errors[0].line).toBe(3);
    expect(errors[0].reason).toMatch(/no title or no body/);
  });
});
