import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganiserContext, type Caller, type TestContext } from '../../support/test-context.js';
import { createEvent, postCsv } from './invitations-support.js';

/**
 * The invitation counts (issue 21/23): kept in small items moved with every change, so that
 * `GET …/counts` reads them instead of the invitations, and always equal to counting the list.
 */
let ctx: TestContext;
let organiser: Caller;

beforeAll(async () => ({ ctx, organiser } = await createOrganiserContext()));

const base = (eventId: string) => `/api/events/${eventId}/invitations`;

const list = [
  'Họ và tên;Email;Số điện thoại;Đơn vị;Nhóm',
  'Nguyễn Văn An;an.nv@example.org;;Tỉnh đoàn Đắk Lắk;Đại biểu tỉnh',
  'Nguyễn Thị Bình;binh.nt@example.org;;Sở Ngoại vụ;Khách mời',
  'Trần Văn Cường;cuong.tv@example.org;;Hội hữu nghị;Đại biểu tỉnh',
  "H'Linh Niê;;0912 345 678;Buôn Ako Dhông;Khách mời",
  'Siobhán O\'Brien;siobhan@example.org;;CARE International;',
  'Lê Thị Dung;dung.lt@example.org;;Trường Đại học Tây Nguyên;Sinh viên',
].join('\n');

/** The counts as the invitations say (walk-ins too), counted by hand. */
async function countedFromList(eventId: string) {
  const items = await ctx.deps.invitations.invitations.listAllByEvent(eventId);
  const tally = (values: (string | undefined)[]) => {
    const counts: Record<string, number> = {};
    for (const value of values) if (value) counts[value] = (counts[value] ?? 0) + 1;
    return counts;
  };
  const by = (key: 'emailStatus' | 'response') => tally(items.map((i) => i[key]));
  const groups = tally(items.map((i) => i.group));
  return { total: items.length, emailStatus: by('emailStatus'), response: by('response'), groups };
}

async function countsOf(eventId: string) {
  const answer = await organiser('GET', `${base(eventId)}/counts`);
  expect(answer.status).toBe(200);
  const counts = answer.body.counts;
  const nonZero = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).filter(([, n]) => n > 0));
  return {
    total: counts.total as number,
    emailStatus: nonZero(counts.emailStatus),
    response: nonZero(counts.response),
    groups: Object.fromEntries((counts.groups as { group: string; count: number }[]).map((g) => [g.group, g.count])),
  };
}

