import type { RouteDocs } from '../describe-route.js';

/** What /api/openapi.json says of the routes in functions/api/routes/event-mail.ts, by method and path. */
export const routeDocs: RouteDocs = {
  'POST /api/events/:eventId/mail-preview': { summary: 'Preview a mail', description: 'A mail of the event as one invitee would receive it.', responses: { 200: 'The mail: subject, text and HTML' } },
  'POST /api/events/:eventId/mail-test': { summary: 'Send a test mail', description: 'Sends the previewed mail to the organiser\'s own address.', responses: { 202: 'Queued' } },
  'GET /api/events/:eventId/notices': { summary: 'List notices', description: 'The notices sent about the event (cancelled; time or place changed) with their progress.', responses: { 200: 'The notices' } },
  'GET /api/events/:eventId/notices/recipients': { summary: 'Count notice recipients', description: 'How many would receive a notice now.', responses: { 200: 'The counts' } },
  'POST /api/events/:eventId/notices': { summary: 'Send a notice', description: 'Mails everyone who holds a link about a cancellation or a change of time or place, once each.', responses: { 202: 'The notice and how many were queued' } },
};
