import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganiserContext, type Caller, type TestContext } from '../../support/test-context.js';
import { createEvent, postCsv } from './invitations-support.js';

/**
 * The door's counts per group (group, else organisation): kept on the door tally, moved by the
 * answers, check-ins, walk-ins, removals and changes of group, and always equal to counting the list.
 */
let ctx: TestContext;
let organiser: Caller;

beforeAll(async () => ({ ctx, organiser } = await createOrganiserContext()));

const list = [
  'Họ và tên;Email;Đơn vị;Nhóm',
  'Nguyễn Văn An;an.nv@example.org;Tỉnh đoàn Đắk Lắk;Đại biểu tỉnh',
  'Nguyễn Thị Bình;binh.nt@example.org;Sở Ngoại vụ;',
  'Trần Văn Cường;cuong.tv@example.org;Hội hữu nghị;Đại biểu tỉnh',
  "H'Linh Niê;linh@example.org;;",
  'Lê Thị Dung;dung.lt@example.org;Trường Đại học Tây Nguyên;Sinh viên',
].join('\n');

/** A door count: how many are confirmed, and how many of them checked in. */
const tally = (confirmed: number, checkedIn: number) => ({ confirmed, checkedIn });

/** The door's counts as the list says, counted by hand (group, else organisation, else ""). */
async function countedFromList(eventId: string) {
  const records = (await ctx.deps.attendees.attendees.listForDoor(eventId)).filter((r) => r.response === 'confirmed' || r.walkIn);
  const groups: Record<string, { confirmed: number; checkedIn: number }> = {};
  for (const r of records) {
    const g = (groups[r.group ?? r.organisation ?? ''] ??= { confirmed: 0, checkedIn: 0 });
    g.confirmed += 1;
    if (r.checkedInAt) g.checkedIn += 1;
  }
  return { confirmed: records.length, checkedIn: records.filter((r) => r.checkedInAt).length, groups };
}

async function doorCounts(eventId: string) {
  const answer = await organiser('GET', `/api/events/${eventId}/attendees/counts`);
  expect(answer.status).toBe(200);
  const groups: Record<string, { confirmed: number; checkedIn: number }> = {};
  for (const g of answer.body.groups as { group: string; confirmed: number; checkedIn: number }[]) groups[g.group] = { confirmed: g.confirmed, checkedIn: g.checkedIn };
  return { confirmed: answer.body.confirmed as number, checkedIn: answer.body.checkedIn as number, groups };
}

async function invitedAndAnswered() {
  const eventId = await createEvent(organiser);
  await postCsv(ctx, organiser.cookie, eventId, list);
  await organiser('POST', `/api/events/${eventId}/publish`);
  const items = (await organiser('GET', `/api/events/${eventId}/invitations?limit=100`)).body.items as { invitationId: string; name: string }[];
  const id = (name: string) => items.find((i) => i.name.startsWith(name))!.invitationId;
  for (const name of ['Nguyễn Văn An', 'Nguyễn Thị Bình', 'Trần Văn Cường', "H'Linh", 'Lê Thị Dung']) {
    const token = await ctx.deps.invitations.invitations.rotateToken(eventId, id(name));
    expect((await ctx.request('POST', `/api/r/${token}/accept`, { body: {} })).body.response).toBe('confirmed');
  }
  return { eventId, id };
}

describe('door counts per group', () => {
  it('follow answers, check-ins, undo, walk-ins, changes of group and removals', async () => {
    const { eventId, id } = await invitedAndAnswered();
    const attendees = `/api/events/${eventId}/attendees`;
    expect(await doorCounts(eventId)).toEqual({
      ...tally(5, 0),
      groups: { 'Đại biểu tỉnh': tally(2, 0), 'Sở Ngoại vụ': tally(1, 0), '': tally(1, 0), 'Sinh viên': tally(1, 0) },
    });
    expect((await organiser('POST', `${attendees}/${id('Nguyễn Văn An')}/check-in`)).status).toBe(200);
    expect((await organiser('POST', `${attendees}/${id('Nguyễn Văn An')}/check-in`)).body.alreadyCheckedIn).toBe(true);
    expect((await organiser('POST', `${attendees}/${id('Lê Thị Dung')}/check-in`)).status).toBe(200);
    expect((await organiser('POST', `${attendees}/${id('Nguyễn Thị Bình')}/check-in`)).status).toBe(200);
    expect((await organiser('DELETE', `${attendees}/${id('Nguyễn Thị Bình')}/check-in`)).body.undone).toBe(true);
    expect((await organiser('POST', `${attendees}/walk-ins`, { body: { walkInId: 'walkin-door-1', name: 'Y Moan Êban', group: 'Sinh viên' } })).status).toBe(201);
    // Dung moves group, checked in; Cường withdraws; An is removed while checked in.
    expect((await organiser('PATCH', `/api/events/${eventId}/invitations/${id('Lê Thị Dung')}`, { body: { group: 'Khách mời' } })).status).toBe(200);
    const token = await ctx.deps.invitations.invitations.rotateToken(eventId, id('Trần Văn Cường'));
    expect((await ctx.request('POST', `/api/r/${token}/withdraw`, { body: {} })).status).toBe(200);
    expect((await organiser('DELETE', `/api/events/${eventId}/invitations/${id('Nguyễn Văn An')}`)).status).toBe(204);

    const counts = await doorCounts(eventId);
    expect(counts).toEqual({
      ...tally(4, 2),
      groups: { 'Sở Ngoại vụ': tally(1, 0), '': tally(1, 0), 'Sinh viên': tally(1, 1), 'Khách mời': tally(1, 1) },
    });
    expect(counts).toEqual(await countedFromList(eventId));
  });

  it('counts an event from before the per-group counters once, then keeps them', async () => {
    const { eventId, id } = await invitedAndAnswered();
    await organiser('POST', `/api/events/${eventId}/attendees/${id('Lê Thị Dung')}/check-in`);
    const key = { pk: `EVENT#${eventId}`, sk: 'EVENT#DOOR' };
    const door = (await ctx.db.send(new GetCommand({ TableName: ctx.tableName, Key: key, ConsistentRead: true }))).Item!;
    const stale = Object.keys(door).filter((k) => k.startsWith('c:') || k.startsWith('p:') || k === 'groupsCounted' || k === 'v');
    await ctx.db.send(
      new UpdateCommand({ TableName: ctx.tableName, Key: key, UpdateExpression: `REMOVE ${stale.map((_, i) => `#k${i}`).join(', ')}`, ExpressionAttributeNames: Object.fromEntries(stale.map((k, i) => [`#k${i}`, k])) }),
    );
    expect(await doorCounts(eventId)).toEqual(await countedFromList(eventId));
    expect((await ctx.db.send(new GetCommand({ TableName: ctx.tableName, Key: key, ConsistentRead: true }))).Item).toMatchObject({ groupsCounted: true, 'c:Sinh viên': 1, 'p:Sinh viên': 1 });
    await organiser('POST', `/api/events/${eventId}/attendees/${id('Nguyễn Văn An')}/check-in`);
    expect(await doorCounts(eventId)).toEqual(await countedFromList(eventId));
  });
});
