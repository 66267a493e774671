import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../ingest/nlp/sentences.js';

const TEXT = `Die Minister trafen sich am 28. Januar 2017 in Berlin. Es gab z. B. Gespräche über Energie u. a. mit Frankreich.
Danach flog Dr. Müller nach Washington, D.C. und traf dort Vertreter der U.S. Army.

J. D. Vance said the U.S. Senate would vote. "We are ready," he said. „Wir sind bereit“, sagte sie.`;

describe('sentence splitting', () => {
  const s = splitSentences(TEXT);
  it('slices every sentence exactly out of the text', () => {
    for (const x of s) expect(TEXT.slice(x.start, x.end)).toBe(x.text);
  });
  it('keeps ordinal dates, German abbreviations and D.C./U.S. inside their sentence', () => {
    expect(s.map((x) => x.text)).toEqual([
      'Die Minister trafen sich am 28. Januar 2017 in Berlin.',
      'Es gab z. B. Gespräche über Energie u. a. mit Frankreich.',
      'Danach flog Dr. Müller nach Washington, D.C. und traf dort Vertreter der U.S. Army.',
      'J. D. Vance said the U.S. Senate would vote.',
      '"We are ready," he said.',
      '„Wir sind bereit“, sagte sie.',
    ]);
  });
  it('numbers paragraphs', () => {
    expect(s.map((x) => x.para)).toEqual([0, 0, 0, 1, 1, 1]);
  });
});
