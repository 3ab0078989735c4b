import * as z from 'zod';
import { newId } from '../auth/secret-tokens.js';
import type { Language } from '../errors.js';
import { inviteeShape, type ImportError } from '../invitations/invitation-schema.js';
import { describeInviteeIssues } from '../invitations/invitee-problems.js';
import { columnForHeader, tableRows, type TableRows } from '../invitations/parse-invitee-csv.js';
import { foldAccents, normalizeText } from '../text/vietnamese.js';
import { type Contact, countrySchema, type Organisation, partnerLanguageSchema } from './partner-schema.js';
import type { PartnersDeps } from './partners-deps.js';

/**
 * Contacts imported from a spreadsheet (CSV or XLSX) or a JSON list into the directory, with the
 * invitee import's column names and per-row errors: a bad row is reported with its row number
 * and never drops the good ones. Someone already in the directory (same email or phone) is
 * proposed as that contact, not added twice; organisations are matched by name, accents and case
 * aside, and those not yet in the directory are added (kind "other").
 */

export type ContactColumn = 'name' | 'email' | 'phone' | 'organisation' | 'position' | 'language' | 'salutation' | 'group' | 'tags' | 'country';

const contactHeaders: Record<'tags' | 'country', string[]> = {
  tags: ['tags', 'tag', 'nhan', 'the', 'phan loai'],
  country: ['country', 'quoc gia', 'nuoc'],
};

/** A header to its column: the invitee import's names, plus tags and country. */
export function contactColumnForHeader(header: string): ContactColumn | 'familyName' | undefined {
  const known = columnForHeader(header);
  if (known) return known;
  const folded = foldAccents(header).replace(/[*:._]/g, ' ').replace(/\s+/g, ' ').trim();
  for (const [column, names] of Object.entries(contactHeaders)) if (names.includes(folded)) return column as ContactColumn;
  return undefined;
}

/** Records of a sheet (CSV or XLSX) to contact rows; whole-file problems refuse the file. */
export function contactRowsOf(records: string[][]): TableRows<ContactColumn> {
  return tableRows(records, contactColumnForHeader);
}

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const contactRowSchema = z
  .strictObject(
    {
      name: inviteeShape.name,
      email: inviteeShape.email,
      phone: inviteeShape.phone,
      organisation: inviteeShape.organisation,
      position: inviteeShape.position,
      salutation: inviteeShape.salutation,
      group: inviteeShape.group,
      language: z.preprocess((v) => (typeof blank(v) === 'string' ? (v as string).trim().toLowerCase() : blank(v)), partnerLanguageSchema.optional()),
      country: z.preprocess(blank, countrySchema.optional()),
      tags: z.preprocess(
        (v) => (typeof v === 'string' ? v.split(/[;,]/).map(normalizeText).filter(Boolean) : v),
        z.array(z.string().max(60, { error: 'tag_too_long' })).max(30, { error: 'tag_too_long' }).optional(),
      ),
    },
    { error: 'invitee_invalid' },
  )
  .superRefine((row, ctx) => {
    if (!row.email && !row.phone) ctx.addIssue({ code: 'custom', path: ['email'], message: 'contact_missing' });
  });
type ContactRow = z.output<typeof contactRowSchema>;

const contactOnlyProblems: Record<string, { vi: string; en: string }> = {
  language: { vi: 'Ngôn ngữ phải là mã 2 chữ cái (vi, en, ru, fr, ko…).', en: 'The language must be a 2-letter code (vi, en, ru, fr, ko…).' },
  country: { vi: 'Quốc gia phải là mã 2 chữ cái (RU, FR, KR…).', en: 'The country must be a 2-letter code (RU, FR, KR…).' },
  tags: { vi: 'Tối đa 30 nhãn, mỗi nhãn tối đa 60 ký tự.', en: 'At most 30 tags of at most 60 characters each.' },
};

function describeRowIssues(issues: z.core.$ZodIssue[], raw: unknown, language: Language) {
  const own = issues.filter((issue) => typeof issue.path[0] === 'string' && issue.path[0] in contactOnlyProblems);
  const shared = issues.filter((issue) => !own.includes(issue));
  return [
    ...describeInviteeIssues(shared, raw, language),
    ...[...new Set(own.map((issue) => issue.path[0] as string))].map((field) => ({ field, message: contactOnlyProblems[field]![language] })),
  ];
}

export type ContactImportDuplicate = {
  row?: number;
  email?: string;
  phone?: string;
  /** `in_list`: an earlier row of the same list; `existing_contact`: already in the directory as `contactId`. */
  reason: 'in_list' | 'existing_contact';
  contactId?: string;
  name?: string;
};
export type ContactImportResult = {
  created: number;
  duplicates: ContactImportDuplicate[];
  errors: ImportError[];
  /** Organisations named by the list and not in the directory: added with the contacts. */
  newOrganisations: string[];
  preview?: true;
};

