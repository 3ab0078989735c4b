import { ConflictError, NotFoundError } from '../errors.js';

export class LetterNotIssuedError extends NotFoundError {
  constructor() {
    super('letter_not_issued', {
      vi: 'Giấy mời này chưa được cấp số. Hãy cấp số giấy mời trước khi in.',
      en: 'This invitation letter has no number yet. Issue the letters before printing.',
    });
  }
}

/** Many letters were numbered at the same moment and this request kept losing the race. */
export class LetterRegisterBusyError extends ConflictError {
  constructor() {
    super('letter_register_busy', {
      vi: 'Sổ đăng ký giấy mời đang bận. Vui lòng thử lại sau giây lát.',
      en: 'The letter register is busy. Please try again in a moment.',
    });
  }
}
