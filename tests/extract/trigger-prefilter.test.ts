// The token prefilter of the trigger patterns must never skip a pattern that matches: checked on every sentence of
// the gold fixtures.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { prepareContext } from '../../ingest/extract/prepare.js';
import { REGEX_BIT, TRIGGERS } from '../../ingest/lexicon/triggers.js';
import { article } from './helpers.js';

const dirs = ['../fixtures/gold/articles', '../fixtures/gold/heldout-style/articles'].map((d) => fileURLToPath(new URL(d, import.meta.url)));

describe('trigger prefilter', () => {
  it('sets the bit of every pattern that matches the sentence', () => {
    let checked = 0;
    for (const dir of dirs) {
      for (const f of readdirSync(dir)) {
        const text = readFileSync(`${dir}/${f}`, 'utf8');
        const lang = /-de-/.test(f) ? 'de' : 'en';
        const T = TRIGGERS[lang];
        const patterns = [T.meet, T.call, T.talk, T.inPerson, T.phone, T.join, T.say, T.attribution, T.noComment, T.planned, T.denied, T.hypothetical, T.pastAnchor, T.newEvent, T.dateAnchor, T.summit, T.notAttend, ...T.other.map(([, re]) => re)];
        for (const s of prepareContext(article(text, lang)).ctx.sentences) {
          const mask = s.tmask;
          for (const re of patterns) {
            re.lastIndex = 0;
            if (re.test(s.text)) {
              expect(mask & REGEX_BIT.get(re)!, `${re.source.slice(0, 40)} in "${s.text}"`).not.toBe(0);
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
