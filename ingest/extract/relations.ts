// Stage: coreference and relation candidates, sentence by sentence.
// Resolves role nouns, pronouns and group references to persons; finds meeting, call and statement
// triggers; decides participants, status, date and place; records why candidates were rejected.
import type { RelationStatus, RelationType } from '../../src/domain/model.js';
import { entitiesByKey, roleFits, roleIndex, type LexEntity } from '../lexicon/lexicon.js';
import { TRIGGERS, mayMatch } from '../lexicon/triggers.js';
import { holdsOffice, officeHolder, actorCountry } from '../resolve/roles.js';
import { findDates, resolveDate, type DateExpr } from './dates.js';
import { registerEntity, prefixCountry } from './mentions.js';
import type { ArticleContext, Candidate, EntityMention, Sentence } from './types.js';

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
const KONJUNKTIV_RE = /\b(?:sei|seien|habe|werde|müsse|könne|dürfe|wolle|solle|gebe|gehe|helfe|stehe|liege|komme|bleibe|kennten|gewinne|brauche|wisse)\b/u;
const CLAUSE_RE_DE = /;|,\s+(?=(?:und|aber|während|sondern|wo|der|die|das|dem|den)\s)|\s+[–—]\s+/gu;
const CLAUSE_RE_EN = /;|,\s+(?=(?:and|but|while|whereas|when|where|who|which)\s)|\s+[–—]\s+/gu;
const THERE_RE = /\b(?:there|dort)\b/iu;
const ALSO_RE = /\b(?:also|auch|added|adding|fügte|hinzu|ebenfalls)\b/iu;
const RECEIVED_CALL_RE = /\breceived\s+a\s+call\b|\berhielt\b[^.;]{0,30}\bAnruf\b/iu;
const MEDIA_RELAY_RE = /\b(?:media|Medien)\s+(?:reported|berichteten|meldeten)\b/iu;

interface State {
  history: { key: string; sent: number }[];
  prevSubject: string | null;
  lastGroup: string[] | null;
  lastMeet: Candidate | null;
  lastCall: Candidate | null;
  lastEvent: Candidate | null;
  lastStated: Candidate | null;
  lastPlace: string | null;
  paraEvent: Map<number, string | null>;
  headerDate: { para: number; date: string | null } | null;
  summits: { place: string | null; date: string | null }[];
  pending: { sent: number; date: string | null; hasDateExpr: boolean; place: string | null } | null;
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
  const P = ctx.published;
  const lexDate = P;

  // summits named in the title ("Nato summit in Vilnius")
  if (title) registerSummits(ctx, title, null, st, T);

