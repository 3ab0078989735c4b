/**
 * Builds the union's office at the size it reaches within a few years (issue 23), through the
 * real HTTP API of a running product (DynamoDB Local under `npm start`, or the test/bench
 * launcher): ten years of events, tens of thousands of invitations, and one big meeting coming up
 * with its answers and check-ins. Seeded, so the same seed builds the same office (names, titles,
 * dates relative to `now`, sizes, who answers and who is checked in).
 *
 *   As a script against a running product:
 *     OFFICE_URL=http://localhost:3000 OFFICE_EMAIL=admin@example.org OFFICE_PASSWORD=… \
 *       npx tsx bench/office/build-office.ts [--small]
 */
import { pathToFileURL } from 'node:url';
import { signInApi, type Session } from '../../test/support/seed-attendees.js';

export type OfficeSize = {
  seed: number;
  /** Events over ten years, the last `upcoming` of them still to come. */
  events: number;
  upcoming: number;
  /** Invitations over all events, the big meeting's included. */
  invitations: number;
  /** The big meeting, 17 days away. */
  bigEvent: { invitees: number; confirmed: number; declined: number; checkedIn: number };
  concurrency: number;
};

/** The size the issue measures: 150 events since 2016, ≥ 30,000 invitations, a meeting of 5,000. */
export const FULL_OFFICE: OfficeSize = {
  seed: 2016,
  events: 150,
  upcoming: 3,
  invitations: 30_600,
  bigEvent: { invitees: 5000, confirmed: 2800, declined: 400, checkedIn: 900 },
  concurrency: 6,
};

/** Small enough for a test suite, still ten years of events with a big meeting among them. */
export const SMALL_OFFICE: OfficeSize = {
  ...FULL_OFFICE,
  invitations: 900,
  bigEvent: { invitees: 240, confirmed: 150, declined: 20, checkedIn: 40 },
};

export type Office = {
  /** Every event made, in order of start. */
  events: { eventId: string; type: string; title: { vi: string; en: string }; startsAt: string; endsAt: string; status: string; invitees: number }[];
  big: { eventId: string; confirmedIds: string[]; checkedInIds: string[] };
  /** The 2019 youth forum, to be found by words and year. */
  forum2019: { eventId: string; title: { vi: string; en: string } };
  invitations: number;
  /** The people named exactly "Nguyễn Thị Hương" at the big meeting. */
  huongs: number;
};

/** mulberry32: a small, fast, seeded generator; the same seed gives the same office. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

const FAMILIES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLES = ['Văn', 'Thị', 'Hữu', 'Thị Thu', 'Đức', 'Ngọc', 'Minh', 'Thanh', 'Quốc', 'Thị Ánh', 'Công', 'Thị Hồng'];
const GIVENS = ['An', 'Ánh', 'Bình', 'Chi', 'Cường', 'Dũng', 'Duyên', 'Đạt', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh', 'Loan', 'Mai', 'Nam', 'Nga', 'Nhung', 'Oanh', 'Phúc', 'Phương', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Uyên', 'Vy', 'Yến'];
const HIGHLANDS = ["H'Linh Niê", 'Y Blốc Êban', "H'Hen Niê", 'Y Moan Êban', 'Thạch Thị Sa Rinh', 'Danh Sơn', 'Lâm Thị Sô Phi', 'Ksor Y Phơ'];
const FOREIGN = ['Søren Ålund', 'Siobhán O’Brien', 'Jürgen Weiß', 'Łucja Król', 'Sok Chanthy', 'Chea Sophal', 'Marie-Hélène Dubois'];
const ORGANISATIONS = ['Sở Ngoại vụ tỉnh Đắk Lắk', 'PACCOM', 'Trường Đại học Tây Nguyên', 'Hội hữu nghị Việt Nam – Campuchia', 'UBND huyện Buôn Đôn', 'Tỉnh đoàn Đắk Lắk', 'Hội Liên hiệp Phụ nữ tỉnh', 'Plan International', 'CARE International', 'Sở Giáo dục và Đào tạo'];
const POSITIONS = ['Chuyên viên', 'Phó Giám đốc', 'Chủ tịch', 'Cán bộ', 'Giảng viên', 'Sinh viên', 'Điều phối viên'];

/** The titles each type of event takes, in the office's two languages. */
const TITLES: { type: string; vi: string; en: string }[] = [
  { type: 'youth_forum', vi: 'Diễn đàn Thanh niên Việt Nam – Campuchia', en: 'Viet Nam – Cambodia Youth Forum' },
  { type: 'youth_forum', vi: 'Diễn đàn Thanh niên hữu nghị Tây Nguyên', en: 'Central Highlands Friendship Youth Forum' },
  { type: 'training', vi: 'Tập huấn Công tác đối ngoại nhân dân trong tình hình mới', en: "Training: people's diplomacy today" },
  { type: 'training', vi: 'Tập huấn quản lý dự án phi chính phủ nước ngoài', en: 'Training: managing foreign NGO projects' },
  { type: 'ngo_conference', vi: 'Hội nghị các tổ chức phi chính phủ nước ngoài cùng PACCOM', en: 'Conference of foreign NGOs with PACCOM' },
  { type: 'delegation', vi: 'Đoàn công tác tỉnh Mondulkiri', en: 'Delegation to Mondulkiri' },
  { type: 'delegation', vi: 'Đón đoàn hữu nghị tỉnh Ratanakiri', en: 'Friendship delegation from Ratanakiri' },
  { type: 'meeting', vi: 'Gặp mặt các hội hữu nghị', en: 'Meeting of the friendship associations' },
  { type: 'meeting', vi: 'Hội nghị tổng kết công tác đối ngoại', en: 'Annual review of foreign relations' },
  { type: 'other', vi: 'Giao lưu văn hóa cồng chiêng', en: 'Gong culture exchange' },
];
const TYPES = ['training', 'meeting', 'youth_forum', 'ngo_conference', 'delegation', 'training', 'meeting', 'other'] as const;
const DAY = 86_400_000;

