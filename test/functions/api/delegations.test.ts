import { describe, expect, it } from 'vitest';
import { purgeExpiredPassportData } from '../../../shared/delegations/purge-passport-data.js';
import { PASSPORT_CONSENT_VERSION } from '../../../shared/delegations/passport-data.js';
import { mondulkiriTrip, passport, passportConsent } from './delegation-support.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';
import { countsOf, outboxOf, testClock } from './answering-support.js';
import { createEvent } from './invitations-support.js';

/** The Mondulkiri trip: ends 14 March 2027, so a passport must hold until 14 September 2027. */
const trip = mondulkiriTrip;
const consent = passportConsent;

async function delegation(overrides: Record<string, unknown> = {}) {
  const clock = testClock();
  const ctx = await createTestContext({ now: clock });
  const organiser = await ctx.as('organiser');
  const eventId = await createEvent(organiser, { ...trip, ...overrides });
  expect((await organiser('POST', `/api/events/${eventId}/publish`)).status).toBe(200);
  const added = await organiser('POST', `/api/events/${eventId}/delegation/members`, {
    body: { name: 'Y Ngông Niê Kdăm', email: 'truongdoan@example.org', organisation: 'Liên hiệp hữu nghị Đắk Lắk', role: 'head', protocolRank: 1 },
  });
  expect(added.status).toBe(201);
  const headId = added.body.member.invitationId as string;
  return { ctx, clock, organiser, eventId, headId, headToken: tokenOf(ctx, eventId, headId) };
}

async function tokenOf(ctx: TestContext, eventId: string, invitationId: string) {
  const stored = (await ctx.deps.invitations.invitations.findById(eventId, invitationId))!;
  return ctx.deps.invitations.invitations.linkTokenOf(stored);
}

