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
import { describeRoute } from '../openapi/describe-route.js';
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
    .get('/', describeRoute({ summary: 'List organisations', description: 'The directory\'s organisations in name order, filtered by kind, country or tag.', responses: { 200: 'The answer', 404: 'Not found' } }), queryParams(listQuery), async (c) => c.json({ items: await listOrganisations(deps.partners, c.req.valid('query')) }))
    .post('/', describeRoute({ summary: 'Add an organisation', description: 'Organisers and admins add an organisation to the partners directory.', responses: { 201: 'Made', 409: 'Conflict' } }), jsonBody(organisationInputSchema), async (c) => c.json({ organisation: await createOrganisation(deps.partners, c.req.valid('json')) }, 201))
    .get('/:organisationId', describeRoute({ summary: 'Read an organisation', description: 'One organisation of the directory.', responses: { 200: 'The answer', 404: 'Not found' } }), async (c) => c.json({ organisation: await getOrganisation(deps.partners, c.req.param('organisationId')) }))
    .patch('/:organisationId', describeRoute({ summary: 'Edit an organisation', description: 'Changes only the fields sent; 409 when someone changed it first.', responses: { 200: 'The answer', 404: 'Not found' } }), jsonBody(organisationPatchSchema), async (c) =>
      c.json({ organisation: await updateOrganisation(deps.partners, c.req.param('organisationId'), c.req.valid('json')) }),
    )
    .get('/:organisationId/history', describeRoute({ summary: 'Organisation history', description: 'Invitations and greetings of its people while they were with it, newest first.', responses: { 200: 'The answer', 404: 'Not found' } }), async (c) => c.json({ items: await organisationHistory(deps.partners, c.req.param('organisationId')) }));
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
    .get('/', describeRoute({ summary: 'List contacts', description: 'Contacts in Vietnamese name order (given name first); staff read only.', responses: { 200: 'The answer', 404: 'Not found' } }), queryParams(listQuery), async (c) => c.json({ items: await listContacts(deps.partners, c.req.valid('query')) }))
    .post('/', describeRoute({ summary: 'Add a contact', description: 'Organisers and admins add a contact (personal data, Decree 13/2023).', responses: { 201: 'Made', 409: 'Conflict' } }), jsonBody(contactInputSchema), async (c) => c.json({ contact: await createContact(deps.partners, c.req.valid('json')) }, 201))
    .post('/import', describeRoute({ summary: 'Import contacts', description: 'Adds contacts from a CSV or Excel (.xlsx) file or a JSON list, with the invitee import\'s columns plus tags and country; preview=true checks without saving. Bad rows are reported by row and the good ones kept; someone already in the directory (same email or phone) is proposed, not added twice; organisations not yet in the directory are added.', responses: { 200: 'What was added, proposed as existing contacts, or refused, by row' } }), async (c) => {
      const rows = await readContactRows(c);
      return c.json(await importContacts(deps.partners, { rows, language: requestLanguage(c), preview: c.req.query('preview') === 'true' }));
    })
    .get('/proposals', describeRoute({ summary: 'Proposed contacts', description: 'People of past invitation lists not yet in the directory, grouped by email, phone, or name at the same organisation.', responses: { 200: 'The answer', 404: 'Not found' } }), async (c) => {
      const parsed = proposalsQuery.parse({ eventId: c.req.queries('eventId') });
      const eventIds = parsed.eventId === undefined ? undefined : ([] as string[]).concat(parsed.eventId);
      return c.json(await proposeContacts(deps.partners, { eventIds }));
    })
    .get('/erased', describeRoute({ summary: 'Erased contacts\' counts', description: 'What erased contacts left: counts of invitations, attendance and greetings only.', responses: { 200: 'The answer', 404: 'Not found' } }), async (c) => c.json(await readErasedCounts(deps.partners)))
    .post('/proposals/accept', describeRoute({ summary: 'Accept a proposal', description: 'One contact for the given invitations, each linked and entered in its history.', responses: { 201: 'Made', 409: 'Conflict' } }), jsonBody(acceptProposalSchema), async (c) => c.json(await acceptProposal(deps.partners, c.req.valid('json')), 201))
    .get('/:contactId', describeRoute({ summary: 'Read a contact', description: 'One contact of the directory.', responses: { 200: 'The answer', 404: 'Not found' } }), async (c) => c.json({ contact: await getContact(deps.partners, c.req.param('contactId')) }))
    .patch('/:contactId', describeRoute({ summary: 'Edit a contact', description: 'Changes only the fields sent; a change of organisation keeps the former one.', responses: { 200: 'The answer', 404: 'Not found' } }), jsonBody(contactPatchSchema), async (c) =>
      c.json({ contact: await updateContact(deps.partners, c.req.param('contactId'), c.req.valid('json')) }),
    )
    .delete('/:contactId', describeRoute({ summary: 'Erase a contact', description: 'Erasure on request: the contact, history and links go; only counts stay.', responses: { 204: 'Done', 404: 'Not found' } }), async (c) => {
      await eraseContact(deps.partners, c.req.param('contactId'));
      return c.body(null, 204);
    })
    .post('/:contactId/merge', describeRoute({ summary: 'Merge contacts', description: 'Moves the other contact\'s history here entry by entry, then removes it.', responses: { 200: 'The answer', 404: 'Not found' } }), jsonBody(mergeContactsSchema), async (c) =>
      c.json(await mergeContacts(deps.partners, c.req.param('contactId'), c.req.valid('json').fromContactId)),
    )
    .get('/:contactId/history', describeRoute({ summary: 'Contact history', description: 'Events invited to, answers, attendance and greetings, newest first.', responses: { 200: 'The answer', 404: 'Not found' } }), async (c) => c.json({ items: await contactHistory(deps.partners, c.req.param('contactId')) }));
}

