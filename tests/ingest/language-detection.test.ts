// Language detection reads a short sample: it must decide exactly as ELD does on the longest sample ELD accepts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eld } from 'eld/small';
import { describe, expect, it } from 'vitest';
import { detectArticleLanguage, detectLanguage, SAMPLE_CHARS } from '../../ingest/nlp/detect-language.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const articleDirs = [join(FIXTURES, 'gold', 'articles'), join(FIXTURES, 'gold', 'heldout-style', 'articles'), join(FIXTURES, 'inputs')];
const texts = articleDirs.flatMap((d) => readdirSync(d).map((f) => ({ name: f, text: readFileSync(join(d, f), 'utf8') })));

// ELD itself cuts its input at 1,000 characters.
const eldOnLongest = (text: string): string => eld.detect(text.slice(0, 1000)).language || 'und';

const FRENCH =
  "Le ministre des Affaires étrangères a rencontré mardi son homologue à Paris. Les deux hommes ont évoqué la situation en Ukraine et la préparation du prochain sommet, selon un communiqué publié dans la soirée par le gouvernement.";
const DUTCH =
  'De minister van Buitenlandse Zaken heeft dinsdag zijn ambtgenoot in Den Haag ontvangen. Volgens een verklaring van het ministerie spraken de twee mannen over de oorlog in Oekraïne en de voorbereiding van de volgende top.';

describe('language detection sample', () => {
  it('decides as ELD does on 1,000 characters for every fixture article', () => {
    // Preconditions: the sample is shorter than what ELD accepts, and there are articles to compare on.
    expect(SAMPLE_CHARS).toBeLessThan(1000);
    expect(texts.length).toBeGreaterThan(5);
    for (const { name, text } of texts) expect([name, detectLanguage(text)]).toEqual([name, eldOnLongest(text)]);
  });

  it('still finds the language behind a long run of separators (a rule of dashes before the text)', () => {
    const english = readFileSync(join(FIXTURES, 'gold', 'articles', 'f02-en-wire.txt'), 'utf8');
    // 400 characters that ELD's cleaning collapses: the 100 characters after them are enough.
    expect(detectLanguage(`${'— '.repeat(200)}${english}`)).toBe('en');
  });

  it('tells German and English articles apart and leaves other languages unsupported', () => {
    expect(detectArticleLanguage('Baerbock trifft Blinken', readFileSync(join(FIXTURES, 'gold', 'articles', 'f01-de-wire.txt'), 'utf8'))).toBe('de');
    expect(detectArticleLanguage('Blinken meets Baerbock', readFileSync(join(FIXTURES, 'gold', 'articles', 'f02-en-wire.txt'), 'utf8'))).toBe('en');
    expect(detectLanguage(FRENCH)).toBe('fr');
    expect(detectLanguage(DUTCH)).toBe('nl');
  });
});
