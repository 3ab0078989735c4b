import { Hono } from 'hono';
import { getPublicEvent } from '../../../shared/registrations/get-public-event.js';
import { openRegistrationBodySchema } from '../../../shared/registrations/open-registration.js';
import { registerOpenly } from '../../../shared/registrations/register-openly.js';
import type { AppDeps } from '../deps.js';
import { requestLanguage } from '../language.js';
import type { AppEnv } from '../middleware/session.js';
import { jsonBody } from '../validation.js';

/**
 * An event's public registration page (public; only for a published event with open registration,
 * 404 otherwise), mounted at /api/events/:eventId. The answer to a registration is 202 whatever
 * happened: the mailed link is where the person confirms.
 */
export function openRegistrationRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/public',
      async (c) => c.json(await getPublicEvent(deps.openRegistration, c.req.param('eventId')!)))
    .post('/register',
      jsonBody(openRegistrationBodySchema), async (c) =>
      c.json(
        await registerOpenly(deps.openRegistration, c.req.param('eventId')!, c.req.valid('json'), deps.clientAddress(c), requestLanguage(c)),
        202,
      ),
    );
}
