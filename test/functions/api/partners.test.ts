import { beforeAll, describe, expect, it } from 'vitest';
import { deliverOutboxMessage } from '../../../shared/email/deliver-outbox-message.js';
import { buildMailDeps } from '../../../functions/mail/mail-deps.js';
import { RecordingMailer } from '../../support/recording-mailer.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';
import { createEvent } from './invitations-support.js';

/**
 * Issue 19's directory through the app on DynamoDB Local: permissions, proposals from past lists,
 * the merge (no history lost), the erasure (counts only), and a greetings campaign sent twice by a
 * double click mailing each recipient once, through the outbox's direct mail.
 */
let ctx: TestContext;
let organiser: Awaited<ReturnType<TestContext['as']>>;
let staff: Awaited<ReturnType<TestContext['as']>>;
const tag = Math.random().toString(36).slice(2, 8);

beforeAll(async () => {
  ctx = await createTestContext();
  organiser = await ctx.as('organiser');
  staff = await ctx.as('staff');
});

async function eventWith(invitees: Record<string, string>[]) {
  const eventId = await createEvent(organiser);
  const imported = await organiser('POST', `/api/events/${eventId}/invitations`, { body: { invitees } });
  expect(imported.status).toBe(200);
  return eventId;
}

describe('permissions', () => {
  it('lets staff read the directory but not change it; organisers change it', async () => {
    const created = await organiser('POST', '/api/organisations', { body: { name: 'Hội hữu nghị Việt – Nga tỉnh Đắk Lắk', kind: 'friendship_association', country: 'ru' } });
    expect(created.status).toBe(201);
    expect(created.body.organisation.country).toBe('RU');
    expect((await staff('GET', '/api/organisations')).status).toBe(200);
    expect((await staff('GET', '/api/contacts')).status).toBe(200);
    expect((await staff('POST', '/api/contacts', { body: { name: 'Lê Thị Hoa' } })).status).toBe(403);
    expect((await staff('POST', '/api/organisations', { body: { name: 'X', kind: 'other' } })).status).toBe(403);
    const contact = await organiser('POST', '/api/contacts', { body: { name: 'Lê Thị Hoa' } });
    expect(contact.status).toBe(201);
    expect((await staff('DELETE', `/api/contacts/${contact.body.contact.contactId}`)).status).toBe(403);
    expect((await staff('POST', '/api/greetings', { body: { occasionId: 'nd-ru', year: 2027 } })).status).toBe(403);
    expect((await ctx.request('GET', '/api/contacts')).status).toBe(401);
  });
});

