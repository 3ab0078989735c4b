import { DomainError, NotFoundError, RuleViolationError } from '../errors.js';

export class UnitNotFoundError extends NotFoundError {
  constructor() {
    super('unit_not_found', { vi: 'Không tìm thấy đơn vị.', en: 'Unit not found.' });
  }
}

/** An event placed in (or moved to) a unit where the account is no organiser. */
export class UnitNotHeldError extends DomainError {
  readonly kind = 'forbidden' as const;
  constructor() {
    super('unit_not_held', {
      vi: 'Tài khoản của bạn không tổ chức sự kiện cho đơn vị này.',
      en: 'Your account does not organise events for this unit.',
    });
  }
}

export class UnitRetiredError extends RuleViolationError {
  constructor() {
    super('unit_retired', { vi: 'Đơn vị này đã ngừng hoạt động.', en: 'This unit has been retired.' });
  }
}

export class UnitParentInvalidError extends RuleViolationError {
  constructor() {
    super('unit_parent_invalid', {
      vi: 'Đơn vị cấp trên phải là Liên hiệp hoặc một hội thành viên đang hoạt động.',
      en: 'The parent must be the union or an active member association.',
    });
  }
}

export class RootUnitRetireError extends RuleViolationError {
  constructor() {
    super('unit_is_root', { vi: 'Không thể cho Liên hiệp ngừng hoạt động.', en: 'The union itself cannot be retired.' });
  }
}
