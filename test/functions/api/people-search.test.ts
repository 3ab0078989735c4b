import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/test-context.js';
import { createEvent, postCsv } from './invitations-support.js';

/**
 * Issue 23: people found by the name a person types, the same ranking in the invitations list,
 * the attendees list and the check-in page's list; attendees in pages; the door's changes.
 */
const PEOPLE = [
  ['Đặng Thị Hương', 'Sở Ngoại vụ'],
  ['Nguyễn Thị Hương', 'Trường Đại học Tây Nguyên'],
  ['Trần Văn Nam', 'Trường Đại học Tây Nguyên'],
  ['Nguyễn Thị Phương', 'Hội Liên hiệp Phụ nữ'],
  ['Nguyễn Thị Thu Hương', 'UBND tỉnh'],
  ['Hương Thị Nguyễn', 'PACCOM'],
  ['Søren Ålund', 'Danish Red Cross'],
] as const;

async function eventWithPeople() {
  let offset = 0;
  const ctx = await createTestContext({ now: () => new Date(Date.now() + offset) });
  const clock = { advance: (ms: number) => void (offset += ms) };
  const organiser = await ctx.as('organiser');
  const eventId = await createEvent(organiser);
  const csv = ['name,email,organisation', ...PEOPLE.map(([name, org], i) => `${name},p${i}@example.org,${org}`)].join('\n');
  await postCsv(ctx, organiser.cookie, eventId, csv);
  await organiser('POST', `/api/events/${eventId}/publish`);
  const items = (await organiser('GET', `/api/events/${eventId}/invitations?limit=1000`)).body.items as { invitationId: string; name: string }[];
  for (const item of items) {
    const stored = (await ctx.deps.invitations.invitations.findById(eventId, item.invitationId))!;
    const token = ctx.deps.invitations.invitations.linkTokenOf(stored);
    expect((await ctx.request('POST', `/api/r/${token}/accept`, { body: {} })).status).toBe(200);
  }
  return { ctx, clock, organiser, eventId, ids: new Map(items.map((i) => [i.name, i.invitationId])) };
}

const names = (body: { items: { name: string }[] }) => body.items.map((i) => i.name);

