import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { upgradeToUnits } from '../../../shared/units/upgrade-to-units.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

/**
 * The move to units on DynamoDB Local, on data made the way it was before units: events stored
 * without `unitId`, organiser and staff accounts without memberships.
 */
async function dataFromBeforeUnits() {
  const ctx = await createTestContext();
  const admin = await ctx.createUser('admin');
  const organiser = await ctx.createUser('organiser');
  const staff = await ctx.createUser('staff');
  const eventIds: string[] = [];
  for (const [i, year] of [2015, 2015, 2019, 2026].entries()) {
    const now = new Date().toISOString();
    const eventId = `old-event-${i}`;
    // As the repository stored an event before units: every attribute but a unit.
    await ctx.deps.events.events.insertEvent({
      eventId,
      type: 'meeting',
      title: { vi: `Họp thường kỳ ${i}` },
      venue: 'Buôn Ma Thuột',
      startsAt: `${year}-03-0${i + 1}T01:00:00.000Z`,
      endsAt: `${year}-03-0${i + 1}T03:00:00.000Z`,
      requiresApproval: false,
      fields: [],
      status: 'draft',
      counts: { invited: 0, confirmed: 0, waitlisted: 0, pending: 0, declined: 0, checkedIn: 0 },
      createdAt: now,
      updatedAt: now,
      createdBy: organiser.userId,
      version: 1,
    });
    eventIds.push(eventId);
  }
  return { ctx, admin, organiser, staff, eventIds };
}

const upgradeDeps = (ctx: TestContext) => ({ ...ctx.deps.units, events: ctx.deps.events.events, users: ctx.deps.auth.users });

/** Every item of the table that the upgrade may touch (events, users, units), as stored. */
async function storedItems(ctx: TestContext, eventIds: string[], userIds: string[]) {
  const items: Record<string, unknown>[] = [];
  for (const pk of [...eventIds.map((id) => `EVENT#${id}`), ...userIds.map((id) => `USER#${id}`), 'UNIT#union']) {
    const result = await ctx.db.send(new QueryCommand({ TableName: ctx.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true }));
    items.push(...(result.Items ?? []));
  }
  return items;
}

describe('the move to units', () => {
  it('gives every old event and account to the union once, loses nothing, and a second run changes nothing', async () => {
    const { ctx, admin, organiser, staff, eventIds } = await dataFromBeforeUnits();
    const userIds = [admin.userId, organiser.userId, staff.userId];
    const before = await storedItems(ctx, eventIds, userIds);

    const first = await upgradeToUnits(upgradeDeps(ctx));
    expect(first).toEqual({ skipped: false, events: 4, users: 2 });
    const after = await storedItems(ctx, eventIds, userIds);
    // Nothing lost: each item as before, plus its unit or membership and nothing else.
    for (const item of before) {
      const now = after.find((i) => i.pk === item.pk && i.sk === item.sk)!;
      expect(now).toMatchObject(item);
      const added = Object.keys(now).filter((key) => !(key in item));
      if (item.sk === 'EVENT') expect([added, now.unitId]).toEqual([['unitId'], 'union']);
      else if (item.sk === 'PROFILE' && item.role !== 'admin') expect([added, now.memberships]).toEqual([['memberships'], [{ unitId: 'union', role: item.role }]]);
      else expect(added).toEqual([]);
    }
    expect(after.find((i) => i.pk === 'UNIT#union')).toMatchObject({ unitId: 'union', name: { vi: 'Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk' } });

    const second = await upgradeToUnits(upgradeDeps(ctx));
    expect(second).toEqual({ skipped: true, events: 0, users: 0 });
    expect(await storedItems(ctx, eventIds, userIds)).toEqual(after);

    // The accounts keep what they had: the old organiser still reaches every event.
    const cookie = await ctx.signIn(organiser.email);
    const listed = await ctx.request('GET', '/api/events', { cookie });
    expect((listed.body.items as { eventId: string; unitId: string }[]).map((e) => [e.eventId, e.unitId]).sort()).toEqual(eventIds.map((id) => [id, 'union']));
  });

  it('run by two cold starts at once, moves each event and account exactly once', async () => {
    const { ctx, admin, organiser, staff, eventIds } = await dataFromBeforeUnits();
    const [a, b] = await Promise.all([upgradeToUnits(upgradeDeps(ctx)), upgradeToUnits(upgradeDeps(ctx))]);
    expect(a.events + b.events).toBe(4);
    expect(a.users + b.users).toBe(2);
    const items = await storedItems(ctx, eventIds, [admin.userId, organiser.userId, staff.userId]);
    expect(items.filter((i) => i.sk === 'EVENT').every((i) => i.unitId === 'union')).toBe(true);
    expect(await upgradeToUnits(upgradeDeps(ctx))).toEqual({ skipped: true, events: 0, users: 0 });
  });
});
