import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/test-context.js';
import { createEvent } from './invitations-support.js';
import { pdfPages } from '../../support/pdf-text.js';

/**
 * Official papers (issue 20): giấy mời numbered from a register with no gap and no repeat, read
 * back as PDF with poppler's pdftotext; the year's report as DOCX read back with mammoth, a
 * library that did not write it, holding the same counts as the API.
 */
let ctx: TestContext;
let organiser: Awaited<ReturnType<TestContext['as']>>;
let staff: Awaited<ReturnType<TestContext['as']>>;
const workDir = mkdtempSync(join(tmpdir(), 'huu-nghi-papers-'));
// Issued on 5 January 2027 in Đắk Lắk: the date line reads "ngày 05 tháng 01 năm 2027".
const today = new Date('2027-01-05T03:00:00Z');

beforeAll(async () => {
  ctx = await createTestContext({ now: () => today });
  organiser = await ctx.as('organiser');
  staff = await ctx.as('staff');
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

async function pdfOf(path: string, cookie: string) {
  const response = await ctx.app.request(path, { headers: { cookie } });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), bytes };
}

async function eventWithInvitees(invitees: { name: string; email: string; language?: 'vi' | 'en'; position?: string; organisation?: string }[], overrides: Record<string, unknown> = {}) {
  const eventId = await createEvent(organiser, {
    title: { vi: 'Hội nghị gặp mặt các tổ chức phi chính phủ nước ngoài năm 2027', en: 'Meeting of foreign NGOs 2027' },
    venue: 'Hội trường Liên hiệp, 45 Lê Duẩn, Buôn Ma Thuột',
    startsAt: '2027-01-15T08:00:00+07:00',
    endsAt: '2027-01-15T11:30:00+07:00',
    ...overrides,
  });
  const imported = await organiser('POST', `/api/events/${eventId}/invitations`, { body: { invitees } });
  expect(imported.status, JSON.stringify(imported.body)).toBe(200);
  const list = await organiser('GET', `/api/events/${eventId}/invitations?limit=200`);
  return { eventId, invitations: list.body.items as { invitationId: string; name: string }[] };
}

