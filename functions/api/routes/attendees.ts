import { Hono } from 'hono';
import { checkInByCodeSchema, listAttendeesQuerySchema, walkInSchema } from '../../../shared/attendees/attendee-schema.js';
import { addWalkIn } from '../../../shared/attendees/add-walk-in.js';
import { checkIn } from '../../../shared/attendees/check-in.js';
import { checkInByCode } from '../../../shared/attendees/check-in-by-code.js';
import { doorCounts } from '../../../shared/attendees/door-counts.js';
import { undoCheckIn } from '../../../shared/attendees/undo-check-in.js';
import { listAttendees } from '../../../shared/attendees/list-attendees.js';
import { eventFileName } from '../../../shared/text/file-name.js';
import { doorChangesQuerySchema, readDoorChanges } from '../../../shared/attendees/read-door-changes.js';
import { doorFirstQuerySchema, readDoorFirstPage } from '../../../shared/attendees/read-door-first-page.js';
import { readDoorList } from '../../../shared/attendees/read-door-list.js';
import { compress } from 'hono/compress';
import type { AppDeps } from '../deps.js';
import { requestLanguage } from '../language.js';
import { requirePermission, type AppEnv } from '../middleware/session.js';
import { jsonBody, queryParams } from '../validation.js';
import { onDemand } from '../on-demand.js';

// CSV and XLSX exports, loaded with the first (functions/api/on-demand.ts).
const { attendeeTable, toCsv, toXlsx } = onDemand(() => import('../../../shared/attendees/export-attendees.js'));

/** A file name people can use: what it is, the event's title and day, ASCII only (file-name.ts). */
const fileName = (event: { title: { vi: string; en?: string }; startsAt: string }, language: 'vi' | 'en', extension: string) =>
  eventFileName(language === 'vi' ? 'danh sach tham du' : 'attendees', event, language, extension);

/**
 * Attendees of one event (docs/api/API.md "Attendees"): the list, its CSV and XLSX exports, and the door
 * (check-in, undo, by code, walk-ins, live counts). Staff may use all of it; passport data is
 * masked for them. Mounted at /api/events/:eventId/attendees.
 */
export function attendeeRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('*', requirePermission('attendees:read', 'attendees:check-in'))
    .get('/',
      queryParams(listAttendeesQuerySchema), async (c) => {
      const query = c.req.valid('query');
      const eventId = c.req.param('eventId')!;
      const list = await listAttendees(deps.attendees, eventId, query, c.get('user'));
      if (query.format === 'csv' || query.format === 'xlsx') {
        const language = requestLanguage(c);
        const table = await attendeeTable(list.items, query.columns ?? ['organisation', 'position'], language, list.event.fields);
        if (query.format === 'csv') {
          c.header('Content-Disposition', `attachment; filename="${fileName(list.event, language, 'csv')}"`);
          return c.body(await toCsv(table), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
        }
        c.header('Content-Disposition', `attachment; filename="${fileName(list.event, language, 'xlsx')}"`);
        const workbook = await toXlsx(table, list.event.title.vi);
        return c.body(workbook as Uint8Array<ArrayBuffer>, 200, {
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        });
      }
      return c.json({
        items: list.items,
        ...(list.groups ? { groups: list.groups } : {}),
        ...(list.nextCursor ? { nextCursor: list.nextCursor } : {}),
      });
    })
    // The check-in page: the list once, compressed, then only what changed (a phone's data plan).
    .get('/door',
      compress(), async (c) => c.json(await readDoorList(deps.checkIn, c.req.param('eventId')!)))
    // Its first screen before the whole list: a few dozen people, read from the name listing.
    .get('/door/first',
      queryParams(doorFirstQuerySchema), async (c) =>
      c.json(await readDoorFirstPage(deps.checkIn, c.req.param('eventId')!, c.req.valid('query').limit)),
    )
    .get('/door/changes',
      queryParams(doorChangesQuerySchema), async (c) =>
      c.json(await readDoorChanges(deps.checkIn, c.req.param('eventId')!, c.req.valid('query').since)),
    )
    .get('/counts',
      async (c) => c.json(await doorCounts(deps.checkIn, c.req.param('eventId')!)))
    .post('/check-ins',
      jsonBody(checkInByCodeSchema), async (c) =>
      c.json(await checkInByCode(deps.checkIn, c.req.param('eventId')!, c.req.valid('json').code, c.get('user').userId)),
    )
    .post('/walk-ins',
      jsonBody(walkInSchema), async (c) =>
      c.json(await addWalkIn(deps.checkIn, c.req.param('eventId')!, c.req.valid('json'), c.get('user').userId), 201),
    )
    .post('/:registrationId/check-in',
      async (c) =>
      c.json(await checkIn(deps.checkIn, c.req.param('eventId')!, c.req.param('registrationId'), c.get('user').userId)),
    )
    .delete('/:registrationId/check-in',
      async (c) =>
      c.json(await undoCheckIn(deps.checkIn, c.req.param('eventId')!, c.req.param('registrationId'))),
    );
}
