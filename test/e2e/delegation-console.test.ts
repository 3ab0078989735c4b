import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { seriousAxeViolations } from '../support/axe.js';
import { signInOnPage } from '../support/browser.js';
import { personalLinkShape, storedMails } from '../support/product-api.js';
import { createUser, signInApi, type Session } from '../support/seed-attendees.js';
import { pdfText } from '../support/pdf-text.js';
import { productInBrowser } from '../support/product-in-browser.js';

/**
 * Issue 14 in Debian's Chromium against the real product, on a laptop and on a phone: an
 * organiser creates a delegation in the console, adds the head and three members, enters one
 * passport on a member's behalf with the consent, reorders two members and sends the head's link;
 * the head adds a fourth member from it; an invitee imported from a CSV list answers as the
 * interpreter. The delegation page and the roster (printed to PDF, read back with pdftotext) show
 * all six in one protocol order; staff see the passport masked.
 */
const e2e = productInBrowser();
const { open } = e2e;

const organiser = { email: 'organiser.delegation@example.org', password: 'organiser-password-for-tests', name: 'Hoàng Thị Lan', role: 'organiser' as const };
const staff = { email: 'staff.delegation@example.org', password: 'staff-password-for-tests', name: 'Y Blốc Êban', role: 'staff' as const };

let organiserApi: Session;
const workDir = mkdtempSync(join(tmpdir(), 'huu-nghi-delegation-'));

beforeAll(async () => {
  await createUser(e2e.admin, organiser);
  await createUser(e2e.admin, staff);
  organiserApi = await signInApi(e2e.product.url, organiser.email, organiser.password);
}, 180_000);

afterAll(async () => {
  rmSync(workDir, { recursive: true, force: true });
});

const signIn = (page: Page, account: { email: string; password: string }) => signInOnPage(page, e2e.product.url, account);

