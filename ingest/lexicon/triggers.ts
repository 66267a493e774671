// Trigger and cue lexicons (data/triggers.json), compiled once per language.
import triggersData from './data/triggers.json' with { type: 'json' };
import type { Lang } from './lexicon.js';

export interface TriggerSet {
  meet: RegExp;
  call: RegExp;
  talk: RegExp;
  inPerson: RegExp;
  phone: RegExp;
  join: RegExp;
  say: RegExp;
  attribution: RegExp;
  quoteIntro: RegExp;
  noComment: RegExp;
  planned: RegExp;
  denied: RegExp;
  hypothetical: RegExp;
  pastAnchor: RegExp;
  newEvent: RegExp;
  anaphor: RegExp;
  dateAnchor: RegExp;
  dateBreak: RegExp;
  summit: RegExp;
  notAttend: RegExp;
  other: [string, RegExp][];
}

type Raw = Record<string, string> & { other: Record<string, string> };
const data = triggersData as unknown as Record<Lang, Raw>;

/** `\b` is ASCII-only in JavaScript even with the u flag (it fails before "ä" in "äußerte"): use a Unicode boundary. */
export const UB = '(?:(?<![\\p{L}\\p{N}_])(?=[\\p{L}\\p{N}_])|(?<=[\\p{L}\\p{N}_])(?![\\p{L}\\p{N}_]))';
export function unicodeBoundaries(source: string): string {
  return source.replace(/\\b/g, UB);
}

function compile(raw: Raw, lang: Lang): TriggerSet {
  const g = (k: string, flags = 'giu') => new RegExp(unicodeBoundaries(raw[k]), flags);
  return {
    meet: g('meet'),
    call: g('call', lang === 'en' ? 'gu' : 'giu'),
    talk: g('talk'),
    inPerson: g('inPerson', 'iu'),
    phone: g('phone', 'iu'),
    join: g('join'),
    say: g('say', lang === 'en' ? 'gu' : 'gu'),
    attribution: g('attribution', 'giu'),
    quoteIntro: g('quoteIntro', 'iu'),
    noComment: g('noComment', 'iu'),
    planned: g('planned', lang === 'de' ? 'u' : 'iu'),
    denied: g('denied', 'iu'),
    hypothetical: g('hypothetical', 'iu'),
    pastAnchor: g('pastAnchor', 'iu'),
    newEvent: g('newEvent', 'iu'),
    anaphor: g('anaphor', 'iu'),
    dateAnchor: g('dateAnchor', 'iu'),
    dateBreak: g('dateBreak', 'iu'),
    summit: g('summit', 'iu'),
    notAttend: g('notAttend', 'iu'),
    other: Object.entries(raw.other).map(([k, v]) => [k, new RegExp(unicodeBoundaries(v), 'giu')]),
  };
}

export const TRIGGERS: Record<Lang, TriggerSet> = { de: compile(data.de, 'de'), en: compile(data.en, 'en') };
