import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seriousAxeViolations } from '../support/axe.js';
import { closeAll, openContextPage, startProductAndBrowser, signInOnPage } from '../support/browser.js';
import type { LocalProduct } from '../support/local-product.js';
import { apiFor, signInByApi, storedMails, type Api } from '../support/product-api.js';
import { pdfText } from '../support/pdf-text.js';

/**
 * Issue 19 in Debian's Chromium against the real product (DynamoDB Local, the SES emulator, the
 * outbox worker of npm start): organisations and contacts created; contacts proposed from two past
 * events, one pair merged; an upcoming day of the Russian partners on the first page; a greetings
 * campaign previewed, sent and read back from the SES emulator; the letters printed to PDF and
 * read with pdftotext; each partner's history showing the events and the greeting.
 */
const workDir = mkdtempSync(join(tmpdir(), 'huu-nghi-partners-e2e-'));
const tag = Math.random().toString(36).slice(2, 7);
let product: LocalProduct;
let browser: Browser;
let api: Api;
const contexts: BrowserContext[] = [];
const lastYear = new Date().getFullYear() - 1;
const localToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.parse(`${localToday()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(5, 10);
const ivan = { name: 'Ivan Petrov', email: `ivan.${tag}@example.org`, organisation: 'Trung tâm Khoa học và Văn hóa Nga' };
const lan = { name: 'Trần Thị Lan', email: `lan.${tag}@example.org`, organisation: 'Hội hữu nghị Việt – Nga' };

beforeAll(async () => {
  ({ product, browser } = await startProductAndBrowser());
  api = apiFor(product, await signInByApi(product));
  // Two past events whose lists hold the same people (Ivan by email; Lan by name and organisation, once with a phone only).
  for (const [i, invitees] of [
    [0, [ivan, lan]],
    [1, [ivan, { name: 'Trần  Thị Lan', phone: '0905 111 222', organisation: 'Hội hữu nghị Việt – Nga' }]],
  ] as const) {
    const created = await api('POST', '/api/events', {
      type: 'meeting',
      title: { vi: `Gặp mặt hữu nghị Việt – Nga lần ${i + 1} ${tag}`, en: `Vietnam–Russia friendship meeting ${i + 1}` },
      venue: 'Buôn Ma Thuột',
      startsAt: `${lastYear}-0${i + 5}-10T08:00:00+07:00`,
      endsAt: `${lastYear}-0${i + 5}-10T11:00:00+07:00`,
    });
    expect(created.status).toBe(201);
    expect((await api('POST', `/api/events/${created.body.event.eventId}/invitations`, { invitees })).status).toBe(200);
  }
  // The union's calendar gains a day of the Russian partners ten days from now.
  expect((await api('POST', '/api/occasions', { name: { vi: `Ngày Hữu nghị Việt – Nga ${tag}`, en: `Vietnam–Russia Friendship Day ${tag}` }, country: 'RU', day: inDays(10) })).status).toBe(201);
}, 180_000);

afterAll(async () => {
  await closeAll(contexts, browser, product);
  // KEEP_SCREENSHOTS=1 leaves them for a person to look at.
  if (!process.env.KEEP_SCREENSHOTS) rmSync(workDir, { recursive: true, force: true });
});

async function signedIn(viewport: { width: number; height: number }): Promise<Page> {
  const { page } = await openContextPage(browser, contexts, { viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
  await signInOnPage(page, product.url, product.admin);
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(workDir, `${name}.png`), fullPage: true });

describe('partners and their occasions', () => {
  test('directory, proposals, merge, first page, greetings sent and printed, history', async () => {
    const page = await signedIn({ width: 1366, height: 768 });
    await page.goto(`${product.url}/console/partners`);
    await page.getByRole('heading', { level: 1, name: 'Đối tác' }).waitFor();

    // Two organisations.
    for (const [name, kind] of [
      [`Đại sứ quán Liên bang Nga ${tag}`, 'embassy'],
      [`Hội hữu nghị Việt – Nga ${tag}`, 'friendship_association'],
    ] as const) {
      await page.getByLabel('Tên', { exact: true }).fill(name);
      await page.getByLabel('Loại').selectOption(kind);
      await page.getByLabel('Quốc gia (mã 2 chữ, ví dụ RU)').fill('RU');
      await page.getByRole('button', { name: 'Thêm cơ quan, tổ chức' }).click();
      await page.getByRole('link', { name }).waitFor();
    }
    // Three contacts, written by hand.
    const people = [
      { name: 'Anna Ivanova', email: `anna.${tag}@example.org`, org: `Đại sứ quán Liên bang Nga ${tag}`, language: 'ru' },
      { name: 'Nguyễn Văn Hùng', email: `hung.${tag}@example.org`, org: `Hội hữu nghị Việt – Nga ${tag}`, language: 'vi' },
      { name: 'Sergei Volkov', email: `sergei.${tag}@example.org`, org: `Đại sứ quán Liên bang Nga ${tag}`, language: 'en' },
    ];
    for (const p of people) {
      await page.getByLabel('Họ và tên').fill(p.name);
      await page.getByLabel('Email').fill(p.email);
      await page.locator('#contact-org').selectOption({ label: p.org });
      await page.getByLabel('Ngôn ngữ (mã 2 chữ: vi, en, ru…)').fill(p.language);
      await page.getByRole('button', { name: 'Thêm người liên hệ' }).click();
      await page.getByRole('link', { name: p.name }).waitFor();
    }

    // Proposals from the two past events: Ivan as one contact; Lan's two rows kept apart, merged later.
    await page.getByRole('button', { name: 'Xem đề xuất' }).click();
    const ivanProposal = page.locator('.proposal', { has: page.getByRole('heading', { name: 'Ivan Petrov' }) });
    await ivanProposal.waitFor();
    await expect.poll(() => ivanProposal.innerText()).toContain('cùng email');
    const lanProposal = page.locator('.proposal', { has: page.getByRole('heading', { name: 'Trần Thị Lan' }) });
    await expect.poll(() => lanProposal.innerText()).toContain('cùng họ tên và cơ quan');
    await shot(page, 'partners-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await ivanProposal.getByRole('button', { name: 'Tạo một người liên hệ' }).click();
    await page.getByRole('link', { name: 'Ivan Petrov' }).waitFor();
    await lanProposal.getByRole('button', { name: 'Giữ riêng từng người' }).click();
    await expect.poll(() => page.locator('.contacts-list a', { hasText: 'Trần' }).count()).toBe(2);
    // Merge the two Lan records.
    await page.locator('.contacts-list a', { hasText: 'Trần' }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Gộp với người liên hệ khác' }).waitFor();
    const other = page.getByLabel('Người được gộp vào người này').locator('option', { hasText: 'Trần' });
    await page.getByLabel('Người được gộp vào người này').selectOption(await other.getAttribute('value') as string);
    await page.getByRole('button', { name: 'Gộp', exact: true }).click();
    await page.getByText('Đã gộp; lịch sử được giữ nguyên.').first().waitFor();
    await expect.poll(() => page.locator('.history li').count()).toBe(2);
    expect(await page.locator('.history').innerText()).toContain(`Gặp mặt hữu nghị Việt – Nga lần 1 ${tag}`);
    expect(await page.locator('.history').innerText()).toContain(`Gặp mặt hữu nghị Việt – Nga lần 2 ${tag}`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'contact-merged-desktop');

    // The first page: the day of the Russian partners, and who is not greeted yet.
    await page.goto(`${product.url}/console/events`);
    const upcoming = page.locator('.upcoming-occasions');
    await expect.poll(() => upcoming.innerText().catch(() => '')).toContain(`Ngày Hữu nghị Việt – Nga ${tag}`);
    expect(await upcoming.innerText()).toContain('Anna Ivanova');
    await shot(page, 'first-page-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The campaign: start it, preview Anna's mail (Russian partner, English template), send now.
    await page.goto(`${product.url}/console/greetings`);
    const occasion = page.locator('.occasion', { hasText: `Ngày Hữu nghị Việt – Nga ${tag}` });
    await occasion.getByRole('button', { name: 'Soạn thư chúc mừng' }).click();
    await page.getByRole('heading', { level: 2, name: 'Xem trước thư gửi' }).waitFor();
    await page.getByLabel('Xem trước thư gửi cho').selectOption({ label: 'Anna Ivanova' });
    await expect.poll(() => page.locator('.mail-preview-text').innerText().catch(() => '')).toContain(`Greetings on Vietnam–Russia Friendship Day ${tag}`);
    expect(await page.locator('.mail-preview-text').innerText()).toContain('Dear Anna Ivanova');
    await page.getByLabel('Xem trước thư gửi cho').selectOption({ label: 'Nguyễn Văn Hùng' });
    await expect.poll(() => page.locator('.mail-preview-text').innerText().catch(() => '')).toContain('Kính gửi Ông/Bà Nguyễn Văn Hùng');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'campaign-desktop');
    await page.getByLabel('Gửi ngay, không đợi đến ngày').check();
    await page.getByRole('button', { name: 'Gửi thư chúc mừng qua email' }).click();
    await page.getByText(/Đã xếp 3 thư vào hàng gửi/).first().waitFor();
    // Read back from the SES emulator: one mail each.
    const russian = [people[0]!.email, people[2]!.email, people[1]!.email];
    await expect
      .poll(async () => (await storedMails(product)).filter((m) => russian.some((a) => m.destination.to.includes(a))).length, { timeout: 30_000 })
      .toBe(3);
    const annas = (await storedMails(product)).filter((m) => m.destination.to.includes(people[0]!.email));
    expect(annas).toHaveLength(1);
    expect(annas[0]!.subject).toBe(`Greetings on Vietnam–Russia Friendship Day ${tag}`);
    const hungs = (await storedMails(product)).filter((m) => m.destination.to.includes(people[1]!.email));
    expect(hungs[0]!.subject).toBe(`Thư chúc mừng nhân dịp Ngày Hữu nghị Việt – Nga ${tag}`);
    await page.reload();
    await expect.poll(() => page.locator('table').innerText()).toMatch(/Anna Ivanova[\s\S]*đã gửi/);
    // Flowers for the embassy.
    await page.getByRole('button', { name: /Ghi nhận đã đặt hoa.*Anna Ivanova/ }).click();
    await page.getByText('Đã ghi nhận điện hoa.').first().waitFor();

    // Letters on letterhead, read with pdftotext.
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'In thư trên giấy có tiêu đề (PDF)' }).click()]);
    const pdfPath = join(workDir, 'greetings.pdf');
    await file.saveAs(pdfPath);
    const text = pdfText({ path: pdfPath });
    expect(text).toContain('THƯ CHÚC MỪNG');
    expect(text).toContain('LETTER OF GREETINGS');
    expect(text).toContain('Kính gửi Ông/Bà Nguyễn Văn Hùng');
    expect(text).toContain('Dear Anna Ivanova');
    expect(text).toContain('LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ');

    // Each partner's history: Anna's greeting with flowers; the embassy's greetings.
    const phone = (await openContextPage(browser, contexts, { viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', storageState: await page.context().storageState() })).page;
    await phone.goto(`${product.url}/console/partners`);
    await phone.getByRole('link', { name: 'Anna Ivanova' }).click();
    await expect.poll(() => phone.locator('.history').innerText().catch(() => '')).toMatch(/Thư chúc mừng[\s\S]*đã gửi, kèm điện hoa/);
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await shot(phone, 'contact-history-phone');
    await phone.goto(`${product.url}/console/partners`);
    await phone.getByRole('link', { name: 'Ivan Petrov' }).click();
    await expect.poll(() => phone.locator('.history li').count()).toBe(2);
    await phone.goto(`${product.url}/console/partners`);
    await phone.getByRole('link', { name: `Đại sứ quán Liên bang Nga ${tag}` }).click();
    await expect.poll(() => phone.locator('.history li').count()).toBe(2);
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await shot(phone, 'organisation-history-phone');
    await phone.goto(`${product.url}/console/events`);
    await phone.locator('.upcoming-occasions').waitFor();
    await shot(phone, 'first-page-phone');
    console.log(`screenshots in ${workDir}`);
  }, 240_000);
});
