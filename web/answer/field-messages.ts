import { defineMessages } from '../lib/i18n.js';

/**
 * The texts of the event's fields (details-form.ts): the participant page has them among its own
 * (answer-messages.ts); the open registration page takes only these.
 */
export const fieldMessages = defineMessages({
  vi: {
    choose: '— Chọn —',
    p_required: 'Xin điền mục này.',
    p_invalid_email: 'Email chưa đúng (ví dụ: ten@example.org).',
    p_invalid_phone: 'Số điện thoại chưa đúng (ví dụ: 0912 345 678).',
    p_invalid_date: 'Ngày chưa đúng; xin viết theo dạng ngày/tháng/năm, ví dụ 20/11/1990.',
    datePlaceholder: 'dd/mm/yyyy',
    p_invalid_choice: 'Xin chọn một trong các lựa chọn.',
    p_invalid_text: 'Nội dung quá dài (tối đa 500 ký tự).',
    p_unknown_field: 'Biểu mẫu đã thay đổi. Vui lòng tải lại trang.',
  },
  en: {
    choose: '— Choose —',
    p_required: 'Please fill this in.',
    p_invalid_email: 'This email address is not valid (for example: name@example.org).',
    p_invalid_phone: 'This phone number is not valid (for example: +84 912 345 678).',
    p_invalid_date: 'This date is not valid; please write it day/month/year, e.g. 20/11/1990.',
    datePlaceholder: 'dd/mm/yyyy',
    p_invalid_choice: 'Please choose one of the options.',
    p_invalid_text: 'This is too long (500 characters at most).',
    p_unknown_field: 'The form has changed. Please reload the page.',
  },
});

export type FieldMessageKey = keyof (typeof fieldMessages)['vi'];
