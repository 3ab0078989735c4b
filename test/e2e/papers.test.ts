import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seriousAxeViolations } from '../support/axe.js';
import { signInOnPage } from '../support/browser.js';
import { storedMails } from '../support/product-api.js';
import { pdfText } from '../support/pdf-text.js';
import { productInBrowser } from '../support/product-in-browser.js';
import { heldOn } from '../support/event-times.js';

/**
 * Issue 20 in Debian's Chromium against the real product: an admin sets how papers are headed and
 * signed; an organiser numbers the giấy mời of an event on a phone and downloads them as one PDF
 * (read back with pdftotext: the heading, the number, each name with its diacritics); the year's
 * report downloads as a Word file that mammoth opens with the event's counts.
 */
const e2e = productInBrowser();
const { api, open } = e2e;

const workDir = mkdtempSync(join(tmpdir(), 'huu-nghi-papers-e2e-'));
const year = new Date().getFullYear();
let eventId: string;

beforeAll(async () => {
  const created = await api('POST', '/api/events', {
    type: 'training',
    title: { vi: 'Tập huấn công tác đối ngoại nhân dân', en: 'Training on people-to-people diplomacy' },
    venue: 'Hội trường Liên hiệp, 45 Lê Duẩn, Buôn Ma Thuột',
    ...heldOn(`${year}-12-28`, '08:00', '11:30'),
  });
  eventId = created.body.event.eventId;
  const invitees = [
    { name: 'Nguyễn Thị Hồng Nhung', email: 'nhung@example.org', position: 'Phó Chủ tịch', organisation: 'UBND xã Ea Kao' },
    { name: "H'Linh Niê", email: 'hlinh@example.org', organisation: 'Trường Đại học Tây Nguyên' },
    { name: 'Trần Văn Đức', email: 'duc@example.org', position: 'Cán bộ', organisation: 'UBND phường Tân Lợi' },
  ];
  expect((await api('POST', `/api/events/${eventId}/invitations`, { invitees })).status).toBe(200);
  expect((await api('POST', `/api/events/${eventId}/publish`)).status).toBe(200);
}, 150_000);

afterAll(async () => {
  rmSync(workDir, { recursive: true, force: true });
});

