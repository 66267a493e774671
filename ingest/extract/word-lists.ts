// Closed-class word lists used by the extraction stages (function words, determiners, pronouns).
// These are grammar, not world knowledge, so they live in code; world knowledge is in ../lexicon/data.
import { tokenNorm } from '../nlp/tokenize.js';

const norms = (s: string) => new Set(s.split(/\s+/).filter(Boolean).map(tokenNorm));

/** Capitalised words that never start or continue a name. */
export const STOP_CAPS = norms(`der die das den dem des ein eine einer eines einem einen und oder aber im am in an auf aus bei mit nach von vor zu zum zur für über unter er sie es wir ihr ich auch als wenn dass doch noch nur schon bereits dabei danach laut seit bis gegen ohne um durch
  the a an and or but in on at to from with by for of he she it they we i his her their this that these those as after before when while if then also its our my your there here what which who whom whose where why how not no yes mr mrs ms dr
  gut rund mehr weniger statt mit erst erstmals zuletzt willkommen guten morgen separately earlier later meanwhile however speaking today yesterday tomorrow live coverage`);

export const MONTHS_AND_DAYS = norms(`januar jänner februar märz april mai juni juli august september oktober november dezember
  january february march may june july october december jan feb mar apr jun jul aug sep sept oct nov dec
  montag dienstag mittwoch donnerstag freitag samstag sonntag sonnabend
  monday tuesday wednesday thursday friday saturday sunday bst gmt cet uhr`);

export const DETERMINERS = norms(`der die das dem den des the his her their its this that diese dieser diesem diesen dieses sein seine seinem seinen seiner ihr ihre ihrem ihren ihrer`);
export const INDEFINITE = norms(`ein eine einer eines einem einen a an another some`);

export const NAME_PARTICLES = new Set(['von', 'van', 'der', 'de', 'da', 'bin', 'al', 'el', 'ibn', 'le', 'la', 'du', 'dos', 'di', 'ben', 'Al', 'Bin', 'del']);

/**
 * Two particles in a name: "de la Fuente", "van der Bellen". Not "von der", "von den": in German text they open the
 * party or body a person belongs to ("Merz von der CDU") far more often than an unknown name.
 */
export const PARTICLE_PAIRS = new Set(['de la', 'de las', 'de los', 'van der', 'van den', 'van de']);

export const VENUE_HEADS_EN = norms(`estate palace hall library hotel castle residence villa compound airport base center centre office house`);
export const ORG_HEADS_EN = norms(`secretariat ministry council commission agency department committee party parliament assembly bank fund court service institute foundation organization organisation forces guard`);
export const PLACE_PREPS_EN = norms(`in at near to from`);
export const AGENCIES = new Set(['dpa', 'Reuters', 'AP', 'AFP', 'KNA', 'epd', 'Xinhua', 'Interfax', 'TASS', 'Tass', 'ANSA', 'APA']);

export interface PronounInfo {
  gender: 'm' | 'f' | null;
  case: 'subject' | 'object' | 'possessive';
}
export const PRONOUNS: Record<'de' | 'en', Map<string, PronounInfo>> = {
  de: new Map([
    ['er', { gender: 'm', case: 'subject' }],
    ['Er', { gender: 'm', case: 'subject' }],
    ['sie', { gender: 'f', case: 'subject' }],
    ['Sie', { gender: 'f', case: 'subject' }],
    ['ihn', { gender: 'm', case: 'object' }],
    ['ihm', { gender: 'm', case: 'object' }],
  ]),
  en: new Map([
    ['he', { gender: 'm', case: 'subject' }],
    ['He', { gender: 'm', case: 'subject' }],
    ['she', { gender: 'f', case: 'subject' }],
    ['She', { gender: 'f', case: 'subject' }],
    ['him', { gender: 'm', case: 'object' }],
  ]),
};

