import { timelineAnswer } from '../answer-schemas.js';
import type { RouteDocs } from '../describe-route.js';

/** What /api/openapi.json says of the routes in functions/api/routes/registrations.ts, by method and path. */
export const routeDocs: RouteDocs = {
  'GET /api/events/:eventId/registrations/waitlist': { summary: 'The waiting list', description: 'Who waits for a seat, in order.', responses: { 200: 'The waiting list' } },
  'GET /api/events/:eventId/registrations/timeline': { summary: 'Answers per day', description: 'The invitees\' answers per day since the invitations went out.', responses: { 200: { description: 'The timeline', schema: timelineAnswer } } },
  'GET /api/events/:eventId/registrations/pending': { summary: 'Pending approvals', description: 'Answers waiting for an organiser to approve.', responses: { 200: 'The pending answers' } },
  'POST /api/events/:eventId/registrations/approve': { summary: 'Approve', description: 'Approves pending answers, one or many.', responses: { 200: 'What was approved' } },
  'POST /api/events/:eventId/registrations/reject': { summary: 'Reject', description: 'Rejects pending answers, with a reason told to the invitee.', responses: { 200: 'What was rejected' } },
  'POST /api/events/:eventId/registrations/on-behalf/:invitationId': { summary: 'Answer on an invitee\'s behalf', description: 'Records an answer given by phone or in person.', responses: { 200: 'The answer' } },
};
