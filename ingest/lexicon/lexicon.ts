// Loads the bundled lexicons (data/*.json) once and builds token-sequence indexes for fast matching.
// Everything here is computed at module load; lookups during extraction are map reads only.
import type { EntityType } from '../../src/domain/model.js';
import { tokenize, tokenNorm } from '../nlp/tokenize.js';
import actorsData from './data/actors.json' with { type: 'json' };
import countriesData from './data/countries.json' with { type: 'json' };
import orgsData from './data/organizations.json' with { type: 'json' };
import placesData from './data/places.json' with { type: 'json' };
import rolesData from './data/roles.json' with { type: 'json' };
import givenData from './data/given-names.json' with { type: 'json' };

export type Lang = 'de' | 'en';

export interface Office {
  role: string;
  country: string;
  start: string;
  end: string | null;
}

export interface LexEntity {
  /** Internal key: `actor:<slug>`, `country:<ISO>`, `org:<key>`, `place:<key>`. */
  key: string;
  type: EntityType;
  wikidata: string | null;
  /** Canonical names per language, most canonical first; also full-name spelling variants. */
  names: Record<Lang, string[]>;
  /** Other full-name spellings (both languages). */
  variants: string[];
  gender: 'm' | 'f' | null;
  offices: Office[];
  /** Place kind (city, region, venue, continent) or organisation kind (gov, media, ...). */
  kind: string | null;
  /** Country the entity belongs to (ISO code), when known. */
  country: string | null;
  /** Capital place key (countries only). */
  capital: string | null;
}

export type SurfaceKind = 'name' | 'surname';

export interface Surface {
  entity: LexEntity;
  form: string;
  kind: SurfaceKind;
  /** The form starts with a lower-case letter (bin Salman, al-Bussaidi): no capital required in text. */
  lowerOk: boolean;
}

export interface RoleEntry {
  form: string;
  role: string;
  country: string | null;
  /** Can stand before a name as a title. */
  title: boolean;
}

interface TokenIndex<T> {
  /** Values by key (token norms joined by spaces). */
  map: Map<string, T[]>;
  maxLen: number;
  /** The same keys as a trie over token norms: a lookup walks it with the tokens' own (hashed once) norm strings. */
  trie: TrieLevel<T>;
}

type TrieLevel<T> = Map<string, TrieNode<T>>;
export interface TrieNode<T> {
  /** Values of the key that ends here. */
  values: T[] | null;
  next: TrieLevel<T> | null;
}

function newIndex<T>(): TokenIndex<T> {
  return { map: new Map(), maxLen: 0, trie: new Map() };
}

function keyOf(form: string): string[] {
  return tokenize(form).map((t) => t.norm);
}

function addTo<T>(index: TokenIndex<T>, form: string, value: T): void {
  const toks = keyOf(form);
  if (toks.length === 0) return;
  const k = toks.join(' ');
  const list = index.map.get(k);
  if (list) list.push(value);
  else index.map.set(k, [value]);
  if (toks.length > index.maxLen) index.maxLen = toks.length;
  let level = index.trie;
  let node: TrieNode<T> | undefined;
  for (const n of toks) {
    node = level.get(n);
    if (!node) level.set(n, (node = { values: null, next: null }));
    level = node.next ??= new Map();
  }
  // the trie shares the value list with the map
  node!.values = index.map.get(k)!;
}

function slugKey(name: string): string {
  return tokenNorm(name).replace(/[^\p{L}\p{N}]+/gu, '-');
}

// ---- entities ------------------------------------------------------------------------------------

export const entityIndex: TokenIndex<Surface> = newIndex();
export const entitiesByKey = new Map<string, LexEntity>();

interface ActorRow { wd: string | null; g: string; de: string; en: string; var: string[]; sur: string[]; off: (string | null)[][] }
for (const a of (actorsData as { actors: ActorRow[] }).actors) {
  const e: LexEntity = {
    key: `actor:${slugKey(a.en)}`,
    type: 'PERSON',
    wikidata: a.wd,
    names: { de: [a.de], en: [a.en] },
    variants: [a.de, a.en, ...a.var],
    gender: a.g === 'f' ? 'f' : a.g === 'm' ? 'm' : null,
    offices: a.off.map((o) => ({ role: o[0] as string, country: o[1] as string, start: o[2] as string, end: (o[3] ?? null) as string | null })),
    kind: null,
    country: null,
    capital: null,
  };
  entitiesByKey.set(e.key, e);
  const seen = new Set<string>();
  for (const v of e.variants) {
    if (seen.has(v)) continue;
    seen.add(v);
    addTo(entityIndex, v, { entity: e, form: v, kind: 'name', lowerOk: /^\p{Ll}/u.test(v) });
  }
  for (const s of a.sur) addTo(entityIndex, s, { entity: e, form: s, kind: 'surname', lowerOk: /^\p{Ll}/u.test(s) });
}

