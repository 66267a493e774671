// Synthetic news articles for the extraction and ingest benchmarks: German and English, about 600 tokens each,
// actors from the bundled lexicon with a skewed (Zipf) distribution, and realistic contact sentences (met,
// phoned, said) between background sentences. Seeded: the same seed gives byte-identical articles.
import actorsData from '../../ingest/lexicon/data/actors.json' with { type: 'json' };
import placesData from '../../ingest/lexicon/data/places.json' with { type: 'json' };
import countriesData from '../../ingest/lexicon/data/countries.json' with { type: 'json' };
import type { ArticleInput } from '../../src/domain/model.js';
import { intBetween, pick, seeded, zipf } from '../lib/rng.js';

type Lang = 'de' | 'en';

interface Actor {
  de: string;
  en: string;
  sur: string;
}

const ACTORS: Actor[] = (actorsData as { actors: { de: string; en: string; sur: string[] }[] }).actors.map((a) => ({
  de: a.de,
  en: a.en,
  sur: a.sur[0] ?? a.en.split(' ').at(-1) ?? a.en,
}));
const CITIES = (placesData as { places: { kind: string; de: string[]; en: string[] }[] }).places
  .filter((p) => p.kind === 'city')
  .map((p) => ({ de: p.de[0], en: p.en[0] }));
const COUNTRIES = (countriesData as { countries: { de: string[]; en: string[] }[] }).countries.map((c) => ({ de: c.de[0], en: c.en[0] }));

