import { describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { createSesMailer } from '../../../shared/email/ses-mailer.js';
import { createDocumentClient } from '../../../shared/aws/dynamodb-client.js';
import { createEventsRepository } from '../../../shared/events/events-repository.js';
import { createTestContext } from '../../support/test-context.js';

/** Faults the local engines cannot make, through aws-sdk-client-mock. */
/** Gives the events repository its own client whose reads fail with `error`; sessions stay real. */
function failEventReads(ctx: Awaited<ReturnType<typeof createTestContext>>, error: Error) {
  const failing = createDocumentClient({ region: 'local', endpoint: 'http://127.0.0.1:9' });
  const mock = mockClient(failing);
  mock.on(GetCommand).rejects(error);
  // An event is read with its tallies in one Query (shared/events/event-tallies-repository.ts).
  mock.on(QueryCommand).rejects(error);
  ctx.deps.events.events = createEventsRepository(failing, ctx.tableName);
  return mock;
}

describe('faults of the AWS services', () => {

  it('answers 503 "busy" with Retry-After when DynamoDB throttles beyond the SDK retries', async () => {
    const ctx = await createTestContext();
    const organiser = await ctx.as('organiser');
    failEventReads(ctx, Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), { name: 'ProvisionedThroughputExceededException' }));
    const response = await organiser('GET', '/api/events/any');
    expect(response.status).toBe(503);
    expect(response.body.error).toBe('service_busy');
    expect(response.headers.get('retry-after')).toBe('2');
    expect(JSON.stringify(response.body)).not.toMatch(/throughput|Exception/i);
  });

  it('answers a generic 500 with a request id and no AWS wording for an unexpected failure', async () => {
    const ctx = await createTestContext();
    const organiser = await ctx.as('organiser');
    failEventReads(ctx, Object.assign(new Error('User: arn:aws:iam::123:role/x is not authorized to perform dynamodb:GetItem'), { name: 'AccessDeniedException' }));
    const response = await organiser('GET', '/api/events/any', { headers: { 'accept-language': 'en' } });
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ error: 'internal', message: expect.stringMatching(/went wrong/), details: { requestId: expect.any(String) } });
    expect(JSON.stringify(response.body)).not.toMatch(/arn:aws|dynamodb|AccessDenied/i);
  });
});

describe('a mail service that rejects the set-password mail', () => {
  it('still creates the account; the admin sees the link failed and can send another', async () => {
    const client = new SESv2Client({ region: 'local' });
    const ses = mockClient(client);
    ses.on(SendEmailCommand).rejects(Object.assign(new Error('Email address is not verified.'), { name: 'MessageRejected' }));
    const ctx = await createTestContext();
    const admin = await ctx.as('admin');
    const response = await admin('POST', '/api/users', { body: { email: 'new@example.org', name: 'Lê Văn Nam', role: 'staff' } });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ user: { email: 'new@example.org', passwordLink: { state: 'queued' } }, passwordLinkSent: true });
    expect(await ctx.deliverQueuedMail(createSesMailer(client, { from: 'no-reply@example.org' }))).toEqual(['failed']);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
    const userId = response.body.user.userId as string;
    expect((await admin('GET', `/api/users/${userId}`)).body.user.passwordLink).toMatchObject({ state: 'failed', reason: expect.stringContaining('not verified') });
    // Not retried on its own: the admin's new request queues a new link.
    expect(await ctx.deliverQueuedMail()).toEqual([]);
    expect((await admin('POST', `/api/users/${userId}/password-link`)).status).toBe(202);
    expect(await ctx.deliverQueuedMail()).toEqual(['sent']);
    expect(ctx.mailer.to('new@example.org')).toHaveLength(1);
    ses.restore();
  });
});
