import { Hono } from 'hono';
import {
  approveBodySchema,
  onBehalfBodySchema,
  rejectBodySchema,
} from '../../../shared/registrations/registration-schema.js';
import { answerOnBehalf } from '../../../shared/registrations/answer-on-behalf.js';
import { approveRegistrations } from '../../../shared/registrations/approve-registrations.js';
import { listPending } from '../../../shared/registrations/list-pending.js';
import { listWaitlist } from '../../../shared/registrations/list-waitlist.js';
import { rejectRegistrations } from '../../../shared/registrations/reject-registrations.js';
import type { AppDeps } from '../deps.js';
import { requirePermission, type AppEnv } from '../middleware/session.js';
import { jsonBody } from '../validation.js';
import { onDemand } from '../on-demand.js';

// Rare paths, loaded at their first call (functions/api/on-demand.ts).
const { getAnswerTimeline } = onDemand(() => import('../../../shared/registrations/answer-timeline.js'));

/**
 * The organiser's side of answers, mounted at /api/events/:eventId/registrations: the waiting
 * list, pending approvals and the answers per day (staff read them), approval and rejection one by one or in bulk,
 * and answers recorded on an invitee's behalf.
 */
export function registrationRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('*', requirePermission('registrations:read', 'registrations:write'))
    .get('/waitlist',
      async (c) => c.json(await listWaitlist(deps.registrations, c.req.param('eventId')!)))
    .get('/timeline',
      async (c) => c.json({ timeline: await getAnswerTimeline(deps.registrations, c.req.param('eventId')!) }))
    .get('/pending',
      async (c) => c.json(await listPending(deps.registrations, c.req.param('eventId')!, c.get('user'))))
    .post('/approve',
      jsonBody(approveBodySchema), async (c) =>
      c.json(await approveRegistrations(deps.registrations, c.req.param('eventId')!, c.req.valid('json').invitationIds)),
    )
    .post('/reject',
      jsonBody(rejectBodySchema), async (c) => {
      const body = c.req.valid('json');
      return c.json(await rejectRegistrations(deps.registrations, c.req.param('eventId')!, body.invitationIds, body.reason));
    })
    .post('/on-behalf/:invitationId',
      jsonBody(onBehalfBodySchema), async (c) =>
      c.json(
        await answerOnBehalf(
          deps.registrations,
          c.req.param('eventId')!,
          c.req.param('invitationId'),
          c.req.valid('json'),
          c.get('user').userId,
        ),
      ),
    );
}
