// Sentence splitting: candidate boundaries after sentence-final punctuation, then repaired for German and news
// text (`am 28. Januar 2017`, `z. B.`, `Washington, D.C.`, `U.S.`, initials, `Oct. 2`, `10:30 a.m.`) and lines are
// kept apart (headlines, datelines, ticker headers and list entries never run into the next line).
// (Earlier versions took the candidate boundaries from wink-nlp's sentence detector; on the development articles,
// the fixtures and the benchmark corpus these rules give the same sentences, or better ones where wink joined
// "… on X. He is …" or split "www." inside URLs, at a fraction of the cost.)
// Every sentence carries exact character offsets: text.slice(start, end) === sentence text.

import { isSpaceCode } from './tokenize.js';

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
  /(?:^|[\s(„"“])(?:Dr|Prof|Hr|Fr|Nr|St|ST|Mr|Mrs|Ms|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Jr|Sr|vs|bzw|ca|vgl|ggf|inkl|evtl|Abs|Art|Bd|Mio|Mrd|Tel|Str|Jh|Jhd|z\. ?B|u\. ?a|d\. ?h|u\. ?U|o\. ?ä|s\. ?o|i\. ?d\. ?R|z\. ?T|v\. ?a|No|Fig|approx|etc|e\. ?g|i\. ?e|Jan|Feb|Febr|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Okt|Nov|Dec|Dez|Inc|Corp|Ltd|Co|Mt|Ft|Pt|Gebr|Dipl|Ing|bzgl|zzgl|Hrsg|usw|[a-zäöü])\.$/u;
// Abbreviations that may end a sentence: join only when the next sentence does not look like a new one.
const MAYBE_JOIN_RE = /(?:^|[\s(„"“,])(?:U\.S|U\.K|U\.N|E\.U|D\.C|a\.m|p\.m|[A-Z])\.$/u;
const NEW_SENTENCE_START_RE =
  /^(?:The|He|She|It|They|We|I|You|This|That|These|Those|But|And|In|On|At|A|An|As|After|Before|When|While|If|Der|Die|Das|Er|Sie|Es|Wir|Ich|Doch|Aber|Und|Im|Am|Ein|Eine|Nach|Vor|Als|Wenn|Auch|Dabei|Danach)\b/u;

/** A lower-case name particle can start a sentence ("al-Bussaidi sagte", "van Klaveren said"). */
const NAME_PARTICLE_START_RE = /^(?:al|el|bin|ibn|ben|van|von|de|da|di|le|la|du|dos|del|della|ter|ten)[-\s]/u;

/** "am 28." at the end of a sentence: a day number. */
const DAY_NUMBER_END_RE = /(?:^|\s)\d{1,2}\.$/;
const OPENING_QUOTES = '"“„»';
const isDigitCode = (c: number) => c >= 48 && c <= 57;

function isBlankLineBetween(text: string, from: number, to: number): boolean {
  return /\n[ \t]*\r?\n/.test(text.slice(from, to));
}

/** Trim whitespace off a range. */
function trimRange(text: string, a: number, b: number): [number, number] {
  while (a < b && isSpaceCode(text.charCodeAt(a))) a++;
  while (b > a && isSpaceCode(text.charCodeAt(b - 1))) b--;
  return [a, b];
}

/** Candidate boundaries by punctuation alone: after . ! ? (and closing quotes or brackets) before white space. */
const END_RE = /[.!?]+["“”»’')\]]*(?=\s|$)/gu;
function punctuationSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let a = 0;
  END_RE.lastIndex = 0;
  for (let m = END_RE.exec(text); m; m = END_RE.exec(text)) {
    const b = m.index + m[0].length;
    spans.push([a, b]);
    a = b;
  }
  if (a < text.length) spans.push([a, text.length]);
  return spans;
}

export function splitSentences(text: string): SentenceSpan[] {
  return splitFrom(text, punctuationSpans(text));
}

function splitFrom(text: string, base: [number, number][]): SentenceSpan[] {
  // 1. base boundaries, cut further at line breaks.
  const pieces: [number, number][] = [];
  // the base spans are in order: one pass over the line breaks serves them all
  let nl = text.indexOf('\n');
  for (const [a0, b0] of base) {
    let a = a0;
    while (nl !== -1 && nl < a0) nl = text.indexOf('\n', nl + 1);
    for (; nl !== -1 && nl < b0; nl = text.indexOf('\n', nl + 1)) {
      const r = trimRange(text, a, nl);
      if (r[1] > r[0]) pieces.push(r);
      a = nl + 1;
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
      const dayNumber = isDigitCode(prev.charCodeAt(prev.length - 2)) && DAY_NUMBER_END_RE.test(prev);
      if (dayNumber && MONTH_START_RE.test(next)) join = true; // am 28. | Januar
      else if (dayNumber && /^(?:und|bis|oder)\s+\d{1,2}\./u.test(next)) join = true; // am 9. | und 10. September
      else if (ALWAYS_JOIN_RE.test(prev)) join = true;
      else if (MAYBE_JOIN_RE.test(prev) && (/^[\p{Ll}\d,;]/u.test(next) || (/^\p{Lu}/u.test(next) && !NEW_SENTENCE_START_RE.test(next)))) join = true;
      else if (/^[\p{Ll},;:)]/u.test(next) && !/[.!?]["“”»]?$/.test(prev)) join = true;
      // a sentence never starts in lower case: "10:30 a.m. for", "Das Treffen ... war kurz"
      else if (/^\p{Ll}/u.test(next) && !/[!?]["“”»]?$/.test(prev) && !NAME_PARTICLE_START_RE.test(next)) join = true;
      if (join) {
        last[1] = p[1];
        continue;
      }
    }
    if (last && OPENING_QUOTES.includes(text[last[1] - 1]) && /\s["“„»]$/u.test(text.slice(last[0], last[1])) && !text.slice(last[1], p[0]).includes('\n')) {
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
  // line breaks counted with one pointer moving forward through the text
  let br = text.indexOf('\n');
  const newlinesBefore = (to: number) => {
    let n = 0;
    for (; br !== -1 && br < to; br = text.indexOf('\n', br + 1)) n++;
    return n;
  };
  for (const [a, b] of merged) {
    const newLines = newlinesBefore(a);
    if (out.length > 0 && newLines > 1 && isBlankLineBetween(text, prevEnd, a)) para++;
    line += newLines;
    const lineStart = out.length === 0 || newLines > 0;
    out.push({ index: out.length, start: a, end: b, text: text.slice(a, b), para, line, lineStart });
    line += newlinesBefore(b);
    prevEnd = b;
  }
  return out;
}
