import { ConflictError, NotFoundError, RuleViolationError } from '../errors.js';

export class InvitationNotFoundError extends NotFoundError {
  constructor() {
    super('invitation_not_found', { vi: 'Không tìm thấy lời mời.', en: 'Invitation not found.' });
  }
}

/**
 * The answer to an unknown, malformed or revoked link: always the same, so that nobody learns
 * whether a token ever existed.
 */
export class InvitationLinkNotFoundError extends NotFoundError {
  constructor() {
    super('invitation_not_found', {
      vi: 'Không tìm thấy lời mời này. Đường dẫn có thể đã hết hiệu lực; hãy dùng đường dẫn trong thư mời mới nhất.',
      en: 'This invitation was not found. The link may no longer be valid; use the link in your latest invitation email.',
    });
  }
}

export class InviteeAddressTakenError extends ConflictError {
  constructor(address: { email?: string; phone?: string }) {
    const shown = address.email ?? address.phone ?? '';
    super(
      'invitee_duplicate',
      {
        vi: `Đã có lời mời khác cho ${shown} trong sự kiện này.`,
        en: `Another invitation of this event already has ${shown}.`,
      },
      address,
    );
  }
}

export class InvitationChangedError extends ConflictError {
  constructor() {
    super('invitation_changed', {
      vi: 'Lời mời vừa được người khác thay đổi. Hãy tải lại và thử lại.',
      en: 'Someone else changed the invitation just now. Reload and try again.',
    });
  }
}

export class InviteeContactMissingError extends RuleViolationError {
  constructor() {
    super('contact_missing', {
      vi: 'Khách mời cần có email hoặc số điện thoại.',
      en: 'An invitee needs an email address or a phone number.',
    });
  }
}

const SAVE_AS_UTF8 = {
  vi: 'Tệp không phải là UTF-8 (có thể do Excel cũ lưu theo bảng mã Windows-1258). Trong Excel, chọn Tệp → Lưu thành → "CSV UTF-8 (phân cách bằng dấu phẩy)" rồi tải lên lại. Chưa có dòng nào được lưu.',
  en: 'The file is not UTF-8 (an older Excel may have saved it as Windows-1258). In Excel choose File → Save As → "CSV UTF-8 (Comma delimited)" and upload it again. Nothing was saved.',
};

/** A file whose text cannot be read without guessing: refused whole, never stored garbled. */
export class CsvEncodingError extends RuleViolationError {
  constructor() {
    super('csv_not_utf8', SAVE_AS_UTF8);
  }
}

export class CsvUnreadableError extends RuleViolationError {
  constructor(code: 'csv_empty' | 'csv_unclosed_quote' | 'csv_no_name_column' | 'csv_no_contact_column' | 'csv_too_many_rows', details?: unknown) {
    const texts = {
      csv_empty: { vi: 'Tệp không có dòng tiêu đề hoặc không có khách mời nào.', en: 'The file has no header row or no invitees.' },
      csv_unclosed_quote: {
        vi: `Một ô có dấu ngoặc kép mở ở dòng ${(details as { row?: number })?.row} nhưng không đóng. Chưa có dòng nào được lưu.`,
        en: `A quoted cell opened on row ${(details as { row?: number })?.row} is never closed. Nothing was saved.`,
      },
      csv_no_name_column: {
        vi: 'Không tìm thấy cột họ tên. Dòng đầu tiên cần có tiêu đề như "Họ và tên" (hoặc "Name"), "Email", "Số điện thoại", "Đơn vị", "Chức vụ", "Ngôn ngữ", "Nhóm".',
        en: 'No name column found. The first row needs headers such as "Name" (or "Họ và tên"), "Email", "Phone", "Organisation", "Position", "Language", "Group".',
      },
      csv_no_contact_column: {
        vi: 'Không tìm thấy cột "Email" hay "Số điện thoại": mỗi khách mời cần một trong hai.',
        en: 'No "Email" or "Phone" column found: each invitee needs one of the two.',
      },
      csv_too_many_rows: {
        vi: `Tệp có quá nhiều dòng (tối đa ${(details as { limit?: number })?.limit}). Hãy chia thành nhiều tệp.`,
        en: `The file has too many rows (at most ${(details as { limit?: number })?.limit}). Split it into several files.`,
      },
    };
    super(code, texts[code], details);
  }
}