describe('proposals, merge and erasure', () => {
  it('groups the same person across two past lists, merges two contacts without losing history, erases to counts', async () => {
    const ivan = { name: 'Ivan Petrov', email: `ivan.${tag}@example.org`, organisation: 'Russian Centre' };
    const first = await eventWith([ivan, { name: 'Nguyễn Văn Bình', phone: '0912 345 678', organisation: 'Đại học Tây Nguyên' }]);
    const second = await eventWith([{ ...ivan, email: ivan.email.toUpperCase() }, { name: 'Nguyễn  Văn Bình', email: `binh.${tag}@example.org`, organisation: 'Đại học Tây Nguyên' }]);

    const proposed = await organiser('GET', `/api/contacts/proposals?eventId=${first}&eventId=${second}`);
    expect(proposed.status).toBe(200);
    const groups = proposed.body.proposals as { name: string; members: { eventId: string; invitationId: string }[]; reasons: string[] }[];
    const ivanGroup = groups.find((g) => g.name === 'Ivan Petrov')!;
    const binhGroup = groups.find((g) => g.name.startsWith('Nguyễn'))!;
    expect(ivanGroup.members).toHaveLength(2);
    expect(ivanGroup.reasons).toContain('email');
    expect(binhGroup.members).toHaveLength(2);
    expect(binhGroup.reasons).toEqual(['name_and_organisation']);

    // Ivan accepted as one contact; Bình kept apart: one contact per invitation.
    const ivanContact = await organiser('POST', '/api/contacts/proposals/accept', { body: { invitations: ivanGroup.members.map(({ eventId, invitationId }) => ({ eventId, invitationId })) } });
    expect(ivanContact.status).toBe(201);
    expect(ivanContact.body.linked).toBe(2);
    const apart: string[] = [];
    for (const m of binhGroup.members) apart.push((await organiser('POST', '/api/contacts/proposals/accept', { body: { invitations: [{ eventId: m.eventId, invitationId: m.invitationId }] } })).body.contact.contactId as string);
    expect(apart).toHaveLength(2);
    // Accepting an invitation twice is refused: one invitation, one contact.
    const again = await organiser('POST', '/api/contacts/proposals/accept', { body: { invitations: [{ eventId: ivanGroup.members[0]!.eventId, invitationId: ivanGroup.members[0]!.invitationId }] } });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('invitation_already_linked');

    // Merge the two Bình records: the survivor holds both invitations.
    const merged = await organiser('POST', `/api/contacts/${apart[0]}/merge`, { body: { fromContactId: apart[1] } });
    expect(merged.status).toBe(200);
    expect(merged.body.moved).toBe(1);
    expect(merged.body.contact.email).toBe(`binh.${tag}@example.org`);
    expect(merged.body.contact.phone).toBe('+84912345678');
    const history = await organiser('GET', `/api/contacts/${apart[0]}/history`);
    expect(history.body.items.map((h: { eventId: string }) => h.eventId).sort()).toEqual([first, second].sort());
    expect(history.body.items.every((h: { event?: { title: string }; response: string }) => h.event?.title && h.response === 'none')).toBe(true);
    expect((await organiser('GET', `/api/contacts/${apart[1]}`)).status).toBe(404);
    // Nothing of these lists is proposed again: every invitation belongs to a contact now.
    const after = await organiser('GET', `/api/contacts/proposals?eventId=${first}&eventId=${second}`);
    expect(after.body.proposals).toEqual([]);

    // Erasure: the contact and their history go; only counts stay.
    const before = (await organiser('GET', '/api/contacts/erased')).body.counts;
    expect((await organiser('DELETE', `/api/contacts/${apart[0]}`)).status).toBe(204);
    expect((await organiser('GET', `/api/contacts/${apart[0]}`)).status).toBe(404);
    expect((await organiser('GET', `/api/contacts/${apart[0]}/history`)).status).toBe(404);
    const counts = (await organiser('GET', '/api/contacts/erased')).body.counts;
    expect(counts.contacts - before.contacts).toBe(1);
    expect(counts.invitations - before.invitations).toBe(2);
    const listed = (await organiser('GET', '/api/contacts')).body.items as { contactId: string; name: string }[];
    expect(listed.some((c) => c.contactId === apart[0])).toBe(false);
    // The erased person's invitations are free to be proposed again only as anonymous list rows of the events.
    expect((await organiser('GET', `/api/contacts/${ivanContact.body.contact.contactId}/history`)).body.items).toHaveLength(2);
  });
});

describe('an invitee list drawn from the directory', () => {
  it('invites the contacts of a country and links each invitation, so their history shows the event', async () => {
    const org = (await organiser('POST', '/api/organisations', { body: { name: `Hội hữu nghị Việt Nam – Pháp ${tag}`, kind: 'friendship_association', country: 'FR' } })).body.organisation;
    const marie = (await organiser('POST', '/api/contacts', { body: { name: 'Marie Dubois', email: `marie.${tag}@example.org`, language: 'fr', organisationId: org.organisationId } })).body.contact;
    const eventId = await createEvent(organiser);
    const preview = await organiser('POST', `/api/events/${eventId}/invitations/from-directory?preview=true`, { body: { organisationId: org.organisationId } });
    expect(preview.body).toMatchObject({ created: 1, linked: 0, preview: true });
    expect((await staff('POST', `/api/events/${eventId}/invitations/from-directory`, { body: { organisationId: org.organisationId } })).status).toBe(403);
    const drawn = await organiser('POST', `/api/events/${eventId}/invitations/from-directory`, { body: { organisationId: org.organisationId } });
    expect(drawn.status).toBe(201);
    expect(drawn.body).toMatchObject({ created: 1, linked: 1 });
    const list = (await organiser('GET', `/api/events/${eventId}/invitations`)).body.items as { name: string; language: string; organisation: string }[];
    expect(list).toMatchObject([{ name: 'Marie Dubois', language: 'en', organisation: org.name }]);
    const history = (await organiser('GET', `/api/contacts/${marie.contactId}/history`)).body.items;
    expect(history).toMatchObject([{ kind: 'invitation', eventId, response: 'none' }]);
  });
});

