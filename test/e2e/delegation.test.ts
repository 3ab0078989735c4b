import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, test, vi } from 'vitest';
import { totalGzip } from '../../web/build.js';
import { personalLinkShape, storedMails, type StoredMail } from '../support/product-api.js';
import { productInBrowser } from '../support/product-in-browser.js';

/**
 * A head of delegation on a phone (the Mondulkiri trip): their link shows the whole delegation,
 * members are added and edited there, passport data only after consent; a member's own link shows
 * only themself. And an event's open registration page: the form, the confirm-address mail read
 * back from the SES emulator, and the place it takes. Debian's Chromium against the real product.
 */
const e2e = productInBrowser();
const { api, open } = e2e;

const phone = { width: 375, height: 740 };
const tag = randomBytes(3).toString('hex');

const trip = {
  type: 'delegation',
  title: { vi: `Đoàn công tác tỉnh Mondulkiri ${tag}`, en: `Visit to Mondulkiri province ${tag}` },
  venue: 'Sen Monorom, Mondulkiri, Campuchia',
  startsAt: '2031-11-10T07:00:00+07:00',
  // A passport must hold six months beyond the trip's last day: until 14/05/2032.
  endsAt: '2031-11-14T17:00:00+07:00',
  registrationClosesAt: '2031-11-01T17:00:00+07:00',
};
const head = { name: 'Y Ngông Niê Kdăm', email: `truongdoan.${tag}@example.org` };
const hoa = { name: 'Nguyễn Thị Hoa', email: `hoa.${tag}@example.org` };
const tai = { name: 'Trần Văn Tài' };

/** The mail to `to` whose subject says `subject`, as the SES emulator holds it, once it is there. */
async function mailTo(to: string, subject: RegExp): Promise<StoredMail & { link: string }> {
  const linkShape = personalLinkShape(e2e.product);
  return vi.waitFor(
    async () => {
      const mail = (await storedMails(e2e.product)).find((m) => m.destination.to.includes(to) && subject.test(m.subject));
      const link = mail?.body.text?.match(linkShape)?.[0];
      expect(link, `a mail to ${to} with a personal link`).toBeTruthy();
      return { ...mail!, link: link! };
    },
    { timeout: 20_000, interval: 200 },
  );
}

/** A fresh phone in Vietnam; records page errors and CSP refusals, and the writes the page makes. */
async function openPhone() {
  const { page, problems } = await open({ viewport: phone, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', hasTouch: true, isMobile: true });
  const writes: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET') writes.push(`${request.method()} ${new URL(request.url()).pathname.replace(/\/r\/[^/]+/, '/r/…').replace(/members\/[^/]+/, 'members/…')}`);
  });
  return { page, problems, writes };
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);

describe('the page sizes', () => {
  test('keep the participant page, with the roster chunk a head loads, and the registration page under 30 KB gzipped', () => {
    const answer = e2e.build.pages.find((p) => p.page === 'answer')!;
    const roster = answer.lazy.find((m) => m.module === 'web/answer/delegation.ts');
    expect(roster, 'the roster is a chunk of its own').toBeDefined();
    const rosterGzip = roster!.js.reduce((sum, f) => sum + f.gzipBytes, 0);
    expect(totalGzip(answer) + rosterGzip).toBeLessThanOrEqual(30 * 1024);
    const register = e2e.build.pages.find((p) => p.page === 'register')!;
    expect(totalGzip(register)).toBeLessThanOrEqual(30 * 1024);
  });
});

