// Looking an actor up the way analysts write names: any stored name or alias first, then a person's surname
// ("Leavitt" for Katherine Leavitt) even when the articles never used it alone.
import { normalizeName } from '../domain/ids.js';
import type { EntityRecord } from '../domain/model.js';
import type { GraphStore } from '../store/graph-store.js';

/** Candidates examined for a surname match; surnames are specific enough that few contain the search. */
const SURNAME_CANDIDATES = 50;

export async function lookupEntity(store: GraphStore, name: string): Promise<EntityRecord | null> {
  const found = await store.findEntity(name);
  if (found) return found;
  const norm = normalizeName(name);
  if (!norm || norm.includes(' ')) return null;
  const page = await store.searchEntities({ search: norm, type: 'PERSON', first: SURNAME_CANDIDATES, offset: 0 });
  const surname = (n: string) => normalizeName(n).split(' ').at(-1) === norm;
  return page.items.find((e) => surname(e.name) || e.aliases.some(surname)) ?? null;
}
