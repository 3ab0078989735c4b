import type { RouteDocs } from '../describe-route.js';

/** What /api/openapi.json says of the routes in functions/api/routes/delegations.ts, by method and path. */
export const routeDocs: RouteDocs = {
  'GET /api/r/:token/delegation': { summary: 'The delegation (head\'s link)', description: 'The head of a delegation\'s view of their roster, by their personal link. Public: the token is the credential; any other link gets 403.', responses: { 200: 'The event, the head and the members' } },
  'POST /api/r/:token/delegation/members': { summary: 'Add a member (head)', description: 'The head adds a member to their delegation.', responses: { 201: 'The member, with passport warnings' } },
  'PATCH /api/r/:token/delegation/members/:invitationId': { summary: 'Change a member (head)', description: 'The head changes a member\'s details.', responses: { 200: 'The member' } },
  'DELETE /api/r/:token/delegation/members/:invitationId': { summary: 'Remove a member (head)', description: 'The head removes a member.', responses: { 204: 'Removed' } },
  'GET /api/events/:eventId/delegation': { summary: 'The delegation roster', description: 'The roster in protocol order, with an ETag version; passport data masked for staff.', responses: { 200: 'The roster' } },
  'PATCH /api/events/:eventId/delegation': { summary: 'The delegation\'s direction', description: 'Whether the delegation goes abroad or is received.', responses: { 200: 'The settings' } },
  'PUT /api/events/:eventId/delegation/order': { summary: 'Reorder the roster', description: 'Sets the protocol order; If-Match with the ETag refuses a save made from an older list.', responses: { 200: 'The roster', 412: 'The list changed since it was read' } },
  'GET /api/events/:eventId/delegation/members/:invitationId/link': { summary: 'A member\'s link', description: 'A member\'s personal link, to hand over.', responses: { 200: 'The link' } },
  'POST /api/events/:eventId/delegation/members': { summary: 'Add a member', description: 'Adds a member to the delegation.', responses: { 201: 'The member, with passport warnings' } },
  'PATCH /api/events/:eventId/delegation/members/:invitationId': { summary: 'Change a member', description: 'Changes a member\'s details.', responses: { 200: 'The member' } },
  'DELETE /api/events/:eventId/delegation/members/:invitationId': { summary: 'Remove a member', description: 'Removes a member from the delegation.', responses: { 204: 'Removed' } },
  'GET /api/events/:eventId/personal-data-log': { summary: 'Personal data log', description: 'Who read the event\'s passport data, and when it was purged.', responses: { 200: 'The log' } },
};
