import type { RouteDocs } from '../describe-route.js';

/** What /api/openapi.json says of the routes in functions/api/routes/answers.ts, by method and path. */
export const routeDocs: RouteDocs = {
  'GET /api/r/:token': { summary: 'Open one\'s invitation', description: 'What the personal link shows: the event, the invitation and its answer. Public: the token is the credential; misses count towards a limit.', responses: { 200: 'The invitation as its holder sees it', 404: 'No invitation for this link' } },
  'POST /api/r/:token/accept': { summary: 'Accept', description: 'Accepts with the details the event asks for (and consent where passport data is given).', responses: { 200: 'The answer: confirmed, waitlisted or pending approval', 409: 'The event is full, closed or cancelled' } },
  'POST /api/r/:token/confirm-email': { summary: 'Confirm an open registration', description: 'The mailed link of an open registration confirms the address and accepts with the details given.', responses: { 200: 'The answer' } },
  'PATCH /api/r/:token': { summary: 'Change my details', description: 'Changes the details of an accepted answer.', responses: { 200: 'The answer' } },
  'POST /api/r/:token/decline': { summary: 'Decline', description: 'Declines, with an optional reason.', responses: { 200: 'The answer' } },
  'POST /api/r/:token/withdraw': { summary: 'Withdraw', description: 'Takes back a yes; the seat goes to the waiting list.', responses: { 200: 'The answer' } },
};
