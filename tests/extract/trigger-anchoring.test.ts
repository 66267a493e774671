// Trigger patterns are tried only where a token starts with the first word of one of their alternatives; that must
// find exactly what a scan of the whole sentence finds. Checked on every sentence of the gold fixtures, both languages.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { prepareContext } from '../../ingest/extract/prepare.js';
import { TRIGGERS, matchTriggers } from '../../ingest/lexicon/triggers.js';
import { article } from './helpers.js';

const dirs = ['../fixtures/gold/articles', '../fixtures/gold/heldout-style/articles'].map((d) => fileURLToPath(new URL(d, import.meta.url)));

describe('anchored trigger matching', () => {
  it('finds the same matches as a full scan', () => {
    let checked = 0;
    for (const dir of dirs) {
      for (const f of readdirSync(dir)) {
        const text = readFileSync(`${dir}/${f}`, 'utf8');
        for (const lang of ['de', 'en'] as const) {
          const T = TRIGGERS[lang];
          for (const s of prepareContext(article(text, lang)).ctx.sentences) {
            for (const re of [T.meet, T.call, T.talk, T.join, T.say, T.attribution]) {
              const full: string[] = [];
              re.lastIndex = 0;
              for (let m = re.exec(s.text); m; m = re.exec(s.text)) full.push(`${m.index}:${m[0]}`);
              expect(matchTriggers(re, s.text, s.tokens, s.start, s.tstarts).map((m) => `${m.index}:${m.text}`)).toEqual(full);
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
