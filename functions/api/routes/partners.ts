import { Hono, type Context } from 'hono';
import { ValidationError } from '../../../shared/errors.js';
import * as z from 'zod';
import {
  acceptProposalSchema,
  campaignInputSchema,
  campaignPatchSchema,
  contactInputSchema,
  contactPatchSchema,
  countrySchema,
  directoryFilterSchema,
  flowersSchema,
  mergeContactsSchema,
  occasionInputSchema,
  organisationInputSchema,
  organisationKinds,
  organisationPatchSchema,
  recipientsChangeSchema,
} from '../../../shared/partners/partner-schema.js';
import type { AppDeps } from '../deps.js';
import { requestLanguage } from '../language.js';
import { requirePermission, type AppEnv } from '../middleware/session.js';
import { jsonBody, queryParams } from '../validation.js';
import { onDemand } from '../on-demand.js';

// Rare paths, loaded at their first call (functions/api/on-demand.ts).
const directoryAndGreetings = onDemand(() => import('../partners-use-cases.js'));
const { contactHistory, createContact, createOrganisation, eraseContact, getContact, getOrganisation, listContacts, listOrganisations, mergeContacts, organisationHistory, updateContact, updateOrganisation } = directoryAndGreetings;
const { changeRecipients, createCampaign, deleteOccasion, getCampaign, listCampaigns, listOccasions, previewGreeting, printGreetingLetters, recordFlowers, saveOccasion, sendCampaign, upcomingOccasions, updateCampaign } = directoryAndGreetings;
const { inviteFromDirectory } = onDemand(() => import('../../../shared/partners/invite-from-directory.js'));
const { acceptProposal, proposeContacts } = directoryAndGreetings;
const { readErasedCounts } = onDemand(() => import('../../../shared/partners/read-erased-counts.js'));
const { readCsvRecords } = onDemand(() => import('../../../shared/invitations/parse-invitee-csv.js'));
const { readXlsxRecords } = onDemand(() => import('../../../shared/invitations/read-xlsx.js'));
const { contactRowsOf, importContacts } = onDemand(() => import('../../../shared/partners/import-contacts.js'));

/**
 * The partners directory and its occasions (README "Partners"): organisers and admins read and
 * write; staff read (contacts are personal data, Decree 13/2023). One sub-app per resource.
 */
const guard = requirePermission('partners:read', 'partners:write');

const listQuery = z.strictObject({
  kind: z.enum(organisationKinds).optional(),
  country: countrySchema.optional(),
  tag: z.string().max(60).optional(),
  organisationId: z.string().max(64).optional(),
  q: z.string().max(200).optional(),
});

/** Mounted at /api/organisations. */
export function organisationRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('*', guard)
    .get('/', queryParams(listQuery), async (c) => c.json({ items: await listOrganisations(deps.partners, c.req.valid('query')) }))
    .post('/', jsonBody(organisationInputSchema), async (c) => c.json({ organisation: await createOrganisation(deps.partners, c.req.valid('json')) }, 201))
    .get('/:organisationId', async (c) => c.json({ organisation: await getOrganisation(deps.partners, c.req.param('organisationId')) }))
    .patch('/:organisationId', jsonBody(organisationPatchSchema), async (c) =>
      c.json({ organisation: await updateOrganisation(deps.partners, c.req.param('organisationId'), c.req.valid('json')) }),
    )
    .get('/:organisationId/history', async (c) => c.json({ items: await organisationHistory(deps.partners, c.req.param('organisationId')) }));
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPES = new Set(['text/csv', 'application/csv', 'application/vnd.ms-excel']);
const importBody = z.strictObject({ contacts: z.array(z.unknown()).min(1).max(20_000) });
const unsupportedImport = () =>
  new ValidationError(
    { vi: 'Nội dung phải là tệp CSV, tệp Excel (.xlsx) hoặc JSON { contacts: [...] }.', en: 'The body must be a CSV file, an Excel file (.xlsx) or JSON { contacts: [...] }.' },
    undefined,
    'unsupported_media_type',
  );

/** The rows of a contact import: a sheet (row numbers as the spreadsheet shows) or a JSON list (row = position from 1). */
async function readContactRows(c: Context): Promise<{ row?: number; input: unknown }[]> {
  const [type = '', ...params] = (c.req.header('content-type') ?? '').split(';').map((p) => p.trim());
  const charset = params.find((p) => p.toLowerCase().startsWith('charset='))?.slice('charset='.length);
  const media = type.toLowerCase();
  if (media === XLSX_TYPE) return (await contactRowsOf(await readXlsxRecords(new Uint8Array(await c.req.arrayBuffer())))).rows;
  if (CSV_TYPES.has(media)) return (await contactRowsOf(await readCsvRecords(new Uint8Array(await c.req.arrayBuffer()), { charset }))).rows;
  if (media !== 'application/json') throw unsupportedImport();
  const parsed = importBody.safeParse(await c.req.json().catch(() => undefined));
  if (!parsed.success) throw unsupportedImport();
  return parsed.data.contacts.map((input, index) => ({ row: index + 1, input }));
}

const proposalsQuery = z.strictObject({ eventId: z.union([z.string().max(64), z.array(z.string().max(64)).max(50)]).optional() });

