import { ConflictError, ForbiddenError } from '../errors.js';

/** What a change of a delegation may be refused with (mapped in functions/api/errors.ts). */
export class NotADelegationError extends ConflictError {
  constructor() {
    super('not_a_delegation', {
      vi: 'Sự kiện này không phải là một đoàn; không có thành viên đoàn.',
      en: 'This event is not a delegation; it has no delegation members.',
    });
  }
}

export class NotDelegationHeadError extends ForbiddenError {
  constructor() {
    super({
      vi: 'Chỉ trưởng đoàn mới quản lý được danh sách đoàn.',
      en: 'Only the head of the delegation manages its members.',
    });
  }
}

export class DelegationHasMembersError extends ConflictError {
  constructor(count: number) {
    super(
      'delegation_has_members',
      {
        vi: 'Trưởng đoàn này còn thành viên trong đoàn. Hãy chuyển hoặc xóa các thành viên trước.',
        en: 'This head of delegation still has members. Move or remove them first.',
      },
      { members: count },
    );
  }
}

export class HeadNotFoundError extends ConflictError {
  constructor() {
    super('head_not_found', {
      vi: 'Không tìm thấy trưởng đoàn này trong sự kiện.',
      en: 'This head of delegation is not in the event.',
    });
  }
}

export class DelegationChangedError extends ConflictError {
  constructor(version: number) {
    super(
      'delegation_changed',
      {
        vi: 'Người khác vừa thay đổi danh sách đoàn trước bạn. Danh sách mới nhất đã được tải lại; hãy xem lại rồi lưu lần nữa.',
        en: 'Someone else changed the delegation first. The current list has been loaded; check it and save again.',
      },
      { version },
    );
  }
}