const MONTHS: Record<Lang, string[]> = {
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const WEEKDAYS: Record<Lang, string[]> = {
  de: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

const TOPICS: Record<Lang, string[]> = {
  de: ['den Krieg in der Ukraine', 'die Lage im Nahen Osten', 'Handelszölle', 'die Energieversorgung', 'die Sicherheit in Europa', 'ein mögliches Waffenstillstandsabkommen', 'die Rüstungskontrolle', 'die Zusammenarbeit beim Klimaschutz'],
  en: ['the war in Ukraine', 'the situation in the Middle East', 'trade tariffs', 'energy supplies', 'European security', 'a possible ceasefire agreement', 'arms control', 'cooperation on climate'],
};

const QUOTES: Record<Lang, string[]> = {
  de: [
    'Wir haben offen und konstruktiv über alle strittigen Fragen gesprochen',
    'Es gibt noch viel zu tun, aber wir sind auf einem guten Weg',
    'Die Gespräche waren schwierig, aber notwendig',
    'Wir werden unsere Partner nicht im Stich lassen',
    'Ein dauerhafter Frieden ist nur mit Verhandlungen möglich',
  ],
  en: [
    'We had a frank and constructive discussion on all the open questions',
    'There is still a lot of work to do, but we are on the right track',
    'The talks were difficult but necessary',
    'We will not abandon our partners',
    'A lasting peace is only possible through negotiations',
  ],
};

/** Background sentences without contacts: the bulk of a news article's tokens. */
const FILLER: Record<Lang, ((r: () => number) => string)[]> = {
  de: [
    (r) => `Beobachter werteten das als Zeichen dafür, dass sich die Beziehungen zwischen ${pick(r, COUNTRIES).de} und ${pick(r, COUNTRIES).de} in den kommenden Monaten weiter verändern könnten.`,
    (r) => `Im Mittelpunkt der Beratungen standen nach Angaben aus Regierungskreisen ${pick(r, TOPICS.de)} sowie Fragen der wirtschaftlichen Zusammenarbeit.`,
    (r) => `Schon seit Wochen wird in ${pick(r, CITIES).de} über ${pick(r, TOPICS.de)} diskutiert, ohne dass eine Einigung in Sicht wäre.`,
    (r) => `Die Opposition kritisierte das Vorgehen der Regierung als zu zögerlich und forderte eine klarere Linie gegenüber ${pick(r, COUNTRIES).de}.`,
    (r) => `Ein Sprecher des Außenministeriums erklärte, man werde die weiteren Entwicklungen aufmerksam verfolgen und sich eng mit den Partnern abstimmen.`,
    (r) => `Nach Einschätzung von Fachleuten hängt viel davon ab, ob es gelingt, bis zum Ende des Jahres einen belastbaren Kompromiss über ${pick(r, TOPICS.de)} zu finden.`,
    (r) => `Die Märkte reagierten zunächst verhalten; der Ölpreis stieg am Nachmittag um ${intBetween(r, 1, 4)} Prozent.`,
    (r) => `In ${pick(r, CITIES).de} demonstrierten am Wochenende mehrere tausend Menschen gegen die Politik der Regierung.`,
  ],
  en: [
    (r) => `Observers saw this as a sign that relations between ${pick(r, COUNTRIES).en} and ${pick(r, COUNTRIES).en} could shift further in the coming months.`,
    (r) => `According to government sources, the talks focused on ${pick(r, TOPICS.en)} as well as questions of economic cooperation.`,
    (r) => `For weeks, officials in ${pick(r, CITIES).en} have been debating ${pick(r, TOPICS.en)} without an agreement in sight.`,
    (r) => `The opposition criticised the government's approach as too hesitant and called for a clearer line towards ${pick(r, COUNTRIES).en}.`,
    (r) => `A foreign ministry spokesperson said the government would follow further developments closely and coordinate with its partners.`,
    (r) => `Experts say much depends on whether a workable compromise on ${pick(r, TOPICS.en)} can be reached by the end of the year.`,
    (r) => `Markets reacted cautiously at first; oil prices rose by ${intBetween(r, 1, 4)} percent in the afternoon.`,
    (r) => `Several thousand people protested against the government's policy in ${pick(r, CITIES).en} over the weekend.`,
  ],
};

interface Ctx {
  r: () => number;
  lang: Lang;
  a: Actor;
  b: Actor;
  year: number;
  month: number;
  day: number;
}

function name(c: Ctx, x: Actor): string {
  return c.lang === 'de' ? x.de : x.en;
}

function dateText(c: Ctx): string {
  return c.lang === 'de' ? `${c.day}. ${MONTHS.de[c.month - 1]} ${c.year}` : `${MONTHS.en[c.month - 1]} ${c.day}, ${c.year}`;
}

/** Contact sentences: meetings, phone calls and statements, the kinds the extractor reads. */
const CONTACTS: Record<Lang, ((c: Ctx) => string)[]> = {
  de: [
    (c) => `${name(c, c.a)} traf am ${dateText(c)} in ${pick(c.r, CITIES).de} mit ${name(c, c.b)} zusammen.`,
    (c) => `${name(c, c.a)} und ${name(c, c.b)} kamen am ${WEEKDAYS.de[c.day % 7]} in ${pick(c.r, CITIES).de} zu Gesprächen über ${pick(c.r, TOPICS.de)} zusammen.`,
    (c) => `${name(c, c.a)} empfing ${name(c, c.b)} am ${dateText(c)} in ${pick(c.r, CITIES).de}.`,
    (c) => `${name(c, c.a)} telefonierte am ${dateText(c)} mit ${name(c, c.b)}.`,
    (c) => `Am ${WEEKDAYS.de[c.day % 7]} sprach ${c.a.sur} nach Angaben seines Büros am Telefon mit ${name(c, c.b)} über ${pick(c.r, TOPICS.de)}.`,
    (c) => `${c.a.sur} sagte nach dem Treffen mit ${c.b.sur}: „${pick(c.r, QUOTES.de)}.“`,
    (c) => `„${pick(c.r, QUOTES.de)}“, sagte ${name(c, c.a)} am ${dateText(c)} über ${name(c, c.b)}.`,
    (c) => `${name(c, c.a)} kritisierte ${name(c, c.b)} scharf und warf ihm vor, ${pick(c.r, TOPICS.de)} zu blockieren.`,
  ],
  en: [
    (c) => `${name(c, c.a)} met ${name(c, c.b)} in ${pick(c.r, CITIES).en} on ${dateText(c)}.`,
    (c) => `${name(c, c.a)} and ${name(c, c.b)} held talks on ${pick(c.r, TOPICS.en)} in ${pick(c.r, CITIES).en} on ${WEEKDAYS.en[c.day % 7]}.`,
    (c) => `${name(c, c.a)} hosted ${name(c, c.b)} in ${pick(c.r, CITIES).en} on ${dateText(c)}.`,
    (c) => `${name(c, c.a)} phoned ${name(c, c.b)} on ${dateText(c)}.`,
    (c) => `On ${WEEKDAYS.en[c.day % 7]}, ${c.a.sur} spoke by phone with ${name(c, c.b)} about ${pick(c.r, TOPICS.en)}, his office said.`,
    (c) => `"${pick(c.r, QUOTES.en)}," ${c.a.sur} said after meeting ${c.b.sur}.`,
    (c) => `"${pick(c.r, QUOTES.en)}," ${name(c, c.a)} said of ${name(c, c.b)} on ${dateText(c)}.`,
    (c) => `${name(c, c.a)} sharply criticised ${name(c, c.b)}, accusing him of blocking ${pick(c.r, TOPICS.en)}.`,
  ],
};

export interface CorpusOptions {
  count: number;
  seed?: number;
  /** Approximate whitespace tokens per article. */
  tokens?: number;
  /** Zipf exponent of the actor distribution (higher: more skewed). */
  zipfS?: number;
  /** Set `lang` on the inputs (skips language detection) or leave it null (detected, as in a real feed). */
  presetLang?: boolean;
}

/** Whitespace tokens: a rough count, close to what wink-nlp reports for this prose (it also splits punctuation). */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** `count` articles, alternating German and English, deterministic for a seed. */
export function generateCorpus(options: CorpusOptions): ArticleInput[] {
  return [...corpusStream(options)];
}

/** The same articles one at a time, so a 100k-article ingest does not hold the corpus in memory. */
export function* corpusStream(options: CorpusOptions): Generator<ArticleInput> {
  const r = seeded(options.seed ?? 20261126);
  const actor = zipf(ACTORS.length, options.zipfS ?? 1.0, r);
  const target = options.tokens ?? 600;
  for (let i = 0; i < options.count; i++) {
    const lang: Lang = i % 2 === 0 ? 'de' : 'en';
    const year = intBetween(r, 2017, 2025);
    const month = intBetween(r, 1, 12);
    const sentences: string[] = [];
    let words = 0;
    let first: [Actor, Actor] | null = null;
    while (words < target) {
      let s: string;
      // About one sentence in three is a contact.
      if (r() < 0.35) {
        const a = ACTORS[actor()];
        let b = ACTORS[actor()];
        while (b === a) b = ACTORS[actor()];
        first ??= [a, b];
        s = pick(r, CONTACTS[lang])({ r, lang, a, b, year, month, day: intBetween(r, 1, 28) });
      } else {
        s = pick(r, FILLER[lang])(r);
      }
      sentences.push(s);
      words += wordCount(s);
    }
    // Paragraphs of three to five sentences.
    const paras: string[] = [];
    for (let k = 0; k < sentences.length; ) {
      const n = intBetween(r, 3, 5);
      paras.push(sentences.slice(k, k + n).join(' '));
      k += n;
    }
    const [a, b] = first ?? [ACTORS[0], ACTORS[1]];
    const title =
      lang === 'de'
        ? `${a.sur} und ${b.sur}: Gespräche über ${pick(r, TOPICS.de)} (${i})`
        : `${a.sur} and ${b.sur} discuss ${pick(r, TOPICS.en)} (${i})`;
    yield {
      title,
      text: paras.join('\n\n'),
      url: `https://news.example/${lang}/${year}/${i}`,
      published: `${year}-${String(month).padStart(2, '0')}-${String(intBetween(r, 1, 28)).padStart(2, '0')}`,
      lang: options.presetLang ? lang : null,
      externalId: `bench-${i}`,
      tags: [],
      origin: `bench:${i}`,
    };
  }
}
