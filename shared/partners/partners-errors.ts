import { ConflictError, notFoundError, RuleViolationError } from '../errors.js';

/** The directory's "not found" errors: one shape, each its own class (shared/errors.ts, notFoundError). */
export const OrganisationNotFoundError = notFoundError('OrganisationNotFoundError', 'organisation_not_found', { vi: 'Không tìm thấy cơ quan, tổ chức này.', en: 'Organisation not found.' });

export const ContactNotFoundError = notFoundError('ContactNotFoundError', 'contact_not_found', { vi: 'Không tìm thấy người liên hệ này.', en: 'Contact not found.' });

export const OccasionNotFoundError = notFoundError('OccasionNotFoundError', 'occasion_not_found', { vi: 'Không tìm thấy ngày lễ, sự kiện này.', en: 'Occasion not found.' });

export const CampaignNotFoundError = notFoundError('CampaignNotFoundError', 'campaign_not_found', { vi: 'Không tìm thấy đợt gửi thư chúc mừng này.', en: 'Greetings campaign not found.' });

export const RecipientNotFoundError = notFoundError('RecipientNotFoundError', 'recipient_not_found', { vi: 'Người này không có trong danh sách nhận thư chúc mừng.', en: 'This person is not a recipient of the campaign.' });

/** Someone saved the same record first; the console reloads it. */
export class PartnerChangedError extends ConflictError {
  constructor() {
    super('partner_changed', { vi: 'Người khác vừa sửa thông tin này. Hãy tải lại trang.', en: 'Someone else changed this first. Reload the page.' });
  }
}

export class MergeSameContactError extends RuleViolationError {
  constructor() {
    super('merge_same_contact', { vi: 'Không thể gộp một người liên hệ với chính họ.', en: 'A contact cannot be merged with itself.' });
  }
}

export class InvitationAlreadyLinkedError extends ConflictError {
  constructor(details: { eventId: string; invitationId: string; contactId: string }[]) {
    super('invitation_already_linked', { vi: 'Lời mời này đã gắn với một người liên hệ khác.', en: 'This invitation already belongs to another contact.' }, { invitations: details });
  }
}
