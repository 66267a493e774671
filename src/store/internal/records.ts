// Small helpers both stores use to shape what they return, so their answers are identical.
import type { Page } from '../graph-store.js';

export function buildPage<T>(items: T[], totalCount: number, offset: number): Page<T> {
  return { items, totalCount, offset, hasNextPage: offset + items.length < totalCount };
}

/** Aliases in one canonical order, without duplicates. */
export function sortedAliases(aliases: Iterable<string>): string[] {
  return [...new Set(aliases)].sort();
}