  for (const sent of ctx.sentences) {
    const trace: SentenceTrace = { sent: sent.index, rejected: [] };
    traces.push(trace);
    const ms = ctx.mentions[sent.index];
    const s = sent.text;
    const abs = (i: number) => sent.start + i;

    // ---- coreference ------------------------------------------------------------------------------
    let subject: string | null = null;
    const resolvedPersons: EntityMention[] = [];
    for (const m of ms) {
      if (m.type !== 'PERSON' && !(m.type === 'ORGANIZATION' && m.kind !== 'pattern')) {
        if (m.type === 'PLACE' || m.type === 'COUNTRY') continue;
      }
      if (m.type !== 'PERSON') continue;
      if (m.kind === 'group') continue;
      if (!m.key) {
        if (m.kind === 'role') m.key = resolveRoleRef(ctx, m, st, subject, lexDate);
        else if (m.kind === 'pronoun') m.key = resolvePronoun(ctx, m, st, subject, resolvedPersons);
        if (m.key) {
          const e = ctx.entities.get(m.key);
          if (e && m.kind === 'role' && !e.surfaces.some((x) => x.text === m.surface)) e.surfaces.push({ text: m.surface, kind: 'role' });
        }
      }
      if (!m.key) continue;
      if (!subject && !m.inQuote) subject = m.key;
      resolvedPersons.push(m);
    }
    for (const m of ms) {
      if (m.kind !== 'group') continue;
      const named = [...new Set(resolvedPersons.filter((x) => !x.inQuote && x.kind !== 'pronoun').map((x) => x.key!))];
      if (named.length >= 2) m.groupKeys = named;
      else m.groupKeys = resolveGroup(st, m.groupSize ?? 0);
    }

    // date expressions of the sentence
    const dates = findDates(ctx.lang, s, sent.start);
    // chronicle entries: "28. Januar 2017: ..." at line start set the date for the paragraph
    if (sent.lineStart) {
      const head = dates.find((d) => d.start === sent.start || /^(?:Im|In|Ende|Anfang|Mitte)\s/u.test(s) && d.start - sent.start <= 6);
      if (head && /^\s*:/.test(ctx.text.slice(head.end, head.end + 2))) st.headerDate = { para: sent.para, date: resolveDate(head, P, false) };
    }
    if (st.headerDate && st.headerDate.para !== sent.para) st.headerDate = null;
    registerSummits(ctx, s, sent, st, T, dates);

    if (sent.headline) {
      trace.rejected.push({ rule: 'headline', reason: 'headline or header line: entities only' });
      continue;
    }

    // ---- clauses ------------------------------------------------------------------------------------
    const clauseRe = ctx.lang === 'de' ? CLAUSE_RE_DE : CLAUSE_RE_EN;
    const cuts = [0];
    clauseRe.lastIndex = 0;
    for (let m = clauseRe.exec(s); m; m = clauseRe.exec(s)) if (!insideQuote(sent, abs(m.index))) cuts.push(m.index + m[0].length);
    cuts.push(s.length);
    const clauses: [number, number][] = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      if (cuts[i + 1] <= cuts[i]) continue;
      const seg = s.slice(cuts[i], cuts[i + 1]);
      const rel = /^(?:who|which|der|die|das|dem|den)\s/u.test(seg) && cuts[i] > 0 ? seg.indexOf(', ') : -1;
      if (rel > 0) {
        clauses.push([cuts[i], cuts[i] + rel + 2]);
        clauses.push([cuts[i] + rel + 2, cuts[i + 1]]);
      } else clauses.push([cuts[i], cuts[i + 1]]);
    }
    // trailing attributions (", her spokesperson X said.") name speakers, not participants
    const attributionSpans: [number, number][] = [];
    {
      const re = T.say;
      re.lastIndex = 0;
      for (let m = re.exec(s); m; m = re.exec(s)) {
        const after = s.slice(m.index + m[0].length).trim();
        if (after.length <= 2 || /^(?:on|am|in)\b[^,]{0,25}[.!]?$/u.test(after)) {
          const comma = s.lastIndexOf(',', m.index);
          if (comma > 0) attributionSpans.push([abs(comma), abs(m.index + m[0].length)]);
        }
      }
    }
    const isRelativeClause = (c0: number) => c0 > 0 && /^(?:who|which|where|when|der|die|das|wo|als)\s/u.test(s.slice(c0));
    const clauseOf = (pos: number) => clauses.find(([a, b]) => pos >= a && pos < b) ?? [0, s.length];

    // ---- triggers -------------------------------------------------------------------------------------
    const trigs: Trig[] = [];
    const lower = s.toLowerCase();
    const has = (re: RegExp, text: string = s, low: string = text === s ? lower : text.toLowerCase()) => {
      if (!mayMatch(re, low)) return false;
      re.lastIndex = 0;
      return re.test(text);
    };
    const collect = (re: RegExp, kind: Trig['kind']) => {
      if (!mayMatch(re, lower)) return;
      re.lastIndex = 0;
      for (let m = re.exec(s); m; m = re.exec(s)) {
        // "received" meets only a person ("received Xi", "was received by"), not a call or a proposal
        if (kind === 'meet' && /^receive[sd]?$/iu.test(m[0]) && !/^\s+(?:by\b|\p{Lu})/u.test(s.slice(m.index + m[0].length))) continue;
        trigs.push({ kind, start: m.index, end: m.index + m[0].length, text: m[0] });
      }
    };
    collect(T.meet, 'meet');
    collect(T.call, 'call');
    collect(T.talk, 'talk');
    collect(T.join, 'join');
    collect(T.say, 'say');
    collect(T.attribution, 'attribution');
    trigs.sort((a, b) => a.start - b.start);
    const noComment = has(T.noComment);
    const subordinate = new Set<Candidate>();
    let eventInSentence = false;
    const sentenceCands: Candidate[] = [];