const notSavedText = {
  vi: 'Chưa lưu được dòng này vì hệ thống đang bận. Hãy nhập lại danh sách: các dòng đã lưu sẽ được báo là trùng.',
  en: 'This row could not be saved because the system was busy. Import the list again: rows already saved will show as duplicates.',
};

const orgKey = (name: string) => foldAccents(name).toLowerCase().replace(/\s+/g, ' ').trim();
const byRow = (a: { row?: number }, b: { row?: number }) => (a.row ?? 0) - (b.row ?? 0);

export async function importContacts(
  deps: Pick<PartnersDeps, 'partners' | 'now'>,
  input: { rows: { row?: number; input: unknown }[]; language: Language; preview?: boolean },
): Promise<ContactImportResult> {
  const errors: ImportError[] = [];
  const valid: { row?: number; contact: ContactRow }[] = [];
  for (const { row, input: raw } of input.rows) {
    const parsed = contactRowSchema.safeParse(raw);
    if (parsed.success) valid.push({ row, contact: parsed.data });
    else for (const problem of describeRowIssues(parsed.error.issues, raw, input.language)) errors.push({ ...(row !== undefined ? { row } : {}), ...problem });
  }

  const [existingContacts, organisations] = await Promise.all([deps.partners.listContacts(), deps.partners.listOrganisations()]);
  const byAddress = new Map<string, Contact>();
  for (const c of existingContacts) {
    if (c.email) byAddress.set(`e:${c.email}`, c);
    if (c.phone) byAddress.set(`p:${c.phone}`, c);
  }
  const orgByKey = new Map(organisations.map((o) => [orgKey(o.name), o]));
  const seen = new Set<string>();
  const duplicates: ContactImportDuplicate[] = [];
  const toCreate: { row?: number; contact: ContactRow }[] = [];
  for (const entry of valid) {
    const { email, phone } = entry.contact;
    const keys = [email ? `e:${email}` : undefined, phone ? `p:${phone}` : undefined].filter((k): k is string => Boolean(k));
    const address = { ...(email ? { email } : { phone }) };
    const existing = keys.map((k) => byAddress.get(k)).find(Boolean);
    if (existing) duplicates.push({ ...(entry.row !== undefined ? { row: entry.row } : {}), ...address, reason: 'existing_contact', contactId: existing.contactId, name: existing.name });
    else if (keys.some((k) => seen.has(k))) duplicates.push({ ...(entry.row !== undefined ? { row: entry.row } : {}), ...address, reason: 'in_list' });
    else toCreate.push(entry);
    for (const k of keys) seen.add(k);
  }

  const at = deps.now().toISOString();
  const newOrganisations = new Map<string, Organisation>();
  for (const { contact } of toCreate) {
    if (!contact.organisation || orgByKey.has(orgKey(contact.organisation)) || newOrganisations.has(orgKey(contact.organisation))) continue;
    newOrganisations.set(orgKey(contact.organisation), {
      organisationId: newId(),
      name: contact.organisation,
      kind: 'other',
      ...(contact.country ? { country: contact.country } : {}),
      languages: [],
      tags: [],
      createdAt: at,
      updatedAt: at,
    });
  }
  const result = { duplicates: duplicates.sort(byRow), newOrganisations: [...newOrganisations.values()].map((o) => o.name) };
  if (input.preview) return { created: toCreate.length, ...result, errors: errors.sort(byRow), preview: true };

  for (const organisation of newOrganisations.values()) await deps.partners.insertOrganisation(organisation);
  let created = 0;
  // A few writes at a time: a list of thousands neither waits on one write after another nor floods the table.
  for (let i = 0; i < toCreate.length; i += 8) {
    await Promise.all(
      toCreate.slice(i, i + 8).map(async ({ row, contact }) => {
        const org = contact.organisation ? (orgByKey.get(orgKey(contact.organisation)) ?? newOrganisations.get(orgKey(contact.organisation))) : undefined;
        const tags = [...new Set([...(contact.tags ?? []), ...(contact.group ? [contact.group] : [])])];
        try {
          await deps.partners.insertContact({
            contactId: newId(),
            name: contact.name,
            ...(contact.salutation ? { salutation: contact.salutation } : {}),
            ...(contact.position ? { position: contact.position } : {}),
            ...(org ? { organisationId: org.organisationId } : {}),
            ...(contact.email ? { email: contact.email } : {}),
            ...(contact.phone ? { phone: contact.phone } : {}),
            language: contact.language ?? 'vi',
            tags,
            createdAt: at,
            updatedAt: at,
          });
          created += 1;
        } catch {
          errors.push({ ...(row !== undefined ? { row } : {}), message: notSavedText[input.language] });
        }
      }),
    );
  }
  return { created, ...result, errors: errors.sort(byRow) };
}
