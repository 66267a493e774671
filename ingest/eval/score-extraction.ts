// Scores extraction output against gold annotations (the gold format of the development set):
// relation precision/recall/F1 per type, entity F1 per type, attribute accuracy on matched relations.
// Matching rules follow the development set's scorer so the numbers agree with it.
import type { ExtractionJson } from '../../src/cli/extraction-json.js';

export interface GoldEntity {
  name: string;
  type: string;
  aliases?: string[];
  wikidata?: string | null;
}

export interface GoldRelation {
  type: string;
  source: string;
  target: string | null;
  place?: string | null;
  date?: string | null;
  status?: string | null;
  evidence: string;
  optional?: boolean;
}

export interface GoldArticle {
  id: string;
  file: string;
  published?: string | null;
  entities: GoldEntity[];
  relations: GoldRelation[];
}

export const SCORED_RELATION_TYPES = ['MET_AT', 'CALLED', 'STATED'] as const;
const IGNORED_STATUSES = new Set(['denied', 'hypothetical']);
const ENTITY_TYPES = ['PERSON', 'COUNTRY', 'ORGANIZATION', 'PLACE'] as const;

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface EvalReport {
  relations: Record<string, Prf>;
  overall: Prf;
  entities: Record<string, Prf>;
  attributes: Record<string, { right: number; asked: number; accuracy: number }>;
  misses: string[];
}

type PredEntity = ExtractionJson['entities'][number];
type PredRelation = ExtractionJson['relations'][number];

function norm(s: string | null | undefined): string {
  if (!s) return '';
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_]+/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}

const words = (s: string) => new Set(norm(s).split(' ').filter(Boolean));
const keysOf = (e: { name: string; aliases?: string[] }) => new Set([norm(e.name), ...(e.aliases ?? []).map(norm)].filter(Boolean));

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, tp, fp, fn };
}

