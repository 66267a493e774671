// What the stages ask about a word, computed once per distinct token text and language and kept in arrays indexed by
// the token's vocabulary id (Token.id): trigger bits and date features (read by prepare.ts for a sentence's masks) and
// the word classes of the mention rules (mentions.ts). An array read per token instead of a set lookup per rule.
import type { Lang } from '../lexicon/lexicon.js';
import { entityIndex, familyFirst, givenNames, roleIndex, roleSuffixesDe, type Surface } from '../lexicon/lexicon.js';
import { wordTriggerBits } from '../lexicon/triggers.js';
import { tokenNorm, type Token } from '../nlp/tokenize.js';
import { wordFeatures } from './dates.js';
import {
  HONORIFICS,
  MEDIA_CUES_DE,
  MEDIA_CUES_EN,
  MONTHS_AND_DAYS,
  NAME_PARTICLES,
  PRONOUNS,
  type PronounInfo,
  STOP_CAPS,
  TOWN_WORDS_DE,
  TOWN_WORDS_EN,
} from './word-lists.js';

/** Titles of nobility and religion that stand between a role and a name (Saudi counterpart Prince Faisal bin Farhan). */
export const NOBLE_TITLES = new Set(['prince', 'princess', 'sheikh', 'sheikha', 'prinz', 'prinzessin', 'scheich', 'scheicha', 'emir', 'sultan', 'king', 'queen', 'konig', 'konigin', 'pope', 'papst', 'cardinal', 'kardinal', 'archbishop', 'erzbischof', 'imam', 'ayatollah', 'ajatollah', 'rabbi', 'rabbiner', 'lord', 'lady', 'baroness', 'baron', 'count', 'graf', 'gräfin', 'grafin', 'emperor', 'empress', 'kaiser', 'kaiserin', 'crown', 'kronprinz', 'kronprinzessin', 'grand', 'großherzog', 'grossherzog']);
/** Words that can start a pronoun or group reference. */
const PRONOUN_OR_GROUP = new Set(['er', 'sie', 'ihn', 'ihm', 'he', 'she', 'him', 'die', 'der', 'den', 'beide', 'beider', 'ihrem', 'ihren', 'ihrer', 'ihre', 'ihr', 'the', 'both', 'their']);
/** Arabic name particles between given name and family name (Asaad al-Shaibani, Mohammed bin Salman). */
const ARABIC_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'abu', 'ould']);
/** English contractions ("I'm", "We're") are never names. */
const CONTRACTION = /['’](?:m|ll|re|ve|d|t|s)$/iu;
const PARTICLE_NORMS = new Set([...NAME_PARTICLES].map(tokenNorm));
const HONORIFIC_NORMS = new Set([...HONORIFICS].map(tokenNorm));

// Bits of WordFacts.names. Particles and honorifics are matched by their text, so their bits only say that the norm fits.
export const W_PRONOUN_OR_GROUP = 1;
export const W_GIVEN = 2;
export const W_FAMILY_FIRST = 4;
export const W_STOP_CAP = 8;
export const W_NOBLE = 16;
export const W_PARTICLE = 32;
export const W_HONORIFIC = 64;
export const W_ARABIC = 128;
export const W_ENTITY_START = 256;
export const W_ROLE_START = 512;
export const W_MEDIA_CUE = 1024;
export const W_TOWN = 2048;
export const W_MONTH_DAY = 4096;
/** "Hauptstadt", "capital": a capital reference may end here. */
export const W_CAPITAL = 8192;

// WordFacts.nameClass: never a name, a name word, a stop word (a name only as a family name before a name), a month or
// weekday (a name only as a given name before a name).
export const NAME_NO = 0;
export const NAME_YES = 1;
export const NAME_STOP = 2;
export const NAME_MONTH = 3;

export interface WordFacts {
  /** Trigger patterns that may match a sentence with this word (lexicon/triggers.ts wordTriggerBits). */
  mask: number;
  /** Trigger patterns whose match may start at this word. */
  starts: number;
  /** Date features (extract/dates.ts wordFeatures). */
  dates: number;
  /** W_* bits of the mention rules. */
  names: number;
  nameClass: number;
  /** German: the role of an unknown compound by its ending (Nato-Generalsekretär), else null. */
  roleSuffix: string | null;
  /** A capitalised word ending in s (Putins, Chinas): the lexicon names it is the genitive of, else null. */
  genitiveOf: Surface[] | null;
  /** The personal pronoun it is (by its text, else by its norm), else null. */
  pronoun: PronounInfo | null;
}

function nameFlags(lang: Lang, norm: string): number {
  return (
    (entityIndex.trie.has(norm) ? W_ENTITY_START : 0) |
    (roleIndex[lang].trie.has(norm) ? W_ROLE_START : 0) |
    ((lang === 'de' ? MEDIA_CUES_DE : MEDIA_CUES_EN).has(norm) ? W_MEDIA_CUE : 0) |
    ((lang === 'de' ? TOWN_WORDS_DE.test(norm) : TOWN_WORDS_EN.has(norm)) ? W_TOWN : 0) |
    (PRONOUN_OR_GROUP.has(norm) ? W_PRONOUN_OR_GROUP : 0) |
    (givenNames.has(norm) ? W_GIVEN : 0) |
    (familyFirst.has(norm) ? W_FAMILY_FIRST : 0) |
    (STOP_CAPS.has(norm) ? W_STOP_CAP : 0) |
    (NOBLE_TITLES.has(norm) ? W_NOBLE : 0) |
    (PARTICLE_NORMS.has(norm) ? W_PARTICLE : 0) |
    (HONORIFIC_NORMS.has(norm) ? W_HONORIFIC : 0) |
    (ARABIC_PARTICLES.has(norm) ? W_ARABIC : 0) |
    (MONTHS_AND_DAYS.has(norm) ? W_MONTH_DAY : 0) |
    (norm === 'hauptstadt' || norm === 'capital' ? W_CAPITAL : 0)
  );
}

function nameClass(lang: Lang, text: string, norm: string): number {
  if (CONTRACTION.test(text) || /^\p{N}/u.test(text) || roleIndex[lang].map.has(norm)) return NAME_NO;
  if (STOP_CAPS.has(norm)) return NAME_STOP;
  if (MONTHS_AND_DAYS.has(norm)) return NAME_MONTH;
  return NAME_YES;
}

function roleBySuffix(norm: string): string | null {
  for (const [suf, role] of roleSuffixesDe) if (norm.endsWith(suf) && norm.length > suf.length + 2) return role;
  return null;
}

/** Ends in a genitive -s that a lexicon name may carry ("Putins", "Chinas"). */
export function genitiveLike(t: Token): boolean {
  return t.word && t.cap && t.text.length >= 3 && t.text[t.text.length - 1] === 's';
}

function compute(lang: Lang, t: Token): WordFacts {
  const { mask, starts } = wordTriggerBits(lang, t.norm);
  return {
    mask,
    starts,
    dates: wordFeatures(t.norm),
    names: nameFlags(lang, t.norm),
    nameClass: nameClass(lang, t.text, t.norm),
    roleSuffix: lang === 'de' ? roleBySuffix(t.norm) : null,
    genitiveOf: genitiveLike(t) ? (entityIndex.trie.get(t.norm.slice(0, -1))?.values ?? null) : null,
    pronoun: PRONOUNS[lang].get(t.text) ?? PRONOUNS[lang].get(t.norm) ?? null,
  };
}

/** By language and vocabulary id; dense arrays (no holes) stay fast. */
const FACTS: Record<Lang, WordFacts[]> = { de: [], en: [] };
const UNKNOWN: WordFacts = { mask: 0, starts: 0, dates: 0, names: 0, nameClass: NAME_NO, roleSuffix: null, genitiveOf: null, pronoun: null };

export function factsOf(lang: Lang, t: Token): WordFacts {
  if (t.id < 0) return compute(lang, t);
  const facts = FACTS[lang];
  while (facts.length <= t.id) facts.push(UNKNOWN);
  let f = facts[t.id];
  if (f === UNKNOWN) f = facts[t.id] = compute(lang, t);
  return f;
}
