import { routeDocs as answers } from './answers.js';
import { routeDocs as apiReference } from './api-reference.js';
import { routeDocs as attendees } from './attendees.js';
import { routeDocs as auth } from './auth.js';
import { routeDocs as delegations } from './delegations.js';
import { routeDocs as eventMail } from './event-mail.js';
import { routeDocs as events } from './events.js';
import { routeDocs as health } from './health.js';
import { routeDocs as invitations } from './invitations.js';
import { routeDocs as openRegistration } from './open-registration.js';
import { routeDocs as papers } from './papers.js';
import { routeDocs as partners } from './partners.js';
import { routeDocs as registrations } from './registrations.js';
import { routeDocs as units } from './units.js';
import { routeDocs as users } from './users.js';
import type { RouteDocs } from '../describe-route.js';

/** Every route's description, by method and path, as the route files in functions/api/routes/ register them. */
export const allRouteDocs: RouteDocs = {
  ...answers,
  ...apiReference,
  ...attendees,
  ...auth,
  ...delegations,
  ...eventMail,
  ...events,
  ...health,
  ...invitations,
  ...openRegistration,
  ...papers,
  ...partners,
  ...registrations,
  ...units,
  ...users,
};
