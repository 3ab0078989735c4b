import { describe, expect, it } from 'vitest';
import { AttendeeNotFoundError } from '../../shared/attendees/attendee-errors.js';
import { NotFoundError } from '../../shared/errors.js';
import { ContactNotFoundError } from '../../shared/partners/partners-errors.js';
import { NotConfirmedError, NotPendingError, NotRegisteredError, WrongResponseError } from '../../shared/registrations/registration-errors.js';

/**
 * Errors declared in one line (notFoundError) or over one base (WrongResponseError) are still what
 * functions/api/errors.ts maps and clients read: their own class and name, code, kind and details.
 */
describe('domain errors written once', () => {
  it('keeps each one-line "not found" its own class, with its name, code and kind', () => {
    const error = new AttendeeNotFoundError();
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).not.toBeInstanceOf(ContactNotFoundError);
    expect([error.name, error.code, error.kind, error.text.vi]).toEqual(['AttendeeNotFoundError', 'attendee_not_found', 'not_found', 'Không tìm thấy người này trong danh sách.']);
  });

  it('names the answer an invitation holds when the action needs another one', () => {
    const refusals = [new NotConfirmedError('waitlisted'), new NotRegisteredError('declined'), new NotPendingError('confirmed')];
    expect(refusals.every((error) => error instanceof WrongResponseError && error.kind === 'conflict')).toBe(true);
    expect(refusals.map((error) => [error.name, error.code, error.details])).toEqual([
      ['NotConfirmedError', 'not_confirmed', { response: 'waitlisted' }],
      ['NotRegisteredError', 'not_registered', { response: 'declined' }],
      ['NotPendingError', 'not_pending', { response: 'confirmed' }],
    ]);
  });
});
