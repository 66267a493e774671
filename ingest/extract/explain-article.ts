// `diplograph extract --explain`: per sentence, which rule produced which relation, and why candidate
// sentences produced none.
import type { Article } from '../../src/domain/model.js';
import { runExtraction } from './extract-article.js';

export interface SentenceExplanation {
  sentence: string;
  start: number;
  end: number;
  relations: { type: string; rule: string; source: string; target: string | null }[];
  rejected: { rule: string; reason: string }[];
}

export function explainArticle(article: Article): SentenceExplanation[] {
  const run = runExtraction(article);
  const names = new Map(run.result.entities.map((e) => [e.id, e.name]));
  const out: SentenceExplanation[] = run.ctx.sentences.map((s) => ({ sentence: s.text, start: s.start, end: s.end, relations: [], rejected: [] }));
  for (const r of run.result.relations) {
    for (const m of r.mentions) {
      const i = run.ctx.sentences.findIndex((s) => s.start === m.start);
      if (i < 0) continue;
      out[i].relations.push({
        type: r.type + (r.status === 'occurred' ? '' : `(${r.status})`) + (r.date ? ` @${r.date}` : '') + (r.place ? ` in ${names.get(r.place) ?? r.place}` : ''),
        rule: m.start === r.mentions[0].start ? (r.rule ?? '') : 'merged mention',
        source: names.get(r.source) ?? r.source,
        target: r.target ? (names.get(r.target) ?? r.target) : null,
      });
    }
  }
  for (const t of run.traces) out[t.sent].rejected.push(...t.rejected);
  return out;
}
