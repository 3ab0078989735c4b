import { ConflictError, NotFoundError, RuleViolationError, type LocalizedText } from '../errors.js';

/** A "not found" of the directory: one shape, its own class (so it is told apart), name and text. */
function notFound(name: string, code: string, text: LocalizedText) {
  const error = class extends NotFoundError {
    constructor() {
      super(code, text);
    }
  };
  Object.defineProperty(error, 'name', { value: name });
  return error;
}

export const OrganisationNotFoundError = notFound('OrganisationNotFoundError', 'organisation_not_found', { vi: 'Không tìm thấy cơ quan, tổ chức này.', en: 'Organisation not found.' });

export const ContactNotFoundError = notFound('ContactNotFoundError', 'contact_not_found', { vi: 'Không tìm thấy người liên hệ này.', en: 'Contact not found.' });

export const OccasionNotFoundError = notFound('OccasionNotFoundError', 'occasion_not_found', { vi: 'Không tìm thấy ngày lễ, sự kiện này.', en: 'Occasion not found.' });

export const CampaignNotFoundError = notFound('CampaignNotFoundError', 'campaign_not_found', { vi: 'Không tìm thấy đợt gửi thư chúc mừng này.', en: 'Greetings campaign not found.' });

export const RecipientNotFoundError = notFound('RecipientNotFoundError', 'recipient_not_found', { vi: 'Người này không có trong danh sách nhận thư chúc mừng.', en: 'This person is not a recipient of the campaign.' });

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