describe('the head of a delegation, by their own link', () => {
  it('adds members: one who answers by their own link and email, one without email entered whole', async () => {
    const { ctx, eventId, headId, headToken } = await delegation();
    const token = await headToken;
    const withEmail = await ctx.request('POST', `/api/r/${token}/delegation/members`, {
      body: { name: 'Nguyễn Thị Hoa', email: 'hoa@example.org', role: 'interpreter', protocolRank: 3 },
    });
    expect(withEmail.status).toBe(201);
    expect(withEmail.body.member).toMatchObject({ role: 'interpreter', headInvitationId: headId, response: 'none', emailStatus: 'queued' });
    expect(withEmail.body.member.organisation).toBe('Liên hiệp hữu nghị Đắk Lắk');
    const queued = await outboxOf(ctx, eventId);
    expect(queued.filter((m) => m.invitationId === withEmail.body.member.invitationId).map((m) => m.kind)).toEqual(['invitation']);

    const driver = await ctx.request('POST', `/api/r/${token}/delegation/members`, {
      body: { name: 'Trần Văn Tài', role: 'driver', details: { ...passport('B7654321'), gender: 'Nam / Male' }, consent },
    });
    expect(driver.status).toBe(201);
    expect(driver.body.member).toMatchObject({ role: 'driver', response: 'confirmed', consent: { version: PASSPORT_CONSENT_VERSION, by: 'head' } });
    // The head entered it, and sees it masked all the same: only organisers see passport data.
    expect(driver.body.member.details).toMatchObject({ passportNumber: '••••••21', passportExpiry: '••••', dateOfBirth: '••••', delegationRole: 'Lái xe', gender: 'male' });
    expect((await countsOf(ctx, eventId)).confirmed).toBe(1);

    const view = await ctx.request('GET', `/api/r/${token}/delegation`);
    expect(view.status).toBe(200);
    expect(view.body.head).toMatchObject({ invitationId: headId, role: 'head' });
    expect(view.body.members.map((m: { name: string }) => m.name)).toEqual(['Nguyễn Thị Hoa', 'Trần Văn Tài']);
    expect(JSON.stringify(view.body)).not.toContain('B7654321');
    expect(view.body.passportConsent).toMatchObject({ version: PASSPORT_CONSENT_VERSION, text: { vi: expect.stringContaining('Nghị định 13/2023') } });
  });

  it('blocks a member without email whose required passport fields are missing, and passport data without consent', async () => {
    const { ctx, eventId, headToken } = await delegation();
    const token = await headToken;
    const missing = await ctx.request('POST', `/api/r/${token}/delegation/members`, { body: { name: 'Lê Văn Ba', role: 'member' } });
    expect(missing.status).toBe(422);
    expect(missing.body.error).toBe('details_invalid');
    expect(missing.body.details.issues).toEqual(expect.arrayContaining([{ field: 'passportNumber', problem: 'required' }]));

    const noConsent = await ctx.request('POST', `/api/r/${token}/delegation/members`, { body: { name: 'Lê Văn Ba', role: 'member', details: passport('C1112223') } });
    expect(noConsent.status).toBe(422);
    expect(noConsent.body.error).toBe('consent_required');
    expect(noConsent.body.details.version).toBe(PASSPORT_CONSENT_VERSION);

    const outdated = await ctx.request('POST', `/api/r/${token}/delegation/members`, {
      body: { name: 'Lê Văn Ba', role: 'member', details: passport('C1112223'), consent: { version: '1999-1' } },
    });
    expect(outdated.status).toBe(422);
    expect(outdated.body.error).toBe('consent_outdated');
    // Refused members leave nothing behind.
    expect((await ctx.deps.invitations.invitations.listAllByEvent(eventId)).map((i) => i.name)).toEqual(['Y Ngông Niê Kdăm']);
  });

  it('edits and removes its own members; a removed member frees the seat and their record', async () => {
    const { ctx, eventId, headToken } = await delegation({ capacity: 2 });
    const token = await headToken;
    const first = await ctx.request('POST', `/api/r/${token}/delegation/members`, { body: { name: 'Phạm Văn Một', role: 'member', details: passport('A0000001'), consent } });
    const second = await ctx.request('POST', `/api/r/${token}/delegation/members`, { body: { name: 'Phạm Văn Hai', role: 'member', details: passport('A0000002'), consent } });
    const third = await ctx.request('POST', `/api/r/${token}/delegation/members`, { body: { name: 'Phạm Văn Ba', role: 'member', details: passport('A0000003'), consent } });
    expect([first.body.member.response, second.body.member.response, third.body.member.response]).toEqual(['confirmed', 'confirmed', 'waitlisted']);

    const edited = await ctx.request('PATCH', `/api/r/${token}/delegation/members/${second.body.member.invitationId}`, {
      body: { role: 'deputy', protocolRank: 2, details: { nationality: 'Việt Nam' } },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.member).toMatchObject({ role: 'deputy', protocolRank: 2, response: 'confirmed' });
    expect(edited.body.member.details).toMatchObject({ nationality: 'Việt Nam', delegationRole: 'Phó đoàn', passportNumber: '••••••02' });

    const removed = await ctx.request('DELETE', `/api/r/${token}/delegation/members/${first.body.member.invitationId}`);
    expect(removed.status).toBe(204);
    const firstId = first.body.member.invitationId as string;
    expect(await ctx.deps.invitations.invitations.findById(eventId, firstId)).toBeUndefined();
    expect(await ctx.deps.registrations.registrations.findRegistration(eventId, firstId)).toBeUndefined();
    // The freed seat went to the waiting list at once.
    expect((await ctx.deps.invitations.invitations.findById(eventId, third.body.member.invitationId))!.response).toBe('confirmed');
    expect(await countsOf(ctx, eventId)).toMatchObject({ confirmed: 2, waitlisted: 0 });
  });

  it('gives each member a link that shows only themself and cannot manage the delegation', async () => {
    const { ctx, organiser, eventId, headToken } = await delegation();
    const token = await headToken;
    const member = await ctx.request('POST', `/api/r/${token}/delegation/members`, { body: { name: 'Đinh Thị Lan', email: 'lan@example.org', role: 'secretary' } });
    const other = await ctx.request('POST', `/api/r/${token}/delegation/members`, { body: { name: 'Võ Văn Nam', email: 'nam@example.org', role: 'member' } });
    const memberToken = await tokenOf(ctx, eventId, member.body.member.invitationId);

    const own = await ctx.request('GET', `/api/r/${memberToken}`);
    expect(own.status).toBe(200);
    expect(own.body.invitee.name).toBe('Đinh Thị Lan');
    expect(own.body.delegation).toEqual({ role: 'secretary', isHead: false });
    expect(JSON.stringify(own.body)).not.toContain('Võ Văn Nam');
    expect(own.body.passportConsent).toMatchObject({ version: PASSPORT_CONSENT_VERSION, given: false });

    for (const [method, path, body] of [
      ['GET', `/api/r/${memberToken}/delegation`, undefined],
      ['POST', `/api/r/${memberToken}/delegation/members`, { name: 'Kẻ Lạ', email: 'x@example.org', role: 'member' }],
      ['PATCH', `/api/r/${memberToken}/delegation/members/${other.body.member.invitationId}`, { name: 'Đổi Tên' }],
      ['DELETE', `/api/r/${memberToken}/delegation/members/${other.body.member.invitationId}`, undefined],
    ] as const) {
      const response = await ctx.request(method, path, body ? { body } : {});
      expect(`${method} ${response.status}`).toBe(`${method} 403`);
      expect(response.body.error).toBe('forbidden');
    }

    // A second delegation's head cannot reach the first one's members.
    const otherHead = await organiser('POST', `/api/events/${eventId}/delegation/members`, { body: { name: 'Head Two', email: 'head2@example.org', role: 'head' } });
    const otherHeadToken = await tokenOf(ctx, eventId, otherHead.body.member.invitationId);
    const foreign = await ctx.request('PATCH', `/api/r/${otherHeadToken}/delegation/members/${member.body.member.invitationId}`, { body: { name: 'X' } });
    expect(foreign.status).toBe(404);
    expect((await ctx.request('GET', `/api/r/${otherHeadToken}/delegation`)).body.members).toEqual([]);
  });
});

describe('a member answering by their own link', () => {
  it('needs consent for passport data, stores who consented and when, and flags a passport expiring too soon', async () => {
    const { ctx, eventId, headToken } = await delegation();
    const member = await ctx.request('POST', `/api/r/${await headToken}/delegation/members`, { body: { name: 'Hồ Thị Mai', email: 'mai@example.org', role: 'member' } });
    const id = member.body.member.invitationId as string;
    const token = await tokenOf(ctx, eventId, id);

    const refused = await ctx.request('POST', `/api/r/${token}/accept`, { body: { details: passport('N1234567', '2027-06-30') } });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe('consent_required');
    expect(refused.body.details.fields).toEqual(['passportNumber', 'passportExpiry', 'dateOfBirth']);
    expect((await countsOf(ctx, eventId)).confirmed).toBe(0);

    const accepted = await ctx.request('POST', `/api/r/${token}/accept`, {
      body: { details: passport('N1234567', '2027-06-30'), consent: { version: PASSPORT_CONSENT_VERSION, acceptedAt: '2027-01-10T10:00:00+07:00' } },
      headers: { 'accept-language': 'en' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.response).toBe('confirmed');
    expect(accepted.body.warnings).toEqual([
      {
        code: 'passport_expires_soon',
        field: 'passportExpiry',
        validUntilAtLeast: '2027-09-14',
        message: expect.stringContaining('expires on 30/06/2027'),
      },
    ]);
    const registration = (await ctx.deps.registrations.registrations.findRegistration(eventId, id))!;
    expect(registration.consent).toEqual({
      version: PASSPORT_CONSENT_VERSION,
      acceptedAt: '2027-01-10T03:00:00.000Z',
      recordedAt: '2027-01-10T03:00:00.000Z',
      by: { kind: 'self' },
    });

    // The consent stands: a new passport later needs no second one, and clears the warning.
    const renewed = await ctx.request('PATCH', `/api/r/${token}`, { body: { details: { passportNumber: 'N7654321', passportExpiry: '2032-01-01' } } });
    expect(renewed.status).toBe(200);
    expect(renewed.body.warnings).toBeUndefined();
    expect((await ctx.deps.registrations.registrations.findRegistration(eventId, id))!.consent).toMatchObject({ by: { kind: 'self' } });
    expect((await ctx.request('GET', `/api/r/${token}`)).body.passportConsent.given).toBe(true);
  });
});

describe('the organiser', () => {
  it('adds members to a head (and alone), orders them by protocol, and changes a rank', async () => {
    const { organiser, eventId, headId } = await delegation();
    const base = `/api/events/${eventId}/delegation`;
    const deputy = await organiser('POST', `${base}/members`, {
      body: { name: 'Bùi Văn Phó', role: 'deputy', headInvitationId: headId, details: passport('P2222222'), consent },
    });
    expect(deputy.status).toBe(201);
    expect(deputy.body.member).toMatchObject({ response: 'confirmed', headInvitationId: headId, consent: { by: 'organiser' } });
    const driver = await organiser('POST', `${base}/members`, { body: { name: 'An Văn Xế', role: 'driver', headInvitationId: headId } });
    expect(driver.status).toBe(201);
    // Without details and without an email, an organiser may complete them later.
    expect(driver.body.member.response).toBe('none');
    const unknownHead = await organiser('POST', `${base}/members`, { body: { name: 'Ai Đó', role: 'member', headInvitationId: driver.body.member.invitationId } });
    expect(unknownHead.status).toBe(409);
    expect(unknownHead.body.error).toBe('head_not_found');

    const ranked = await organiser('PATCH', `${base}/members/${driver.body.member.invitationId}`, { body: { protocolRank: 2, details: passport('D3333333'), consent } });
    expect(ranked.status).toBe(200);
    expect(ranked.body.member).toMatchObject({ protocolRank: 2, response: 'confirmed' });

    const roster = await organiser('GET', base);
    expect(roster.body.items.map((m: { name: string }) => m.name)).toEqual(['Y Ngông Niê Kdăm', 'An Văn Xế', 'Bùi Văn Phó']);
    const list = await organiser('GET', `/api/events/${eventId}/attendees?sort=rank`);
    expect(list.body.items.map((a: { name: string }) => a.name)).toEqual(['An Văn Xế', 'Bùi Văn Phó']);

    const headRemoval = await organiser('DELETE', `${base}/members/${headId}`);
    expect(headRemoval.status).toBe(409);
    expect(headRemoval.body.error).toBe('delegation_has_members');
    expect((await organiser('POST', `/api/events/${eventId}/delegation/members`, { body: { name: 'X', role: 'bishop' } })).status).toBe(400);
  });

  it('refuses delegation members on an event of another type', async () => {
    const ctx = await createTestContext({ now: testClock() });
    const organiser = await ctx.as('organiser');
    const eventId = await createEvent(organiser, { ...trip, type: 'meeting' });
    const response = await organiser('POST', `/api/events/${eventId}/delegation/members`, { body: { name: 'A', email: 'a@example.org', role: 'member' } });
    expect(response.status).toBe(409);
    expect(response.body.error).toBe('not_a_delegation');
  });
});

describe('passport data as personal data', () => {
  it('is masked for staff on every path, shown to organisers, and every organiser read is logged', async () => {
    const { ctx, organiser, eventId, headId } = await delegation({ requiresApproval: true });
    const base = `/api/events/${eventId}/delegation`;
    await organiser('POST', `${base}/members`, { body: { name: 'Mạc Thị Vân', email: 'van@example.org', role: 'member', headInvitationId: headId } });
    const [van] = (await ctx.deps.invitations.invitations.listAllByEvent(eventId)).filter((i) => i.name === 'Mạc Thị Vân');
    const token = ctx.deps.invitations.invitations.linkTokenOf(van!);
    expect((await ctx.request('POST', `/api/r/${token}/accept`, { body: { details: passport('V9876543'), consent } })).body.response).toBe('pending');
    expect((await organiser('POST', `/api/events/${eventId}/registrations/approve`, { body: { invitationIds: [van!.invitationId] } })).status).toBe(200);
    await organiser('POST', `${base}/members`, { body: { name: 'Lò Văn Chờ', role: 'member', headInvitationId: headId, details: passport('W1231231'), consent } });

    const staff = await ctx.as('staff');
    const paths = [base, `/api/events/${eventId}/attendees?details=true&include=pending`, `/api/events/${eventId}/registrations/pending`];
    for (const path of paths) {
      const response = await staff('GET', path);
      expect(`${path} ${response.status}`).toBe(`${path} 200`);
      const text = JSON.stringify(response.body);
      for (const secret of ['V9876543', 'W1231231', '1980-05-02', '2030-01-31']) expect(`${path}: ${text.includes(secret)}`).toBe(`${path}: false`);
    }
    const csv = await ctx.app.request(`/api/events/${eventId}/attendees?details=true&format=csv`, { headers: { cookie: staff.cookie } });
    expect(await csv.text()).not.toContain('V9876543');
    expect(await ctx.deps.attendees.personalDataLog.listReads(eventId)).toEqual([]);

    const roster = await organiser('GET', base);
    expect(roster.body.items.find((m: { name: string }) => m.name === 'Mạc Thị Vân').details.passportNumber).toBe('V9876543');
    expect((await organiser('GET', `/api/events/${eventId}/registrations/pending`)).body.items[0].details.passportNumber).toBe('W1231231');

    const log = await organiser('GET', `/api/events/${eventId}/personal-data-log`);
    expect(log.status).toBe(200);
    expect(log.body.items).toHaveLength(2);
    expect(log.body.items.map((i: { what: string }) => i.what).sort()).toEqual(['delegation roster with passport data', 'pending registrations with passport data']);
    for (const item of log.body.items) {
      expect(item).toMatchObject({ kind: 'read', userId: organiser.user.userId, user: { email: organiser.user.email }, at: '2027-01-10T10:00:00+07:00' });
    }
    expect((await staff('GET', `/api/events/${eventId}/personal-data-log`)).status).toBe(403);
    expect((await ctx.request('GET', `/api/events/${eventId}/personal-data-log`)).status).toBe(401);
  });

  it('is purged PASSPORT_RETENTION_DAYS after the trip, with the purge logged, and kept before', async () => {
    const { ctx, organiser, eventId, headId } = await delegation();
    await organiser('POST', `/api/events/${eventId}/delegation/members`, {
      body: { name: 'Kim Văn Lưu', role: 'member', headInvitationId: headId, details: { ...passport('K5555555'), nationality: 'Việt Nam' }, consent },
    });
    const [kim] = (await ctx.deps.invitations.invitations.listAllByEvent(eventId)).filter((i) => i.name === 'Kim Văn Lưu');
    expect(ctx.config.passportRetentionDays).toBe(30);

    // The trip ends 2027-03-14T10:00Z; 29 days later everything is still there.
    const early = await purgeExpiredPassportData(ctx.deps.passportPurge, new Date('2027-04-12T10:00:00Z'));
    expect(early.purged).toEqual([]);
    expect((await ctx.deps.invitations.invitations.findById(eventId, kim!.invitationId))!.details).toMatchObject({ passportNumber: 'K5555555' });

    const due = await purgeExpiredPassportData(ctx.deps.passportPurge, new Date('2027-04-14T10:00:01Z'));
    expect(due.purged).toEqual([{ eventId, people: 1 }]);
    const invitation = (await ctx.deps.invitations.invitations.findById(eventId, kim!.invitationId))!;
    const registration = (await ctx.deps.registrations.registrations.findRegistration(eventId, kim!.invitationId))!;
    for (const details of [invitation.details, registration.details]) {
      expect(details).toEqual({ nationality: 'Việt Nam', delegationRole: 'Thành viên' });
    }
    // The consent stays on record; the event says when its data went.
    expect(registration.consent).toMatchObject({ version: PASSPORT_CONSENT_VERSION });
    expect((await organiser('GET', `/api/events/${eventId}`)).body.event.passportDataPurgedAt).toBe('2027-04-14T10:00:01.000Z');

    const log = (await organiser('GET', `/api/events/${eventId}/personal-data-log`)).body.items;
    expect(log[0]).toMatchObject({ kind: 'purge', userId: 'system', count: 1, what: expect.stringContaining('passport data purged') });
    // The daily run passes a purged event by.
    expect((await purgeExpiredPassportData(ctx.deps.passportPurge, new Date('2027-04-15T10:00:00Z'))).purged).toEqual([]);
  });

  it('keeps the retention configurable', async () => {
    const ctx = await createTestContext({ env: { PASSPORT_RETENTION_DAYS: '7' } });
    expect(ctx.deps.passportPurge.passportRetentionDays).toBe(7);
  });
});
