import type { OutboxRepository } from './outbox-repository.js';

/**
 * An SES event as the configuration set publishes it (through SNS or EventBridge): the parts we
 * use. https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html
 */
export type SesEvent = {
  eventType: 'Send' | 'Delivery' | 'Bounce' | 'Complaint' | 'Reject' | 'DeliveryDelay' | 'Open' | 'Click' | 'Rendering Failure' | 'Subscription';
  mail: { messageId: string; destination?: string[]; timestamp?: string };
  bounce?: { bounceType: 'Permanent' | 'Transient' | 'Undetermined'; bounceSubType?: string; bouncedRecipients?: { emailAddress: string; diagnosticCode?: string }[] };
  complaint?: { complainedRecipients?: { emailAddress: string }[]; complaintFeedbackType?: string };
};

export type SesEventDeps = { outbox: OutboxRepository; now: () => Date };

/**
 * Updates the invitation a mail belonged to. A hard bounce or a complaint also puts the address
 * on the suppression list, which later sends skip and the console shows.
 */
export async function recordSesEvent(deps: SesEventDeps, event: SesEvent): Promise<'updated' | 'ignored'> {
  const at = deps.now().toISOString();
  const origin = await deps.outbox.findBySesMessageId(event.mail.messageId);

  if (event.eventType === 'Bounce' && event.bounce?.bounceType === 'Permanent') {
    for (const recipient of event.bounce.bouncedRecipients ?? []) {
      await deps.outbox.suppress({ email: recipient.emailAddress.trim().toLowerCase(), reason: 'bounce', at, detail: recipient.diagnosticCode?.slice(0, 300) });
    }
    if (origin) await deps.outbox.recordDeliveryStatus(origin.eventId, origin.invitationId, 'bounced', at, event.bounce.bounceSubType);
    return origin ? 'updated' : 'ignored';
  }
  if (event.eventType === 'Complaint') {
    for (const recipient of event.complaint?.complainedRecipients ?? []) {
      await deps.outbox.suppress({ email: recipient.emailAddress.trim().toLowerCase(), reason: 'complaint', at, detail: event.complaint?.complaintFeedbackType });
    }
    if (origin) await deps.outbox.recordDeliveryStatus(origin.eventId, origin.invitationId, 'complained', at);
    return origin ? 'updated' : 'ignored';
  }
  if (event.eventType === 'Delivery' && origin) {
    return (await deps.outbox.recordDeliveryStatus(origin.eventId, origin.invitationId, 'delivered', at)) ? 'updated' : 'ignored';
  }
  return 'ignored';
}