describe('people found by the name typed (API)', () => {
  it('ranks the same way in invitations and attendees: exact names, whole words, then the organisation, marked', async () => {
    const { organiser, eventId } = await eventWithPeople();
    const expected = ['Nguyễn Thị Hương', 'Hương Thị Nguyễn', 'Nguyễn Thị Thu Hương'];
    const invitations = await organiser('GET', `/api/events/${eventId}/invitations?q=nguyen%20thi%20huong`);
    expect(invitations.status).toBe(200);
    expect(names(invitations.body)).toEqual(expected);
    const attendees = await organiser('GET', `/api/events/${eventId}/attendees?q=nguyen%20thi%20huong`);
    expect(names(attendees.body)).toEqual(expected);

    const byOrganisation = await organiser('GET', `/api/events/${eventId}/invitations?q=nguyen`);
    expect(byOrganisation.body.items.map((i: { name: string; matchedOn: string }) => [i.name, i.matchedOn])).toEqual([
      // Names holding the word, by given name; then the organisation's match, marked.
      ['Nguyễn Thị Hương', 'name'],
      ['Nguyễn Thị Thu Hương', 'name'],
      ['Hương Thị Nguyễn', 'name'],
      ['Nguyễn Thị Phương', 'name'],
      ['Trần Văn Nam', 'organisation'],
    ]);
    expect(names((await organiser('GET', `/api/events/${eventId}/attendees?q=soren`)).body)).toEqual(['Søren Ålund']);
  });

  it('pages a search and the attendees list with limit and cursor', async () => {
    const { organiser, eventId } = await eventWithPeople();
    const first = await organiser('GET', `/api/events/${eventId}/invitations?q=nguyen&limit=2`);
    const second = await organiser('GET', `/api/events/${eventId}/invitations?q=nguyen&limit=2&cursor=${first.body.nextCursor}`);
    const third = await organiser('GET', `/api/events/${eventId}/invitations?q=nguyen&limit=2&cursor=${second.body.nextCursor}`);
    expect([...names(first.body), ...names(second.body), ...names(third.body)]).toHaveLength(5);
    expect(third.body.nextCursor).toBeUndefined();

    const all = names((await organiser('GET', `/api/events/${eventId}/attendees`)).body);
    const pages: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await organiser('GET', `/api/events/${eventId}/attendees?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      pages.push(...names(page.body));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(pages).toEqual(all);
    expect(all).toHaveLength(PEOPLE.length);
  });

  it('starts the invitation list at a given name\'s first letter (one step to any part of it)', async () => {
    const { organiser, eventId } = await eventWithPeople();
    const all = names((await organiser('GET', `/api/events/${eventId}/invitations`)).body);
    const fromN = await organiser('GET', `/api/events/${eventId}/invitations?from=N`);
    expect(fromN.status).toBe(200);
    // In given-name order: Hương ×3, then Nam, Phương, Søren (S), … — from N on.
    expect(names(fromN.body)).toEqual(all.slice(all.indexOf('Trần Văn Nam')));
    expect(names(fromN.body)[0]).toBe('Trần Văn Nam');
  });

  it("gives the door its first screen from a small read: the whole list's first people, in its order, confirmed only", async () => {
    const { ctx, organiser, eventId, ids } = await eventWithPeople();
    const stored = (await ctx.deps.invitations.invitations.findById(eventId, ids.get('Đặng Thị Hương')!))!;
    const token = ctx.deps.invitations.invitations.linkTokenOf(stored);
    expect((await ctx.request('POST', `/api/r/${token}/withdraw`, { body: {} })).status).toBe(200);
    const staff = await ctx.as('staff');
    const whole = await staff('GET', `/api/events/${eventId}/attendees/door`);
    const first = await staff('GET', `/api/events/${eventId}/attendees/door/first?limit=3`);
    expect(first.status).toBe(200);
    expect(whole.body.items).toHaveLength(PEOPLE.length - 1);
    expect(first.body.items).toEqual(whole.body.items.slice(0, 3));
    expect(names(first.body)).not.toContain('Đặng Thị Hương');
    expect((await staff('GET', `/api/events/${eventId}/attendees/door/first?limit=0`)).status).toBe(400);
    expect((await organiser('GET', `/api/events/${eventId}/attendees/door/first`)).body.items).toHaveLength(PEOPLE.length - 1);
  });

  it('answers 404 for the door of an event that does not exist, list and first screen alike', async () => {
    const { ctx } = await eventWithPeople();
    const admin = await ctx.as('admin');
    for (const path of ['door', 'door/first']) {
      const answer = await admin('GET', `/api/events/no-such-event/attendees/${path}`);
      expect(answer.status).toBe(404);
      expect(answer.body.error).toBe('event_not_found');
    }
  });

  it('gives the door its list once, then only what changed since, and nothing when nothing did', async () => {
    const { ctx, clock, eventId, ids } = await eventWithPeople();
    const staff = await ctx.as('staff');
    // The answers were given just now; the door opens a little later.
    clock.advance(11_000);
    const list = await staff('GET', `/api/events/${eventId}/attendees/door`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(PEOPLE.length);
    expect(Object.keys(list.body.items[0]).sort()).toEqual(['name', 'organisation', 'registrationId']);

    // Ten seconds later, with nothing done: nothing to read.
    clock.advance(11_000);
    const quiet = await staff('GET', `/api/events/${eventId}/attendees/door/changes?since=${encodeURIComponent(list.body.cursor)}`);
    expect(quiet.body.items).toEqual([]);

    const an = ids.get('Nguyễn Thị Hương')!;
    expect((await staff('POST', `/api/events/${eventId}/attendees/${an}/check-in`)).status).toBe(200);
    const changed = await staff('GET', `/api/events/${eventId}/attendees/door/changes?since=${encodeURIComponent(quiet.body.cursor)}`);
    expect(changed.body.items).toEqual([expect.objectContaining({ registrationId: an, what: 'present', checkedInAt: expect.any(String) })]);
    expect((await staff('DELETE', `/api/events/${eventId}/attendees/${an}/check-in`)).status).toBe(200);
    const walkIn = await staff('POST', `/api/events/${eventId}/attendees/walk-ins`, { body: { name: 'Y Khoa Niê' } });
    expect(walkIn.status).toBe(201);
    const later = await staff('GET', `/api/events/${eventId}/attendees/door/changes?since=${encodeURIComponent(quiet.body.cursor)}`);
    expect(later.body.items.map((c: { what: string }) => c.what)).toEqual(['present', 'absent', 'joined']);
    expect(later.body.items[2].person).toMatchObject({ name: 'Y Khoa Niê', walkIn: true });
    // Changes of the last seconds are answered once more (a slower writer may still commit
    // before them); once settled, the cursor moves past them and a quiet door reads nothing.
    clock.advance(11_000);
    const again = await staff('GET', `/api/events/${eventId}/attendees/door/changes?since=${encodeURIComponent(later.body.cursor)}`);
    expect(again.body.items).toHaveLength(3);
    const settled = await staff('GET', `/api/events/${eventId}/attendees/door/changes?since=${encodeURIComponent(again.body.cursor)}`);
    expect(settled.body.items).toEqual([]);

    const bad = await staff('GET', `/api/events/${eventId}/attendees/door/changes?since=yesterday`);
    expect(bad.status).toBe(400);
  });
});
