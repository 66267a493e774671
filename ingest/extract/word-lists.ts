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

export const NAME_PARTICLES = new Set(['von', 'van', 'der', 'de', 'da', 'bin', 'al', 'el', 'ibn', 'le', 'la', 'du', 'dos', 'di', 'ben', 'Al', 'Bin']);

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
