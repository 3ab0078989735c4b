import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/test-context.js';
import { createEvent, postCsv } from './invitations-support.js';

async function invited() {
  const ctx = await createTestContext();
  const organiser = await ctx.as('organiser');
  const eventId = await createEvent(organiser);
  await postCsv(ctx, organiser.cookie, eventId, 'name,email,phone\nLê Văn Nam,nam@example.org,\nY Khoa Niê,,0912 345 678\nH\'Linh Niê,linh@example.org,\n');
  return { ctx, organiser, eventId };
}

describe('send, resend and remind routes', () => {
  it('queues the invitations with an address once and answers 202; staff may not send', async () => {
    const { ctx, organiser, eventId } = await invited();
    expect((await organiser('POST', `/api/events/${eventId}/invitations/send`)).body.error).toBe('event_not_published');
    await organiser('POST', `/api/events/${eventId}/publish`);
    const staff = await ctx.as('staff');
    expect((await staff('POST', `/api/events/${eventId}/invitations/send`, { body: {} })).status).toBe(403);

    const first = await organiser('POST', `/api/events/${eventId}/invitations/send`, { body: {} });
    expect(first).toMatchObject({ status: 202, body: { queued: 2, job: { kind: 'invitation', state: 'done', queued: 2, total: 2 } } });
    expect((await organiser('POST', `/api/events/${eventId}/invitations/send`)).body).toMatchObject({ queued: 0, job: { state: 'done', queued: 0 } });
    // The job stays readable, with its final count, for the console's progress.
    const sending = await organiser('GET', `/api/events/${eventId}/invitations/sending`);
    expect(sending.body.items).toEqual([expect.objectContaining({ kind: 'invitation', state: 'done', queued: 0 })]);
    expect((await organiser('GET', `/api/events/${eventId}/invitations/counts`)).body.counts.sending).toEqual(sending.body.items);
    const items = (await organiser('GET', `/api/events/${eventId}/invitations`)).body.items as { name: string; emailStatus: string }[];
    expect(items.find((i) => i.name === 'Y Khoa Niê')!.emailStatus).toBe('not_sent');
    expect(items.filter((i) => i.emailStatus === 'queued')).toHaveLength(2);
  });

  it('refuses a resend while the mail is still waiting, and 404s an unknown invitation', async () => {
    const { organiser, eventId } = await invited();
    await organiser('POST', `/api/events/${eventId}/publish`);
    const [item] = (await organiser('GET', `/api/events/${eventId}/invitations?q=nam`)).body.items;
    await organiser('POST', `/api/events/${eventId}/invitations/send`, { body: { invitationIds: [item.invitationId] } });
    const resend = await organiser('POST', `/api/events/${eventId}/invitations/${item.invitationId}/resend`);
    expect(resend.status).toBe(409);
    expect(resend.body.error).toBe('invitation_not_resendable');
    expect((await organiser('POST', `/api/events/${eventId}/invitations/nobody/resend`)).status).toBe(404);
  });

  it('reminds nobody before anyone was mailed, and rejects a malformed selection', async () => {
    const { organiser, eventId } = await invited();
    await organiser('POST', `/api/events/${eventId}/publish`);
    expect((await organiser('POST', `/api/events/${eventId}/invitations/remind`)).body).toMatchObject({ queued: 0, job: { kind: 'reminder', state: 'done' } });
    expect((await organiser('POST', `/api/events/${eventId}/invitations/send`, { body: { invitationIds: 'all' } })).status).toBe(400);
  });
});