/** Greedy one-to-one: same name or Wikidata id first, then a name among the other side's aliases. */
function matchEntities(gold: GoldEntity[], pred: PredEntity[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const usedGold = new Set<number>();
  for (const rule of ['name', 'alias'] as const) {
    pred.forEach((p, i) => {
      if (pairs.has(i)) return;
      const j = gold.findIndex((g, jj) => {
        if (usedGold.has(jj)) return false;
        if (rule === 'name') return norm(p.name) === norm(g.name) || (!!g.wikidata && p.wikidata === g.wikidata);
        return keysOf(g).has(norm(p.name)) || keysOf(p).has(norm(g.name));
      });
      if (j >= 0) {
        pairs.set(i, j);
        usedGold.add(j);
      }
    });
  }
  return pairs;
}

function resolver(gold: GoldEntity[], pred: PredEntity[]): (name: string | null) => string | null {
  const pairs = matchEntities(gold, pred);
  const byPred = new Map<string, string>();
  for (const [i, j] of pairs) byPred.set(norm(pred[i].name), gold[j].name);
  return (name) => {
    const n = norm(name);
    if (!n) return null;
    if (byPred.has(n)) return byPred.get(n) ?? null;
    return gold.find((g) => keysOf(g).has(n))?.name ?? null;
  };
}

function covers(predEvidence: string, goldEvidence: string): boolean {
  const g = words(goldEvidence);
  if (!g.size) return false;
  const p = words(predEvidence);
  let shared = 0;
  for (const w of g) if (p.has(w)) shared++;
  return shared / g.size >= 0.5;
}

function sameSet<T>(a: T[], b: T[]): boolean {
  return a.every((x) => b.includes(x)) && b.every((x) => a.includes(x));
}

function sameFact(p: PredRelation, g: GoldRelation, resolve: (n: string | null) => string | null): boolean {
  if (p.type !== g.type) return false;
  const src = resolve(p.source);
  const tgt = resolve(p.target);
  const ends = g.type === 'STATED' ? src === g.source : sameSet([src, tgt], [g.source, g.target]);
  if (!ends) return false;
  return [p.evidence, ...(p.mentions ?? []).map((m) => m.evidence)].some((ev) => covers(ev ?? '', g.evidence));
}

export function scoreExtraction(gold: GoldArticle[], predicted: ExtractionJson[]): EvalReport {
  const tp: Record<string, number> = {};
  const fp: Record<string, number> = {};
  const fn: Record<string, number> = {};
  const ent: Record<string, [number, number, number]> = Object.fromEntries(ENTITY_TYPES.map((t) => [t, [0, 0, 0]]));
  const attrs: Record<string, [number, number]> = {};
  const misses: string[] = [];
  const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);
  const attr = (name: string, ok: boolean) => {
    const a = (attrs[name] ??= [0, 0]);
    a[0] += Number(ok);
    a[1]++;
  };

  gold.forEach((g, idx) => {
    const p = predicted[idx] ?? { entities: [], relations: [] };
    for (const t of ENTITY_TYPES) {
      const ge = g.entities.filter((e) => e.type === t);
      const pe = (p.entities ?? []).filter((e) => e.type === t);
      const pairs = matchEntities(ge, pe);
      ent[t][0] += pairs.size;
      ent[t][1] += pe.length - pairs.size;
      ent[t][2] += ge.length - pairs.size;
    }
    const resolve = resolver(g.entities, p.entities ?? []);
    const golds = g.relations.filter((r) => (SCORED_RELATION_TYPES as readonly string[]).includes(r.type));
    const taken = new Set<number>();
    for (const pr of p.relations ?? []) {
      if (!(SCORED_RELATION_TYPES as readonly string[]).includes(pr.type) || IGNORED_STATUSES.has(pr.status)) continue;
      const hit = golds.findIndex((gr, j) => !taken.has(j) && sameFact(pr, gr, resolve));
      if (hit < 0) {
        if (golds.some((gr) => gr.optional && sameFact(pr, gr, resolve))) continue;
        bump(fp, pr.type);
        misses.push(`${g.id} extra ${pr.type}: ${pr.source} -> ${pr.target} | ${pr.evidence.slice(0, 90)}`);
        continue;
      }
      taken.add(hit);
      const gr = golds[hit];
      if (gr.optional) continue;
      bump(tp, gr.type);
      if (gr.date) attr('date', pr.date === gr.date);
      if (gr.place) attr('place', resolve(pr.place) === gr.place);
      attr('status', (pr.status || 'occurred') === (gr.status || 'occurred'));
      if (gr.type === 'CALLED') attr('caller', resolve(pr.source) === gr.source);
      if (gr.type === 'STATED' && gr.target) attr('stated_target', resolve(pr.target) === gr.target);
    }
    golds.forEach((gr, j) => {
      if (!taken.has(j) && !gr.optional) {
        bump(fn, gr.type);
        misses.push(`${g.id} missed ${gr.type}: ${gr.source} -> ${gr.target} | ${gr.evidence.slice(0, 90)}`);
      }
    });
  });

  const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
  return {
    relations: Object.fromEntries(SCORED_RELATION_TYPES.map((t) => [t, prf(tp[t] ?? 0, fp[t] ?? 0, fn[t] ?? 0)])),
    overall: prf(sum(tp), sum(fp), sum(fn)),
    entities: Object.fromEntries(ENTITY_TYPES.map((t) => [t, prf(...ent[t])])),
    attributes: Object.fromEntries(Object.entries(attrs).map(([k, [right, asked]]) => [k, { right, asked, accuracy: asked ? right / asked : 0 }])),
    misses,
  };
}

export function formatReport(r: EvalReport, verbose = false): string {
  const f = (x: number) => x.toFixed(2);
  const lines: string[] = [];
  if (verbose) lines.push(...r.misses.map((m) => `  ${m}`));
  for (const [t, s] of Object.entries(r.relations)) lines.push(`${t.padEnd(8)} P=${f(s.precision)} R=${f(s.recall)} F1=${f(s.f1)} (tp=${s.tp} fp=${s.fp} fn=${s.fn})`);
  lines.push(`${'ALL'.padEnd(8)} P=${f(r.overall.precision)} R=${f(r.overall.recall)} F1=${f(r.overall.f1)}`);
  for (const [t, s] of Object.entries(r.entities)) lines.push(`entity ${t.padEnd(12)} P=${f(s.precision)} R=${f(s.recall)} F1=${f(s.f1)} (tp=${s.tp} fp=${s.fp} fn=${s.fn})`);
  for (const [a, s] of Object.entries(r.attributes)) lines.push(`attribute ${a.padEnd(13)} ${s.right}/${s.asked}`);
  lines.push(`relation_f1=${r.overall.f1.toFixed(3)} person_f1=${r.entities.PERSON.f1.toFixed(3)}`);
  return lines.join('\n');
}