describe('giấy mời', () => {
  it('prints one A4 page per invitee in the state layout: headings, number, date in words, the name with diacritics', async () => {
    const { eventId, invitations } = await eventWithInvitees([
      { name: 'Nguyễn Thị Hồng Nhung', email: 'nhung@example.org', position: 'Phó Giám đốc', organisation: 'Sở Ngoại vụ tỉnh Đắk Lắk' },
      { name: "H'Linh Niê".normalize('NFD'), email: 'hlinh@example.org', organisation: 'Trường Đại học Tây Nguyên' },
      { name: 'Søren Ålund', email: 'soren@example.org', language: 'en', position: 'Country Director', organisation: 'Plan International' },
    ]);
    const issued = await organiser('POST', `/api/events/${eventId}/letters`, { body: {} });
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    // Numbered in the invitation list's order (Vietnamese name order, as the list shows it).
    expect(issued.body.items.map((l: { invitationId: string; reference: string }) => [l.invitationId, l.reference])).toEqual(
      invitations.map((i, index) => [i.invitationId, `${index + 1}/GM-LHHN`]),
    );

    const printed = await pdfOf(`/api/events/${eventId}/letters/pdf`, staff.cookie);
    expect(printed.status).toBe(200);
    expect(printed.type).toBe('application/pdf');
    expect(printed.disposition).toBe('attachment; filename="giay-moi-hoi-nghi-gap-mat-cac-to-chuc-phi-chinh-phu-nuoc-ngoai-nam-2027-2027-01-15.pdf"');
    const pages = pdfPages(printed.bytes);
    expect(pages).toHaveLength(3);
    const pageOf = (name: string) => pages[invitations.findIndex((i) => i.name === name)]!;
    const [soren, linh, nhung] = ['Søren Ålund', "H'Linh Niê", 'Nguyễn Thị Hồng Nhung'].map(pageOf) as [string, string, string];
    const numberOf = (name: string) => invitations.findIndex((i) => i.name === name) + 1;
    for (const page of [linh, nhung]) {
      expect(page).toContain('LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ');
      expect(page).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(page).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(page).toContain('GIẤY MỜI');
      expect(page).toContain('Đắk Lắk, ngày 05 tháng 01 năm 2027');
      expect(page).toContain('08 giờ 00, thứ Sáu, ngày 15/01/2027');
      expect(page).toContain('Nơi nhận:');
    }
    expect(linh).toContain(`Số: ${numberOf("H'Linh Niê")}/GM-LHHN`);
    expect(linh).toContain("Ông/Bà H'Linh Niê");
    expect(nhung).toContain(`Số: ${numberOf('Nguyễn Thị Hồng Nhung')}/GM-LHHN`);
    expect(nhung).toContain('Nguyễn Thị Hồng Nhung');
    expect(nhung).toContain('Phó Giám đốc, Sở Ngoại vụ tỉnh Đắk Lắk');
    // The foreign partner's letter is in English, in the same layout.
    expect(soren).toContain('SOCIALIST REPUBLIC OF VIET NAM');
    expect(soren).toContain('INVITATION LETTER');
    expect(soren).toContain(`No.: ${numberOf('Søren Ålund')}/GM-LHHN`);
    expect(soren).toContain('Dak Lak, 5 January 2027');
    expect(soren).toContain('Søren Ålund');

    writeFileSync(join(workDir, 'letters.pdf'), printed.bytes);
    const info = execFileSync('/usr/bin/pdfinfo', [join(workDir, 'letters.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const fonts = execFileSync('/usr/bin/pdffonts', [join(workDir, 'letters.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/LiberationSerif/);
    expect(fonts.split('\n').filter((line) => /LiberationSerif/.test(line)).every((line) => / yes /.test(line))).toBe(true);
  });

  it('gives fifty letters issued at once fifty distinct consecutive numbers, and a re-issue keeps its number', async () => {
    const people = Array.from({ length: 50 }, (_, i) => ({ name: `Trần Văn Khách ${i + 1}`, email: `khach${i + 1}@example.org` }));
    const { eventId, invitations } = await eventWithInvitees(people);
    const before = await organiser('GET', `/api/events/${eventId}/letters`);
    expect(before.body.items).toEqual([]);

    // Ten organisers' clicks at the same moment, five invitees each, on the same year's register.
    const groups = Array.from({ length: 10 }, (_, g) => invitations.slice(g * 5, g * 5 + 5).map((i) => i.invitationId));
    const answers = await Promise.all(groups.map((invitationIds) => organiser('POST', `/api/events/${eventId}/letters`, { body: { invitationIds } })));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    const issued = answers.flatMap((a) => a.body.items as { invitationId: string; number: number; reference: string }[]);
    const numbers = issued.map((l) => l.number).sort((a, b) => a - b);
    const first = numbers[0]!;
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => first + i));

    // Issued again, one by one or all at once: the same numbers, nothing new in the register.
    const again = await organiser('POST', `/api/events/${eventId}/letters`, { body: {} });
    const byInvitee = new Map(issued.map((l) => [l.invitationId, l.reference]));
    expect(again.body.items).toHaveLength(50);
    for (const letter of again.body.items) expect(letter.reference).toBe(byInvitee.get(letter.invitationId));

    const next = await eventWithInvitees([{ name: 'Lê Văn Sau', email: 'sau@example.org' }]);
    const after = await organiser('POST', `/api/events/${next.eventId}/letters`, { body: {} });
    expect(after.body.items[0].number).toBe(first + 50);

    const one = await pdfOf(`/api/events/${eventId}/letters/${invitations[7]!.invitationId}/pdf`, organiser.cookie);
    expect(one.status).toBe(200);
    const [page] = pdfPages(one.bytes);
    expect(page).toContain(`Số: ${byInvitee.get(invitations[7]!.invitationId)}`);
    expect(page).toContain(invitations[7]!.name);
  });

  it('refuses to print a letter never issued, lets only organisers number them and only admins set the heading', async () => {
    const { eventId, invitations } = await eventWithInvitees([{ name: 'Phạm Minh Tâm', email: 'tam@example.org' }]);
    const missing = await organiser('GET', `/api/events/${eventId}/letters/${invitations[0]!.invitationId}/pdf`);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('letter_not_issued');
    expect((await staff('POST', `/api/events/${eventId}/letters`, { body: {} })).status).toBe(403);
    expect((await organiser('POST', `/api/events/${eventId}/letters`, { body: { invitationIds: ['nobody'] } })).body.error).toBe('invitation_not_found');
    expect((await organiser('POST', '/api/events/no-such-event/letters', { body: {} })).body.error).toBe('event_not_found');

    const settings = (await organiser('GET', '/api/papers/settings')).body.settings;
    expect(settings.symbol).toBe('LHHN');
    expect((await organiser('PUT', '/api/papers/settings', { body: settings })).status).toBe(403);
    const admin = await ctx.as('admin');
    const saved = await admin('PUT', '/api/papers/settings', {
      body: { ...settings, parentBody: { vi: 'Ủy ban nhân dân tỉnh Đắk Lắk', en: "Dak Lak Provincial People's Committee" }, signer: { ...settings.signer, name: 'Y Ngông Niê Kdăm' } },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await admin('PUT', '/api/papers/settings', { body: { ...settings, symbol: 'lower case' } })).status).toBe(400);

    await organiser('POST', `/api/events/${eventId}/letters`, { body: {} });
    const [page] = pdfPages((await pdfOf(`/api/events/${eventId}/letters/pdf`, organiser.cookie)).bytes);
    expect(page).toContain('ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK');
    expect(page).toContain('Y Ngông Niê Kdăm');
  });
});

