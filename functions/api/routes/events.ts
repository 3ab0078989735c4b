import { Hono } from 'hono';
import { listedUnitIds, unitForEvent } from '../../../shared/units/event-access.js';
import * as z from 'zod';
import { DEFAULT_PAGE_SIZE } from '../../../shared/db/pagination.js';
import { changeEventStatus } from '../../../shared/events/change-event-status.js';
import { createEvent } from '../../../shared/events/create-event.js';
import { createEventSchema, listEventsQuerySchema, updateEventSchema } from '../../../shared/events/event-schema.js';
import { getEvent } from '../../../shared/events/get-event.js';
import { listEvents } from '../../../shared/events/list-events.js';
import { updateEvent } from '../../../shared/events/update-event.js';
import { defaultFieldsFor } from '../../../shared/events/default-fields.js';
import { eventTypes } from '../../../shared/events/event-schema.js';
import type { AppDeps } from '../deps.js';
import { requirePermission, type AppEnv } from '../middleware/session.js';
import { jsonBody, queryParams } from '../validation.js';
import { onDemand } from '../on-demand.js';

// Rare paths, loaded at their first call (functions/api/on-demand.ts).
const { sendEventNotice } = onDemand(() => import('../../../shared/email/send-event-notice.js'));

const cancelEventSchema = z.strictObject({
  /** Mail everyone who holds the link (seat holders get a calendar cancellation); off unless asked. */
  notify: z.boolean().optional(),
  /** Kept with the event (the console and every personal link show it) and told in the notice. */
  reason: z.string().max(1000).transform((v) => v.normalize('NFC').trim()).optional(),
});

/** Events: organisers and admins write, staff read. */
export function eventRoutes(deps: AppDeps) {
  // Scoped to this sub-app's own paths: a '*' here would also guard the routes mounted below
  // /api/events/:eventId/ (attendees, where staff may write check-ins).
  const guard = requirePermission('events:read', 'events:write');
  const access = { units: deps.units, events: deps.events.events };
  return new Hono<AppEnv>()
    .use('/', guard)
    .use('/:eventId', guard)
    .use('/:eventId/:action', guard)
    .post('/',
      jsonBody(createEventSchema), async (c) => {
      const body = c.req.valid('json');
      const unitId = await unitForEvent(access, c.get('user'), body.unitId);
      return c.json({ event: await createEvent(deps.events, { ...body, unitId }, c.get('user').userId) }, 201);
    })
    .get('/',
      queryParams(listEventsQuerySchema), async (c) => {
      const { unitId, ...query } = c.req.valid('query');
      const unitIds = await listedUnitIds(access, c.get('user'), unitId);
      return c.json(await listEvents(deps.events, { ...query, unitIds, limit: query.limit ?? DEFAULT_PAGE_SIZE }));
    })
    .get('/field-defaults',
      (c) =>
      c.json({ items: eventTypes.map((type) => ({ type, fields: defaultFieldsFor(type) })) }),
    )
    .get('/:eventId',
      async (c) => c.json({ event: await getEvent(deps.events, c.req.param('eventId')) }))
    .patch('/:eventId',
      jsonBody(updateEventSchema), async (c) => {
      const changes = c.req.valid('json');
      // A move: the account must organise for the unit it moves the event to (admins move anywhere).
      if (changes.unitId !== undefined) await unitForEvent(access, c.get('user'), changes.unitId);
      return c.json({ event: await updateEvent(deps.events, c.req.param('eventId'), changes) });
    })
    .post('/:eventId/publish',
      async (c) =>
      c.json({ event: await changeEventStatus(deps.events, c.req.param('eventId'), 'publish') }),
    )
    .post('/:eventId/cancel',
      jsonBody(cancelEventSchema), async (c) => {
      const body = c.req.valid('json');
      const event = await changeEventStatus(deps.events, c.req.param('eventId'), 'cancel', { reason: body.reason });
      // Those who hold the link (and the calendar entry) hear of it, once each (send-event-notice.ts).
      if (!body.notify) return c.json({ event });
      const { notice, queued } = await sendEventNotice(deps.eventMail, event.eventId, {
        kind: 'event_cancelled',
        reason: body.reason,
        userId: c.get('user').userId,
      });
      return c.json({ event, notice: { noticeId: notice.noticeId, queued } });
    })
    .post('/:eventId/close',
      async (c) =>
      c.json({ event: await changeEventStatus(deps.events, c.req.param('eventId'), 'close') }),
    );
}
