import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/test-context.js';

/**
 * Contacts imported into the directory from the union's spreadsheets (issue 19), on DynamoDB
 * Local: a CSV with Vietnamese headers and semicolons, an XLSX written by openpyxl (not the
 * library that reads it here). Bad rows are reported by row and never drop the good ones; names
 * are stored in NFC; someone already in the directory is proposed, not added twice.
 */
let ctx: TestContext;
let organiser: Awaited<ReturnType<TestContext['as']>>;
let staff: Awaited<ReturnType<TestContext['as']>>;
let cookie: string;
const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures', name)));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  ctx = await createTestContext();
  organiser = await ctx.as('organiser');
  staff = await ctx.as('staff');
  cookie = await ctx.signIn((await ctx.createUser('organiser')).email);
});

/** Bytes as the browser's file upload sends them. */
async function upload(path: string, bytes: Uint8Array<ArrayBuffer>, contentType: string) {
  const response = await ctx.app.request(path, { method: 'POST', headers: { cookie, 'content-type': contentType }, body: bytes });
  return { status: response.status, body: (await response.json()) as any };
}

describe('contact import', () => {
  it('imports a CSV: good rows kept, bad rows reported by row, NFC names, existing contacts proposed, organisations matched or added', async () => {
    const embassy = await organiser('POST', '/api/organisations', { body: { name: 'Đại sứ quán Liên bang Nga', kind: 'embassy', country: 'RU' } });
    const sergei = await organiser('POST', '/api/contacts', { body: { name: 'Sergei Volkov', email: 'sergei.volkov@example.org', organisationId: embassy.body.organisation.organisationId } });
    expect(sergei.status).toBe(201);

    const preview = await upload('/api/contacts/import?preview=true', fixture('danh-ba-doi-tac.csv'), 'text/csv');
    expect(preview.status).toBe(200);
    expect(preview.body.preview).toBe(true);
    expect(preview.body.created).toBe(5);
    expect((await organiser('GET', '/api/contacts')).body.items).toHaveLength(1);

    const done = await upload('/api/contacts/import', fixture('danh-ba-doi-tac.csv'), 'text/csv; charset=utf-8');
    expect(done.status).toBe(200);
    expect(done.body.created).toBe(5);
    expect(done.body.errors.map((e: { row: number; field?: string }) => [e.row, e.field])).toEqual([
      [6, 'email'],
      [7, 'name'],
      [8, 'language'],
    ]);
    expect(done.body.errors[2].message).toContain('2 chữ cái');
    expect(done.body.duplicates).toEqual([
      { row: 9, email: 'tuyet.nta@example.org', reason: 'in_list' },
      { row: 10, email: 'sergei.volkov@example.org', reason: 'existing_contact', contactId: sergei.body.contact.contactId, name: 'Sergei Volkov' },
    ]);
    // The embassy matched by name; the friendship association written twice (case aside) added once.
    expect(done.body.newOrganisations).toEqual(['Hội hữu nghị Việt – Nga tỉnh Đắk Lắk', 'Trường Đại học Tây Nguyên', 'Sở Ngoại vụ tỉnh Mondulkiri']);

    const contacts = (await staff('GET', '/api/contacts')).body.items as { name: string; email?: string; phone?: string; language: string; tags: string[]; organisationId?: string }[];
    expect(contacts).toHaveLength(6);
    const tuyet = contacts.find((c) => c.email === 'tuyet.nta@example.org')!;
    expect(tuyet.name).toBe('Nguyễn Thị Ánh Tuyết'.normalize('NFC'));
    expect(tuyet.name).toBe(tuyet.name.normalize('NFC'));
    const anna = contacts.find((c) => c.name === 'Anna Ivanova')!;
    expect(anna.organisationId).toBe(embassy.body.organisation.organisationId);
    expect(anna.language).toBe('ru');
    expect(contacts.find((c) => c.name === 'Sok Dara')!.tags).toEqual(['ASEAN', 'Campuchia']);
    expect(contacts.find((c) => c.name === "H'Linh Niê")!.phone).toBeDefined();
    const bhim = contacts.find((c) => c.name === 'Y Bhim Ênuôl')!;
    expect(bhim.organisationId).toBe(tuyet.organisationId);
    const mondulkiri = (await organiser('GET', '/api/organisations', { body: undefined })).body.items.find((o: { name: string }) => o.name === 'Sở Ngoại vụ tỉnh Mondulkiri');
    expect(mondulkiri).toMatchObject({ kind: 'other', country: 'KH' });

    // The same file again adds nobody: each good row (the repeated one too) is now someone in the directory.
    const again = await upload('/api/contacts/import', fixture('danh-ba-doi-tac.csv'), 'text/csv');
    expect(again.body.created).toBe(0);
    expect(again.body.newOrganisations).toEqual([]);
    expect(again.body.duplicates.map((d: { row: number; reason: string }) => [d.row, d.reason])).toEqual([2, 3, 4, 5, 9, 10, 11].map((row) => [row, 'existing_contact']));
    expect((await staff('GET', '/api/contacts')).body.items).toHaveLength(6);
  });

  it('imports an XLSX written by another program: rows numbered as Excel shows them, links read as their text', async () => {
    const done = await upload('/api/contacts/import', fixture('partner-contacts.xlsx'), XLSX);
    expect(done.status).toBe(200);
    expect(done.body.created).toBe(3);
    expect(done.body.errors).toEqual([{ row: 4, field: 'email', message: 'Email không hợp lệ: "not-an-email".' }]);
    expect(done.body.duplicates).toEqual([{ row: 7, email: 'olga.smirnova@example.org', reason: 'in_list' }]);
    const contacts = (await organiser('GET', '/api/contacts')).body.items as { name: string; email?: string; phone?: string }[];
    expect(contacts.find((c) => c.name === 'Chanthy Keo')?.email).toBe('chanthy.keo@example.org');
    expect(contacts.find((c) => c.name === 'Trần Văn Nam')?.phone).toMatch(/912345678$/);
  });

  it('answers in English, takes a JSON list, refuses what is not a sheet, and is for organisers only', async () => {
    const json = await organiser('POST', '/api/contacts/import?preview=true', {
      body: { contacts: [{ name: 'Maria Rossi', email: 'maria.rossi@example.org', language: 'it' }, { name: 'No Address' }] },
      headers: { 'accept-language': 'en' },
    });
    expect(json.status).toBe(200);
    expect(json.body.created).toBe(1);
    expect(json.body.errors).toEqual([{ row: 2, field: 'email', message: 'An email address or a phone number is needed.' }]);

    const notSheet = await upload('/api/contacts/import', new TextEncoder().encode('PK not a workbook'), XLSX);
    expect(notSheet.status).toBe(422);
    expect(notSheet.body.error).toBe('xlsx_unreadable');
    const noName = await upload('/api/contacts/import', new TextEncoder().encode('email\nan@example.org\n'), 'text/csv');
    expect(noName.body.error).toBe('csv_no_name_column');
    expect((await staff('POST', '/api/contacts/import', { body: { contacts: [{ name: 'X', email: 'x@example.org' }] } })).status).toBe(403);
  });
});
