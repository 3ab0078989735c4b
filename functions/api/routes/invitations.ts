import { Hono, type Context } from 'hono';
import { assertEventReachable } from '../../../shared/units/event-access.js';
import * as z from 'zod';
import { ValidationError } from '../../../shared/errors.js';
import { copyInvitees } from '../../../shared/invitations/copy-invitees.js';
import { countInvitations } from '../../../shared/invitations/count-invitations.js';
import { deleteInvitation } from '../../../shared/invitations/delete-invitation.js';
import { importInvitees, type InviteeRow } from '../../../shared/invitations/import-invitees.js';
import { InvitationNotFoundError } from '../../../shared/invitations/invitation-errors.js';
import {
  copyInviteesSchema,
  importInviteesBodySchema,
  importQuerySchema,
  listInvitationsQuerySchema,
  updateInvitationSchema,
} from '../../../shared/invitations/invitation-schema.js';
import { describeInviteeIssues } from '../../../shared/invitations/invitee-problems.js';
import { listInvitations } from '../../../shared/invitations/list-invitations.js';
import { exportInvitations } from '../../../shared/invitations/export-invitations.js';
import { parseInviteeCsv } from '../../../shared/invitations/parse-invitee-csv.js';
import { presentInvitation } from '../../../shared/invitations/present-invitation.js';
import { updateInvitation } from '../../../shared/invitations/update-invitation.js';
import { remindUnanswered, resendInvitation, sendInvitations } from '../../../shared/email/queue-mails.js';
import { sendInvitationsSchema } from '../../../shared/email/send-schema.js';
import type { AppDeps } from '../deps.js';
import { requestLanguage } from '../language.js';
import { requirePermission, type AppEnv } from '../middleware/session.js';
import { jsonBody, queryParams, validationFailed } from '../validation.js';
import { describeRoute } from '../openapi/describe-route.js';
import { pageAnswer } from '../openapi/answer-schemas.js';

/** The list's filters (not answered, a group, an email status, an answer, a search) and the file kind. */
const exportInvitationsQuerySchema = listInvitationsQuerySchema.omit({ limit: true, cursor: true }).extend({ format: z.enum(['csv', 'xlsx']) });

/** Media types a CSV upload arrives with (browsers on Windows label .csv files as Excel's). */
const CSV_TYPES = new Set(['text/csv', 'application/csv', 'application/vnd.ms-excel']);

function mediaTypeOf(c: Context): { type: string; charset?: string } {
  const [type = '', ...params] = (c.req.header('content-type') ?? '').split(';');
  const charset = params.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('charset='));
  return { type: type.trim().toLowerCase(), charset: charset?.slice('charset='.length) };
}

const unsupportedBody = () =>
  new ValidationError(
    {
      vi: 'Nội dung phải là JSON { invitees: [...] } hoặc một tệp CSV (Content-Type: text/csv).',
      en: 'The body must be JSON { invitees: [...] } or a CSV file (Content-Type: text/csv).',
    },
    undefined,
    'unsupported_media_type',
  );

const malformedJson = () =>
  new ValidationError(
    { vi: 'Yêu cầu không đúng định dạng (JSON không hợp lệ?).', en: 'The request is malformed (invalid JSON?).' },
    undefined,
    'malformed_request',
  );

async function readJson(c: Context): Promise<unknown> {
  if (!/^application\/([\w.-]+\+)?json$/.test(mediaTypeOf(c).type)) throw unsupportedBody();
  try {
    return await c.req.json();
  } catch {
    throw malformedJson();
  }
}

/**
 * The rows of an import: a CSV file (row numbers as the spreadsheet shows them) or a JSON list
 * (row = position in the list, from 1).
 */
async function readInviteeRows(c: Context): Promise<InviteeRow[]> {
  const { type, charset } = mediaTypeOf(c);
  if (CSV_TYPES.has(type)) {
    const csv = parseInviteeCsv(new Uint8Array(await c.req.arrayBuffer()), { charset });
    return csv.rows.map(({ row, input }) => ({ row, input }));
  }
  const parsed = importInviteesBodySchema.safeParse(await readJson(c));
  if (!parsed.success) throw validationFailed(parsed.error);
  return parsed.data.invitees.map((input, index) => ({ row: index + 1, input }));
}

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
      describeRoute({ summary: 'Count invitations', description: 'Invitations by email status, answer and group.', responses: { 200: 'The counts' } }),
      async (c) => c.json({ counts: await countInvitations(deps.invitations, c.req.param('eventId')!) }))
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
      describeRoute({ summary: 'Send invitations', description: 'Queues the invitation mail for the given invitations, or every one not yet sent; sent once per click.', responses: { 202: 'How many were queued' } }),
      jsonBody(sendInvitationsSchema), async (c) => {
      const body = c.req.valid('json');
      return c.json(await sendInvitations(deps.mail, c.req.param('eventId')!, body.invitationIds), 202);
    })
    .post('/remind',
      describeRoute({ summary: 'Remind the unanswered', description: 'Queues a reminder to everyone invited who has not answered.', responses: { 202: 'How many were queued' } }),
      async (c) => c.json(await remindUnanswered(deps.mail, c.req.param('eventId')!), 202))
    .post('/:invitationId/resend',
      describeRoute({ summary: 'Resend one invitation', description: 'Queues the invitation mail again for one invitee.', responses: { 202: 'Queued', 404: 'No such invitation' } }),
      async (c) => {
      const invitation = await deps.invitations.invitations.findById(c.req.param('eventId')!, c.req.param('invitationId'));
      if (!invitation) throw new InvitationNotFoundError();
      return c.json(await resendInvitation(deps.mail, invitation), 202);
    })
    .get('/:invitationId',
      describeRoute({ summary: 'Read an invitation', description: 'One invitation with its answer and mail status.', responses: { 200: 'The invitation', 404: 'No such invitation' } }),
      async (c) => {
      const invitation = await deps.invitations.invitations.findById(c.req.param('eventId')!, c.req.param('invitationId'));
      if (!invitation) throw new InvitationNotFoundError();
      return c.json({ invitation: presentInvitation(invitation) });
    })
    .patch('/:invitationId',
      describeRoute({ summary: 'Change an invitee', description: 'Changes an invitee\'s name, address, group or other details.', responses: { 200: 'The invitation', 404: 'No such invitation' } }),
      async (c) => {
      const raw = await readJson(c);
      const parsed = updateInvitationSchema.safeParse(raw);
      if (!parsed.success) {
        throw new ValidationError(
          { vi: 'Thông tin khách mời không hợp lệ.', en: 'The invitee is not valid.' },
          describeInviteeIssues(parsed.error.issues, raw, requestLanguage(c)),
          'validation_failed',
        );
      }
      const { invitation } = await updateInvitation(deps.invitations, c.req.param('eventId')!, c.req.param('invitationId'), parsed.data);
      return c.json({ invitation });
    })
    .delete('/:invitationId',
      describeRoute({ summary: 'Delete an invitation', description: 'Removes an invitee who has not answered.', responses: { 204: 'Deleted', 409: 'Already answered' } }),
      async (c) => {
      await deleteInvitation(deps.invitations, c.req.param('eventId')!, c.req.param('invitationId'));
      return c.body(null, 204);
    });
}
