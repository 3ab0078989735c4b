import { Hono } from 'hono';
import { assertEventReachable } from '../../../shared/units/event-access.js';
import * as z from 'zod';
import { countInvitations } from '../../../shared/invitations/count-invitations.js';
import { deleteInvitation } from '../../../shared/invitations/delete-invitation.js';
import { copyInviteesSchema, importQuerySchema, listInvitationsQuerySchema } from '../../../shared/invitations/invitation-schema.js';
import { listInvitations } from '../../../shared/invitations/list-invitations.js';
import { findInvitation } from '../../../shared/invitations/find-invitation.js';
import { readInvitation } from '../../../shared/invitations/read-invitation.js';
import { updateInvitation } from '../../../shared/invitations/update-invitation.js';
import { sendInvitationsSchema } from '../../../shared/email/send-schema.js';
import type { AppDeps } from '../deps.js';
import { requestLanguage } from '../language.js';
import { requirePermission, type AppEnv } from '../middleware/session.js';
import { jsonBody, queryParams } from '../validation.js';
import { onDemand } from '../on-demand.js';

// Rare paths, loaded at their first call (functions/api/on-demand.ts).
const { copyInvitees } = onDemand(() => import('../../../shared/invitations/copy-invitees.js'));
const { importInvitees } = onDemand(() => import('../../../shared/invitations/import-invitees.js'));
const { exportInvitations } = onDemand(() => import('../../../shared/invitations/export-invitations.js'));
const { remindUnanswered } = onDemand(() => import('../../../shared/email/remind-unanswered.js'));
const { resendInvitation } = onDemand(() => import('../../../shared/email/resend-invitation.js'));
const { sendInvitations } = onDemand(() => import('../../../shared/email/send-invitations.js'));
// Reading an uploaded list (CSV or Excel rows) comes with the first import.
const { readInvitationChanges, readInviteeRows } = onDemand(() => import('../invitee-body.js'));
const { listSendJobs } = onDemand(() => import('../../../shared/email/list-send-jobs.js'));

/** The list's filters (not answered, a group, an email status, an answer, a search) and the file kind. */
const exportInvitationsQuerySchema = listInvitationsQuerySchema.omit({ limit: true, cursor: true }).extend({ format: z.enum(['csv', 'xlsx']) });

/**
 * Invitations of one event (docs/api/API.md, "Invitations"): organisers and admins write; staff read the
 * list and its counts. Mounted at /api/events/:eventId/invitations.
 */
export function invitationRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('*', requirePermission('invitations:read', 'invitations:write'))
    .post('/',
      queryParams(importQuerySchema), async (c) => {
      const query = c.req.valid('query');
      const rows = await readInviteeRows(c);
      const result = await importInvitees(deps.invitations, {
        eventId: c.req.param('eventId')!,
        rows,
        language: requestLanguage(c),
        preview: query.preview ?? query.dryRun ?? false,
      });
      return c.json(result);
    })
    .get('/',
      queryParams(listInvitationsQuerySchema), async (c) =>
      c.json(await listInvitations(deps.invitations, c.req.param('eventId')!, c.req.valid('query'))),
    )
    .get('/export',
      queryParams(exportInvitationsQuerySchema), async (c) => {
      const { format, ...query } = c.req.valid('query');
      const file = await exportInvitations(deps.invitations, c.req.param('eventId')!, query, format, requestLanguage(c));
      c.header('Content-Disposition', `attachment; filename="${file.fileName}"`);
      return c.body(file.body as string, 200, { 'Content-Type': file.contentType });
    })
    .get('/counts',
      async (c) => {
      const eventId = c.req.param('eventId')!;
      const [counts, sending] = await Promise.all([countInvitations(deps.invitations, eventId), listSendJobs(deps.mail, eventId)]);
      return c.json({ counts: { ...counts, sending } });
    })
    .get('/sending',
      async (c) => c.json({ items: await listSendJobs(deps.mail, c.req.param('eventId')!) }))
    .post('/copy',
      queryParams(importQuerySchema), jsonBody(copyInviteesSchema), async (c) => {
      const query = c.req.valid('query');
      const body = c.req.valid('json');
      // The list copied from is read whole: it must be an event the account reaches too.
      await assertEventReachable({ units: deps.units, events: deps.events.events }, c.get('user'), body.fromEventId);
      const result = await copyInvitees(deps.invitations, {
        eventId: c.req.param('eventId')!,
        fromEventId: body.fromEventId,
        excludeDeclined: body.excludeDeclined,
        language: requestLanguage(c),
        preview: query.preview ?? query.dryRun ?? false,
      });
      return c.json(result);
    })
    .post('/send',
      jsonBody(sendInvitationsSchema), async (c) => {
      const body = c.req.valid('json');
      return c.json(await sendInvitations(deps.mail, c.req.param('eventId')!, body.invitationIds), 202);
    })
    .post('/remind',
      async (c) => c.json(await remindUnanswered(deps.mail, c.req.param('eventId')!), 202))
    .post('/:invitationId/resend',
      async (c) => {
      const invitation = await findInvitation(deps.invitations, c.req.param('eventId')!, c.req.param('invitationId'));
      return c.json(await resendInvitation(deps.mail, invitation), 202);
    })
    .get('/:invitationId',
      async (c) => c.json(await readInvitation(deps.invitations, c.req.param('eventId')!, c.req.param('invitationId'))))
    .patch('/:invitationId',
      async (c) => {
      const changes = await readInvitationChanges(c);
      const { invitation } = await updateInvitation(deps.invitations, c.req.param('eventId')!, c.req.param('invitationId'), changes);
      return c.json({ invitation });
    })
    .delete('/:invitationId',
      async (c) => {
      await deleteInvitation(deps.invitations, c.req.param('eventId')!, c.req.param('invitationId'));
      return c.body(null, 204);
    });
}
