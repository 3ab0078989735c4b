import { beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../../shared/aws/dynamodb-client.js';
import { createEventsRepository, type StoredEvent } from '../../../shared/events/events-repository.js';
import type { StoredInvitation } from '../../../shared/invitations/invitations-repository.js';
import { createRegistrationsRepository } from '../../../shared/registrations/registrations-repository.js';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { guest } from '../../support/guest.js';
import { createTestTable } from '../../support/test-context.js';
import { createOutboxRepository } from '../../../shared/email/outbox-repository.js';

/** The conditions themselves, against DynamoDB Local: a mock could not prove they hold. */
let db: DynamoDBDocumentClient;
let tableName: string;

beforeAll(async () => {
  const table = await createTestTable();
  tableName = table.tableName;
  db = createDocumentClient({ region: 'local', endpoint: table.endpoint });
});

const AT = '2027-01-10T03:00:00.000Z';
let sequence = 0;

async function seed(event: Partial<StoredEvent> = {}, invitees = 2) {
  sequence += 1;
  const eventId = `ev${sequence}`;
  const stored: StoredEvent = {
    eventId,
    type: 'meeting',
    title: { vi: 'Họp' },
    venue: 'Hội trường',
    startsAt: '2027-03-10T01:00:00.000Z',
    endsAt: '2027-03-10T10:00:00.000Z',
    requiresApproval: false,
    fields: [],
    status: 'published',
    counts: { invited: invitees, confirmed: 0, waitlisted: 0, pending: 0, declined: 0, checkedIn: 0 },
    createdAt: AT,
    updatedAt: AT,
    createdBy: 'u1',
    version: 1,
    ...event,
  };
  await createEventsRepository(db, tableName).insertEvent(stored);
  const invitations: StoredInvitation[] = [];
  for (let i = 0; i < invitees; i += 1) {
    const invitation: StoredInvitation = {
      ...guest(eventId, i, AT),
      invitationId: `${eventId}-inv${i}`,
      emailStatus: 'sent',
      searchText: `khach ${i}`,
      tokenHash: `hash-${eventId}-${i}`,
    };
    await db.send(new PutCommand({ TableName: tableName, Item: { pk: `EVENT#${eventId}`, sk: `INV#${invitation.invitationId}`, ...invitation } }));
    invitations.push(invitation);
  }
  return { eventId, invitations };
}

const repo = () => createRegistrationsRepository(db, tableName);
const events = () => createEventsRepository(db, tableName);
const confirm = (invitation: StoredInvitation, at = AT) =>
  repo().transition({ invitation, to: 'confirmed', at, seat: true, enforceDeadline: true, notice: 'confirmed' });

describe('transition', () => {
  it('moves the response, the counter, the registration and the notice together', async () => {
    const { eventId, invitations } = await seed();
    const outcome = await confirm(invitations[0]!);
    expect(outcome.ok).toBe(true);
    expect((await events().findById(eventId))!.counts.confirmed).toBe(1);
    expect(await repo().findRegistration(eventId, invitations[0]!.invitationId)).toMatchObject({ response: 'confirmed', answerVersion: 1 });
    const notice = await createOutboxRepository(db, tableName).findById(`${invitations[0]!.invitationId}.confirmed.1`);
    expect(notice).toMatchObject({ kind: 'confirmed', state: 'pending' });
  });

  it('a second write from the same read changes nothing (double tap, two tabs)', async () => {
    const { eventId, invitations } = await seed();
    expect((await confirm(invitations[0]!)).ok).toBe(true);
    expect(await confirm(invitations[0]!)).toEqual({ ok: false, failed: 'invitation' });
    expect((await events().findById(eventId))!.counts.confirmed).toBe(1);
  });

  it('never takes a seat beyond the capacity', async () => {
    const { eventId, invitations } = await seed({ capacity: 3 }, 12);
    const outcomes = [];
    for (const invitation of invitations) outcomes.push(await confirm(invitation));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(3);
    // 'full': the tally says no seat is left for a newcomer (the caller waitlists them).
    expect(outcomes.filter((o) => !o.ok).every((o) => !o.ok && o.failed === 'full')).toBe(true);
    expect((await events().findById(eventId))!.counts.confirmed).toBe(3);
  });

  it('a free seat goes to the waiting list first: a newcomer waits while anyone waits', async () => {
    const { eventId, invitations } = await seed({ capacity: 2 }, 3);
    expect((await confirm(invitations[0]!)).ok).toBe(true);
    const waiting = await repo().transition({ invitation: invitations[1]!, to: 'waitlisted', at: AT, seat: false, enforceDeadline: true });
    expect(waiting.ok).toBe(true);
    // One seat is free (1 of 2) but someone waits: the newcomer is refused the seat...
    expect(await confirm(invitations[2]!)).toEqual({ ok: false, failed: 'full' });
    // ...and the head of the list gets it.
    const promoted = await repo().transition({
      invitation: (waiting as { invitation: StoredInvitation }).invitation,
      to: 'confirmed',
      at: AT,
      seat: true,
      enforceDeadline: false,
      requireWaitItem: true,
    });
    expect(promoted.ok).toBe(true);
    expect((await events().findById(eventId))!.counts).toMatchObject({ confirmed: 2, waitlisted: 0 });
  });

  it('refuses after the deadline and for an event no longer published', async () => {
    const late = await seed({ registrationClosesAt: '2027-01-10T02:59:59.999Z' });
    expect(await confirm(late.invitations[0]!)).toEqual({ ok: false, failed: 'event' });
    const organiserLate = await repo().transition({ invitation: late.invitations[0]!, to: 'declined', at: AT, seat: false, enforceDeadline: false });
    expect(organiserLate.ok).toBe(true);
    const cancelled = await seed({ status: 'cancelled' });
    expect(await confirm(cancelled.invitations[0]!)).toEqual({ ok: false, failed: 'event' });
  });

  it('keeps the waiting list in order and takes the item away with the promotion', async () => {
    const { eventId, invitations } = await seed({ capacity: 1 }, 3);
    const waits = [];
    for (const [i, invitation] of invitations.entries()) {
      const outcome = await repo().transition({ invitation, to: 'waitlisted', at: `2027-01-10T03:00:0${i}.000Z`, seat: false, enforceDeadline: true });
      expect(outcome.ok).toBe(true);
      if (outcome.ok) waits.push(outcome.invitation);
    }
    expect((await repo().listWaitlist(eventId)).map((w) => w.invitationId)).toEqual(invitations.map((i) => i.invitationId));
    const head = (await repo().headOfWaitlist(eventId))!;
    expect(head.invitationId).toBe(invitations[0]!.invitationId);
    const promoted = await repo().transition({ invitation: waits[0]!, to: 'confirmed', at: AT, seat: true, enforceDeadline: false, requireWaitItem: true, notice: 'promoted' });
    expect(promoted.ok).toBe(true);
    expect((await repo().headOfWaitlist(eventId))!.invitationId).toBe(invitations[1]!.invitationId);
    const full = await repo().transition({ invitation: waits[1]!, to: 'confirmed', at: AT, seat: true, enforceDeadline: false, requireWaitItem: true });
    expect(full).toEqual({ ok: false, failed: 'event' });
    expect((await events().findById(eventId))!.counts).toMatchObject({ confirmed: 1, waitlisted: 2 });
  });
});
