/**
 * The texts the participant page (answer-messages.ts) and the open registration page
 * (../register/register-messages.ts) share, Vietnamese and English: spread into both.
 */
export const pageMessages = {
  vi: {
    org: 'Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk',
    switchTo: 'English',
    retry: 'Thử lại',
    when: 'Thời gian',
    where: 'Địa điểm',
    map: 'Xem bản đồ',
    newTab: '(mở trong thẻ mới)',
    about: 'Giới thiệu',
    agenda: 'Chương trình',
    contact: 'Người liên hệ',
    host: 'Đơn vị tổ chức: {host}',
    sending: 'Đang gửi…',
    checkFields: 'Xin kiểm tra lại các mục được đánh dấu.',
    network: 'Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.',
    unexpected: 'Đã có lỗi (mã {status}). Vui lòng thử lại.',
  },
  en: {
    org: 'Đắk Lắk Union of Friendship Organisations',
    switchTo: 'Tiếng Việt',
    retry: 'Try again',
    when: 'When',
    where: 'Where',
    map: 'View map',
    newTab: '(opens in a new tab)',
    about: 'About',
    agenda: 'Programme',
    contact: 'Contact person',
    host: 'Hosted by {host}',
    sending: 'Sending…',
    checkFields: 'Please check the marked fields.',
    network: 'Could not reach the server. Please check your connection and try again.',
    unexpected: 'Something went wrong (status {status}). Please try again.',
  },
};
