import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { LINK_TOKEN_SOURCE } from '../../shared/invitations/link-tokens.js';
import { formatDate, formatTime } from '../../web/lib/datetime.js';
import { buildWebDist, closeAll, launchChromium, openContextPage } from '../support/browser.js';
import { startLocalProduct, type LocalProduct } from '../support/local-product.js';
import { apiFor, createStaffUser, inviteAndSend, signInByApi, storedMails as mails, type Api } from '../support/product-api.js';

/**
 * Check-in at the door (issue #10) in Debian's Chromium against the real product, on phones: a
 * staff member finds people by typing their names without accents, scans the QR of a
 * confirmation mail with the camera (a fake camera showing that QR; Chromium on Linux has no
 * BarcodeDetector, so jsQR reads it), types a door code twice, undoes, checks in with the
 * connection gone, adds a walk-in while the API cannot be reached and reloads; a second phone
 * sees the counts follow. Then the certificate of attendance, in each participant's language,
 * printed to an A4 landscape PDF.
 */
const tag = randomBytes(3).toString('hex');
const phone = { width: 390, height: 844 };
const staff = { email: `door.${tag}@example.org`, password: 'door-staff-password-for-tests', name: 'Y Bhin Êban' };

const people = {
  nhung: { name: 'Đoàn Thị Hồng Nhung', organisation: 'Sở Ngoại vụ', position: 'Chuyên viên', group: 'Sở, ngành' },
  hlinh: { name: "H'Linh Niê", organisation: 'Hội Liên hiệp Phụ nữ tỉnh', position: 'Phó Chủ tịch', group: 'Đoàn thể' },
  siobhan: { name: 'Siobhán O’Brien', organisation: 'Irish Aid', position: 'Programme Officer', group: 'Khách quốc tế', language: 'en' },
  dung: { name: 'Lê Thị Dung', organisation: 'Sở Ngoại vụ', position: 'Phó Giám đốc', group: 'Sở, ngành' },
  an: { name: 'Nguyễn Văn An', organisation: 'Tỉnh đoàn Đắk Lắk', position: 'Bí thư', group: 'Đoàn thể' },
  duc: { name: 'Trần Văn Đức', organisation: 'PACCOM', position: 'Chuyên viên', group: 'Khách quốc tế' },
};
type Who = keyof typeof people;
const emailOf = (who: Who) => `${who}.${tag}@example.org`;
const confirmed = Object.keys(people).length;

const event = {
  type: 'meeting',
  title: { vi: `Hội nghị tổng kết công tác đối ngoại nhân dân ${tag}`, en: `People-to-people diplomacy review meeting ${tag}` },
  venue: 'Hội trường Liên hiệp, 15 Lê Thánh Tông, TP. Buôn Ma Thuột',
  startsAt: '2031-11-20T08:00:00+07:00',
  endsAt: '2031-11-20T11:30:00+07:00',
  fields: [],
};

let product: LocalProduct;
let browser: Browser;
let api: Api;
let eventId: string;
let siobhanCode: string;
const contexts: BrowserContext[] = [];

/** Polls until `find` answers something, or fails after a generous while. */
function eventually<T>(find: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  return vi.waitFor(
    async () => {
      const found = await find();
      if (found === undefined) throw new Error(`still waiting for ${what}`);
      return found;
    },
    { timeout: timeoutMs, interval: 250 },
  );
}

/**
 * A published event whose invitees all accepted through the links of their invitation mails; the
 * English invitee's door code as her confirmation mail shows it (beside its QR).
 */
async function seed() {
  api = apiFor(product, await signInByApi(product));
  await createStaffUser(api, staff);

  const invitees = (Object.keys(people) as Who[]).map((who) => ({ ...people[who], email: emailOf(who) }));
  eventId = await inviteAndSend(api, event, invitees);

  const tokenShape = new RegExp(`/r/(${LINK_TOKEN_SOURCE})`);
  const tokens = await eventually(async () => {
    const all = await mails(product);
    const found = (Object.keys(people) as Who[]).map((who) => all.find((m) => m.destination.to.includes(emailOf(who)))?.body.text?.match(tokenShape)?.[1]);
    return found.every(Boolean) ? (found as string[]) : undefined;
  }, 'the invitation mails');
  for (const token of tokens) expect((await api('POST', `/api/r/${token}/accept`, {})).body.response).toBe('confirmed');

  siobhanCode = await eventually(async () => {
    const mail = (await mails(product)).find((m) => m.destination.to.includes(emailOf('siobhan')) && /Door code: /.test(m.body.text ?? ''));
    return mail?.body.text?.match(/Door code: ([0-9A-Z]{5}-[0-9A-Z]{5})/)?.[1];
  }, 'the confirmation mail with the door code');
}

