import { describe, expect, it } from 'vitest';
import { rowFromField } from '../../../web/console/components/fields-editor.js';
import { bodyFromValues, emptyValues, type Values } from '../../../web/console/event-form-values.js';

/** The key itself, so a test reads which message the form would show. */
const t = ((key: string) => key) as Parameters<typeof bodyFromValues>[1];

const filled = (changes: Partial<Values>): Values => ({
  ...emptyValues(),
  type: 'meeting',
  titleVi: 'Họp mặt hữu nghị',
  venue: 'Hội trường tỉnh',
  startsAt: { date: '15/3/2031', time: '8:00' },
  endsAt: { date: '15/03/2031', time: '11:30' },
  ...changes,
});

describe('the event form as an API body', () => {
  it('turns Asia/Ho_Chi_Minh dates and times into instants and leaves empty optional parts out', () => {
    const { body, errors } = bodyFromValues(filled({}), t);
    expect(errors).toEqual({});
    expect(body).toMatchObject({ type: 'meeting', title: { vi: 'Họp mặt hữu nghị' }, startsAt: '2031-03-15T08:00:00+07:00', endsAt: '2031-03-15T11:30:00+07:00' });
    expect(body.description).toBeUndefined();
    expect(body.capacity).toBeUndefined();
    expect(body.contact).toBeUndefined();
    expect(body.title).not.toHaveProperty('en');
  });

  it('names each problem the schema cannot see by the path the API uses', () => {
    const { errors } = bodyFromValues(
      filled({ capacity: '12.5', endsAt: { date: '15/03/2031', time: '' }, registrationClosesAt: { date: '31/02/2031', time: '17:00' } }),
      t,
    );
    expect(errors).toEqual({ capacity: 'capacityInvalid', endsAt: 'form.needDateAndTime', registrationClosesAt: 'form.invalidDate' });
  });

  it('keeps a contact with only a name, and an English text only when one is typed', () => {
    const { body } = bodyFromValues(filled({ contactName: 'Chị Nhung', descriptionEn: 'A friendly meeting' }), t);
    expect(body.contact).toEqual({ name: 'Chị Nhung' });
    expect(body.description).toEqual({ en: 'A friendly meeting' });
  });

  it("leaves a new event's untouched fields to the server, which gives its type's usual ones; edited fields or an edit send them", () => {
    const field = rowFromField({ key: 'phone', label: { vi: 'Số điện thoại', en: 'Phone' }, type: 'phone' });
    expect(bodyFromValues(filled({}), t, { creating: true }).body.fields).toBeUndefined();
    expect(bodyFromValues(filled({ fields: [field], fieldsEdited: true }), t, { creating: true }).body.fields).toHaveLength(1);
    expect(bodyFromValues(filled({ fields: [] }), t).body.fields).toEqual([]);
  });
});
