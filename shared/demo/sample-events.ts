import type { EventType } from '../events/event-schema.js';
import { TIME_ZONE } from '../time/ho-chi-minh.js';

/**
 * Upcoming sample events for a first look (`npm run demo`): one of each type, dated from today so
 * they stay upcoming, with invitees at every stage. Every title starts with "[Mẫu]" / "[Sample]"
 * and every address is @example.org, so nobody takes them for the union's real programme.
 */
export const SAMPLE_MARK = { vi: '[Mẫu]', en: '[Sample]' } as const;
export const SAMPLE_NOTE = {
  vi: 'Dữ liệu mẫu do lệnh npm run demo tạo để xem thử; có thể hủy sự kiện này bất cứ lúc nào.',
  en: 'Sample data made by npm run demo to try the product; cancel this event at any time.',
};

/** What happens to an invitee after the invitations are sent. */
export type SampleStage = 'not_answered' | 'confirmed' | 'checked_in' | 'waitlisted' | 'pending' | 'declined';

export type SampleInvitee = {
  name: string;
  email: string;
  organisation?: string;
  position?: string;
  language?: 'vi' | 'en';
  group?: string;
  stage: SampleStage;
  details?: Record<string, string>;
};

export type SampleEvent = {
  type: EventType;
  /** Days from today (Asia/Ho_Chi_Minh) to the first day. */
  inDays: number;
  days?: number;
  startTime: string;
  endTime: string;
  title: { vi: string; en: string };
  venue: string;
  capacity?: number;
  requiresApproval?: boolean;
  openRegistration?: boolean;
  contact: { name: string; email?: string; phone?: string };
  invitees: SampleInvitee[];
};

const mail = (local: string) => `${local}@example.org`;