/**
 * The confirmation mail's QR as a camera would film it: a Y4M video Chromium plays as its fake
 * camera. One grey-scale frame (4:2:0, chroma neutral), the QR centred on white.
 */
async function cameraFilming(code: string): Promise<string> {
  const png = PNG.sync.read(await QRCode.toBuffer(code, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 8 }));
  const [width, height] = [640, 480];
  const luma = Buffer.alloc(width * height, 255);
  const left = Math.floor((width - png.width) / 2);
  const top = Math.floor((height - png.height) / 2);
  for (let y = 0; y < png.height; y += 1) {
    for (let x = 0; x < png.width; x += 1) {
      const i = (y * png.width + x) * 4;
      const grey = 0.299 * png.data[i]! + 0.587 * png.data[i + 1]! + 0.114 * png.data[i + 2]!;
      luma[(top + y) * width + left + x] = Math.round(grey);
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const file = join(mkdtempSync(join(tmpdir(), 'door-camera-')), 'qr.y4m');
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\nFRAME\n`), luma, chroma, chroma]));
  return file;
}

beforeAll(async () => {
  await buildWebDist();
  product = await startLocalProduct();
  await seed();
  browser = await launchChromium([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    // The QR holds the code without the dash the mail's text adds (seat-attachments.ts).
    `--use-file-for-fake-video-capture=${await cameraFilming(siobhanCode.replace('-', ''))}`,
  ]);
}, 180_000);

afterAll(async () => {
  await closeAll(contexts, browser, product);
});

/** A phone of the door staff, signed in; records page errors and CSP refusals. */
async function staffPhone() {
  const { context, page, problems } = await openContextPage(browser, contexts, { viewport: phone, isMobile: true, hasTouch: true, locale: 'vi-VN', timezoneId: 'Europe/London' });
  await context.grantPermissions(['camera'], { origin: product.url });
  await page.goto(`${product.url}/console/`);
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  await page.getByRole('textbox', { name: 'Email' }).fill(staff.email);
  await page.getByLabel('Mật khẩu').fill(staff.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).tap();
  await page.getByRole('heading', { level: 1, name: 'Sự kiện' }).waitFor();
  return { context, page, problems };
}

const count = (page: Page) => page.getByTestId('door-count').innerText();
const notice = (page: Page) => page.locator('.door-notice').innerText();
const row = (page: Page, name: string) => page.locator('.door-row').filter({ has: page.locator('.door-name', { hasText: name }) });

async function search(page: Page, text: string) {
  await page.getByRole('searchbox', { name: 'Tìm theo tên hoặc đơn vị' }).fill(text);
}

/** "08:05 20/11" in Ho Chi Minh City time: how the door says when a check-in was. */
const doorTime = (instant: string) => `${formatTime(instant)} ${formatDate(instant).slice(0, 5)}`;

async function attendeesFromApi() {
  return (await api('GET', `/api/events/${eventId}/attendees`)).body.items as { registrationId: string; name: string; checkedInAt?: string; walkIn?: boolean }[];
}

describe('check-in at the door', () => {
  test('two phones at the door: search, camera, code, undo, offline, a walk-in, then certificates', { timeout: 240_000 }, async () => {
    const first = await staffPhone();
    const { page, context } = first;

    // From the event's page to the door.
    await page.getByRole('link', { name: event.title.vi }).tap();
    await page.getByRole('heading', { level: 1, name: event.title.vi }).waitFor();
    await page.getByRole('link', { name: 'Điểm danh' }).tap();
    await page.getByRole('heading', { level: 1, name: 'Điểm danh' }).waitFor();
    await expect.poll(() => count(page), { timeout: 20_000 }).toBe(`0 / ${confirmed}`);
    // Nothing in the headers keeps this page from the camera (Permissions-Policy).
    expect(await page.evaluate(() => (document as unknown as { featurePolicy?: { allowsFeature(f: string): boolean } }).featurePolicy?.allowsFeature('camera') ?? true)).toBe(true);

    // Search as you type, without accents: "nhung", then "hlinh" for H'Linh Niê.
    await search(page, 'nhung');
    await expect.poll(() => page.locator('.door-row').count()).toBe(1);
    await page.getByRole('button', { name: `Có mặt: ${people.nhung.name}` }).tap();
    await expect.poll(() => notice(page)).toContain(`Đã ghi nhận ${people.nhung.name} có mặt.`);
    await expect.poll(() => count(page), { timeout: 20_000 }).toBe(`1 / ${confirmed}`);

    await search(page, 'hlinh');
    await expect.poll(() => page.locator('.door-row .door-name').allInnerTexts()).toEqual([people.hlinh.name]);
    await page.getByRole('button', { name: `Có mặt: ${people.hlinh.name}` }).tap();
    await expect.poll(() => count(page), { timeout: 20_000 }).toBe(`2 / ${confirmed}`);
    await expect.poll(() => row(page, people.hlinh.name).innerText()).toMatch(/Có mặt lúc \d{2}:\d{2} \d{2}\/\d{2}/);

    // The QR of Siobhán's confirmation mail, read by the camera. Without BarcodeDetector (Chromium
    // on Linux) the page fetches jsQR now, and only now.
    const decoder: string[] = [];
    page.on('request', (request) => /\/assets\/jsQR-[\w-]+\.js$/.test(request.url()) && decoder.push(request.url()));
    expect(decoder).toEqual([]);
    const native = await page.evaluate(() => 'BarcodeDetector' in window);
    await page.getByRole('button', { name: 'Quét mã QR' }).tap();
    await expect.poll(() => notice(page), { timeout: 30_000 }).toContain(`Đã ghi nhận ${people.siobhan.name} có mặt.`);
    await expect.poll(() => count(page), { timeout: 20_000 }).toBe(`3 / ${confirmed}`);
    await expect.poll(() => page.locator('video').count()).toBe(0); // the camera is off again
    if (!native) expect(decoder).toHaveLength(1);

    // The same code typed again (loosely): harmless, and says when the first was.
    const firstAt = (await attendeesFromApi()).find((a) => a.name === people.siobhan.name)!.checkedInAt!;
    await page.getByRole('textbox', { name: 'Mã vào cửa' }).fill(` ${siobhanCode.toLowerCase()} `);
    await page.getByRole('button', { name: 'Điểm danh theo mã' }).tap();
    await expect.poll(() => notice(page)).toContain(`${people.siobhan.name} đã có mặt từ ${doorTime(firstAt)}.`);
    await expect.poll(() => count(page)).toBe(`3 / ${confirmed}`);

    // Undo from the message, then in again from the list.
    await page.locator('.door-notice').getByRole('button', { name: 'Hoàn tác' }).tap();
    await expect.poll(() => notice(page)).toContain(`Đã hoàn tác điểm danh của ${people.siobhan.name}.`);
    await expect.poll(() => count(page), { timeout: 20_000 }).toBe(`2 / ${confirmed}`);
    expect((await attendeesFromApi()).find((a) => a.name === people.siobhan.name)!.checkedInAt).toBeUndefined();
    await search(page, 'siobhan');
    await page.getByRole('button', { name: `Có mặt: ${people.siobhan.name}` }).tap();
    await expect.poll(() => count(page), { timeout: 20_000 }).toBe(`3 / ${confirmed}`);

    // The connection drops: the tap is kept and shown waiting.
    await context.setOffline(true);
    await search(page, 'le thi dung');
    await page.getByRole('button', { name: `Có mặt: ${people.dung.name}` }).tap();
    await expect.poll(() => row(page, people.dung.name).innerText()).toContain('Chờ gửi');
    await expect.poll(() => page.getByRole('heading', { name: 'Chờ gửi (1)' }).count()).toBe(1);
    await page.getByText('Mất kết nối').waitFor();
    expect(await page.evaluate((key) => localStorage.getItem(key), `hn.door-queue.${eventId}`)).toContain(people.dung.name);

    // A second phone, signed in elsewhere, sees three present meanwhile.
    const second = await staffPhone();
    await second.page.goto(`${product.url}/console/events/${eventId}/check-in`);
    await second.page.getByRole('heading', { level: 1, name: 'Điểm danh' }).waitFor();
    await expect.poll(() => count(second.page), { timeout: 20_000 }).toBe(`3 / ${confirmed}`);

    // Back online: the waiting tap goes by itself, and the other phone follows within seconds.
    await context.setOffline(false);
    await expect.poll(() => page.getByRole('heading', { name: /^Chờ gửi/ }).count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => count(second.page), { timeout: 30_000 }).toBe(`4 / ${confirmed}`);
    await expect.poll(() => count(page), { timeout: 30_000 }).toBe(`4 / ${confirmed}`);
    expect(await page.evaluate((key) => localStorage.getItem(key), `hn.door-queue.${eventId}`)).toBeNull();

    // A walk-in while the API cannot be reached; the page is reloaded before it could be sent.
    await page.route('**/api/events/*/attendees/**', (route) => route.abort('internetdisconnected'));
    await page.locator('summary', { hasText: 'Người đến trực tiếp' }).tap();
    await page.getByRole('textbox', { name: 'Họ và tên' }).fill('Y Moan Êban');
    await page.getByRole('textbox', { name: 'Đơn vị' }).fill('UBND xã Ea Kao');
    await page.getByRole('textbox', { name: 'Chức vụ' }).fill('Cán bộ văn hóa');
    await page.getByRole('button', { name: 'Thêm và điểm danh' }).tap();
    await expect.poll(() => page.getByRole('heading', { name: 'Chờ gửi (1)' }).count()).toBe(1);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Điểm danh' }).waitFor();
    await expect.poll(() => page.getByRole('heading', { name: 'Chờ gửi (1)' }).count()).toBe(1);
    await expect.poll(() => page.locator('.door-queue').innerText()).toContain('Y Moan Êban');
    await page.unroute('**/api/events/*/attendees/**');
    // Sent by the periodic retry; added once, however often it was tried.
    await expect.poll(() => count(second.page), { timeout: 30_000 }).toBe(`5 / ${confirmed + 1}`);
    await expect.poll(() => page.getByRole('heading', { name: /^Chờ gửi/ }).count(), { timeout: 30_000 }).toBe(0);
    expect((await attendeesFromApi()).filter((a) => a.name === 'Y Moan Êban')).toHaveLength(1);

    // Per group on the second phone.
    await second.page.getByText('Theo nhóm').tap();
    await expect.poll(() => second.page.locator('.door-groups').innerText()).toMatch(/Sở, ngành\s+2 \/ 2/);

    // Certificates: from the list, for a person present, in her language (Vietnamese).
    await search(page, 'nhung');
    await page.getByRole('link', { name: `Giấy chứng nhận: ${people.nhung.name}` }).tap();
    await page.getByRole('heading', { level: 1, name: 'Giấy chứng nhận tham dự' }).waitFor();
    const certificate = page.locator('article.certificate');
    await expect.poll(() => certificate.innerText()).toContain('LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ');
    const text = await certificate.innerText();
    for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'GIẤY CHỨNG NHẬN', people.nhung.name, event.title.vi, '20/11/2031', event.venue, 'Đắk Lắk, ngày 20 tháng 11 năm 2031']) {
      expect(text).toContain(expected);
    }

    // Everyone present, each in their own language: Siobhán's is in English.
    await page.goto(`${product.url}/console/events/${eventId}/certificates`);
    await expect.poll(() => page.locator('article.certificate').count(), { timeout: 20_000 }).toBe(5);
    const siobhans = page.locator('article.certificate').filter({ hasText: people.siobhan.name });
    await expect.poll(() => siobhans.innerText()).toContain('CERTIFICATE');
    expect(await siobhans.innerText()).toContain(event.title.en);
    expect(await siobhans.getAttribute('lang')).toBe('en');

    // On paper: nothing of the console, one A4 landscape page per person.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.topbar').isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(false);
    expect(await page.locator('article.certificate').first().isVisible()).toBe(true);
    const pdfFile = join(mkdtempSync(join(tmpdir(), 'certificates-')), 'all.pdf');
    await page.pdf({ path: pdfFile, preferCSSPageSize: true, printBackground: true });
    const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+5\b/);
    const [, w, h] = info.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/)!;
    expect(Math.round(Number(w))).toBe(842);
    expect(Math.round(Number(h))).toBe(595);
    await page.emulateMedia({ media: 'screen' });

    expect(first.problems).toEqual([]);
    expect(second.problems).toEqual([]);
  });
});
