import { ConflictError, NotFoundError, RuleViolationError } from '../errors.js';

export class UserNotFoundError extends NotFoundError {
  constructor() {
    super('user_not_found', { vi: 'Không tìm thấy người dùng.', en: 'User not found.' });
  }
}

export class EmailTakenError extends ConflictError {
  constructor(email: string) {
    super(
      'email_taken',
      { vi: `Địa chỉ ${email} đã có tài khoản.`, en: `${email} already has an account.` },
      { email },
    );
  }
}

export class WrongCurrentPasswordError extends RuleViolationError {
  constructor() {
    super('wrong_current_password', {
      vi: 'Mật khẩu hiện tại không đúng.',
      en: 'The current password is wrong.',
    });
  }
}

export class InvalidSetPasswordLinkError extends RuleViolationError {
  constructor() {
    super('invalid_link', {
      vi: 'Đường dẫn đặt mật khẩu không hợp lệ hoặc đã hết hạn. Hãy nhờ quản trị viên gửi lại.',
      en: 'This set-password link is not valid or has expired. Ask an administrator for a new one.',
    });
  }
}

export class CannotChangeOwnAccountError extends RuleViolationError {
  constructor() {
    super('cannot_change_own_account', {
      vi: 'Bạn không thể tự khóa tài khoản hoặc tự bỏ quyền quản trị của mình.',
      en: 'You cannot disable your own account or remove your own admin role.',
    });
  }
}
