import { describe, expect, it } from 'vitest';
import { withRequiredFields, defaultFieldsFor } from '../../../shared/events/default-fields.js';
import { createEventSchema, eventTypes } from '../../../shared/events/event-schema.js';

const valid = {
  type: 'training',
  title: { vi: 'Tập huấn' },
  venue: 'Hội trường',
  startsAt: '2015-06-16T07:30:00+07:00',
  endsAt: '2015-06-16T16:30:00+07:00',
};

describe('event rules', () => {
  it('accepts a minimal event and normalises its text to NFC', () => {
    const parsed = createEventSchema.parse({ ...valid, title: { vi: '  Tập huấn '.normalize('NFD') } });
    expect(parsed.title.vi).toBe('Tập huấn');
  });

  it.each([
    ['an end before the start', { endsAt: '2015-06-16T07:00:00+07:00' }, 'endsAt'],
    ['an end equal to the start', { endsAt: valid.startsAt }, 'endsAt'],
    ['a deadline after the end', { registrationClosesAt: '2015-06-17T00:00:00+07:00' }, 'registrationClosesAt'],
    ['capacity 0', { capacity: 0 }, 'capacity'],
    ['capacity -1', { capacity: -1 }, 'capacity'],
    ['a fractional capacity', { capacity: 2.5 }, 'capacity'],
    ['an unknown type', { type: 'party' }, 'type'],
    ['a time without offset', { startsAt: '2015-06-16T07:30:00' }, 'startsAt'],
    ['an unknown field', { colour: 'red' }, ''],
    ['a choice field without choices', { fields: [{ key: 'size', label: { vi: 'Cỡ áo' }, type: 'choice' }] }, 'fields.0.choices'],
    [
      'two fields with one key',
      { fields: [{ key: 'a', label: { vi: 'A' }, type: 'text' }, { key: 'a', label: { vi: 'B' }, type: 'text' }] },
      'fields.1.key',
    ],
  ])('refuses %s', (_name, change, path) => {
    const result = createEventSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('gives every type its own sensible fields, none required except the passport', () => {
    for (const type of eventTypes) {
      const fields = defaultFieldsFor(type);
      expect(fields.length).toBeGreaterThan(0);
      const required = fields.filter((f) => f.required).map((f) => f.key);
      expect(required).toEqual(type === 'delegation' ? ['passportNumber', 'passportExpiry'] : []);
    }
  });

  it('keeps a delegation’s passport fields required even when the organiser drops them', () => {
    const fields = withRequiredFields('delegation', [{ key: 'phone', label: { vi: 'Điện thoại' }, type: 'phone' }]);
    expect(fields.filter((f) => f.required).map((f) => f.key)).toEqual(['passportNumber', 'passportExpiry']);
  });
});
