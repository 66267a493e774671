// JSON Lines: one article per line; bad lines are reported with their line number, the rest still read.
import { describe, expect, it } from 'vitest';
import { parseArticleFile, readArticleFile } from '../../ingest/parse/parse-article-file.js';
import { fixture } from './helpers.js';

describe('json lines format', () => {
  it('reads the good lines with their fields and reports each bad line by number', async () => {
    const file = fixture('json-lines-mixed.jsonl');
    const { articles, errors } = await readArticleFile(file);
    expect(articles.map((a) => a.origin)).toEqual([`${file}:1`, `${file}:3`, `${file}:9`]);
    expect(articles[0]).toEqual({
      title: 'Talks in Vienna',
      text: 'Diplomats met in Vienna on Monday.\n\nThey agreed to meet again.',
      url: 'https://example.org/vienna',
      published: '2024-01-15',
      lang: 'en',
      externalId: 'a-1',
      tags: [],
      origin: `${file}:1`,
    });
    expect(articles[1].externalId).toBe('7');
    expect(articles[1].title).toBeNull();
    expect(articles[2].text).toBe('Windows\nnewlines inside');
    expect(articles[2].published).toBe('2023-07');
    expect(articles[2].tags).toEqual(['Wien', 'OSZE']);

    expect(errors.map((e) => [e.file, e.line])).toEqual([
      [file, 4],
      [file, 5],
      [file, 6],
      [file, 7],
      [file, 8],
    ]);
    expect(errors[0].reason).toMatch(/missing "text"/);
    expect(errors[1].reason).toMatch(/^invalid JSON/);
    expect(errors[2].reason).toMatch(/missing "text".*number 42/);
    expect(errors[3].reason).toMatch(/expected a JSON object/);
    expect(errors[4].reason).toMatch(/"published" is not a date.*sometime soon/);
  });

  it('applies the size limit per line, naming the line', () => {
    const lines = [JSON.stringify({ text: 'kurz' }), JSON.stringify({ text: 'x'.repeat(50) })].join('\n');
    const { articles, errors } = parseArticleFile('many.ndjson', Buffer.from(lines), { maxArticleChars: 20 });
    expect(articles.map((a) => a.text)).toEqual(['kurz']);
    expect(errors).toHaveLength(1);
    expect(errors[0].line).toBe(2);
    expect(errors[0].reason).toContain('limit of 20');
  });

  it('reads a .json file holding an array of articles', () => {
    const json = JSON.stringify([{ text: 'Erster Text.', id: 'x' }, { title: 'ohne Text' }]);
    const { articles, errors } = parseArticleFile('batch.json', Buffer.from(json));
    expect(articles.map((a) => a.externalId)).toEqual(['x']);
    expect(errors).toHaveLength(1);
    expect(errors[0].reason).toMatch(/^item 2: missing "text"/);
  });

  it('sniffs JSON Lines in a file without extension', () => {
    const { articles } = parseArticleFile('export', Buffer.from('{"text": "Ein Text."}\n{"text": "Noch einer."}\n'));
    expect(articles.map((a) => a.text)).toEqual(['Ein Text.', 'Noch einer.']);
  });
});
