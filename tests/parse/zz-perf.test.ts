import { test } from 'vitest';
import { parseArticleFile } from '../../ingest/parse/parse-article-file.js';
test('perf', () => {
  const cases: Array<[string, string]> = [
    ['md-stars.md', 'T\n\n' + '**a '.repeat(250_000)],
    ['md-under.md', 'T\n\n' + '_a '.repeat(300_000)],
    ['md-brackets.md', 'T\n\n' + '[a](b '.repeat(150_000)],
    ['md-ticks.md', 'T\n\n' + '`a '.repeat(300_000)],
    ['deep.html', '<div>'.repeat(200_000) + 'x'],
    ['dates.txt', 'T\n\n' + '1. 2. '.repeat(15) + '\n\nx'],
    ['tag.txt', 'Ab'.repeat(500_000) + '\n\nT\n\nBody\nReferenz 1\nwww.a.de'],
    ['lines.txt', 'T\n\n' + 'a\n'.repeat(900_000)],
  ];
  for (const [name, text] of cases) {
    const t = Date.now();
    const r = parseArticleFile(name, Buffer.from(text));
    console.log(name, Date.now() - t, 'ms', r.articles.length, r.errors.map((e) => e.reason.slice(0, 80)));
  }
});