/** Heads that make a capitalised English sequence a place or an organisation, never a person (Second Thomas Shoal, Marina Bay). */
export const GEO_HEADS_EN = norms(`shoal shoals sea seas island islands isle strait straits river bay gulf lake mountain mountains mount peninsula reef canal valley desert coast province region district square street avenue road airport bridge dam field park plant port harbour harbor station heights hills ridge plain plains basin delta cape channel ocean county state`);
export const NOT_PERSON_HEADS_EN = norms(`forum summit conference agreement treaty accord act declaration group party movement front forces army navy guard council committee commission ministry office bank fund court agency news times post daily journal review university college school institute hospital prison stadium church cathedral mosque temple embassy consulate company corporation airlines airways media network channel`);
/** Honorifics before a name (Mr. Sugiono, Frau Lührmann). */
export const HONORIFICS = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'Herr', 'Frau', 'Sir', 'Dame', 'Madame', 'Monsieur', 'Senor', 'Señor', 'Senora', 'Señora']);
/** Endings of transliterated and foreign surnames (Kobachidse, Mirsijojew, Paschinjan, Gunnarsdóttir, Pérez). */
export const SURNAME_SUFFIXES = [
  'schwili', 'shvili', 'dse', 'dze', 'jew', 'jewa', 'ow', 'owa', 'ew', 'ewa', 'ov', 'ova', 'ev', 'eva', 'yev', 'yeva', 'ski', 'ska', 'sky', 'skyi', 'skij',
  'enko', 'tschuk', 'chuk', 'juk', 'yuk', 'witsch', 'vich', 'wicz', 'ić', 'ič', 'escu', 'oğlu', 'oglu', 'yan', 'jan', 'dóttir', 'dottir', 'sson', 'ez', 'ães', 'akis', 'opoulos', 'idis', 'ović',
];
/** English nouns after which "in X" is the topic, not the venue (the situation in Myanmar, the war in Sudan). */
export const TOPIC_NOUNS = norms(`situation war crisis conflict fighting violence unrest tensions developments election elections ceasefire truce peace security humanitarian shipping trade cooperation relations investment investments energy stability tension
  handel schifffahrt zusammenarbeit beziehungen investitionen energie stabilität
  lage krieg krise konflikt kämpfe kampfe gewalt spannungen entwicklung entwicklungen wahl wahlen waffenruhe waffenstillstand frieden sicherheit situation`);
/** German nouns that often follow "in"/"nach" capitalised but are not places. */
export const NOT_PLACE_DE = norms(`zukunft kraft frage gefahr form höhe richtung verbindung sachen betracht anspruch aussicht erinnerung zusammenarbeit abstimmung absprache anwesenheit begleitung person vertretung haft gewahrsam kürze teilen summe bezug folge kontakt verhandlungen gesprächen zeiten krisenzeiten hinsicht anbetracht anlehnung absicht angriff reaktion zusammenhang bezugnahme vorbereitung erwartung sorge ruhe eile not ordnung kürze zahlen worten briefen telefonaten videokonferenz
  bezug hause ausland inland`);
/** German compounds that name a kind of town before a place name (die Hafenstadt Odessa, der Grenzort Tapachula). */
export const TOWN_WORDS_DE = /(?:stadt|städte|ort|orte|dorf|metropole|hauptstadt|region|provinz|gemeinde|insel|kurort|badeort)$/u;
export const TOWN_WORDS_EN = norms(`city town village port capital resort enclave region province district island`);
/** Media cue nouns: the following (or preceding) capitalised name is a news outlet (Nachrichtenagentur Yonhap, the TASR news agency). */
export const MEDIA_CUES_DE = norms(`nachrichtenagentur agentur zeitung tageszeitung sender staatssender fernsehsender rundfunk staatsfernsehen staatsmedien nachrichtenportal portal magazin`);
export const MEDIA_CUES_EN = norms(`agency newspaper broadcaster daily outlet channel station network television tv radio magazine`);
