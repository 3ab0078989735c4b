import type { RouteDocs } from '../describe-route.js';

/** What /api/openapi.json says of the routes in functions/api/routes/units.ts, by method and path. */
export const routeDocs: RouteDocs = {
  'GET /api/units': { summary: 'List units', description: 'The union, its associations and clubs: the union first, each parent before its children.', responses: { 200: 'The units' } },
  'POST /api/units': { summary: 'Create a unit', description: 'An association under the union, or a club under an association; admins of the union.', responses: { 201: 'The unit', 422: 'No such parent, a retired one, or a club' } },
  'PATCH /api/units/:unitId': { summary: 'Change a unit', description: 'Renames a unit, sets its sender name and signature, retires it or brings it back (never deleted).', responses: { 200: 'The unit', 404: 'No such unit', 422: 'The union cannot be retired' } },
};
