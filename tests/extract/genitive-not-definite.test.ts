import { describe, expect, it } from 'vitest';
import { pair, run } from './helpers.js';

describe('"am Rande der Konferenz Gespräche mit X": a genitive before the event noun does not make it a back-reference', () => {
  it('a new meeting with the named partner, not a mention of the meeting before', () => {
    const { rels } = run(
      'Am Samstag reist Präsident Wolodymyr Selenskyj zur Münchner Sicherheitskonferenz, wo er US-Vizepräsidentin Kamala Harris treffen will. Außenministerin Annalena Baerbock führte am Rande der Konferenz Gespräche mit ihrem indischen Amtskollegen Subrahmanyam Jaishankar.',
      'de',
      '2024-02-16',
    );
    const m = rels.find((r) => r.type === 'MET_AT' && pair(r, 'Annalena Baerbock', 'Subrahmanyam Jaishankar'));
    expect(m?.status).toBe('occurred');
    const planned = rels.find((r) => r.type === 'MET_AT' && pair(r, 'Wolodymyr Selenskyj', 'Kamala Harris'));
    expect(planned?.mentions).toHaveLength(1);
  });
  it('"Das Treffen …" still refers to the meeting before', () => {
    const { rels } = run('Bundeskanzler Olaf Scholz traf am Montag Präsident Emmanuel Macron in Paris. Das zweistündige Treffen sei konstruktiv gewesen, hieß es.', 'de', '2024-02-12');
    const meetings = rels.filter((r) => r.type === 'MET_AT');
    expect(meetings).toHaveLength(1);
  });
});
