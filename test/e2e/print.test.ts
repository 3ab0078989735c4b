import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PASSPORT_CONSENT_VERSION } from '../../shared/delegations/passport-data.js';
import { compareVietnameseNames } from '../../shared/text/vietnamese.js';
import { signInOnPage } from '../support/browser.js';
import { createUser, manyInvitees, seedConfirmedEvent } from '../support/seed-attendees.js';
import { pdfPages } from '../support/pdf-text.js';
import { productInBrowser } from '../support/product-in-browser.js';

/**
 * Issue 9 in Debian's Chromium against the real product: the sign-in sheet printed to PDF and
 * read back with poppler's pdftotext (headers and "Trang x/y" on every page, names intact and in
 * Vietnamese order, the blank rows); a staff account prints and exports but is refused passport
 * data; the delegation roster shows passports to an organiser and masks them for staff.
 */
const e2e = productInBrowser();
const { open } = e2e;

const staff = { email: 'staff.print@example.org', password: 'staff-password-for-tests', name: 'Y Blốc Êban', role: 'staff' as const };
const PEOPLE = 70;
const BLANK = 4;

let eventId: string;
let rosterEventId: string;
let names: string[];
const workDir = mkdtempSync(join(tmpdir(), 'huu-nghi-print-'));

beforeAll(async () => {
  await createUser(e2e.admin, staff);

  // One name arrives decomposed (NFD), as some spreadsheets write it: stored and printed composed.
  const invitees = manyInvitees(PEOPLE - 1);
  invitees.push({ name: 'Trần Thị Thuỷ'.normalize('NFD'), organisation: 'Sở Ngoại vụ tỉnh Đắk Lắk', position: 'Chuyên viên' });
  names = invitees.map((i) => i.name.normalize('NFC'));
  ({ eventId } = await seedConfirmedEvent(
    e2e.admin,
    {
      title: { vi: 'Hội nghị gặp mặt các tổ chức phi chính phủ nước ngoài', en: 'Meeting of foreign NGOs' },
      venue: 'Hội trường Liên hiệp, 45 Lê Duẩn, Buôn Ma Thuột',
      startsAt: '2031-11-20T08:00:00+07:00',
      endsAt: '2031-11-20T11:30:00+07:00',
    },
    invitees,
  ));

  // A delegation: the head with a passport, a member with one, an interpreter.
  const trip = await e2e.admin.call('POST', '/api/events', {
    type: 'delegation',
    title: { vi: 'Đoàn công tác Mondulkiri', en: 'Visit to Mondulkiri' },
    venue: 'Sen Monorom, Mondulkiri, Campuchia',
    startsAt: '2031-03-10T08:00:00+07:00',
    endsAt: '2031-03-14T17:00:00+07:00',
  });
  rosterEventId = trip.body.event.eventId;
  expect((await e2e.admin.call('POST', `/api/events/${rosterEventId}/publish`)).status).toBe(200);
  const consent = { version: PASSPORT_CONSENT_VERSION };
  for (const member of [
    { name: 'Lê Thị Mai', role: 'interpreter', position: 'Phiên dịch viên', details: { passportNumber: 'C7654321', passportExpiry: '2034-06-30', dateOfBirth: '1990-12-24' } },
    { name: 'Y Ngông Niê Kdăm', role: 'head', protocolRank: 1, position: 'Chủ tịch', organisation: 'Liên hiệp hữu nghị Đắk Lắk', details: { passportNumber: 'C1234567', passportExpiry: '2035-01-31', dateOfBirth: '1970-05-02' } },
    { name: 'Nguyễn Văn Hùng', role: 'member', position: 'Chuyên viên', details: { passportNumber: 'B2223334', passportExpiry: '2033-09-01', dateOfBirth: '1985-01-15' } },
  ]) {
    const added = await e2e.admin.call('POST', `/api/events/${rosterEventId}/delegation/members`, { ...member, consent });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
  }
}, 240_000);

afterAll(async () => {
  rmSync(workDir, { recursive: true, force: true });
});

async function openPage() {
  return open({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
}

const signIn = (page: Page, email: string, password: string) => signInOnPage(page, e2e.product.url, { email, password });

/** Prints the page as Chromium would to paper, and answers pdftotext's pages (NFC). */
async function printedPages(page: Page, name: string): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const file = join(workDir, `${name}.pdf`);
  writeFileSync(file, pdf);
  // Kept on disk for pageSizes (pdfinfo).
  return pdfPages({ path: file });
}

/** The size of each page of a PDF, from pdfinfo: "595.276 x 841.89" is A4 portrait. */
function pageSizes(name: string): string[] {
  const info = execFileSync('/usr/bin/pdfinfo', ['-f', '1', '-l', '999', join(workDir, `${name}.pdf`)], { encoding: 'utf8' });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => (Number(m[1]) < Number(m[2]) ? 'portrait' : 'landscape'));
}