describe('a greetings campaign', () => {
  it('mails each recipient once when sent twice at once (a double click), skips a suppressed address, and shows in the history', async () => {
    const org = (await organiser('POST', '/api/organisations', { body: { name: `Đại sứ quán Liên bang Nga ${tag}`, kind: 'embassy', country: 'RU', languages: ['ru', 'en'] } })).body.organisation;
    const people = [
      { name: 'Anna Ivanova', email: `anna.${tag}@example.org`, language: 'ru', salutation: 'ms' },
      { name: 'Phạm Minh Đức', email: `duc.${tag}@example.org`, language: 'vi', salutation: 'ong' },
      { name: 'Oleg Smirnov', email: `oleg.${tag}@example.org`, language: 'en' },
    ];
    const ids: string[] = [];
    for (const p of people) ids.push((await organiser('POST', '/api/contacts', { body: { ...p, organisationId: org.organisationId } })).body.contact.contactId);
    await ctx.deps.mail.outbox.suppress({ email: people[2]!.email, reason: 'bounce', at: new Date().toISOString() });

    const year = new Date().getUTCFullYear() + 1;
    const created = await organiser('POST', '/api/greetings', { body: { occasionId: 'nd-ru', year } });
    expect(created.status).toBe(201);
    const campaignId = created.body.campaign.campaignId as string;
    expect(campaignId).toBe(`nd-ru-${year}`);
    const again = await organiser('POST', '/api/greetings', { body: { occasionId: 'nd-ru', year } });
    expect(again.status).toBe(200);
    const view = (await organiser('GET', `/api/greetings/${campaignId}`)).body;
    expect(view.recipients.map((r: { contactId: string }) => r.contactId).filter((id: string) => ids.includes(id))).toHaveLength(3);

    const preview = await organiser('GET', `/api/greetings/${campaignId}/recipients/${ids[1]}/preview`);
    expect(preview.body.mail.subject).toBe('Thư chúc mừng nhân dịp Quốc khánh Liên bang Nga');
    expect(preview.body.mail.text).toContain('Kính gửi Ông Phạm Minh Đức');

    const [a, b] = await Promise.all([organiser('POST', `/api/greetings/${campaignId}/send`), organiser('POST', `/api/greetings/${campaignId}/send`)]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body.queued + b.body.queued).toBe(3);
    // Due at 08:00 on Russia Day next year: nothing goes before.
    expect(a.body.dueAt).toBe(new Date(`${year}-06-12T08:00:00+07:00`).toISOString());
    const mailer = new RecordingMailer();
    const due = async () => (await ctx.deps.mail.outbox.listAllDue(`${year}-06-12T01:00:00.000Z`, 1000)).filter((m) => m.kind === 'greeting' && 'ref' in m && m.ref.campaignId === campaignId);
    expect((await ctx.deps.mail.outbox.listAllDue(`${year}-06-12T00:59:00.000Z`, 1000)).filter((m) => m.kind === 'greeting' && 'ref' in m && m.ref.campaignId === campaignId)).toEqual([]);
    const delivery = buildMailDeps(ctx.config, ctx.db, mailer, () => new Date(`${year}-06-12T01:00:00.000Z`)).delivery;
    const messages = await due();
    expect(messages).toHaveLength(3);
    // Delivered twice over (two senders on the same list): still one mail each.
    const outcomes = await Promise.all([...messages, ...messages].map((m) => deliverOutboxMessage(delivery, m)));
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(2);
    // The suppressed address is never sent to, whichever copy looked first.
    expect(outcomes.filter((o) => o === 'suppressed').length).toBeGreaterThanOrEqual(1);
    expect(mailer.to(people[0]!.email)).toHaveLength(1);
    expect(mailer.to(people[1]!.email)).toHaveLength(1);
    expect(mailer.to(people[2]!.email)).toHaveLength(0);
    expect(mailer.to(people[0]!.email)[0]!.subject).toBe('Greetings on Russia Day');
    expect(await due()).toEqual([]);

    const states = Object.fromEntries(((await organiser('GET', `/api/greetings/${campaignId}`)).body.recipients as { contactId: string; state: string }[]).map((r) => [r.contactId, r.state]));
    expect([states[ids[0]!], states[ids[1]!], states[ids[2]!]]).toEqual(['sent', 'sent', 'skipped']);
    const history = await organiser('GET', `/api/contacts/${ids[0]}/history`);
    expect(history.body.items).toMatchObject([{ kind: 'greeting', campaignId, state: 'sent' }]);
    const orgHistory = await organiser('GET', `/api/organisations/${org.organisationId}/history`);
    expect(orgHistory.body.items.filter((h: { kind: string }) => h.kind === 'greeting')).toHaveLength(3);
  });
});