describe('invitation counts kept as count items', () => {
  it('follow imports, sends, SES reports, answers, group changes, walk-ins and removals, and equal counting the list', async () => {
    const eventId = await createEvent(organiser);
    expect(await countsOf(eventId)).toEqual({ total: 0, emailStatus: {}, response: {}, groups: {} });
    expect((await postCsv(ctx, organiser.cookie, eventId, list)).body.created).toBe(6);
    expect(await countsOf(eventId)).toEqual({
      total: 6,
      emailStatus: { not_sent: 6 },
      response: { none: 6 },
      groups: { 'Đại biểu tỉnh': 2, 'Khách mời': 2, 'Sinh viên': 1 },
    });

    await organiser('POST', `/api/events/${eventId}/publish`);
    expect((await organiser('POST', `${base(eventId)}/send`, { body: {} })).body.job.queued).toBe(5);
    expect((await countsOf(eventId)).emailStatus).toEqual({ not_sent: 1, queued: 5 });

    // The sender: one sent, one failed; SES reports a delivery and a bounce.
    const items = (await organiser('GET', `${base(eventId)}?limit=100`)).body.items as { invitationId: string; name: string }[];
    const id = (name: string) => items.find((i) => i.name.startsWith(name))!.invitationId;
    const outbox = ctx.deps.mail.outbox;
    const at = new Date().toISOString();
    const due = (await outbox.listDue(new Date(Date.now() + 60_000).toISOString(), 100)).filter((m) => m.eventId === eventId);
    const messageOf = (invitationId: string) => due.find((m) => m.invitationId === invitationId)!;
    await outbox.completeSent(messageOf(id('Nguyễn Văn An')), 'ses-1', at);
    await outbox.completeSent(messageOf(id('Nguyễn Thị Bình')), 'ses-2', at);
    await outbox.completeSent(messageOf(id('Trần Văn Cường')), 'ses-3', at);
    await outbox.completeUnsent(messageOf(id('Lê Thị Dung')), 'failed', 'test', at);
    expect(await outbox.recordDeliveryStatus(eventId, id('Nguyễn Văn An'), 'delivered', at)).toBe(true);
    expect(await outbox.recordDeliveryStatus(eventId, id('Nguyễn Thị Bình'), 'bounced', at)).toBe(true);
    // A late delivery after the bounce changes nothing, and counts nothing.
    expect(await outbox.recordDeliveryStatus(eventId, id('Nguyễn Thị Bình'), 'delivered', at)).toBe(false);
    expect((await countsOf(eventId)).emailStatus).toEqual({ not_sent: 1, queued: 1, sent: 1, delivered: 1, bounced: 1, failed: 1 });

    // A reminder goes to the mailed who have not answered: from sent and from delivered.
    expect((await organiser('POST', `${base(eventId)}/remind`)).body.job.queued).toBe(2);
    expect((await countsOf(eventId)).emailStatus).toEqual({ not_sent: 1, queued: 3, bounced: 1, failed: 1 });

    // Answers: one accepts, one declines (the tally moves every response).
    const tokenOf = (invitationId: string) => ctx.deps.invitations.invitations.rotateToken(eventId, invitationId);
    expect((await ctx.request('POST', `/api/r/${await tokenOf(id('Nguyễn Văn An'))}/accept`, { body: {} })).body.response).toBe('confirmed');
    expect((await ctx.request('POST', `/api/r/${await tokenOf(id('Trần Văn Cường'))}/decline`, { body: {} })).body.response).toBe('declined');
    const withdrawn = await tokenOf(id('Nguyễn Thị Bình'));
    await ctx.request('POST', `/api/r/${withdrawn}/accept`, { body: {} });
    await ctx.request('POST', `/api/r/${withdrawn}/withdraw`, { body: {} });

    // A change of group, a removal, a walk-in.
    expect((await organiser('PATCH', `${base(eventId)}/${id('Lê Thị Dung')}`, { body: { group: 'Khách mời' } })).status).toBe(200);
    expect((await organiser('DELETE', `${base(eventId)}/${id("H'Linh")}`)).status).toBe(204);
    expect((await organiser('POST', `/api/events/${eventId}/attendees/walk-ins`, { body: { walkInId: 'walkin-0001', name: 'Y Moan Êban', group: 'Sinh viên' } })).status).toBe(201);

    const counts = await countsOf(eventId);
    expect(counts).toEqual({
      total: 6,
      // H'Linh (not sent) removed; the walk-in, never mailed, came in confirmed.
      emailStatus: { not_sent: 1, queued: 3, bounced: 1, failed: 1 },
      response: { none: 2, confirmed: 2, declined: 1, withdrawn: 1 },
      groups: { 'Đại biểu tỉnh': 2, 'Khách mời': 2, 'Sinh viên': 1 },
    });
    expect(counts).toEqual(await countedFromList(eventId));
  });

  it('counts an event from before the count items once, then reads the items', async () => {
    const eventId = await createEvent(organiser);
    await postCsv(ctx, organiser.cookie, eventId, list);
    // As an event stored before: no counts item, a tally without every response.
    const table = ctx.tableName;
    await ctx.db.send(new DeleteCommand({ TableName: table, Key: { pk: `EVENT#${eventId}`, sk: 'EVENT#COUNTS' } }));
    await ctx.db.send(
      new UpdateCommand({ TableName: table, Key: { pk: `EVENT#${eventId}`, sk: 'EVENT#TALLY' }, UpdateExpression: 'REMOVE responsesCounted, #none, withdrawn, rejected', ExpressionAttributeNames: { '#none': 'none' } }),
    );
    // A write before the first read adds to a partial item: the count once puts it right.
    const [first] = (await organiser('GET', `${base(eventId)}?limit=1`)).body.items;
    expect((await organiser('PATCH', `${base(eventId)}/${first.invitationId}`, { body: { group: 'Ban tổ chức' } })).status).toBe(200);

    const expected = await countedFromList(eventId);
    expect(await countsOf(eventId)).toEqual(expected);
    const tally = await ctx.db.send(new (await import('@aws-sdk/lib-dynamodb')).GetCommand({ TableName: table, Key: { pk: `EVENT#${eventId}`, sk: 'EVENT#TALLY' } }));
    expect(tally.Item).toMatchObject({ responsesCounted: true, none: 6, withdrawn: 0, rejected: 0 });
    // From now on the items are moved and read.
    expect((await organiser('DELETE', `${base(eventId)}/${first.invitationId}`)).status).toBe(204);
    expect(await countsOf(eventId)).toEqual(await countedFromList(eventId));
    expect((await countsOf(eventId)).total).toBe(5);
  });

  it('answers 404 for an unknown event', async () => {
    expect((await organiser('GET', `${base('no-such-event')}/counts`)).status).toBe(404);
  });
});
