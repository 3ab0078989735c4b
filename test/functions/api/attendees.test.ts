import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createCheckInCodes } from '../../../shared/attendees/check-in-codes.js';
import { createTestContext, TEST_LINK_SECRET } from '../../support/test-context.js';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { createEvent, postCsv } from './invitations-support.js';


/** An event with invitees who accepted through their links, as people would. */
async function eventWithAttendees(names: string[], extra: { capacity?: number } = {}) {
  const ctx = await createTestContext();
  const organiser = await ctx.as('organiser');
  const eventId = await createEvent(organiser, extra);
  const csv = ['name,email,organisation,position,group', ...names.map((n, i) => `${n},p${i}@example.org,${i % 2 ? 'PACCOM' : 'Sở Ngoại vụ'},Chuyên viên,${i % 2 ? 'Khách mời' : 'Đoàn Mondulkiri'}`)].join('\n');
  await postCsv(ctx, organiser.cookie, eventId, csv);
  await organiser('POST', `/api/events/${eventId}/publish`);
  const items = (await organiser('GET', `/api/events/${eventId}/invitations?limit=1000`)).body.items as { invitationId: string; name: string }[];
  const ids = new Map<string, string>();
  for (const item of items) {
    const stored = (await ctx.deps.invitations.invitations.findById(eventId, item.invitationId))!;
    const token = ctx.deps.invitations.invitations.linkTokenOf(stored);
    const accepted = await ctx.request('POST', `/api/r/${token}/accept`, { body: {} });
    expect(accepted.status).toBe(200);
    ids.set(item.name, item.invitationId);
  }
  return { ctx, organiser, eventId, ids };
}