/** Rows of the printed table: a number at the start of a line, then the name up to a wide gap. */
function rowsOf(pages: string[]) {
  const people: { number: number; name: string }[] = [];
  const blanks: number[] = [];
  for (const text of pages) {
    for (const line of text.split('\n')) {
      const blank = /^\s*(\d+)\s*$/.exec(line);
      if (blank) {
        blanks.push(Number(blank[1]));
        continue;
      }
      const row = /^\s*(\d+)\s+(\S.*?)(?:\s{2,}|$)/.exec(line);
      if (row) people.push({ number: Number(row[1]), name: row[2]! });
    }
  }
  return { people, blanks };
}

const sheetUrl = (query = '') => `${e2e.product.url}/console/events/${eventId}/print${query}`;

describe('the sign-in sheet', () => {
  test('prints on A4 pages with the header row and "Trang x/y" on each, every name intact in Vietnamese order, then the blank rows', { timeout: 120_000 }, async () => {
    const { page, problems } = await openPage();
    await signIn(page, e2e.product.admin.email, e2e.product.admin.password);

    // From the event's page, by its link.
    await page.goto(`${e2e.product.url}/console/events/${eventId}`);
    await page.getByRole('link', { name: 'In danh sách ký tên' }).click();
    await page.getByRole('heading', { level: 1, name: 'In danh sách ký tên' }).waitFor();
    await page.locator('.sheet-pages').waitFor();
    await page.getByLabel('Số dòng trống cuối danh sách').fill(String(BLANK));
    await page.getByLabel('Số dòng trống cuối danh sách').press('Tab');
    await expect.poll(() => new URL(page.url()).searchParams.get('blank')).toBe(String(BLANK));
    await page.locator('.sheet-pages').waitFor();

    const pages = await printedPages(page, 'sheet');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pageSizes('sheet').every((size) => size === 'portrait')).toBe(true);
    pages.forEach((text, index) => {
      for (const heading of ['STT', 'Họ và tên', 'Đơn vị', 'Chức vụ', 'Ký tên']) expect(text, `page ${index + 1}`).toContain(heading);
      expect(text).toContain(`Trang ${index + 1}/${pages.length}`);
    });
    // The event at the top of the first page, its date as dd/mm/yyyy in Ho Chi Minh City time.
    expect(pages[0]).toContain('DANH SÁCH KÝ TÊN');
    expect(pages[0]).toContain('Hội nghị gặp mặt các tổ chức phi chính phủ nước ngoài');
    expect(pages[0]).toContain('20/11/2031 08:00–11:30');
    expect(pages[0]).toContain('Hội trường Liên hiệp, 45 Lê Duẩn, Buôn Ma Thuột');

    const { people, blanks } = rowsOf(pages);
    expect(people.map((p) => p.number)).toEqual(Array.from({ length: PEOPLE }, (_, i) => i + 1));
    const printed = people.map((p) => p.name);
    expect([...printed].sort()).toEqual([...names].sort());
    expect(printed).toContain('Nguyễn Thị Hồng Nhung');
    expect(printed).toContain("H'Linh Niê");
    expect(printed).toContain('Trần Thị Thuỷ');
    expect(printed).toEqual([...names].sort(compareVietnameseNames));
    expect(blanks).toEqual(Array.from({ length: BLANK }, (_, i) => PEOPLE + i + 1));

    // The Print button opens the browser's print dialog (stubbed: a headless browser has none).
    await page.evaluate('window.print = () => { document.body.dataset.printed = "yes"; }');
    await page.getByRole('button', { name: 'In', exact: true }).click();
    await expect.poll(() => page.evaluate('document.body.dataset.printed')).toBe('yes');
    expect(problems).toEqual([]);
  });

  test('in English, landscape, grouped by organisation with a count per group and the chosen columns', { timeout: 120_000 }, async () => {
    const { page, problems } = await openPage();
    await signIn(page, e2e.product.admin.email, e2e.product.admin.password);
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(sheetUrl('?blank=0'));
    await page.getByRole('heading', { level: 1, name: 'Print the sign-in sheet' }).waitFor();
    await page.locator('.sheet-pages').waitFor();
    await page.getByLabel('A4 paper').selectOption('landscape');
    await page.getByLabel('Groups').selectOption('organisation');
    await page.getByRole('checkbox', { name: 'Phone' }).check();
    await expect.poll(() => new URL(page.url()).search).toBe('?groupBy=organisation&orientation=landscape&blank=0&columns=phone');
    await page.locator('.sheet-pages .sheet-group').first().waitFor();

    const pages = await printedPages(page, 'sheet-en');
    expect(pageSizes('sheet-en').every((size) => size === 'landscape')).toBe(true);
    pages.forEach((text, index) => {
      for (const heading of ['No.', 'Full name', 'Organisation', 'Position', 'Phone', 'Signature']) expect(text).toContain(heading);
      expect(text).toContain(`Page ${index + 1}/${pages.length}`);
    });
    expect(pages[0]).toContain('SIGN-IN SHEET');
    expect(pages[0]).toContain('Meeting of foreign NGOs');
    const all = pages.join('\n');
    // Six organisations of the generated list, each headed once with its count (and "continued" after a page break).
    const counts = [...all.matchAll(/^\s*(.+?) \((\d+) people\)\s*$/gm)].map((m) => [m[1]!.trim(), Number(m[2])] as const);
    expect(new Set(counts.map(([name]) => name)).size).toBe(6);
    expect(counts.filter(([name]) => !name.endsWith('(continued)')).reduce((sum, [, n]) => sum + n, 0)).toBe(PEOPLE);
    expect(rowsOf(pages).blanks).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('staff print and export it, but are refused passport data', { timeout: 120_000 }, async () => {
    const { context, page, problems } = await openPage();
    await signIn(page, staff.email, staff.password);
    await page.goto(`${e2e.product.url}/console/events/${eventId}`);
    await page.getByRole('link', { name: 'In danh sách ký tên' }).click();
    await page.locator('.sheet-pages').waitFor();
    const pages = await printedPages(page, 'sheet-staff');
    expect(pages.join('\n')).toContain('Nguyễn Thị Hồng Nhung');
    // Printing hides the console: no menu, no controls.
    expect(pages.join('\n')).not.toMatch(/Đăng xuất|Tùy chọn in|Tải CSV/);

    // The file for Excel comes first; CSV is for other programs.
    expect(await page.locator('.actions a.button').allTextContents()).toEqual(['Tải Excel (XLSX)', 'Tải CSV (cho phần mềm khác)']);
    const csvHref = await page.getByRole('link', { name: 'Tải CSV' }).getAttribute('href');
    const csv = await context.request.get(`${e2e.product.url}${csvHref}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/text\/csv/);
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('Nguyễn Thị Hồng Nhung');
    // Downloaded from the page, the file's headings follow the console's language (Vietnamese
    // here), not the browser's (en-GB).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải CSV' }).click()]);
    // Named for people: what it is, the title without diacritics, the day; never the internal id.
    expect(download.suggestedFilename()).toBe('danh-sach-tham-du-hoi-nghi-gap-mat-cac-to-chuc-phi-chinh-phu-nuoc-ngoai-2031-11-20.csv');
    const downloaded = readFileSync((await download.path())!, 'utf8');
    expect(downloaded.split('\r\n')[0]).toBe('\uFEFFSTT,Họ và tên,Đơn vị,Chức vụ');
    expect(downloaded).toContain('Nguyễn Thị Hồng Nhung');
    const xlsx = await context.request.get(`${e2e.product.url}${await page.getByRole('link', { name: 'Tải Excel (XLSX)' }).getAttribute('href')}`);
    expect(xlsx.status()).toBe(200);

    const passports = await context.request.get(`${e2e.product.url}/api/events/${rosterEventId}/attendees?details=passport`, { headers: { 'accept-language': 'vi' } });
    expect(passports.status()).toBe(403);
    expect(await passports.json()).toEqual({ error: 'passport_data_forbidden', message: 'Chỉ người tổ chức và quản trị viên được xem dữ liệu hộ chiếu.' });
    expect(problems).toEqual([]);
  });
});

describe('the delegation roster', () => {
  test('lists members in protocol order; an organiser sees passport numbers, staff see them masked', { timeout: 120_000 }, async () => {
    const organiserView = await openPage();
    await signIn(organiserView.page, e2e.product.admin.email, e2e.product.admin.password);
    await organiserView.page.goto(`${e2e.product.url}/console/events/${rosterEventId}`);
    await organiserView.page.getByRole('link', { name: 'Danh sách đoàn' }).click();
    await organiserView.page.locator('.sheet-pages').waitFor();
    const pages = await printedPages(organiserView.page, 'roster');
    expect(pageSizes('roster')).toEqual(['landscape']);
    expect(pages[0]).toContain('DANH SÁCH ĐOÀN');
    expect(pages[0]).toContain('Trang 1/1');
    const { people } = rowsOf(pages);
    expect(people.map((p) => p.name)).toEqual(['Y Ngông Niê Kdăm', 'Nguyễn Văn Hùng', 'Lê Thị Mai']);
    for (const shown of ['C1234567', '31/01/2035', '02/05/1970', 'Trưởng đoàn', 'Phiên dịch', 'B2223334']) expect(pages[0]).toContain(shown);

    const staffView = await openPage();
    await signIn(staffView.page, staff.email, staff.password);
    await staffView.page.goto(`${e2e.product.url}/console/events/${rosterEventId}/roster`);
    await staffView.page.locator('.sheet-pages').waitFor();
    const text = (await staffView.page.locator('.sheet-pages').innerText()).normalize('NFC');
    expect(text).toContain('Y Ngông Niê Kdăm');
    expect(text).toContain('••••••67');
    for (const hidden of ['C1234567', 'B2223334', '02/05/1970', '31/01/2035']) expect(text).not.toContain(hidden);
    expect(organiserView.problems).toEqual([]);
    expect(staffView.problems).toEqual([]);
  });
});