    // ---- meetings and calls ------------------------------------------------------------------------
    const doneClauses = new Set<string>();
    let carry: { parts: string[]; date: string | null; hasDateExpr: boolean; place: string | null } | null = null;
    for (const tg of trigs) {
      if (tg.kind !== 'meet' && tg.kind !== 'call' && tg.kind !== 'talk' && tg.kind !== 'join') continue;
      if (insideQuote(sent, abs(tg.start))) continue;
      const [c0, c1] = clauseOf(tg.start);
      const clause = s.slice(c0, c1);
      // call or meeting?
      let type: RelationType;
      if (tg.kind === 'call') type = 'CALLED';
      else if (tg.kind === 'meet' || tg.kind === 'join') type = RECEIVED_CALL_RE.test(clause) ? 'CALLED' : 'MET_AT';
      else {
        const hasPlace = ms.some((m) => (m.type === 'PLACE' || (m.type === 'COUNTRY' && prepBefore(sent, m))) && m.start >= abs(c0) && m.end <= abs(c1) && !m.possessive);
        type = T.phone.test(clause) ? 'CALLED' : T.inPerson.test(clause) || hasPlace ? 'MET_AT' : 'CALLED';
      }
      if (type === 'MET_AT' && T.phone.test(clause) && tg.kind === 'talk') type = 'CALLED';
      const groupOnly = ms.some((m) => m.kind === 'group' && m.start >= abs(c0) && m.end <= abs(c1)) && ms.filter((m) => m.type === 'PERSON' && m.key && m.kind !== 'pronoun' && m.start >= abs(c0) && m.end <= abs(c1) && !m.possessive).length < 2;
      if (tg.kind === 'talk' && groupOnly && st.lastEvent && !T.phone.test(clause)) type = st.lastEvent.type;
      const ck = `${c0}:${type}`;
      if (doneClauses.has(ck)) continue;
      // invitations are not meetings
      if (T.other.some(([k, re]) => k === 'INVITED' && (re.lastIndex = 0, re.test(clause)))) {
        trace.rejected.push({ rule: `${type}:${tg.text}`, reason: 'invitation, not a meeting' });
        doneClauses.add(ck);
        continue;
      }
      doneClauses.add(ck);
      // participants
      const inClause = (m: EntityMention) => m.start >= abs(c0) && m.end <= abs(c1);
      let parts: string[] = [];
      const namedInClause = new Set(ms.filter((m) => inClause(m) && !m.inQuote && m.type === 'PERSON' && m.key && m.kind !== 'pronoun' && m.kind !== 'group').map((m) => m.key));
      let fromGroup = false;
      for (const m of ms) {
        if (!inClause(m) || m.inQuote) continue;
        if (attributionSpans.some(([a, b]) => m.start >= a && m.end <= b)) continue;
        if (m.type === 'PERSON' && m.kind === 'group') {
          if (namedInClause.size >= 2) continue;
          fromGroup = true;
          for (const k of m.groupKeys ?? []) if (!parts.includes(k)) parts.push(k);
          continue;
        }
        if (m.type !== 'PERSON' || !m.key) continue;
        if (m.possessive && !eventNounFollows(sent, m, T)) continue;
        if (!parts.includes(m.key)) parts.push(m.key);
      }
      // relative clause ("…, who met X"): the antecedent joins
      if (/^(?:who|der|die)\s/u.test(clause)) {
        const ante = [...resolvedPersons].reverse().find((m) => m.end <= abs(c0) && !m.inQuote);
        if (ante?.key && !parts.includes(ante.key)) parts.unshift(ante.key);
      }
      if (carry && /^(?:where|wo)\s/u.test(clause)) for (const k of carry.parts) if (!parts.includes(k)) parts.unshift(k);
      // "he met Putin", "nach einem Gespräch mit Putin": the sentence subject joins a one-person clause
      if (parts.length === 1 && subject && subject !== parts[0] && c0 > 0) parts.unshift(subject);
      const before = s.slice(Math.max(0, tg.start - 24), tg.start);
      const definiteNoun = (/^\p{Lu}/u.test(tg.text) || (ctx.lang === 'en' && /^(?:meeting|call|talks)$/u.test(tg.text) && !/^\s+\p{Lu}/u.test(s.slice(tg.end)))) &&
        /(?:^|\s)(?:das|dem|des|den|der|diesem|dieses|the|this|that)\s+(?:[\p{L}-]+\s+){0,2}$/iu.test(before) &&
        !/^\s*(?:mit|with|zwischen|between)\b/iu.test(s.slice(tg.end, tg.end + 12)) &&
        // "Der erste Telefonkontakt fand am 28. Januar 2017 statt" introduces a dated event of its own
        !(/\b(?:erste\w*|zweite\w*|dritte\w*|nächste\w*|first|second|third|next)\s+(?:[\p{L}-]+\s+)?$/iu.test(before) && dates.some((d) => d.start >= abs(c0) && d.end <= abs(c1)));
      if (definiteNoun) {
        const last = type === 'CALLED' ? st.lastCall : st.lastMeet;
        const temporal = /(?:^|\s)(?:vor|nach|bei|seit|während|before|after|during|since|following)\s+\S+\s+(?:\S+\s+)?$/iu.test(before);
        if (last && !temporal) {
          const c = mk(type, last.group ?? [last.source, last.target!], pickPlace(ctx, sent, ms, abs(c0), abs(c1), st, T, clause), last.date, false, last.status, `${type}:back-reference`, sent.index, null);
          c.anaphoric = true;
          push(c);
        } else trace.rejected.push({ rule: `${type}:${tg.text}`, reason: 'reference to an earlier event' });
        continue;
      }
      const status = decideStatus(clause, tg, T, ctx.lang);
      const anaphoric = T.anaphor.test(s.slice(c0).trimStart()) || T.anaphor.test(s.trimStart());
      const newEvent = T.newEvent.test(clause);
      // date and place
      const dExpr = nearestDate(dates, abs(tg.start), abs(c0), abs(c1), trigs, tg, sent, type);
      let date = dExpr ? resolveDate(dExpr, P, status === 'planned') : null;
      let how = dExpr ? 'text' : '';
      const place = type === 'CALLED' ? pickPlaceInClause(ctx, sent, ms, abs(c0), abs(c1)) : pickPlace(ctx, sent, ms, abs(c0), abs(c1), st, T, clause);
      if (!dExpr && type === 'MET_AT' && T.summit.test(clause)) {
        const sm = [...st.summits].reverse().find((x) => x.date && (!place || !x.place || x.place === place));
        if (sm?.date && !date) (date = sm.date), (how = 'summit');
      }
      if (!dExpr && !date && st.headerDate?.date) (date = st.headerDate.date), (how = 'header');
      if (!dExpr && !date && has(T.dateAnchor) && st.lastOccurred?.date) (date = st.lastOccurred.date), (how = 'anchor');
      if (!dExpr && !date && fromGroup && st.lastEvent && st.lastEvent.type === type && st.lastEvent.date) (date = st.lastEvent.date), (how = 'group');
      if (!dExpr && !date && st.pending && st.pending.sent === sent.index - 1 && parts.length >= 2) (date = st.pending.date), (how = 'pending');
      if (!dExpr && !date && liveblog && status === 'occurred') (date = P), (how = 'liveblog');

      if (tg.kind === 'join') {
        const base = st.lastMeet;
        if (base && parts.length >= 1 && !T.notAttend.test(clause)) {
          const group = [...new Set([...(base.group ?? [base.source, base.target!]), ...parts])];
          const c = mk(type, group, base.place, base.date, false, base.status, `${type}:join`, sent.index, place);
          c.place = base.place ?? place;
          subordinate.add(c);
          push(c);
          continue;
        }
        trace.rejected.push({ rule: 'MET_AT:join', reason: 'no earlier meeting to join' });
        continue;
      }
      if (T.notAttend.test(clause)) {
        trace.rejected.push({ rule: `${type}:${tg.text}`, reason: 'person did not attend' });
        continue;
      }
      if (carry && /^(?:where|wo)\s/u.test(clause)) {
        if (!dExpr && carry.date) date = carry.date;
        if (carry.hasDateExpr && !dExpr) (date = carry.date), (how = 'carried');
      }
      const placeHere = carry && /^(?:where|wo)\s/u.test(clause) && carry.place ? carry.place : place;
      if (parts.length === 1 && tg.kind === 'meet' && /^\s*,\s*(?:where|wo)\s/u.test(s.slice(c1 - 2, c1 + 8))) {
        carry = { parts, date, hasDateExpr: !!dExpr, place: pickPlaceInClause(ctx, sent, ms, abs(c0), abs(c1)) ?? place };
        trace.rejected.push({ rule: `${type}:${tg.text}`, reason: 'one participant, continued in the following where-clause' });
        continue;
      }
      if (parts.length >= 2) {
        const c = mk(type, parts, placeHere, date, !!dExpr || !!(carry && carry.hasDateExpr && /^(?:where|wo)\s/u.test(clause)), status, `${type}:${tg.kind}:${tg.text.toLowerCase().split(/\s+/)[0]}`, sent.index, place);
        c.newEvent = newEvent && !anaphoric;
        if (type === 'CALLED' && RECEIVED_CALL_RE.test(clause)) {
          // callee named first: "A received a call from B" → B called
          const callerM = ms.find((m) => m.type === 'PERSON' && m.key && m.start > abs(c0 + clause.search(RECEIVED_CALL_RE)) && inClause(m));
          if (callerM?.key) c.group = [callerM.key, ...parts.filter((k) => k !== callerM.key)];
          c.source = c.group![0];
          c.target = c.group![1];
        }
        if (how === 'pending' && st.pending?.place && !c.place) c.place = st.pending.place;
        c.hosted = /\b(?:hosted|host|welcomed|empfing|empfangen|empfängt|welcoming)\b/iu.test(clause);
        if (isRelativeClause(c0) || fromGroup === false && false) subordinate.add(c);
        push(c);
        // ellipsis: ", and again in March" → the same meeting once more at another date
        const again = /(?:,\s*)?(?:and|und)\s+(?:again|erneut|wieder)\s+(?:in|im)\s+([^,.;]+)/iu.exec(s.slice(c1));
        if (again) {
          const d2 = dates.find((d) => d.start >= abs(c1) + again.index && d.start <= abs(c1) + again.index + again[0].length);
          if (d2) {
            const c2 = mk(type, parts, c.place, resolveDate(d2, P, status === 'planned'), true, status, `${type}:ellipsis`, sent.index, c.place);
            c2.newEvent = true;
            push(c2);
          }
        }
        continue;
      }
      // no pair: back-reference to an earlier event, a new event of the last pair, or a pending group event
      const last = type === 'CALLED' ? st.lastCall : st.lastMeet;
      if (parts.length === 0 && anaphoric && last) {
        const c = mk(type, last.group ?? [last.source, last.target!], place, date ?? null, !!dExpr, last.status, `${type}:anaphor`, sent.index, place);
        c.anaphoric = true;
        push(c);
        continue;
      }
      const indefinite = indefiniteRe(tg.text.split(/\s+/)[0]);
      const noun = /^\p{Lu}/u.test(tg.text) || ctx.lang === 'en' && /meeting|call|talks/.test(tg.text);
      const pair = st.lastGroup ?? resolveGroup(st, 2);
      if (parts.length === 0 && noun && indefinite.test(clause) && pair && pair.length >= 2 && !/\b(?:von|of|zwischen|between)\s+(?!(?:den|the)\s+beiden)/iu.test(s.slice(tg.end - c0 >= 0 ? tg.end : 0, tg.end + 25))) {
        const c = mk(type, pair, place, date, !!dExpr, status, `${type}:context-pair`, sent.index, place);
        c.newEvent = true;
        push(c);
        continue;
      }
      if (parts.length === 0) {
        st.pending = { sent: sent.index, date, hasDateExpr: !!dExpr, place };
        trace.rejected.push({ rule: `${type}:${tg.text}`, reason: 'no named participants' });
      } else trace.rejected.push({ rule: `${type}:${tg.text}`, reason: 'only one participant' });
    }

