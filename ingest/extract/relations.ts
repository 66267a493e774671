// Stage: coreference and relation candidates, sentence by sentence.
// Resolves role nouns, pronouns and group references to persons; finds meeting, call and statement
// triggers; decides participants, status, date and place; records why candidates were rejected.
import type { RelationStatus, RelationType } from '../../src/domain/model.js';
import { entitiesByKey, roleFits, roleIndex, type LexEntity } from '../lexicon/lexicon.js';
import { tokenNorm } from '../nlp/tokenize.js';
import { REGEX_BIT, TRIGGERS, matchTriggers, mayMatchMask } from '../lexicon/triggers.js';
import { holdsOffice, officeHolder, actorCountry } from '../resolve/roles.js';
import { findDates, resolveDate, type DateExpr } from './dates.js';
import { registerEntity, prefixCountry } from './mentions.js';
import type { ArticleContext, Candidate, EntityMention, Sentence } from './types.js';
import { TOPIC_NOUNS } from './word-lists.js';

export interface SentenceTrace {
  sent: number;
  rejected: { rule: string; reason: string }[];
}

interface Trig {
  kind: 'meet' | 'call' | 'talk' | 'join' | 'say' | 'attribution';
  start: number;
  end: number;
  text: string;
}

const PLACE_RANK: Record<string, number> = { venue: 5, city: 4, region: 3, continent: 1, country: 2 };
const KONJUNKTIV_RE = /\b(?:sei|seien|habe|werde|müsse|könne|dürfe|wolle|solle|gebe|gehe|helfe|stehe|liege|komme|bleibe|kennten|gewinne|brauche|wisse|hätte|hätten)\b/u;
const CLAUSE_RE_DE = /;|,\s+(?=(?:und|aber|während|sondern|wo|wonach|der|die|das|dem|den)\s)|\s+[–—]\s+/gu;
const CLAUSE_RE_EN = /;|,\s+(?=(?:and|but|while|whereas|when|where|who|which)\s)|\s+(?=and\s+(?:would|will|plans?\s+to|intends?\s+to)\s)|\s+[–—]\s+/gu;
const THERE_RE = /\b(?:there|dort)\b/iu;
const ALSO_RE = /\b(?:also|auch|added|adding|fügte|hinzu|ebenfalls)\b/iu;
const RECEIVED_CALL_RE = /\breceived\s+a\s+(?:phone\s+|telephone\s+|video\s+)?call\b|\berhielt\b[^.;]{0,30}\bAnruf\b/iu;
/** Meeting words that say nothing of where the participants were (unlike "met", "received", "traf"). */
const SOFT_MEET_RE = /(?:meeting|meetings|talks|summit with|beraten|berieten|treffen|treffens|gipfeltreffen|unterredung)$/iu;
const REMOTE_CUE_RE = /(?<![\p{L}])(?:virtual|virtually|online|video|by phone|via phone|over the phone|by telephone|am Telefon|per Telefon|telefonisch|virtuell\p{L}*|per Video)(?![\p{L}])/iu;
/** A where-clause ("…, where he met X", "…, wo …") continues the clause before it. */
const WHERE_CLAUSE = /^(?:where|wo)\s/u;
const MEDIA_RELAY_RE = /\b(?:media|Medien)\s+(?:reported|berichteten|meldeten)\b/iu;

interface State {
  history: { key: string; sent: number }[];
  prevSubject: string | null;
  lastGroup: string[] | null;
  lastMeet: Candidate | null;
  lastCall: Candidate | null;
  lastEvent: Candidate | null;
  lastStated: Candidate | null;
  /** Date of the last occurred event trigger, even one without two named participants. */
  lastEventDate: string | null;
  lastPlace: string | null;
  paraEvent: Map<number, string | null>;
  headerDate: { para: number; date: string | null } | null;
  summits: { place: string | null; date: string | null }[];
  pending: { sent: number; date: string | null; hasDateExpr: boolean; place: string | null; type?: RelationType; status?: RelationStatus } | null;
  /** Definite role descriptions already resolved ("The President" → the same person again). */
  roleCache: Map<string, string>;
  mainEvent: Candidate | null;
  lastOccurred: Candidate | null;
  speakerDates: Map<string, string | null>;
}

export function extractCandidates(ctx: ArticleContext, liveblog: boolean, title: string | null): { candidates: Candidate[]; traces: SentenceTrace[] } {
  const T = TRIGGERS[ctx.lang];
  const st: State = {
    history: [],
    prevSubject: null,
    lastGroup: null,
    lastMeet: null,
    lastCall: null,
    lastEvent: null,
    lastStated: null,
    lastEventDate: null,
    lastPlace: null,
    paraEvent: new Map(),
    headerDate: null,
    summits: [],
    pending: null,
    roleCache: new Map(),
    mainEvent: null,
    lastOccurred: null,
    speakerDates: new Map(),
  };
  const candidates: Candidate[] = [];
  const traces: SentenceTrace[] = [];

  // summits named in the title ("Nato summit in Vilnius")
  if (title) registerSummits(ctx, title, null, st, T);

  for (const sent of ctx.sentences) {
    const trace: SentenceTrace = { sent: sent.index, rejected: [] };
    traces.push(trace);
    sentenceCandidates(new SentenceScope(ctx, sent, st, T, candidates, liveblog, trace));
  }
  return { candidates, traces };
}

/**
 * What the stages of one sentence share. The sentence's work is split into functions of a few dozen to two hundred
 * lines: V8 optimises each on its own, so a branch first taken on unseen text recompiles one stage (milliseconds)
 * instead of one 500-line loop body (about a second of compiler CPU per deoptimisation, per worker thread).
 */
class SentenceScope {
  readonly s: string;
  readonly ms: EntityMention[];
  subject: string | null = null;
  resolvedPersons: EntityMention[] = [];
  dates: DateExpr[] = NO_DATES;
  anaphorHere = false;
  readonly trigs: Trig[] = [];
  frames: Map<Trig, Frame> = NO_FRAMES;
  attributionSpans: [number, number][] = NO_SPANS;
  subordinate: Set<Candidate> = NO_CANDIDATES;
  eventInSentence = false;
  readonly sentenceCands: Candidate[] = [];
  private clauses: [number, number][] | null = null;

  constructor(
    readonly ctx: ArticleContext,
    readonly sent: Sentence,
    readonly st: State,
    readonly T: (typeof TRIGGERS)['de'],
    readonly candidates: Candidate[],
    readonly liveblog: boolean,
    readonly trace: SentenceTrace,
  ) {
    this.s = sent.text;
    this.ms = ctx.mentions[sent.index];
  }

  /** A position in the sentence as a position in the article text. */
  abs(i: number): number {
    return this.sent.start + i;
  }

  /** Whether a trigger pattern matches (the sentence, or a clause of it); skipped when its words are absent. */
  has(re: RegExp, text: string = this.s): boolean {
    if (!mayMatchMask(re, this.sent.tmask)) return false;
    re.lastIndex = 0;
    return re.test(text);
  }

  /** The clause around a position (clauses are computed on first use: most sentences have no trigger). */
  clauseOf(pos: number): [number, number] {
    return (this.clauses ??= this.splitClauses()).find(([a, b]) => pos >= a && pos < b) ?? [0, this.s.length];
  }

  isRelativeClause(c0: number): boolean {
    return c0 > 0 && /^(?:who|which|where|when|der|die|das|wo|als)\s/u.test(this.s.slice(c0));
  }

  push(c: Candidate): void {
    if (c.type === 'MET_AT' || c.type === 'CALLED') this.eventInSentence = true;
    this.candidates.push(c);
    this.sentenceCands.push(c);
  }

  private splitClauses(): [number, number][] {
    const { ctx, sent, s } = this;
    const clauseRe = ctx.lang === 'de' ? CLAUSE_RE_DE : CLAUSE_RE_EN;
    const cuts = [0];
    clauseRe.lastIndex = 0;
    for (let m = clauseRe.exec(s); m; m = clauseRe.exec(s)) if (!insideQuote(sent, sent.start + m.index)) cuts.push(m.index + m[0].length);
    cuts.push(s.length);
    const out: [number, number][] = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      if (cuts[i + 1] <= cuts[i]) continue;
      const seg = s.slice(cuts[i], cuts[i + 1]);
      const rel = cuts[i] > 0 && /^(?:who|which|der|die|das|dem|den)\s/u.test(seg) ? seg.indexOf(', ') : -1;
      if (rel > 0) {
        out.push([cuts[i], cuts[i] + rel + 2]);
        out.push([cuts[i] + rel + 2, cuts[i + 1]]);
      } else out.push([cuts[i], cuts[i + 1]]);
    }
    return out;
  }
}

function sentenceCandidates(sc: SentenceScope): void {
  const { ctx, sent, st, T, s, trace } = sc;
  const P = ctx.published;
  resolveCoreference(sc);
  // date expressions of the sentence: only where a relation, a header date or a summit can use them
  const anaphorHere = ANAPHOR_START.has(sent.tokens[0]?.norm ?? '') && T.anaphor.test(s.trimStart());
  sc.anaphorHere = anaphorHere;
  const dates = sent.lineStart || (sent.tmask & ACTIVE_BITS[ctx.lang]) !== 0 || anaphorHere ? findDates(ctx.lang, s, sent.start, sent.dfeat) : NO_DATES;
  sc.dates = dates;
  // chronicle entries: "28. Januar 2017: ..." at line start set the date for the paragraph
  if (sent.lineStart) {
    const head = dates.find((d) => d.start === sent.start || /^(?:Im|In|Ende|Anfang|Mitte)\s/u.test(s) && d.start - sent.start <= 6);
    if (head && /^\s*:/.test(ctx.text.slice(head.end, head.end + 2))) st.headerDate = { para: sent.para, date: resolveDate(head, P, false) };
  }
  if (st.headerDate && st.headerDate.para !== sent.para) st.headerDate = null;
  registerSummits(ctx, s, sent, st, T, dates);

  if (sent.headline) {
    trace.rejected.push({ rule: 'headline', reason: 'headline or header line: entities only' });
    return;
  }

  collectTriggers(sc);
  if (sc.trigs.length > 0) sc.subordinate = new Set();
  eventCandidates(sc);
  followUpEvents(sc);
  statementCandidates(sc);
  otherCandidates(sc);
  recordSentence(sc);
}

