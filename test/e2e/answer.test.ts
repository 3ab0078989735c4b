import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { inviteAndSend, personalLinks } from '../support/product-api.js';
import { productInBrowser } from '../support/product-in-browser.js';

/**
 * The participant page `/r/<token>` in Debian's Chromium against the real product, on a phone:
 * invitations made and sent through the API, each link read from the mail in the SES emulator,
 * then answered as people answer them, in Vietnamese and in English.
 */
const e2e = productInBrowser();
const { api, open } = e2e;

const tag = randomBytes(3).toString('hex');

const invitees = {
  lan: { name: 'Nguyễn Thị Lan', email: `lan.${tag}@example.org`, language: 'vi' },
  binh: { name: 'Trần Văn Bình', email: `binh.${tag}@example.org`, language: 'vi' },
  siobhan: { name: 'Siobhán O’Brien', email: `siobhan.${tag}@example.org`, language: 'en' },
  hoa: { name: 'Y Hoa Niê', email: `hoa.${tag}@example.org`, language: 'vi' },
};
type Who = keyof typeof invitees;

const fields = [
  { key: 'phone', label: { vi: 'Số điện thoại', en: 'Phone number' }, type: 'phone', required: true },
  { key: 'meal', label: { vi: 'Suất ăn', en: 'Meal' }, type: 'choice', required: true, choices: ['Bình thường', 'Ăn chay'] },
];
const forum = {
  type: 'youth_forum',
  title: { vi: `Diễn đàn thanh niên hữu nghị Việt – Lào ${tag}`, en: `Vietnam – Laos Youth Friendship Forum ${tag}` },
  description: { vi: 'Giao lưu giữa sinh viên hai nước.', en: 'Students of both countries meet.' },
  agenda: { vi: '08:00 Đón tiếp đại biểu\n08:30 Khai mạc\n10:00 Thảo luận nhóm', en: '08:00 Welcome\n08:30 Opening\n10:00 Group discussions' },
  venue: 'Hội trường Tỉnh đoàn, 02 Lê Duẩn, TP. Buôn Ma Thuột',
  venueMapUrl: 'https://maps.example.org/place/tinh-doan-dak-lak',
  contact: { name: 'Phạm Minh Thư', phone: '0262 3852 123', email: 'thu.pm@example.org' },
  startsAt: '2031-11-20T08:00:00+07:00',
  endsAt: '2031-11-20T11:30:00+07:00',
  registrationClosesAt: '2031-11-18T17:00:00+07:00',
  capacity: 1,
  fields,
};

const links = {} as Record<Who, string>;
let forumId: string;
let meetingId: string;

/** An event with invitees, published and sent; the personal links as the mails carry them. */
async function inviteTo(event: object, who: Who[]) {
  const eventId = await inviteAndSend(api, event, who.map((w) => invitees[w]));
  Object.assign(links, await personalLinks(e2e.product, Object.fromEntries(who.map((w) => [w, invitees[w].email])), 20_000));
  return eventId;
}

beforeAll(async () => {
  forumId = await inviteTo(forum, ['lan', 'binh', 'siobhan']);
  meetingId = await inviteTo(
    {
      type: 'meeting',
      title: { vi: `Gặp mặt cuối năm ${tag}` },
      venue: 'Khách sạn Sài Gòn – Ban Mê, Buôn Ma Thuột',
      startsAt: '2031-12-28T18:00:00+07:00',
      endsAt: '2031-12-28T21:00:00+07:00',
      registrationClosesAt: '2031-12-20T17:00:00+07:00',
      fields: [fields[1]],
    },
    ['hoa'],
  );
}, 120_000);

/**
 * A fresh phone (no remembered language) in London with an English browser: the page must follow
 * the invitee, not the phone, and show Ho Chi Minh City time. Records CSP violations and errors.
 */
async function openPhone() {
  const { page, problems } = await open({ viewport: { width: 375, height: 740 }, locale: 'en-GB', timezoneId: 'Europe/London', hasTouch: true, isMobile: true });
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET' && new URL(request.url()).pathname.startsWith('/api/r/')) posts.push(`${request.method()} ${new URL(request.url()).pathname.split('/').slice(4).join('/') || '(details)'}`);
  });
  return { page, problems, posts };
}

