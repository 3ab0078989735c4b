import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { seriousAxeViolations } from '../support/axe.js';
import { signInOnPage } from '../support/browser.js';
import { inviteAndSend, personalLinks } from '../support/product-api.js';
import { productInBrowser } from '../support/product-in-browser.js';

/**
 * Issue 15 (part B) in Debian's Chromium against the real product, at 1366x768 and 390x844, in
 * Vietnamese and English: open registration switched on from the event form, its link and QR
 * code on the event page; choices and dates in one language on the participant and registration
 * pages; the event page's grouped actions; the send button that reacts at once; a mistyped door
 * code; the answers page on a phone; and the events list without layout shift.
 */
const e2e = productInBrowser();
const { api, open } = e2e;

const desktop = { width: 1366, height: 768 };
const phone = { width: 390, height: 844 };
const shots = join(import.meta.dirname, '../../test-results/organiser-journeys');
const tag = Math.random().toString(36).slice(2, 8);

const conference = {
  type: 'ngo_conference',
  title: { vi: `Hội nghị các tổ chức phi chính phủ ${tag}`, en: `NGO conference ${tag}` },
  venue: 'Khách sạn Sài Gòn – Ban Mê, 1-3 Phan Chu Trinh, TP. Buôn Ma Thuột',
  startsAt: '2031-12-10T08:00:00+07:00',
  endsAt: '2031-12-10T17:00:00+07:00',
  openRegistration: true,
  fields: [
    {
      key: 'interpretation',
      label: { vi: 'Cần phiên dịch', en: 'Interpretation needed' },
      type: 'choice',
      required: true,
      choices: [
        { value: 'vi_en', label: { vi: 'Việt – Anh', en: 'Vietnamese – English' } },
        { value: 'none', label: { vi: 'Không', en: 'None' } },
      ],
    },
    // An event made before choices had codes: its bilingual strings still show one language.
    { key: 'gender', label: { vi: 'Giới tính', en: 'Gender' }, type: 'choice', choices: ['Nam / Male', 'Nữ / Female'] },
    { key: 'arrival', label: { vi: 'Ngày đến', en: 'Arrival date' }, type: 'date', required: true },
  ],
};

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
}, 180_000);

async function openPage(viewport: { width: number; height: number }) {
  return open({
    viewport,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    ...(viewport.width < 600 ? { isMobile: true, hasTouch: true } : {}),
  });
}

const signIn = (page: Page) => signInOnPage(page, e2e.product.url, e2e.product.admin);