/** Mounted at /api/contacts. */
export function contactRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('*', guard)
    .get('/', queryParams(listQuery), async (c) => c.json({ items: await listContacts(deps.partners, c.req.valid('query')) }))
    .post('/', jsonBody(contactInputSchema), async (c) => c.json({ contact: await createContact(deps.partners, c.req.valid('json')) }, 201))
    .post('/import', async (c) => {
      const rows = await readContactRows(c);
      return c.json(await importContacts(deps.partners, { rows, language: requestLanguage(c), preview: c.req.query('preview') === 'true' }));
    })
    .get('/proposals', async (c) => {
      const parsed = proposalsQuery.parse({ eventId: c.req.queries('eventId') });
      const eventIds = parsed.eventId === undefined ? undefined : ([] as string[]).concat(parsed.eventId);
      return c.json(await proposeContacts(deps.partners, { eventIds }));
    })
    .get('/erased', async (c) => c.json(await readErasedCounts(deps.partners)))
    .post('/proposals/accept', jsonBody(acceptProposalSchema), async (c) => c.json(await acceptProposal(deps.partners, c.req.valid('json')), 201))
    .get('/:contactId', async (c) => c.json({ contact: await getContact(deps.partners, c.req.param('contactId')) }))
    .patch('/:contactId', jsonBody(contactPatchSchema), async (c) =>
      c.json({ contact: await updateContact(deps.partners, c.req.param('contactId'), c.req.valid('json')) }),
    )
    .delete('/:contactId', async (c) => {
      await eraseContact(deps.partners, c.req.param('contactId'));
      return c.body(null, 204);
    })
    .post('/:contactId/merge', jsonBody(mergeContactsSchema), async (c) =>
      c.json(await mergeContacts(deps.partners, c.req.param('contactId'), c.req.valid('json').fromContactId)),
    )
    .get('/:contactId/history', async (c) => c.json({ items: await contactHistory(deps.partners, c.req.param('contactId')) }));
}

/** The occasions calendar. Mounted at /api/occasions. */
export function occasionRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('*', guard)
    .get('/', async (c) => c.json({ items: await listOccasions(deps.partners) }))
    .get('/upcoming', queryParams(z.strictObject({ days: z.coerce.number().int().min(1).max(366).default(30) })), async (c) =>
      c.json({ items: await upcomingOccasions(deps.partners, c.req.valid('query').days) }),
    )
    .post('/', jsonBody(occasionInputSchema), async (c) => c.json({ occasion: await saveOccasion(deps.partners, undefined, c.req.valid('json')) }, 201))
    .put('/:occasionId', jsonBody(occasionInputSchema), async (c) => c.json({ occasion: await saveOccasion(deps.partners, c.req.param('occasionId'), c.req.valid('json')) }))
    .delete('/:occasionId', async (c) => {
      await deleteOccasion(deps.partners, c.req.param('occasionId'));
      return c.body(null, 204);
    });
}

/** Greetings campaigns. Mounted at /api/greetings. */
export function greetingRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('*', guard)
    .get('/', async (c) => c.json({ items: await listCampaigns(deps.partners) }))
    .post('/', jsonBody(campaignInputSchema), async (c) => {
      const { campaign, created } = await createCampaign(deps.partners, c.req.valid('json'), c.get('user').userId);
      return c.json({ campaign, created }, created ? 201 : 200);
    })
    .get('/:campaignId', async (c) => c.json(await getCampaign(deps.partners, c.req.param('campaignId'))))
    .patch('/:campaignId', jsonBody(campaignPatchSchema), async (c) => c.json({ campaign: await updateCampaign(deps.partners, c.req.param('campaignId'), c.req.valid('json')) }))
    .post('/:campaignId/recipients', jsonBody(recipientsChangeSchema), async (c) => c.json(await changeRecipients(deps.partners, c.req.param('campaignId'), c.req.valid('json'))))
    .get('/:campaignId/recipients/:contactId/preview', async (c) =>
      c.json({ mail: await previewGreeting(deps.partners, c.req.param('campaignId'), c.req.param('contactId')) }),
    )
    .put('/:campaignId/recipients/:contactId/flowers', jsonBody(flowersSchema), async (c) =>
      c.json(await recordFlowers(deps.partners, c.req.param('campaignId'), c.req.param('contactId'), c.req.valid('json'), c.get('user'))),
    )
    .post('/:campaignId/send', jsonBody(z.strictObject({ now: z.boolean().optional() })), async (c) =>
      c.json(await sendCampaign(deps.partners, c.req.param('campaignId'), c.req.valid('json')), 202),
    )
    .get('/:campaignId/letters/pdf', async (c) => {
      const printed = await printGreetingLetters(deps.partners, c.req.param('campaignId'), c.req.queries('contactId'));
      return c.body(printed.pdf as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${printed.fileName}"` });
    });
}

/** An event's list drawn from the directory. Mounted at /api/events/:eventId/invitations/from-directory. */
export function directoryInvitationRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('*', requirePermission('invitations:read', 'invitations:write'))
    .post('/', jsonBody(directoryFilterSchema), async (c) => {
      const preview = c.req.query('preview') === 'true';
      const result = await inviteFromDirectory(deps.partners, c.req.param('eventId')!, c.req.valid('json'), { language: requestLanguage(c), preview });
      return c.json(result, preview ? 200 : 201);
    });
}