const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const result = (page: Page) => page.getByRole('heading', { level: 2 }).and(page.locator('#result'));
const opened = async (who: Who) => (await (await fetch(`${links[who].replace('/r/', '/api/r/')}`)).json()) as { response: string; details?: Record<string, string> };

describe('the participant page', () => {
  test('a Vietnamese invitee accepts with her details, changes them, and withdraws; her seat goes to the one waiting', { timeout: 60_000 }, async () => {
    const { page, problems, posts } = await openPhone();
    expect(await page.goto(links.lan).then((r) => r?.status())).toBe(200);
    await page.getByRole('heading', { level: 1, name: forum.title.vi }).waitFor();
    expect(await lang(page)).toBe('vi');
    const main = page.locator('main');
    await expect.poll(() => main.innerText()).toContain('Kính gửi Ông/Bà Nguyễn Thị Lan,');
    expect(await main.innerText()).toContain('08:00 – 11:30, Thứ Năm, 20/11/2031');
    expect(await page.getByRole('link', { name: /Xem bản đồ/ }).getAttribute('href')).toBe(forum.venueMapUrl);
    await page.getByRole('heading', { level: 2, name: 'Chương trình' }).waitFor();
    expect(await main.innerText()).toContain('08:30 Khai mạc');
    expect(await page.getByRole('link', { name: '0262 3852 123' }).getAttribute('href')).toBe('tel:02623852123');
    await expect.poll(() => result(page).innerText()).toBe('Bạn sẽ tham dự chứ?');
    expect(await main.innerText()).toContain('Xin trả lời trước 17:00, Thứ Ba, 18/11/2031.');
    expect(await overflow(page)).toBe(0);
    await page.screenshot({ path: '/tmp/answer-vi-invitation.png', fullPage: true });

    // Required fields are checked before anything is sent; the first one takes the focus.
    await page.getByRole('button', { name: 'Tôi sẽ tham dự' }).click();
    await page.getByRole('heading', { level: 3, name: 'Đăng ký tham dự' }).waitFor();
    await page.getByRole('button', { name: 'Xác nhận tham dự' }).click();
    const phoneInput = page.getByRole('textbox', { name: 'Số điện thoại' });
    await expect.poll(() => phoneInput.getAttribute('aria-invalid')).toBe('true');
    expect(await focusedId(page)).toBe('f-phone');
    expect(await page.locator('#f-phone-error').innerText()).toBe('Xin điền mục này.');
    expect(await page.locator('#f-meal-error').innerText()).toBe('Xin điền mục này.');
    expect(posts).toEqual([]);
    await page.screenshot({ path: '/tmp/answer-vi-required.png', fullPage: true });

    // A number the server refuses (too long for Vietnam): its problem shows beside the field.
    await phoneInput.fill('0912 3456 7890 12');
    await page.getByRole('radio', { name: 'Ăn chay' }).check();
    await page.getByRole('button', { name: 'Xác nhận tham dự' }).click();
    await expect.poll(() => page.locator('#f-phone-error').innerText()).toBe('Số điện thoại chưa đúng (ví dụ: 0912 345 678).');
    expect(posts).toEqual(['POST accept']);
    expect(await page.locator('#f-meal-error').count()).toBe(0);
    expect(await page.getByRole('radio', { name: 'Ăn chay' }).isChecked()).toBe(true);

    // A double tap sends one answer; the result takes the focus and is said aloud.
    await page.getByRole('textbox', { name: 'Số điện thoại' }).fill('0912 345 678');
    await page.getByRole('button', { name: 'Xác nhận tham dự' }).dblclick();
    await expect.poll(() => result(page).innerText()).toBe('Bạn đã được xác nhận tham dự');
    expect(posts).toEqual(['POST accept', 'POST accept']);
    expect(await focusedId(page)).toBe('result');
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Đã ghi nhận trả lời của bạn.');
    expect(await main.innerText()).toContain(`Thư xác nhận, kèm tệp lịch và mã QR để vào cửa, được gửi tới ${invitees.lan.email}.`);
    const details = page.locator('.details');
    await expect.poll(() => details.innerText()).toContain('+84912345678');
    expect(await details.innerText()).toContain('Ăn chay');
    expect(await main.innerText()).toContain('Bạn có thể thay đổi câu trả lời đến 17:00, Thứ Ba, 18/11/2031.');
    await page.screenshot({ path: '/tmp/answer-vi-confirmed.png', fullPage: true });

    // Her details change; the answer stays.
    await page.getByRole('button', { name: 'Sửa thông tin' }).click();
    await page.getByRole('heading', { level: 3, name: 'Sửa thông tin đăng ký' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Số điện thoại' }).inputValue()).toBe('+84912345678');
    await page.getByRole('radio', { name: 'Bình thường' }).check();
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    // The notice on the page, not its copy for screen readers (the live region says it too).
    await page.locator('.notice', { hasText: 'Đã lưu thay đổi.' }).waitFor();
    expect(await focusedId(page)).toBe('result');
    expect(await result(page).innerText()).toBe('Bạn đã được xác nhận tham dự');
    expect(await details.innerText()).toContain('Bình thường');
    expect((await opened('lan')).details).toEqual({ phone: '+84912345678', meal: 'Bình thường' });

    // The event is full now: the next one to accept waits, and is told what that means.
    const other = await openPhone();
    await other.page.goto(links.binh);
    await other.page.getByRole('button', { name: 'Tôi sẽ tham dự' }).click();
    await other.page.getByRole('textbox', { name: 'Số điện thoại' }).fill('0905 111 222');
    await other.page.getByRole('radio', { name: 'Bình thường' }).check();
    await other.page.getByRole('button', { name: 'Xác nhận tham dự' }).click();
    await expect.poll(() => result(other.page).innerText()).toBe('Bạn đang ở danh sách chờ');
    expect(await other.page.locator('main').innerText()).toContain('đến lượt bạn, bạn được xác nhận tự động và nhận email thông báo');
    await other.page.screenshot({ path: '/tmp/answer-vi-waitlisted.png', fullPage: true });

    // Withdrawing asks first; going back changes nothing.
    await page.getByRole('button', { name: 'Rút đăng ký' }).click();
    const confirm = page.getByRole('group', { name: 'Rút đăng ký tham dự?' });
    await confirm.waitFor();
    expect(await focusedId(page)).toBe('withdraw-title');
    await page.screenshot({ path: '/tmp/answer-vi-withdraw-confirm.png', fullPage: true });
    await confirm.getByRole('button', { name: 'Quay lại' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(posts.filter((p) => p.includes('withdraw'))).toEqual([]);
    await page.getByRole('button', { name: 'Rút đăng ký' }).click();
    await confirm.getByRole('button', { name: 'Có, rút đăng ký' }).click();
    await expect.poll(() => result(page).innerText()).toBe('Bạn đã rút đăng ký');
    expect(await focusedId(page)).toBe('result');
    expect(posts).toEqual(['POST accept', 'POST accept', 'PATCH (details)', 'POST withdraw']);
    await page.getByRole('button', { name: 'Tôi sẽ tham dự' }).waitFor(); // she may change her mind before the deadline
    await page.screenshot({ path: '/tmp/answer-vi-withdrawn.png', fullPage: true });

    // The seat went to the one waiting, who sees it on reopening the link.
    expect((await opened('binh')).response).toBe('confirmed');
    await other.page.reload();
    await expect.poll(() => result(other.page).innerText()).toBe('Bạn đã được xác nhận tham dự');

    expect([...problems, ...other.problems]).toEqual([]);
  });

  test('an English invitee sees English, declines with a reason, and switches language', { timeout: 60_000 }, async () => {
    const { page, problems, posts } = await openPhone();
    await page.goto(links.siobhan);
    await page.getByRole('heading', { level: 1, name: forum.title.en }).waitFor();
    expect(await lang(page)).toBe('en');
    const main = page.locator('main');
    expect(await main.innerText()).toContain('Dear Siobhán O’Brien,');
    expect(await main.innerText()).toContain('08:00 – 11:30, Thursday 20 November 2031');
    expect(await main.innerText()).toContain('08:30 Opening');
    await expect.poll(() => result(page).innerText()).toBe('Will you attend?');
    expect(await page.getByRole('link', { name: /View map/ }).getAttribute('href')).toBe(forum.venueMapUrl);

    await page.getByRole('button', { name: 'I cannot attend' }).click();
    await page.getByRole('heading', { level: 3, name: 'Decline the invitation' }).waitFor();
    const reason = 'I will be in Hà Nội that week; my colleague may write to you.';
    await page.getByRole('textbox', { name: 'Reason (optional)' }).fill(reason);
    await page.screenshot({ path: '/tmp/answer-en-decline.png', fullPage: true });
    await page.getByRole('button', { name: 'Decline invitation' }).click();
    await expect.poll(() => result(page).innerText()).toBe('You declined the invitation');
    expect(await focusedId(page)).toBe('result');
    expect(posts).toEqual(['POST decline']);
    const declined = (await api('GET', `/api/events/${forumId}/invitations`)).body.items.find((i: { email: string }) => i.email === invitees.siobhan.email);
    expect(declined.response).toBe('declined');
    await page.screenshot({ path: '/tmp/answer-en-declined.png', fullPage: true });

    // Vietnamese, remembered after a reload; the answer stays in plain words.
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await expect.poll(() => lang(page)).toBe('vi');
    expect(await focusedId(page)).toBe('lang-switch');
    await expect.poll(() => result(page).innerText()).toBe('Bạn đã từ chối lời mời');
    await page.getByRole('heading', { level: 1, name: forum.title.vi }).waitFor();
    await page.reload();
    await expect.poll(() => result(page).innerText()).toBe('Bạn đã từ chối lời mời');
    expect(await lang(page)).toBe('vi');
    expect(await main.innerText()).toContain('Nếu đổi ý, bạn vẫn có thể đăng ký tham dự trước hạn.');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => result(page).innerText()).toBe('You declined the invitation');
    expect(await lang(page)).toBe('en');
    expect(problems).toEqual([]);
  });

  test('an unknown link shows one plain "not found", in either language', async () => {
    const { page, problems } = await openPhone();
    await page.goto(`${e2e.product.url}/r/${randomBytes(32).toString('base64url')}`);
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy lời mời' }).waitFor();
    expect(await lang(page)).toBe('vi');
    await page.screenshot({ path: '/tmp/answer-not-found.png', fullPage: true });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Invitation not found' }).waitFor();
    expect(await lang(page)).toBe('en');
    await page.goto(`${e2e.product.url}/r/not-a-token`);
    await page.getByRole('heading', { level: 1, name: 'Invitation not found' }).waitFor();
    expect(problems).toEqual([]);
  });

  test('after the deadline the answer is read-only; a cancelled event says so', async () => {
    const accepted = await fetch(`${links.hoa.replace('/r/', '/api/r/')}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ details: { meal: 'Ăn chay' } }),
    });
    expect(accepted.status).toBe(200);
    const { page, problems } = await openPhone();
    await page.goto(links.hoa);
    await expect.poll(() => result(page).innerText()).toBe('Bạn đã được xác nhận tham dự');

    // The deadline passes while the page is open: the server's refusal shows how things stand now.
    expect((await api('PATCH', `/api/events/${meetingId}`, { registrationClosesAt: '2025-01-02T17:00:00+07:00' })).status).toBe(200);
    await page.getByRole('button', { name: 'Rút đăng ký' }).click();
    await page.getByRole('button', { name: 'Có, rút đăng ký' }).click();
    await page.getByText('Đã hết hạn đăng ký cho sự kiện này; không thể thay đổi câu trả lời nữa.', { exact: false }).waitFor();
    expect(await focusedId(page)).toBe('result');
    expect(await result(page).innerText()).toBe('Bạn đã được xác nhận tham dự');
    expect((await opened('hoa')).response).toBe('confirmed');

    await page.reload();
    await expect.poll(() => result(page).innerText()).toBe('Bạn đã được xác nhận tham dự');
    const main = page.locator('main');
    expect(await main.innerText()).toContain('Đã hết hạn đăng ký (17:00, Thứ Năm, 02/01/2025).');
    expect(await page.locator('.details').innerText()).toContain('Ăn chay');
    expect(await page.getByRole('button', { name: 'Rút đăng ký' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Sửa thông tin' }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/answer-vi-closed.png', fullPage: true });

    expect((await api('POST', `/api/events/${meetingId}/cancel`)).status).toBe(200);
    await page.reload();
    await page.getByText('Sự kiện này đã bị hủy.', { exact: false }).waitFor();
    expect(await page.locator('#result').count()).toBe(0);
    expect(await page.getByRole('button').allInnerTexts()).toEqual(['English']);
    await page.screenshot({ path: '/tmp/answer-vi-cancelled.png', fullPage: true });
    expect(problems).toEqual([]);
  });
});