describe('a head of delegation on a phone', () => {
  test('adds two members (passport data after consent; one without email), edits one, sees the list; the organiser sees both; a member sees only themself', { timeout: 90_000 }, async () => {
    const created = await api('POST', '/api/events', trip);
    expect(created.status).toBe(201);
    const eventId = created.body.event.eventId as string;
    expect((await api('POST', `/api/events/${eventId}/publish`)).status).toBe(200);
    const added = await api('POST', `/api/events/${eventId}/delegation/members`, { ...head, role: 'head', protocolRank: 1, organisation: 'Liên hiệp hữu nghị Đắk Lắk' });
    expect(added.status).toBe(201);
    const headLink = (await mailTo(head.email, /Thư mời/)).link;

    const { page, problems, writes } = await openPhone();
    expect((await page.goto(headLink))?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: trip.title.vi }).waitFor();
    const roster = page.locator('section.delegation');
    await page.getByRole('heading', { level: 2, name: 'Danh sách đoàn' }).waitFor();
    await expect.poll(() => roster.locator('li.member').count()).toBe(1);
    expect(await roster.locator('li.member').first().innerText()).toContain(head.name);

    // The first member: an interpreter with an email, and her passport, which expires too soon.
    await page.getByRole('button', { name: 'Thêm thành viên' }).click();
    await page.getByRole('heading', { level: 3, name: 'Thêm thành viên đoàn' }).waitFor();
    expect(await focusedId(page)).toBe('member-form-title');
    const form = page.locator('#member-form');
    await form.getByRole('textbox', { name: 'Họ và tên' }).fill(hoa.name);
    await form.getByRole('radio', { name: 'Phiên dịch' }).check();
    await form.getByRole('textbox', { name: 'Email (không bắt buộc)' }).fill(hoa.email);
    await form.getByRole('radio', { name: 'Nữ', exact: true }).check();
    await form.getByRole('textbox', { name: 'Quốc tịch' }).fill('Việt Nam');
    // The consent text comes before the passport inputs it is about.
    const consentBox = form.getByRole('checkbox');
    expect(await consentBox.evaluate((box) => {
      const passport = document.getElementById('f-m-passportNumber')!;
      return Boolean(box.compareDocumentPosition(passport) & Node.DOCUMENT_POSITION_FOLLOWING);
    })).toBe(true);
    expect(await form.locator('.consent').innerText()).toContain('Nghị định 13/2023');
    await form.locator('#f-m-dateOfBirth').fill('1990-04-12');
    await form.getByRole('textbox', { name: 'Số hộ chiếu' }).fill('C1234567');
    await form.locator('#f-m-passportExpiry').fill('2032-01-15');
    // A server-only problem: a phone number too long for Vietnam.
    await form.getByRole('textbox', { name: 'Số điện thoại' }).fill('0912 3456 7890 12');

    // Passport data without the consent ticked is not sent.
    await page.getByRole('button', { name: 'Lưu thành viên' }).click();
    await expect.poll(() => page.locator('#m-consent-error').innerText()).toBe('Xin xác nhận sự đồng ý để gửi dữ liệu hộ chiếu.');
    expect(await focusedId(page)).toBe('m-consent');
    expect(writes).toEqual([]);

    await consentBox.check();
    await page.getByRole('button', { name: 'Lưu thành viên' }).click();
    await expect.poll(() => page.locator('#f-m-phone-error').innerText()).toBe('Số điện thoại chưa đúng (ví dụ: 0912 345 678).');
    expect(await focusedId(page)).toBe('f-m-phone');
    expect(writes).toEqual(['POST /api/r/…/delegation/members']);
    // What was typed stays.
    expect(await form.getByRole('textbox', { name: 'Họ và tên' }).inputValue()).toBe(hoa.name);
    expect(await form.getByRole('checkbox').isChecked()).toBe(true);

    await form.getByRole('textbox', { name: 'Số điện thoại' }).fill('0912 345 678');
    await page.getByRole('button', { name: 'Lưu thành viên' }).click();
    await expect.poll(() => page.locator('#delegation-note').innerText()).toBe(`Đã thêm ${hoa.name} vào đoàn.`);
    expect(await page.locator('#delegation-warnings').innerText()).toContain('chưa đủ 6 tháng sau chuyến đi');
    expect(await page.locator('#delegation-warnings').innerText()).toContain('14/05/2032');
    await expect.poll(() => roster.locator('li.member').count()).toBe(2);
    await page.screenshot({ path: '/tmp/delegation-added.png', fullPage: true });

    // The second: a driver without email, entered whole by the head; the passport is required.
    await page.getByRole('button', { name: 'Thêm thành viên' }).click();
    await form.getByRole('textbox', { name: 'Họ và tên' }).fill(tai.name);
    await form.getByRole('radio', { name: 'Lái xe' }).check();
    await page.getByRole('button', { name: 'Lưu thành viên' }).click();
    await expect.poll(() => page.locator('#f-m-passportNumber-error').innerText()).toBe('Xin điền mục này.');
    expect(await page.locator('#f-m-passportExpiry-error').innerText()).toBe('Xin điền mục này.');
    expect(await focusedId(page)).toBe('f-m-passportNumber');
    await form.getByRole('checkbox').check();
    await form.getByRole('textbox', { name: 'Số hộ chiếu' }).fill('B7654321');
    await form.locator('#f-m-passportExpiry').fill('2036-03-01');
    await page.getByRole('button', { name: 'Lưu thành viên' }).click();
    await expect.poll(() => page.locator('#delegation-note').innerText()).toBe(`Đã thêm ${tai.name} vào đoàn.`);
    expect(await page.locator('#delegation-warnings').count()).toBe(0);

    // Editing the first: a protocol rank and her position; her passport is kept as stored.
    await page.getByRole('button', { name: `Sửa thông tin của ${hoa.name}` }).click();
    await page.getByRole('heading', { level: 3, name: `Sửa thành viên đoàn: ${hoa.name}` }).waitFor();
    expect(await form.getByRole('textbox', { name: 'Số hộ chiếu' }).inputValue()).toBe('');
    expect(await form.innerText()).toContain('Đã lưu (••••••67). Để trống để giữ nguyên.');
    await form.getByRole('textbox', { name: 'Chức vụ' }).fill('Phiên dịch viên tiếng Khmer');
    await form.getByRole('textbox', { name: 'Thứ tự lễ tân (không bắt buộc)' }).fill('2');
    await page.getByRole('button', { name: 'Lưu thành viên' }).click();
    await expect.poll(() => page.locator('#delegation-note').innerText()).toBe(`Đã lưu thông tin của ${hoa.name}.`);
    expect(writes.filter((w) => w.startsWith('PATCH'))).toEqual(['PATCH /api/r/…/delegation/members/…']);

    // The list, in protocol order; passport data never shown in clear.
    const items = roster.locator('li.member');
    await expect.poll(() => items.count()).toBe(3);
    const rows = await items.allInnerTexts();
    expect(rows[0]).toContain(head.name);
    expect(rows[1]).toContain(hoa.name);
    expect(rows[1]).toContain('Phiên dịch · Thứ tự lễ tân 2');
    expect(rows[1]).toContain('Phiên dịch viên tiếng Khmer');
    expect(rows[1]).toContain('Đã xác nhận');
    expect(rows[1]).toContain('chưa đủ 6 tháng');
    expect(rows[2]).toContain(tai.name);
    expect(rows[2]).toContain('Không có email');
    const text = await page.locator('main').innerText();
    for (const secret of ['C1234567', 'B7654321', '1990-04-12', '12/04/1990']) expect(text).not.toContain(secret);
    expect(await overflow(page)).toBe(0);
    await page.screenshot({ path: '/tmp/delegation-list.png', fullPage: true });
    expect(problems).toEqual([]);

    // The organiser's roster has both, with their passport data.
    const organiserView = await api('GET', `/api/events/${eventId}/delegation`);
    expect(organiserView.status).toBe(200);
    const byName = new Map((organiserView.body.items as { name: string }[]).map((m) => [m.name, m as Record<string, any>]));
    expect([...byName.keys()]).toEqual([head.name, hoa.name, tai.name]);
    expect(byName.get(hoa.name)).toMatchObject({
      role: 'interpreter',
      protocolRank: 2,
      position: 'Phiên dịch viên tiếng Khmer',
      email: hoa.email,
      response: 'confirmed',
      consent: { by: 'head' },
      details: { passportNumber: 'C1234567', passportExpiry: '2032-01-15', dateOfBirth: '1990-04-12', gender: 'female', nationality: 'Việt Nam', phone: '+84912345678' },
    });
    expect(byName.get(hoa.name)!.warnings).toEqual([expect.objectContaining({ code: 'passport_expires_soon' })]);
    expect(byName.get(tai.name)).toMatchObject({ role: 'driver', response: 'confirmed', details: { passportNumber: 'B7654321', passportExpiry: '2036-03-01' } });
    expect(byName.get(tai.name)!.email).toBeUndefined();

    // Her own link, from her invitation mail, shows only herself.
    const hoaLink = (await mailTo(hoa.email, /Thư mời/)).link;
    const own = await openPhone();
    await own.page.goto(hoaLink);
    await own.page.getByRole('heading', { level: 1, name: trip.title.vi }).waitFor();
    await expect.poll(() => own.page.locator('main').innerText()).toContain(`Kính gửi Ông/Bà ${hoa.name},`);
    await expect.poll(() => own.page.locator('#result').innerText()).toBe('Bạn đã được xác nhận tham dự');
    const ownText = await own.page.locator('main').innerText();
    expect(ownText).not.toContain(tai.name);
    expect(ownText).not.toContain(head.name);
    expect(await own.page.getByRole('heading', { name: 'Danh sách đoàn' }).count()).toBe(0);
    expect(own.writes).toEqual([]);
    expect(own.problems).toEqual([]);

    // The head removes the driver, after saying yes; the organisers' roster follows.
    await page.getByRole('button', { name: `Xóa ${tai.name} khỏi đoàn` }).click();
    await page.getByRole('heading', { level: 3, name: `Xóa ${tai.name} khỏi đoàn?` }).waitFor();
    expect(await focusedId(page)).toBe('remove-title');
    await page.getByRole('button', { name: 'Có, xóa khỏi đoàn' }).click();
    await expect.poll(() => page.locator('#delegation-note').innerText()).toBe(`Đã xóa ${tai.name} khỏi đoàn.`);
    await expect.poll(() => roster.locator('li.member').count()).toBe(2);
    expect(writes.filter((w) => w.startsWith('DELETE'))).toEqual(['DELETE /api/r/…/delegation/members/…']);
    const after = await api('GET', `/api/events/${eventId}/delegation`);
    expect(after.body.items.map((m: { name: string }) => m.name)).toEqual([head.name, hoa.name]);

    // In English, the same roster in English words.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'The delegation' }).waitFor();
    expect(await roster.locator('li.member').nth(1).innerText()).toContain('Interpreter · Protocol rank 2');
    // Its passport warning is the server's sentence, fetched again in English.
    await expect.poll(() => roster.locator('li.member').nth(1).innerText()).toContain('less than six months after the trip');
    expect(await focusedId(page)).toBe('lang-switch');
    expect(problems).toEqual([]);
  });
});