describe("the year's report", () => {
  it('opens in a DOCX reader with the events table holding the same counts as the event pages', async () => {
    const reportCtx = await createTestContext({ now: () => today });
    const org = await reportCtx.as('organiser');
    const make = async (body: Record<string, unknown>, invitees: { name: string; email: string; organisation?: string }[]) => {
      const eventId = await createEvent(org, body);
      await org('POST', `/api/events/${eventId}/invitations`, { body: { invitees } });
      expect((await org('POST', `/api/events/${eventId}/publish`)).status).toBe(200);
      const items = (await org('GET', `/api/events/${eventId}/invitations?limit=200`)).body.items as { invitationId: string }[];
      return { eventId, items };
    };
    const forum = await make(
      { type: 'youth_forum', title: { vi: 'Diễn đàn thanh niên hữu nghị 2026' }, startsAt: '2026-03-26T08:00:00+07:00', endsAt: '2026-03-26T11:00:00+07:00', venue: 'Trường Đại học Tây Nguyên' },
      [
        { name: 'Nguyễn Văn An', email: 'an@example.org', organisation: 'Trường Đại học Tây Nguyên' },
        { name: 'Lê Thị Bình', email: 'binh@example.org', organisation: 'trường đại học tây nguyên' },
        { name: 'Trần Văn Cường', email: 'cuong@example.org', organisation: 'Cao đẳng Sư phạm Đắk Lắk' },
      ],
    );
    const ngo = await make(
      { type: 'ngo_conference', title: { vi: 'Hội nghị các tổ chức phi chính phủ nước ngoài 2026' }, startsAt: '2026-11-20T08:00:00+07:00', endsAt: '2026-11-20T17:00:00+07:00', venue: 'Buôn Ma Thuột' },
      [
        { name: 'Søren Ålund', email: 'soren@example.org', organisation: 'Plan International' },
        { name: 'Phạm Thị Hoa', email: 'hoa@example.org', organisation: 'PACCOM' },
      ],
    );
    // Another year, and a draft: neither is in the 2026 report.
    await make({ type: 'meeting', title: { vi: 'Họp năm 2025' }, startsAt: '2025-12-01T08:00:00+07:00', endsAt: '2025-12-01T10:00:00+07:00', venue: 'Văn phòng' }, [{ name: 'Ai Đó', email: 'aido@example.org' }]);
    await createEvent(org, { type: 'meeting', title: { vi: 'Bản nháp 2026' }, startsAt: '2026-05-01T08:00:00+07:00', endsAt: '2026-05-01T10:00:00+07:00', venue: 'Văn phòng' });

    const accept = (eventId: string, invitationId: string) => org('POST', `/api/events/${eventId}/registrations/on-behalf/${invitationId}`, { body: { action: 'accept', channel: 'phone' } });
    for (const i of forum.items.slice(0, 2)) expect((await accept(forum.eventId, i.invitationId)).status).toBe(200);
    for (const i of ngo.items) expect((await accept(ngo.eventId, i.invitationId)).status).toBe(200);
    expect((await org('POST', `/api/events/${forum.eventId}/attendees/${forum.items[0]!.invitationId}/check-in`)).status).toBe(200);

    const report = await org('GET', '/api/reports/years/2026');
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body.report.events.map((e: { title: { vi: string } }) => e.title.vi)).toEqual(['Diễn đàn thanh niên hữu nghị 2026', 'Hội nghị các tổ chức phi chính phủ nước ngoài 2026']);
    const eventPage = async (eventId: string) => (await org('GET', `/api/events/${eventId}`)).body.event.counts;
    const forumCounts = await eventPage(forum.eventId);
    const ngoCounts = await eventPage(ngo.eventId);
    expect(report.body.report.totals).toEqual({
      events: 2,
      invited: forumCounts.invited + ngoCounts.invited,
      confirmed: forumCounts.confirmed + ngoCounts.confirmed,
      present: forumCounts.checkedIn + ngoCounts.checkedIn,
      // Tây Nguyên University typed twice with other capitals, Plan International, PACCOM.
      organisations: 3,
    });

    const response = await reportCtx.app.request('/api/reports/years/2026?format=docx', { headers: { cookie: org.cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="bao-cao-doi-ngoai-nhan-dan-2026.docx"');
    const buffer = Buffer.from(await response.arrayBuffer());
    const { value: html } = await mammoth.convertToHtml({ buffer });
    expect(html).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(html).toContain('Kết quả công tác đối ngoại nhân dân năm 2026');
    // The events table: one row per event with invited, confirmed and present as the event pages say.
    const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<td>(?:<p>)?(.*?)(?:<\/p>)?<\/td>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, '')));
    const forumRow = rows.find((cells) => cells[1] === 'Diễn đàn thanh niên hữu nghị 2026');
    const ngoRow = rows.find((cells) => cells[1] === 'Hội nghị các tổ chức phi chính phủ nước ngoài 2026');
    expect(forumRow?.slice(5)).toEqual([String(forumCounts.invited), String(forumCounts.confirmed), String(forumCounts.checkedIn)]);
    expect(ngoRow?.slice(5)).toEqual([String(ngoCounts.invited), String(ngoCounts.confirmed), String(ngoCounts.checkedIn)]);
    expect(forumRow?.slice(5)).toEqual(['3', '2', '1']);
    const ngoTableRow = rows.find((cells) => cells[1] === 'Hội nghị các tổ chức phi chính phủ nước ngoài 2026' && cells.length === 5);
    expect(ngoTableRow?.[4]).toBe('PACCOM; Plan International');
    expect(html).not.toContain('Bản nháp 2026');
    expect(html).not.toContain('Họp năm 2025');

    // The same report as PDF, read back by poppler: the same row with the same counts.
    const printed = await reportCtx.app.request('/api/reports/years/2026?format=pdf', { headers: { cookie: org.cookie } });
    expect(printed.status).toBe(200);
    expect(printed.headers.get('content-type')).toBe('application/pdf');
    const text = pdfPages(new Uint8Array(await printed.arrayBuffer())).join('\n');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Kết quả công tác đối ngoại nhân dân năm 2026');
    expect(text).toContain('Đắk Lắk, ngày 05 tháng 01 năm 2027');
    const forumLine = text.split('\n').find((line) => line.includes('Diễn đàn thanh niên hữu'));
    expect(forumLine?.trim().split(/\s{2,}/).slice(-3)).toEqual(['3', '2', '1']);
  });
});