    if (!eventInSentence && st.lastEvent && T.anaphor.test(s.trimStart())) {
      const last = /Telefonat|Anruf|call/iu.test(s.slice(0, 40)) ? st.lastCall ?? st.lastEvent : st.lastEvent;
      const c = mk(last.type, last.group ?? [last.source, last.target!], last.type === 'MET_AT' ? pickPlace(ctx, sent, ms, sent.start, sent.end, st, T, s) : null, last.date, false, last.status, `${last.type}:back-reference`, sent.index, null);
      const d = dates.find((x) => x.start >= sent.start);
      if (d) (c.date = resolveDate(d, P, last.status === 'planned')), (c.hasDateExpr = true);
      c.anaphoric = true;
      push(c);
    }

    // ---- statements ------------------------------------------------------------------------------
    let claimEnd = -1;
    const statedHere: Candidate[] = [];
    // "…, teilte X mit" / "…, sagte X": an inverted attribution later in the sentence owns the fronted content
    let invertedAt = -1;
    if (ctx.lang === 'de') {
      for (const tg of trigs) {
        if (tg.kind !== 'say' || tg.start === 0) continue;
        if (!/[,“”"»]\s*$/u.test(s.slice(0, tg.start))) continue;
        const nxt = ms.find((m) => m.start >= abs(tg.end) && m.start <= abs(tg.end) + 30 && m.key && (m.type === 'PERSON' || m.type === 'ORGANIZATION'));
        if (nxt && /^(?:\s+(?:der|die|das|dem|den|\p{Lu}[\p{L}-]*))*\s*$/u.test(s.slice(tg.end, nxt.start - sent.start))) invertedAt = Math.max(invertedAt, tg.start);
      }
    }
    for (const tg of trigs) {
      if (tg.kind !== 'say' && tg.kind !== 'attribution') continue;
      if (insideQuote(sent, abs(tg.start))) continue;
      const coordinated = /\b(?:and|und)\s*$/iu.test(s.slice(Math.max(0, tg.start - 6), tg.start)) || /^adding\b/iu.test(tg.text) || /,\s*$/.test(s.slice(Math.max(0, tg.start - 2), tg.start)) && /^adding/i.test(tg.text);
      if (tg.start < claimEnd && !coordinated) continue;
      if (tg.start < invertedAt && tg.kind === 'say') continue;
      const [c0, c1] = clauseOf(tg.start);
      const clause = s.slice(c0, c1);
      if (noComment && T.noComment.test(clause)) {
        trace.rejected.push({ rule: `STATED:${tg.text}`, reason: 'no comment' });
        continue;
      }
      const speakers = findSpeakers(ctx, sent, ms, tg, c0, c1, statedHere, coordinated, subject, st);
      if (speakers.length === 0) {
        trace.rejected.push({ rule: `STATED:${tg.text}`, reason: 'no named speaker (anonymous, media relay or country)' });
        continue;
      }
      // claim: quotation or the reported clause
      let { quote, from, to } = claimOf(sent, tg, speakers.length ? speakers[0] : null, T, ctx.lang);
      // German verb-final clause ("… Baerbock Putins Bereitschaft begrüßte,"): the claim precedes the verb
      const verbFinal = ctx.lang === 'de' && tg.kind === 'say' && /^\s*(?:[,.;]|$)/u.test(s.slice(tg.end)) && !sent.quotes.some(([qa]) => qa - sent.start < tg.start && qa - sent.start >= c0);
      if (verbFinal) {
        from = c0;
        to = tg.end;
        quote = s.slice(c0, tg.end).replace(/^(?:während|als|wobei|und|,)\s+/u, '').trim();
      }
      claimEnd = to;
      const sdates = dates.filter((d) => !(d.rel && d.rel.k === 'year'));
      const dExpr = nearestDate(sdates, abs(tg.start), abs(c0), abs(c1), trigs, tg, sent) ?? sdates.find((d) => d.start >= sent.start && d.end <= sent.end && !trigs.some((t2) => t2 !== tg && (t2.kind === 'meet' || t2.kind === 'call') && Math.abs(abs(t2.start) - d.start) < Math.abs(abs(tg.start) - d.start))) ?? null;
      for (const sp of speakers) {
        const target = pickTarget(ctx, sent, ms, sp, from, to, tg, lexDate);
        let date = dExpr ? resolveDate(dExpr, P, false) : null;
        let how = dExpr ? 'text' : '';
        if (!date) ({ date, how } = inheritStatedDate(ctx, st, sent, sp, s, T, liveblog, P, coordinated ? statedHere[statedHere.length - 1] : null));
        const c = mk('STATED', [sp], null, date, !!dExpr, 'occurred', `STATED:${tg.kind}:${tg.text.toLowerCase()}`, sent.index, null);
        c.target = target;
        c.quote = quote;
        c.rule += how ? `:date-${how}` : '';
        statedHere.push(c);
        push(c);
      }
    }
    // implicit Konjunktiv continuation of the previous statement
    if (ctx.lang === 'de' && statedHere.length === 0 && !eventInSentence && !trigs.some((t) => t.kind === 'attribution') && st.lastStated && st.lastStated.sent === sent.index - 1 && KONJUNKTIV_RE.test(s) && !/^[„"“]/u.test(s)) {
      const sp = st.lastStated.source;
      const c = mk('STATED', [sp], null, st.lastStated.date, false, 'occurred', 'STATED:konjunktiv-continuation', sent.index, null);
      c.quote = s.replace(/[.!?]+$/u, '');
      c.target = pickTarget(ctx, sent, ms, sp, 0, s.length, null, lexDate);
      statedHere.push(c);
      push(c);
    }

    // ---- other relation kinds -------------------------------------------------------------------
    for (const [kind, re] of T.other) {
      if (!mayMatch(re, lower)) continue;
      re.lastIndex = 0;
      const m = re.exec(s);
      if (!m) continue;
      const [c0, c1] = clauseOf(m.index);
      const before = ms.filter((x) => x.key && x.end <= abs(m.index) && x.start >= abs(c0) && !x.inQuote && (x.type === 'PERSON' || x.type === 'COUNTRY' || x.type === 'ORGANIZATION') && !x.possessive);
      const src = before.length ? before[before.length - 1].key! : subject;
      const firstWord = /^\S+/u.exec(m[0])![0].length;
      const tgt = ms.find((x) => x.key && x.start >= abs(m.index + firstWord) && x.end <= abs(c1) && x.key !== src && (x.type === 'PERSON' || x.type === 'COUNTRY' || x.type === 'ORGANIZATION'))?.key ?? null;
      if (!src || !tgt) continue;
      const type = kind as RelationType;
      const c = mk(type, [src], null, null, false, 'occurred', `${kind}:${m[0].toLowerCase().split(/\s+/)[0]}`, sent.index, null);
      c.target = tgt;
      const d = dates[0];
      c.date = d ? resolveDate(d, P, false) : st.headerDate?.date ?? (liveblog ? P : null);
      push(c);
    }

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

    function push(c: Candidate) {
      if (c.type === 'MET_AT' || c.type === 'CALLED') eventInSentence = true;
      candidates.push(c);
      sentenceCands.push(c);
    }
  }
  return { candidates, traces };

  function mk(type: RelationType, group: string[], place: string | null, date: string | null, hasDateExpr: boolean, status: RelationStatus, rule: string, sent: number, _p: string | null): Candidate {
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
    };
  }
}

const indefiniteCache = new Map<string, RegExp>();
function indefiniteRe(word: string): RegExp {
  let re = indefiniteCache.get(word);
  if (!re) {
    re = new RegExp(`\\b(?:ein|eine|einem|einen|einer|erste\\w*|zweite\\w*|weitere\\w*|a|an|their|ihr\\w*)\\s+(?:\\S+\\s+){0,3}${escapeRe(word)}`, 'iu');
    if (indefiniteCache.size < 1000) indefiniteCache.set(word, re);
  }
  return re;
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

function decideStatus(clause: string, tg: Trig, T: (typeof TRIGGERS)['de'], lang: string): RelationStatus {
  const low = clause.toLowerCase();
  const t = (re: RegExp) => mayMatch(re, low) && re.test(clause);
  if (t(T.denied)) return 'denied';
  const local = clause;
  const pastAnchored = mayMatch(T.pastAnchor, low) && T.pastAnchor.test(clause.slice(Math.max(0, clause.indexOf(tg.text) - 20), clause.indexOf(tg.text) + 1)) && /^\p{Lu}|meeting|call|talks/u.test(tg.text);
  if (pastAnchored) return 'occurred';
  if (t(T.hypothetical)) {
    // "Wenn X und Y sich treffen" (generic/conditional) and "could meet" are hypothetical
    return 'hypothetical';
  }
  if (t(T.planned)) {
    if (lang === 'de' && /\b(?:wird|werden)\b/u.test(local) && /\b(?:begleitet|erwartet|gesehen|geführt)\b/u.test(local) === false && /\bvon\b/u.test(local) && /\bwurde\b/u.test(local)) return 'occurred';
    return 'planned';
  }
  return 'occurred';
}

function nearestDate(dates: DateExpr[], pos: number, a: number, b: number, trigs: Trig[], self: Trig, sent: Sentence, type: RelationType | null = null): DateExpr | null {
  const inClause = dates.filter((d) => d.start >= a && d.end <= b);
  const pool = inClause.length ? inClause : [];
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
    !!m.key && !m.possessive && (m.type === 'PLACE' || (m.type === 'COUNTRY' && prepBefore(sent, m))) && !/^(aus|from|von)$/i.test(sent.tokens[m.t0 - 1]?.text ?? '') && !(sent.tokens[m.t1]?.text === '-' && sent.tokens[m.t1].joinPrev);
  const pick = (list: EntityMention[]) => {
    let best: EntityMention | null = null;
    for (const m of list) if (!best || rank(m) > rank(best)) best = m;
    return best?.key ?? null;
  };
  const inClause = ms.filter((m) => ok(m) && m.start >= a && m.end <= b);
  if (inClause.length) return pick(inClause);
  const inSent = ms.filter(ok);
  if (inSent.length) return pick(inSent);
  if (THERE_RE.test(clause) && st.lastPlace) return st.lastPlace;
  if (T.summit.test(clause)) {
    const sm = [...st.summits].reverse().find((x) => x.place);
    if (sm) return sm.place;
  }
  return null;
}

function pickPlaceInClause(ctx: ArticleContext, sent: Sentence, ms: EntityMention[], a: number, b: number): string | null {
  const list = ms.filter((m) => m.key && m.start >= a && m.end <= b && m.type === 'PLACE' && !m.possessive && /^(in|im|at|auf)$/i.test(sent.tokens[m.t0 - 1]?.text ?? ''));
  let best: EntityMention | null = null;
  for (const m of list) if (!best || (PLACE_RANK[ctx.entities.get(m.key!)?.placeKind ?? 'city'] ?? 3) > (PLACE_RANK[ctx.entities.get(best.key!)?.placeKind ?? 'city'] ?? 3)) best = m;
  return best?.key ?? null;
}

const summitGlobal = new Map<RegExp, RegExp>();
function registerSummits(ctx: ArticleContext, s: string, sent: Sentence | null, st: State, T: (typeof TRIGGERS)['de'], dates: DateExpr[] = []): void {
  if (!T.summit.test(s)) return;
  let re = summitGlobal.get(T.summit);
  if (!re) {
    re = new RegExp(T.summit.source, 'giu');
    summitGlobal.set(T.summit, re);
  }
  re.lastIndex = 0;
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
  const speaker = st.lastStated?.source;
  if (speaker && seen.includes(speaker) && personFits(ctx, speaker, role, country, date)) return speaker;
  for (const k of seen) if (personFits(ctx, k, role, country, date)) return k;
  if (m.refGender) {
    // gendered role nouns (die Außenministerin) may match a person whose role was given in another form
  }
  const holder = officeHolder(role, country, date);
  if (holder) {
    const e = registerEntity(ctx, holder.key, 'PERSON', holder);
    if (!e.surfaces.length) e.roleOnly = true;
    return holder.key;
  }
  return null;
}

function resolvePronoun(ctx: ArticleContext, m: EntityMention, st: State, subject: string | null, before: EntityMention[]): string | null {
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
  const firstHere = before.find((x) => !x.inQuote && x.key);
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

function findSpeakers(ctx: ArticleContext, sent: Sentence, ms: EntityMention[], tg: Trig, c0: number, c1: number, prev: Candidate[], coordinated: boolean, subject: string | null, st: State): string[] {
  const abs = (i: number) => sent.start + i;
  const usable = (m: EntityMention) => {
    if (!m.key || m.inQuote) return false;
    const t1 = sent.tokens[m.t0 - 1];
    const t2 = sent.tokens[m.t0 - 2];
    const t3 = sent.tokens[m.t0 - 3];
    if (m.type === 'ORGANIZATION' && t1 && /^(?:des|der|of|the)$/iu.test(t1.text) && (isRoleWord(ctx, t2) || (/^the$/iu.test(t1.text) && /^of$/iu.test(t2?.text ?? '') && isRoleWord(ctx, t3)))) return false;
    if (sent.tokens[m.t1]?.text === '-' && sent.tokens[m.t1].joinPrev) return false; // compound prefix (EU-Beamter)
    const e = ctx.entities.get(m.key);
    if (!e) return false;
    if (e.type === 'PERSON') return true;
    if (e.type === 'ORGANIZATION') return !e.media && e.lex?.kind !== 'group';
    return false;
  };
  const speakersFrom = (m: EntityMention, list: EntityMention[], dir: 1 | -1) => {
    const out = [m.key!];
    // coordinated speakers: "Trump und Putin veröffentlichen", "der Kremlchef und der chinesische …"
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
  const punctBefore = (/[,“”"»:]\s*$/u.test(beforeText) || beforeText.trim() === '') && (ctx.lang === 'de' || /^(?:said|says|added|told|wrote|asked)$/u.test(tg.text));
  const afterList = inClause.filter((m) => m.start >= abs(tg.end) && m.start <= abs(tg.end) + 40);
  const a0 = afterList[0];
  const gapOk = a0 && /^(?:\s+(?:der|die|das|dem|den|auch|nun|zudem|dazu|am|\p{Lu}[\p{L}-]*))*\s*$/u.test(sent.text.slice(tg.end, a0.start - sent.start));
  const beforeList = inClause.filter((m) => m.end <= abs(tg.start) && usable(m) && !m.possessive);
  if ((punctBefore || beforeList.length === 0 || /^(?:[^,]*\b(?:Am|Im|Nach|Bereits|Vor|Auch|Dabei)\b)/u.test(beforeText) && ctx.lang === 'de' && beforeList.every((m) => m.type !== 'PERSON')) && a0 && usable(a0) && gapOk && !a0.possessive) {
    return speakersFrom(a0, afterList.filter(usable), 1);
  }
  // German V2 after a fronted adverbial: "Am 18. März 2025 kündigte Trump an"
  if (ctx.lang === 'de' && a0 && usable(a0) && gapOk && beforeList.length === 0) return speakersFrom(a0, afterList.filter(usable), 1);
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
    const m = ctx.lang === 'de' ? beforeList[0] : beforeList[beforeList.length - 1];
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
  const intro = /^(?:\s*(?:[^,:„“"]{0,60}?)?(?:,\s*|:\s*|\s+(?:dass|that)\s+))/u.exec(s.slice(from));
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
  if ((mayMatch(T.dateAnchor, s.toLowerCase()) && T.dateAnchor.test(s)) && /\b(?:the|dem|das|den)\s+(?:talks|meeting|Treffen|Gespräch)\b/u.test(s) && st.mainEvent?.date) return { date: st.mainEvent.date, how: 'anchor-main-event' };
  if ((mayMatch(T.dateAnchor, s.toLowerCase()) && T.dateAnchor.test(s)) && st.lastOccurred?.date) return { date: st.lastOccurred.date, how: 'anchor-event' };
  if (ALSO_RE.test(s) && st.speakerDates.get(speaker)) return { date: st.speakerDates.get(speaker)!, how: 'continuation' };
  if ((mayMatch(T.dateAnchor, s.toLowerCase()) && T.dateAnchor.test(s)) && last?.date) return { date: last.date, how: 'anchor-statement' };
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