/** The occasions calendar. Mounted at /api/occasions. */
export function occasionRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('*', guard)
    .get('/', describeRoute({ summary: 'List occasions', description: 'The union\'s table of occasions (national days), seeded once.', responses: { 200: 'The answer', 404: 'Not found' } }), async (c) => c.json({ items: await listOccasions(deps.partners) }))
    .get('/upcoming', describeRoute({ summary: 'Upcoming occasions', description: 'Occasions of the coming days (table, organisations\' founding days, Tết) and who is not greeted.', responses: { 200: 'The answer', 404: 'Not found' } }), queryParams(z.strictObject({ days: z.coerce.number().int().min(1).max(366).default(30) })), async (c) =>
      c.json({ items: await upcomingOccasions(deps.partners, c.req.valid('query').days) }),
    )
    .post('/', describeRoute({ summary: 'Add an occasion', description: 'Adds a day to the union\'s occasions table.', responses: { 201: 'Made', 409: 'Conflict' } }), jsonBody(occasionInputSchema), async (c) => c.json({ occasion: await saveOccasion(deps.partners, undefined, c.req.valid('json')) }, 201))
    .put('/:occasionId', describeRoute({ summary: 'Edit an occasion', description: 'Replaces an occasion of the table.', responses: { 200: 'The answer', 404: 'Not found' } }), jsonBody(occasionInputSchema), async (c) => c.json({ occasion: await saveOccasion(deps.partners, c.req.param('occasionId'), c.req.valid('json')) }))
    .delete('/:occasionId', describeRoute({ summary: 'Remove an occasion', description: 'Removes an occasion from the table.', responses: { 204: 'Done', 404: 'Not found' } }), async (c) => {
      await deleteOccasion(deps.partners, c.req.param('occasionId'));
      return c.body(null, 204);
    });
}

