import type { CreateEventInput } from '../events/event-schema.js';

/**
 * The union's 2015 programme, as example data for a first look (`npm run demo`). Times are local
 * (Asia/Ho_Chi_Minh); ids are fixed so that loading twice adds nothing.
 */
export const programme2015: (CreateEventInput & { eventId: string; publish: boolean })[] = [
  {
    eventId: 'demo-2015-youth-forum',
    publish: true,
    type: 'youth_forum',
    title: {
      vi: 'Diễn đàn Thanh niên hữu nghị Việt Nam – ASEAN tại Trường Đại học Tây Nguyên',
      en: 'Vietnam–ASEAN Youth Friendship Forum at Tây Nguyên University',
    },
    description: {
      vi: 'Sinh viên Trường Đại học Tây Nguyên và các trường cao đẳng trên địa bàn giao lưu với sinh viên quốc tế về vai trò của thanh niên trong công tác đối ngoại nhân dân.',
      en: 'Students of Tây Nguyên University and the province’s colleges meet international students on the part young people play in people-to-people diplomacy.',
    },
    venue: 'Hội trường A, Trường Đại học Tây Nguyên, 567 Lê Duẩn, TP. Buôn Ma Thuột',
    startsAt: '2015-03-26T08:00:00+07:00',
    endsAt: '2015-03-26T11:30:00+07:00',
    capacity: 300,
    registrationClosesAt: '2015-03-24T17:00:00+07:00',
    requiresApproval: false,
    contact: { name: 'Đoàn Thị Hồng Nhung', email: 'nhung.dth@example.org', phone: '0262 3852 123' },
  },
  {
    eventId: 'demo-2015-training',
    publish: true,
    type: 'training',
    title: {
      vi: 'Tập huấn “Công tác đối ngoại nhân dân trong tình hình mới”',
      en: 'Training: “People-to-people diplomacy in the new situation”',
    },
    description: {
      vi: 'Lớp tập huấn cho cán bộ làm công tác đối ngoại của các xã, phường, thị trấn và các hội hữu nghị.',
      en: 'A training course for the officials in charge of external relations in communes and wards, and for the friendship associations.',
    },
    venue: 'Hội trường Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk, 15 Lê Thánh Tông, TP. Buôn Ma Thuột',
    startsAt: '2015-06-16T07:30:00+07:00',
    endsAt: '2015-06-17T16:30:00+07:00',
    capacity: 120,
    requiresApproval: false,
    contact: { name: 'Nguyễn Văn Hùng', email: 'hung.nv@example.org' },
  },
  {
    eventId: 'demo-2015-ngo-conference',
    publish: true,
    type: 'ngo_conference',
    title: {
      vi: 'Hội nghị các tổ chức phi chính phủ nước ngoài năm 2015 với sự tham dự của PACCOM',
      en: '2015 Conference of Foreign Non-Governmental Organisations, with PACCOM',
    },
    description: {
      vi: 'Tổng kết công tác vận động viện trợ phi chính phủ nước ngoài năm 2015 và định hướng hợp tác năm 2016.',
      en: 'A review of foreign NGO aid in 2015 and the direction of cooperation for 2016.',
    },
    venue: 'Khách sạn Sài Gòn – Ban Mê, 1-3 Phan Chu Trinh, TP. Buôn Ma Thuột',
    startsAt: '2015-12-10T08:00:00+07:00',
    endsAt: '2015-12-10T17:00:00+07:00',
    capacity: 150,
    registrationClosesAt: '2015-12-05T17:00:00+07:00',
    requiresApproval: true,
    contact: { name: 'Lê Thị Thu Hà', email: 'ha.ltt@example.org', phone: '0905 123 456' },
  },
  {
    eventId: 'demo-2015-mondulkiri',
    publish: false,
    type: 'delegation',
    title: {
      vi: 'Đoàn công tác của Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk thăm tỉnh Mondulkiri (Vương quốc Campuchia)',
      en: 'Official delegation of the Đắk Lắk Union of Friendship Organisations to Mondulkiri province, Cambodia',
    },
    description: {
      vi: 'Thăm và làm việc với Ủy ban tỉnh Mondulkiri, trao quà cho học sinh nghèo và thăm hỏi bà con Việt kiều.',
      en: 'Visits and talks with the Mondulkiri provincial authorities, gifts for poor pupils, and a visit to the Vietnamese community.',
    },
    venue: 'Sen Monorom, tỉnh Mondulkiri, Vương quốc Campuchia',
    startsAt: '2015-09-21T06:00:00+07:00',
    endsAt: '2015-09-24T18:00:00+07:00',
    capacity: 12,
    registrationClosesAt: '2015-08-31T17:00:00+07:00',
    requiresApproval: true,
    contact: { name: 'Trần Quốc Bảo', email: 'bao.tq@example.org', phone: '0914 222 333' },
  },
];
