// Role resolution by date: "US-Präsident" in 2018 is Donald Trump, in 2022 Joe Biden; "der Kremlchef" is
// Putin. Offices come from the actor lexicon with start and end dates; the event date is used, else the
// article date. A role with no country never resolves through the lexicon (too ambiguous).
import { entitiesByKey, type LexEntity, roleFits } from '../lexicon/lexicon.js';

const actors: LexEntity[] = [...entitiesByKey.values()].filter((e) => e.type === 'PERSON');

function within(date: string, start: string, end: string | null): boolean {
  // compare at the precision of the date given (2018 → whole year overlaps)
  const d0 = date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
  const d1 = date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date;
  return d1 >= start && (end === null || d0 < end);
}

/** Does a lexicon actor hold an office fitting `role` (and `country`) at `date` (any time when date is null)? */
export function holdsOffice(e: LexEntity, role: string, country: string | null, date: string | null): boolean {
  return e.offices.some((o) => roleFits(role, o.role) && (!country || o.country === country) && (!date || within(date, o.start, o.end)));
}

/** The office holder for a role and country at a date, from the lexicon; null when unknown or ambiguous. */
export function officeHolder(role: string, country: string | null, date: string | null): LexEntity | null {
  if (!country || !date) return null;
  const found = actors.filter((a) => a.offices.some((o) => roleFits(role, o.role) && o.country === country && within(date, o.start, o.end) && (role !== 'minister' || o.role !== 'head_of_government')));
  if (found.length === 1) return found[0];
  // prefer the most specific office match (president over head_of_state class)
  const exact = found.filter((a) => a.offices.some((o) => o.role === role && o.country === country && within(date, o.start, o.end)));
  return exact.length === 1 ? exact[0] : null;
}

/** Country an actor represents at a date (first matching office), for "own country" checks. */
export function actorCountry(e: LexEntity, date: string | null): string | null {
  const o = e.offices.find((x) => !date || within(date, x.start, x.end)) ?? e.offices[0];
  return o?.country ?? null;
}
