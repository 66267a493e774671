// Decoding: legacy 8-bit encodings, BOMs and UTF-16 come out as the right characters; line ends become \n.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../ingest/parse/decode-text.js';
import { parseArticleFile } from '../../ingest/parse/parse-article-file.js';

const TITLE = 'Außenministerin in Brüssel';
const BODY = 'Die Außenministerin sagte: „Wir verhandeln weiter.“ Kosten: 5 € – Grüße aus Köln.';
const ARTICLE = `${TITLE}\n\n${BODY}`;

function parsed(bytes: Buffer, name = 'artikel.txt') {
  const { articles, errors } = parseArticleFile(name, bytes);
  expect(errors).toEqual([]);
  return articles[0];
}

describe('encoding', () => {
  it('invalid UTF-8 is read as Windows-1252, with quotes, euro sign and umlauts right', () => {
    const bytes = iconv.encode(ARTICLE, 'windows-1252');
    expect(decodeText(bytes)).toMatchObject({ ok: true, encoding: 'windows-1252' });
    const a = parsed(bytes);
    expect(a.title).toBe(TITLE);
    expect(a.text).toBe(BODY);
  });

  it('Latin-1 German text decodes correctly', () => {
    const a = parsed(iconv.encode('Grüße aus Köln\n\nDer Außenminister traf seinen Amtskollegen.', 'latin1'));
    expect(a.title).toBe('Grüße aus Köln');
    expect(a.text).toBe('Der Außenminister traf seinen Amtskollegen.');
  });

  it('valid UTF-8 stays UTF-8', () => {
    expect(decodeText(Buffer.from(ARTICLE, 'utf8'))).toEqual({ ok: true, text: ARTICLE, encoding: 'utf-8' });
  });

  it('a UTF-8 BOM is removed', () => {
    const a = parsed(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE, 'utf8')]));
    expect(a.title).toBe(TITLE);
  });

  it('only the first BOM is removed: a second U+FEFF is text', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`\ufeff${ARTICLE}`, 'utf8')]);
    expect(decodeText(bytes)).toEqual({ ok: true, text: `\ufeff${ARTICLE}`, encoding: 'utf-8' });
  });

  it.each([
    ['utf-16le', [0xff, 0xfe]],
    ['utf-16be', [0xfe, 0xff]],
  ])('%s with BOM', (encoding, bom) => {
    const bytes = Buffer.concat([Buffer.from(bom), iconv.encode(ARTICLE, encoding)]);
    expect(decodeText(bytes)).toEqual({ ok: true, text: ARTICLE, encoding });
    expect(parsed(bytes).text).toBe(BODY);
  });

  it('UTF-16LE without BOM is recognised rather than refused as binary', () => {
    expect(decodeText(iconv.encode(ARTICLE, 'utf-16le'))).toEqual({ ok: true, text: ARTICLE, encoding: 'utf-16le' });
  });

  it('CRLF and CR line ends become LF', () => {
    expect(parsed(Buffer.from('Titel\r\n\r\nEins.\r\nZwei.\rDrei.')).text).toBe('Eins.\nZwei.\nDrei.');
  });

  it('a JSON Lines file in Windows-1252 still yields correct text', () => {
    const bytes = iconv.encode(JSON.stringify({ title: TITLE, text: BODY }), 'windows-1252');
    expect(parseArticleFile('alt.jsonl', bytes).articles[0].text).toBe(BODY);
  });
});
