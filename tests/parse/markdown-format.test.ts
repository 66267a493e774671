// Markdown: heading marks stripped from the title, the body rendered to readable prose.
import { describe, expect, it } from 'vitest';
import { markdownToText } from '../../ingest/parse/formats/markdown.js';
import { readArticleFile } from '../../ingest/parse/parse-article-file.js';
import { fixture } from './helpers.js';

describe('markdown format', () => {
  it('strips heading, emphasis and link syntax but keeps the words and paragraphs', async () => {
    const { articles, errors } = await readArticleFile(fixture('markdown-heading-links.md'));
    expect(errors).toEqual([]);
    const [a] = articles;
    expect(a.title).toBe('Gipfel in Genf: Gespräche über Abrüstung');
    expect(a.published).toBe('2024-03-05');
    expect(a.text).toContain('Die Delegationen trafen sich im Palais des Nations in Genf.');
    expect(a.text).toContain('Laut Sprecherin Anna Berg war das Treffen konstruktiv, die Stimmung angespannt sachlich.');
    expect(a.text).toContain('\n\nNächste Schritte\n\n');
    expect(a.text).toContain('Wir bleiben im Gespräch, sagte Berg.');
    expect(a.text).toContain('- Ein weiteres Treffen ist für April geplant.');
    expect(a.text).toContain('Details unter https://www.example.org/abruestung und im Bericht.');
    expect(a.text).toContain('Foto der Delegationen');
    expect(a.text).toContain('Preis: 5 * 3 Euro, snake_case_name bleibt.');
    for (const syntax of ['](', '**', '##', '`', '~~', '[bericht]', '> ', 'bild.jpg', '\n---']) {
      expect(a.text).not.toContain(syntax);
    }
  });

  it('takes title, date, url, lang and tags from front matter', async () => {
    const { articles, errors } = await readArticleFile(fixture('markdown-front-matter.md'));
    expect(errors).toEqual([]);
    const [a] = articles;
    expect(a.title).toBe('Minister reist nach Tokio');
    expect(a.published).toBe('2023-11-02');
    expect(a.url).toBe('https://www.example.org/tokio');
    expect(a.lang).toBe('de');
    expect(a.tags).toEqual(['Japan', 'Diplomatie']);
    expect(a.text.startsWith('Der Minister ist am Donnerstag nach Tokio gereist.')).toBe(true);
    expect(a.text).not.toContain('title:');
  });

  it('turns a setext heading into a plain line', () => {
    expect(markdownToText('Titel\n=====\n\nText mit *Betonung*.')).toBe('Titel\n\nText mit Betonung.');
  });
});
