import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../ingest/nlp/sentences.js';

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe('sentence boundaries around abbreviations', () => {
  it('month abbreviations and a.m./p.m. do not end a sentence', () => {
    expect(texts('DUBAI, Oct. 2 (Reuters) - Iran said so. At 10:30 a.m. on Tuesday they met.')).toEqual(['DUBAI, Oct. 2 (Reuters) - Iran said so.', 'At 10:30 a.m. on Tuesday they met.']);
  });
  it('a lower-case continuation is the same sentence; a lower-case name particle starts a new one', () => {
    expect(texts('Sie traf u. a. den Minister. Das Treffen ... war kurz. al-Bussaidi sagte nichts.')).toEqual(['Sie traf u. a. den Minister.', 'Das Treffen ... war kurz.', 'al-Bussaidi sagte nichts.']);
  });
  it('an initial before a new sentence ends the sentence ("on X. He …")', () => {
    expect(texts('He posted it on X. He left.')).toEqual(['He posted it on X.', 'He left.']);
  });
});
