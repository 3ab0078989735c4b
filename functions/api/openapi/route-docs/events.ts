import { oneEventAnswer, eventsPageAnswer } from '../answer-schemas.js';
import type { RouteDocs } from '../describe-route.js';

/** What /api/openapi.json says of the routes in functions/api/routes/events.ts, by method and path. */
export const routeDocs: RouteDocs = {
  'POST /api/events': { summary: 'Create an event', description: 'A new event in draft, with its default fields for its type, in the unit given (the union by default, or the one unit its organiser holds); organisers and admins.', responses: { 201: { description: 'The event', schema: oneEventAnswer }, 403: 'The account does not organise for that unit' } },
  'GET /api/events': { summary: 'List events', description: 'Events newest first, filtered by status, type, year, unit or words of the title, among the units the account reaches; staff read too.', responses: { 200: { description: 'A page of events', schema: eventsPageAnswer } } },
  'GET /api/events/field-defaults': { summary: 'Default fields per event type', description: 'The fields a new event of each type starts with, for the event form.', responses: { 200: 'The fields per type' } },
  'GET /api/events/:eventId': { summary: 'Read an event', description: 'One event with its counts.', responses: { 200: { description: 'The event', schema: oneEventAnswer }, 404: 'No such event' } },
  'PATCH /api/events/:eventId': { summary: 'Change an event', description: 'Changes what is given; a change of time or place of a published event offers a notice; a move to another unit needs an account that organises for it.', responses: { 200: { description: 'The event', schema: oneEventAnswer }, 403: 'The account does not organise for that unit', 404: 'No such event', 409: 'The event no longer allows the change' } },
  'POST /api/events/:eventId/publish': { summary: 'Publish an event', description: 'A draft becomes published: invitations may be sent and links answered.', responses: { 200: { description: 'The event', schema: oneEventAnswer }, 409: 'Not a draft' } },
  'POST /api/events/:eventId/cancel': { summary: 'Cancel an event', description: 'Cancels the event; with notify, everyone holding a link is mailed once (seat holders get a calendar cancellation).', responses: { 200: { description: 'The event, and the notice when one was sent', schema: oneEventAnswer }, 409: 'Already cancelled or closed' } },
  'POST /api/events/:eventId/close': { summary: 'Close an event', description: 'Closes answering after the event.', responses: { 200: { description: 'The event', schema: oneEventAnswer }, 409: 'Not published' } },
};
