// Plain text: first non-empty line is the title, the rest the body; a printed header date is `published`.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseArticleFile, readArticleFile } from '../../ingest/parse/parse-article-file.js';
import { fixture } from './helpers.js';

const parseText = (text: string, name = 'article.txt') => parseArticleFile(name, Buffer.from(text, 'utf8'));

describe('plain text format', () => {
  it('takes the title line, keeps the body verbatim and reads a German header date', async () => {
    const file = fixture('plain-text-german-header-date.txt');
    const { articles, errors } = await readArticleFile(file);
    expect(errors).toEqual([]);
    const [a] = articles;
    expect(a.title).toBe('Ministerpräsidentin empfängt Gast aus Kanada');
    expect(a.text.startsWith('Montag, 6. Mai 2024, 14:30 Uhr\n\nKiel (dpa) - ')).toBe(true);
    expect(a.text).toContain('empfangen.');
    expect(await readFile(file, 'utf8')).toContain(a.text);
    expect(a.published).toBe('2024-05-06');
    expect(a.tags).toEqual([]);
    expect(a.url).toBeNull();
  });

  it('reads the date of an English dateline opening the first paragraph', async () => {
    const { articles } = await readArticleFile(fixture('plain-text-english-dateline.txt'));
    expect(articles[0].title).toBe('Foreign ministers meet in Oslo to discuss Arctic cooperation');
    expect(articles[0].published).toBe('2023-09-12');
  });

  it('leaves published null when the header date has no year', async () => {
    const { articles } = await readArticleFile(fixture('plain-text-dateline-without-year.txt'));
    expect(articles[0].text.startsWith('By Jane Roe')).toBe(true);
    expect(articles[0].published).toBeNull();
  });

  it.each([
    ['04.11.2022', '2022-11-04'],
    ['Stand: 13.02.2025', '2025-02-13'],
    ['Published August 19, 2022', '2022-08-19'],
    ['Tuesday 11 July 2023', '2023-07-11'],
    ['Von Anna Beispiel | 20.05.2024', '2024-05-20'],
    ['Updated 7:58 PM GMT+3, April 11, 2025', '2025-04-11'],
    ['2021-06-30', '2021-06-30'],
    ['Stand: März 2025', '2025-03'],
  ])('header line %j → %s', (header, expected) => {
    const { articles } = parseText(`Titel\n\n${header}\n\nErster Absatz des Textes.`);
    expect(articles[0].published).toBe(expected);
  });

  it.each([
    ['a date inside a sentence', 'Ein Treffen am 5. Mai 2024 ist geplant'],
    ['an impossible date', '31.02.2024'],
    ['a date deep in the body', 'Eins\n\nZwei\n\nDrei\n\nVier\n\nFünf\n\n06.05.2024'],
  ])('no published date from %s', (_case, header) => {
    const { articles } = parseText(`Titel\n\n${header}\n\nErster Absatz des Textes.`);
    expect(articles[0].published).toBeNull();
  });

  it('a date line before the headline is the date, not the title', () => {
    const { articles } = parseText('Dienstag, 4. Juni 2024\n\nGipfel in Rom beendet\n\nDie Teilnehmer reisten am Abend ab.');
    expect(articles[0].title).toBe('Gipfel in Rom beendet');
    expect(articles[0].published).toBe('2024-06-04');
    expect(articles[0].text).toBe('Die Teilnehmer reisten am Abend ab.');
  });

  it('a headline that merely ends in a date stays the title', () => {
    const { articles } = parseText('Treffen am 12. März 2025\n\nDie Teilnehmer reisten am Abend ab.');
    expect(articles[0].title).toBe('Treffen am 12. März 2025');
    expect(articles[0].published).toBeNull();
  });

  it('a single long line is body text without a title', () => {
    const line = 'Ein sehr langer Satz ohne Zeilenumbruch. '.repeat(20).trim();
    const { articles, errors } = parseText(`\n\n${line}\n`);
    expect(errors).toEqual([]);
    expect(articles[0].title).toBeNull();
    expect(articles[0].text).toBe(line);
  });

  it('keeps paragraph breaks and trims only surrounding blank lines', () => {
    const { articles } = parseText('\n\nTitel\n\n\nAbsatz eins.\n\nAbsatz zwei.\n\n\n');
    expect(articles[0].title).toBe('Titel');
    expect(articles[0].text).toBe('Absatz eins.\n\nAbsatz zwei.');
  });
});
