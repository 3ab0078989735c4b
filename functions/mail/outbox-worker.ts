import { deliverOutboxMessage, type DeliveryOutcome, type MailDeliveryDeps } from '../../shared/email/deliver-outbox-message.js';
import { createPacer } from '../../shared/email/pacer.js';
import type { QueuedMail } from '../../shared/email/outbox-repository.js';
import { log } from '../../shared/logging/logger.js';
import { startPolling, type PollingControl } from './polling-loop.js';

export type OutboxWorkerOptions = {
  ratePerSecond: number;
  /** How often an idle worker looks for due mail. */
  pollMs?: number;
  /** Sends in flight at once; SES answers in tens of milliseconds, so a few keep up with the rate. */
  concurrency?: number;
  onOutcome?: (outcome: DeliveryOutcome) => void;
};

/**
 * The local sender: drains the outbox in this process at SES's rate. In the cloud an SQS queue
 * feeds a sender Lambda that calls the same deliverOutboxMessage.
 */
export function startOutboxWorker(deps: MailDeliveryDeps, options: OutboxWorkerOptions) {
  const pollMs = options.pollMs ?? 500;
  const concurrency = options.concurrency ?? Math.max(2, Math.min(32, Math.ceil(options.ratePerSecond / 2)));
  // Paced at the call to SES, not per message: what is skipped or suppressed costs no slot, and
  // a message's lease is taken only once its slot has come (deliverOutboxMessage).
  const paced: MailDeliveryDeps = { ...deps, pacer: createPacer(options.ratePerSecond) };
  const inFlight = new Set<Promise<void>>();
  const inFlightIds = new Set<string>();

  /**
   * A pipeline, not batches: a page of due mail is listed once and fed to the sends as slots free
   * up, and the next page is listed when this one runs out, while sends are still in flight, so
   * the rate never dips between pages. A message listed again before its claim lands is skipped
   * here by id, and the claim's condition would refuse it anyway: it is never sent twice.
   */
  async function loop(control: PollingControl) {
    let listed: QueuedMail[] = [];
    while (!control.stopped) {
      if (listed.length === 0) {
        try {
          listed = (await deps.outbox.listAllDue(deps.now().toISOString(), 100)).filter((m) => !inFlightIds.has(m.messageId));
        } catch (error) {
          log.error('outbox poll failed', { error });
        }
        if (listed.length === 0) {
          // Nothing new: wait for a send to finish (its claim may free others) or for the next poll.
          await (inFlight.size > 0 ? Promise.race([...inFlight, control.idle()]) : control.idle());
          continue;
        }
      }
      while (inFlight.size >= concurrency && !control.stopped) await Promise.race(inFlight);
      if (control.stopped) break;
      const message = listed.shift()!;
      if (inFlightIds.has(message.messageId)) continue;
      inFlightIds.add(message.messageId);
      const task = deliverOutboxMessage(paced, message)
        .then((outcome) => options.onOutcome?.(outcome))
        .catch((error: unknown) => log.error('delivery failed', { messageId: message.messageId, error }))
        .finally(() => {
          inFlight.delete(task);
          inFlightIds.delete(message.messageId);
        });
      inFlight.add(task);
    }
  }

  // nudge() looks for due mail now instead of at the next poll (called right after queuing).
  return startPolling(pollMs, loop, () => Promise.all(inFlight));
}

export type OutboxWorker = ReturnType<typeof startOutboxWorker>;
