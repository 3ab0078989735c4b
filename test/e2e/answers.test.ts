import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { inviteAndSend, personalLinks } from '../support/product-api.js';
import { productInBrowser } from '../support/product-in-browser.js';

/**
 * The organiser's side of issue #7 in Debian's Chromium against the real product: an event that
 * needs approval, with two seats; invitees answer through their personal links (read from the
 * mails in the SES emulator); then the Answers page shows the counts, approves two in bulk,
 * approves a third onto the waiting list, rejects one with a reason, records an answer given by
 * phone, and draws the chart whose table holds the same totals.
 */
const e2e = productInBrowser();
const { api, open } = e2e;

const desktop = { width: 1280, height: 900 };
const phone = { width: 375, height: 740 };
const tag = randomBytes(3).toString('hex');

const invitees = {
  an: { name: 'Nguyễn Văn An', email: `an.${tag}@example.org`, organisation: 'Hội hữu nghị Việt – Lào tỉnh' },
  binh: { name: 'Trần Thị Bình', email: `binh.${tag}@example.org`, organisation: 'Tỉnh đoàn Đắk Lắk' },
  chi: { name: 'Phạm Minh Chi', email: `chi.${tag}@example.org`, organisation: 'Trường Đại học Tây Nguyên' },
  dung: { name: 'Hoàng Văn Dũng', email: `dung.${tag}@example.org` },
  em: { name: 'H’Em Niê', email: `em.${tag}@example.org` },
  giang: { name: 'Lê Thị Giang', email: `giang.${tag}@example.org`, organisation: 'Hội Liên hiệp Phụ nữ tỉnh' },
  hoa: { name: 'Y Hoa Byă', email: `hoa.${tag}@example.org` },
};
type Who = keyof typeof invitees;

let eventId: string;
let links: Record<Who, string>;

