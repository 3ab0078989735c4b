import { describe, expect, it } from 'vitest';
import { toLocalIso, toUtcIso } from '../../../shared/time/ho-chi-minh.js';

describe('Asia/Ho_Chi_Minh time', () => {
  // The second crosses midnight, and the year.
  it.each([
    ['2015-11-20T01:00:00.000Z', '2015-11-20T08:00:00+07:00'],
    ['2015-12-31T18:30:00Z', '2016-01-01T01:30:00+07:00'],
  ])('shows the stored UTC instant %s in local time with its offset, %s', (utc, local) => {
    expect(toLocalIso(utc)).toBe(local);
  });

  it.each(['2015-11-20T08:00:00+07:00', '2015-11-20T02:00:00+01:00'])('stores %s, whatever its offset, as the same instant in UTC', (local) => {
    expect(toUtcIso(local)).toBe('2015-11-20T01:00:00.000Z');
  });
});
