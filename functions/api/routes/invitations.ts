import { Hono } from 'hono';
import { assertEventReachable } from '../../../shared/units/event-access.js';
import * as z from 'zod';
import { countInvitations } from '../../../shared/invitations/count-invitations.js';
import { deleteInvitation } from '../../../shared/invitations/delete-invitation.js';
import { copyInviteesSchema, importQuerySchema, listInvitationsQuerySchema } from '../../../shared/invitations/invitation-schema.js';
import { listInvitations } from '../../../shared/invitations/list-invitations.js';
import { findInvitation, readInvitation } from '../../../shared/invitations/read-invitation.js';
import { updateInvitation } from '../../../shared/invitations/update-invitation.js';
import { sendInvitationsSchema } from '../../../shared/email/send-schema.js';
import type { AppDeps } from '../deps.js';
import { requestLanguage } from '../language.js';
import { requirePermission, type AppEnv } from '../middleware/session.js';
import { jsonBody, queryParams } from '../validation.js';
import { describeRoute } from '../openapi/describe-route.js';
import { pageAnswer } from '../openapi/answer-schemas.js';
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
      describeRoute({ summary: 'Import invitees', description: 'Adds invitees from a CSV file or a JSON list; preview=true checks without saving. Rows with problems are reported by row.', responses: { 200: 'What was added, skipped as duplicates, or refused, by row' } }),
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
      describeRoute({ summary: 'List invitations', description: 'Invitations sorted by given name, filtered by answer, email status, group or words of a name.', responses: { 200: { description: 'A page of invitations', schema: pageAnswer } } }),
      queryParams(listInvitationsQuerySchema), async (c) =>
      c.json(await listInvitations(deps.invitations, c.req.param('eventId')!, c.req.valid('query'))),
    )
    .get('/export',
      describeRoute({ summary: 'Export invitations', description: 'The filtered list as CSV or XLSX.', responses: { 200: { description: 'The file', files: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] } } }),
      queryParams(exportInvitationsQuerySchema), async (c) => {
      const { format, ...query } = c.req.valid('query');
      const file = await exportInvitations(deps.invitations, c.req.param('eventId')!, query, format, requestLanguage(c));
      c.header('Content-Disposition', `attachment; filename="${file.fileName}"`);
      return c.body(file.body as string, 200, { 'Content-Type': file.contentType });
    })
    .get('/counts',
      describeRoute({ summary: 'Count invitations', description: 'Invitations by email status, answer and group, read from the event’s count items, with the send jobs under way.', responses: { 200: 'The counts' } }),
      async (c) => {
      const eventId = c.req.param('eventId')!;
      const [counts, sending] = await Promise.all([countInvitations(deps.invitations, eventId), listSendJobs(deps.mail, eventId)]);
      return c.json({ counts: { ...counts, sending } });
    })
    .get('/sending',
      describeRoute({ summary: 'Send jobs', description: 'The event’s send and remind jobs: how far each has gone, queued in the background.', responses: { 200: 'The jobs' } }),
      async (c) => c.json({ items: await listSendJobs(deps.mail, c.req.param('eventId')!) }))
    .post('/copy',
      describeRoute({ summary: 'Copy invitees from another event', description: 'Invites the invitees of an earlier event (optionally leaving out those who declined); preview=true checks without saving.', responses: { 200: 'What was copied' } }),
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
      describeRoute({ summary: 'Send invitations', description: 'Starts a send job for the given invitations (at most 1,000), or every one not yet sent, and answers at once; the job queues the mail in the background, once per person, and a second click returns the running job.', responses: { 202: 'The send job' } }),
      jsonBody(sendInvitationsSchema), async (c) => {
      const body = c.req.valid('json');
      return c.json(await sendInvitations(deps.mail, c.req.param('eventId')!, body.invitationIds), 202);
    })
    .post('/remind',
      describeRoute({ summary: 'Remind the unanswered', description: 'Starts a job that queues a reminder to everyone invited who has not answered, in the background.', responses: { 202: 'The remind job' } }),
      async (c) => c.json(await remindUnanswered(deps.mail, c.req.param('eventId')!), 202))
    .post('/:invitationId/resend',
      describeRoute({ summary: 'Resend one invitation', description: 'Queues the invitation mail again for one invitee.', responses: { 202: 'Queued', 404: 'No such invitation' } }),
      async (c) => {
      const invitation = await findInvitation(deps.invitations, c.req.param('eventId')!, c.req.param('invitationId'));
      return c.json(await resendInvitation(deps.mail, invitation), 202);
    })
    .get('/:invitationId',
      describeRoute({ summary: 'Read an invitation', description: 'One invitation with its answer and mail status.', responses: { 200: 'The invitation', 404: 'No such invitation' } }),
      async (c) => c.json(await readInvitation(deps.invitations, c.req.param('eventId')!, c.req.param('invitationId'))))
    .patch('/:invitationId',
      describeRoute({ summary: 'Change an invitee', description: 'Changes an invitee\'s name, address, group or other details.', responses: { 200: 'The invitation', 404: 'No such invitation' } }),
      async (c) => {
      const changes = await readInvitationChanges(c);
      const { invitation } = await updateInvitation(deps.invitations, c.req.param('eventId')!, c.req.param('invitationId'), changes);
      return c.json({ invitation });
    })
    .delete('/:invitationId',
      describeRoute({ summary: 'Delete an invitation', description: 'Removes an invitee who has not answered.', responses: { 204: 'Deleted', 409: 'Already answered' } }),
      async (c) => {
      await deleteInvitation(deps.invitations, c.req.param('eventId')!, c.req.param('invitationId'));
      return c.body(null, 204);
    });
}
