import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { seriousAxeViolations } from '../support/axe.js';
import { apiFor, signInByApi, storedMails } from '../support/product-api.js';
import { productInBrowser } from '../support/product-in-browser.js';

/**
 * Issue 25 in Debian's Chromium against the real product: the Vietnam–Korea association's
 * secretary signs in, sees only the association's events, creates one, sends its invitations
 * (which leave under the association's name, read back from the SES emulator), and the Mondulkiri
 * delegation's address answers "not found". An admin's units page, at both sizes, in both languages.
 */
const e2e = productInBrowser();
const { api: admin, open } = e2e;

const shots = join(process.cwd(), '.tmp', 'e2e-units');
mkdirSync(shots, { recursive: true });
const year = new Date().getFullYear() + 1;
const secretary = { email: 'thuky.hanquoc@example.org', password: 'mật khẩu của thư ký 2027', name: 'Lê Thị Hàn Thư' };
const KOREA = 'Hội hữu nghị Việt Nam – Hàn Quốc tỉnh Đắk Lắk';
let koreaId: string;
let mondulkiriId: string;
let franceEventTitle: string;

beforeAll(async () => {
  const korea = await admin('POST', '/api/units', {
    parentId: 'union',
    name: { vi: KOREA, en: 'Đắk Lắk Vietnam–Korea Friendship Association' },
    shortName: 'Hội VN–Hàn Quốc',
    senderName: KOREA,
  });
  expect(korea.status).toBe(201);
  koreaId = korea.body.unit.unitId;
  const france = await admin('POST', '/api/units', { parentId: 'union', name: { vi: 'Hội hữu nghị Việt Nam – Pháp tỉnh Đắk Lắk' }, shortName: 'Hội VN–Pháp' });
  expect(france.status).toBe(201);
  expect((await admin('POST', '/api/units', { parentId: koreaId, name: { vi: 'Câu lạc bộ tiếng Hàn' }, shortName: 'CLB tiếng Hàn' })).status).toBe(201);
  expect((await admin('POST', '/api/users', { ...secretary, memberships: [{ unitId: koreaId, role: 'organiser' }] })).status).toBe(201);
  const mondulkiri = await admin('POST', '/api/events', {
    type: 'delegation',
    title: { vi: 'Đoàn công tác Mondulkiri', en: 'Visit to Mondulkiri' },
    venue: 'Sen Monorom, Mondulkiri, Campuchia',
    startsAt: `${year}-03-10T08:00:00+07:00`,
    endsAt: `${year}-03-14T17:00:00+07:00`,
  });
  mondulkiriId = mondulkiri.body.event.eventId;
  franceEventTitle = 'Đêm văn hóa Pháp ngữ';
  expect(
    (await admin('POST', '/api/events', { type: 'meeting', unitId: france.body.unit.unitId, title: { vi: franceEventTitle }, venue: 'Buôn Ma Thuột', startsAt: `${year}-04-01T18:00:00+07:00`, endsAt: `${year}-04-01T21:00:00+07:00` })).status,
  ).toBe(201);
}, 150_000);