describe('the open registration page', () => {
  test('a student registers on a phone, confirms from the mailed link, and holds a seat; other events have no page', { timeout: 60_000 }, async () => {
    const forum = {
      type: 'youth_forum',
      title: { vi: `Diễn đàn sinh viên hữu nghị ${tag}`, en: `Student friendship forum ${tag}` },
      venue: 'Trường Đại học Tây Nguyên, 567 Lê Duẩn, Buôn Ma Thuột',
      startsAt: '2031-10-05T08:00:00+07:00',
      endsAt: '2031-10-05T11:30:00+07:00',
      registrationClosesAt: '2031-10-01T17:00:00+07:00',
      capacity: 40,
      openRegistration: true,
    };
    const created = await api('POST', '/api/events', forum);
    expect(created.status).toBe(201);
    const eventId = created.body.event.eventId as string;
    expect((await api('POST', `/api/events/${eventId}/publish`)).status).toBe(200);
    const student = { name: 'Lê Thị Bích', email: `bich.${tag}@example.edu.vn` };

    const { page, problems, writes } = await openPhone();
    expect((await page.goto(`${e2e.product.url}/dang-ky/${eventId}`))?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: forum.title.vi }).waitFor();
    expect(await page.locator('main').innerText()).toContain('08:00 – 11:30, Chủ Nhật, 05/10/2031');

    // The trap is there for bots, and out of sight and reach for people: hidden by the style sheet.
    const trap = page.locator('#r-website');
    expect(await trap.count()).toBe(1);
    expect(await trap.evaluate((input) => {
      const box = input.parentElement!;
      const style = getComputedStyle(box);
      return { position: style.position, offscreen: box.getBoundingClientRect().right < 0, inline: box.hasAttribute('style'), tab: input.tabIndex };
    })).toEqual({ position: 'absolute', offscreen: true, inline: false, tab: -1 });

    await page.getByRole('button', { name: 'Gửi đăng ký' }).click();
    await expect.poll(() => page.locator('#r-name-error').innerText()).toBe('Xin điền mục này.');
    expect(await focusedId(page)).toBe('r-name');
    expect(writes).toEqual([]);
    await page.getByRole('textbox', { name: 'Họ và tên' }).fill(student.name);
    await page.getByRole('textbox', { name: 'Email' }).fill(student.email);
    await page.getByRole('textbox', { name: 'Đơn vị / Trường' }).fill('Đại học Tây Nguyên');
    await page.getByRole('textbox', { name: 'Mã số sinh viên' }).fill('TN2031007');
    await page.getByRole('button', { name: 'Gửi đăng ký' }).click();
    await page.getByRole('heading', { level: 2, name: 'Hãy kiểm tra email để xác nhận địa chỉ' }).waitFor();
    expect(await page.locator('main').innerText()).toContain(student.email);
    expect(await focusedId(page)).toBe('sent-title');
    expect(writes).toEqual([`POST /api/events/${eventId}/register`]);
    expect(await overflow(page)).toBe(0);
    await page.screenshot({ path: '/tmp/register-sent.png', fullPage: true });

    // No seat before the address is confirmed.
    expect((await api('GET', `/api/events/${eventId}`)).body.event.counts).toMatchObject({ invited: 1, confirmed: 0 });

    const mail = await mailTo(student.email, /Xác nhận email/);
    expect(mail.subject).toBe(`Xác nhận email để hoàn tất đăng ký: ${forum.title.vi}`);
    expect(mail.body.text).toContain('xác nhận địa chỉ email');
    await page.goto(mail.link);
    await expect.poll(() => page.locator('#result').innerText()).toBe('Bạn đã được xác nhận tham dự');
    expect(await page.locator('main').innerText()).toContain('địa chỉ email đã được xác nhận');
    expect(await focusedId(page)).toBe('result');
    expect(writes.filter((w) => w.includes('confirm-email'))).toEqual(['POST /api/r/…/confirm-email']);
    expect((await api('GET', `/api/events/${eventId}`)).body.event.counts).toMatchObject({ invited: 1, confirmed: 1 });
    const listed = await api('GET', `/api/events/${eventId}/invitations`);
    expect(listed.body.items).toEqual([expect.objectContaining({ name: student.name, organisation: 'Đại học Tây Nguyên', response: 'confirmed' })]);

    // Opening the link again shows the seat, and confirms nothing twice.
    await page.reload();
    await expect.poll(() => page.locator('#result').innerText()).toBe('Bạn đã được xác nhận tham dự');
    expect(writes.filter((w) => w.includes('confirm-email'))).toHaveLength(1);
    await page.screenshot({ path: '/tmp/register-confirmed.png', fullPage: true });

    // An event without open registration, and one that does not exist: a plain "not found".
    const closed = await api('POST', '/api/events', { ...forum, openRegistration: false });
    await api('POST', `/api/events/${closed.body.event.eventId}/publish`);
    for (const id of [closed.body.event.eventId as string, 'khong-co-su-kien']) {
      await page.goto(`${e2e.product.url}/dang-ky/${id}`);
      await page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang đăng ký' }).waitFor();
      expect(await page.getByRole('button', { name: 'Gửi đăng ký' }).count()).toBe(0);
    }
    expect(problems).toEqual([]);
  });
});
