import { describe, expect, it } from 'vitest';
import { toLocalIso } from '../../../shared/time/ho-chi-minh.js';
import { readXlsxWithOpenpyxl } from '../../support/read-xlsx.js';
import { createTestContext } from '../../support/test-context.js';
import { createEvent, postCsv } from './invitations-support.js';

/** Invitees who accepted through their links; phones and organisations as offices type them. */
async function eventWithAttendees() {
  const ctx = await createTestContext();
  const organiser = await ctx.as('organiser');
  const eventId = await createEvent(organiser);
  const csv = [
    'name,email,phone,organisation,position',
    'Nguyễn Văn An,an@example.org,+84905123456,-Hội Hữu nghị Việt – Lào,=Chủ tịch',
    "H'Linh Niê,linh@example.org,0905 111 222,@PACCOM,",
  ].join('\n');
  expect((await postCsv(ctx, organiser.cookie, eventId, csv)).status).toBe(200);
  await organiser('POST', `/api/events/${eventId}/publish`);
  const items = (await organiser('GET', `/api/events/${eventId}/invitations?limit=1000`)).body.items as { invitationId: string; name: string }[];
  for (const item of items) {
    const stored = (await ctx.deps.invitations.invitations.findById(eventId, item.invitationId))!;
    const accepted = await ctx.request('POST', `/api/r/${ctx.deps.invitations.invitations.linkTokenOf(stored)}/accept`, { body: {} });
    expect(accepted.status).toBe(200);
  }
  const an = items.find((i) => i.name === 'Nguyễn Văn An')!;
  const checkedIn = await organiser('POST', `/api/events/${eventId}/attendees/${an.invitationId}/check-in`);
  expect(checkedIn.status).toBe(200);
  return { ctx, organiser, eventId, checkedInAt: checkedIn.body.checkedInAt as string };
}

describe('the XLSX export, read by openpyxl as Excel users would open it', () => {
  it('keeps text as typed, numbers as numbers, times as local dates and empty cells empty', async () => {
    const { ctx, organiser, eventId, checkedInAt } = await eventWithAttendees();
    const response = await ctx.app.request(`/api/events/${eventId}/attendees?format=xlsx&columns=phone,organisation,position,checkedInAt`, {
      headers: { cookie: organiser.cookie },
    });
    expect(response.status).toBe(200);
    const [sheet, ...others] = readXlsxWithOpenpyxl(new Uint8Array(await response.arrayBuffer()));
    expect(others).toEqual([]);
    const values = sheet!.rows.map((row) => row.map((c) => c.value));
    expect(values).toEqual([
      ['STT', 'Họ và tên', 'Số điện thoại', 'Đơn vị', 'Chức vụ', 'Giờ đến'],
      [1, 'Nguyễn Văn An', '+84905123456', '-Hội Hữu nghị Việt – Lào', '=Chủ tịch', toLocalIso(checkedInAt).slice(0, 19)],
      [2, "H'Linh Niê", '+84905111222', '@PACCOM', null, null],
    ]);
    const first = sheet!.rows[1]!;
    // n: number, s: text (never f, a formula), d: a date; openpyxl types a number in a date format as a date.
    expect(first.map((c) => c.type)).toEqual(['n', 's', 's', 's', 's', 'd']);
    expect(first[5]!.format).toBe('dd/mm/yyyy hh:mm');
  });

  it('sets each sheet for A4 with the header row frozen, filtered and printed on every page', async () => {
    const { ctx, organiser, eventId } = await eventWithAttendees();
    const response = await ctx.app.request(`/api/events/${eventId}/attendees?format=xlsx&columns=organisation`, { headers: { cookie: organiser.cookie } });
    const [sheet] = readXlsxWithOpenpyxl(new Uint8Array(await response.arrayBuffer()));
    expect(sheet).toMatchObject({
      freezePanes: 'A2',
      autoFilter: 'A1:C3',
      printTitleRows: '$1:$1',
      paperSize: 9, // A4 in SpreadsheetML
      fitToWidth: 1,
    });
  });
});
