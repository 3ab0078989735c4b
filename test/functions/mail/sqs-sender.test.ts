import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sendInvitations } from '../../../shared/email/send-invitations.js';
import type { MailDeliveryDeps } from '../../../shared/email/deliver-outbox-message.js';
import { createLinkTokens } from '../../../shared/invitations/link-tokens.js';
import { createSqsSender, outboxMessageIdOf } from '../../../functions/mail/sqs-sender.js';
import { pacedMailer } from '../../../shared/email/pacer.js';
import { TEST_LINK_SECRET } from '../../support/test-context.js';
import { PUBLIC_URL, setUpMail, sqsEventOf } from './cloud-mail-fixture.js';

/** The SQS sender against DynamoDB Local: the outbox's conditions are what make it send once. */

/** The sender with its mailer paced as in the handler, by a pacer that counts the slots taken. */
function sender(deps: MailDeliveryDeps) {
  const slots = { taken: 0 };
  const pacer = { wait: async () => void (slots.taken += 1), giveBack: () => void (slots.taken -= 1) };
  const send = createSqsSender({ ...deps, mailer: pacedMailer(deps.mailer, pacer) });
  return Object.assign(send, { slots });
}

const throttling = () =>
  Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'TooManyRequestsException', $metadata: { httpStatusCode: 429 } });

let errors: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('the SQS sender', () => {
  it('delivers each queued message exactly once, even when the same record arrives twice', async () => {
    const s = await setUpMail(3);
    expect(await sendInvitations(s.queue, s.eventId)).toMatchObject({ queued: 3, job: { state: 'done' } });
    const ids = await s.dueIds();
    expect(ids).toHaveLength(3);
    const send = sender(s.delivery);

    // Two copies of a batch at the same time (the same id twice in one of them): one claim wins.
    const [a, b] = await Promise.all([send(sqsEventOf([...ids, ids[0]!])), send(sqsEventOf(ids))]);
    expect(a.batchItemFailures).toEqual([]);
    expect(b.batchItemFailures).toEqual([]);
    expect(s.mailer.sent.map((m) => m.to).sort()).toEqual(['guest0@example.org', 'guest1@example.org', 'guest2@example.org']);
    expect(await s.outbox.countPending()).toBe(0);

    // The batch again, later (SQS redelivers, or the sweeper enqueued it twice): nothing is sent,
    // and copies that find nothing left to send take no slot of the SES rate.
    const slots = send.slots.taken;
    expect(await send(sqsEventOf(ids))).toEqual({ batchItemFailures: [] });
    expect(s.mailer.sent).toHaveLength(3);
    expect(send.slots.taken).toBe(slots);
    const links = createLinkTokens(TEST_LINK_SECRET);
    for (const invitation of s.invitations) {
      const stored = await s.invitation(invitation.invitationId);
      expect(stored.emailStatus).toBe('sent');
      expect(stored.invitedAt).toBeTruthy();
      // Each mail carries its invitee's own link, derived from LINK_SECRET.
      const [mail] = s.mailer.to(invitation.email!);
      expect(mail!.text).toContain(`${PUBLIC_URL}/r/${links.linkTokenFor(stored)}`);
    }
  });

  it('leaves a throttled send to the outbox: not an SQS failure, and not sent again before it is due', async () => {
    const s = await setUpMail(2);
    await sendInvitations(s.queue, s.eventId);
    const ids = await s.dueIds();
    let calls = 0;
    const throttled = {
      ...s.delivery,
      mailer: {
        isReachable: async () => true,
        send: async (mail: Parameters<typeof s.mailer.send>[0]) => {
          calls += 1;
          if (mail.to === 'guest0@example.org') throw throttling();
          return s.mailer.send(mail);
        },
      },
    };
    const send = sender(throttled);
    expect(await send(sqsEventOf(ids))).toEqual({ batchItemFailures: [] });
    expect(s.mailer.sent.map((m) => m.to)).toEqual(['guest1@example.org']);

    // Waiting for its backoff: due later, with the reason kept.
    const [waiting] = await s.outbox.listDue('9999-12-31T00:00:00.000Z', 10);
    expect(waiting).toMatchObject({ invitationId: 'inv-0', state: 'pending', lastError: 'throttled: TooManyRequestsException' });
    expect(Date.parse(waiting!.dueAt)).toBeGreaterThan(Date.now());
    expect((await s.invitation('inv-0')).emailStatus).toBe('queued');

    // A copy of the record that arrives meanwhile sends nothing and takes no slot.
    calls = 0;
    const slotsBefore = send.slots.taken;
    expect(await send(sqsEventOf(ids))).toEqual({ batchItemFailures: [] });
    expect(calls).toBe(0);
    expect(send.slots.taken).toBe(slotsBefore);
  });

  it('reports back to SQS only the records that failed unexpectedly', async () => {
    const s = await setUpMail(3);
    await sendInvitations(s.queue, s.eventId);
    const ids = await s.dueIds();
    const broken = ids[1]!;
    const flaky: MailDeliveryDeps = {
      ...s.delivery,
      outbox: {
        ...s.delivery.outbox,
        findById: async (id: string) => {
          if (id === broken) throw Object.assign(new Error('Service unavailable'), { name: 'InternalServerError' });
          return s.delivery.outbox.findById(id);
        },
      },
    };
    const event = sqsEventOf(ids);
    const response = await sender(flaky)(event);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: event.Records[1]!.messageId }]);
    expect(String(errors.mock.calls[0]?.[0])).toContain(event.Records[1]!.messageId);
    expect(s.mailer.sent).toHaveLength(2);

    // SQS offers it again; now it goes, once.
    expect(await sender(s.delivery)(sqsEventOf([broken]))).toEqual({ batchItemFailures: [] });
    expect(s.mailer.sent).toHaveLength(3);
    expect(new Set(s.mailer.sent.map((m) => m.to)).size).toBe(3);
  });

  it('drops a record that is not an outbox message instead of having SQS offer it again', async () => {
    const s = await setUpMail(1);
    const response = await sender(s.delivery)({
      Records: [
        { messageId: 'sqs-a', body: 'not json' },
        { messageId: 'sqs-b', body: JSON.stringify({ other: 1 }) },
        { messageId: 'sqs-c', body: JSON.stringify({ messageId: 'gone.invitation.x' }) },
      ],
    });
    expect(response).toEqual({ batchItemFailures: [] });
    expect(s.mailer.sent).toHaveLength(0);
    expect(outboxMessageIdOf(JSON.stringify({ messageId: 'inv-1.invitation.abc' }))).toBe('inv-1.invitation.abc');
    expect(outboxMessageIdOf(JSON.stringify({ messageId: 42 }))).toBeUndefined();
  });
});
