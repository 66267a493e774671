import { describe, expect, it } from 'vitest';
import { findDates, resolveDate } from '../../ingest/extract/dates.js';

const one = (lang: 'de' | 'en', s: string) => findDates(lang, s, 0)[0];

describe('parts of the day and month-day dates', () => {
  it('"am Abend" is the day itself, "last night" the day before', () => {
    expect(resolveDate(one('de', 'Am Abend trifft er den Bürgermeister'), '2025-10-16', true)).toBe('2025-10-16');
    expect(resolveDate(one('en', 'He spoke with him last night'), '2025-12-04', false)).toBe('2025-12-03');
  });
  it('"October 21" and "Oct. 2" without a year are found', () => {
    expect(resolveDate(one('en', 'On October 21, they met.'), '2025-10-21', false)).toBe('2025-10-21');
    expect(one('en', 'DUBAI, Oct. 2 (Reuters)')?.text).toBe('Oct. 2');
  });
});
