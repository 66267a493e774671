// The product's sample article (samples/seed.txt) parses as the aggregator format.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticleFile } from '../../ingest/parse/parse-article-file.js';
import { REPO_ROOT } from './helpers.js';

describe('samples/seed.txt', () => {
  it('gives one article with the tag words, the title and only the body text', async () => {
    const { articles, errors } = await readArticleFile(path.join(REPO_ROOT, 'samples/seed.txt'));
    expect(errors).toEqual([]);
    expect(articles).toHaveLength(1);
    const [a] = articles;
    expect(a.tags).toEqual(['Hamburg', 'Helsinki', 'Medien', 'Russland', 'Ukraine']);
    expect(a.title).toBe('Trump und Putin: Neueste Verhandlungen zur Beendigung des Ukraine-Kriegs!');
    expect(a.text.startsWith('US-Präsident Donald Trump und Russlands')).toBe(true);
    expect(a.text).not.toContain('Referenz');
    expect(a.text).not.toContain('www.');
    expect(a.text).not.toContain('Quellen gesamt');
    expect(a.text.endsWith('und die betroffenen Regionen.')).toBe(true);
    // Sub-headings stay in the body, as their own paragraph.
    expect(a.text).toContain('\n\nEin neuer Gesprächszyklus\n\n');
    expect(a.published).toBeNull();
    expect(a.url).toBeNull();
  });
});
