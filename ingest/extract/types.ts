// Internal data passed between the extraction stages of one article.
import type { EntityType, RelationStatus, RelationType } from '../../src/domain/model.js';
import type { Token } from '../nlp/tokenize.js';
import type { SentenceSpan } from '../nlp/sentences.js';
import type { Lang, LexEntity } from '../lexicon/lexicon.js';

export interface Sentence extends SentenceSpan {
  tokens: Token[];
  /** The tokens' norms, in order (lexicon lookups read them). */
  norms: string[];
  /** Headline-like line (no final punctuation): entities count, relations are not read from it. */
  headline: boolean;
  /** Character ranges (absolute) inside quotation marks. */
  quotes: [number, number][];
  /** Bits of the trigger patterns that may match (token prefilter, see lexicon/triggers.ts). */
  tmask: number;
  /** Per token, the bits of the trigger patterns whose match may start there (see lexicon/triggers.ts matchTriggers). */
  tstarts: number[];
  /** Per token, the mention-rule bits of its word (see extract/mentions.ts wordNameFlags). */
  wflags: number[];
  /** Date features of the words (see extract/dates.ts wordFeatures). */
  dfeat: number;
}

export type MentionKind = 'name' | 'surname' | 'role' | 'pronoun' | 'group' | 'pattern';

export interface EntityMention {
  sent: number;
  /** Token range in the sentence, end exclusive. */
  t0: number;
  t1: number;
  start: number;
  end: number;
  surface: string;
  /** Article entity key (see ArticleEntity.key); null while unresolved. */
  key: string | null;
  type: EntityType;
  kind: MentionKind;
  /** Role noun used (title before a name or a role-only reference). */
  role: string | null;
  roleCountry: string | null;
  /** Followed by a possessive marker ('s, ’s, genitive used as modifier). */
  possessive: boolean;
  /** Definite role/pronoun reference that still needs resolution. */
  refGender?: 'm' | 'f' | null;
  /** Group reference size (2 for "die beiden", 3 for "die drei Minister"), 0 = any. */
  groupSize?: number;
  /** Keys a group reference was resolved to. */
  groupKeys?: string[];
  inQuote: boolean;
  /** The place of a dateline ("Vilnius (dpa) -"): where the report was filed, a meeting place only as a last resort. */
  dateline?: boolean;
}

export interface ArticleEntity {
  key: string;
  type: EntityType;
  lex: LexEntity | null;
  /** Surface forms in order of appearance, with their kinds. */
  surfaces: { text: string; kind: MentionKind | 'name' }[];
  /** Full-name surface seen (persons), used as canonical name. */
  fullName: string | null;
  gender: 'm' | 'f' | null;
  /** role|country pairs known from the text (titles) — lexicon offices are consulted separately. */
  roles: Set<string>;
  country: string | null;
  /** Found only through a role (no name in the text). */
  roleOnly: boolean;
  /** Place kind (venue/city/region/continent/country). */
  placeKind: string | null;
  media: boolean;
}

export interface DateValue {
  value: string | null;
  /** How it was resolved (absolute, relative-to-published, unresolvable, inherited...). */
  how: string;
  start: number;
  end: number;
  /** The expression is about the future (next Friday, am Samstag in a planned context is decided later). */
  weekday?: number;
  relative?: boolean;
}

export interface Candidate {
  type: RelationType;
  source: string;
  target: string | null;
  place: string | null;
  date: string | null;
  /** A date expression was present even if it resolved to null (keeps distinct events apart). */
  hasDateExpr: boolean;
  status: RelationStatus;
  quote: string | null;
  confidence: number;
  role: string | null;
  rule: string;
  sent: number;
  /** Participants of a meeting or call (all pairs are emitted). */
  group?: string[];
  /** Mention is a back-reference to an earlier event (das Gespräch, the meeting). */
  anaphoric?: boolean;
  /** New event cue (zweites Treffen, again). */
  newEvent?: boolean;
  hosted?: boolean;
  /** Separate meetings or calls of one person with each member of a group ("spoke with both leaders"): pairs with the hub only. */
  hub?: string;
  /** Further sentences that state the same event (its participants are named there). */
  extraSents?: number[];
}

export interface ArticleContext {
  text: string;
  lang: Lang;
  /** Publication date used for relative dates (article.published or a header date found in the text). */
  published: string | null;
  sentences: Sentence[];
  mentions: EntityMention[][];
  entities: Map<string, ArticleEntity>;
}
