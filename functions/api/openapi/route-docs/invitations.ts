import { pageAnswer } from '../answer-schemas.js';
import type { RouteDocs } from '../describe-route.js';

/** What /api/openapi.json says of the routes in functions/api/routes/invitations.ts, by method and path. */
export const routeDocs: RouteDocs = {
  'POST /api/events/:eventId/invitations': { summary: 'Import invitees', description: 'Adds invitees from a CSV file or a JSON list; preview=true checks without saving. Rows with problems are reported by row.', responses: { 200: 'What was added, skipped as duplicates, or refused, by row' } },
  'GET /api/events/:eventId/invitations': { summary: 'List invitations', description: 'Invitations sorted by given name, filtered by answer, email status, group or words of a name.', responses: { 200: { description: 'A page of invitations', schema: pageAnswer } } },
  'GET /api/events/:eventId/invitations/export': { summary: 'Export invitations', description: 'The filtered list as CSV or XLSX.', responses: { 200: { description: 'The file', files: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] } } },
  'GET /api/events/:eventId/invitations/counts': { summary: 'Count invitations', description: 'Invitations by email status, answer and group, read from the event’s count items, with the send jobs under way.', responses: { 200: 'The counts' } },
  'GET /api/events/:eventId/invitations/sending': { summary: 'Send jobs', description: 'The event’s send and remind jobs: how far each has gone, queued in the background.', responses: { 200: 'The jobs' } },
  'POST /api/events/:eventId/invitations/copy': { summary: 'Copy invitees from another event', description: 'Invites the invitees of an earlier event (optionally leaving out those who declined); preview=true checks without saving.', responses: { 200: 'What was copied' } },
  'POST /api/events/:eventId/invitations/send': { summary: 'Send invitations', description: 'Starts a send job for the given invitations (at most 1,000), or every one not yet sent, and answers at once; the job queues the mail in the background, once per person, and a second click returns the running job.', responses: { 202: 'The send job' } },
  'POST /api/events/:eventId/invitations/remind': { summary: 'Remind the unanswered', description: 'Starts a job that queues a reminder to everyone invited who has not answered, in the background.', responses: { 202: 'The remind job' } },
  'POST /api/events/:eventId/invitations/:invitationId/resend': { summary: 'Resend one invitation', description: 'Queues the invitation mail again for one invitee.', responses: { 202: 'Queued', 404: 'No such invitation' } },
  'GET /api/events/:eventId/invitations/:invitationId': { summary: 'Read an invitation', description: 'One invitation with its answer and mail status.', responses: { 200: 'The invitation', 404: 'No such invitation' } },
  'PATCH /api/events/:eventId/invitations/:invitationId': { summary: 'Change an invitee', description: 'Changes an invitee\'s name, address, group or other details.', responses: { 200: 'The invitation', 404: 'No such invitation' } },
  'DELETE /api/events/:eventId/invitations/:invitationId': { summary: 'Delete an invitation', description: 'Removes an invitee who has not answered.', responses: { 204: 'Deleted', 409: 'Already answered' } },
};
