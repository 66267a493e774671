import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('a country inside a compound is not an actor of the clause', () => {
  it('"stellte sich Trump im Ukraine-Krieg auf die Seite Putins" is sided with by Trump', () => {
    const { rels } = run('Im Januar 2025 stellte sich Donald Trump im Ukraine-Krieg auf die Seite Putins.', 'de', '2025-03-01');
    const s = rels.find((r) => r.type === 'SIDED_WITH');
    expect(s?.source).toBe('Donald Trump');
    expect(s?.target).toBe('Wladimir Putin');
  });
});
