import type { DirectMailHandler } from './deliver-outbox-message.js';
import type { DirectMailKind, OutboxRepository, SesOrigin } from './outbox-repository.js';

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

export type SesEventDeps = {
  outbox: OutboxRepository;
  now: () => Date;
  /** The features whose mail belongs to no invitation (greetings): they hear SES's word themselves. */
  directMail?: Partial<Record<DirectMailKind, Pick<DirectMailHandler, 'recordDelivery'>>>;
};

/** Tells the mail's origin what SES learned: its invitation moves forward, or its feature hears of it. */
async function recordOn(deps: SesEventDeps, origin: SesOrigin, status: 'delivered' | 'bounced' | 'complained', at: string, detail?: string): Promise<boolean> {
  if ('direct' in origin) {
    const handler = deps.directMail?.[origin.direct.kind];
    if (!handler?.recordDelivery) return false;
    await handler.recordDelivery(origin.direct.ref, status, at, detail);
    return true;
  }
  return deps.outbox.recordDeliveryStatus(origin.eventId, origin.invitationId, status, at, detail);
}

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
    if (origin) await recordOn(deps, origin, 'bounced', at, event.bounce.bounceSubType);
    return origin ? 'updated' : 'ignored';
  }
  if (event.eventType === 'Complaint') {
    for (const recipient of event.complaint?.complainedRecipients ?? []) {
      await deps.outbox.suppress({ email: recipient.emailAddress.trim().toLowerCase(), reason: 'complaint', at, detail: event.complaint?.complaintFeedbackType });
    }
    if (origin) await recordOn(deps, origin, 'complained', at);
    return origin ? 'updated' : 'ignored';
  }
  if (event.eventType === 'Delivery' && origin) {
    return (await recordOn(deps, origin, 'delivered', at)) ? 'updated' : 'ignored';
  }
  return 'ignored';
}