interface CountryRow { iso: string; wd: string; de: string[]; en: string[]; adj_de: string[]; adj_en: string[]; capital: string }
/** German adjective stems and English adjectives → ISO code. */
export const adjectiveDe = new Map<string, string>();
export const adjectiveEn = new Map<string, string>();
export const countryByIso = new Map<string, LexEntity>();
for (const c of (countriesData as { countries: CountryRow[] }).countries) {
  const e: LexEntity = {
    key: `country:${c.iso}`,
    type: 'COUNTRY',
    wikidata: c.wd,
    names: { de: c.de, en: c.en },
    variants: [],
    gender: null,
    offices: [],
    kind: null,
    country: c.iso,
    capital: `place:${c.capital}`,
  };
  entitiesByKey.set(e.key, e);
  countryByIso.set(c.iso, e);
  for (const n of new Set([...c.de, ...c.en])) addTo(entityIndex, n, { entity: e, form: n, kind: 'name', lowerOk: false });
  for (const a of c.adj_de) adjectiveDe.set(tokenNorm(a), c.iso);
  for (const a of c.adj_en) adjectiveEn.set(tokenNorm(a), c.iso);
}

interface NamedRow { key: string; wd: string | null; kind: string; country: string | null; de: string[]; en: string[] }
for (const o of (orgsData as { organizations: NamedRow[] }).organizations) {
  const e: LexEntity = {
    key: `org:${o.key}`,
    type: 'ORGANIZATION',
    wikidata: o.wd,
    names: { de: o.de, en: o.en },
    variants: [],
    gender: null,
    offices: [],
    kind: o.kind,
    country: o.country,
    capital: null,
  };
  entitiesByKey.set(e.key, e);
  for (const n of new Set([...o.de, ...o.en])) addTo(entityIndex, n, { entity: e, form: n, kind: 'name', lowerOk: /^\p{Ll}/u.test(n) });
}
for (const p of (placesData as { places: NamedRow[] }).places) {
  const e: LexEntity = {
    key: `place:${p.key}`,
    type: 'PLACE',
    wikidata: p.wd,
    names: { de: p.de, en: p.en },
    variants: [],
    gender: null,
    offices: [],
    kind: p.kind,
    country: p.country,
    capital: null,
  };
  entitiesByKey.set(e.key, e);
  for (const n of new Set([...p.de, ...p.en])) addTo(entityIndex, n, { entity: e, form: n, kind: 'name', lowerOk: false });
}

/** The capital (a PLACE entity) of a country, when known. */
export function capitalOf(iso: string): LexEntity | null {
  const c = countryByIso.get(iso);
  return c?.capital ? (entitiesByKey.get(c.capital) ?? null) : null;
}

// ---- roles -------------------------------------------------------------------------------------

interface RoleRow { forms: string[]; role: string; country?: string; title?: boolean }
const rolesJson = rolesData as unknown as { classes: Record<string, string[]>; de: RoleRow[]; en: RoleRow[]; de_suffixes: [string, string][] };
export const roleIndex: Record<Lang, TokenIndex<RoleEntry>> = { de: newIndex(), en: newIndex() };
for (const lang of ['de', 'en'] as const) {
  for (const r of rolesJson[lang]) {
    for (const f of r.forms) {
      addTo(roleIndex[lang], f, { form: f, role: r.role, country: r.country ?? null, title: r.title !== false });
    }
  }
}
/** German compound endings that make an unknown capitalised compound a role noun (Nato-Generalsekretär). */
export const roleSuffixesDe: [string, string][] = rolesJson.de_suffixes
  .map(([s, r]) => [tokenNorm(s), r] as [string, string])
  .sort((a, b) => b[0].length - a[0].length);
/** Role classes: a generic role noun (minister, diplomat, leader) and the office roles it covers. */
export const roleClasses = new Map<string, Set<string>>(Object.entries(rolesJson.classes).map(([k, v]) => [k, new Set(v)]));

/** Does a person holding office `held` fit a reference by role noun `wanted`? */
export function roleFits(wanted: string, held: string): boolean {
  if (wanted === held) return true;
  const cls = roleClasses.get(wanted);
  if (cls?.has(held)) return true;
  if (wanted === 'official') return true;
  if (held === 'president' && wanted === 'head_of_state') return true;
  return false;
}

// ---- given names ---------------------------------------------------------------------------------

const given = givenData as { m: string[]; f: string[]; family_first?: string[] };
export const givenNames = new Map<string, 'm' | 'f'>();
for (const n of given.m) givenNames.set(tokenNorm(n), 'm');
for (const n of given.f) if (!givenNames.has(tokenNorm(n))) givenNames.set(tokenNorm(n), 'f');
/** East Asian family names written first (Cho Hyun, Guo Jiakun): the first token is the person's short form. */
export const familyFirst = new Set((given.family_first ?? []).map((n) => tokenNorm(n)));

export const LEXICON_VERSION = `${(actorsData as { version: string }).version}`;

/** The longest key at norms[start…] (at most maxLen tokens) and its values. */
export function lookup<T>(index: TokenIndex<T>, norms: readonly string[], start: number, maxLen = index.maxLen): { len: number; values: T[] } | null {
  let node = index.trie.get(norms[start]);
  if (!node) return null;
  const limit = Math.min(maxLen, norms.length - start);
  if (limit < 1) return null;
  let best: { len: number; values: T[] } | null = null;
  for (let len = 1; ; len++) {
    if (node.values) best = { len, values: node.values };
    if (len >= limit || !node.next) break;
    const next: TrieNode<T> | undefined = node.next.get(norms[start + len]);
    if (!next) break;
    node = next;
  }
  return best;
}
