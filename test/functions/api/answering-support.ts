import type { TestContext } from '../../support/test-context.js';
import { createEvent } from './invitations-support.js';

/** A clock the test moves: answers before and after a deadline in one run. */
export function testClock(start = '2027-01-10T03:00:00.000Z') {
  let current = new Date(start);
  const now = () => new Date(current);
  return Object.assign(now, { set: (iso: string) => void (current = new Date(iso)) });
}

export const forum = {
  type: 'youth_forum',
  title: { vi: 'Diễn đàn thanh niên hữu nghị', en: 'Youth friendship forum' },
  venue: 'Nhà văn hóa thanh niên, Buôn Ma Thuột',
  startsAt: '2027-03-10T08:00:00+07:00',
  endsAt: '2027-03-10T17:00:00+07:00',
  registrationClosesAt: '2027-03-01T17:00:00+07:00',
};

export type Invitee = { invitationId: string; name: string; email: string; token: string };

/**
 * A published event with `count` invitees, each with their personal link's token. Names are
 * numbered in the order given so a test can say who answered first.
 */
export async function publishedEvent(ctx: TestContext, count: number, overrides: Record<string, unknown> = {}) {
  const organiser = await ctx.as('organiser');
  const eventId = await createEvent(organiser, { ...forum, ...overrides });
  const invitees = Array.from({ length: count }, (_, i) => ({ name: `Khách ${String(i + 1).padStart(4, '0')}`, email: `guest${i + 1}@example.org` }));
  for (let i = 0; i < invitees.length; i += 1000) {
    const imported = await organiser('POST', `/api/events/${eventId}/invitations`, { body: { invitees: invitees.slice(i, i + 1000) } });
    if (imported.status !== 200) throw new Error(`import failed: ${imported.status} ${JSON.stringify(imported.body)}`);
  }
  const published = await organiser('POST', `/api/events/${eventId}/publish`);
  if (published.status !== 200) throw new Error(`publish failed: ${published.status} ${JSON.stringify(published.body)}`);
  const stored = await ctx.deps.invitations.invitations.listAllByEvent(eventId);
  const byEmail = new Map(stored.map((s) => [s.email, s]));
  const people: Invitee[] = invitees.map((i) => {
    const s = byEmail.get(i.email)!;
    return { invitationId: s.invitationId, name: s.name, email: i.email, token: ctx.deps.invitations.invitations.linkTokenOf(s) };
  });
  return { organiser, eventId, people };
}

export async function countsOf(ctx: TestContext, eventId: string) {
  return (await ctx.deps.events.events.findById(eventId))!.counts;
}

/** Responses as stored, counted; what the event's counters must agree with. */
export async function tally(ctx: TestContext, eventId: string) {
  const all = await ctx.deps.invitations.invitations.listAllByEvent(eventId);
  const tally: Record<string, number> = {};
  for (const i of all) tally[i.response] = (tally[i.response] ?? 0) + 1;
  return tally;
}

/** The outbox messages of an event not yet delivered. */
export async function outboxOf(ctx: TestContext, eventId: string) {
  const due = await ctx.deps.mail.outbox.listDue('9999-12-31T00:00:00.000Z', 10000);
  return due.filter((m) => m.eventId === eventId);
}
