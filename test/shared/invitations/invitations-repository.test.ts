import { beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../../shared/aws/dynamodb-client.js';
import { hashToken, newId } from '../../../shared/auth/secret-tokens.js';
import { createEventsRepository } from '../../../shared/events/events-repository.js';
import { createInvitationsRepository, EventNotOpenSignal } from '../../../shared/invitations/invitations-repository.js';
import { createLinkTokens } from '../../../shared/invitations/link-tokens.js';
import { guest } from '../../support/guest.js';
import { createTestTable, TEST_LINK_SECRET } from '../../support/test-context.js';

/** The repository against DynamoDB Local: only a real engine proves the conditions hold. */
let repo: ReturnType<typeof createInvitationsRepository>;
let events: ReturnType<typeof createEventsRepository>;
/** The repository's DynamoDB calls by command name (GetItemCommand…), counted while `counting` holds. */
const calls = new Map<string, number>();
let counting = false;

beforeAll(async () => {
  const { tableName, endpoint } = await createTestTable();
  const db = createDocumentClient({ region: 'local', endpoint });
  db.middlewareStack.add(
    (next, context) => (args) => {
      const name = (context as { commandName?: string }).commandName ?? '?';
      if (counting) calls.set(name, (calls.get(name) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'countReads' },
  );
  repo = createInvitationsRepository(db, tableName, createLinkTokens(TEST_LINK_SECRET));
  events = createEventsRepository(db, tableName);
});

let eventSeq = 0;
async function newEvent(status: 'draft' | 'cancelled' = 'draft', eventId = `event-${(eventSeq += 1)}-${Date.now()}`) {
  const now = new Date().toISOString();
  await events.insertEvent({
    eventId,
    type: 'meeting',
    title: { vi: 'Họp' },
    venue: 'Buôn Ma Thuột',
    startsAt: now,
    endsAt: now,
    requiresApproval: false,
    fields: [],
    status,
    counts: { invited: 0, confirmed: 0, waitlisted: 0, pending: 0, declined: 0, checkedIn: 0 },
    createdAt: now,
    updatedAt: now,
    createdBy: 'test',
    version: 1,
  });
  return eventId;
}

describe('insertInvitations', () => {
  it('writes many transactions, each with its guard, token and counter', async () => {
    const eventId = await newEvent();
    const outcome = await repo.insertInvitations(eventId, Array.from({ length: 100 }, (_, i) => guest(eventId, i)));
    expect(outcome.created).toHaveLength(100);
    expect(outcome.duplicates).toEqual([]);
    expect((await events.findById(eventId))!.counts.invited).toBe(100);
    const { token, invitationId } = outcome.created.find((c) => c.invitation.email === 'guest7@example.org')!;
    const found = await repo.findByTokenHash(hashToken(token));
    expect(found).toMatchObject({ invitationId, email: 'guest7@example.org' });
    expect(JSON.stringify(found)).not.toContain(token);
  });

  it('finds taken addresses inside a transaction, sets them aside and writes the rest', async () => {
    const eventId = await newEvent();
    await repo.insertInvitations(eventId, [guest(eventId, 3), guest(eventId, 20)]);
    // Bypassing the pre-check: the conditions alone must catch both duplicates.
    const outcome = await repo.insertInvitations(eventId, Array.from({ length: 40 }, (_, i) => guest(eventId, i)));
    expect(outcome.created).toHaveLength(38);
    expect(outcome.duplicates.map((d) => d.email).sort()).toEqual(['guest20@example.org', 'guest3@example.org']);
    expect((await events.findById(eventId))!.counts.invited).toBe(40);
    expect(await repo.findTakenAddresses(eventId, ['INVEMAIL#guest3@example.org', 'INVEMAIL#nobody@example.org'])).toEqual(
      new Set(['INVEMAIL#guest3@example.org']),
    );
  });

  it('two writers of the same list at once: each invitation once, the counter exact', async () => {
    const eventId = await newEvent();
    const list = Array.from({ length: 150 }, (_, i) => guest(eventId, i));
    const [a, b] = await Promise.all([repo.insertInvitations(eventId, list), repo.insertInvitations(eventId, list)]);
    expect(a.created.length + b.created.length).toBe(150);
    expect(a.duplicates.length + b.duplicates.length).toBe(150);
    expect(a.failed.length + b.failed.length).toBe(0);
    expect(await repo.listAllByEvent(eventId)).toHaveLength(150);
    expect((await events.findById(eventId))!.counts.invited).toBe(150);
  });

  it('writes nothing into a cancelled event', async () => {
    const eventId = await newEvent('cancelled');
    await expect(repo.insertInvitations(eventId, [guest(eventId, 1)])).rejects.toBeInstanceOf(EventNotOpenSignal);
    expect(await repo.listAllByEvent(eventId)).toEqual([]);
  });
});

describe('rotateToken', () => {
  it('makes a new link and revokes the one before; only hashes are stored', async () => {
    const eventId = await newEvent();
    const { created } = await repo.insertInvitations(eventId, [guest(eventId, 1)]);
    const first = created[0]!;
    const second = (await repo.rotateToken(eventId, first.invitationId))!;
    expect(second).not.toBe(first.token);
    expect(await repo.findByTokenHash(hashToken(first.token))).toBeUndefined();
    expect((await repo.findByTokenHash(hashToken(second)))?.invitationId).toBe(first.invitationId);
    expect(await repo.rotateToken(eventId, 'no-such-invitation')).toBeUndefined();
    // Several senders at once: exactly one link stays valid.
    const tokens = await Promise.all([1, 2, 3].map(() => repo.rotateToken(eventId, first.invitationId)));
    const valid = await Promise.all(tokens.map(async (t) => Boolean(await repo.findByTokenHash(hashToken(t!)))));
    expect(valid.filter(Boolean)).toHaveLength(1);
  });
});

describe('findByLink', () => {
  /** What one call of `work` costs in DynamoDB calls, by command. */
  async function callsOf(work: () => Promise<unknown>): Promise<Record<string, number>> {
    calls.clear();
    counting = true;
    try {
      await work();
    } finally {
      counting = false;
    }
    return Object.fromEntries(calls);
  }

  async function invited(count = 1) {
    const eventId = await newEvent('draft', newId());
    const { created } = await repo.insertInvitations(eventId, Array.from({ length: count }, (_, i) => guest(eventId, i)));
    const stored = await Promise.all(created.map((c) => repo.findById(eventId, c.invitationId)));
    return { eventId, created, stored: stored.map((s) => s!) };
  }

  it('opens the link the mails carry with one read of the invitation, and a link mailed before with two', async () => {
    const { created, stored } = await invited();
    const link = repo.linkTokenOf(stored[0]!);
    expect(link).toMatch(/^[A-Za-z0-9_-]{54}$/);
    let found: unknown;
    expect(await callsOf(async () => (found = await repo.findByLink(link)))).toEqual({ GetItemCommand: 1 });
    expect(found).toMatchObject({ invitationId: created[0]!.invitationId, email: 'guest0@example.org' });
    // The token mailed before this shape: the link item, then the invitation.
    expect(await callsOf(async () => (found = await repo.findByLink(created[0]!.token)))).toEqual({ GetItemCommand: 2 });
    expect(found).toMatchObject({ invitationId: created[0]!.invitationId });
  });

  it('opens nothing with a changed secret, another invitation\'s id or another event\'s id', async () => {
    const { stored } = await invited(2);
    const [first, second] = [repo.linkTokenOf(stored[0]!), repo.linkTokenOf(stored[1]!)];
    const secret = first.slice(32);
    const flipped = `${first.slice(0, 40)}${first[40] === 'A' ? 'B' : 'A'}${first.slice(41)}`;
    const otherEvent = await newEvent('draft', newId());
    for (const tampered of [flipped, `${second.slice(0, 32)}${secret}`, `${otherEvent}${first.slice(16)}`, `${first.slice(0, 16)}${newId()}${secret}`]) {
      expect(await repo.findByLink(tampered)).toBeUndefined();
    }
    expect(await repo.findByLink(second)).toMatchObject({ invitationId: stored[1]!.invitationId });
  });

  it('opens nothing with a link replaced by a new one, in either shape, nor once the invitation is removed', async () => {
    const { eventId, created, stored } = await invited();
    const before = repo.linkTokenOf(stored[0]!);
    await repo.rotateToken(eventId, created[0]!.invitationId);
    const rotated = (await repo.findById(eventId, created[0]!.invitationId))!;
    const after = repo.linkTokenOf(rotated);
    expect(after).not.toBe(before);
    expect(await repo.findByLink(before)).toBeUndefined();
    expect(await repo.findByLink(created[0]!.token)).toBeUndefined();
    expect(await repo.findByLink(after)).toMatchObject({ invitationId: created[0]!.invitationId });
    await repo.deleteInvitation(rotated);
    expect(await repo.findByLink(after)).toBeUndefined();
  });
});
