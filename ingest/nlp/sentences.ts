// Sentence splitting: wink-nlp finds the boundaries, then they are repaired for German and news text
// (`am 28. Januar 2017`, `z. B.`, `Washington, D.C.`, `U.S.`, initials) and lines are kept apart
// (headlines, datelines, ticker headers and list entries never run into the next line).
// Every sentence carries exact character offsets: text.slice(start, end) === sentence text.
import { nlp, its } from './wink.js';

export interface SentenceSpan {
  index: number;
  start: number;
  end: number;
  text: string;
  /** Paragraph number (blank lines separate paragraphs). */
  para: number;
  /** Line number in the text. */
  line: number;
  /** First sentence of its line. */
  lineStart: boolean;
}

const MONTH_START_RE =
  /^(Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|January|February|March|June|July|October|December|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Oct|Nov|Dez|Dec)\b/u;
// Abbreviations after which a sentence never ends.
const ALWAYS_JOIN_RE =
  /(?:^|[\s(„"“])(?:Dr|Prof|Hr|Fr|Nr|St|Mr|Mrs|Ms|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Jr|Sr|vs|bzw|ca|vgl|ggf|inkl|evtl|Abs|Art|Bd|Mio|Mrd|Tel|Str|Jh|Jhd|z\. ?B|u\. ?a|d\. ?h|u\. ?U|o\. ?ä|s\. ?o|i\. ?d\. ?R|z\. ?T|v\. ?a|No|Fig|approx|etc|e\. ?g|i\. ?e)\.$/u;
// Abbreviations that may end a sentence: join only when the next sentence does not look like a new one.
const MAYBE_JOIN_RE = /(?:^|[\s(„"“,])(?:U\.S|U\.K|U\.N|E\.U|D\.C|[A-Z])\.$/u;
const NEW_SENTENCE_START_RE =
  /^(?:The|He|She|It|They|We|I|You|This|That|These|Those|But|And|In|On|At|A|An|As|After|Before|When|While|If|Der|Die|Das|Er|Sie|Es|Wir|Ich|Doch|Aber|Und|Im|Am|Ein|Eine|Nach|Vor|Als|Wenn|Auch|Dabei|Danach)\b/u;

function isBlankLineBetween(text: string, from: number, to: number): boolean {
  return /\n[ \t]*\r?\n/.test(text.slice(from, to));
}

/** Raw wink sentence spans as character ranges. */
function winkSpans(text: string): [number, number][] {
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const starts = new Array<number>(values.length);
  const ends = new Array<number>(values.length);
  let pos = 0;
  for (let i = 0; i < values.length; i++) {
    pos += spaces[i].length;
    const v = values[i];
    if (text.startsWith(v, pos)) {
      starts[i] = pos;
    } else {
      const found = text.indexOf(v, pos);
      starts[i] = found >= 0 ? found : pos;
    }
    pos = starts[i] + v.length;
    ends[i] = pos;
  }
  const spans: [number, number][] = [];
  doc.sentences().each((s: { out: (f: unknown) => unknown }) => {
    const [a, b] = s.out(its.span) as unknown as [number, number];
    if (a < values.length && b < values.length) spans.push([starts[a], ends[b]]);
  });
  return spans;
}

/** Trim whitespace off a range. */
function trimRange(text: string, a: number, b: number): [number, number] {
  while (a < b && /\s/.test(text[a])) a++;
  while (b > a && /\s/.test(text[b - 1])) b--;
  return [a, b];
}

export function splitSentences(text: string): SentenceSpan[] {
  // 1. wink boundaries, cut further at line breaks.
  const pieces: [number, number][] = [];
  for (const [a0, b0] of winkSpans(text)) {
    let a = a0;
    for (let i = a0; i < b0; i++) {
      if (text[i] === '\n') {
        const r = trimRange(text, a, i);
        if (r[1] > r[0]) pieces.push(r);
        a = i + 1;
      }
    }
    const r = trimRange(text, a, b0);
    if (r[1] > r[0]) pieces.push(r);
  }
  // 2. Repair false boundaries inside a line.
  const merged: [number, number][] = [];
  for (const p of pieces) {
    const last = merged[merged.length - 1];
    // A closing quotation mark that wink put at the start of the next sentence belongs to the previous one.
    const lead = text[p[0]];
    const prevText = last ? text.slice(last[0], last[1]) : '';
    const closes =
      lead === '”' || lead === '»' || lead === '’' ||
      (lead === '“' && (prevText.split('„').length > prevText.split('“').length)) ||
      (lead === '"' && (prevText.split('"').length - 1) % 2 === 1);
    if (last && closes && !text.slice(last[1], p[0]).includes('\n')) {
      const q = p[0] + 1;
      last[1] = q;
      const r = trimRange(text, q, p[1]);
      if (r[1] <= r[0]) continue;
      p[0] = r[0];
    }
    if (last && !text.slice(last[1], p[0]).includes('\n')) {
      const prev = text.slice(last[0], last[1]);
      const next = text.slice(p[0], p[1]);
      let join = false;
      if (/(?:^|\s)\d{1,2}\.$/.test(prev) && MONTH_START_RE.test(next)) join = true; // am 28. | Januar
      else if (/(?:^|\s)\d{1,2}\.$/.test(prev) && /^(?:und|bis|oder)\s+\d{1,2}\./u.test(next)) join = true; // am 9. | und 10. September
      else if (ALWAYS_JOIN_RE.test(prev)) join = true;
      else if (MAYBE_JOIN_RE.test(prev) && (/^[\p{Ll}\d,;]/u.test(next) || (/^\p{Lu}/u.test(next) && !NEW_SENTENCE_START_RE.test(next)))) join = true;
      else if (/^[\p{Ll},;:)]/u.test(next) && !/[.!?]["“”»]?$/.test(prev)) join = true;
      if (join) {
        last[1] = p[1];
        continue;
      }
    }
    if (last && /\s["“„»]$/u.test(text.slice(last[0], last[1])) && !text.slice(last[1], p[0]).includes('\n')) {
      const q = text.slice(last[0], last[1]);
      const openCount = (q.match(/"/g) ?? []).length;
      if (q.endsWith('"') ? openCount % 2 === 1 : true) {
        last[1] -= 1;
        const r = trimRange(text, last[0], last[1]);
        last[1] = r[1];
        p[0] -= 1;
      }
    }
    merged.push([p[0], p[1]]);
  }
  // 3. Paragraph and line numbers.
  const out: SentenceSpan[] = [];
  let para = 0;
  let line = 0;
  let prevEnd = 0;
  for (const [a, b] of merged) {
    const gap = text.slice(prevEnd, a);
    const newLines = (gap.match(/\n/g) ?? []).length;
    if (out.length > 0 && isBlankLineBetween(text, prevEnd, a)) para++;
    line += newLines;
    const lineStart = out.length === 0 || newLines > 0;
    out.push({ index: out.length, start: a, end: b, text: text.slice(a, b), para, line, lineStart });
    line += (text.slice(a, b).match(/\n/g) ?? []).length;
    prevEnd = b;
  }
  return out;
}
