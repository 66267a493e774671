// HTML: title, main text without page furniture or scripts, entities decoded, blocks as paragraphs.
import { describe, expect, it } from 'vitest';
import { htmlNestingDepth, MAX_HTML_NESTING } from '../../ingest/parse/formats/html.js';
import { parseArticleFile, readArticleFile } from '../../ingest/parse/parse-article-file.js';
import { fixture } from './helpers.js';

describe('html format', () => {
  it('keeps the article text and drops scripts, styles, navigation, header, footer, aside, form', async () => {
    const { articles, errors } = await readArticleFile(fixture('html-article-with-scripts.html'));
    expect(errors).toEqual([]);
    const [a] = articles;
    expect(a.title).toBe('Kanzler telefoniert mit Präsidentin');
    expect(a.published).toBe('2024-03-18');
    expect(a.url).toBe('https://www.example.org/telefonat');
    expect(a.lang).toBe('de');
    expect(a.text).toBe(
      [
        'Der Kanzler hat am Montag mit der Präsidentin telefoniert. Das Gespräch dauerte „rund eine Stunde“.',
        'Beide Seiten vereinbarten ein Treffen im Mai & weitere Gespräche.\nOrt: Berlin.',
        'Reaktionen',
        'Die Opposition begrüßte das Telefonat.',
        'Kritik kam aus der Wirtschaft.',
      ].join('\n\n'),
    );
    for (const hidden of ['SCRIPT', 'HEADER_TEXT', 'NAV_TEXT', 'FOOTER_TEXT', 'ASIDE_TEXT', 'NOSCRIPT_TEXT', 'FORM_TEXT', 'color: red']) {
      expect(a.text).not.toContain(hidden);
    }
  });

  it('falls back to the first <h1> for the title, <body> for the text and <time datetime> for the date', async () => {
    const { articles, errors } = await readArticleFile(fixture('html-body-only.htm'));
    expect(errors).toEqual([]);
    const [a] = articles;
    expect(a.title).toBe('Botschafter überreicht Beglaubigungsschreiben');
    expect(a.published).toBe('2022-09-07');
    expect(a.text).toBe('7. September 2022\n\nDer neue Botschafter hat am Mittwoch sein Beglaubigungsschreiben überreicht.\n\nDie Zeremonie fand im Schloss statt.');
    expect(a.url).toBeNull();
  });

  it('reads datePublished from JSON-LD', () => {
    const html = `<html><head><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2021-12-01T10:00:00Z"}]}</script></head><body><p>Text.</p></body></html>`;
    expect(parseArticleFile('page.html', Buffer.from(html)).articles[0].published).toBe('2021-12-01');
  });

  it('reports a page without text', () => {
    const html = '<html><head><title>Leer</title><script>x()</script></head><body><nav>Menü</nav></body></html>';
    const { articles, errors } = parseArticleFile('leer.html', Buffer.from(html));
    expect(articles).toEqual([]);
    expect(errors[0].reason).toMatch(/no article text/);
  });

  it('treats a saved web page named .txt as HTML', () => {
    const { articles } = parseArticleFile('seite.txt', Buffer.from('<!DOCTYPE html><title>T</title><p>Absatz.</p>'));
    expect(articles[0].title).toBe('T');
    expect(articles[0].text).toBe('Absatz.');
  });

  it('measures nesting without counting void, implicitly closed or script content', () => {
    expect(htmlNestingDepth('<html><body><div><p>a<p>b<br><img src=x><script>"<div><div>"</script></div></body></html>')).toBe(3);
  });

  it('refuses absurdly deep nesting up front instead of hanging the parser', () => {
    const { articles, errors } = parseArticleFile('tief.html', Buffer.from('<div>'.repeat(200_000) + 'x'));
    expect(articles).toEqual([]);
    expect(errors[0].reason).toBe(`HTML nested 200,000 elements deep, over the limit of ${MAX_HTML_NESTING}`);
  });
});
