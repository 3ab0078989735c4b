import { healthAnswer } from '../answer-schemas.js';
import type { RouteDocs } from '../describe-route.js';

/** What /api/openapi.json says of the routes in functions/api/routes/health.ts, by method and path. */
export const routeDocs: RouteDocs = {
  'GET /api/health': { summary: 'Health', description: 'Whether the app reaches its table and its mail service, within a deadline. Public.', responses: { 200: { description: 'Both reached', schema: healthAnswer }, 503: { description: 'One of them is down', schema: healthAnswer } } },
};
