import { describe, expect, it } from 'vitest';
import { deliverOutboxMessage } from '../../../shared/email/deliver-outbox-message.js';
import { buildMailDeps } from '../../../functions/mail/mail-deps.js';
import { createTestContext } from '../../support/test-context.js';
import { outboxOf, publishedEvent, testClock } from '../../functions/api/answering-support.js';

/** Notices go out through the same outbox, but never touch the invitation mail's status. */
describe('notice mails', () => {
  it('are delivered in the invitee language without emailStatus queued, and leave it as it was', async () => {
    const clock = testClock();
    const ctx = await createTestContext({ now: clock });
    const { eventId, people } = await publishedEvent(ctx, 2, { capacity: 1 });
    await ctx.request('POST', `/api/r/${people[0]!.token}/accept`, {});
    await ctx.request('POST', `/api/r/${people[1]!.token}/accept`, {});
    await ctx.deps.mail.outbox.suppress({ email: people[1]!.email, reason: 'bounce', at: clock().toISOString() });

    const delivery = buildMailDeps(ctx.config, ctx.db, ctx.mailer, clock).delivery;
    const messages = await outboxOf(ctx, eventId);
    const outcomes = await Promise.all(messages.map((m) => deliverOutboxMessage(delivery, m)));
    expect(outcomes.sort()).toEqual(['sent', 'suppressed']);
    expect(await outboxOf(ctx, eventId)).toEqual([]);

    const [mail] = ctx.mailer.to(people[0]!.email);
    expect(mail!.subject).toBe('Xác nhận tham dự: Diễn đàn thanh niên hữu nghị');
    expect(mail!.text).toContain(`/r/${people[0]!.token}`);
    expect(ctx.mailer.to(people[1]!.email)).toEqual([]);
    for (const p of people) {
      expect((await ctx.deps.invitations.invitations.findById(eventId, p.invitationId))!.emailStatus).toBe('not_sent');
    }
  });
});