const FRONTED_ADVERBIAL_EN = /^(?:After|Before|Following|While|When|Since|During|Ahead of|Upon)\s[^,;"“”]{1,150},\s+/u;

/** Resolves role nouns, pronouns and group references of the sentence to persons; the subject is the first. */
function resolveCoreference(sc: SentenceScope): void {
  const { ctx, st, ms, sent } = sc;
  const lexDate = ctx.published;
  let subject: string | null = null;
  const resolvedPersons: EntityMention[] = [];
  // "After meeting X, Y flew to Moscow, where he …": persons of a fronted adverbial are not the subject
  const fronted = ctx.lang === 'en' ? FRONTED_ADVERBIAL_EN.exec(sent.text) : null;
  const subjectFrom = sent.start + (fronted ? fronted[0].length : 0);
  for (const m of ms) {
    if (m.type !== 'PERSON' && !(m.type === 'ORGANIZATION' && m.kind !== 'pattern')) {
      if (m.type === 'PLACE' || m.type === 'COUNTRY') continue;
    }
    if (m.type !== 'PERSON') continue;
    if (m.kind === 'group') continue;
    if (!m.key) {
      if (m.kind === 'role') m.key = resolveRoleRef(ctx, m, st, subject, lexDate);
      else if (m.kind === 'pronoun') m.key = resolvePronoun(ctx, m, st, subject, resolvedPersons, subjectFrom);
      if (m.key) {
        const e = ctx.entities.get(m.key);
        if (e && m.kind === 'role' && !e.surfaces.some((x) => x.text === m.surface)) e.surfaces.push({ text: m.surface, kind: 'role' });
      }
    }
    if (!m.key) continue;
    if (!subject && !m.inQuote && m.start >= subjectFrom) subject = m.key;
    resolvedPersons.push(m);
  }
  subject ??= resolvedPersons.find((m) => !m.inQuote)?.key ?? null;
  for (const m of ms) {
    if (m.kind !== 'group') continue;
    const named = [...new Set(resolvedPersons.filter((x) => !x.inQuote && x.kind !== 'pronoun').map((x) => x.key!))];
    if (named.length >= 2) m.groupKeys = named;
    else m.groupKeys = resolveGroup(st, m.groupSize ?? 0);
  }
  sc.subject = subject;
  sc.resolvedPersons = resolvedPersons;
}

/** Trigger words of the sentence, in order, and the attribution frames of its statement triggers. */
function collectTriggers(sc: SentenceScope): void {
  const { ctx, sent, s, ms, T } = sc;
  const trigs = sc.trigs;
  const mask = sent.tmask;
  const collect = (re: RegExp, kind: Trig['kind']) => {
    if (!mayMatchMask(re, mask)) return;
    for (const m of matchTriggers(re, s, sent.tokens, sent.start, sent.tstarts)) {
      // "received" meets only a person ("received Xi", "was received by"), not a call or a proposal
      if (kind === 'meet' && /^receive[sd]?$/iu.test(m.text) && !receivesPerson(sent, ms, m.index + m.text.length)) continue;
      trigs.push({ kind, start: m.index, end: m.index + m.text.length, text: m.text });
    }
  };
  collect(T.meet, 'meet');
  collect(T.call, 'call');
  collect(T.talk, 'talk');
  collect(T.join, 'join');
  collect(T.say, 'say');
  collect(T.attribution, 'attribution');
  // ", so Paschinjan." closes a German statement like ", sagte Paschinjan."
  if (ctx.lang === 'de') {
    const so = sent.norms.includes('so') ? SO_ATTRIBUTION_RE.exec(s) : null;
    if (so && !trigs.some((t) => t.kind === 'say' && t.start > so.index)) trigs.push({ kind: 'say', start: so.index + so[0].indexOf('so'), end: so.index + so[0].indexOf('so') + 2, text: 'so' });
  }
  if (trigs.length > 1) trigs.sort((a, b) => a.start - b.start);
  // attributions (", her spokesperson X said.", ", sagte ein Sprecher.") name speakers, not participants
  // a sentence without triggers shares empty collections (only the trigger loops below write to them)
  const anyTrig = trigs.length > 0;
  const frames: Map<Trig, Frame> = anyTrig ? new Map() : NO_FRAMES;
  sc.frames = frames;
  const attributionSpans: [number, number][] = anyTrig ? [] : NO_SPANS;
  sc.attributionSpans = attributionSpans;
  for (const tg of trigs) {
    if (tg.kind !== 'say' || insideQuote(sent, sc.abs(tg.start))) continue;
    const f = attributionFrame(ctx, sent, tg);
    if (!f) continue;
    frames.set(tg, f);
    // a trailing attribution runs to the sentence end, or to a clause it adds (", adding that he would call Putin")
    const added = f.claimAfter ? null : ADDED_CLAUSE.exec(s.slice(tg.end));
    attributionSpans.push([sc.abs(Math.min(f.np[0], tg.start)), sc.abs(f.claimAfter ? f.np[1] : added ? tg.end + added.index : s.length)]);
  }
}

const ADDED_CLAUSE = /,\s+(?:adding|saying|noting|and added|and said|und fügte|fügte)(?![\p{L}])/u;

/** A meeting or call trigger in its clause, with what the clause says of the event. */
interface EventDraft {
  tg: Trig;
  type: RelationType;
  /** The clause, by offsets in the sentence. */
  c0: number;
  c1: number;
  clause: string;
  /** The clause names participants only by a group reference ("the two leaders"). */
  groupOnly: boolean;
  parts: string[];
  /** Participants came from a group reference. */
  fromGroup: boolean;
  /** "spoke with both leaders": the one who met each member (not a meeting of all). */
  hub: string | null;
  /** A talk verb about the last event's participants: that event again. */
  talkAnaphor: boolean;
}

/** A one-participant meeting continued by a where-clause (", where he met …"): what the next clause inherits. */
type Carry = { parts: string[]; date: string | null; hasDateExpr: boolean; place: string | null } | null;

/**
 * Meetings and calls (MET_AT, CALLED) from the sentence's event triggers. One function per step (the clause and
 * its type, the participants, a back-reference, the candidate): each is optimised on its own, so a branch first
 * taken on unseen text recompiles one step, not the whole (measured: ~180 ms of compiler time for the whole).
 */
function eventCandidates(sc: SentenceScope): void {
  const { sent, trigs } = sc;
  const doneClauses: Set<string> = trigs.length > 0 ? new Set() : NO_CLAUSES;
  let carry: Carry = null;
  for (const tg of trigs) {
    if (tg.kind !== 'meet' && tg.kind !== 'call' && tg.kind !== 'talk' && tg.kind !== 'join') continue;
    if (insideQuote(sent, sent.start + tg.start)) continue;
    const ev = eventClause(sc, tg, doneClauses);
    if (ev) carry = eventFromClause(sc, ev, carry);
  }
}

/** The trigger's clause and event type; null when the clause has its event already or is an invitation. */
function eventClause(sc: SentenceScope, tg: Trig, doneClauses: Set<string>): EventDraft | null {
  const { sent, st, T, ms, trace } = sc;
  const [c0, c1] = sc.clauseOf(tg.start);
  const clause = sc.s.slice(c0, c1);
  // call or meeting?
  let type: RelationType;
  if (tg.kind === 'call') type = 'CALLED';
  else if (tg.kind === 'meet' || tg.kind === 'join') type = receivedCall(clause) ? 'CALLED' : 'MET_AT';
  else {
    // "…in Kairo erwartet, wo ein Gespräch mit al-Sisi geplant ist": a where-clause talks at the place before it
    const from = continuedFrom(sc, c0, clause);
    const hasPlace = ms.some((m) => (m.type === 'PLACE' || (m.type === 'COUNTRY' && prepBefore(sent, m))) && m.start >= sc.abs(from) && m.end <= sc.abs(c1) && !m.possessive);
    type = sc.has(T.phone, clause) ? 'CALLED' : sc.has(T.inPerson, clause) || hasPlace ? 'MET_AT' : 'CALLED';
  }
  if (type === 'MET_AT' && sc.has(T.phone, clause) && tg.kind === 'talk') type = 'CALLED';
  // "a virtual meeting with", "am Telefon … beraten": a meeting word with a remote cue is a call
  if (type === 'MET_AT' && tg.kind === 'meet' && SOFT_MEET_RE.test(tg.text) && REMOTE_CUE_RE.test(clause)) type = 'CALLED';
  const groupOnly = ms.some((m) => m.kind === 'group' && m.start >= sc.abs(c0) && m.end <= sc.abs(c1)) && ms.filter((m) => m.type === 'PERSON' && m.key && m.kind !== 'pronoun' && m.start >= sc.abs(c0) && m.end <= sc.abs(c1) && !m.possessive).length < 2;
  if (tg.kind === 'talk' && groupOnly && st.lastEvent && !sc.has(T.phone, clause) && !sc.has(T.inPerson, clause)) type = st.lastEvent.type;
  const ck = `${c0}:${type}`;
  if (doneClauses.has(ck)) return null;
  // "beim Treffen … persönlich auszutauschen": a talk verb in a clause that already has its event adds nothing
  if (tg.kind === 'talk' && (doneClauses.has(`${c0}:MET_AT`) || doneClauses.has(`${c0}:CALLED`))) return null;
  // invitations are not meetings
  if (T.other.some(([k, re]) => k === 'INVITED' && (re.lastIndex = 0, re.test(clause)))) {
    trace.rejected.push({ rule: `${type}:${tg.text}`, reason: 'invitation, not a meeting' });
    doneClauses.add(ck);
    return null;
  }
  doneClauses.add(ck);
  return { tg, type, c0, c1, clause, groupOnly, parts: [], fromGroup: false, hub: null, talkAnaphor: false };
}

/** Where a clause's event looks for its place and date: the clause a where-clause continues, else the clause itself. */
function continuedFrom(sc: SentenceScope, c0: number, clause: string): number {
  return c0 > 0 && WHERE_CLAUSE.test(clause) ? sc.clauseOf(c0 - 2)[0] : c0;
}

/** The persons of the clause who take part (not speakers, not quoted), plus the subject, antecedent or carried ones. */
function eventParticipants(sc: SentenceScope, ev: EventDraft, carry: Carry): void {
  const { sent, T, ms, subject, resolvedPersons, trigs, frames, attributionSpans } = sc;
  const { tg, c0, c1, clause } = ev;
  const inClause = (m: EntityMention) => m.start >= sc.abs(c0) && m.end <= sc.abs(c1);
  let parts: string[] = [];
  const namedInClause = new Set(ms.filter((m) => inClause(m) && !m.inQuote && m.type === 'PERSON' && m.key && m.kind !== 'pronoun' && m.kind !== 'group').map((m) => m.key));
  for (const m of ms) {
    if (!inClause(m) || m.inQuote) continue;
    if (attributionSpans.some(([a, b]) => m.start >= a && m.end <= b)) continue;
    if (m.type === 'PERSON' && m.kind === 'group') {
      if (namedInClause.size >= 2) continue;
      ev.fromGroup = true;
      // "spoke with both leaders": the group is the object, each member meets the subject (not each other)
      const prep = sent.tokens[m.t0 - 1]?.norm ?? '';
      if ((prep === 'with' || prep === 'mit') && m.groupKeys?.length) {
        const subj = parts.find((k) => !m.groupKeys!.includes(k)) ?? (subject && !m.groupKeys.includes(subject) ? subject : null);
        if (subj) ev.hub = subj;
      }
      for (const k of m.groupKeys ?? []) if (!parts.includes(k)) parts.push(k);
      continue;
    }
    if (m.type !== 'PERSON' || !m.key) continue;
    if (m.possessive && !eventNounFollows(sent, m, T)) continue;
    if (!parts.includes(m.key)) parts.push(m.key);
  }
  // "Dujarric said the Secretary-General would … meet Youssouf", "Peskov declined to comment on reports that Putin had
  // received Orbán": the speaker is no participant of the reported event
  const frame = reportFrameBefore(sc, tg, c0);
  if (frame) {
    const speakersBefore = new Set(ms.filter((m) => m.type === 'PERSON' && m.key && m.kind !== 'pronoun' && m.end <= sc.abs(frame.start) && m.start >= sc.abs(c0)).map((m) => m.key!));
    const reported = ms.filter((m) => m.type === 'PERSON' && m.key && m.start >= sc.abs(frame.end) && m.end <= sc.abs(c1)).map((m) => m.key!);
    parts = parts.filter((k) => !speakersBefore.has(k) || reported.includes(k));
  }
  // "The two leaders also spoke by phone with Tusk": each member of the subject group calls the named object, the
  // members do not call each other (they may well sit in one room)
  if (ev.fromGroup && !ev.hub && ev.type === 'CALLED') {
    const object = ms.find((m) => inClause(m) && !m.inQuote && m.type === 'PERSON' && m.key && m.kind !== 'group' && m.kind !== 'pronoun' && withBefore(sent, m) && groupBefore(ms, m, sc.abs(c0)));
    if (object?.key) ev.hub = object.key;
  }
  // relative clause ("…, who met X"): the antecedent joins
  if (/^(?:who|der|die)\s/u.test(clause)) {
    const ante = [...resolvedPersons].reverse().find((m) => m.end <= sc.abs(c0) && !m.inQuote);
    if (ante?.key && !parts.includes(ante.key)) parts.unshift(ante.key);
  }
  if (carry && WHERE_CLAUSE.test(clause)) for (const k of carry.parts) if (!parts.includes(k)) parts.unshift(k);
  // "he met Putin", "nach einem Gespräch mit Putin": the sentence subject joins a one-person clause
  if (parts.length === 1 && subject && subject !== parts[0] && c0 > 0) parts.unshift(subject);
  if (ev.hub && !parts.includes(ev.hub)) parts.unshift(ev.hub);
  ev.parts = parts;
}

const OCCASION_GAP = /^\s*(?:at|during|in|on|auf|bei|während)\s+(?:(?:a|an|the|their|his|her|its|einer|einem|der|dem|ihrer|ihrem|seiner|seinem)\s+)?(?:[\p{L}-]+\s+)?$/iu;
const TRAILING_TIME_ADJUNCT =
  /,\s+(?:(?:a|one|two|three|several|einen|zwei|drei|wenige)\s+(?:day|days|week|weeks|hour|hours|Tag|Tage|Stunden|Wochen)\s+|shortly\s+|just\s+|kurz\s+)?(?:after|before|following|ahead of|nach|vor)\s+(?:(?:a|an|the|his|her|their|its|dem|seinem|ihrem|einem)\s+)?(?:[\p{L}-]+\s+)?$/iu;
/** "told a joint news conference", "told Sybiha in a call": the addressee may come first. */
const TOLD_OCCASION_GAP = /^\s*(?:(?:\p{Lu}[\p{L}'’.-]*\s+){1,4}(?:in|during|on|at)\s+)?(?:(?:a|an|the|their|his|her)\s+)?(?:[\p{L}-]+\s+)?$/u;

/** Where a statement or a refusal to comment frames the event trigger from before it, within its clause. */
function reportFrameBefore(sc: SentenceScope, tg: Trig, c0: number): { start: number; end: number } | null {
  const { sent, trigs, frames, T, s } = sc;
  const sayBefore = trigs.find((t2) => t2.kind === 'say' && t2.start < tg.start && t2.start >= c0 && !insideQuote(sent, sc.abs(t2.start)) && !frames.get(t2)?.claim);
  if (sayBefore) {
    const gap = s.slice(sayBefore.end, tg.start);
    // "sagte auf einer Pressekonferenz mit X", "told a joint news conference": the event is where the words were
    // said; "X said …, a day after meeting Y": a trailing time adjunct belongs to the speaker, not to what was said
    const speakerTakesPart = OCCASION_GAP.test(gap) || (/^(?:told|tells)$/iu.test(sayBefore.text) && TOLD_OCCASION_GAP.test(gap)) || TRAILING_TIME_ADJUNCT.test(gap);
    return speakerTakesPart ? null : { start: sayBefore.start, end: sayBefore.end };
  }
  // "Peskow zufolge gibt es keine Pläne für ein Treffen zwischen Putin und Trump": the source stands before "zufolge"
  const zufolge = trigs.find((t2) => t2.kind === 'attribution' && /^zufolge$/iu.test(t2.text) && t2.start < tg.start && t2.start >= c0);
  if (zufolge) return { start: zufolge.start, end: zufolge.end };
  const re = T.noComment;
  re.lastIndex = 0;
  const m = re.exec(s.slice(c0, tg.start));
  return m ? { start: c0 + m.index, end: c0 + m.index + m[0].length } : null;
}

/** "… with Tusk", "… mit Tusk": the mention is the object of a with-phrase (role words between allowed). */
function withBefore(sent: Sentence, m: EntityMention): boolean {
  for (let k = m.t0 - 1; k >= Math.max(0, m.t0 - 6); k--) {
    const n = sent.tokens[k].norm;
    if (n === 'with' || n === 'mit') return true;
    if (!/^\p{L}/u.test(sent.tokens[k].text)) return false;
  }
  return false;
}

/** A group mention ("the two leaders", "beide") stands before the mention in its clause. */
function groupBefore(ms: EntityMention[], m: EntityMention, from: number): boolean {
  return ms.some((g) => g.kind === 'group' && g.type === 'PERSON' && g.start >= from && g.end <= m.start);
}

const DEFINITE_BEFORE_EN = /(?:^|\s)(?:the|this|that)\s+(?:[\p{L}-]+\s+){0,2}$/iu;
const DEFINITE_BEFORE_DE = /(?:^|\s)[Dd](?:as|em|es|en|er|iesem|ieses)\s+(?:[\p{Ll}-]+\s+){0,2}$/u;

/** "Das Treffen …", "the meeting …": a definite event noun refers to the last event of its type; true when it does. */
function definiteEventReference(sc: SentenceScope, ev: EventDraft): boolean {
  const { ctx, sent, st, T, s, ms, trace, dates } = sc;
  const { tg, type, c0, c1, clause } = ev;
  const before = s.slice(Math.max(0, tg.start - 24), tg.start);
  // Between article and noun only adjectives: lower-case in German ("am Rande der Konferenz Gespräche mit …" is
  // two noun phrases, not a definite "Gespräche").
  const definite = ctx.lang === 'de' ? DEFINITE_BEFORE_DE : DEFINITE_BEFORE_EN;
  const definiteNoun = (/^\p{Lu}/u.test(tg.text) || (ctx.lang === 'en' && /^(?:meeting|call|talks)$/u.test(tg.text) && !/^\s+\p{Lu}/u.test(s.slice(tg.end)))) &&
    definite.test(before) &&
    !/\s(?:mit|with|zwischen|between)$/iu.test(tg.text) &&
    !/^\s*(?:mit|with|zwischen|between)\b/iu.test(s.slice(tg.end, tg.end + 12)) &&
    // "Der erste Telefonkontakt fand am 28. Januar 2017 statt" introduces a dated event of its own
    !(/\b(?:erste\w*|zweite\w*|dritte\w*|nächste\w*|first|second|third|next)\s+(?:[\p{L}-]+\s+)?$/iu.test(before) && dates.some((d) => d.start >= sc.abs(c0) && d.end <= sc.abs(c1)));
  if (!definiteNoun) return false;
  const last = type === 'CALLED' ? st.lastCall : st.lastMeet;
  const temporal = /(?:^|\s)(?:vor|nach|bei|seit|während|before|after|during|since|following)\s+\S+\s+(?:\S+\s+)?$/iu.test(before);
  if (last && !temporal) {
    const c = mk(type, last.group ?? [last.source, last.target!], pickPlace(ctx, sent, ms, sc.abs(c0), sc.abs(c1), st, T, clause), last.date, false, last.status, `${type}:back-reference`, sent.index);
    c.anaphoric = true;
    sc.push(c);
  } else trace.rejected.push({ rule: `${type}:${tg.text}`, reason: 'reference to an earlier event' });
  return true;
}

/** The candidate of an event clause (or why there is none); returns what a following where-clause inherits. */
function eventFromClause(sc: SentenceScope, ev: EventDraft, carry: Carry): Carry {
  const { ctx, sent, st, T, s, ms, trace, liveblog, dates, trigs, subordinate } = sc;
  const { tg, c0, c1, clause } = ev;
  const P = ctx.published;
  eventParticipants(sc, ev, carry);
  const { parts, fromGroup } = ev;
  const whereClause = WHERE_CLAUSE.test(clause);
  // "Fidan and Shaibani discussed …" after their meeting: that meeting again, not a call
  if (tg.kind === 'talk' && st.lastEvent && !sc.has(T.phone, clause) && !sc.has(T.planned, clause) && !sc.has(T.newEvent, clause) && !dates.some((d) => d.start >= sc.abs(c0) && d.end <= sc.abs(c1)) && sameKeys(parts, st.lastEvent.group ?? [st.lastEvent.source, st.lastEvent.target!])) {
    ev.type = st.lastEvent.type;
    ev.talkAnaphor = true;
  }
  if (definiteEventReference(sc, ev)) return carry;
  const { type } = ev;
  let status = decideStatus(clause, tg, T, ctx.lang, sent.tmask);
  // "Am Freitag empfängt X die Regierungschefin": a present-tense meeting on a coming day is planned
  if (status === 'occurred' && ctx.lang === 'de' && PRESENT_MEET_DE.test(clause) && dates.some((d) => d.rel && d.start >= sc.abs(c0) && d.end <= sc.abs(c1) && (d.rel.k === 'weekday' || d.rel.k === 'day') && !PAST_AUX_DE.test(clause))) status = 'planned';
  const anaphoric = T.anaphor.test(s.slice(c0).trimStart()) || T.anaphor.test(s.trimStart());
  const newEvent = sc.has(T.newEvent, clause);
  // date and place
  // a where-clause without an event before it is dated by the clause it continues ("Am Freitag wird X in Kairo erwartet, wo …")
  const dFrom = carry ? c0 : continuedFrom(sc, c0, clause);
  const dExpr = nearestDate(dates, sc.abs(tg.start), sc.abs(dFrom), sc.abs(c1), trigs, tg, sent, type);
  let date = dExpr ? resolveDate(dExpr, P, status === 'planned') : null;
  let how = dExpr ? 'text' : '';
  const place = type === 'CALLED' ? pickPlaceInClause(ctx, sent, ms, sc.abs(c0), sc.abs(c1)) : pickPlace(ctx, sent, ms, sc.abs(c0), sc.abs(c1), st, T, clause);
  if (!dExpr && type === 'MET_AT' && sc.has(T.summit, clause)) {
    const sm = [...st.summits].reverse().find((x) => x.date && (!place || !x.place || x.place === place));
    if (sm?.date && !date) (date = sm.date), (how = 'summit');
  }
  if (!dExpr && !date && st.headerDate?.date) (date = st.headerDate.date), (how = 'header');
  if (!dExpr && !date && sc.has(T.dateAnchor) && st.lastOccurred?.date) (date = st.lastOccurred.date), (how = 'anchor');
  if (!dExpr && !date && fromGroup && st.lastEvent && st.lastEvent.type === type && st.lastEvent.date) (date = st.lastEvent.date), (how = 'group');
  if (!dExpr && !date && st.pending && st.pending.sent === sent.index - 1 && parts.length >= 2) (date = st.pending.date), (how = 'pending');
  if (!dExpr && !date && liveblog && status === 'occurred') (date = P), (how = 'liveblog');

  if (tg.kind === 'join') {
    const base = st.lastMeet;
    if (base && parts.length >= 1 && !sc.has(T.notAttend, clause)) {
      const group = [...new Set([...(base.group ?? [base.source, base.target!]), ...parts])];
      const c = mk(type, group, base.place, base.date, false, base.status, `${type}:join`, sent.index);
      c.place = base.place ?? place;
      subordinate.add(c);
      sc.push(c);
      return carry;
    }
    trace.rejected.push({ rule: 'MET_AT:join', reason: 'no earlier meeting to join' });
    return carry;
  }
  if (sc.has(T.notAttend, clause)) {
    trace.rejected.push({ rule: `${type}:${tg.text}`, reason: 'person did not attend' });
    return carry;
  }
  if (carry && whereClause) {
    if (!dExpr && carry.date) date = carry.date;
    if (carry.hasDateExpr && !dExpr) (date = carry.date), (how = 'carried');
  }
  const placeHere = carry && whereClause && carry.place ? carry.place : place;
  if (parts.length === 1 && tg.kind === 'meet' && /^\s*,\s*(?:where|wo)\s/u.test(s.slice(c1 - 2, c1 + 8))) {
    trace.rejected.push({ rule: `${type}:${tg.text}`, reason: 'one participant, continued in the following where-clause' });
    return { parts, date, hasDateExpr: !!dExpr, place: pickPlaceInClause(ctx, sent, ms, sc.abs(c0), sc.abs(c1)) ?? place };
  }
  if (parts.length >= 2) {
    const c = mk(type, parts, placeHere, date, !!dExpr || !!(carry && carry.hasDateExpr && whereClause), status, `${type}:${tg.kind}:${tg.text.toLowerCase().split(/\s+/)[0]}`, sent.index);
    pairEvent(sc, ev, c, { status, dExpr: !!dExpr, newEvent, anaphoric, pending: how === 'pending' });
    return carry;
  }
  unpairedEvent(sc, ev, { status, date, dExpr: !!dExpr, anaphoric, place });
  return carry;
}

/** A candidate with two or more participants: anaphora, the caller of a received call, host, ellipsis ("and again in March"). */
function pairEvent(sc: SentenceScope, ev: EventDraft, c: Candidate, at: { status: RelationStatus; dExpr: boolean; newEvent: boolean; anaphoric: boolean; pending: boolean }): void {
  const { ctx, sent, st, s, ms, dates, subordinate } = sc;
  const { tg, type, c0, c1, clause, parts, hub, fromGroup, groupOnly, talkAnaphor } = ev;
  const { status, dExpr, newEvent, anaphoric } = at;
  if (hub && parts.length > 2) c.hub = hub;
  c.newEvent = newEvent && !anaphoric;
  // "The two ministers discussed …" right after their meeting: more about that meeting, not a new one
  const last0 = type === 'CALLED' ? st.lastCall : st.lastMeet;
  // "At the outset, X welcomed Y" after their dated meeting: the same meeting again (no new date, no "again")
  const samePairAgain = !!last0 && !dExpr && !newEvent && status === last0.status && last0.sent < sent.index && sameKeys(parts, last0.group ?? [last0.source, last0.target!]) && !anaphoric;
  if ((tg.kind === 'talk' && fromGroup && groupOnly && !dExpr && !newEvent && last0 && sameKeys(parts, last0.group ?? [last0.source, last0.target!])) || (talkAnaphor && !newEvent) || samePairAgain) {
    c.anaphoric = true;
    // a back-reference has the date of the event it refers to
    if (!c.date && last0?.date) c.date = last0.date;
  }
  if (type === 'CALLED' && receivedCall(clause)) {
    // callee named first: "A received a call from B" → B called
    const callerM = ms.find((m) => m.type === 'PERSON' && m.key && m.start > sc.abs(c0 + clause.search(RECEIVED_CALL_RE)) && m.start >= sc.abs(c0) && m.end <= sc.abs(c1));
    if (callerM?.key) c.group = [callerM.key, ...parts.filter((k) => k !== callerM.key)];
    c.source = c.group![0];
    c.target = c.group![1];
  }
  if (at.pending && st.pending?.place && !c.place) c.place = st.pending.place;
  c.hosted = /\b(?:hosted|host|welcomed|empfing|empfangen|empfängt|welcoming)\b/iu.test(clause);
  if (sc.isRelativeClause(c0)) subordinate.add(c);
  sc.push(c);
  // ellipsis: ", and again in March" → the same meeting once more at another date
  const again = /(?:,\s*)?(?:and|und)\s+(?:again|erneut|wieder)\s+(?:in|im)\s+([^,.;]+)/iu.exec(s.slice(c1));
  if (again) {
    const d2 = dates.find((d) => d.start >= sc.abs(c1) + again.index && d.start <= sc.abs(c1) + again.index + again[0].length);
    if (d2) {
      const c2 = mk(type, parts, c.place, resolveDate(d2, ctx.published, status === 'planned'), true, status, `${type}:ellipsis`, sent.index);
      c2.newEvent = true;
      sc.push(c2);
    }
  }
}

/** No pair of participants: a back-reference to an earlier event, a new event of the last pair, or a pending one. */
function unpairedEvent(sc: SentenceScope, ev: EventDraft, at: { status: RelationStatus; date: string | null; dExpr: boolean; anaphoric: boolean; place: string | null }): void {
  const { ctx, sent, st, s, trace } = sc;
  const { tg, type, c0, clause, parts } = ev;
  const { status, date, dExpr, anaphoric, place } = at;
  const last = type === 'CALLED' ? st.lastCall : st.lastMeet;
  if (parts.length === 0 && anaphoric && last) {
    const c = mk(type, last.group ?? [last.source, last.target!], place, date ?? null, dExpr, last.status, `${type}:anaphor`, sent.index);
    c.anaphoric = true;
    sc.push(c);
    return;
  }
  const indefinite = indefiniteRe(tg.text.split(/\s+/)[0]);
  const noun = /^\p{Lu}/u.test(tg.text) || ctx.lang === 'en' && /meeting|call|talks/.test(tg.text);
  const pair = st.lastGroup ?? resolveGroup(st, 2);
  if (parts.length === 0 && noun && indefinite.test(clause) && pair && pair.length >= 2 && !/\b(?:von|of|zwischen|between|mit|with)\s+(?!(?:den|the)\s+beiden)/iu.test(s.slice(tg.end - c0 >= 0 ? tg.end : 0, tg.end + 25))) {
    const c = mk(type, pair, place, date, dExpr, status, `${type}:context-pair`, sent.index);
    c.newEvent = true;
    sc.push(c);
    return;
  }
  if (parts.length === 0) {
    st.pending = { sent: sent.index, date, hasDateExpr: dExpr, place, type, status };
    trace.rejected.push({ rule: `${type}:${tg.text}`, reason: 'no named participants' });
  } else trace.rejected.push({ rule: `${type}:${tg.text}`, reason: 'only one participant' });
  // an event with an unnamed participant still dates what follows it ("Speaking to reporters afterwards, …")
  if (date && status === 'occurred') st.lastEventDate = date;
}

/** Events named by the next sentence, and back-references opening a sentence ("Bei dem Treffen …"). */
function followUpEvents(sc: SentenceScope): void {
  const { ctx, sent, st, T, s, ms, dates, sentenceCands, candidates, anaphorHere } = sc;
  const P = ctx.published;
  // "… haben die Sicherheitsberater in Doha verhandelt. Indiens Sicherheitsberater Ajit Doval und sein pakistanischer Amtskollege
  // Asim Malik hätten …": an event without named participants, named as the next sentence's subject
  if (!sc.eventInSentence && st.pending?.type && st.pending.sent === sent.index - 1 && st.pending.status !== 'denied' && st.pending.status !== 'hypothetical') {
    const pair = openingPair(sent, ms);
    if (pair) {
      const c = mk(st.pending.type, pair, st.pending.place, st.pending.date, st.pending.hasDateExpr, st.pending.status ?? 'occurred', `${st.pending.type}:named-next-sentence`, st.pending.sent);
      c.extraSents = [sent.index];
      // the event belongs to the previous sentence: this one can still continue a statement
      candidates.push(c);
      sentenceCands.push(c);
    }
  }
  if (!sc.eventInSentence && st.lastEvent && anaphorHere) {
    const last = /Telefonat|Anruf|call/iu.test(s.slice(0, 40)) ? st.lastCall ?? st.lastEvent : st.lastEvent;
    const c = mk(last.type, last.group ?? [last.source, last.target!], last.type === 'MET_AT' ? pickPlace(ctx, sent, ms, sent.start, sent.end, st, T, s) : null, last.date, false, last.status, `${last.type}:back-reference`, sent.index);
    const d = dates.find((x) => x.start >= sent.start);
    if (d) (c.date = resolveDate(d, P, last.status === 'planned')), (c.hasDateExpr = true);
    c.anaphoric = true;
    sc.push(c);
  }
}

/** Statements (STATED): speaker, claim, target and date. */
function statementCandidates(sc: SentenceScope): void {
  const { ctx, sent, st, T, s, ms, trace, liveblog, subject, dates, trigs, frames } = sc;
  const P = ctx.published;
  const lexDate = P;
  let noComment: boolean | null = null;
  let claimEnd = -1;
  let anonymousSay = false;
  const statedHere: Candidate[] = [];
  // "…, teilte X mit" / "…, sagte X": an inverted attribution later in the sentence owns the fronted content
  let invertedAt = -1;
  for (const [tg, f] of frames) if (!f.claimAfter && f.claim) invertedAt = Math.max(invertedAt, Math.min(tg.start, f.np[0]));
  for (const tg of trigs) {
    if (tg.kind !== 'say' && tg.kind !== 'attribution') continue;
    if (insideQuote(sent, sc.abs(tg.start))) continue;
    const coordinated = /\b(?:and|und)\s*$/iu.test(s.slice(Math.max(0, tg.start - 6), tg.start)) || /^adding\b/iu.test(tg.text) || /,\s*$/.test(s.slice(Math.max(0, tg.start - 2), tg.start)) && /^adding/i.test(tg.text);
    if (tg.start < claimEnd && !coordinated) continue;
    if (tg.start < invertedAt && tg.kind === 'say') continue;
    const [c0, c1] = sc.clauseOf(tg.start);
    const clause = s.slice(c0, c1);
    if ((noComment ??= sc.has(T.noComment)) && T.noComment.test(clause)) {
      trace.rejected.push({ rule: `STATED:${tg.text}`, reason: 'no comment' });
      continue;
    }
    const frame = frames.get(tg);
    const speakers = frame ? npSpeakers(ctx, sent, ms, frame.np[0], frame.np[1]) : findSpeakers(ctx, sent, ms, tg, c0, c1, statedHere, coordinated, subject, st);
    if (speakers.length === 0) {
      // an anonymous statement ("Ein Sprecher … erklärte, man werde …") is no continuation of the previous speaker
      if (tg.kind === 'say') anonymousSay = true;
      trace.rejected.push({ rule: `STATED:${tg.text}`, reason: 'no named speaker (anonymous, media relay or country)' });
      continue;
    }
    // claim: quotation or the reported clause
    let { quote, from, to } = frame?.claim ? frontedClaim(sent, frame.claim[0], frame.claim[1]) : claimOf(sent, frame && frame.claimAfter ? { ...tg, end: frame.np[1] } : tg, speakers.length ? speakers[0] : null, T, ctx.lang);
    // German verb-final subordinate clause ("…, während die Ministerin das Angebot begrüßte,"): the claim precedes the verb
    const verbFinal = ctx.lang === 'de' && !frame && tg.kind === 'say' && /^\s*(?:[,.;]|$)/u.test(s.slice(tg.end)) && SUBORDINATE_START_DE.test(s.slice(c0)) && !sent.quotes.some(([qa]) => qa - sent.start < tg.start && qa - sent.start >= c0);
    if (verbFinal) {
      from = c0;
      to = tg.end;
      quote = s.slice(c0, tg.end).replace(/^(?:während|als|wobei|und|,)\s+/u, '').trim();
    }
    claimEnd = to;
    // the statement's date, not a date inside the reported claim ("Fico will travel in September, a spokeswoman said")
    const sdates = dates.filter((d) => !(d.rel && d.rel.k === 'year') && !(d.start >= sc.abs(from) && d.end <= sc.abs(to) && to > from));
    const dExpr = nearestDate(sdates, sc.abs(tg.start), sc.abs(c0), sc.abs(c1), trigs, tg, sent) ?? sdates.find((d) => d.start >= sent.start && d.end <= sent.end && !trigs.some((t2) => t2 !== tg && (t2.kind === 'meet' || t2.kind === 'call') && Math.abs(sc.abs(t2.start) - d.start) < Math.abs(sc.abs(tg.start) - d.start))) ?? null;
    for (const sp of speakers) {
      const target = pickTarget(ctx, sent, ms, sp, from, to, tg, lexDate);
      let date = dExpr ? resolveDate(dExpr, P, false) : null;
      let how = dExpr ? 'text' : '';
      if (!date) ({ date, how } = inheritStatedDate(ctx, st, sent, sp, s, T, liveblog, P, coordinated ? statedHere[statedHere.length - 1] : null));
      const c = mk('STATED', [sp], null, date, !!dExpr, 'occurred', `STATED:${tg.kind}:${tg.text.toLowerCase()}`, sent.index);
      c.target = target;
      c.quote = quote;
      c.rule += how ? `:date-${how}` : '';
      statedHere.push(c);
      sc.push(c);
    }
  }
  // implicit Konjunktiv continuation of the previous statement
  if (ctx.lang === 'de' && statedHere.length === 0 && !anonymousSay && !sc.eventInSentence && !trigs.some((t) => t.kind === 'attribution') && st.lastStated && st.lastStated.sent === sent.index - 1 && KONJUNKTIV_RE.test(s) && !/^[„"“]/u.test(s)) {
    const sp = st.lastStated.source;
    const c = mk('STATED', [sp], null, st.lastStated.date, false, 'occurred', 'STATED:konjunktiv-continuation', sent.index);
    c.quote = s.replace(/[.!?]+$/u, '');
    c.target = pickTarget(ctx, sent, ms, sp, 0, s.length, null, lexDate);
    statedHere.push(c);
    sc.push(c);
  }
}

/** The other relation kinds (praise, criticism, visits, …). */
function otherCandidates(sc: SentenceScope): void {
  const { ctx, sent, st, T, s, ms, liveblog, subject, dates } = sc;
  const P = ctx.published;
  const mask = sent.tmask;
  for (const [kind, re] of (mask & OTHER_BITS[ctx.lang]) !== 0 ? T.other : NO_OTHER) {
    if (!mayMatchMask(re, mask)) continue;
    re.lastIndex = 0;
    const m = re.exec(s);
    if (!m) continue;
    const [c0, c1] = sc.clauseOf(m.index);
    // the actor: the last person (else organisation or country) before the verb in its clause; never an element of a
    // compound ("im Ukraine-Krieg") or a possessor
    const compound = (x: EntityMention) => sent.tokens[x.t1]?.text === '-' && sent.tokens[x.t1].joinPrev;
    const before = ms.filter((x) => x.key && x.end <= sc.abs(m.index) && x.start >= sc.abs(c0) && !x.inQuote && (x.type === 'PERSON' || x.type === 'COUNTRY' || x.type === 'ORGANIZATION') && !x.possessive && !compound(x));
    const persons = before.filter((x) => x.type === 'PERSON');
    const src = persons.length ? persons[persons.length - 1].key! : before.length ? before[before.length - 1].key! : subject;
    const firstWord = /^\S+/u.exec(m[0])![0].length;
    const tgt = ms.find((x) => x.key && x.start >= sc.abs(m.index + firstWord) && x.end <= sc.abs(c1) && x.key !== src && !compound(x) && (x.type === 'PERSON' || x.type === 'COUNTRY' || x.type === 'ORGANIZATION'))?.key ?? null;
    // praise and criticism need no named target ("Wadephul lobte die Zusammenarbeit"); the other acts do
    const targetless = (kind === 'PRAISED' || kind === 'CRITICIZED') && !/^(?:thanks|Kritik)$/iu.test(m[0]);
    if (!src || (!tgt && !targetless)) continue;
    const type = kind as RelationType;
    const c = mk(type, [src], null, null, false, 'occurred', `${kind}:${m[0].toLowerCase().split(/\s+/)[0]}`, sent.index);
    c.target = tgt;
    const d = dates[0];
    c.date = d ? resolveDate(d, P, false) : st.headerDate?.date ?? (liveblog ? P : null);
    sc.push(c);
  }
}

/** Carries the sentence's results into the state the next sentences read. */
function recordSentence(sc: SentenceScope): void {
  const { sent, st, ms, subject, resolvedPersons, subordinate, sentenceCands } = sc;
  updateState(st, sent, resolvedPersons, subject, ms);
  for (const c of sentenceCands) {
    if ((c.type === 'MET_AT' || c.type === 'CALLED') && c.anaphoric) {
      if (c.status === 'occurred' && !st.paraEvent.has(sent.para)) st.paraEvent.set(sent.para, c.date);
      continue;
    }
    if (c.type === 'MET_AT' || c.type === 'CALLED') {
      if (c.status === 'occurred') st.lastOccurred = c;
      if (c.status === 'occurred' || c.status === 'planned') {
        if (c.type === 'MET_AT') st.lastMeet = c;
        else st.lastCall = c;
        if (!subordinate.has(c)) st.lastGroup = c.group ?? [c.source, c.target!];
        st.lastEvent = c;
        if (!st.mainEvent && c.status === 'occurred' && c.date) st.mainEvent = c;
        if (c.status === 'occurred' && !st.paraEvent.has(sent.para)) st.paraEvent.set(sent.para, c.date);
      }
    }
    if (c.type === 'STATED') {
      st.lastStated = c;
      if (c.date) st.speakerDates.set(c.source, c.date);
    }
  }
  if (sentenceCands.some((c) => c.type === 'MET_AT' || c.type === 'CALLED')) st.pending = null;
}

function mk(type: RelationType, group: string[], place: string | null, date: string | null, hasDateExpr: boolean, status: RelationStatus, rule: string, sent: number): Candidate {
  return {
    type,
    source: group[0],
    target: group[1] ?? null,
    place,
    date,
    hasDateExpr,
    status,
    quote: null,
    confidence: 0.7,
    role: null,
    rule,
    sent,
    group: group.length > 2 ? group : undefined,
    // every optional field from the start: one object shape, so a rare combination set later on unseen text
    // does not deoptimise (and recompile, ~1 s CPU) the functions that read candidates
    anaphoric: undefined,
    newEvent: undefined,
    hosted: undefined,
    hub: undefined,
    extraSents: undefined,
  };
}


const NO_DATES: DateExpr[] = [];
// Empty and never written (see extractCandidates: sentences without triggers).
const NO_FRAMES = new Map<Trig, Frame>();
const NO_SPANS: [number, number][] = [];
const NO_CANDIDATES = new Set<Candidate>();
const NO_CLAUSES = new Set<string>();
/** German ", so X." at the end of a sentence: X said so. */
const SO_ATTRIBUTION_RE = /,\s+so\s+(?:der|die|das|\p{Lu})[^,;„“"]{1,60}[.!?]?\s*$/u;
/** German present-tense meeting verbs ("empfängt", "trifft … zusammen") and past auxiliaries that make them perfect. */
const PRESENT_MEET_DE = /(?<![\p{L}])(?:trifft|treffen sich|empfängt|empfangen|besucht|kommt\b[^.;]{0,80}\bzusammen|kommen\b[^.;]{0,80}\bzusammen)(?![\p{L}])/u;
const PAST_AUX_DE = /(?<![\p{L}])(?:hat|haben|hatte|hatten|ist|sind|war|waren|wurde|wurden)(?![\p{L}])/u;
/** First words of a back-reference to an earlier event ("Das Gespräch …", "The meeting …"; see triggers.json anaphor). */
const ANAPHOR_START = new Set(['das', 'dem', 'des', 'den', 'die', 'dieses', 'diesem', 'the', 'that', 'this', 'their', 'his', 'her']);
/** Trigger patterns whose relations use the sentence's dates. */
const ACTIVE_BITS: Record<'de' | 'en', number> = { de: activeBits(TRIGGERS.de), en: activeBits(TRIGGERS.en) };
function activeBits(T: (typeof TRIGGERS)['de']): number {
  let b = 0;
  for (const re of [T.meet, T.call, T.talk, T.join, T.say, T.attribution, T.summit, ...T.other.map(([, r]) => r)]) b |= REGEX_BIT.get(re) ?? 0x7fffffff;
  return b;
}

/** Bits of the OTHER patterns (praise, criticism, invitations …): most sentences have none. */
const OTHER_BITS: Record<'de' | 'en', number> = {
  de: TRIGGERS.de.other.reduce((b, [, re]) => b | (REGEX_BIT.get(re) ?? 0x7fffffff), 0),
  en: TRIGGERS.en.other.reduce((b, [, re]) => b | (REGEX_BIT.get(re) ?? 0x7fffffff), 0),
};
const NO_OTHER: [string, RegExp][] = [];

const indefiniteCache = new Map<string, RegExp>();
function indefiniteRe(word: string): RegExp {
  let re = indefiniteCache.get(word);
  if (!re) {
    re = new RegExp(`\\b(?:ein|eine|einem|einen|einer|erste\\w*|zweite\\w*|weitere\\w*|a|an|their|ihr\\w*)\\s+(?:\\S+\\s+){0,3}${escapeRe(word)}`, 'iu');
    if (indefiniteCache.size < 1000) indefiniteCache.set(word, re);
  }
  return re;
}

/** "received Xi", "was received by", "received his Syrian counterpart Asaad al-Shaibani": a person is received (not a call or a letter). */
function receivesPerson(sent: Sentence, ms: EntityMention[], from: number): boolean {
  const rest = sent.text.slice(from);
  if (/^\s+by\b/u.test(rest)) return true;
  const toks = sent.tokens;
  let k = toks.findIndex((t) => t.start - sent.start >= from);
  for (let n = 0; k >= 0 && k < toks.length && n < 6; k++, n++) {
    const t = toks[k];
    if (ms.some((m) => m.t0 === k && m.type === 'PERSON' && m.kind !== 'pronoun')) return true;
    if (/^(?:his|her|their|the|its)$/u.test(t.norm) || t.cap || roleIndex.en.map.has(t.norm)) continue;
    return false;
  }
  return false;
}

/** The subject "A und B" / "A and B" opening a sentence: two named persons joined by and. */
function openingPair(sent: Sentence, ms: EntityMention[]): string[] | null {
  const persons = ms.filter((m) => m.type === 'PERSON' && m.key && (m.kind === 'name' || m.kind === 'pattern' || m.kind === 'surname') && !m.inQuote);
  if (persons.length < 2) return null;
  const [a, b] = persons;
  const between = sent.text.slice(a.end - sent.start, b.start - sent.start);
  const lead = sent.text.slice(0, a.start - sent.start);
  if (!/^\s*(?:und|and)\s/u.test(between) || lead.split(/\s+/u).filter(Boolean).length > 4 || a.key === b.key) return null;
  return [a.key!, b.key!];
}

function receivedCall(clause: string): boolean {
  const low = clause.toLowerCase();
  return (low.includes('received') || low.includes('erhielt')) && RECEIVED_CALL_RE.test(clause);
}

function sameKeys(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((k) => b.includes(k));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function insideQuote(sent: Sentence, pos: number): boolean {
  return sent.quotes.some(([a, b]) => pos > a && pos < b);
}

function prepBefore(sent: Sentence, m: EntityMention): boolean {
  const t = sent.tokens[m.t0 - 1];
  return !!t && /^(in|im|nach|to|in)$/i.test(t.text);
}

function eventNounFollows(sent: Sentence, m: EntityMention, T: (typeof TRIGGERS)['de']): boolean {
  const rest = sent.text.slice(m.end - sent.start, m.end - sent.start + 40);
  T.meet.lastIndex = 0;
  const mm = T.meet.exec(rest);
  T.call.lastIndex = 0;
  const cc = T.call.exec(rest);
  return (!!mm && mm.index < 25) || (!!cc && cc.index < 25) || /^\s*(?:Staatsbesuch|Besuch|visit|trip)/iu.test(rest);
}

function decideStatus(clause: string, tg: Trig, T: (typeof TRIGGERS)['de'], lang: string, mask: number): RelationStatus {
  const t = (re: RegExp) => mayMatchMask(re, mask) && re.test(clause);
  if (t(T.denied)) return 'denied';
  const local = clause;
  const pastAnchored = mayMatchMask(T.pastAnchor, mask) && T.pastAnchor.test(clause.slice(Math.max(0, clause.indexOf(tg.text) - 20), clause.indexOf(tg.text) + 1)) && /^\p{Lu}|meeting|call|talks/u.test(tg.text);
  if (pastAnchored) return 'occurred';
  if (t(T.hypothetical)) {
    // "Wenn X und Y sich treffen" (generic/conditional) and "could meet" are hypothetical
    return 'hypothetical';
  }
  // "met in Tallinn and agreed to expand patrols": after a past-tense verb, a plan is about something else
  const pastVerb = lang === 'en' && /^(?:met|hosted|welcomed|received|held|sat|spoke|spoken|talked|phoned|telephoned|called|discussed|exchanged)\b/iu.test(tg.text);
  const at = clause.indexOf(tg.text);
  const planScope = pastVerb && at >= 0 ? clause.slice(0, at + tg.text.length) : clause;
  if (mayMatchMask(T.planned, mask) && planCue(T.planned, planScope, at + tg.text.length)) {
    if (lang === 'de' && /\b(?:wird|werden)\b/u.test(local) && /\b(?:begleitet|erwartet|gesehen|geführt)\b/u.test(local) === false && /\bvon\b/u.test(local) && /\bwurde\b/u.test(local)) return 'occurred';
    return 'planned';
  }
  return 'occurred';
}

/** "agreed to", "looks forward to" plan what follows them: after the trigger they say nothing of its event. */
const FORWARD_ONLY_PLAN = /^(?:agreed to|looks? forward to)$/iu;

/** A plan cue that bears on the trigger ending at `triggerEnd` (cues that only plan what follows them, after it, do not). */
function planCue(re: RegExp, text: string, triggerEnd: number): boolean {
  for (const m of text.matchAll(globalCopy(re))) if (m.index < triggerEnd || !FORWARD_ONLY_PLAN.test(m[0])) return true;
  return false;
}

const GLOBAL_COPIES = new WeakMap<RegExp, RegExp>();

/** A trigger regex with the g flag, made once: for walking every match of a pattern compiled without it. */
function globalCopy(re: RegExp): RegExp {
  let g = GLOBAL_COPIES.get(re);
  if (!g) GLOBAL_COPIES.set(re, (g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g')));
  g.lastIndex = 0;
  return g;
}

/** "since", "seit" opening the phrase that ends right before a date (at most a few words between). */
const SINCE_BEFORE = /(?:^|[^\p{L}])(?:since|seit)\s+(?:[\p{L}-]+\s+){0,4}$/iu;

function nearestDate(dates: DateExpr[], pos: number, a: number, b: number, trigs: Trig[], self: Trig, sent: Sentence, type: RelationType | null = null): DateExpr | null {
  const inClause = dates.filter((d) => d.start >= a && d.end <= b);
  // "das erste Treffen seit dem Zusammenstoß von 2020 fand im Oktober 2024 statt": a date after "since" dates the
  // start of an interval, not the event, when the clause has another
  const sinceFree = inClause.filter((d) => !SINCE_BEFORE.test(sent.text.slice(Math.max(0, d.start - sent.start - 50), d.start - sent.start)));
  const pool = sinceFree.length ? sinceFree : inClause;
  if (!pool.length) return null;
  // a date closer to another event trigger of the same clause belongs to it
  const others = trigs.filter((t) => t !== self && (t.kind === 'meet' || t.kind === 'call') && t.kind !== self.kind && self.kind !== 'talk' && (t.kind === 'call' ? 'CALLED' : 'MET_AT') !== type && sent.start + t.start >= a && sent.start + t.start < b);
  let best: DateExpr | null = null;
  let bestDist = Infinity;
  for (const d of pool) {
    const dist = Math.min(Math.abs(d.start - pos), Math.abs(d.end - pos));
    const other = others.some((t) => {
      const tp = sent.start + t.start;
      return Math.min(Math.abs(d.start - tp), Math.abs(d.end - tp)) + 2 < dist && t.text !== self.text;
    });
    if (other) continue;
    if (dist < bestDist) (best = d), (bestDist = dist);
  }
  return best;
}

function pickPlace(ctx: ArticleContext, sent: Sentence, ms: EntityMention[], a: number, b: number, st: State, T: (typeof TRIGGERS)['de'], clause: string): string | null {
  const rank = (m: EntityMention) => {
    const e = ctx.entities.get(m.key!);
    return PLACE_RANK[e?.placeKind ?? 'city'] ?? 3;
  };
  const ok = (m: EntityMention) =>
    !!m.key && !m.possessive && (m.type === 'PLACE' || (m.type === 'COUNTRY' && prepBefore(sent, m))) && !/^(aus|from|von)$/i.test(sent.tokens[m.t0 - 1]?.text ?? '') && !(sent.tokens[m.t1]?.text === '-' && sent.tokens[m.t1].joinPrev) && !topicPlace(sent, m);
  // "Moscow posed a threat …, after meeting Duda in Vilnius": a place after a preposition outranks one that is not
  const score = (m: EntityMention) => rank(m) + (locativeBefore(sent, m) ? 100 : 0);
  const pick = (list: EntityMention[]) => {
    let best: EntityMention | null = null;
    for (const m of list) if (!best || score(m) > score(best)) best = m;
    return best?.key ?? null;
  };
  // the dateline names where the report was filed: a meeting place only when the text names no other
  const inClause = ms.filter((m) => ok(m) && !m.dateline && m.start >= a && m.end <= b);
  if (inClause.length) return pick(inClause);
  const inSent = ms.filter((m) => ok(m) && !m.dateline);
  if (inSent.length) return pick(inSent);
  const dl = ms.find((m) => ok(m) && m.dateline);
  if (dl) return dl.key;
  if (THERE_RE.test(clause) && st.lastPlace) return st.lastPlace;
  if (mayMatchMask(T.summit, sent.tmask) && T.summit.test(clause)) {
    const sm = [...st.summits].reverse().find((x) => x.place);
    if (sm) return sm.place;
  }
  return null;
}

/** A locative preposition before the mention ("at the Kremlin"), or a settlement noun ("city of Lviv", "Hauptstadt Kiew"). */
function locativeBefore(sent: Sentence, m: EntityMention): boolean {
  const toks = sent.tokens;
  let k = m.t0 - 1;
  if (toks[k]?.norm === 'of' && SETTLEMENT_NOUNS.test(toks[k - 1]?.norm ?? '')) return true;
  if (toks[k] && SETTLEMENT_NOUNS.test(toks[k].norm)) return true;
  if (toks[k] && /^(?:the|der|den|dem|die|das)$/u.test(toks[k].norm)) k--;
  return !!toks[k] && /^(?:in|im|at|auf|bei|beim|on|am)$/u.test(toks[k].norm);
}

const SETTLEMENT_NOUNS = /^(?:city|capital|town|village|port|resort|stadt|hauptstadt|metropole|hafenstadt|küstenstadt|grenzstadt)$/u;

/** "the situation in Myanmar", "die Lage im Sudan": the place is the topic, not where people met. */
function topicPlace(sent: Sentence, m: EntityMention): boolean {
  const toks = sent.tokens;
  let k = m.t0 - 1;
  if (toks[k] && /^(?:the|der|den|dem)$/u.test(toks[k].norm)) k--;
  const prep = toks[k]?.norm ?? '';
  if (prep !== 'in' && prep !== 'im') return false;
  k--;
  return !!toks[k] && TOPIC_NOUNS.has(toks[k].norm);
}

function pickPlaceInClause(ctx: ArticleContext, sent: Sentence, ms: EntityMention[], a: number, b: number): string | null {
  const list = ms.filter((m) => m.key && m.start >= a && m.end <= b && m.type === 'PLACE' && !m.possessive && /^(in|im|at|auf)$/i.test(sent.tokens[m.t0 - 1]?.text ?? ''));
  let best: EntityMention | null = null;
  for (const m of list) if (!best || (PLACE_RANK[ctx.entities.get(m.key!)?.placeKind ?? 'city'] ?? 3) > (PLACE_RANK[ctx.entities.get(best.key!)?.placeKind ?? 'city'] ?? 3)) best = m;
  return best?.key ?? null;
}

function registerSummits(ctx: ArticleContext, s: string, sent: Sentence | null, st: State, T: (typeof TRIGGERS)['de'], dates: DateExpr[] = []): void {
  if (sent && !mayMatchMask(T.summit, sent.tmask)) return;
  if (!T.summit.test(s)) return;
  const re = globalCopy(T.summit);
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const after = s.slice(m.index, m.index + 120);
    const pm0 = /\b(?:in|im)\s+([\p{Lu}][\p{L}\p{M}-]+(?:\s[\p{Lu}][\p{L}\p{M}-]+)?)/u.exec(after);
    const pm = pm0 && pm0.index < 45 ? pm0 : null;
    let place: string | null = null;
    if (pm && sent) {
      const pos = sent.start + m.index + pm.index + pm[0].length - pm[1].length;
      const mm = ctx.mentions[sent.index]?.find((x) => x.start === pos && x.type === 'PLACE');
      const kind = mm?.key ? ctx.entities.get(mm.key)?.placeKind : null;
      place = mm?.key && (kind === 'city' || kind === 'venue') ? mm.key : null;
    } else if (pm && !sent) {
      for (const e of ctx.entities.values()) if (e.type === 'PLACE' && e.lex && [...e.lex.names.de, ...e.lex.names.en].includes(pm[1])) place = e.key;
      if (!place) {
        const lex = [...entitiesByKey.values()].find((e) => e.type === 'PLACE' && [...e.names.de, ...e.names.en].includes(pm[1]));
        if (lex) place = registerEntity(ctx, lex.key, 'PLACE', lex).key;
      }
    }
    const d = sent ? dates.find((x) => x.start >= sent.start + m!.index && x.start <= sent.start + m!.index + 120) : undefined;
    const date = d ? resolveDate(d, ctx.published, true) : null;
    if (place || date) st.summits.push({ place, date });
  }
}

function resolveGroup(st: State, size: number): string[] {
  if (st.lastGroup && (size === 0 || st.lastGroup.length === size || (size === 2 && st.lastGroup.length >= 2))) return size === 2 ? st.lastGroup.slice(0, Math.max(2, st.lastGroup.length === 2 ? 2 : st.lastGroup.length)) : st.lastGroup;
  const out: string[] = [];
  for (let i = st.history.length - 1; i >= 0 && out.length < (size || 2); i--) if (!out.includes(st.history[i].key)) out.push(st.history[i].key);
  return out.reverse();
}

function personFits(ctx: ArticleContext, key: string, role: string, country: string | null, date: string | null): boolean {
  const e = ctx.entities.get(key);
  if (!e || e.type !== 'PERSON') return false;
  for (const rc of e.roles) {
    const [r, c] = rc.split('|');
    if (roleFits(role, r) && (!country || !c || c === country)) {
      if (!country || c === country || (e.lex && holdsOffice(e.lex, role, country, date)) || e.country === country) return true;
    }
  }
  if (e.lex && holdsOffice(e.lex, role, country, date)) return true;
  return false;
}

function resolveRoleRef(ctx: ArticleContext, m: EntityMention, st: State, subject: string | null, date: string | null): string | null {
  const cacheKey = m.surface.toLowerCase();
  const cached = st.roleCache.get(cacheKey);
  if (cached) return cached;
  const r = resolveRoleRefUncached(ctx, m, st, subject, date);
  if (r && m.role !== 'counterpart' && m.role !== 'guest' && m.role !== 'host') st.roleCache.set(cacheKey, r);
  return r;
}

function resolveRoleRefUncached(ctx: ArticleContext, m: EntityMention, st: State, subject: string | null, date: string | null): string | null {
  const role = m.role ?? 'official';
  const country = m.roleCountry;
  const seen: string[] = [];
  for (let i = st.history.length - 1; i >= 0; i--) if (!seen.includes(st.history[i].key)) seen.push(st.history[i].key);
  if (role === 'counterpart' || role === 'guest' || role === 'host') {
    for (const k of seen) {
      if (k === subject) continue;
      const e = ctx.entities.get(k);
      if (country && e?.country !== country && !(e?.lex && holdsOffice(e.lex, 'official', country, date))) continue;
      return k;
    }
    return null;
  }
  // a generic role noun (Berater, official) names nobody in particular
  if (role === 'official') return null;
  // the possessor's spokesperson/envoy: "Putins Sprecher" → a spokesperson of the possessor's country
  // a gendered role noun ("die Regierungschefin") never refers to a person of the other gender
  const genderOk = (k: string) => !m.refGender || !ctx.entities.get(k)?.gender || ctx.entities.get(k)!.gender === m.refGender;
  const speaker = st.lastStated?.source;
  if (speaker && seen.includes(speaker) && genderOk(speaker) && personFits(ctx, speaker, role, country, date)) return speaker;
  for (const k of seen) if (genderOk(k) && personFits(ctx, k, role, country, date)) return k;
  const holder = officeHolder(role, country, date);
  if (holder && m.refGender && holder.gender && holder.gender !== m.refGender) return null;
  if (holder) {
    const e = registerEntity(ctx, holder.key, 'PERSON', holder);
    if (!e.surfaces.length) e.roleOnly = true;
    return holder.key;
  }
  return null;
}

function resolvePronoun(ctx: ArticleContext, m: EntityMention, st: State, subject: string | null, before: EntityMention[], subjectFrom: number): string | null {
  const gender = m.refGender ?? null;
  const fits = (k: string) => {
    const g = ctx.entities.get(k)?.gender ?? null;
    return !gender || !g || g === gender;
  };
  if (m.role === 'object') {
    const last = before[before.length - 1]?.key ?? subject;
    for (let i = before.length - 2; i >= 0; i--) {
      const k = before[i].key;
      if (k && k !== last && fits(k)) return k;
    }
    for (let i = st.history.length - 1; i >= 0; i--) {
      const k = st.history[i].key;
      if (k !== last && k !== subject && fits(k)) return k;
    }
    return null;
  }
  if (m.inQuote) return null;
  const firstHere = before.find((x) => !x.inQuote && x.key && x.start >= subjectFrom);
  if (firstHere?.key && fits(firstHere.key)) return firstHere.key;
  if (st.prevSubject && fits(st.prevSubject)) return st.prevSubject;
  for (let i = st.history.length - 1; i >= 0; i--) if (fits(st.history[i].key)) return st.history[i].key;
  return null;
}

function updateState(st: State, sent: Sentence, persons: EntityMention[], subject: string | null, ms: EntityMention[]): void {
  for (const m of persons) if (m.key && !m.inQuote) st.history.push({ key: m.key, sent: sent.index });
  if (subject) st.prevSubject = subject;
  for (const m of ms) if (m.key && m.type === 'PLACE') st.lastPlace = m.key;
}

function isRoleWord(ctx: ArticleContext, t: { norm: string } | undefined): boolean {
  return !!t && !!roleIndex[ctx.lang].map.get(t.norm);
}

/** German clause openers after which the verb comes last ("…, während die Ministerin das Angebot begrüßte"). */
const SUBORDINATE_START_DE = /^(?:während|als|wobei|weil|nachdem|da|dass|ob|wie|wenn|indem|obwohl|der|die|das|den|dem)\s/u;
/** Speech verbs that can close a sentence as an attribution (", the Kremlin said."). Participles (adding, saying) cannot. */
const ATTRIBUTION_VERBS_EN = /^(?:said|says|say|told|tells|added|adds|wrote|writes|stated|noted|notes|warned|warns|explained|confirmed|announced|posted|tweeted|insisted|argued|claimed|declared|stressed|emphasized|emphasised|reported|asserted)$/u;
/** Tokens that end the speaker phrase after an inverted verb (", sagte Budrys nach dem Treffen", ', said X on Tuesday'). */
const DETERMINERS_ALL = /^(?:der|die|das|dem|den|des|ein|eine|einer|eines|einem|einen|er|sie|sein|seine|ihr|ihre|the|a|an|he|she|they|his|her|its|their)$/u;
/** "BRUSSELS, July 2, 2025 (Reuters) - ", "Berlin (dpa) - ", "NEW DELHI — ": not part of a claim. */
const DATELINE_PREFIX = /^[\p{Lu}][\p{L}\p{M}.'’ -]{1,40}?(?:,\s*[^,()—–]{1,40}?){0,2}\s*(?:\([\p{L} ]{2,20}\)\s*)?[—–-]\s+/u;
/** English auxiliaries and modals: a clause, not a speaker phrase or an attribution's object. */
const AUX_EN = /\b(?:was|were|is|are|had|has|have|would|will|could|should|might|did|does|do|can|may|must)\b/u;
const INVERTING_EN = /^(?:said|says|added|wrote|asked|continued|declared)$/u;
const INSERTED_START = /^\s*(?:\p{Ll}+ing\s|der|die|das|dem|den|deren|dessen|who|which|whose|whom|ein|eine|einer|a|an|the|his|her|seit|since|selbst|himself|herself|\p{Lu}\p{Ll}*(?:in|er|e|or|ent|ant|ist|eur|ter)\s+(?:der|des|von|of|for|für))/u;
const NP_STOP = /^(?:nach|am|im|in|bei|gegenüber|vor|auf|zu|zum|zur|laut|mit|über|unter|seit|on|in|at|to|after|before|with|during|from|told|on|last|this|earlier|later|auf|heute|gestern|zudem|außerdem|dazu|dort|also|afterwards|am)$/u;
/** Heads of a phrase that speaks for its principal ("Stubb's office", "sein Büro"); a spokesman is a person of his own. */
const OFFICE_HEADS = /^(?:office|offices|team|camp|campaign|aides|büro|büros|umfeld|umfelds|lager|lagers)$/iu;
/** "nach Angaben seines Büros", "laut ihrer Sprecherin": a source that belongs to the subject. */
const POSSESSIVE_SOURCE_DE = /^\s+(?:seines|ihres|seiner|ihrer|seinem|ihrem|sein|ihr)\s+(\p{L}+)/u;

interface Frame {
  /** The speaker phrase (sentence-relative character range). */
  np: [number, number];
  /** The fronted claim ("…, sagte X." / "…, X said."), when the attribution closes the sentence. */
  claim: [number, number] | null;
  /** The claim follows the speaker phrase ("Als …, sagte Scholz, …"). */
  claimAfter: boolean;
}

/**
 * Attribution phrases whose speaker is a noun phrase next to the verb, never a person inside the reported clause:
 * inverted (", sagte ein Sprecher.", '"…," said Ana Lucía Pérez of …'), trailing (", Brazil's foreign ministry said.",
 * ", a government spokeswoman, Petra Nagyová, told the TASR news agency.") and German "…, wie das Auswärtige Amt mitteilte".
 */
function attributionFrame(ctx: ArticleContext, sent: Sentence, tg: Trig): Frame | null {
  const s = sent.text;
  const word = tg.text.split(/\s/u)[0];
  const pre = s.slice(0, tg.start).replace(/\s+$/u, '');
  const last = pre.slice(-1);
  const endOfSentence = s.replace(/[.!?]+["“”»]?\s*$/u, '').length;
  // inverted: the verb right after a comma or a closing quotation mark
  if (pre.length > 0 && /[,“”"»]/u.test(last) && (ctx.lang === 'de' || INVERTING_EN.test(word)) && !insertedPhraseBefore(ctx, sent, pre)) {
    // the fronted part ends with a comma, or with a quotation closed after its punctuation ('"…," said X')
    const closes = last === ',' || /[,.!?]["“”»]$/u.test(pre);
    // the speaker phrase starts like one: a name, a role noun, a determiner or a pronoun ("competition between …" does not)
    const nextTok = sent.tokens.find((t) => t.start - sent.start >= tg.end);
    const npLike = !!nextTok && (nextTok.cap || DETERMINERS_ALL.test(nextTok.norm));
    const shortRest = ctx.lang === 'de' || s.slice(tg.end, endOfSentence).length <= 70 && !/,/u.test(s.slice(tg.end, endOfSentence));
    if (closes && npLike && shortRest) {
      let npEnd = -1;
      const toks = sent.tokens;
      let k = toks.findIndex((t) => t.start - sent.start >= tg.end);
      if (k >= 0) {
        for (; k < toks.length; k++) {
          const t = toks[k];
          const rel = t.start - sent.start;
          if (rel >= endOfSentence || t.text === ',' || t.text === ';' || t.text === ':' || NP_STOP.test(t.norm)) break;
          npEnd = t.end - sent.start;
        }
      }
      if (npEnd < 0 || sent.text.slice(tg.end, npEnd).split(/\s+/u).length > 12) return null;
      // '"…," said X' names the speaker; ", said a visit by X was possible" is a reported clause
      if (ctx.lang === 'en' && AUX_EN.test(sent.text.slice(tg.end, npEnd))) return null;
      const rest = s.slice(npEnd, endOfSentence);
      const claimAfter = /^\s*[,:]/u.test(rest) && rest.length > 20 && !/^\s*,\s*(?:der|die|das|who|which)\s/u.test(rest);
      const boundary = last === ',' ? pre.length - 1 : pre.length;
      return { np: [tg.end, npEnd], claim: claimAfter ? null : [0, boundary], claimAfter };
    }
  }
  // German subordinate attribution: "…, wie das Auswärtige Amt mitteilte."
  if (ctx.lang === 'de') {
    const wie = /,\s*wie\s+([^,]{2,80})$/u.exec(pre);
    if (wie) {
      const npStart = wie.index + wie[0].length - wie[1].length;
      return { np: [npStart, tg.start], claim: [0, wie.index], claimAfter: false };
    }
    return null;
  }
  // English trailing: ", the Kremlin said." / ", his spokesman Hussein Mohamed told reporters."
  if (!ATTRIBUTION_VERBS_EN.test(word)) return null;
  let rest = s.slice(tg.end, endOfSentence);
  const comma = rest.indexOf(',');
  if (comma >= 0 && /^[^;"“”]*$/u.test(rest.slice(0, comma))) rest = rest.slice(0, comma);
  if (rest.length > 60 || /[,;"“”]|\bthat\b/u.test(rest)) return null;
  // ", said no date had been set" reports a clause: the speaker stands before ("Randhir Jaiswal, a spokesperson …, said")
  if (AUX_EN.test(rest)) return null;
  // "Randhir Jaiswal, a spokesperson …, said …": the sentence opens with the speaker and an apposition
  const firstComma = pre.indexOf(',');
  if (firstComma > 0 && (ctx.mentions[sent.index] ?? []).some((m) => m.type === 'PERSON' && m.start === sent.start && m.end === sent.start + firstComma)) return null;
  // the speaker phrase starts after the last comma or closing quote before the verb
  let b = -1;
  const closedApposition = pre.endsWith(',');
  for (let i = pre.length - (closedApposition ? 2 : 1); i >= 0; i--) {
    const c = pre[i];
    if (c === ',' || ((c === '"' || c === '”' || c === '“') && /[,.!?]/u.test(pre[i - 1] ?? ''))) {
      b = i;
      break;
    }
  }
  if (b < 0) return null;
  let npStart = b + 1;
  const seg = pre.slice(npStart, closedApposition ? pre.length - 1 : pre.length);
  if (!seg.trim() || seg.trim().split(/\s+/u).length > 10) return null;
  // apposition: ", a government spokeswoman, Petra Nagyová, told …" – the role phrase before the name belongs to the speaker
  if (pre[b] === ',' && seg.trim().length > 0) {
    const before = pre.slice(0, b);
    const c2 = before.lastIndexOf(',');
    const role = before.slice(c2 + 1);
    if (c2 > 0 && /^\s*(?:a|an|the|his|her|their|its)\s/iu.test(role) && role.trim().split(/\s+/u).length <= 6 && hasRoleWord(ctx, role)) npStart = c2 + 1;
  }
  // the fronted part ends at the comma before the speaker phrase (or after a closing quotation mark)
  let claimEnd = npStart - 1;
  if (pre[claimEnd] === '"' || pre[claimEnd] === '”' || pre[claimEnd] === '“') claimEnd++;
  return { np: [npStart, tg.start], claim: [0, claimEnd], claimAfter: false };
}

/** "Tina Bokutschawa, Vorsitzende der …, warf": the comma before the verb closes an apposition or relative clause of the subject. */
function insertedPhraseBefore(ctx: ArticleContext, sent: Sentence, pre: string): boolean {
  if (!pre.endsWith(',')) return false;
  const open = pre.lastIndexOf(',', pre.length - 2);
  if (open < 0) return false;
  const inserted = pre.slice(open + 1, pre.length - 1);
  if (inserted.split(/\s+/u).length > 14 || /[„“"”]/u.test(inserted)) return false;
  // a person or organisation right before the opening comma
  const ms = ctx.mentions[sent.index] ?? [];
  const subj = ms.some((m) => m.end === sent.start + open && (m.type === 'PERSON' || m.type === 'ORGANIZATION'));
  // an apposition name: "Milei's spokesman, Manuel Adorni, said …"
  const name = ms.some((m) => m.type === 'PERSON' && m.kind !== 'pronoun' && m.start >= sent.start + open && m.end <= sent.start + pre.length - 1 && inserted.trim().length - m.surface.length < 4);
  return name || (!!subj && (INSERTED_START.test(inserted) || hasRoleWord(ctx, inserted)));
}

function hasRoleWord(ctx: ArticleContext, text: string): boolean {
  const idx = roleIndex[ctx.lang];
  return text.split(/[\s,]+/u).some((w) => idx.map.has(tokenNorm(w)));
}

/** Speakers named in an attribution phrase; none when it is anonymous ("ein Sprecher", "an EU official"), a country or a description. */
function npSpeakers(ctx: ArticleContext, sent: Sentence, ms: EntityMention[], a: number, b: number): string[] {
  const lo = sent.start + a;
  const hi = sent.start + b;
  const inNp = ms.filter((m) => m.start >= lo && m.end <= hi && !m.inQuote);
  const npText = sent.text.slice(a, b);
  // named persons (an apposition name wins over the role phrase before it)
  const persons = inNp.filter((m) => m.type === 'PERSON' && m.key && m.kind !== 'group' && !m.possessive);
  if (persons.length) {
    const out: string[] = [];
    for (const m of persons) if (!out.includes(m.key!)) out.push(m.key!);
    return out;
  }
  // "Stubb's office", "Mohamud's office said", "sein Büro": the office speaks for its principal
  const poss = inNp.find((m) => m.type === 'PERSON' && m.key && m.possessive);
  const head = /(\p{L}+)\W*$/u.exec(npText)?.[1] ?? '';
  if (poss && OFFICE_HEADS.test(head)) return [poss.key!];
  // an anonymous official: indefinite article or a role noun as head
  if (/^\s*(?:a|an|ein|eine|einer|eines|einem|einen|one|two|several|mehrere|zwei)\s/iu.test(npText)) return [];
  for (const m of inNp) {
    if (!m.key || m.type !== 'ORGANIZATION') continue;
    const e = ctx.entities.get(m.key);
    if (!e || e.media || e.lex?.kind === 'group') continue;
    const toks = sent.tokens;
    // "EU official", "Kreml-Sprecher": the organisation only qualifies an anonymous role
    if (toks[m.t1] && (roleIndex[ctx.lang].map.has(toks[m.t1].norm) || (toks[m.t1].text === '-' && toks[m.t1].joinPrev))) continue;
    // "ein Sprecher des Auswärtigen Amts": the organisation is the role's complement
    const t1 = toks[m.t0 - 1];
    const t2 = toks[m.t0 - 2];
    if (t1 && /^(?:des|der|of|the)$/iu.test(t1.text) && t2 && roleIndex[ctx.lang].map.has(t2.norm)) continue;
    return [m.key];
  }
  return [];
}

/** The fronted claim of an inverted or trailing attribution: the quotation when it is one, else the clause. */
function frontedClaim(sent: Sentence, a: number, b: number): { quote: string | null; from: number; to: number } {
  const s = sent.text;
  const q = sent.quotes.map(([x, y]) => [x - sent.start, y - sent.start] as [number, number]).find(([x, y]) => x <= a + 1 && y >= b - 1 && y <= b + 1);
  if (q) return { quote: s.slice(q[0] + 1, q[1] - 1).replace(/[,.]$/u, '').trim(), from: q[0], to: q[1] };
  const dl = DATELINE_PREFIX.exec(s.slice(a, b));
  if (dl) a += dl[0].length;
  const claim = s.slice(a, b).replace(/[,.;:]+$/u, '').trim();
  return { quote: claim || null, from: a, to: b };
}

/** A German clause opening with a prepositional phrase: its subject follows the finite verb. */
const FRONTED_PP_DE = /^\s*(?:Nach|Vor|Bei|Beim|Während|Seit|Im|Am|Zum|Zur|Vom|Auf|Mit|Neben|Trotz|Wegen|Angesichts|Anlässlich|Unter|Gegenüber)\s(?![^,]*,)/u;

function findSpeakers(ctx: ArticleContext, sent: Sentence, ms: EntityMention[], tg: Trig, c0: number, c1: number, prev: Candidate[], coordinated: boolean, subject: string | null, st: State): string[] {
  const abs = (i: number) => sent.start + i;
  const usable = (m: EntityMention) => {
    if (!m.key || m.inQuote) return false;
    const t1 = sent.tokens[m.t0 - 1];
    const t2 = sent.tokens[m.t0 - 2];
    const t3 = sent.tokens[m.t0 - 3];
    if (m.type === 'ORGANIZATION' && t1 && /^(?:des|der|of|the)$/iu.test(t1.text) && (isRoleWord(ctx, t2) || (/^the$/iu.test(t1.text) && /^of$/iu.test(t2?.text ?? '') && isRoleWord(ctx, t3)))) return false;
    if (sent.tokens[m.t1]?.text === '-' && sent.tokens[m.t1].joinPrev) return false; // compound prefix (EU-Beamter)
    // "NATO Secretary General Mark Rutte": the organisation qualifies the role of the person named after it
    if (m.type === 'ORGANIZATION' && isRoleWord(ctx, sent.tokens[m.t1]) && ms.some((p) => p.type === 'PERSON' && p.key && p.t0 > m.t1 && p.t0 <= m.t1 + 4)) return false;
    const e = ctx.entities.get(m.key);
    if (!e) return false;
    if (e.type === 'PERSON') return true;
    if (e.type === 'ORGANIZATION') return !e.media && e.lex?.kind !== 'group';
    return false;
  };
  const speakersFrom = (m: EntityMention, list: EntityMention[], dir: 1 | -1) => {
    const out = [m.key!];
    // coordinated speakers: "Tusk und Merz veröffentlichten", "der Kremlchef und der chinesische …"
    const idx = list.indexOf(m);
    const nb = list[idx + dir];
    if (nb && usable(nb) && nb.type === m.type && !nb.possessive) {
      const between = dir === 1 ? sent.text.slice(m.end - sent.start, nb.start - sent.start) : sent.text.slice(nb.end - sent.start, m.start - sent.start);
      if (/^\s*(?:und|and)\s*$/iu.test(between) && !out.includes(nb.key!)) out.push(nb.key!);
    }
    return out;
  };
  const inClause = ms.filter((m) => m.start >= abs(c0) && m.end <= abs(c1) || (m.start < abs(c0) && false));
  if (tg.kind === 'attribution' && /Worten$/u.test(tg.text)) return st.prevSubject ? [st.prevSubject] : [];
  if (tg.kind === 'attribution') {
    // "nach Angaben seines Büros": the office speaks for the subject; "seines Sprechers": an unnamed spokesman
    const own = POSSESSIVE_SOURCE_DE.exec(sent.text.slice(tg.end));
    if (own) return OFFICE_HEADS.test(own[1]) && subject ? [subject] : [];
    const after = ms.filter((m) => m.start >= abs(tg.end) && m.start <= abs(tg.end) + 40);
    const first = after[0];
    if (first?.key && usable(first) && /zufolge/i.test(tg.text) === false) return [first.key];
    if (/zufolge/i.test(tg.text)) {
      const b = ms.filter((m) => m.end <= abs(tg.start) && usable(m));
      return b.length ? [b[b.length - 1].key!] : [];
    }
    return [];
  }
  if (coordinated && prev.length) return [prev[prev.length - 1].source];
  const beforeText = sent.text.slice(c0, tg.start);
  if (/^(?:A|An|One|Two|Several|Ein|Eine|Zwei|Mehrere)\s/u.test(sent.text) && !ms.some((m) => m.end <= abs(tg.start) && usable(m) && !m.possessive)) return [];
  // "nach seinen Worten": the previous subject

  // participles and coordinated verbs take the clause subject: "..., adding that", "X congratulated Y and reaffirmed"
  if (/^(?:adding|telling|saying|warning|urging)$/iu.test(tg.text) || /\b(?:and|und)\s+$/iu.test(beforeText)) {
    const subj = ms.find((m) => m.start >= sent.start + (/^(?:adding|telling|saying|warning|urging)$/iu.test(tg.text) ? 0 : c0) && m.end <= sent.start + tg.start && usable(m) && !m.possessive && !m.inQuote);
    if (subj) return [subj.key!];
    if (subject) return [subject];
  }
  // "Putins Beteuerung, …": the possessor speaks
  if (/^(?:Beteuerung|Erklärung|Äußerung|Warnung)$/u.test(tg.text)) {
    const poss = ms.find((m) => m.possessive && m.end <= sent.start + tg.start && m.end >= sent.start + tg.start - 2 && m.type === 'PERSON' && m.key);
    return poss ? [poss.key!] : [];
  }
  // English names the speaker after the verb only after a quotation ('"…," said X'); "X, his spokesman, said the president …" does not
  const punctBefore = (/[,“”"»:]\s*$/u.test(beforeText) || beforeText.trim() === '') && (ctx.lang === 'de' || (/^(?:said|says|added|told|wrote|asked)$/u.test(tg.text) && (/["“”»]\s*,?\s*$/u.test(beforeText) || !ms.some((m) => m.end <= sent.start + tg.start && m.start >= sent.start + c0 && usable(m) && !m.possessive && m.type === 'PERSON'))));
  const afterList = inClause.filter((m) => m.start >= abs(tg.end) && m.start <= abs(tg.end) + 40);
  const a0 = afterList[0];
  const gapOk = a0 && /^(?:\s+(?:der|die|das|dem|den|auch|nun|zudem|dazu|am|\p{Lu}[\p{L}-]*))*\s*$/u.test(sent.text.slice(tg.end, a0.start - sent.start));
  const beforeList = inClause.filter((m) => m.end <= abs(tg.start) && usable(m) && !m.possessive);
  if ((punctBefore || beforeList.length === 0 || /^(?:[^,]*\b(?:Am|Im|Nach|Bereits|Vor|Auch|Dabei)\b)/u.test(beforeText) && ctx.lang === 'de' && beforeList.every((m) => m.type !== 'PERSON')) && a0 && usable(a0) && gapOk && !a0.possessive) {
    return speakersFrom(a0, afterList.filter(usable), 1);
  }
  // German V2 after a fronted adverbial: "Am 18. März 2025 kündigte Trump an"; after a fronted phrase that names
  // someone, too: "Nach einem Treffen mit Rutte sagte Pistorius"
  if (ctx.lang === 'de' && a0 && usable(a0) && gapOk && (beforeList.length === 0 || FRONTED_PP_DE.test(beforeText))) return speakersFrom(a0, afterList.filter(usable), 1);
  // relative clause: ", der am Wochenende gedroht hatte" → the antecedent
  if (beforeList.length === 0 && c0 > 0 && /^(?:who|der|die)\s/u.test(sent.text.slice(c0))) {
    const ante = ms.filter((m) => m.end <= sent.start + c0 && usable(m) && !m.inQuote);
    if (ante.length) return [ante[ante.length - 1].key!];
  }
  // clause after a relative clause: "Donald Trump, who …, has promised" → the sentence subject
  if (beforeList.length === 0 && c0 > 0 && subject && !/^(?:and|und|but|aber|while|während)\b/iu.test(sent.text.slice(c0))) {
    const prevClause = sent.text.slice(0, c0);
    if (/,\s(?:who|which|der|die)\s/u.test(prevClause)) return [subject];
  }
  void st;
  if (beforeList.length) {
    let m = ctx.lang === 'de' ? beforeList[0] : beforeList[beforeList.length - 1];
    // "Kim Yo-jong, the powerful sister of … Kim Jong-un, dismissed": the subject stands before the apposition
    const ci = beforeText.indexOf(',');
    if (ctx.lang === 'en' && ci > 0 && /,\s*$/u.test(beforeText)) {
      const outer = beforeList.filter((x) => x.end <= sent.start + c0 + ci);
      if (outer.length) m = outer[outer.length - 1];
    }
    // a person named before a comma-separated apposition is still the subject
    return speakersFrom(m, beforeList, -1);
  }
  // speaker before the clause start (". He added" handled by pronoun); previous clause subject
  const earlier = ms.filter((m) => m.end <= abs(c0) && usable(m) && !m.possessive && m.type === 'PERSON');
  if (earlier.length && /^(?:and|und|,)/iu.test(sent.text.slice(c0).trim()) === false && c0 > 0 && /^(?:adding|while|but|and)\b/iu.test(sent.text.slice(c0, tg.start).trim())) return [earlier[0].key!];
  return [];
}

function claimOf(sent: Sentence, tg: Trig, _speaker: string | null, T: (typeof TRIGGERS)['de'], lang: string): { quote: string | null; from: number; to: number } {
  const s = sent.text;
  // quotation right before ", sagte X" / ' he said'
  const q = sent.quotes.map(([a, b]) => [a - sent.start, b - sent.start] as [number, number]);
  const before = q.filter(([, b]) => b <= tg.start && s.slice(b, tg.start).length < 25);
  if (before.length && before[0][0] <= 1) {
    const [a, b] = before[before.length - 1];
    return { quote: s.slice(a + 1, b - 1).replace(/[,.]$/u, '').trim(), from: a, to: b };
  }
  let from = tg.end;
  if (tg.kind === 'attribution') {
    const lastComma = s.slice(tg.end, tg.end + 70).lastIndexOf(', ');
    if (lastComma >= 0) from = tg.end + lastComma + 2;
  }
  const intro = /^(?:\s*(?:[^,:„“"]{0,35}?)?(?:,\s*|:\s*)|\s*(?:[^,:„“"]{0,60}?)?\s+(?:dass|that)\s+)/u.exec(s.slice(from));
  if (intro) from += intro[0].length;
  const rest = s.slice(from);
  const full = q.find(([a, b]) => a >= from - 1 && a <= from + 1 && b >= s.length - 3);
  if (full) return { quote: s.slice(full[0] + 1, full[1] - 1).replace(/[.,]$/u, '').trim(), from: full[0], to: full[1] };
  let to = s.length;
  const stop = /,\s+(?:and|und)\s+(?:said|sagte|erklärte|told|warned|adding)\b|;\s|,\s+(?:while|während)\s/iu.exec(rest);
  if (stop) to = from + stop.index;
  const claim = s.slice(from, to).replace(/[.!?]+["“”]?$/u, '').trim();
  void T;
  void lang;
  return { quote: claim || null, from, to };
}

function pickTarget(ctx: ArticleContext, sent: Sentence, ms: EntityMention[], speaker: string, from: number, to: number, tg: Trig | null, date: string | null): string | null {
  const sp = ctx.entities.get(speaker);
  const own = sp?.lex ? actorCountry(sp.lex, date) : sp?.country ?? null;
  const a = sent.start + (tg && tg.kind !== 'attribution' ? Math.min(from, tg.end) : from);
  const b = sent.start + to;
  // the subject of the claim is its target, also the speaker's own country ("Lettland werde …", "Ukraine needed …")
  const claimStart = sent.start + from;
  const lead = sent.text.slice(from, Math.min(to, from + 40));
  for (const m of ms) {
    if (!m.key || m.start < claimStart || m.start > claimStart + 2 || m.key === speaker || m.possessive) continue;
    if (m.type !== 'COUNTRY' && m.type !== 'ORGANIZATION') continue;
    if (sent.tokens[m.t1]?.text === '-' && sent.tokens[m.t1].joinPrev) continue;
    if (/^[„“"»]/u.test(lead)) continue;
    return m.key;
  }
  for (const m of ms) {
    if (!m.key || m.start < a || m.end > b) continue;
    if (m.key === speaker || m.kind === 'group') continue;
    const e = ctx.entities.get(m.key);
    if (!e || e.media) continue;
    if (e.type === 'COUNTRY' && own && e.lex?.country === own) continue;
    if (e.type === 'PLACE' && e.placeKind !== 'venue') continue;
    if (sent.tokens[m.t1]?.text === '-' && sent.tokens[m.t1].joinPrev) continue;
    return m.key;
  }
  return null;
}

function inheritStatedDate(
  ctx: ArticleContext,
  st: State,
  sent: Sentence,
  speaker: string,
  s: string,
  T: (typeof TRIGGERS)['de'],
  liveblog: boolean,
  P: string | null,
  coordinatedWith: Candidate | null,
): { date: string | null; how: string } {
  if (coordinatedWith) return { date: coordinatedWith.date, how: 'coordinated' };
  const last = st.lastStated;
  if ((mayMatchMask(T.dateAnchor, sent.tmask) && T.dateAnchor.test(s)) && /\b(?:the|dem|das|den)\s+(?:talks|meeting|Treffen|Gespräch)\b/u.test(s) && st.mainEvent?.date) return { date: st.mainEvent.date, how: 'anchor-main-event' };
  if ((mayMatchMask(T.dateAnchor, sent.tmask) && T.dateAnchor.test(s)) && st.lastOccurred?.date) return { date: st.lastOccurred.date, how: 'anchor-event' };
  if (ALSO_RE.test(s) && st.speakerDates.get(speaker)) return { date: st.speakerDates.get(speaker)!, how: 'continuation' };
  if ((mayMatchMask(T.dateAnchor, sent.tmask) && T.dateAnchor.test(s)) && last?.date) return { date: last.date, how: 'anchor-statement' };
  if ((mayMatchMask(T.dateAnchor, sent.tmask) && T.dateAnchor.test(s)) && !st.lastOccurred && st.lastEventDate) return { date: st.lastEventDate, how: 'anchor-event' };
  if (last && last.source === speaker && last.date && (last.sent === sent.index - 1 || ALSO_RE.test(s))) return { date: last.date, how: 'continuation' };
  if (st.headerDate?.date) return { date: st.headerDate.date, how: 'header' };
  const pe = st.paraEvent.get(sent.para);
  if (pe) return { date: pe, how: 'paragraph-event' };
  if (liveblog && P) return { date: P, how: 'liveblog' };
  void ctx;
  void MEDIA_RELAY_RE;
  void prefixCountry;
  return { date: null, how: '' };
}

export type { LexEntity };
