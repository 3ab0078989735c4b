import type { RouteDocs } from '../describe-route.js';

/** What /api/openapi.json says of the routes in functions/api/routes/open-registration.ts, by method and path. */
export const routeDocs: RouteDocs = {
  'GET /api/events/:eventId/public': { summary: 'A public event', description: 'An event open for registration, as its public page shows it (404 unless published with open registration). Public.', responses: { 200: 'The event' } },
  'POST /api/events/:eventId/register': { summary: 'Register openly', description: 'Registers for an open event; the answer is 202 whatever happened: the mailed link confirms. Public.', responses: { 202: 'Received' } },
};
