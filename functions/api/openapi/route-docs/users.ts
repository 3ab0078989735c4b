import { createdUserAnswer, usersPageAnswer, oneUserAnswer } from '../answer-schemas.js';
import type { RouteDocs } from '../describe-route.js';

/** What /api/openapi.json says of the routes in functions/api/routes/users.ts, by method and path. */
export const routeDocs: RouteDocs = {
  'POST /api/users': { summary: 'Create a user', description: 'Admins create an account; a set-password link is mailed.', responses: { 201: { description: 'The user', schema: createdUserAnswer }, 409: 'The email is taken' } },
  'GET /api/users': { summary: 'List users', description: 'Accounts, a page at a time.', responses: { 200: { description: 'A page of users', schema: usersPageAnswer } } },
  'GET /api/users/:userId': { summary: 'Read a user', description: 'One account.', responses: { 200: { description: 'The user', schema: oneUserAnswer }, 404: 'No such user' } },
  'PATCH /api/users/:userId': { summary: 'Change a user', description: 'Name, role, language, or disabled (which ends their sessions).', responses: { 200: { description: 'The user', schema: oneUserAnswer } } },
  'POST /api/users/:userId/password-link': { summary: 'Mail a set-password link', description: 'Mails the user a new set-password link.', responses: { 202: 'Queued' } },
};