/** Answers as the invitee does, through `/api/r/<token>`. */
async function answer(who: Who, action: 'accept' | 'decline') {
  const response = await fetch(`${links[who].replace('/r/', '/api/r/')}/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: e2e.product.url },
    body: '{}',
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { response: string }).response;
}

beforeAll(async () => {
  eventId = await inviteAndSend(
    api,
    {
      type: 'training',
      title: { vi: `Tập huấn công tác đối ngoại nhân dân ${tag}` },
      venue: 'Hội trường Liên hiệp, 15 Lê Thánh Tông, TP. Buôn Ma Thuột',
      startsAt: '2031-11-20T08:00:00+07:00',
      endsAt: '2031-11-20T17:00:00+07:00',
      capacity: 2,
      requiresApproval: true,
      fields: [],
    },
    Object.values(invitees),
  );

  // Each personal link as its mail carries it.
  links = await personalLinks(e2e.product, Object.fromEntries(Object.entries(invitees).map(([w, i]) => [w, i.email])) as Record<Who, string>, 30_000);
  for (const w of ['an', 'binh', 'chi', 'dung'] as const) expect(await answer(w, 'accept')).toBe('pending');
  expect(await answer('em', 'decline')).toBe('declined');
}, 150_000);

async function openPage() {
  const { page, problems } = await open({ viewport: desktop, locale: 'vi-VN', timezoneId: 'Europe/London' });
  return { page, problems };
}

const count = (page: Page, key: string) => page.locator(`.answer-stats .count-${key} dd`).innerText();
const counts = async (page: Page) =>
  Object.fromEntries(
    await Promise.all(['confirmed', 'waitlisted', 'pending', 'declined', 'withdrawn', 'rejected', 'none'].map(async (k) => [k, Number(await count(page, k))])),
  );
const pendingNames = (page: Page) => page.locator('.pending-table tbody th').allInnerTexts();
const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const successNotice = (page: Page) => page.locator('.notice.success').innerText();

describe('the answers page', () => {
  test('an organiser sees the counts, approves in bulk and onto the waiting list, rejects with a reason, records a phone answer and reads the chart', { timeout: 120_000 }, async () => {
    const { page, problems } = await openPage();
    await page.goto(`${e2e.product.url}/console/events/${eventId}`);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await page.getByRole('textbox', { name: 'Email' }).fill(e2e.product.admin.email);
    await page.getByLabel('Mật khẩu').fill(e2e.product.admin.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: `Tập huấn công tác đối ngoại nhân dân ${tag}` }).waitFor();

    // From the event page to its answers.
    await page.getByRole('link', { name: 'Trả lời', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Trả lời của khách mời' }).waitFor();
    await page.locator('.answer-stats').waitFor();
    expect(await page.locator('.answer-stats .capacity').innerText()).toMatch(/Sức chứa\s+2\s+Còn 2 chỗ trống/);
    expect(await counts(page)).toEqual({ confirmed: 0, waitlisted: 0, pending: 4, declined: 1, withdrawn: 0, rejected: 0, none: 2 });
    expect(await pendingNames(page)).toEqual([invitees.an.name, invitees.binh.name, invitees.chi.name, invitees.dung.name]);
    expect(await page.getByText('Không có ai trong danh sách chờ.').isVisible()).toBe(true);

    // Two approved in bulk: both take the two seats.
    await page.getByRole('checkbox', { name: `Chọn ${invitees.an.name}` }).check();
    await page.getByRole('checkbox', { name: `Chọn ${invitees.binh.name}` }).check();
    expect(await page.locator('.bulk-bar').innerText()).toContain('Đã chọn 2');
    await page.getByRole('button', { name: 'Duyệt những người đã chọn', exact: true }).click();
    await expect.poll(() => successNotice(page)).toBe('Đã duyệt 2 người.');
    await expect.poll(() => count(page, 'confirmed')).toBe('2');
    expect(await pendingNames(page)).toEqual([invitees.chi.name, invitees.dung.name]);
    expect(await page.locator('.answer-stats .capacity').innerText()).toContain('Đã hết chỗ');
    expect(await page.locator('.bulk-bar').innerText()).toContain('Đã chọn 0');

    // A third, approved on their row, finds the event full and joins the waiting list.
    await page.getByRole('button', { name: `Duyệt ${invitees.chi.name}`, exact: true }).click();
    await expect.poll(() => successNotice(page)).toBe('1 người vào danh sách chờ vì đã hết chỗ.');
    const waitlist = page.locator('.waitlist-table tbody tr');
    await expect.poll(() => waitlist.count()).toBe(1);
    const waiting = await waitlist.first().locator('th, td').allInnerTexts();
    expect(waiting.slice(0, 3)).toEqual(['1', invitees.chi.name, invitees.chi.organisation]);
    expect(waiting[3]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);

    // One rejected, with a reason, from a dialog.
    await page.getByRole('button', { name: `Không duyệt ${invitees.dung.name}`, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Không duyệt 1 người?' });
    await dialog.getByLabel('Lý do (không bắt buộc)').fill('Không đúng đối tượng của lớp tập huấn');
    const rejectRequest = page.waitForRequest((r) => r.url().endsWith('/registrations/reject') && r.method() === 'POST');
    await dialog.getByRole('button', { name: 'Không duyệt', exact: true }).click();
    expect((await rejectRequest).postDataJSON()).toMatchObject({ reason: 'Không đúng đối tượng của lớp tập huấn' });
    await expect.poll(() => successNotice(page)).toBe('Đã không duyệt 1 người.');
    await expect.poll(() => count(page, 'rejected')).toBe('1');
    expect(await page.getByText('Không có ai chờ duyệt.').isVisible()).toBe(true);

    // Giang said yes on the phone: found without accents, recorded on her behalf.
    await page.getByRole('button', { name: 'Ghi nhận trả lời thay' }).click();
    const record = page.getByRole('dialog', { name: 'Ghi nhận trả lời thay khách mời' });
    await record.getByRole('searchbox', { name: 'Tìm khách mời' }).pressSequentially('le thi giang', { delay: 20 });
    await record.getByRole('button', { name: `Chọn khách mời: ${invitees.giang.name}` }).click();
    await record.getByLabel('Câu trả lời').selectOption('accept');
    await record.getByLabel('Nhận được qua').selectOption('phone');
    await record.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await expect.poll(() => successNotice(page)).toBe(`Đã ghi nhận thay ${invitees.giang.name}: Chờ duyệt (qua điện thoại).`);
    await expect.poll(() => pendingNames(page)).toEqual([`${invitees.giang.name} Ghi nhận thay (qua điện thoại)`]);
    expect(await counts(page)).toEqual({ confirmed: 2, waitlisted: 1, pending: 1, declined: 1, withdrawn: 0, rejected: 1, none: 1 });

    // The chart: an SVG named by its title, and a hidden table whose last day holds the totals
    // (accepted: two confirmed, one waiting, one pending; Chi's rejection is not a yes any more).
    const chart = page.getByRole('img', { name: 'Số người nhận lời và từ chối cộng dồn theo ngày' });
    await chart.waitFor();
    expect(await chart.locator('path.chart-accepted').getAttribute('d')).toMatch(/^M/);
    expect(await chart.locator('desc').textContent()).toMatch(/có 4 người nhận lời và 1 người từ chối\.$/);
    const table = page.locator('table.answers-chart-table');
    expect(await table.locator('caption').textContent()).toBe('Số liệu của biểu đồ, theo ngày');
    const lastDay = await table.locator('tbody tr').last().locator('th, td').allTextContents();
    expect(lastDay[0]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(lastDay.slice(4)).toEqual(['4', '1', '0']);
    await page.screenshot({ path: '/tmp/answers-desktop.png', fullPage: true });
    // On a phone nothing is wider than the screen (the hidden table included).
    await page.setViewportSize(phone);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: '/tmp/answers-phone.png', fullPage: true });
    await page.setViewportSize(desktop);

    // The invitation list marks Giang's answer as recorded on her behalf.
    await page.getByRole('link', { name: 'Danh sách khách mời' }).click();
    await page.getByRole('heading', { level: 1, name: 'Khách mời' }).waitFor();
    const giang = page.locator('.invitations-table tr', { hasText: invitees.giang.name });
    await expect.poll(() => giang.locator('.cell-answer').innerText()).toMatch(/Chờ duyệt\s*Ghi nhận thay \(qua điện thoại\)/);
    expect(await page.locator('.invitations-table tr', { hasText: invitees.an.name }).locator('.badge.on-behalf').count()).toBe(0);

    expect(problems).toEqual([]);
  });

  test('staff read the answers but find nothing to decide or record', { timeout: 60_000 }, async () => {
    const staff = { email: `staff.${tag}@example.org`, password: 'staff-password-for-tests', name: 'H’Linh Mlô', role: 'staff' };
    expect((await api('POST', '/api/users', staff)).status).toBe(201);
    const { page, problems } = await openPage();
    await page.goto(`${e2e.product.url}/console/events/${eventId}/answers`);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await page.getByRole('textbox', { name: 'Email' }).fill(staff.email);
    await page.getByLabel('Mật khẩu').fill(staff.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Trả lời của khách mời' }).waitFor();
    await page.locator('.answer-stats').waitFor();
    const { counts: fromApi } = (await api('GET', `/api/events/${eventId}/invitations/counts`)).body;
    expect(await counts(page)).toEqual(Object.fromEntries(['confirmed', 'waitlisted', 'pending', 'declined', 'withdrawn', 'rejected', 'none'].map((k) => [k, fromApi.response[k]])));
    await page.getByRole('img', { name: 'Số người nhận lời và từ chối cộng dồn theo ngày' }).waitFor();
    expect(await page.getByRole('checkbox').count()).toBe(0);
    for (const action of ['Ghi nhận trả lời thay', 'Duyệt những người đã chọn', 'Không duyệt những người đã chọn']) {
      expect(await page.getByRole('button', { name: action, exact: true }).count()).toBe(0);
    }
    expect(problems).toEqual([]);
  });
});
