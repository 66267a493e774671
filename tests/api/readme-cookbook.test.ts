// The README's analyst cookbook runs as written on the sample data, and the README shows every query.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { readCookbook, runCookbook } from '../helpers/cookbook.js';

/** True when some list anywhere in the answer has an element: an answer that says something. */
function hasContent(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value && typeof value === 'object') return Object.values(value).some(hasContent);
  return false;
}

describe('README analyst cookbook', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplograph-cookbook-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has at least ten queries, all shown in the README', () => {
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    const entries = readCookbook();
    expect(entries.length).toBeGreaterThanOrEqual(10);
    for (const e of entries) expect(readme).toContain(e.query);
  });

  it('answers every query without errors and with content', async () => {
    const answers = await runCookbook(join(dir, 'graph.db'));
    for (const a of answers) {
      expect(a.errors, a.question).toBeNull();
      expect(hasContent(a.data), a.question).toBe(true);
    }
  }, 60_000);
});
