import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { PASSPORT_CONSENT_VERSION } from '../../../shared/delegations/passport-data.js';
import { mondulkiriTrip, passport, passportConsent } from './delegation-support.js';
import { createTestContext } from '../../support/test-context.js';
import { testClock } from './answering-support.js';
import { createEvent, postCsv } from './invitations-support.js';

/**
 * One delegation, one list (docs/design.md): every invitee of a delegation event is a member, whichever
 * way they came, with the role they answered or `member`; data stored before the rule reads the
 * same; two organisers saving from the same list: the second is told and shown the current one.
 */
const trip = mondulkiriTrip;
const consent = passportConsent;
type Member = { invitationId: string; name: string; role: string; response: string; missing: string[]; protocolRank?: number };

async function publishedTrip() {
  const ctx = await createTestContext({ now: testClock() });
  const organiser = await ctx.as('organiser');
  const eventId = await createEvent(organiser, trip);
  expect((await organiser('POST', `/api/events/${eventId}/publish`)).status).toBe(200);
  return { ctx, organiser, eventId, base: `/api/events/${eventId}/delegation` };
}

describe('one delegation, one list', () => {
  it('lists invitees imported through the invitation list as members, with the role they answered, as the attendee list does', async () => {
    const { ctx, organiser, eventId, base } = await publishedTrip();
    const imported = await postCsv(
      ctx,
      organiser.cookie,
      eventId,
      'Họ và tên,Email,Đơn vị\nH\'Linh Niê,hlinh@example.org,Hội hữu nghị Việt Nam – Campuchia\nLê Văn Ánh,anh@example.org,Sở Ngoại vụ\n',
    );
    expect(imported.status).toBe(200);
    const all = await ctx.deps.invitations.invitations.listAllByEvent(eventId);
    const hlinh = all.find((i) => i.name === "H'Linh Niê")!;
    const token = ctx.deps.invitations.invitations.linkTokenOf(hlinh);
    // Her own link says she is in the delegation, as a member until she answers otherwise.
    expect((await ctx.request('GET', `/api/r/${token}`)).body.delegation).toEqual({ role: 'member', isHead: false });
    const accepted = await ctx.request('POST', `/api/r/${token}/accept`, {
      body: { details: { delegationRole: 'Phiên dịch', ...passport('N1234567') }, consent },
    });
    expect(accepted.status).toBe(200);
    expect((await ctx.request('GET', `/api/r/${token}`)).body.delegation).toEqual({ role: 'interpreter', isHead: false });
    await organiser('POST', `${base}/members`, { body: { name: 'Y Ngông Niê Kdăm', email: 'head@example.org', role: 'head' } });

    const roster = await organiser('GET', base);
    expect(roster.status).toBe(200);
    // In protocol order: the head, then members (role order), then the interpreter.
    expect(roster.body.items.map((m: Member) => [m.name, m.role, m.response])).toEqual([
      ['Y Ngông Niê Kdăm', 'head', 'none'],
      ['Lê Văn Ánh', 'member', 'none'],
      ["H'Linh Niê", 'interpreter', 'confirmed'],
    ]);
    // The readiness mark: which required fields each one still lacks.
    expect(roster.body.items.map((m: Member) => m.missing)).toEqual([
      ['passportNumber', 'passportExpiry'],
      ['passportNumber', 'passportExpiry'],
      [],
    ]);
    const attendees = await organiser('GET', `/api/events/${eventId}/attendees?sort=rank&include=pending,waitlisted`);
    expect(attendees.body.items.map((a: { name: string }) => a.name)).toEqual(["H'Linh Niê"]);
  });

  it('reads data stored before the rule the same way: no list item, members without a role, old roles kept', async () => {
    const { ctx, organiser, eventId, base } = await publishedTrip();
    await postCsv(ctx, organiser.cookie, eventId, 'Họ và tên,Email\nPhạm Thị Bình,binh@example.org\n');
    const [binh] = await ctx.deps.invitations.invitations.listAllByEvent(eventId);
    // A member as the delegation API wrote them before: role and rank on the invitation, no list version anywhere.
    const old = await ctx.db.send(new GetCommand({ TableName: ctx.tableName, Key: { pk: `EVENT#${eventId}`, sk: `INV#${binh!.invitationId}` } }));
    await ctx.db.send(
      new PutCommand({
        TableName: ctx.tableName,
        Item: { ...old.Item, invitationId: 'old-deputy', sk: 'INV#old-deputy', listSk: 'old', name: 'Đinh Văn Cũ', email: 'cu@example.org', delegationRole: 'deputy', protocolRank: 2 },
      }),
    );
    expect((await ctx.db.send(new GetCommand({ TableName: ctx.tableName, Key: { pk: `EVENT#${eventId}`, sk: 'DELEGATION' } }))).Item).toBeUndefined();

    const roster = await organiser('GET', base);
    expect(roster.body.version).toBe(0);
    expect(roster.body.direction).toBe('outgoing');
    expect(roster.headers.get('etag')).toBe('"0"');
    expect(roster.body.items.map((m: Member) => [m.name, m.role, m.protocolRank])).toEqual([
      ['Đinh Văn Cũ', 'deputy', 2],
      ['Phạm Thị Bình', 'member', undefined],
    ]);
    // The first save from version 0 works on such data too.
    const saved = await ctx.request('PUT', `${base}/order`, {
      cookie: organiser.cookie,
      headers: { 'if-match': '"0"' },
      body: { invitationIds: [binh!.invitationId, 'old-deputy'] },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.items.map((m: Member) => [m.name, m.protocolRank])).toEqual([
      ['Phạm Thị Bình', 1],
      ['Đinh Văn Cũ', 2],
    ]);
    expect(saved.body.version).toBe(1);
  });

  it('breaks a tie in rank by role, then by Vietnamese given name', async () => {
    const { organiser, base } = await publishedTrip();
    for (const [name, role] of [['Trần Văn Bảo', 'member'], ['Nguyễn Thị An', 'member'], ['Lê Thị Dung', 'deputy'], ['Hoàng Văn Chiến', 'driver']]) {
      expect((await organiser('POST', `${base}/members`, { body: { name, role, protocolRank: 5 } })).status).toBe(201);
    }
    const roster = await organiser('GET', base);
    expect(roster.body.items.map((m: Member) => m.name)).toEqual(['Lê Thị Dung', 'Nguyễn Thị An', 'Trần Văn Bảo', 'Hoàng Văn Chiến']);
  });
});

describe('two organisers at once', () => {
  it('refuses the second save made from the same list, says someone changed it first, and loses nothing', async () => {
    const { ctx, organiser, base } = await publishedTrip();
    const other = await ctx.as('organiser');
    const ids: string[] = [];
    for (const name of ['Nguyễn Văn Một', 'Trần Thị Hai', 'Lê Văn Ba']) {
      ids.push((await organiser('POST', `${base}/members`, { body: { name, role: 'member' } })).body.member.invitationId);
    }
    const read = await organiser('GET', base);
    const seen = await other('GET', base);
    expect(seen.body.version).toBe(read.body.version);
    const version = `"${read.body.version}"`;

    const first = await ctx.request('PUT', `${base}/order`, { cookie: organiser.cookie, headers: { 'if-match': version }, body: { invitationIds: [ids[2], ids[0], ids[1]] } });
    expect(first.status).toBe(200);
    const second = await ctx.request('PATCH', `${base}/members/${ids[1]}`, { cookie: other.cookie, headers: { 'if-match': version }, body: { position: 'Chuyên viên' } });
    expect(second.status).toBe(409);
    expect(second.body.error).toBe('delegation_changed');
    expect(second.body.details.version).toBe(first.body.version);
    const removal = await ctx.request('DELETE', `${base}/members/${ids[0]}`, { cookie: other.cookie, headers: { 'if-match': version } });
    expect(removal.status).toBe(409);

    // The current list keeps the first save, and the refused ones changed nothing.
    const now = await other('GET', base);
    expect(now.body.items.map((m: Member & { position?: string }) => [m.name, m.position])).toEqual([
      ['Lê Văn Ba', undefined],
      ['Nguyễn Văn Một', undefined],
      ['Trần Thị Hai', undefined],
    ]);
    // From the current version, the second organiser's save goes through.
    const again = await ctx.request('PATCH', `${base}/members/${ids[1]}`, { cookie: other.cookie, headers: { 'if-match': `"${now.body.version}"` }, body: { position: 'Chuyên viên' } });
    expect(again.status).toBe(200);
    expect(again.body.member.position).toBe('Chuyên viên');
  });

  it('lets exactly one of two reorders made at the same moment through', async () => {
    const { ctx, organiser, base } = await publishedTrip();
    const ids: string[] = [];
    for (const name of ['Nguyễn Văn Một', 'Trần Thị Hai']) {
      ids.push((await organiser('POST', `${base}/members`, { body: { name, role: 'member' } })).body.member.invitationId);
    }
    const version = `"${(await organiser('GET', base)).body.version}"`;
    const results = await Promise.all([
      ctx.request('PUT', `${base}/order`, { cookie: organiser.cookie, headers: { 'if-match': version }, body: { invitationIds: ids } }),
      ctx.request('PUT', `${base}/order`, { cookie: organiser.cookie, headers: { 'if-match': version }, body: { invitationIds: [...ids].reverse() } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});

describe('the organiser on a member’s behalf', () => {
  it('records the consent as given to the organiser and how, gives the member’s link to copy, and keeps an incoming member’s logistics', async () => {
    const { ctx, organiser, eventId, base } = await publishedTrip();
    const added = await organiser('POST', `${base}/members`, {
      body: { name: 'Sok Dara', role: 'member', details: passport('K7654321'), consent: { ...consent, channel: 'paper_form' } },
    });
    expect(added.status).toBe(201);
    expect(added.body.member.consent).toMatchObject({ version: PASSPORT_CONSENT_VERSION, by: 'organiser', channel: 'paper_form' });
    const id = added.body.member.invitationId as string;
    const wrongChannel = await organiser('PATCH', `${base}/members/${id}`, { body: { position: 'x', consent: { ...consent, channel: 'telepathy' } } });
    expect(wrongChannel.status).toBe(400);

    const link = await organiser('GET', `${base}/members/${id}/link`);
    expect(link.status).toBe(200);
    const stored = (await ctx.deps.invitations.invitations.findById(eventId, id))!;
    expect(link.body.url).toBe(`${ctx.config.publicUrl}/r/${ctx.deps.invitations.invitations.linkTokenOf(stored)}`);
    const staff = await ctx.as('staff');
    expect((await staff('GET', `${base}/members/${id}/link`)).status).toBe(403);

    expect((await organiser('PATCH', base, { body: { direction: 'incoming' } })).body.direction).toBe('incoming');
    const logistics = { arrivalDate: '2027-03-10', arrivalTime: '09:30', arrivalTransport: 'VN1234', hotel: 'Khách sạn Sài Gòn – Ban Mê', room: '305', dietary: 'Chay', interpreterLanguage: 'Khmer' };
    const changed = await organiser('PATCH', `${base}/members/${id}`, { body: { logistics: { ...logistics, room: ' ' } } });
    expect(changed.status).toBe(200);
    const roster = await organiser('GET', base);
    expect(roster.body.direction).toBe('incoming');
    const { room: _room, ...kept } = logistics;
    expect(roster.body.items[0].logistics).toEqual(kept);
    expect((await organiser('PATCH', `${base}/members/${id}`, { body: { logistics: null } })).status).toBe(200);
    expect((await organiser('GET', base)).body.items[0].logistics).toBeUndefined();
  });
});
