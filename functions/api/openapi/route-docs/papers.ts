import * as z from 'zod';
import type { RouteDocs } from '../describe-route.js';

/** What /api/openapi.json says of the routes in functions/api/routes/papers.ts, by method and path. */
export const routeDocs: RouteDocs = {
  'GET /api/papers/settings': { summary: 'Papers settings', description: 'How official papers are headed and signed.', responses: { 200: 'The settings' } },
  'PUT /api/papers/settings': { summary: 'Set papers settings', description: 'Admins set the heading and signature of official papers.', responses: { 200: 'The settings' } },
  'GET /api/events/:eventId/letters': { summary: 'List invitation letters', description: 'The event\'s numbered letters (giấy mời).', responses: { 200: 'The letters' } },
  'POST /api/events/:eventId/letters': { summary: 'Issue invitation letters', description: 'Numbers letters for the given invitations from the year\'s register.', responses: { 200: 'The letters' } },
  'GET /api/events/:eventId/letters/pdf': { summary: 'Print all letters', description: 'Every issued letter of the event in one PDF.', responses: { 200: { description: 'The PDF', files: ['application/pdf'] } } },
  'GET /api/events/:eventId/letters/:invitationId/pdf': { summary: 'Print one letter', description: 'One invitee\'s letter as a PDF.', responses: { 200: { description: 'The PDF', files: ['application/pdf'] } } },
  'GET /api/reports/years/:year': { summary: 'The year\'s report', description: 'The year\'s report to the provincial committee: figures (JSON), Word or PDF.', responses: { 200: { description: 'The report (JSON) or its file', schema: z.looseObject({ report: z.looseObject({}) }), files: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/pdf'] } } },
};