async function inParallel<T>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index]!, index);
      }
    }),
  );
}

function expectStatus(answer: { status: number; body: unknown }, status: number, what: string) {
  if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
}

/** Dates in Asia/Ho_Chi_Minh, e.g. 2019-03-26T08:00:00+07:00, at a local hour. */
function localAt(day: number, hour: number): string {
  const d = new Date(day + 7 * 3600_000);
  const date = d.toISOString().slice(0, 10);
  return `${date}T${String(hour).padStart(2, '0')}:00:00+07:00`;
}

/** Builds the office through `session` (an organiser or admin). `now` fixes what is upcoming. */
export async function buildOffice(session: Session, size: OfficeSize, now = new Date(), log: (line: string) => void = () => {}): Promise<Office> {
  const rng = random(size.seed);
  const started = performance.now();
  const today = Math.floor(now.getTime() / DAY) * DAY;
  const first = Date.UTC(2016, 0, 12);
  const pastCount = size.events - size.upcoming;
  const lastPast = today - 10 * DAY;

  // Who is invited where: the big meeting takes its size, the others share the rest.
  const others = size.invitations - size.bigEvent.invitees;
  const weights = Array.from({ length: size.events - 1 }, () => 0.3 + rng.next() * 1.7);
  const total = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((w / total) * others)));
  sizes[0]! += others - sizes.reduce((a, b) => a + b, 0);

  let person = 0;
  const nameFor = (bigEvent: boolean, i: number) => {
    if (bigEvent && i < 8) return 'Nguyễn Thị Hương';
    if (bigEvent && i < 10) return 'Nguyễn Thị Thu Hương';
    if (bigEvent && i < 14) return ['Đặng Thị Hương', 'Nguyễn Thị Phương', 'Trần Thị Hương', 'Hương Thị Nguyễn'][i - 10]!;
    const roll = rng.next();
    if (roll < 0.03) return rng.pick(HIGHLANDS);
    if (roll < 0.05) return rng.pick(FOREIGN);
    return `${rng.pick(FAMILIES)} ${rng.pick(MIDDLES)} ${rng.pick(GIVENS)}`;
  };
  const inviteeFor = (big: boolean, i: number) => {
    const n = person++;
    return {
      name: nameFor(big, i),
      email: `khach${n}@example.org`,
      phone: `09${String(10_000_000 + ((n * 7919) % 90_000_000)).slice(-8)}`,
      organisation: big && i < 14 ? (i === 12 ? 'Trường Đại học Tây Nguyên' : 'Sở Ngoại vụ tỉnh Đắk Lắk') : ORGANISATIONS[n % ORGANISATIONS.length],
      position: POSITIONS[n % POSITIONS.length],
      group: n % 4 === 0 ? 'Đại biểu tỉnh' : 'Khách mời',
    };
  };

  const plans = Array.from({ length: size.events }, (_, i) => {
    const upcoming = i >= pastCount;
    const day = upcoming ? today + [5, 17, 40, 60, 90][i - pastCount]! * DAY : first + Math.round(((lastPast - first) * i) / Math.max(1, pastCount - 1));
    const big = upcoming && i === pastCount + 1;
    const type = big ? 'meeting' : TYPES[i % TYPES.length]!;
    const year = new Date(day).getUTCFullYear();
    const base = rng.pick(TITLES.filter((title) => title.type === type));
    const title = big
      ? { vi: 'Hội nghị Hữu nghị nhân dân Việt Nam – Campuchia – Lào', en: 'Viet Nam – Cambodia – Laos People’s Friendship Conference' }
      : { vi: `${base.vi} ${year}`, en: `${base.en} ${year}` };
    const days = type === 'delegation' ? rng.int(2, 5) : type === 'training' ? rng.int(1, 3) : 1;
    const invitees = big ? size.bigEvent.invitees : sizes.shift()!;
    return {
      people: Array.from({ length: invitees }, (_, k) => inviteeFor(big, k)),
      type,
      title,
      big,
      startsAt: localAt(day, 8),
      endsAt: localAt(day + (days - 1) * DAY, 17),
      invitees,
      status: upcoming ? 'published' : rng.next() < 0.06 ? 'cancelled' : rng.next() < 0.5 ? 'closed' : 'published',
    };
  });
  // The 2019 youth forum the issue looks for.
  const forumIndex = plans.findIndex((p) => p.type === 'youth_forum' && p.startsAt.startsWith('2019'));
  if (forumIndex >= 0) plans[forumIndex]!.title = { vi: 'Diễn đàn Thanh niên Việt Nam – Campuchia 2019', en: 'Viet Nam – Cambodia Youth Forum 2019' };

  const office: Office = { events: [], big: { eventId: '', confirmedIds: [], checkedInIds: [] }, forum2019: { eventId: '', title: { vi: '', en: '' } }, invitations: 0, huongs: 0 };
  await inParallel(plans, size.concurrency, async (plan, index) => {
    const created = await session.call('POST', '/api/events', {
      type: plan.type,
      title: plan.title,
      venue: 'Hội trường Liên hiệp, 45 Lê Duẩn, Buôn Ma Thuột',
      startsAt: plan.startsAt,
      endsAt: plan.endsAt,
    });
    expectStatus(created, 201, 'event');
    const eventId = created.body.event.eventId as string;
    for (let start = 0; start < plan.invitees; start += 500) {
      const count = Math.min(500, plan.invitees - start);
      const invitees = plan.people.slice(start, start + count);
      const imported = await session.call('POST', `/api/events/${eventId}/invitations`, { invitees });
      expectStatus(imported, 200, 'invitations');
      if (imported.body.created !== count) throw new Error(`invitations: ${imported.body.created} of ${count} created`);
    }
    expectStatus(await session.call('POST', `/api/events/${eventId}/publish`), 200, 'publish');
    if (plan.status === 'cancelled') expectStatus(await session.call('POST', `/api/events/${eventId}/cancel`), 200, 'cancel');
    if (plan.status === 'closed') expectStatus(await session.call('POST', `/api/events/${eventId}/close`), 200, 'close');
    office.events[index] = { eventId, type: plan.type, title: plan.title, startsAt: plan.startsAt, endsAt: plan.endsAt, status: plan.status, invitees: plan.invitees };
    if (plan.big) office.big.eventId = eventId;
    if (index === forumIndex) office.forum2019 = { eventId, title: plan.title };
    office.invitations += plan.invitees;
  });
  log(`${size.events} events, ${office.invitations} invitations in ${((performance.now() - started) / 1000).toFixed(0)} s`);

  // The big meeting: answers recorded on behalf (by phone), then people checked in at the door.
  const bigId = office.big.eventId;
  const ids: { invitationId: string; name: string; email: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await session.call('GET', `/api/events/${bigId}/invitations?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expectStatus(page, 200, 'invitation list');
    ids.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  // In the order they were generated (by address), so the seed decides who answers.
  const generated = (email: string) => Number(/\d+/.exec(email)?.[0]);
  ids.sort((a, b) => generated(a.email) - generated(b.email));
  // The named people always come; the rest by the seed.
  const order = ids.map((item) => ({ item, key: /Hương|Phương/.test(item.name) ? -1 : rng.next() })).sort((a, b) => a.key - b.key).map((x) => x.item);
  const accepting = order.slice(0, size.bigEvent.confirmed);
  const declining = order.slice(size.bigEvent.confirmed, size.bigEvent.confirmed + size.bigEvent.declined);
  office.huongs = ids.filter((i) => i.name === 'Nguyễn Thị Hương').length;
  await inParallel([...accepting.map((i) => ['accept', i] as const), ...declining.map((i) => ['decline', i] as const)], size.concurrency, async ([action, item]) => {
    const answered = await session.call('POST', `/api/events/${bigId}/registrations/on-behalf/${item.invitationId}`, { action, channel: 'phone' });
    expectStatus(answered, 200, `answer ${action}`);
  });
  office.big.confirmedIds = accepting.map((i) => i.invitationId);
  // Check-ins among the confirmed, but never the named people: the door test taps them itself.
  const arriving = accepting.filter((i) => !/Hương|Phương/.test(i.name)).slice(0, size.bigEvent.checkedIn);
  await inParallel(arriving, size.concurrency, async (item) => {
    expectStatus(await session.call('POST', `/api/events/${bigId}/attendees/${item.invitationId}/check-in`), 200, 'check-in');
  });
  office.big.checkedInIds = arriving.map((i) => i.invitationId);
  office.events.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  log(`big meeting: ${accepting.length} confirmed, ${declining.length} declined, ${arriving.length} checked in; ${((performance.now() - started) / 1000).toFixed(0)} s in all`);
  return office;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const url = process.env.OFFICE_URL ?? 'http://localhost:3000';
  const session = await signInApi(url, process.env.OFFICE_EMAIL ?? 'admin@example.org', process.env.OFFICE_PASSWORD ?? '');
  const office = await buildOffice(session, process.argv.includes('--small') ? SMALL_OFFICE : FULL_OFFICE, new Date(), console.log);
  console.log(`big meeting: ${url}/console/events/${office.big.eventId}/check-in`);
}
