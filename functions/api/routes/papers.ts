import { Hono } from 'hono';
import { listedUnitIds } from '../../../shared/units/event-access.js';
import { issueLettersSchema, letterLanguageQuerySchema, papersSettingsSchema, yearReportQuerySchema } from '../../../shared/papers/papers-settings-schema.js';
import { ValidationError } from '../../../shared/errors.js';
import type { AppDeps } from '../deps.js';
import { requirePermission, type AppEnv } from '../middleware/session.js';
import { jsonBody, queryParams } from '../validation.js';
import { onDemand } from '../on-demand.js';

// Rare paths, loaded at their first call (functions/api/on-demand.ts).
const { getPapersSettings } = onDemand(() => import('../../../shared/papers/get-papers-settings.js'));
const { savePapersSettings } = onDemand(() => import('../../../shared/papers/save-papers-settings.js'));
const { issueInvitationLetters } = onDemand(() => import('../../../shared/papers/issue-invitation-letters.js'));
const { listInvitationLetters } = onDemand(() => import('../../../shared/papers/list-invitation-letters.js'));
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
      async (c) => c.json({ settings: await getPapersSettings(deps.papers) }))
    .put('/settings',
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
      async (c) => c.json({ items: await listInvitationLetters(deps.papers, c.req.param('eventId')!) }))
    .post('/',
      jsonBody(issueLettersSchema), async (c) =>
      c.json({ items: await issueInvitationLetters(deps.papers, c.req.param('eventId')!, c.req.valid('json').invitationIds) }),
    )
    .get('/pdf',
      queryParams(letterLanguageQuerySchema), async (c) => {
      const printed = await printInvitationLetters(deps.papers, c.req.param('eventId')!, { language: c.req.valid('query').language });
      return c.body(printed.pdf as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': PDF, 'Content-Disposition': attachment(printed.fileName) });
    })
    .get('/:invitationId/pdf',
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