async function switchToEnglish(page: Page) {
  if ((await page.evaluate(() => document.documentElement.lang)) === 'en') return;
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('button', { name: 'English' }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function createEvent(body: object): Promise<string> {
  const created = await api('POST', '/api/events', body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.event.eventId as string;
}

describe('open registration can be switched on', () => {
  test('from the event form; the event page then gives the public link, a copy button and a QR code', { timeout: 120_000 }, async () => {
    const eventId = await createEvent({
      type: 'youth_forum',
      title: { vi: `Diễn đàn thanh niên mở ${tag}`, en: `Open youth forum ${tag}` },
      venue: 'Hội trường A, Trường Đại học Tây Nguyên',
      startsAt: '2031-11-20T08:00:00+07:00',
      endsAt: '2031-11-20T11:30:00+07:00',
    });
    const { context, page, problems } = await openPage(desktop);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.product.url });
    await signIn(page);
    await page.goto(`${e2e.product.url}/console/events/${eventId}`);
    await page.getByRole('heading', { level: 1, name: `Diễn đàn thanh niên mở ${tag}` }).waitFor();
    expect(await page.getByRole('heading', { name: 'Đăng ký công khai' }).count()).toBe(0);

    // Off by default in the form; switched on and saved.
    await page.getByRole('link', { name: 'Sửa', exact: true }).click();
    const toggle = page.getByRole('checkbox', { name: 'Mở đăng ký công khai' });
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByRole('heading', { level: 1, name: `Diễn đàn thanh niên mở ${tag}` }).waitFor();
    expect((await api('GET', `/api/events/${eventId}`)).body.event.openRegistration).toBe(true);

    // A draft: the link is there, and says the page opens once the event is published.
    const card = page.locator('section.registration-link');
    await card.getByRole('heading', { name: 'Đăng ký công khai' }).waitFor();
    await expect.poll(() => card.innerText()).toContain('Trang đăng ký mở khi sự kiện được công bố.');
    await page.getByRole('button', { name: 'Công bố' }).click();
    await expect.poll(() => page.locator('.page-heading .badge').innerText()).toBe('Đã công bố');
    await expect.poll(() => card.innerText()).not.toContain('Trang đăng ký mở khi');

    const link = `${e2e.product.url}/dang-ky/${eventId}`;
    expect(await card.getByRole('textbox', { name: 'Đường dẫn đăng ký' }).inputValue()).toBe(link);
    await card.getByRole('button', { name: 'Sao chép đường dẫn' }).click();
    await card.getByText('Đã sao chép đường dẫn.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    // The QR code, read back from the screen by a decoder, leads to the same page.
    const qr = card.getByRole('img', { name: 'Mã QR dẫn tới trang đăng ký' });
    await qr.waitFor();
    const png = PNG.sync.read(await qr.screenshot());
    const jsQR = (jsQRModule as unknown as { default: typeof jsQRModule }).default ?? jsQRModule;
    expect((jsQR as unknown as (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null)(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(link);
    expect(await card.getByRole('link', { name: /Tải mã QR/ }).getAttribute('download')).toMatch(/^ma-qr-dang-ky-dien-dan-thanh-nien-mo-[a-z0-9-]+\.svg$/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(shots, 'open-registration-vi-desktop.png'), fullPage: true });

    // The link opens the public registration page.
    const visitor = await openPage(phone);
    await visitor.page.goto(link);
    await visitor.page.getByRole('heading', { level: 1, name: `Diễn đàn thanh niên mở ${tag}` }).waitFor();

    // In English, on a phone.
    const { page: phonePage, problems: phoneProblems } = await openPage(phone);
    await signIn(phonePage);
    await phonePage.goto(`${e2e.product.url}/console/events/${eventId}`);
    await switchToEnglish(phonePage);
    const englishCard = phonePage.locator('section.registration-link');
    await englishCard.getByRole('heading', { name: 'Open registration' }).waitFor();
    await englishCard.getByRole('button', { name: 'Copy the link' }).waitFor();
    await englishCard.getByRole('img', { name: 'QR code to the registration page' }).waitFor();
    expect(await overflow(phonePage)).toBe(0);
    expect(await seriousAxeViolations(phonePage)).toEqual([]);
    await phonePage.screenshot({ path: join(shots, 'open-registration-en-phone.png'), fullPage: true });
    expect([...problems, ...visitor.problems, ...phoneProblems]).toEqual([]);
  });
});

describe('one language at a time', () => {
  test('choices show in the reader’s language and are stored as codes; dates read dd/mm/yyyy', { timeout: 120_000 }, async () => {
    const people = {
      lan: { name: 'Nguyễn Thị Lan', email: `lan.${tag}@example.org`, language: 'vi' },
      jane: { name: 'Jane Miller', email: `jane.${tag}@example.org`, language: 'en' },
    };
    const eventId = await inviteAndSend(api, conference, Object.values(people));
    const links = await personalLinks(e2e.product, { lan: people.lan.email, jane: people.jane.email }, 30_000);

    // Vietnamese: "Không", never "Không / None"; the date typed as people write it.
    const { page, problems } = await openPage(phone);
    await page.goto(links.lan);
    await page.getByRole('button', { name: 'Tôi sẽ tham dự' }).click();
    await page.getByRole('heading', { level: 3, name: 'Đăng ký tham dự' }).waitFor();
    const form = await page.locator('main').innerText();
    for (const bilingual of ['Không / None', 'Nam / Male', 'Việt – Anh / Vietnamese']) expect(form).not.toContain(bilingual);
    for (const label of ['Không', 'Việt – Anh', 'Nam', 'Nữ']) await page.getByRole('radio', { name: label, exact: true }).waitFor();
    const arrival = page.getByRole('textbox', { name: /Ngày đến/ });
    expect(await arrival.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    await arrival.fill('31/02/2031');
    await page.getByRole('radio', { name: 'Không', exact: true }).check();
    await page.getByRole('radio', { name: 'Nam', exact: true }).check();
    await page.getByRole('button', { name: 'Xác nhận tham dự' }).click();
    await expect.poll(() => page.locator('#f-arrival-error').innerText()).toContain('ngày/tháng/năm');
    await arrival.fill('9/12/2031');
    await page.getByRole('button', { name: 'Xác nhận tham dự' }).click();
    await expect.poll(() => page.locator('#result').innerText()).toBe('Bạn đã được xác nhận tham dự');
    const details = page.locator('.details');
    await expect.poll(() => details.innerText()).toContain('09/12/2031');
    expect(await details.innerText()).toContain('Không');
    expect(await details.innerText()).not.toContain('None');
    await page.screenshot({ path: join(shots, 'answer-vi-phone.png'), fullPage: true });
    // Stored as codes (the older field keeps its string as the code), the date as the API's.
    const stored = await (await fetch(links.lan.replace('/r/', '/api/r/'))).json();
    expect(stored.details).toEqual({ interpretation: 'none', gender: 'Nam / Male', arrival: '2031-12-09' });

    // Changing her details shows the stored date as she wrote it.
    await page.getByRole('button', { name: 'Sửa thông tin' }).click();
    expect(await page.getByRole('textbox', { name: /Ngày đến/ }).inputValue()).toBe('09/12/2031');
    expect(await page.getByRole('radio', { name: 'Không', exact: true }).isChecked()).toBe(true);

    // English: "None", "Male", and the same codes.
    const english = await openPage(desktop);
    await english.page.goto(links.jane);
    await english.page.getByRole('button', { name: 'I will attend' }).click();
    for (const label of ['None', 'Vietnamese – English', 'Male', 'Female']) await english.page.getByRole('radio', { name: label, exact: true }).waitFor();
    expect(await english.page.locator('main').innerText()).not.toContain('Không');
    await english.page.getByRole('radio', { name: 'Vietnamese – English' }).check();
    await english.page.getByRole('textbox', { name: /Arrival date/ }).fill('10/12/2031');
    await english.page.getByRole('button', { name: /Confirm/ }).click();
    await expect.poll(() => english.page.locator('.details').innerText()).toContain('Vietnamese – English');
    expect(await english.page.locator('.details').innerText()).toContain('10/12/2031');
    await english.page.screenshot({ path: join(shots, 'answer-en-desktop.png'), fullPage: true });
    const janeStored = await (await fetch(links.jane.replace('/r/', '/api/r/'))).json();
    expect(janeStored.details).toEqual({ interpretation: 'vi_en', arrival: '2031-12-10' });

    // The open registration page: the same, in Vietnamese.
    const visitor = await openPage(phone);
    await visitor.page.goto(`${e2e.product.url}/dang-ky/${eventId}`);
    await visitor.page.getByRole('radio', { name: 'Không', exact: true }).waitFor();
    expect(await visitor.page.locator('main').innerText()).not.toContain('Không / None');
    expect(await visitor.page.getByRole('textbox', { name: /Ngày đến/ }).getAttribute('placeholder')).toBe('dd/mm/yyyy');
    expect(await seriousAxeViolations(visitor.page)).toEqual([]);
    await visitor.page.screenshot({ path: join(shots, 'register-vi-phone.png'), fullPage: true });

    // The organiser's event page names the choices in the console's language, and no field key.
    const organiser = await openPage(desktop);
    await signIn(organiser.page);
    await organiser.page.goto(`${e2e.product.url}/console/events/${eventId}`);
    const fieldsCard = organiser.page.locator('section.card[aria-labelledby="fields-title"]');
    await expect.poll(() => fieldsCard.innerText()).toContain('Việt – Anh · Không');
    const text = await fieldsCard.innerText();
    for (const key of ['interpretation', 'arrival', 'gender']) expect(text).not.toContain(key);
    expect([...problems, ...english.problems, ...visitor.problems, ...organiser.problems]).toEqual([]);
  });
});

describe('feedback and safety', () => {
  test('the event page groups its actions, with closing and cancelling apart and their consequences', { timeout: 90_000 }, async () => {
    const eventId = await createEvent({ ...conference, title: { vi: `Hội nghị nhóm thao tác ${tag}`, en: `Grouped actions ${tag}` }, openRegistration: false });
    expect((await api('POST', `/api/events/${eventId}/publish`)).status).toBe(200);
    for (const [viewport, name] of [
      [desktop, 'desktop'],
      [phone, 'phone'],
    ] as const) {
      const { page, problems } = await openPage(viewport);
      await signIn(page);
      await page.goto(`${e2e.product.url}/console/events/${eventId}`);
      const groups = page.locator('.action-group');
      await expect.poll(() => groups.count()).toBe(3);
      const group = (title: string) => page.getByRole('group', { name: title });
      await group('Người tham dự và trả lời').getByRole('link', { name: 'Khách mời' }).waitFor();
      await group('Người tham dự và trả lời').getByRole('link', { name: 'Trả lời' }).waitFor();
      for (const label of ['In danh sách ký tên', 'Giấy chứng nhận', 'Điểm danh']) await group('In ấn, giấy chứng nhận và điểm danh').getByRole('link', { name: label }).waitFor();
      for (const label of ['Sửa', 'Mẫu thư mời']) await group('Sửa và thư mời').getByRole('link', { name: label, exact: true }).waitFor();
      // Closing and cancelling live apart, below, each with what it does.
      const ending = page.locator('section.danger-zone');
      expect(await groups.getByRole('button', { name: 'Hủy sự kiện' }).count()).toBe(0);
      await ending.getByRole('button', { name: 'Hủy sự kiện' }).waitFor();
      await ending.getByRole('button', { name: 'Kết thúc sự kiện' }).waitFor();
      expect(await ending.innerText()).toContain('Không thể hoàn tác');
      expect(await ending.innerText()).toContain('không nhận thêm trả lời');
      const [actionsBox, endingBox] = [await groups.first().boundingBox(), await ending.boundingBox()];
      expect(endingBox!.y).toBeGreaterThan(actionsBox!.y + 200);
      if (name === 'phone') expect(await overflow(page)).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, `event-page-vi-${name}.png`), fullPage: true });

      await switchToEnglish(page);
      await page.getByRole('group', { name: 'Printing, certificates and check-in' }).getByRole('link', { name: 'Certificates' }).waitFor();
      await page.locator('section.danger-zone').getByRole('button', { name: 'Cancel event' }).waitFor();
      expect(await page.locator('section.danger-zone').innerText()).toContain('This cannot be undone.');
      await page.screenshot({ path: join(shots, `event-page-en-${name}.png`), fullPage: true });
      expect(problems).toEqual([]);
    }
  });

  test('the send button says at once that it is sending', { timeout: 90_000 }, async () => {
    const eventId = await createEvent({ ...conference, title: { vi: `Gửi thư ${tag}`, en: `Sending ${tag}` } });
    expect((await api('POST', `/api/events/${eventId}/publish`)).status).toBe(200);
    for (const english of [false, true]) {
      // Each round has invitations not sent yet.
      const invitees = Array.from({ length: 5 }, (_, i) => ({ name: `Người được mời ${i + 1}`, email: `send.${english ? 'en' : 'vi'}.${i}.${tag}@example.org` }));
      expect((await api('POST', `/api/events/${eventId}/invitations`, { invitees })).status).toBe(200);
      const { page, problems } = await openPage(desktop);
      await signIn(page);
      if (english) await switchToEnglish(page);
      // The API is held back, as a slow one would be: the button must not wait for it to speak.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/invitations/send', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${e2e.product.url}/console/events/${eventId}/invitations`);
      await page.getByRole('button', { name: english ? 'Send invitations' : 'Gửi thư mời', exact: true }).click();
      const dialog = page.getByRole('dialog');
      const go = dialog.getByRole('button', { name: english ? /^Send/ : /^Gửi/ });
      await expect.poll(() => go.isEnabled()).toBe(true);
      await go.click();
      const busyText = english ? 'Sending…' : 'Đang gửi…';
      await dialog.getByRole('button', { name: busyText }).waitFor({ timeout: 2_000 });
      await page.getByRole('status').filter({ hasText: busyText }).first().waitFor({ state: 'attached' });
      await page.screenshot({ path: join(shots, `sending-${english ? 'en' : 'vi'}.png`) });
      release();
      await dialog.waitFor({ state: 'hidden' });
      expect(problems).toEqual([]);
    }
  });

  test('a mistyped door code says that no one has it and stays for correction; on a phone the name search comes first', { timeout: 90_000 }, async () => {
    const eventId = await inviteAndSend(api, { ...conference, title: { vi: `Điểm danh ${tag}`, en: `Door ${tag}` }, fields: [] }, [
      { name: 'Phạm Văn Cửa', email: `door.${tag}@example.org` },
    ]);
    for (const [viewport, english] of [
      [phone, false],
      [desktop, true],
    ] as const) {
      const { page, problems } = await openPage(viewport);
      await signIn(page);
      if (english) await switchToEnglish(page);
      await page.goto(`${e2e.product.url}/console/events/${eventId}/check-in`);
      const search = page.locator('#door-q');
      const code = page.getByRole('textbox', { name: english ? 'Door code' : 'Mã vào cửa' });
      await code.waitFor();
      if (!english) expect((await search.boundingBox())!.y).toBeLessThan((await code.boundingBox())!.y);
      await code.fill('ABCDE-1234X');
      await page.getByRole('button', { name: english ? 'Check in by code' : 'Điểm danh theo mã' }).click();
      const error = page.locator('#f-code-error');
      await expect.poll(() => error.innerText()).toContain(english ? 'No one has the code' : 'Không có ai mang mã');
      expect(await code.inputValue()).toBe('ABCDE-1234X');
      // One message, beside the code, once.
      expect(await page.locator('main').getByText(english ? /No one has the code/ : /Không có ai mang mã/).count()).toBe(1);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-code');
      const main = await page.locator('main').innerText();
      for (const networkish of ['Không gửi được', 'Could not send', 'Mất kết nối', 'No connection', 'Chờ gửi', 'Waiting to send']) expect(main).not.toContain(networkish);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, `door-code-${english ? 'en-desktop' : 'vi-phone'}.png`), fullPage: true });
      expect(problems).toEqual([]);
    }
  });

  test('on a phone the answers page shows its waiting list as readable cards', { timeout: 90_000 }, async () => {
    const eventId = await inviteAndSend(
      api,
      { ...conference, title: { vi: `Danh sách chờ ${tag}`, en: `Waiting list ${tag}` }, capacity: 1, fields: [] },
      ['Nguyễn Thị Hồng Nhung', 'Trần Nguyễn Minh Khôi Nguyên', 'H’Linh Niê Kdăm'].map((name, i) => ({ name, email: `wait.${i}.${tag}@example.org`, organisation: 'Trường Đại học Tây Nguyên, Khoa Ngoại ngữ' })),
    );
    const { body } = await api('GET', `/api/events/${eventId}/invitations`);
    for (const invitation of body.items as { invitationId: string }[]) {
      expect((await api('POST', `/api/events/${eventId}/registrations/on-behalf/${invitation.invitationId}`, { action: 'accept', channel: 'phone' })).status).toBe(200);
    }
    for (const english of [false, true]) {
      const { page, problems } = await openPage(phone);
      await signIn(page);
      if (english) await switchToEnglish(page);
      await page.goto(`${e2e.product.url}/console/events/${eventId}/answers`);
      const rows = page.locator('.waitlist-table tbody tr');
      await expect.poll(() => rows.count()).toBe(2);
      expect(await overflow(page)).toBe(0);
      // Each row is a card as wide as the screen allows; a name is one line, not a word a line.
      const name = page.locator('.waitlist-table tbody th').first();
      const box = (await name.boundingBox())!;
      expect(box.width).toBeGreaterThan(250);
      expect(box.height).toBeLessThan(60);
      expect(await rows.first().evaluate((row) => getComputedStyle(row).display)).toBe('block');
      // The chart's labels are drawn at a readable size.
      const label = page.locator('.chart-grid text').first();
      await label.waitFor();
      expect((await label.boundingBox())!.height).toBeGreaterThanOrEqual(10);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, `answers-${english ? 'en' : 'vi'}-phone.png`), fullPage: true });
      expect(problems).toEqual([]);
    }
  });

  test('the events list loads without layout shift', { timeout: 90_000 }, async () => {
    for (let i = 0; i < 8; i += 1) {
      await createEvent({ ...conference, title: { vi: `Sự kiện số ${i + 1} trong danh sách ${tag}`, en: `Listed event ${i + 1} ${tag}` } });
    }
    for (const viewport of [desktop, phone]) {
      const { context, page, problems } = await openPage(viewport);
      await signIn(page);
      await context.addInitScript(() => {
        const shifts: number[] = [];
        (window as unknown as { __shifts: number[] }).__shifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) shifts.push(entry.value);
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${e2e.product.url}/console/events`);
      await page.getByRole('link', { name: `Sự kiện số 8 trong danh sách ${tag}` }).waitFor();
      await page.waitForTimeout(1000);
      const cls = await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts.reduce((sum, value) => sum + value, 0));
      expect(cls).toBeLessThan(0.1);
      expect(problems).toEqual([]);
    }
  });
});
