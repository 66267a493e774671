// A synthetic relation graph for the path-query benchmarks, produced as batches of ExtractedArticle so that it
// is written through the real stores (`writeArticles`), evidence offsets and ids included.
//
// Shape: the lexicon's actors, countries and organisations are the most connected entities, followed by a long
// tail of generated people. Both ends of a relation are drawn with a Zipf distribution over that ranking
// (skewed degrees: a few hubs, many entities with a handful of contacts). Dates lean towards recent years; some
// relations are undated, month- or year-precise, planned or denied; statements sometimes have no target.
import actorsData from '../../ingest/lexicon/data/actors.json' with { type: 'json' };
import countriesData from '../../ingest/lexicon/data/countries.json' with { type: 'json' };
import orgsData from '../../ingest/lexicon/data/organizations.json' with { type: 'json' };
import placesData from '../../ingest/lexicon/data/places.json' with { type: 'json' };
import givenData from '../../ingest/lexicon/data/given-names.json' with { type: 'json' };
import { dateEnd, dateStart } from '../../src/domain/date-range.js';
import { articleId, entityId, relationId } from '../../src/domain/ids.js';
import type {
  EntityType,
  ExtractedArticle,
  ExtractedEntity,
  ExtractedRelation,
  RelationStatus,
  RelationType,
} from '../../src/domain/model.js';
import { intBetween, seeded, zipf } from '../lib/rng.js';

export const GRAPH_EXTRACTOR_VERSION = 'bench-graph-1';

export interface GraphEntity {
  id: string;
  name: string;
  type: EntityType;
  wikidata: string | null;
}

export interface GraphOptions {
  /** Relations to generate (ids that collide are one relation in the store, as in real ingest). */
  relations: number;
  seed?: number;
  /** Entities that can be ends of a relation; default relations / 8. */
  entities?: number;
  relationsPerArticle?: number;
  /** Zipf exponent over the entity ranking; 0.8 gives a degree distribution with a power-law tail (γ ≈ 2.25). */
  zipfS?: number;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tor', 'vi', 'sa', 'del', 'ber', 'an', 'us', 'el', 'no', 'ri', 'gan', 'ste'];

function syntheticSurname(i: number): string {
  let s = '';
  let x = i;
  for (let k = 0; k < 5; k++) {
    s += SYLLABLES[x % SYLLABLES.length];
    x = Math.floor(x / SYLLABLES.length);
  }
  return s[0].toUpperCase() + s.slice(1);
}

/** The ranked entity list (most connected first) for a graph of `count` entities. */
export function graphEntities(count: number): GraphEntity[] {
  const out: GraphEntity[] = [];
  const seen = new Set<string>();
  const add = (name: string, type: EntityType, wikidata: string | null) => {
    const id = entityId(type, name, wikidata);
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ id, name, type, wikidata });
  };
  for (const a of (actorsData as { actors: { wd: string | null; en: string }[] }).actors) add(a.en, 'PERSON', a.wd);
  for (const c of (countriesData as { countries: { wd: string; en: string[] }[] }).countries) add(c.en[0], 'COUNTRY', c.wd);
  for (const o of (orgsData as { organizations: { wd: string | null; en: string[] }[] }).organizations) add(o.en[0], 'ORGANIZATION', o.wd);
  const given = [...(givenData as { m: string[]; f: string[] }).m, ...(givenData as { m: string[]; f: string[] }).f];
  for (let i = 0; out.length < count; i++) add(`${given[i % given.length]} ${syntheticSurname(i)}`, 'PERSON', null);
  return out.slice(0, count);
}

export function graphPlaces(): GraphEntity[] {
  return (placesData as { places: { wd: string | null; en: string[] }[] }).places.map((p) => ({
    id: entityId('PLACE', p.en[0], p.wd),
    name: p.en[0],
    type: 'PLACE' as const,
    wikidata: p.wd,
  }));
}

const TYPE_WEIGHTS: [RelationType, number][] = [
  ['MET_AT', 28], ['CALLED', 20], ['STATED', 25], ['CRITICIZED', 6], ['NEGOTIATED', 5], ['PRAISED', 4], ['INVITED', 4],
  ['INFORMED', 3], ['CONGRATULATED', 3], ['SIDED_WITH', 1], ['ANNOUNCED', 1],
];
const STATUS_WEIGHTS: [RelationStatus, number][] = [['occurred', 82], ['planned', 10], ['denied', 4], ['hypothetical', 4]];

function weighted<T>(table: [T, number][], rnd: () => number): () => T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  return () => {
    let x = rnd() * total;
    for (const [v, w] of table) {
      x -= w;
      if (x < 0) return v;
    }
    return table[table.length - 1][0];
  };
}

const VERB: Record<RelationType, string> = {
  MET_AT: 'met', CALLED: 'phoned', STATED: 'said of', INFORMED: 'informed', INVITED: 'invited', CONGRATULATED: 'congratulated',
  PRAISED: 'praised', CRITICIZED: 'criticised', NEGOTIATED: 'negotiated with', SIDED_WITH: 'sided with', ANNOUNCED: 'announced',
};

/** The compact form of a generated relation, for reference implementations (the floor) and query sampling. */
export interface GraphEdge {
  id: string;
  type: RelationType;
  source: number;
  target: number;
  status: RelationStatus;
  dateStart: string | null;
  dateEnd: string | null;
}