/** The personal link in the newest mail to `to`, once the sender delivered it. */
async function linkMailedTo(to: string): Promise<string> {
  const shape = personalLinkShape(e2e.product);
  return vi.waitFor(
    async () => {
      const link = (await storedMails(e2e.product)).filter((m) => m.destination.to.includes(to)).at(-1)?.body.text?.match(shape)?.[0];
      expect(link, `a mail to ${to} with a personal link`).toBeTruthy();
      return link!;
    },
    { timeout: 30_000, interval: 250 },
  );
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const memberNames = (page: Page) => page.locator('.delegation-member .member-name strong').allInnerTexts();

const viewports = [
  { label: 'laptop', viewport: { width: 1366, height: 768 } },
  { label: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
];

describe.each(viewports)('the delegation page on a $label', ({ label, ...device }) => {
  test('runs a delegation from the console: one list of six in protocol order, on the page, the roster and its PDF', { timeout: 240_000 }, async () => {
    const tag = randomBytes(3).toString('hex');
    const head = { name: 'Y Ngông Niê Kdăm', email: `truongdoan.${tag}@example.org` };
    const hen = { name: "H'Hen Niê", email: `hhen.${tag}@example.org` };
    const { page, problems } = await open({ ...device, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    await signIn(page, organiser);

    // The event, created in the console; the delegation is prepared while it is a draft.
    await page.getByRole('link', { name: 'Tạo sự kiện' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tạo sự kiện' }).waitFor();
    await page.getByRole('combobox', { name: 'Loại sự kiện' }).selectOption('delegation');
    const title = `Đoàn công tác tỉnh Mondulkiri ${tag}`;
    await page.getByRole('textbox', { name: 'Tên sự kiện (tiếng Việt)' }).fill(title);
    await page.getByRole('textbox', { name: 'Tên sự kiện (tiếng Anh)' }).fill(`Visit to Mondulkiri ${tag}`);
    await page.locator('#f-startsAt').fill('10/11/2031');
    await page.locator('#f-startsAt-time').fill('07:00');
    await page.locator('#f-endsAt').fill('14/11/2031');
    await page.locator('#f-endsAt-time').fill('17:00');
    await page.getByRole('textbox', { name: 'Địa điểm', exact: true }).fill('Sen Monorom, Mondulkiri, Campuchia');
    await page.getByRole('button', { name: 'Tạo sự kiện' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const eventId = new URL(page.url()).pathname.split('/').at(-1)!;

    // An invitee list imported as a CSV file, as for any event: its one invitee is a member too.
    const csv = await fetch(`${e2e.product.url}/api/events/${eventId}/invitations`, {
      method: 'POST',
      headers: { cookie: organiserApi.cookie, 'content-type': 'text/csv; charset=utf-8' },
      body: `Họ và tên,Email,Đơn vị\n${hen.name},${hen.email},Hội hữu nghị Việt Nam – Campuchia tỉnh Đắk Lắk\n`,
    });
    expect(csv.status).toBe(200);

    await page.getByRole('link', { name: 'Thành viên đoàn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thành viên đoàn' }).waitFor();
    await expect.poll(() => memberNames(page)).toEqual([hen.name]);

    // The head and three members, added in the console.
    async function add(button: string, person: { name: string; role?: string; email?: string; organisation?: string; position?: string }) {
      await page.getByRole('button', { name: button, exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'Họ và tên' }).fill(person.name);
      if (person.role) await dialog.getByRole('combobox', { name: 'Vai trò' }).selectOption({ label: person.role });
      if (person.email) await dialog.getByRole('textbox', { name: 'Email' }).fill(person.email);
      if (person.organisation) await dialog.getByRole('textbox', { name: 'Đơn vị' }).fill(person.organisation);
      if (person.position) await dialog.getByRole('textbox', { name: 'Chức vụ' }).fill(person.position);
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      await expect.poll(() => page.locator('.notice.success').innerText()).toBe(`Đã thêm ${person.name} vào đoàn.`);
    }
    await add('Thêm trưởng đoàn', { ...head, organisation: 'Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk', position: 'Phó Chủ tịch' });
    await add('Thêm thành viên', { name: 'Nguyễn Văn Hùng', role: 'Phó đoàn', position: 'Trưởng ban' });
    await add('Thêm thành viên', { name: 'Lê Thị Mai', position: 'Chuyên viên' });
    await add('Thêm thành viên', { name: 'Trần Văn Tài', role: 'Lái xe' });
    await expect.poll(() => memberNames(page)).toEqual([head.name, 'Nguyễn Văn Hùng', 'Lê Thị Mai', hen.name, 'Trần Văn Tài']);
    const mai = page.locator('.delegation-member', { hasText: 'Lê Thị Mai' });
    expect(await mai.locator('.readiness').innerText()).toContain('Thiếu: Số hộ chiếu, Ngày hết hạn hộ chiếu');

    // Mai's passport, entered on her behalf: the consent text first, how she gave it recorded.
    await page.getByRole('button', { name: 'Nhập hộ chiếu cho Lê Thị Mai' }).click();
    const passport = page.getByRole('dialog');
    expect(await passport.locator('.consent-text').innerText()).toContain('Nghị định 13/2023');
    await passport.getByRole('textbox', { name: 'Số hộ chiếu' }).fill('C7654321');
    await passport.getByRole('textbox', { name: 'Ngày hết hạn hộ chiếu' }).fill('15/1/2032');
    await passport.getByRole('textbox', { name: 'Ngày sinh' }).fill('02/05/1990');
    await passport.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => passport.locator('.error-summary').innerText()).toContain('Hãy xác nhận người này đã đồng ý');
    await passport.getByRole('checkbox', { name: 'Người này đã đồng ý với nội dung trên' }).check();
    await passport.getByRole('combobox', { name: 'Sự đồng ý được đưa cho ban tổ chức qua' }).selectOption('phone');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `/tmp/delegation-passport-${label}.png` });
    await passport.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.locator('.notice.success').innerText()).toBe('Đã lưu hộ chiếu của Lê Thị Mai, kèm sự đồng ý (qua điện thoại).');
    await expect.poll(() => mai.innerText()).toContain('C7654321, hết hạn 15/01/2032');
    const maiText = await mai.innerText();
    expect(maiText).toContain('Hộ chiếu hết hạn 15/01/2032, chưa đủ 6 tháng sau chuyến đi (cần còn hạn đến 14/05/2032)');
    expect(maiText).toContain('ban tổ chức ghi nhận, qua điện thoại');

    // Tài moves above Mai (and Hen) from the keyboard; the new order is saved once.
    const up = page.getByRole('button', { name: 'Đưa Trần Văn Tài lên một bậc' });
    await up.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => memberNames(page)).toEqual([head.name, 'Nguyễn Văn Hùng', 'Lê Thị Mai', 'Trần Văn Tài', hen.name]);
    await page.getByRole('button', { name: 'Đưa Trần Văn Tài lên một bậc' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Lưu thứ tự' }).click();
    await expect.poll(() => page.locator('.notice.success').innerText()).toBe('Đã lưu thứ tự lễ tân.');
    await expect.poll(() => memberNames(page)).toEqual([head.name, 'Nguyễn Văn Hùng', 'Trần Văn Tài', 'Lê Thị Mai', hen.name]);

    // Published, the head gets their link: copied, and sent by mail; the same link.
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('button', { name: 'Công bố' }).click();
    await expect.poll(() => page.locator('.page-heading .badge').innerText()).toBe('Đã công bố');
    await page.getByRole('link', { name: 'Thành viên đoàn' }).click();
    await expect.poll(() => memberNames(page)).toEqual([head.name, 'Nguyễn Văn Hùng', 'Trần Văn Tài', 'Lê Thị Mai', hen.name]);
    await page.getByRole('button', { name: `Chép đường dẫn cá nhân của ${head.name}` }).click();
    await expect.poll(() => page.locator('#member-link').inputValue()).toMatch(personalLinkShape(e2e.product));
    const copied = await page.locator('#member-link').inputValue();
    await page.getByRole('button', { name: `Gửi thư mời cho ${head.name}` }).click();
    await expect.poll(() => page.locator('.notice.success').innerText()).toBe(`Đã xếp thư mời gửi cho ${head.name}.`);
    const headLink = await linkMailedTo(head.email);
    expect(headLink).toBe(copied);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await overflow(page)).toBe(0);
    await page.screenshot({ path: `/tmp/delegation-console-${label}.png`, fullPage: true });

    // The head adds a fourth member from their link.
    const headView = await open({ ...device, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    await headView.page.goto(headLink);
    await headView.page.getByRole('heading', { level: 2, name: 'Danh sách đoàn' }).waitFor();
    await headView.page.getByRole('button', { name: 'Thêm thành viên' }).click();
    const form = headView.page.locator('#member-form');
    await form.getByRole('textbox', { name: 'Họ và tên' }).fill('Phạm Thị Hoa');
    await form.getByRole('radio', { name: 'Thành viên' }).check();
    await form.getByRole('textbox', { name: 'Email (không bắt buộc)' }).fill(`hoa.${tag}@example.org`);
    await headView.page.getByRole('button', { name: 'Lưu thành viên' }).click();
    await expect.poll(() => headView.page.locator('#delegation-note').innerText()).toBe('Đã thêm Phạm Thị Hoa vào đoàn.');

    // The invitee from the CSV list answers as the interpreter, by their own link, on their phone.
    const henLink = (await organiserApi.call('GET', `/api/events/${eventId}/delegation`)).body.items.find((m: { name: string }) => m.name === hen.name);
    const henUrl = (await organiserApi.call('GET', `/api/events/${eventId}/delegation/members/${henLink.invitationId}/link`)).body.url as string;
    const henView = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    await henView.page.goto(henUrl);
    await henView.page.getByRole('button', { name: 'Tôi sẽ tham dự' }).click();
    await henView.page.getByRole('heading', { level: 3, name: 'Đăng ký tham dự' }).waitFor();
    await henView.page.getByRole('radio', { name: 'Phiên dịch' }).check();
    await henView.page.getByRole('checkbox').check();
    await henView.page.locator('#f-dateOfBirth').fill('1995-07-20');
    await henView.page.getByRole('textbox', { name: 'Số hộ chiếu' }).fill('N1122334');
    await henView.page.locator('#f-passportExpiry').fill('2036-03-01');
    await henView.page.getByRole('button', { name: 'Xác nhận tham dự' }).click();
    await expect.poll(() => henView.page.locator('#result').innerText()).toBe('Bạn đã được xác nhận tham dự');

    // One list of six, in protocol order, on the page: the saved ranks first (Hen's among them),
    // then the member the head added since, who has none yet.
    const order = [head.name, 'Nguyễn Văn Hùng', 'Trần Văn Tài', 'Lê Thị Mai', hen.name, 'Phạm Thị Hoa'];
    await page.reload();
    await expect.poll(() => memberNames(page)).toEqual(order);
    expect(await page.locator('.delegation-member', { hasText: hen.name }).locator('.badge.role').innerText()).toBe('Phiên dịch');

    // ...and on the roster, on screen and on paper.
    await page.getByRole('link', { name: 'In danh sách đoàn' }).click();
    await page.locator('.sheet-pages').waitFor();
    expect(await overflow(page)).toBe(0);
    const rows = await page.locator('.sheet-pages tbody tr').allInnerTexts();
    expect(rows.map((row) => order.find((name) => row.normalize('NFC').includes(name))).filter(Boolean)).toEqual(order);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `/tmp/delegation-roster-${label}.png`, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    const text = pdfText(await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
    await page.emulateMedia({ media: 'screen' });
    const positions = order.map((name) => text.indexOf(name));
    expect(positions.every((p) => p >= 0), `every name in the PDF: ${text}`).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain('C7654321');
    expect(text).toContain('Tổng số: 6 người');

    // Staff read the same list, with Mai's passport masked and nothing to change.
    const staffView = await open({ ...device, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    await signIn(staffView.page, staff);
    await staffView.page.goto(`${e2e.product.url}/console/events/${eventId}/delegation`);
    await expect.poll(() => memberNames(staffView.page)).toEqual(order);
    const staffText = (await staffView.page.locator('main').innerText()).normalize('NFC');
    expect(staffText).toContain('••••••21, hết hạn ••••');
    for (const hidden of ['C7654321', 'N1122334', '15/01/2032']) expect(staffText).not.toContain(hidden);
    expect(await staffView.page.getByRole('button', { name: /^Sửa / }).count()).toBe(0);
    expect(await staffView.page.getByRole('button', { name: 'Thêm thành viên' }).count()).toBe(0);
    expect(await staffView.page.getByRole('link', { name: 'Nhật ký dữ liệu hộ chiếu' }).count()).toBe(0);
    expect(await seriousAxeViolations(staffView.page)).toEqual([]);
    await staffView.page.screenshot({ path: `/tmp/delegation-staff-${label}.png`, fullPage: true });

    // The organiser's page in English, the console's second language.
    await page.goto(`${e2e.product.url}/console/events/${eventId}/delegation`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Delegation members' }).waitFor();
    await expect.poll(() => page.locator('.delegation-member', { hasText: hen.name }).locator('.badge.role').innerText()).toBe('Interpreter');
    expect(await page.locator('.delegation-member', { hasText: 'Lê Thị Mai' }).innerText()).toContain('less than six months after the trip');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await overflow(page)).toBe(0);
    await page.screenshot({ path: `/tmp/delegation-console-${label}-en.png`, fullPage: true });

    // Who has seen the passport numbers (Decree 13/2023): the organiser's reads, newest first.
    await page.getByRole('link', { name: 'Passport data log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Passport data log' }).waitFor();
    const logRows = page.locator('main tbody tr');
    await expect.poll(() => logRows.count()).toBeGreaterThan(0);
    const firstRead = (await logRows.first().innerText()).normalize('NFC');
    expect(firstRead).toContain(`${organiser.name} (${organiser.email})`);
    expect(firstRead).toMatch(/Delegation list with passport numbers|Attendee list with passport numbers/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await overflow(page)).toBe(0);
    await page.screenshot({ path: `/tmp/delegation-passport-log-${label}-en.png`, fullPage: true });

    expect(problems).toEqual([]);
    expect(headView.problems).toEqual([]);
    expect(henView.problems).toEqual([]);
    expect(staffView.problems).toEqual([]);
  });
});

describe('two organisers on the same delegation', () => {
  test('the second save is told someone changed the list first, and sees the current list; an incoming delegation keeps each arrival and hotel', { timeout: 120_000 }, async () => {
    const created = await organiserApi.call('POST', '/api/events', {
      type: 'delegation',
      title: { vi: 'Đón đoàn tỉnh Mondulkiri', en: 'Receiving the Mondulkiri delegation' },
      venue: 'Buôn Ma Thuột',
      startsAt: '2031-12-01T08:00:00+07:00',
      endsAt: '2031-12-03T17:00:00+07:00',
    });
    const eventId = created.body.event.eventId as string;
    for (const [name, role] of [['Sok Dara', 'head'], ['Chea Sophal', 'member'], ['Keo Vanna', 'member']]) {
      expect((await organiserApi.call('POST', `/api/events/${eventId}/delegation/members`, { name, role })).status).toBe(201);
    }
    const first = await open({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const second = await open({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    for (const view of [first, second]) {
      await signIn(view.page, organiser);
      await view.page.goto(`${e2e.product.url}/console/events/${eventId}/delegation`);
      await expect.poll(() => memberNames(view.page)).toEqual(['Sok Dara', 'Chea Sophal', 'Keo Vanna']);
    }
    // The first reorders by dragging (the main test uses the keyboard), and saves.
    await first.page.locator('.delegation-member', { hasText: 'Keo Vanna' }).dragTo(first.page.locator('.delegation-member', { hasText: 'Chea Sophal' }));
    await expect.poll(() => memberNames(first.page)).toEqual(['Sok Dara', 'Keo Vanna', 'Chea Sophal']);
    await first.page.getByRole('button', { name: 'Lưu thứ tự' }).click();
    await expect.poll(() => first.page.locator('.notice.success').innerText()).toBe('Đã lưu thứ tự lễ tân.');

    await second.page.getByRole('button', { name: 'Sửa Chea Sophal' }).click();
    await second.page.getByRole('dialog').getByRole('textbox', { name: 'Chức vụ' }).fill('Phó Giám đốc Sở');
    await second.page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => second.page.getByRole('dialog').locator('.error-summary').innerText()).toContain('Người khác vừa thay đổi danh sách đoàn trước bạn');
    // What was typed stays; behind the dialog, the list as it is now.
    expect(await second.page.getByRole('dialog').getByRole('textbox', { name: 'Chức vụ' }).inputValue()).toBe('Phó Giám đốc Sở');
    await expect.poll(() => memberNames(second.page)).toEqual(['Sok Dara', 'Keo Vanna', 'Chea Sophal']);
    // Saved again, from the current list, it goes through.
    await second.page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => second.page.locator('.notice.success').innerText()).toBe('Đã lưu thông tin Chea Sophal.');

    // A delegation the union receives: each member's arrival, departure and hotel, on the page and the roster.
    const { page } = second;
    await page.getByRole('radio', { name: 'Đoàn vào (đón đoàn)' }).check();
    await expect.poll(() => page.getByRole('radio', { name: 'Đoàn vào (đón đoàn)' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Sửa Sok Dara' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Ngày đến (dd/mm/yyyy)' }).fill('1/12/2031');
    await dialog.getByRole('textbox', { name: 'Giờ đến' }).fill('09:30');
    await dialog.getByRole('textbox', { name: 'Chuyến bay hoặc xe khi đến' }).fill('VN1234');
    await dialog.getByRole('textbox', { name: 'Ngày đi (dd/mm/yyyy)' }).fill('03/12/2031');
    await dialog.getByRole('textbox', { name: 'Khách sạn' }).fill('Khách sạn Sài Gòn – Ban Mê');
    await dialog.getByRole('textbox', { name: 'Phòng' }).fill('305');
    await dialog.getByRole('textbox', { name: 'Yêu cầu ăn uống' }).fill('Không ăn thịt bò');
    await dialog.getByRole('textbox', { name: 'Ngôn ngữ phiên dịch' }).fill('Khmer');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.locator('.notice.success').innerText()).toBe('Đã lưu thông tin Sok Dara.');
    const sok = await page.locator('.delegation-member', { hasText: 'Sok Dara' }).innerText();
    for (const shown of ['01/12/2031 · 09:30 · VN1234', 'Khách sạn Sài Gòn – Ban Mê, 305', 'Không ăn thịt bò', 'Khmer']) expect(sok).toContain(shown);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'In danh sách đoàn' }).click();
    await page.locator('.sheet-pages').waitFor();
    const roster = (await page.locator('.sheet-pages').innerText()).normalize('NFC');
    for (const shown of ['01/12/2031 09:30 VN1234', 'Khách sạn Sài Gòn – Ban Mê, 305', 'Không ăn thịt bò']) expect(roster).toContain(shown);
    expect(await overflow(page)).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(first.problems).toEqual([]);
    expect(second.problems).toEqual([]);
  });
});
