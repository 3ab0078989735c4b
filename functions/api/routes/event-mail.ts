import { Hono } from 'hono';
import * as z from 'zod';
import { eventNoticeKinds } from '../../../shared/email/mail-template-schema.js';
import { mailPreviewSchema } from '../../../shared/email/mail-preview-schema.js';
import type { AppDeps } from '../deps.js';
import { requirePermission, type AppEnv } from '../middleware/session.js';
import { jsonBody } from '../validation.js';
import { onDemand } from '../on-demand.js';

// Rare paths, loaded at their first call (functions/api/on-demand.ts).
const { countNoticeRecipients } = onDemand(() => import('../../../shared/email/count-notice-recipients.js'));
const { listEventNotices } = onDemand(() => import('../../../shared/email/list-event-notices.js'));
const { sendEventNotice } = onDemand(() => import('../../../shared/email/send-event-notice.js'));
const { previewMail } = onDemand(() => import('../../../shared/email/preview-mail.js'));
const { sendTestMail } = onDemand(() => import('../../../shared/email/send-test-mail.js'));

const noteText = z.string().max(1000).transform((v) => v.normalize('NFC').trim());

export const sendNoticeSchema = z.strictObject({
  kind: z.enum(eventNoticeKinds),
  /** The cancellation's reason, told to everyone. */
  reason: noteText.optional(),
  /** A note with a change of time or place. */
  note: noteText.optional(),
});

/**
 * An event's mail beyond the invitation list (docs/api/reference.md, "Event mail"): a preview of a mail as one
 * invitee receives it, a test to the organiser's own address, and the notices about the event
 * (cancelled; time or place changed) with their progress. Mounted at /api/events/:eventId.
 */
export function eventMailRoutes(deps: AppDeps) {
  const guard = requirePermission('events:read', 'events:write');
  return new Hono<AppEnv>()
    .use('/mail-preview', guard)
    .use('/mail-test', guard)
    .use('/notices', guard)
    .use('/notices/*', guard)
    .post('/mail-preview',
      jsonBody(mailPreviewSchema), async (c) =>
      c.json({ mail: await previewMail(deps.eventMail, c.req.param('eventId')!, c.req.valid('json')) }),
    )
    .post('/mail-test',
      jsonBody(mailPreviewSchema), async (c) =>
      c.json(await sendTestMail(deps.eventMail, c.req.param('eventId')!, c.get('user'), c.req.valid('json')), 202),
    )
    .get('/notices',
      async (c) => c.json({ items: await listEventNotices(deps.eventMail, c.req.param('eventId')!) }))
    .get('/notices/recipients',
      async (c) => c.json(await countNoticeRecipients(deps.eventMail, c.req.param('eventId')!)))
    .post('/notices',
      jsonBody(sendNoticeSchema), async (c) => {
      const body = c.req.valid('json');
      return c.json(await sendEventNotice(deps.eventMail, c.req.param('eventId')!, { ...body, userId: c.get('user').userId }), 202);
    });
}
