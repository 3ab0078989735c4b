import { Hono } from 'hono';
import * as z from 'zod';
import { listedUnitIds } from '../../../shared/units/event-access.js';
import { issueLettersSchema, letterLanguageQuerySchema, papersSettingsSchema, yearReportQuerySchema } from '../../../shared/papers/papers-settings-schema.js';
import { ValidationError } from '../../../shared/errors.js';
import type { AppDeps } from '../deps.js';
import { requirePermission, type AppEnv } from '../middleware/session.js';
import { jsonBody, queryParams } from '../validation.js';
import { describeRoute } from '../openapi/describe-route.js';
import { onDemand } from '../on-demand.js';

// Rare paths, loaded at their first call (functions/api/on-demand.ts).
const { getPapersSettings, savePapersSettings } = onDemand(() => import('../../../shared/papers/papers-settings.js'));
const { issueInvitationLetters, listInvitationLetters } = onDemand(() => import('../../../shared/papers/issue-invitation-letters.js'));
const { printInvitationLetters } = onDemand(() => import('../../../shared/papers/print-invitation-letters.js'));
const { renderYearReportDocx } = onDemand(() => import('../../../shared/papers/render-year-report-docx.js'));
const { renderYearReportPdf } = onDemand(() => import('../../../shared/papers/render-year-report-pdf.js'));
const { buildYearReport } = onDemand(() => import('../../../shared/papers/year-report.js'));

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const attachment = (fileName: string) => `attachment; filename="${fileName}"`;

/** How papers are headed and signed (docs/api/reference.md, "Official papers"): everyone reads, admins set. Mounted at /api/papers. */
export function papersSettingsRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('/settings', requirePermission('events:read', 'papers:configure'))
    .get('/settings',
      describeRoute({ summary: 'Papers settings', description: 'How official papers are headed and signed.', responses: { 200: 'The settings' } }),
      async (c) => c.json({ settings: await getPapersSettings(deps.papers) }))
    .put('/settings',
      describeRoute({ summary: 'Set papers settings', description: 'Admins set the heading and signature of official papers.', responses: { 200: 'The settings' } }),
      jsonBody(papersSettingsSchema), async (c) =>
      c.json({ settings: await savePapersSettings(deps.papers, c.req.valid('json'), c.get('user').userId) }),
    );
}

/**
 * An event's giấy mời: numbered from the year's register by organisers, printed by anyone who
 * prints lists. Mounted at /api/events/:eventId/letters.
 */
export function letterRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('*', requirePermission('attendees:read', 'invitations:write'))
    .get('/',
      describeRoute({ summary: 'List invitation letters', description: 'The event\'s numbered letters (giấy mời).', responses: { 200: 'The letters' } }),
      async (c) => c.json({ items: await listInvitationLetters(deps.papers, c.req.param('eventId')!) }))
    .post('/',
      describeRoute({ summary: 'Issue invitation letters', description: 'Numbers letters for the given invitations from the year\'s register.', responses: { 200: 'The letters' } }),
      jsonBody(issueLettersSchema), async (c) =>
      c.json({ items: await issueInvitationLetters(deps.papers, c.req.param('eventId')!, c.req.valid('json').invitationIds) }),
    )
    .get('/pdf',
      describeRoute({ summary: 'Print all letters', description: 'Every issued letter of the event in one PDF.', responses: { 200: { description: 'The PDF', files: ['application/pdf'] } } }),
      queryParams(letterLanguageQuerySchema), async (c) => {
      const printed = await printInvitationLetters(deps.papers, c.req.param('eventId')!, { language: c.req.valid('query').language });
      return c.body(printed.pdf as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': PDF, 'Content-Disposition': attachment(printed.fileName) });
    })
    .get('/:invitationId/pdf',
      describeRoute({ summary: 'Print one letter', description: 'One invitee\'s letter as a PDF.', responses: { 200: { description: 'The PDF', files: ['application/pdf'] } } }),
      queryParams(letterLanguageQuerySchema), async (c) => {
      const printed = await printInvitationLetters(deps.papers, c.req.param('eventId')!, {
        invitationId: c.req.param('invitationId'),
        language: c.req.valid('query').language,
      });
      return c.body(printed.pdf as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': PDF, 'Content-Disposition': attachment(printed.fileName) });
    });
}

/** The year's report to the provincial committee, as figures (JSON), a Word document or a PDF. Mounted at /api/reports. */
export function reportRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('*', requirePermission('events:read'))
    .get('/years/:year',
      describeRoute({ summary: 'The year\'s report', description: 'The year\'s report to the provincial committee: figures (JSON), Word or PDF.', responses: { 200: { description: 'The report (JSON) or its file', schema: z.looseObject({ report: z.looseObject({}) }), files: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/pdf'] } } }),
      queryParams(yearReportQuerySchema), async (c) => {
      const year = Number(c.req.param('year'));
      if (!Number.isInteger(year) || year < 2000 || year > 2100) {
        throw new ValidationError({ vi: 'Năm không hợp lệ (2000–2100).', en: 'Not a valid year (2000–2100).' }, [{ path: 'year', code: 'invalid_year', message: 'A year from 2000 to 2100' }], 'validation_failed');
      }
      const report = await buildYearReport(deps.papers, year, await listedUnitIds({ units: deps.units, events: deps.events.events }, c.get('user')));
      const format = c.req.valid('query').format ?? 'json';
      if (format === 'json') return c.json({ report });
      const settings = await getPapersSettings(deps.papers);
      const name = `bao-cao-doi-ngoai-nhan-dan-${year}.${format}`;
      const file = format === 'docx' ? await renderYearReportDocx(report, settings, deps.papers.now()) : await renderYearReportPdf(report, settings, deps.papers.now());
      return c.body(file as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': format === 'docx' ? DOCX : PDF, 'Content-Disposition': attachment(name) });
    });
}