export interface RelationGraph {
  entities: GraphEntity[];
  /** Yields article batches; `onEdge` sees every relation that has a target (the hops), duplicates included. */
  batches(batchSize: number, onEdge?: (e: GraphEdge) => void): Generator<ExtractedArticle[]>;
  articles: number;
}

export function relationGraph(options: GraphOptions): RelationGraph {
  const seed = options.seed ?? 7;
  const entityCount = options.entities ?? Math.max(1000, Math.round(options.relations / 8));
  const perArticle = options.relationsPerArticle ?? 20;
  const entities = graphEntities(entityCount);
  const index = new Map(entities.map((e, i) => [e.id, i]));
  const places = graphPlaces();
  const articles = Math.ceil(options.relations / perArticle);

  function* batches(batchSize: number, onEdge?: (e: GraphEdge) => void): Generator<ExtractedArticle[]> {
    const rnd = seeded(seed);
    const end = zipf(entities.length, options.zipfS ?? 0.8, rnd);
    const placeOf = zipf(places.length, 1.0, rnd);
    const typeOf = weighted(TYPE_WEIGHTS, rnd);
    const statusOf = weighted(STATUS_WEIGHTS, rnd);
    // Years 2000–2025, each 35% busier than the one before.
    const yearOf = weighted(Array.from({ length: 26 }, (_, k) => [2000 + k, Math.pow(1.35, k)] as [number, number]), rnd);
    let made = 0;
    let batch: ExtractedArticle[] = [];
    for (let a = 0; a < articles; a++) {
      const year = yearOf();
      const published = `${year}-${String(intBetween(rnd, 1, 12)).padStart(2, '0')}-${String(intBetween(rnd, 1, 28)).padStart(2, '0')}`;
      const ents = new Map<string, ExtractedEntity>();
      const use = (e: GraphEntity) => {
        if (!ents.has(e.id)) ents.set(e.id, { id: e.id, name: e.name, type: e.type, aliases: [], wikidata: e.wikidata });
        return e.id;
      };
      const relations: ExtractedRelation[] = [];
      let text = '';
      const n = Math.min(perArticle, options.relations - made);
      for (let k = 0; k < n; k++, made++) {
        const type = typeOf();
        const si = end();
        let ti = end();
        while (ti === si) ti = end();
        const source = entities[si];
        const hasTarget = !(type === 'ANNOUNCED' || (type === 'STATED' && rnd() < 0.3));
        const target = hasTarget ? entities[ti] : null;
        const place = type === 'MET_AT' ? places[placeOf()] : null;
        const status = statusOf();
        let date: string | null = null;
        if (rnd() >= 0.08) {
          const y = rnd() < 0.85 ? year : yearOf();
          const p = rnd();
          const m = String(intBetween(rnd, 1, 12)).padStart(2, '0');
          date = p < 0.75 ? `${y}-${m}-${String(intBetween(rnd, 1, 28)).padStart(2, '0')}` : p < 0.9 ? `${y}-${m}` : `${y}`;
        }
        const quote = type === 'STATED' ? `Statement ${intBetween(rnd, 1, 1_000_000)} on the talks` : null;
        const sentence = `${source.name} ${VERB[type]}${target ? ` ${target.name}` : ''}${place ? ` in ${place.name}` : ''}${date ? ` on ${date}` : ''}${quote ? `: "${quote}"` : ''}.`;
        const start = text.length === 0 ? 0 : text.length + 1;
        text += (text.length === 0 ? '' : ' ') + sentence;
        use(source);
        if (target) use(target);
        if (place) use(place);
        const id = relationId({ type, source: source.id, target: target?.id ?? null, date, place: place?.id ?? null, status, quote });
        relations.push({
          id, type, source: source.id, target: target?.id ?? null, place: place?.id ?? null, date, status, quote,
          confidence: 0.5 + rnd() * 0.5, role: null, cameo: null, plover: null,
          mentions: [{ sentence, start, end: start + sentence.length }], rule: 'bench',
        });
        if (target && onEdge) {
          onEdge({
            id, type, source: si, target: index.get(target.id) as number, status,
            dateStart: date ? dateStart(date) : null, dateEnd: date ? dateEnd(date) : null,
          });
        }
      }
      const title = `Bench article ${a}`;
      batch.push({
        article: {
          id: articleId(title, text), title, text, url: null, published, lang: 'en', externalId: null, tags: [], origin: `bench-graph:${a}`,
        },
        entities: [...ents.values()],
        relations,
        extractorVersion: GRAPH_EXTRACTOR_VERSION,
      });
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }

  return { entities, batches, articles };
}

/**
 * Query endpoints: half drawn with the same skew as the graph (analysts ask about prominent actors), half
 * uniformly (the long tail), among `candidates` (indices into `entities`, most connected first; default all).
 * Deterministic for a seed; never the same entity twice in a pair.
 */
export function samplePairs(
  entities: readonly GraphEntity[],
  count: number,
  seed = 99,
  candidates: readonly number[] = entities.map((_, i) => i),
  zipfS = 0.8,
): [number, number][] {
  const rnd = seeded(seed);
  const skewed = zipf(candidates.length, zipfS, rnd);
  const draw = () => candidates[rnd() < 0.5 ? skewed() : Math.floor(rnd() * candidates.length)];
  const out: [number, number][] = [];
  while (out.length < count) {
    const a = draw();
    const b = draw();
    if (a !== b) out.push([a, b]);
  }
  return out;
}
