import { describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../../shared/aws/dynamodb-client.js';
import type { MailDeliveryDeps } from '../../../shared/email/deliver-outbox-message.js';
import type { Mailer } from '../../../shared/email/mailer.js';
import { createOutboxRepository } from '../../../shared/email/outbox-repository.js';
import type { QueueMailsDeps } from '../../../shared/email/queue-mails.js';
import { remindUnanswered } from '../../../shared/email/remind-unanswered.js';
import { resendInvitation } from '../../../shared/email/resend-invitation.js';
import { sendInvitations } from '../../../shared/email/send-invitations.js';
import { createSendJobsRepository } from '../../../shared/email/send-jobs-repository.js';
import type { StoredEvent } from '../../../shared/events/events-repository.js';
import type { StoredInvitation } from '../../../shared/invitations/invitations-repository.js';
import { startOutboxWorker } from '../../../functions/mail/outbox-worker.js';
import { type StoredMail, useSesEmulator } from '../../support/ses-emulator.js';
import { createTestTable } from '../../support/test-context.js';
import { insertEventWithInvitations } from './cloud-mail-fixture.js';

/**
 * The outbox against the real engines: DynamoDB Local and the SES emulator, whose store shows
 * every mail that went out.
 */
const ses = useSesEmulator('no-reply@example.org');
const realMailer: Mailer = { isReachable: () => ses().mailer.isReachable(), send: (mail) => ses().mailer.send(mail) };
const mailsSince = (since: number) => ses().mailsSince(since);

async function setUp(invitees: number, eventOverrides: Partial<StoredEvent> = {}) {
  const { tableName, endpoint } = await createTestTable();
  const db = createDocumentClient({ region: 'local', endpoint });
  const tag = Math.random().toString(36).slice(2, 8);
  const { events, eventId, invitations } = await insertEventWithInvitations(db, tableName, invitees, {
    tag,
    languageOf: (i) => (i % 3 === 0 ? 'en' : 'vi'),
    event: eventOverrides,
  });
  const outbox = createOutboxRepository(db, tableName);
  const findInvitation = async (e: string, id: string) => {
    const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
    const result = await db.send(new GetCommand({ TableName: tableName, Key: { pk: `EVENT#${e}`, sk: `INV#${id}` }, ConsistentRead: true }));
    return result.Item as StoredInvitation | undefined;
  };
  const listInvitations = async () => (await Promise.all(invitations.map((i) => findInvitation(eventId, i.invitationId)))) as StoredInvitation[];
  // The whole job in the call, so its answer is the final count (the API answers after 300 ms).
  const queueDeps: QueueMailsDeps = { outbox, events, jobs: createSendJobsRepository(db, tableName), now: () => new Date(), inlineBudgetMs: 60_000 };
  const deliveryDeps = (mailer: Mailer, leaseSeconds?: number): MailDeliveryDeps => ({
    outbox,
    events,
    findInvitation,
    linkFor: async (invitation) => `http://localhost:3000/r/token-of-${invitation.invitationId}`,
    mailer,
    now: () => new Date(),
    leaseSeconds,
  });
  const setResponse = async (invitationId: string, response: string) => {
    const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    await db.send(new UpdateCommand({ TableName: tableName, Key: { pk: `EVENT#${eventId}`, sk: `INV#${invitationId}` }, UpdateExpression: 'SET #r = :r', ExpressionAttributeNames: { '#r': 'response' }, ExpressionAttributeValues: { ':r': response } }));
  };
  return { eventId, tag, outbox, invitations, findInvitation, listInvitations, queueDeps, deliveryDeps, setResponse };
}

async function drain(deps: MailDeliveryDeps, outbox: ReturnType<typeof createOutboxRepository>, rate = 200) {
  const worker = startOutboxWorker(deps, { ratePerSecond: rate, pollMs: 20 });
  try {
    await expect.poll(() => outbox.countPending(), { timeout: 60_000, interval: 50, message: 'messages left in the outbox' }).toBe(0);
  } finally {
    await worker.stop();
  }
}

const to = (mail: StoredMail) => mail.destination.to[0]!;

describe('sending invitations through the outbox', () => {
  it('mails each invitee exactly once, in their language, each with their own link; a second send sends nothing; a resend adds one', async () => {
    const since = Math.floor(Date.now() / 1000) - 1;
    const s = await setUp(12);
    expect(await sendInvitations(s.queueDeps, s.eventId)).toMatchObject({ queued: 12, job: { state: 'done', queued: 12 } });
    // A double click, or the browser retrying the request, queues nothing more.
    expect(await sendInvitations(s.queueDeps, s.eventId)).toMatchObject({ queued: 0, job: { state: 'done', queued: 0 } });
    await drain(s.deliveryDeps(realMailer), s.outbox);

    const mails = (await mailsSince(since)).filter((m) => to(m).endsWith(`.${s.tag}@example.org`));
    expect(mails).toHaveLength(12);
    expect(new Set(mails.map(to)).size).toBe(12);
    const links = mails.map((m) => m.body.text.match(/http:\/\/localhost:3000\/r\/\S+/)![0]);
    expect(new Set(links).size).toBe(12);
    const english = mails.find((m) => to(m).startsWith('guest0.'))!;
    expect(english.subject).toBe('Invitation: NGO conference');
    expect(mails.find((m) => to(m).startsWith('guest1.'))!.subject).toBe('Thư mời: Hội nghị NGO');
    for (const invitation of await s.listInvitations()) {
      expect(invitation.emailStatus).toBe('sent');
      expect(invitation.invitedAt).toBeTruthy();
    }

    expect(await sendInvitations(s.queueDeps, s.eventId)).toMatchObject({ queued: 0, job: { state: 'done', queued: 0 } });
    const first = (await s.findInvitation(s.eventId, 'inv-1'))!;
    expect(await resendInvitation(s.queueDeps, first)).toEqual({ queued: 1 });
    await drain(s.deliveryDeps(realMailer), s.outbox);
    const after = (await mailsSince(since)).filter((m) => to(m).endsWith(`.${s.tag}@example.org`));
    expect(after).toHaveLength(13);
    expect(after.filter((m) => to(m) === `guest1.${s.tag}@example.org`)).toHaveLength(2);
  });

  it('reminds only those who were mailed and have not answered, and records when', async () => {
    const since = Math.floor(Date.now() / 1000) - 1;
    const s = await setUp(4);
    await sendInvitations(s.queueDeps, s.eventId);
    await drain(s.deliveryDeps(realMailer), s.outbox);
    await s.setResponse('inv-1', 'confirmed');
    await s.setResponse('inv-2', 'declined');

    expect(await remindUnanswered(s.queueDeps, s.eventId)).toMatchObject({ queued: 2, job: { state: 'done', queued: 2 } });
    expect(await remindUnanswered(s.queueDeps, s.eventId)).toMatchObject({ queued: 0, job: { state: 'done', queued: 0 } });
    await drain(s.deliveryDeps(realMailer), s.outbox);

    const reminders = (await mailsSince(since)).filter((m) => to(m).endsWith(`.${s.tag}@example.org`) && /Reminder|Nhắc lại/.test(m.subject));
    expect(reminders.map(to).sort()).toEqual([`guest0.${s.tag}@example.org`, `guest3.${s.tag}@example.org`]);
    expect((await s.findInvitation(s.eventId, 'inv-0'))!.remindedAt).toBeTruthy();
    expect((await s.findInvitation(s.eventId, 'inv-1'))!.remindedAt).toBeUndefined();
  });

  it('retries throttling with backoff and still sends each mail once', async () => {
    const since = Math.floor(Date.now() / 1000) - 1;
    const s = await setUp(30);
    let calls = 0;
    const throttled: Mailer = {
      isReachable: () => realMailer.isReachable(),
      async send(mail) {
        calls += 1;
        if (calls % 10 === 3) throw Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'TooManyRequestsException', $metadata: { httpStatusCode: 429 } });
        return realMailer.send(mail);
      },
    };
    await sendInvitations(s.queueDeps, s.eventId);
    await drain(s.deliveryDeps(throttled), s.outbox);
    // Every invitation ends sent (a failure here names the ones that did not, and why).
    const unsent = (await s.listInvitations()).filter((i) => i.emailStatus !== 'sent');
    expect(unsent.map((i) => ({ id: i.invitationId, status: i.emailStatus, error: i.emailError }))).toEqual([]);
    const mails = (await mailsSince(since)).filter((m) => to(m).endsWith(`.${s.tag}@example.org`));
    expect(mails).toHaveLength(30);
    expect(new Set(mails.map(to)).size).toBe(30);
    expect(calls).toBeGreaterThan(30);
  });

  it('after a sender dies mid-send, a new one sends the rest and nothing twice', async () => {
    const since = Math.floor(Date.now() / 1000) - 1;
    const s = await setUp(20);
    await sendInvitations(s.queueDeps, s.eventId);
    // The first sender hands 5 mails to SES, then dies while SES holds the 6th: its promise never
    // settles, as if the process had been killed between SES and our record.
    let handed = 0;
    const dying: Mailer = {
      isReachable: async () => true,
      async send(mail) {
        handed += 1;
        if (handed <= 5) return realMailer.send(mail);
        if (handed === 6) await realMailer.send(mail);
        return new Promise(() => undefined);
      },
    };
    const first = startOutboxWorker(s.deliveryDeps(dying, 1), { ratePerSecond: 100, pollMs: 20, concurrency: 1 });
    await expect.poll(() => handed, { timeout: 30_000, interval: 20 }).toBeGreaterThanOrEqual(6);
    void first; // abandoned, like a killed process

    await new Promise((r) => setTimeout(r, 1100)); // the dead sender's lease runs out
    await drain(s.deliveryDeps(realMailer, 1), s.outbox);

    const mails = (await mailsSince(since)).filter((m) => to(m).endsWith(`.${s.tag}@example.org`));
    const counts = new Map<string, number>();
    for (const mail of mails) counts.set(to(mail), (counts.get(to(mail)) ?? 0) + 1);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(counts.size).toBe(20);
    const statuses = (await s.listInvitations()).map((i) => i.emailStatus);
    // The one in SES's hands when the sender died cannot be proven sent: it is not sent again,
    // and the console shows it as failed ("interrupted") for the organiser to resend if needed.
    expect(statuses.filter((x) => x === 'sent')).toHaveLength(19);
    const interrupted = (await s.listInvitations()).find((i) => i.emailStatus === 'failed') as StoredInvitation & { emailError?: string };
    expect(interrupted.emailError).toMatch(/interrupted/);
  });

  it('skips a suppressed address and does not mail for a cancelled event', async () => {
    const since = Math.floor(Date.now() / 1000) - 1;
    const s = await setUp(3);
    await s.outbox.suppress({ email: `guest1.${s.tag}@example.org`, reason: 'bounce', at: new Date().toISOString() });
    await sendInvitations(s.queueDeps, s.eventId);
    await drain(s.deliveryDeps(realMailer), s.outbox);
    const mails = (await mailsSince(since)).filter((m) => to(m).endsWith(`.${s.tag}@example.org`));
    expect(mails.map(to).sort()).toEqual([`guest0.${s.tag}@example.org`, `guest2.${s.tag}@example.org`]);
    expect((await s.findInvitation(s.eventId, 'inv-1'))!.emailStatus).toBe('suppressed');

    const cancelled = await setUp(2, { status: 'cancelled' });
    await expect(sendInvitations(cancelled.queueDeps, cancelled.eventId)).rejects.toMatchObject({ code: 'event_not_published' });
  });
});