async function signedIn(viewport: { width: number; height: number }, locale: string): Promise<Page> {
  const { page } = await open({ viewport, locale, timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
  await signInOnPage(page, e2e.product.url, e2e.product.admin);
  return page;
}

async function download(page: Page, link: ReturnType<Page['getByRole']>, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = join(workDir, name);
  await file.saveAs(path);
  return path;
}

describe('official papers from the console', () => {
  test('an admin sets the signer; an organiser on a phone numbers the letters and downloads them as one PDF', async () => {
    const desk = await signedIn({ width: 1366, height: 768 }, 'vi-VN');
    await desk.goto(`${e2e.product.url}/console/papers`);
    await desk.getByRole('heading', { level: 2, name: 'Thể thức giấy mời và báo cáo' }).waitFor();
    await desk.getByLabel('Cơ quan chủ quản (tiếng Việt)').fill('Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đắk Lắk');
    await desk.getByLabel('Cơ quan chủ quản (tiếng Anh)').fill('Viet Nam Fatherland Front of Dak Lak');
    await desk.getByLabel('Họ và tên người ký').fill('Y Ngông Niê Kdăm');
    await desk.getByRole('button', { name: 'Lưu thể thức' }).click();
    await expect.poll(() => desk.getByText('Đã lưu thể thức giấy tờ.').first().isVisible()).toBe(true);
    await desk.screenshot({ path: join(workDir, 'papers-desktop.png'), fullPage: true });
    expect(await seriousAxeViolations(desk)).toEqual([]);

    const phone = await signedIn({ width: 390, height: 844 }, 'vi-VN');
    await phone.goto(`${e2e.product.url}/console/events/${eventId}`);
    await phone.getByRole('link', { name: 'Giấy mời (PDF)' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Giấy mời' }).waitFor();
    await phone.getByRole('button', { name: 'Cấp số cho tất cả (3 chưa có số)' }).click();
    await expect.poll(() => phone.getByText('Đã cấp số 3 giấy mời.').isVisible()).toBe(true);
    const rows = phone.locator('.letters-table tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    const references = await phone.locator('.letters-table tbody tr td:nth-child(3)').allTextContents();
    expect(references.map((r) => r.trim()).sort()).toEqual(['1/GM-LHHN', '2/GM-LHHN', '3/GM-LHHN']);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await phone.screenshot({ path: join(workDir, 'letters-phone.png'), fullPage: true });
    const phoneViolations = await seriousAxeViolations(phone);
    expect(phoneViolations, JSON.stringify(phoneViolations)).toEqual([]);

    const pdf = await download(phone, phone.getByRole('link', { name: /Tải tất cả giấy mời/ }), 'letters.pdf');
    const text = pdfText({ path: pdf });
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(3);
    // Each page headed by the organisation the admin set, and signed by the signer.
    for (const page of pages) {
      for (const line of ['ỦY BAN MẶT TRẬN TỔ QUỐC', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'GIẤY MỜI', 'Y Ngông Niê Kdăm']) expect(page).toContain(line);
    }
    for (const name of ['Nguyễn Thị Hồng Nhung', "H'Linh Niê", 'Trần Văn Đức']) expect(text).toContain(name);
    for (const reference of ['1/GM-LHHN', '2/GM-LHHN', '3/GM-LHHN']) expect(text).toContain(`Số: ${reference}`);

    // One person's letter, in English though she is Vietnamese: the same number.
    await phone.getByLabel('Ngôn ngữ của giấy mời').selectOption('en');
    const one = await download(phone, phone.getByRole('link', { name: 'Tải PDF giấy mời của Nguyễn Thị Hồng Nhung' }), 'nhung.pdf');
    const english = pdfText({ path: one });
    expect(english).toContain('INVITATION LETTER');
    expect(english).toContain('Nguyễn Thị Hồng Nhung');
  }, 90_000);

  test('an organiser on a phone asks for the letter in the invitation mail; each mail then carries its numbered PDF', async () => {
    const created = await api('POST', '/api/events', {
      type: 'ngo_conference',
      title: { vi: 'Hội nghị gặp mặt các tổ chức phi chính phủ nước ngoài', en: 'Meeting of foreign NGOs' },
      venue: 'Hội trường Liên hiệp, 45 Lê Duẩn, Buôn Ma Thuột',
      ...heldOn(`${year}-12-29`, '08:00', '11:30'),
    });
    const ngoEventId = created.body.event.eventId as string;
    const guest = { name: 'Søren Ålund', email: `soren.${Date.now()}@example.org`, language: 'en', organisation: 'Plan International' };
    expect((await api('POST', `/api/events/${ngoEventId}/invitations`, { invitees: [guest] })).status).toBe(200);

    const phone = await signedIn({ width: 390, height: 844 }, 'vi-VN');
    await phone.goto(`${e2e.product.url}/console/events/${ngoEventId}/edit`);
    const attach = phone.getByRole('checkbox', { name: 'Đính kèm giấy mời (PDF) vào thư mời' });
    await attach.waitFor();
    expect(await attach.isChecked()).toBe(false);
    await attach.check();
    await attach.scrollIntoViewIfNeeded();
    await phone.screenshot({ path: join(workDir, 'event-form-attach-phone.png') });
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await phone.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Hội nghị gặp mặt các tổ chức phi chính phủ nước ngoài' }).waitFor();
    expect((await api('GET', `/api/events/${ngoEventId}`)).body.event.attachInvitationLetter).toBe(true);

    expect((await api('POST', `/api/events/${ngoEventId}/publish`)).status).toBe(200);
    expect((await api('POST', `/api/events/${ngoEventId}/invitations/send`, {})).status).toBe(202);
    type Stored = { destination: { to: string[] }; attachments?: { contentType: string; content: string }[] };
    const mailTo = async () => ((await (await fetch(`${e2e.product.sesUrl}/store`)).json()) as { emails: Stored[] }).emails.find((m) => m.destination.to.includes(guest.email));
    await expect.poll(mailTo, { timeout: 30_000 }).toBeTruthy();
    const pdf = (await mailTo())!.attachments?.find((a) => a.contentType === 'application/pdf');
    expect(pdf).toBeTruthy();
    const text = pdfText({ base64: pdf!.content });
    expect(text).toContain('INVITATION LETTER');
    expect(text).toContain('Søren Ålund');
    const [letter] = (await api('GET', `/api/events/${ngoEventId}/letters`)).body.items as { reference: string }[];
    expect(text).toContain(`No.: ${letter!.reference}`);
  }, 120_000);

  test("the year's report downloads as a Word file with the event's counts and the greetings sent, in English too", async () => {
    // A greeting to a Russian partner, mailed through the SES emulator: the report counts it.
    const org = (await api('POST', '/api/organisations', { name: 'Trung tâm Khoa học và Văn hóa Nga', kind: 'foreign_ngo', country: 'RU' })).body.organisation;
    const partner = { name: 'Anna Ivanova', email: `anna.${Date.now()}@example.org`, language: 'ru', organisationId: org.organisationId };
    const contactId = (await api('POST', '/api/contacts', partner)).body.contact.contactId;
    const campaign = await api('POST', '/api/greetings', { occasionId: 'nd-ru', year, contactIds: [contactId] });
    expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
    expect((await api('POST', `/api/greetings/${campaign.body.campaign.campaignId}/send`, { now: true })).status).toBe(202);
    await expect.poll(async () => (await storedMails(e2e.product)).some((m) => m.destination.to.includes(partner.email)), { timeout: 30_000 }).toBe(true);

    const page = await signedIn({ width: 1366, height: 768 }, 'vi-VN');
    await page.goto(`${e2e.product.url}/console/papers`);
    await page.getByRole('heading', { level: 1, name: 'Giấy tờ và báo cáo' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Papers and reports' }).waitFor();
    const link = page.getByRole('link', { name: `Download the ${year} report (Word)` });
    await expect.poll(() => page.locator('table caption').textContent()).toBe(`Figures for ${year}`);
    await expect.poll(() => page.getByRole('row', { name: /Training/ }).textContent()).toContain('3');
    await expect.poll(() => page.getByText(/^Greetings to partners:/).textContent()).toBe('Greetings to partners: 1 (1 by email, 0 by printed letter, 0 with flowers); organisations: 1; countries: 1');
    await page.screenshot({ path: join(workDir, 'report-en.png'), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    const path = await download(page, link, 'report.docx');
    const { value: html } = await mammoth.convertToHtml({ buffer: readFileSync(path) });
    expect(html).toContain(`Kết quả công tác đối ngoại nhân dân năm ${year}`);
    expect(html).toContain('Tập huấn công tác đối ngoại nhân dân');
    expect(html).toContain('đã gửi 1 lượt chúc mừng (1 thư điện tử, 0 thư in, 0 lượt điện hoa) tới 1 cơ quan, tổ chức của 1 quốc gia (Nga).');
    const counts = (await api('GET', `/api/events/${eventId}`)).body.event.counts;
    const row = [...html.matchAll(/<tr>(.*?)<\/tr>/g)]
      .map((r) => [...r[1]!.matchAll(/<td>(?:<p>)?(.*?)(?:<\/p>)?<\/td>/g)].map((c) => c[1]!))
      .find((cells) => cells[1] === 'Tập huấn công tác đối ngoại nhân dân');
    expect(row?.slice(5)).toEqual([String(counts.invited), String(counts.confirmed), String(counts.checkedIn)]);
  }, 90_000);
});
