import { doorCountsAnswer, pageAnswer } from '../answer-schemas.js';
import type { RouteDocs } from '../describe-route.js';

/** What /api/openapi.json says of the routes in functions/api/routes/attendees.ts, by method and path. */
export const routeDocs: RouteDocs = {
  'GET /api/events/:eventId/attendees': { summary: 'List attendees', description: 'Those who accepted, sorted as official lists are (by given name); as JSON, CSV or XLSX (format). Passport data masked for staff.', responses: { 200: { description: 'A page of attendees (JSON), or the file', schema: pageAnswer, files: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] } } },
  'GET /api/events/:eventId/attendees/door': { summary: 'The door list', description: 'Everyone expected at the door, once, compressed; then only changes (door/changes).', responses: { 200: 'The door list and its version' } },
  'GET /api/events/:eventId/attendees/door/first': { summary: 'The door list’s first screen', description: 'The first confirmed people in name order, read from the name listing, so the first buttons come before the whole list.', responses: { 200: 'The first people' } },
  'GET /api/events/:eventId/attendees/door/changes': { summary: 'Door list changes', description: 'What changed at the door since a version the phone holds.', responses: { 200: 'The changes' } },
  'GET /api/events/:eventId/attendees/counts': { summary: 'Door counts', description: 'How many are expected and checked in, per group.', responses: { 200: { description: 'The counts', schema: doorCountsAnswer } } },
  'POST /api/events/:eventId/attendees/check-ins': { summary: 'Check in by code', description: 'Checks in the person whose door code (QR or typed) is given.', responses: { 200: 'The attendee, checked in', 404: 'No attendee with this code' } },
  'POST /api/events/:eventId/attendees/walk-ins': { summary: 'Add a walk-in', description: 'Someone not invited, admitted at the door, checked in at once.', responses: { 201: 'The walk-in' } },
  'POST /api/events/:eventId/attendees/:registrationId/check-in': { summary: 'Check in', description: 'Checks in one attendee (a second tap changes nothing).', responses: { 200: 'The attendee, checked in' } },
  'DELETE /api/events/:eventId/attendees/:registrationId/check-in': { summary: 'Undo a check-in', description: 'Takes back a check-in made by mistake.', responses: { 200: 'The attendee' } },
};