/** Greetings campaigns. Mounted at /api/greetings. */
export function greetingRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('*', guard)
    .get('/', describeRoute({ summary: 'List greetings campaigns', description: 'Campaigns, newest first.', responses: { 200: 'The answer', 404: 'Not found' } }), async (c) => c.json({ items: await listCampaigns(deps.partners) }))
    .post('/', describeRoute({ summary: 'Start a greetings campaign', description: 'One campaign per occasion and year; recipients from the directory or last year\'s campaign.', responses: { 200: 'The campaign already made', 201: 'The campaign made' } }), jsonBody(campaignInputSchema), async (c) => {
      const { campaign, created } = await createCampaign(deps.partners, c.req.valid('json'), c.get('user').userId);
      return c.json({ campaign, created }, created ? 201 : 200);
    })
    .get('/:campaignId', describeRoute({ summary: 'Read a campaign', description: 'The campaign, its recipients in name order and its progress.', responses: { 200: 'The answer', 404: 'Not found' } }), async (c) => c.json(await getCampaign(deps.partners, c.req.param('campaignId'))))
    .patch('/:campaignId', describeRoute({ summary: 'Edit a campaign', description: 'Title, letter templates per language, the day it is sent.', responses: { 200: 'The answer', 404: 'Not found' } }), jsonBody(campaignPatchSchema), async (c) => c.json({ campaign: await updateCampaign(deps.partners, c.req.param('campaignId'), c.req.valid('json')) }))
    .post('/:campaignId/recipients', describeRoute({ summary: 'Change recipients', description: 'Adds contacts; removes recipients not yet queued.', responses: { 200: 'The answer', 404: 'Not found' } }), jsonBody(recipientsChangeSchema), async (c) => c.json(await changeRecipients(deps.partners, c.req.param('campaignId'), c.req.valid('json'))))
    .get('/:campaignId/recipients/:contactId/preview', describeRoute({ summary: 'Preview a greeting', description: 'The mail as this recipient receives it.', responses: { 200: 'The answer', 404: 'Not found' } }), async (c) =>
      c.json({ mail: await previewGreeting(deps.partners, c.req.param('campaignId'), c.req.param('contactId')) }),
    )
    .put('/:campaignId/recipients/:contactId/flowers', describeRoute({ summary: 'Record flowers', description: 'Flowers ordered for a recipient: when, cost, by whom.', responses: { 200: 'The answer', 404: 'Not found' } }), jsonBody(flowersSchema), async (c) =>
      c.json(await recordFlowers(deps.partners, c.req.param('campaignId'), c.req.param('contactId'), c.req.valid('json'), c.get('user'))),
    )
    .post('/:campaignId/send', describeRoute({ summary: 'Send a campaign', description: 'Queues each recipient\'s mail once through the outbox, due at 08:00 on the day (or now).', responses: { 202: 'Queued' } }), jsonBody(z.strictObject({ now: z.boolean().optional() })), async (c) =>
      c.json(await sendCampaign(deps.partners, c.req.param('campaignId'), c.req.valid('json')), 202),
    )
    .get('/:campaignId/letters/pdf', describeRoute({ summary: 'Print greeting letters', description: 'The letters on the union\'s letterhead as one PDF.', responses: { 200: { description: 'The letters', files: ['application/pdf'] }, 404: 'No such campaign or recipient' } }), async (c) => {
      const printed = await printGreetingLetters(deps.partners, c.req.param('campaignId'), c.req.queries('contactId'));
      return c.body(printed.pdf as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${printed.fileName}"` });
    });
}

/** An event's list drawn from the directory. Mounted at /api/events/:eventId/invitations/from-directory. */
export function directoryInvitationRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('*', requirePermission('invitations:read', 'invitations:write'))
    .post('/', describeRoute({ summary: 'Invite from the directory', description: 'Draws the event\'s invitee list from the directory; each invitation linked to its contact.', responses: { 200: 'The preview', 201: 'Invited' } }), jsonBody(directoryFilterSchema), async (c) => {
      const preview = c.req.query('preview') === 'true';
      const result = await inviteFromDirectory(deps.partners, c.req.param('eventId')!, c.req.valid('json'), { language: requestLanguage(c), preview });
      return c.json(result, preview ? 200 : 201);
    });
}