describe('attendee lists', () => {
  it('lists the confirmed in Vietnamese order by given name, with diacritics intact', async () => {
    const { organiser, eventId } = await eventWithAttendees(['Trần Văn Đức', 'Lê Thị Dung', 'Nguyễn Văn An', "H'Linh Niê", 'Phạm Thị Ánh']);
    const list = await organiser('GET', `/api/events/${eventId}/attendees`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: { name: string }) => a.name)).toEqual(['Nguyễn Văn An', 'Phạm Thị Ánh', 'Lê Thị Dung', 'Trần Văn Đức', "H'Linh Niê"]);
    expect(list.body.items[0]).toMatchObject({ registrationId: expect.any(String), organisation: 'Sở Ngoại vụ', position: 'Chuyên viên', response: 'confirmed' });
  });

  it('groups by organisation with a count per group', async () => {
    const { organiser, eventId } = await eventWithAttendees(['A Một', 'B Hai', 'C Ba']);
    const list = await organiser('GET', `/api/events/${eventId}/attendees?groupBy=organisation`);
    expect(list.body.groups).toEqual([
      { group: 'PACCOM', count: 1, checkedIn: 0 },
      { group: 'Sở Ngoại vụ', count: 2, checkedIn: 0 },
    ]);
  });

  it('exports CSV with a byte-order mark, every attendee, and no cell a spreadsheet would run', async () => {
    const { ctx, organiser, eventId } = await eventWithAttendees(['=HYPERLINK("http://x") Lê', 'Nguyễn Thị Ánh Tuyết', '@SUM(A1) Trần']);
    const response = await ctx.app.request(`/api/events/${eventId}/attendees?format=csv&columns=organisation,position,group`, { headers: { cookie: organiser.cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const rows = parseCsvSync(text.slice(1), { relaxColumnCount: false }) as string[][];
    expect(rows[0]).toEqual(['STT', 'Họ và tên', 'Đơn vị', 'Chức vụ', 'Nhóm']);
    expect(rows.slice(1).map((r) => r[1]).sort()).toEqual(["'=HYPERLINK(\"http://x\") Lê", "'@SUM(A1) Trần", 'Nguyễn Thị Ánh Tuyết'].sort());
    for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('exports XLSX that reads back with the same rows', async () => {
    const { ctx, organiser, eventId } = await eventWithAttendees(['Nguyễn Văn An', 'Y Khoa Niê']);
    const response = await ctx.app.request(`/api/events/${eventId}/attendees?format=xlsx&columns=organisation`, { headers: { cookie: organiser.cookie } });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const values = sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    expect(values).toEqual([
      ['STT', 'Họ và tên', 'Đơn vị'],
      [1, 'Nguyễn Văn An', 'Sở Ngoại vụ'],
      [2, 'Y Khoa Niê', 'PACCOM'],
    ]);
  });
});

describe('check-in at the door', () => {
  it('lets staff check a person in once, says when the first was, undo, and counts', async () => {
    const { ctx, eventId, ids } = await eventWithAttendees(['Nguyễn Văn An', 'Lê Thị Dung']);
    const staff = await ctx.as('staff');
    const id = ids.get('Nguyễn Văn An')!;
    const first = await staff('POST', `/api/events/${eventId}/attendees/${id}/check-in`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ name: 'Nguyễn Văn An', alreadyCheckedIn: false });
    const again = await staff('POST', `/api/events/${eventId}/attendees/${id}/check-in`);
    expect(again.body).toMatchObject({ alreadyCheckedIn: true, checkedInAt: first.body.checkedInAt });
    expect((await staff('GET', `/api/events/${eventId}/attendees/counts`)).body).toMatchObject({ confirmed: 2, checkedIn: 1 });
    expect((await staff('GET', `/api/events/${eventId}`)).body.event.counts.checkedIn).toBe(1);

    expect((await staff('DELETE', `/api/events/${eventId}/attendees/${id}/check-in`)).body).toEqual({ undone: true });
    expect((await staff('DELETE', `/api/events/${eventId}/attendees/${id}/check-in`)).body).toEqual({ undone: false });
    expect((await staff('GET', `/api/events/${eventId}/attendees/counts`)).body.checkedIn).toBe(0);
  });

  it('counts a person once when two phones tap at the same moment', async () => {
    const { ctx, eventId, ids } = await eventWithAttendees(['Nguyễn Văn An']);
    const staff = await ctx.as('staff');
    const id = ids.get('Nguyễn Văn An')!;
    const taps = await Promise.all(Array.from({ length: 5 }, () => staff('POST', `/api/events/${eventId}/attendees/${id}/check-in`)));
    expect(taps.filter((t) => t.body.alreadyCheckedIn === false)).toHaveLength(1);
    expect((await staff('GET', `/api/events/${eventId}`)).body.event.counts.checkedIn).toBe(1);
  });

  it('checks in by the code of the confirmation mail, typed loosely', async () => {
    const { ctx, eventId, ids } = await eventWithAttendees(['Lê Thị Dung']);
    const staff = await ctx.as('staff');
    const code = createCheckInCodes(TEST_LINK_SECRET).codeFor(eventId, ids.get('Lê Thị Dung')!);
    const typed = `${code.slice(0, 5).toLowerCase()}-${code.slice(5)}`;
    const response = await staff('POST', `/api/events/${eventId}/attendees/check-ins`, { body: { code: typed } });
    expect(response.status).toBe(200);
    expect(response.body.name).toBe('Lê Thị Dung');
    expect((await staff('POST', `/api/events/${eventId}/attendees/check-ins`, { body: { code: 'ZZZZZZZZZZ' } })).status).toBe(404);
  });

  it('adds a walk-in once even when the phone sends it twice, and puts them on the list', async () => {
    const { ctx, eventId } = await eventWithAttendees(['Nguyễn Văn An']);
    const staff = await ctx.as('staff');
    const walkIn = { walkInId: 'phone-1-abcdef', name: 'Đinh Thị Hoa', organisation: 'UBND xã Ea Kao', position: 'Cán bộ' };
    const first = await staff('POST', `/api/events/${eventId}/attendees/walk-ins`, { body: walkIn });
    const second = await staff('POST', `/api/events/${eventId}/attendees/walk-ins`, { body: walkIn });
    expect(first.status).toBe(201);
    expect(second.body.alreadyCheckedIn).toBe(true);
    const list = (await staff('GET', `/api/events/${eventId}/attendees`)).body.items as { name: string; checkedInAt?: string }[];
    expect(list.filter((a) => a.name === 'Đinh Thị Hoa')).toHaveLength(1);
    expect(list.find((a) => a.name === 'Đinh Thị Hoa')!.checkedInAt).toBeTruthy();
    expect((await staff('GET', `/api/events/${eventId}/attendees/counts`)).body).toMatchObject({ confirmed: 2, checkedIn: 1 });
  });

  it('lets staff do everything the door needs, and nobody without a session', async () => {
    const { ctx, eventId, ids } = await eventWithAttendees(['Nguyễn Văn An', 'Lê Thị Dung']);
    const staff = await ctx.as('staff');
    const an = ids.get('Nguyễn Văn An')!;
    const code = createCheckInCodes(TEST_LINK_SECRET).codeFor(eventId, ids.get('Lê Thị Dung')!);
    const door: [method: string, path: string, status: number, body?: object][] = [
      ['GET', '/attendees?q=nguyen', 200],
      ['GET', '/attendees/counts', 200],
      ['POST', `/attendees/${an}/check-in`, 200],
      ['DELETE', `/attendees/${an}/check-in`, 200],
      ['POST', '/attendees/check-ins', 200, { code }],
      ['POST', '/attendees/walk-ins', 201, { walkInId: 'staff-phone-0001', name: 'Y Moan Êban', organisation: 'UBND xã Ea Kao', position: 'Cán bộ' }],
      // The certificate is in the language of the person's invitation.
      ['GET', `/invitations/${an}`, 200],
    ];
    for (const [method, path, status, body] of door) {
      const answer = await staff(method, `/api/events/${eventId}${path}`, body ? { body } : {});
      expect({ method, path, status: answer.status }).toEqual({ method, path, status });
      const anonymous = await ctx.request(method, `/api/events/${eventId}${path}`, body ? { body } : {});
      expect({ method, path, status: anonymous.status }).toEqual({ method, path, status: 401 });
    }
    expect((await staff('GET', `/api/events/${eventId}/attendees/counts`)).body).toMatchObject({ confirmed: 3, checkedIn: 2 });
  });

  it('refuses to check in someone who is not confirmed', async () => {
    const ctx = await createTestContext();
    const organiser = await ctx.as('organiser');
    const eventId = await createEvent(organiser);
    await postCsv(ctx, organiser.cookie, eventId, 'name,email\nLê Văn Nam,nam@example.org\n');
    await organiser('POST', `/api/events/${eventId}/publish`);
    const [item] = (await organiser('GET', `/api/events/${eventId}/invitations`)).body.items;
    const response = await organiser('POST', `/api/events/${eventId}/attendees/${item.invitationId}/check-in`);
    expect(response.status).toBe(409);
    expect(response.body.error).toBe('not_confirmed');
    expect((await organiser('POST', `/api/events/${eventId}/attendees/nobody/check-in`)).status).toBe(404);
  });
});
