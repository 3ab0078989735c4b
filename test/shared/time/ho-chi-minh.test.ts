import { describe, expect, it } from 'vitest';
import { toLocalIso, toUtcIso } from '../../../shared/time/ho-chi-minh.js';

describe('Asia/Ho_Chi_Minh time', () => {
  it('shows a stored UTC instant in local time with its offset', () => {
    expect(toLocalIso('2015-11-20T01:00:00.000Z')).toBe('2015-11-20T08:00:00+07:00');
  });

  it('crosses midnight correctly', () => {
    expect(toLocalIso('2015-12-31T18:30:00Z')).toBe('2016-01-01T01:30:00+07:00');
  });

  it('stores any offset as the same instant in UTC', () => {
    expect(toUtcIso('2015-11-20T08:00:00+07:00')).toBe('2015-11-20T01:00:00.000Z');
    expect(toUtcIso('2015-11-20T02:00:00+01:00')).toBe('2015-11-20T01:00:00.000Z');
  });
});
