import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resendInvitation } from '../../../shared/email/resend-invitation.js';
import { sendInvitations } from '../../../shared/email/send-invitations.js';
import type { SesEvent } from '../../../shared/email/record-ses-event.js';
import { createSesEventsHandler, type SnsEvent } from '../../../functions/mail/ses-events.js';
import { createSqsSender } from '../../../functions/mail/sqs-sender.js';
import { setUpMail, sqsEventOf } from './cloud-mail-fixture.js';

/**
 * SES events as the configuration set publishes them through SNS, against DynamoDB Local: the
 * mails were sent by the SQS sender first, so the SES message ids are the ones it recorded.
 */

beforeEach(() => {
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

/** An SNS notification carrying one SES event, as Lambda receives it. */
function snsEventOf(...events: (SesEvent | string)[]): SnsEvent {
  return {
    Records: events.map((event, i) => ({
      Sns: { MessageId: `sns-${i}`, Message: typeof event === 'string' ? event : JSON.stringify(event) },
    })),
  };
}

async function sentMails(invitees: number) {
  const s = await setUpMail(invitees);
  await sendInvitations(s.queue, s.eventId);
  const send = createSqsSender(s.delivery);
  expect(await send(sqsEventOf(await s.dueIds()))).toEqual({ batchItemFailures: [] });
  const record = createSesEventsHandler({ outbox: s.outbox, now: () => new Date() });
  /** The SES message id the sender got for an invitee's mail. */
  const sesIdOf = async (invitationId: string) => {
    const stored = (await s.invitation(invitationId)) as { sesMessageId?: string };
    expect(stored.sesMessageId).toBeTruthy();
    return stored.sesMessageId!;
  };
  /** SES reports a bounce of an invitee's mail; answers the mail's SES message id. */
  const bounced = async (invitationId: string, bounce: NonNullable<SesEvent['bounce']>, mail: Omit<SesEvent['mail'], 'messageId'> = {}) => {
    const messageId = await sesIdOf(invitationId);
    await record(snsEventOf({ eventType: 'Bounce', mail: { ...mail, messageId }, bounce }));
    return messageId;
  };
  return { ...s, send, record, sesIdOf, bounced };
}

describe('the SES-events handler', () => {
  it('marks a delivered mail delivered', async () => {
    const s = await sentMails(2);
    const messageId = await s.sesIdOf('inv-0');
    await s.record(snsEventOf({ eventType: 'Delivery', mail: { messageId, destination: ['guest0@example.org'] } }));
    expect((await s.invitation('inv-0')).emailStatus).toBe('delivered');
    expect((await s.invitation('inv-1')).emailStatus).toBe('sent');
  });

  it('marks a hard bounce bounced and suppresses the address, so a later send skips it', async () => {
    const s = await sentMails(2);
    const messageId = await s.bounced(
      'inv-1',
      { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: 'Guest1@Example.org', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }] },
      { destination: ['guest1@example.org'] },
    );
    expect(await s.invitation('inv-1')).toMatchObject({ emailStatus: 'bounced', emailError: 'General' });
    expect(await s.outbox.findSuppression('guest1@example.org')).toMatchObject({ reason: 'bounce', detail: 'smtp; 550 5.1.1 user unknown' });
    // A late Delivery event does not hide the bounce.
    await s.record(snsEventOf({ eventType: 'Delivery', mail: { messageId } }));
    expect((await s.invitation('inv-1')).emailStatus).toBe('bounced');

    // Later mail: to the bounced address it is dropped unsent, to the other it goes.
    await s.outbox.queueNotice({ messageId: 'inv-1.confirmed.1', kind: 'confirmed', eventId: s.eventId, invitationId: 'inv-1', at: new Date().toISOString() });
    await resendInvitation(s.queue, await s.invitation('inv-0'));
    await s.send(sqsEventOf(await s.dueIds()));
    expect(s.mailer.to('guest0@example.org')).toHaveLength(2);
    expect(s.mailer.to('guest1@example.org')).toHaveLength(1);
    expect(await s.outbox.countPending()).toBe(0);
  });

  it('keeps an address that bounced only softly', async () => {
    const s = await sentMails(1);
    await s.bounced('inv-0', { bounceType: 'Transient', bounceSubType: 'MailboxFull', bouncedRecipients: [{ emailAddress: 'guest0@example.org' }] });
    expect((await s.invitation('inv-0')).emailStatus).toBe('sent');
    expect(await s.outbox.findSuppression('guest0@example.org')).toBeUndefined();
  });

  it('suppresses an address that complained, and later mail to it is not sent', async () => {
    const s = await sentMails(1);
    const messageId = await s.sesIdOf('inv-0');
    await s.record(snsEventOf({ eventType: 'Delivery', mail: { messageId } }));
    await s.record(
      snsEventOf({
        eventType: 'Complaint',
        mail: { messageId },
        complaint: { complainedRecipients: [{ emailAddress: 'guest0@example.org' }], complaintFeedbackType: 'abuse' },
      }),
    );
    expect((await s.invitation('inv-0')).emailStatus).toBe('complained');
    expect(await s.outbox.findSuppression('guest0@example.org')).toMatchObject({ reason: 'complaint', detail: 'abuse' });

    // A notice queued for the invitee afterwards is dropped by the sender, not mailed.
    await s.outbox.queueNotice({ messageId: 'inv-0.confirmed.1', kind: 'confirmed', eventId: s.eventId, invitationId: 'inv-0', at: new Date().toISOString() });
    await s.send(sqsEventOf(['inv-0.confirmed.1']));
    expect(s.mailer.to('guest0@example.org')).toHaveLength(1);
    expect(await s.outbox.findById('inv-0.confirmed.1')).toBeUndefined();
  });

  it('drops what is not an SES event, and ignores events about mail it did not send', async () => {
    const s = await sentMails(1);
    await expect(
      s.record(
        snsEventOf('not json', JSON.stringify({ notificationType: 'AmazonSnsSubscriptionSucceeded' }), {
          eventType: 'Delivery',
          mail: { messageId: 'someone-elses-mail' },
        }),
      ),
    ).resolves.toBeUndefined();
    expect((await s.invitation('inv-0')).emailStatus).toBe('sent');
    expect(console.warn).toHaveBeenCalledTimes(2);
  });

  it('lets an unexpected error through, so Lambda retries the SNS delivery', async () => {
    const s = await sentMails(1);
    const messageId = await s.sesIdOf('inv-0');
    const failing = createSesEventsHandler({
      outbox: { ...s.outbox, findBySesMessageId: async () => Promise.reject(new Error('DynamoDB unavailable')) },
      now: () => new Date(),
    });
    await expect(failing(snsEventOf({ eventType: 'Delivery', mail: { messageId } }))).rejects.toThrow('DynamoDB unavailable');
    // The retry records it.
    await s.record(snsEventOf({ eventType: 'Delivery', mail: { messageId } }));
    expect((await s.invitation('inv-0')).emailStatus).toBe('delivered');
  });
});
