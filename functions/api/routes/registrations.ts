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
import { describeRoute } from '../openapi/describe-route.js';
import { timelineAnswer } from '../openapi/answer-schemas.js';
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
      describeRoute({ summary: 'The waiting list', description: 'Who waits for a seat, in order.', responses: { 200: 'The waiting list' } }),
      async (c) => c.json(await listWaitlist(deps.registrations, c.req.param('eventId')!)))
    .get('/timeline',
      describeRoute({ summary: 'Answers per day', description: 'The invitees\' answers per day since the invitations went out.', responses: { 200: { description: 'The timeline', schema: timelineAnswer } } }),
      async (c) => c.json({ timeline: await getAnswerTimeline(deps.registrations, c.req.param('eventId')!) }))
    .get('/pending',
      describeRoute({ summary: 'Pending approvals', description: 'Answers waiting for an organiser to approve.', responses: { 200: 'The pending answers' } }),
      async (c) => c.json(await listPending(deps.registrations, c.req.param('eventId')!, c.get('user'))))
    .post('/approve',
      describeRoute({ summary: 'Approve', description: 'Approves pending answers, one or many.', responses: { 200: 'What was approved' } }),
      jsonBody(approveBodySchema), async (c) =>
      c.json(await approveRegistrations(deps.registrations, c.req.param('eventId')!, c.req.valid('json').invitationIds)),
    )
    .post('/reject',
      describeRoute({ summary: 'Reject', description: 'Rejects pending answers, with a reason told to the invitee.', responses: { 200: 'What was rejected' } }),
      jsonBody(rejectBodySchema), async (c) => {
      const body = c.req.valid('json');
      return c.json(await rejectRegistrations(deps.registrations, c.req.param('eventId')!, body.invitationIds, body.reason));
    })
    .post('/on-behalf/:invitationId',
      describeRoute({ summary: 'Answer on an invitee\'s behalf', description: 'Records an answer given by phone or in person.', responses: { 200: 'The answer' } }),
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