export const sampleEvents: SampleEvent[] = [
  {
    type: 'youth_forum', inDays: 10, startTime: '08:00', endTime: '11:30', capacity: 4, openRegistration: true,
    title: { vi: 'Diễn đàn Thanh niên hữu nghị Việt Nam – Lào – Campuchia', en: 'Vietnam–Laos–Cambodia Youth Friendship Forum' },
    venue: 'Hội trường A, Trường Đại học Tây Nguyên, 567 Lê Duẩn, TP. Buôn Ma Thuột',
    contact: { name: 'Đoàn Thị Hồng Nhung', email: mail('nhung.dth'), phone: '0262 3852 123' },
    invitees: [
      { name: 'Nguyễn Thị Mai Anh', email: mail('mai.anh.sv'), organisation: 'Trường Đại học Tây Nguyên', group: 'Sinh viên', stage: 'checked_in' },
      { name: "H'Linh Niê", email: mail('hlinh.nie'), organisation: 'Trường Đại học Tây Nguyên', group: 'Sinh viên', stage: 'confirmed' },
      { name: 'Y Blốc Êban', email: mail('ybloc.eban'), organisation: 'Trường Cao đẳng Đắk Lắk', group: 'Sinh viên', stage: 'confirmed' },
      { name: 'Souphanh Vongsa', email: mail('souphanh.v'), organisation: 'Lao students in Đắk Lắk', language: 'en', group: 'Sinh viên quốc tế', stage: 'confirmed' },
      { name: 'Sok Dara', email: mail('sok.dara'), organisation: 'Mondulkiri students', language: 'en', group: 'Sinh viên quốc tế', stage: 'waitlisted' },
      { name: 'Trần Minh Quân', email: mail('quan.tm'), organisation: 'Trường Đại học Tây Nguyên', group: 'Sinh viên', stage: 'declined' },
      { name: 'Lê Hoàng Yến', email: mail('yen.lh'), organisation: 'Trường Cao đẳng Đắk Lắk', group: 'Sinh viên', stage: 'not_answered' },
      { name: 'Phạm Gia Bảo', email: mail('bao.pg'), organisation: 'Đoàn Thanh niên tỉnh', group: 'Khách mời', stage: 'not_answered' },
    ],
  },
  {
    type: 'training', inDays: 20, days: 2, startTime: '07:30', endTime: '16:30', capacity: 40, requiresApproval: true,
    title: { vi: 'Tập huấn “Công tác đối ngoại nhân dân trong tình hình mới”', en: 'Training: “People-to-people diplomacy in the new situation”' },
    venue: 'Hội trường Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk, 15 Lê Thánh Tông, TP. Buôn Ma Thuột',
    contact: { name: 'Nguyễn Văn Hùng', email: mail('hung.nv') },
    invitees: [
      { name: 'Hoàng Văn Thái', email: mail('thai.hv'), organisation: 'UBND xã Ea Tu', position: 'Phó Chủ tịch', group: 'Cán bộ xã', stage: 'pending' },
      { name: 'Bùi Thị Thu', email: mail('thu.bt'), organisation: 'UBND phường Tân Lợi', position: 'Công chức văn hóa', group: 'Cán bộ xã', stage: 'pending' },
      { name: 'Võ Đức Trí', email: mail('tri.vd'), organisation: 'Hội Hữu nghị Việt – Lào', position: 'Phó Chủ tịch', group: 'Hội hữu nghị', stage: 'confirmed' },
      { name: 'Đặng Thị Hạnh', email: mail('hanh.dt'), organisation: 'Hội Hữu nghị Việt – Campuchia', group: 'Hội hữu nghị', stage: 'declined' },
      { name: 'Ksor Y Phi', email: mail('ksor.yphi'), organisation: 'UBND xã Ea Kao', group: 'Cán bộ xã', stage: 'not_answered' },
    ],
  },
  {
    type: 'ngo_conference', inDays: 35, startTime: '08:00', endTime: '17:00', capacity: 80,
    title: { vi: 'Hội nghị các tổ chức phi chính phủ nước ngoài, có PACCOM tham dự', en: 'Conference of foreign non-governmental organisations, with PACCOM' },
    venue: 'Khách sạn Sài Gòn – Ban Mê, 1-3 Phan Chu Trinh, TP. Buôn Ma Thuột',
    contact: { name: 'Lê Thị Thu Hà', email: mail('ha.ltt'), phone: '0905 123 456' },
    invitees: [
      { name: 'Søren Ålund', email: mail('soren.alund'), organisation: 'Danish Red Cross', position: 'Country Director', language: 'en', group: 'INGO', stage: 'confirmed' },
      { name: 'Maria Schneider', email: mail('m.schneider'), organisation: 'GIZ', position: 'Programme Officer', language: 'en', group: 'INGO', stage: 'confirmed' },
      { name: 'Nguyễn Quốc Việt', email: mail('viet.nq'), organisation: 'PACCOM', position: 'Chuyên viên', group: 'Cơ quan trung ương', stage: 'checked_in' },
      { name: 'John Carter', email: mail('j.carter'), organisation: 'World Vision', language: 'en', group: 'INGO', stage: 'declined' },
      { name: 'Akiko Tanaka', email: mail('a.tanaka'), organisation: 'JICA', language: 'en', group: 'INGO', stage: 'not_answered' },
    ],
  },
  {
    type: 'delegation', inDays: 50, days: 4, startTime: '06:00', endTime: '18:00', capacity: 12,
    title: { vi: 'Đoàn công tác thăm tỉnh Mondulkiri (Vương quốc Campuchia)', en: 'Official delegation to Mondulkiri province, Cambodia' },
    venue: 'Sen Monorom, tỉnh Mondulkiri, Vương quốc Campuchia',
    contact: { name: 'Trần Quốc Bảo', email: mail('bao.tq'), phone: '0914 222 333' },
    invitees: [
      { name: 'Trần Quốc Bảo', email: mail('bao.tq.doan'), organisation: 'Liên hiệp các tổ chức hữu nghị tỉnh', position: 'Phó Chủ tịch', group: 'Đoàn', stage: 'confirmed', details: { delegationRole: 'Trưởng đoàn' } },
      { name: 'Nguyễn Thị Lan', email: mail('lan.nt'), organisation: 'Liên hiệp các tổ chức hữu nghị tỉnh', group: 'Đoàn', stage: 'confirmed', details: { delegationRole: 'Thành viên' } },
      { name: 'Y Moan Niê', email: mail('ymoan.nie'), organisation: 'Sở Ngoại vụ', group: 'Đoàn', stage: 'confirmed', details: { delegationRole: 'Phiên dịch' } },
      { name: 'Lê Văn Nam', email: mail('nam.lv'), organisation: 'Sở Ngoại vụ', group: 'Đoàn', stage: 'not_answered' },
    ],
  },
  {
    type: 'meeting', inDays: 5, startTime: '14:00', endTime: '16:30',
    title: { vi: 'Họp Ban Chấp hành Hội Hữu nghị Việt Nam – Lào tỉnh', en: 'Board meeting of the provincial Vietnam–Laos Friendship Association' },
    venue: 'Phòng họp tầng 2, 15 Lê Thánh Tông, TP. Buôn Ma Thuột',
    contact: { name: 'Võ Đức Trí', email: mail('tri.vd') },
    invitees: [
      { name: 'Phan Văn Đức', email: mail('duc.pv'), organisation: 'Hội Hữu nghị Việt – Lào', position: 'Chủ tịch', stage: 'confirmed' },
      { name: 'Hồ Thị Kim', email: mail('kim.ht'), organisation: 'Hội Hữu nghị Việt – Lào', position: 'Ủy viên', stage: 'declined' },
      { name: 'Mai Xuân Lộc', email: mail('loc.mx'), organisation: 'Hội Hữu nghị Việt – Lào', position: 'Ủy viên', stage: 'not_answered' },
    ],
  },
  {
    type: 'other', inDays: 25, startTime: '18:30', endTime: '21:00', capacity: 200, openRegistration: true,
    title: { vi: 'Đêm giao lưu văn hóa Tết cổ truyền Lào – Campuchia', en: 'Lao and Cambodian New Year cultural evening' },
    venue: 'Nhà văn hóa Thanh niên tỉnh, 02 Phan Bội Châu, TP. Buôn Ma Thuột',
    contact: { name: 'Đoàn Thị Hồng Nhung', email: mail('nhung.dth') },
    invitees: [
      { name: 'Chanthavong Keo', email: mail('c.keo'), language: 'en', organisation: 'Lao students in Đắk Lắk', stage: 'confirmed' },
      { name: 'Nguyễn Hữu Tâm', email: mail('tam.nh'), organisation: 'Trường Đại học Tây Nguyên', stage: 'not_answered' },
    ],
  },
];

/** "YYYY-MM-DD" of today plus `days`, in Asia/Ho_Chi_Minh. */
export function localDayFromToday(days: number, now: Date): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
