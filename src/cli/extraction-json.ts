// The `extract --json` line for one file: the contract the shared scorer reads. Keep it stable.
import type { ExtractedArticle } from '../domain/model.js';

export interface ExtractionJson {
  file: string;
  id: string;
  lang: string;
  title: string | null;
  published: string | null;
  entities: { id: string; name: string; type: string; aliases: string[]; wikidata: string | null }[];
  relations: {
    type: string;
    source: string | null;
    target: string | null;
    place: string | null;
    date: string | null;
    status: string;
    quote: string | null;
    evidence: string;
    start: number;
    end: number;
    confidence: number;
    role: string | null;
    cameo: string | null;
    plover: string | null;
    mentions: { evidence: string; start: number; end: number }[];
  }[];
  error?: string;
}

export function toExtractionJson(file: string, x: ExtractedArticle): ExtractionJson {
  const names = new Map(x.entities.map((e) => [e.id, e.name]));
  const name = (id: string | null) => (id == null ? null : (names.get(id) ?? null));
  return {
    file,
    id: x.article.id,
    lang: x.article.lang,
    title: x.article.title,
    published: x.article.published,
    entities: x.entities.map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, wikidata: e.wikidata })),
    relations: x.relations.map((r) => {
      const main = r.mentions[0];
      return {
        type: r.type,
        source: name(r.source),
        target: name(r.target),
        place: name(r.place),
        date: r.date,
        status: r.status,
        quote: r.quote,
        evidence: main?.sentence ?? '',
        start: main?.start ?? 0,
        end: main?.end ?? 0,
        confidence: r.confidence,
        role: r.role,
        cameo: r.cameo,
        plover: r.plover,
        mentions: r.mentions.map((m) => ({ evidence: m.sentence, start: m.start, end: m.end })),
      };
    }),
  };
}
