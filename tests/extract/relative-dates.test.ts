import { describe, expect, it } from 'vitest';
import { findDates, resolveDate } from '../../ingest/extract/dates.js';

const one = (lang: 'de' | 'en', s: string) => findDates(lang, s, 0)[0];

describe('dates', () => {
  it('keeps the precision of absolute dates', () => {
    expect(one('de', 'am 28. Januar 2017')?.absolute).toBe('2017-01-28');
    expect(one('de', 'im Juli 2018')?.absolute).toBe('2018-07');
    expect(one('en', 'on 18 March 2025')?.absolute).toBe('2025-03-18');
    expect(one('en', 'March 18, 2025')?.absolute).toBe('2025-03-18');
    expect(one('de', 'Stand: 13.02.2025')?.absolute).toBe('2025-02-13');
  });
  it('resolves weekdays against the publication date, backwards for past and forwards for planned events', () => {
    const pub = '2025-04-08'; // a Tuesday
    expect(resolveDate(one('de', 'am Montag'), pub, false)).toBe('2025-04-07');
    expect(resolveDate(one('de', 'am Dienstag'), pub, false)).toBe('2025-04-08');
    expect(resolveDate(one('de', 'am Samstag'), pub, true)).toBe('2025-04-12');
    expect(resolveDate(one('en', 'next Friday'), '2023-03-03', true)).toBe('2023-03-10');
  });
  it('resolves month and week expressions', () => {
    expect(resolveDate(one('en', 'last March'), '2022-08-19', false)).toBe('2022-03');
    expect(resolveDate(one('en', 'Earlier this month'), '2022-08-19', false)).toBe('2022-08');
    expect(resolveDate(one('de', 'Anfang Dezember'), '2022-11-04', true)).toBe('2022-12');
    expect(resolveDate(one('de', 'noch in diesem Jahr'), '2024-02-12', true)).toBe('2024');
    expect(resolveDate(one('de', 'heute'), '2023-08-24', false)).toBe('2023-08-24');
    expect(resolveDate(one('en', 'yesterday'), '2023-08-24', false)).toBe('2023-08-23');
  });
  it('leaves relative dates null without a publication date', () => {
    expect(resolveDate(one('en', 'on Saturday'), null, false)).toBeNull();
    expect(resolveDate(one('de', 'Ende der Woche'), null, true)).toBeNull();
  });
  it('does not read clock times or "since 2018" as event dates', () => {
    expect(findDates('de', 'um 18:40 Uhr', 0)).toEqual([]);
    expect(findDates('en', 'held in Russia since 2018', 0)).toEqual([]);
  });
});