async function signIn(viewport: { width: number; height: number }, account: { email: string; password: string }): Promise<Page> {
  const { page } = await open({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  await page.goto(`${e2e.product.url}/console/sign-in`);
  await page.getByRole('textbox', { name: 'Email' }).fill(account.email);
  await page.getByLabel('Mật khẩu').fill(account.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sự kiện' }).waitFor();
  return page;
}

const readable = (from: string) =>
  from.replace(/=\?UTF-8\?B\?([^?]+)\?=/gi, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8')).replace(/"/g, '');

describe('a member association runs its own events', () => {
  test('the secretary sees only the association’s events, creates one, sends its invitations under its name, and cannot open the delegation', { timeout: 180_000 }, async () => {
    const page = await signIn({ width: 1366, height: 768 }, secretary);
    // Holding one unit, the secretary is never asked about units.
    expect(await page.locator('#filter-unit').count()).toBe(0);
    const list = await page.locator('main').innerText();
    expect(list).not.toContain('Mondulkiri');
    expect(list).not.toContain(franceEventTitle);

    await page.getByRole('link', { name: 'Tạo sự kiện' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tạo sự kiện' }).waitFor();
    // The association organises for its club too: the choice is there, already on the association.
    await expect.poll(() => page.locator('[name="unitId"]').inputValue()).toBe(koreaId);
    await page.getByRole('combobox', { name: 'Loại sự kiện' }).selectOption('meeting');
    await page.getByRole('textbox', { name: 'Tên sự kiện (tiếng Việt)' }).fill('Giao lưu văn hóa Việt – Hàn');
    await page.locator('#f-startsAt').fill(`15/05/${year}`);
    await page.locator('#f-startsAt-time').fill('8h');
    await page.locator('#f-endsAt').fill(`15/05/${year}`);
    await page.locator('#f-endsAt-time').fill('11:00');
    await page.getByRole('textbox', { name: 'Địa điểm', exact: true }).fill('Nhà văn hóa Thanh niên, Buôn Ma Thuột');
    await page.getByRole('button', { name: 'Tạo sự kiện' }).click();
    await page.getByRole('heading', { level: 1, name: 'Giao lưu văn hóa Việt – Hàn' }).waitFor();
    const eventId = new URL(page.url()).pathname.split('/')[3]!;
    await page.getByRole('button', { name: 'Công bố' }).click();
    await expect.poll(() => page.locator('.page-heading .badge').innerText()).toBe('Đã công bố');

    // The invitee list comes by the secretary's own session; sending is the button on the page.
    const own = apiFor(e2e.product, await signInByApi(e2e.product, { email: secretary.email, password: secretary.password }));
    const tag = Math.random().toString(36).slice(2, 8);
    const invitees = [
      { name: 'Kim Min-ji', email: `minji.${tag}@example.org`, language: 'en' },
      { name: 'Nguyễn Thị Hương', email: `huong.${tag}@example.org` },
    ];
    expect((await own('POST', `/api/events/${eventId}/invitations`, { invitees })).body.created).toBe(2);
    await page.goto(`${e2e.product.url}/console/events/${eventId}/invitations`);
    await page.getByRole('button', { name: 'Gửi thư mời' }).first().click();
    await page.getByRole('button', { name: 'Gửi 2 thư mời' }).click();
    await expect
      .poll(async () => (await storedMails(e2e.product)).filter((m) => invitees.some((i) => m.destination.to.includes(i.email))).length, { timeout: 60_000 })
      .toBe(2);
    for (const mail of (await storedMails(e2e.product)).filter((m) => invitees.some((i) => m.destination.to.includes(i.email)))) {
      expect(readable((mail as unknown as { from: string }).from)).toContain(KOREA);
      expect(mail.body.text).not.toContain('Liên hiệp các tổ chức hữu nghị');
    }
    await page.screenshot({ path: join(shots, 'invitations-desktop-vi.png'), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto(`${e2e.product.url}/console/events/${mondulkiriId}`);
    await expect.poll(() => page.locator('main').innerText(), { timeout: 20_000 }).toContain('Không tìm thấy sự kiện');
    expect(await page.locator('main').innerText()).not.toContain('Sen Monorom');
    await page.screenshot({ path: join(shots, 'not-found-desktop-vi.png'), fullPage: true });

    await page.goto(`${e2e.product.url}/console/events`);
    await page.getByRole('heading', { level: 1, name: 'Sự kiện' }).waitFor();
    await expect.poll(() => page.locator('main').innerText()).toContain('Giao lưu văn hóa Việt – Hàn');
    await page.screenshot({ path: join(shots, 'events-desktop-vi.png'), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  test('on a phone in English the secretary’s list shows the association’s events only', { timeout: 90_000 }, async () => {
    const page = await signIn({ width: 390, height: 844 }, secretary);
    await page.locator('.lang-switch').click();
    await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
    await page.goto(`${e2e.product.url}/console/events`);
    await expect.poll(() => page.locator('main').innerText()).toContain('Giao lưu văn hóa Việt – Hàn');
    expect(await page.locator('main').innerText()).not.toContain('Mondulkiri');
    await page.goto(`${e2e.product.url}/console/events/${mondulkiriId}`);
    await expect.poll(() => page.locator('main').innerText(), { timeout: 20_000 }).toContain('Event not found');
    await page.screenshot({ path: join(shots, 'not-found-phone-en.png'), fullPage: true });
    await page.goto(`${e2e.product.url}/console/events`);
    await expect.poll(() => page.locator('main').innerText()).toContain('Giao lưu văn hóa Việt – Hàn');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(shots, 'events-phone-en.png'), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  test('an admin sees every unit with its people, the unit filter and unit on each event, in both languages and sizes', { timeout: 120_000 }, async () => {
    for (const [name, viewport, english] of [
      ['desktop-vi', { width: 1366, height: 768 }, false],
      ['phone-en', { width: 390, height: 844 }, true],
    ] as const) {
      const page = await signIn(viewport, e2e.product.admin);
      if (english) await page.locator('.lang-switch').click();
      await page.goto(`${e2e.product.url}/console/units`);
      await page.getByRole('heading', { level: 1, name: english ? 'Units' : 'Đơn vị' }).waitFor();
      await expect.poll(() => page.locator('main').innerText()).toContain(secretary.name);
      expect(await page.locator('main').innerText()).toContain('Câu lạc bộ tiếng Hàn');
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(shots, `units-${name}.png`), fullPage: true });
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.goto(`${e2e.product.url}/console/events`);
      await page.locator('#filter-unit').waitFor();
      await page.locator('#filter-unit').selectOption(koreaId);
      // The list shown before the choice holds both events: wait for the chosen unit's list.
      const shows = async () => {
        const text = await page.locator('main').innerText();
        return { korea: text.includes('Giao lưu văn hóa Việt – Hàn'), france: text.includes(franceEventTitle) };
      };
      await expect.poll(shows).toEqual({ korea: true, france: false });
      expect(await page.locator('.unit-badge').first().innerText()).toBe('Hội VN–Hàn Quốc');
      await page.screenshot({ path: join(shots, `events-admin-${name}.png`), fullPage: true });
      expect(await seriousAxeViolations(page)).toEqual([]);
    }
  });
});
