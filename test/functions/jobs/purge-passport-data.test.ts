import { afterEach, describe, expect, it, vi } from 'vitest';
import { PASSPORT_CONSENT_VERSION } from '../../../shared/delegations/passport-data.js';
import { createTestContext } from '../../support/test-context.js';
import { createEvent } from '../api/invitations-support.js';

/**
 * The purge as the cloud runs it (infra/api-stack.ts: a daily EventBridge rule invokes this
 * handler), against DynamoDB Local, with the environment that stack gives it: the table and
 * nothing else.
 */
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('the passport purge Lambda', () => {
  it('runs with TABLE_NAME alone (no link secret, no public URL) and purges a trip ended past the retention', async () => {
    // The member was entered during the trip; the purge runs today, long past its retention.
    const ctx = await createTestContext({ now: () => new Date('2015-05-12T00:00:00Z') });
    const organiser = await ctx.as('organiser');
    const eventId = await createEvent(organiser, {
      type: 'delegation',
      title: { vi: 'Đoàn công tác Mondulkiri 2015' },
      venue: 'Sen Monorom, Mondulkiri',
      startsAt: '2015-05-10T08:00:00+07:00',
      endsAt: '2015-05-14T17:00:00+07:00',
    });
    const added = await organiser('POST', `/api/events/${eventId}/delegation/members`, {
      body: {
        name: 'Y Ngông Niê Kdăm',
        role: 'head',
        details: { passportNumber: 'B1234567', passportExpiry: '2020-01-01', nationality: 'Việt Nam' },
        consent: { version: PASSPORT_CONSENT_VERSION },
      },
    });
    expect(added.status).toBe(201);

    // Exactly what the stack sets, plus where DynamoDB Local is; nothing the API needs.
    for (const name of ['LINK_SECRET', 'PUBLIC_URL', 'MAIL_FROM', 'PASSPORT_RETENTION_DAYS']) vi.stubEnv(name, undefined);
    vi.stubEnv('TABLE_NAME', ctx.tableName);
    vi.stubEnv('DYNAMODB_ENDPOINT', ctx.config.dynamodbEndpoint!);
    vi.stubEnv('AWS_REGION', 'local');
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const { handler } = await import('../../../functions/jobs/purge-passport-data.js');

    expect(await handler()).toEqual({ purged: [{ eventId, people: 1 }] });
    const member = (await ctx.deps.invitations.invitations.findById(eventId, added.body.member.invitationId))!;
    expect(member.details).toEqual({ nationality: 'Việt Nam', delegationRole: 'Trưởng đoàn' });
    // Run again (a retried invocation, the next day): nothing more to do.
    expect(await handler()).toEqual({ purged: [] });
  });
});
