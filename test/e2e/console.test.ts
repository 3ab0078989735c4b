import { seriousAxeViolations } from '../support/axe.js';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { formatRange, localInputsToInstant, parseLocalDate, parseLocalTime, toLocalInputs } from '../../web/lib/datetime.js';
import { createStaffUser, storedMails } from '../support/product-api.js';
import { productInBrowser } from '../support/product-in-browser.js';

/**
 * The console in Debian's Chromium against the real product (DynamoDB Local, SES emulator, app):
 * sign in, create an event, find it in the list, switch to English, sign out; at desktop and
 * phone sizes. A staff account sees the events but no way to change them and no users menu.
 */
const e2e = productInBrowser();
const { open } = e2e;

const staff = { email: 'staff.e2e@example.org', password: 'staff-password-for-tests', name: 'Y Blốc Êban' };

const createdTitles: string[] = [];

beforeAll(() => createStaffUser(e2e.api, staff));

/** A fresh browser profile (no session, no remembered language) that records CSP violations. */
async function openPage(viewport: { width: number; height: number }) {
  const { page, problems } = await open({ viewport, locale: 'en-GB', timezoneId: 'Europe/London' });
  return { page, problems };
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${e2e.product.url}/console/`);
  await expect.poll(() => new URL(page.url()).pathname).toBe('/console/sign-in');
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sự kiện' }).waitFor();
}

async function horizontalOverflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

const sizes = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 375, height: 740 } },
];

describe('the console', () => {
  for (const { name, viewport } of sizes) {
    test(`an organiser's day at ${name} size`, { timeout: 60_000 }, async () => {
      const { page, problems } = await openPage(viewport);
      expect(await page.goto(`${e2e.product.url}/console/events`).then((r) => r?.status())).toBe(200);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');

      await signIn(page, e2e.product.admin.email, e2e.product.admin.password);
      expect(new URL(page.url()).pathname).toBe('/console/events');

      // Create an event; the type brings its usual participant fields.
      await page.getByRole('link', { name: 'Tạo sự kiện' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tạo sự kiện' }).waitFor();
      await page.getByRole('combobox', { name: 'Loại sự kiện' }).selectOption('training');
      await expect.poll(() => page.locator('#f-fields-0-label-vi').inputValue()).toBe('Số điện thoại');
      const title = `Tập huấn kỹ năng đối ngoại nhân dân (${name})`;
      createdTitles.push(title);
      await page.getByRole('textbox', { name: 'Tên sự kiện (tiếng Việt)' }).fill(title);
      const englishTitle = `People-to-people diplomacy training (${name})`;
      await page.getByRole('textbox', { name: 'Tên sự kiện (tiếng Anh)' }).fill(englishTitle);
      await page.locator('#f-startsAt').fill('20/11/2031');
      await page.locator('#f-startsAt-time').fill('8h');
      await page.locator('#f-endsAt').fill('20/11/2031');
      await page.locator('#f-endsAt-time').fill('17:00');
      await page.getByRole('textbox', { name: 'Địa điểm', exact: true }).fill('Hội trường A, 15 Lê Thánh Tông, TP. Buôn Ma Thuột');
      await page.getByRole('textbox', { name: 'Sức chứa' }).fill('50');
      if (name === 'phone') expect(await horizontalOverflow(page)).toBe(0);
      await page.getByRole('button', { name: 'Tạo sự kiện' }).click();

      // Its page: local time in dd/mm/yyyy 24h, a draft; publish it.
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await expect.poll(() => page.locator('main').innerText()).toContain('20/11/2031 08:00–17:00');
      await expect.poll(() => page.locator('.page-heading .badge').innerText()).toBe('Bản nháp');
      await page.getByRole('button', { name: 'Công bố' }).click();
      await expect.poll(() => page.locator('.page-heading .badge').innerText()).toBe('Đã công bố');

      if (name === 'desktop') {
        // Edit: an emptied capacity means no limit (the console sends null).
        await page.getByRole('link', { name: 'Sửa', exact: true }).click();
        await page.getByRole('heading', { level: 1, name: 'Sửa sự kiện' }).waitFor();
        await expect.poll(() => page.getByRole('textbox', { name: 'Sức chứa' }).inputValue()).toBe('50');
        await page.getByRole('textbox', { name: 'Sức chứa' }).fill('');
        await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        await expect.poll(() => page.locator('main').innerText()).toContain('Không giới hạn');
      } else {
        // Cancel asks first; going back changes nothing, confirming cancels.
        await page.getByRole('button', { name: 'Hủy sự kiện' }).click();
        const dialog = page.getByRole('dialog', { name: 'Hủy sự kiện này?' });
        await dialog.waitFor();
        await dialog.getByRole('button', { name: 'Quay lại' }).click();
        await dialog.waitFor({ state: 'hidden' });
        await expect.poll(() => page.locator('.page-heading .badge').innerText()).toBe('Đã công bố');
        await page.getByRole('button', { name: 'Hủy sự kiện' }).click();
        await dialog.getByRole('button', { name: 'Hủy sự kiện' }).click();
        await expect.poll(() => page.locator('.page-heading .badge').innerText()).toBe('Đã hủy');
      }

      // Listed among the upcoming events.
      await page.getByRole('link', { name: 'Tất cả sự kiện' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sự kiện' }).waitFor();
      await page.getByRole('link', { name: title }).waitFor();
      if (name === 'phone') expect(await horizontalOverflow(page)).toBe(0);

      // English, remembered after a reload.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await page.getByRole('link', { name: 'Create event' }).waitFor();
      await page.getByRole('link', { name: englishTitle }).waitFor(); // titles follow the language too
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await page.getByRole('link', { name: englishTitle }).waitFor();

      // Sign out: the menu is behind a button on a phone.
      if (name === 'phone') await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await page.goto(`${e2e.product.url}/console/events`);
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/console/sign-in');

      expect(problems).toEqual([]);
    });
  }

  test('an admin adds a colleague, who chooses a password from the emailed link', { timeout: 60_000 }, async () => {
    const { page, problems } = await openPage({ width: 1280, height: 800 });
    await signIn(page, e2e.product.admin.email, e2e.product.admin.password);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Người dùng' }).click();
    await page.getByRole('heading', { level: 1, name: 'Người dùng' }).waitFor();
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const email = 'nhung.dth@example.org';
    await page.getByRole('textbox', { name: 'Họ và tên' }).fill('Đoàn Thị Hồng Nhung');
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByRole('combobox', { name: 'Vai trò', exact: true }).selectOption('organiser');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByRole('status').filter({ hasText: `tới ${email}` }).waitFor();

    const setPasswordLink = async () =>
      (await storedMails(e2e.product)).find((m) => m.destination.to.includes(email))?.body.text?.match(/https?:\/\/\S+\/console\/set-password#token=[\w-]+/)?.[0];
    await expect.poll(setPasswordLink, { timeout: 15_000 }).toBeDefined();
    const link = await setPasswordLink();
    // The admin sees on the list that the mail went (the outbox's sender recorded it).
    const row = page.getByRole('row', { name: /Đoàn Thị Hồng Nhung/ });
    await expect.poll(() => row.locator('.link-mail').innerText(), { timeout: 15_000 }).toContain('Thư đặt mật khẩu: đang chờ gửi');
    await page.reload();
    await expect.poll(() => page.getByRole('row', { name: /Đoàn Thị Hồng Nhung/ }).locator('.link-mail').innerText()).toMatch(/^Thư đặt mật khẩu: đã gửi lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(await seriousAxeViolations(page)).toEqual([]);

    const colleague = await openPage({ width: 375, height: 740 });
    await colleague.page.goto(link!);
    await colleague.page.getByRole('heading', { level: 1, name: 'Đặt mật khẩu' }).waitFor();
    await colleague.page.locator('#f-password').fill('mật khẩu của Nhung 2031');
    await colleague.page.locator('#f-confirm').fill('mật khẩu của Nhung 2031');
    await colleague.page.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await colleague.page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await colleague.page.getByRole('textbox', { name: 'Email' }).fill(email);
    await colleague.page.getByLabel('Mật khẩu').fill('mật khẩu của Nhung 2031');
    await colleague.page.getByRole('button', { name: 'Đăng nhập' }).click();
    await colleague.page.getByRole('link', { name: 'Tạo sự kiện' }).waitFor();
    expect([...problems, ...colleague.problems]).toEqual([]);
  });

  test('staff see the events but no way to change them, and no users menu', { timeout: 60_000 }, async () => {
    const { page, problems } = await openPage({ width: 1280, height: 800 });
    await signIn(page, staff.email, staff.password);
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.getByRole('link', { name: 'Sự kiện' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Người dùng' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Tạo sự kiện' }).count()).toBe(0);

    if (createdTitles[0]) {
      await page.getByRole('link', { name: createdTitles[0] }).click();
      await page.getByRole('heading', { level: 1, name: createdTitles[0] }).waitFor();
      for (const action of ['Sửa', 'Công bố', 'Hủy sự kiện', 'Kết thúc sự kiện']) {
        expect(await page.getByRole('button', { name: action }).count()).toBe(0);
        expect(await page.getByRole('link', { name: action, exact: true }).count()).toBe(0);
      }
    }

    await page.goto(`${e2e.product.url}/console/users`);
    await page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' }).waitFor();
    await page.goto(`${e2e.product.url}/console/events/new`);
    await page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' }).waitFor();
    expect(problems).toEqual([]);
  });
});

describe('dates as the console reads and writes them (Asia/Ho_Chi_Minh, dd/mm/yyyy, 24-hour)', () => {
  test('typed dates and times are read leniently, impossible ones refused', () => {
    expect(parseLocalDate('2/4/2025')).toBe('02/04/2025');
    expect(parseLocalDate('26-03-2015')).toBe('26/03/2015');
    expect(parseLocalDate('29/02/2025')).toBeUndefined();
    expect(parseLocalDate('2025-03-26')).toBeUndefined();
    expect(['8', '8h', '8h30', '08.30', '0830', '830'].map(parseLocalTime)).toEqual(['08:00', '08:00', '08:30', '08:30', '08:30', '08:30']);
    expect(parseLocalTime('24:00')).toBeUndefined();
  });

  test('local inputs become an instant with +07:00, and back, whatever the machine zone', () => {
    expect(localInputsToInstant('26/03/2015', '8h')).toBe('2015-03-26T08:00:00+07:00');
    expect(toLocalInputs('2015-03-26T01:00:00Z')).toEqual({ date: '26/03/2015', time: '08:00' });
    expect(toLocalInputs('2015-03-25T23:30:00Z')).toEqual({ date: '26/03/2015', time: '06:30' });
    expect(formatRange('2015-06-16T07:30:00+07:00', '2015-06-17T16:30:00+07:00')).toBe('16/06/2015 07:30 – 17/06/2015 16:30');
  });
});
