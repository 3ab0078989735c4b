import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { defaultTemplates } from '../../shared/email/invitation-templates.js';
import { pastedTableToCsv } from '../../web/lib/pasted-table.js';
import { createStaffUser, storedMails } from '../support/product-api.js';
import { productInBrowser } from '../support/product-in-browser.js';

/**
 * The invitations page in Debian's Chromium against the real product: a CSV uploaded, previewed
 * with its bad rows, committed, and a name found typed without accents; a list sent from the
 * console, its progress watched to the end (across a reload), and the SES emulator holding one
 * mail per invitee. The sender runs at 40 mails a second, so 121 take about three seconds.
 */
const e2e = productInBrowser({ env: { MAIL_RATE_PER_SECOND: '40' } });
const { open } = e2e;

const fixture = join(import.meta.dirname, '../fixtures/invitees-ngo-conference.csv');
const staff = { email: 'staff.invitations@example.org', password: 'staff-password-for-tests', name: 'H\'Hen Niê' };
const phone = { width: 375, height: 740 };

beforeAll(() => createStaffUser(e2e.api, staff));

/** The admin's calls as the raw response, a CSV body sent as it is. */
async function api(method: string, path: string, body?: unknown, contentType = 'application/json') {
  return fetch(`${e2e.product.url}${path}`, {
    method,
    headers: { cookie: e2e.admin.cookie, ...(body === undefined ? {} : { 'content-type': contentType }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function createEvent(title: string): Promise<string> {
  const response = await api('POST', '/api/events', {
    type: 'ngo_conference',
    title: { vi: title },
    venue: 'Hội trường Liên hiệp, 15 Lê Thánh Tông, TP. Buôn Ma Thuột',
    startsAt: '2031-11-20T08:00:00+07:00',
    endsAt: '2031-11-20T17:00:00+07:00',
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { event: { eventId: string } }).event.eventId;
}

/** A fresh browser profile that records page errors and Content-Security-Policy refusals. */
async function openPage(viewport: { width: number; height: number }) {
  const { page, problems } = await open({ viewport, locale: 'en-GB', timezoneId: 'Europe/London' });
  return { page, problems };
}

async function signIn(page: Page, account: { email: string; password: string }, next: string, heading = 'Khách mời') {
  await page.goto(`${e2e.product.url}${next}`);
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  await page.getByRole('textbox', { name: 'Email' }).fill(account.email);
  await page.getByLabel('Mật khẩu').fill(account.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const rowNames = (page: Page) => page.locator('.invitations-table .invitee-name').allInnerTexts();

describe('the invitations page', () => {
  test('an organiser uploads a CSV on a phone, previews its bad rows, commits it and finds a name typed without accents', { timeout: 90_000 }, async () => {
    const eventId = await createEvent('Hội nghị các tổ chức phi chính phủ nước ngoài 2031');
    const { page, problems } = await openPage(phone);
    await signIn(page, e2e.product.admin, `/console/events/${eventId}/invitations`);
    await page.getByText('Chưa có khách mời nào.', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Thêm khách mời' }).click();
    const panel = page.getByRole('region', { name: 'Thêm khách mời' });
    await panel.getByRole('button', { name: 'Tải tệp CSV' }).click();
    await panel.getByLabel('Tệp CSV').setInputFiles(fixture);
    await panel.getByRole('button', { name: 'Xem trước' }).click();

    // The preview: nothing written yet, every bad row with its number, field and reason in Vietnamese.
    const preview = panel.getByRole('region', { name: 'Xem trước — chưa có gì được lưu' });
    await preview.waitFor();
    expect(await preview.locator('.import-stats dd').allInnerTexts()).toEqual(['121', '1', '3']);
    const errorRows = await preview.locator('.problems').first().locator('li').allInnerTexts();
    expect(errorRows).toHaveLength(3);
    expect(errorRows.map((text) => Number(/Dòng (\d+)/.exec(text)?.[1]))).toEqual([13, 46, 74]);
    expect(errorRows.join('\n')).toMatch(/Email\s+Email không hợp lệ: "binh\.tv@"/);
    expect(errorRows.join('\n')).toContain('Thiếu họ và tên.');
    expect(errorRows.join('\n')).toMatch(/Ngôn ngữ.*"xx"/);
    const duplicate = await preview.locator('.problems').nth(1).locator('li').allInnerTexts();
    expect(duplicate).toHaveLength(1);
    expect(duplicate[0]).toMatch(/Dòng 25.*tuyet\.nta@example\.org.*trùng/s);
    expect(await (await api('GET', `/api/events/${eventId}/invitations/counts`)).json()).toMatchObject({ counts: { total: 0 } });
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: '/tmp/invitations-preview-phone.png', fullPage: true });

    // Commit: the same file, now written; the list and its counts follow.
    await preview.getByRole('button', { name: 'Xác nhận nhập 121 khách mời' }).click();
    const result = panel.getByRole('region', { name: 'Kết quả nhập' });
    await result.waitFor();
    expect(await result.locator('.import-stats dd').allInnerTexts()).toEqual(['121', '1', '3']);
    const allChip = page.getByRole('group', { name: 'Theo tình trạng thư' }).getByRole('button', { name: /^Tất cả/ });
    await expect.poll(() => allChip.innerText()).toMatch(/121/);
    await expect.poll(() => page.getByRole('group', { name: 'Theo tình trạng thư' }).getByRole('button', { name: /Chưa gửi/ }).innerText()).toMatch(/121/);
    await expect.poll(() => rowNames(page).then((names) => names.length)).toBe(50);
    await page.getByRole('button', { name: 'Đóng', exact: true }).click();

    // Typed without accents, found with them.
    await page.getByRole('searchbox', { name: 'Tìm khách mời' }).pressSequentially('nguyen thi anh', { delay: 30 });
    await expect.poll(() => rowNames(page), { timeout: 10_000 }).toEqual(['Nguyễn Thị Ánh Tuyết']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('nguyen thi anh');
    const row = page.locator('.invitations-table tbody tr').first();
    expect(await row.innerText()).toContain('tuyet.nta@example.org');
    expect(await row.innerText()).toContain('Chưa gửi');
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: '/tmp/invitations-search-phone.png', fullPage: true });

    // The search survives a reload (it lives in the address).
    await page.reload();
    await expect.poll(() => rowNames(page)).toEqual(['Nguyễn Thị Ánh Tuyết']);
    expect(await page.getByRole('searchbox', { name: 'Tìm khách mời' }).inputValue()).toBe('nguyen thi anh');
    expect(problems).toEqual([]);
  });

  test('an organiser publishes the event, sends the invitations and watches the progress reach the end, across a reload', { timeout: 90_000 }, async () => {
    const title = 'Diễn đàn hữu nghị nhân dân Việt Nam – Campuchia 2031';
    const eventId = await createEvent(title);
    const imported = await api('POST', `/api/events/${eventId}/invitations`, readFileSync(fixture, 'utf8'), 'text/csv');
    expect(await imported.json()).toMatchObject({ created: 121 });

    const { page, problems } = await openPage({ width: 1280, height: 900 });
    await signIn(page, e2e.product.admin, `/console/events/${eventId}/invitations`);
    const send = page.getByRole('button', { name: 'Gửi thư mời', exact: true });
    await send.waitFor();
    expect(await send.isDisabled()).toBe(true);
    await page.getByText('Thư mời chỉ được gửi khi sự kiện đã công bố.', { exact: false }).waitFor();

    // Publish from the event page, then back to the invitees.
    await page.getByRole('link', { name: `← ${title}` }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('button', { name: 'Công bố' }).click();
    await expect.poll(() => page.locator('.page-heading .badge').innerText()).toBe('Đã công bố');
    await page.getByRole('link', { name: 'Khách mời' }).click();
    await page.getByRole('heading', { level: 1, name: 'Khách mời' }).waitFor();

    await send.click();
    const dialog = page.getByRole('dialog', { name: 'Gửi thư mời?' });
    await dialog.getByText('Thư mời sẽ được gửi tới 121 khách mời chưa nhận thư').waitFor();
    await dialog.getByRole('button', { name: 'Gửi 121 thư mời' }).click();

    // The bar moves while the mail goes out: at least one state between the start and the end.
    const bar = page.getByRole('progressbar', { name: 'Tiến độ gửi thư' });
    await bar.waitFor();
    expect(await bar.getAttribute('aria-valuemax')).toBe('121');
    const seen: number[] = [];
    await vi.waitFor(
      async () => {
        const now = Number(await bar.getAttribute('aria-valuenow'));
        seen.push(now);
        expect(now > 0 && now < 121, `values seen: ${[...new Set(seen)].join(', ')}`).toBe(true);
      },
      { timeout: 20_000, interval: 50 },
    );
    await page.screenshot({ path: '/tmp/invitations-sending-desktop.png' });

    // A reload in the middle: the bar is back, with the same total, and goes on to the end.
    await page.reload();
    await bar.waitFor();
    expect(await bar.getAttribute('aria-valuemax')).toBe('121');
    await expect.poll(() => bar.getAttribute('aria-valuenow'), { timeout: 30_000 }).toBe('121');
    await expect.poll(() => page.locator('.send-progress-text').innerText()).toBe('Đã gửi 121 / 121 · 0 không gửi được');
    await page.getByText('Đã gửi xong.').waitFor();
    await expect
      .poll(() => page.getByRole('group', { name: 'Theo tình trạng thư' }).getByRole('button', { name: /^Đã gửi/ }).innerText())
      .toMatch(/121/);
    await expect.poll(() => page.locator('.invitations-table .when').first().innerText()).toMatch(/^Mời: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await page.screenshot({ path: '/tmp/invitations-sent-desktop.png', fullPage: true });

    // One mail per invitee in the SES emulator.
    const emails = await storedMails(e2e.product);
    const invitations = emails.filter((mail) => mail.subject.includes(title));
    expect(invitations).toHaveLength(121);
    expect(new Set(invitations.flatMap((mail) => mail.destination.to.map((to) => to.toLowerCase()))).size).toBe(121);

    // Sending again finds nobody left to send to.
    await send.click();
    await dialog.getByText('Không còn khách mời nào có email mà chưa được gửi thư mời.').waitFor();
    expect(await dialog.getByRole('button', { name: 'Gửi 0 thư mời' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Quay lại' }).click();

    // Reminders go to those mailed who have not answered: here all of them, each shown as reminded.
    await page.getByRole('button', { name: 'Nhắc người chưa trả lời' }).click();
    const remind = page.getByRole('dialog', { name: 'Gửi thư nhắc?' });
    await remind.getByText('Thư nhắc sẽ được gửi tới 121 khách mời', { exact: false }).waitFor();
    await remind.getByRole('button', { name: 'Gửi 121 thư nhắc' }).click();
    await page.locator('.send-progress').getByText('Đang gửi…').waitFor();
    await expect.poll(() => page.locator('.send-progress-text').innerText(), { timeout: 30_000 }).toBe('Đã gửi 121 / 121 · 0 không gửi được');
    await page.getByText('Đã gửi xong.').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.invitations-table tbody tr').first().innerText()).toMatch(/Nhắc: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(problems).toEqual([]);
  });

  test('an organiser adds one invitee, corrects the address and removes another, in English', { timeout: 60_000 }, async () => {
    const eventId = await createEvent('Tập huấn kỹ năng đối ngoại 2031');
    const pasted = 'Họ và tên\tEmail\tĐơn vị\tNhóm\nY Moan Niê\tmoan.yn@example.org\tHội LHPN tỉnh\tĐại biểu\nH\'Linh Byă\thlinh.b@example.org\t"Trường ""Hoa Sen"""\tĐại biểu\n';
    const { page, problems } = await openPage(phone);
    await signIn(page, e2e.product.admin, `/console/events/${eventId}/invitations`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Invitees' }).waitFor();

    await page.getByRole('button', { name: 'Add invitees' }).click();
    const panel = page.getByRole('region', { name: 'Add invitees' });

    // A file an old Excel saved in Windows-1258: refused with the way out, nothing stored.
    await panel.getByLabel('CSV file').setInputFiles({
      name: 'danh-sach-cu.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([...Buffer.from('name,email\r\nNguy'), 0xea, 0xd2, ...Buffer.from('n Van A,a.nv@example.org\r\n')]),
    });
    await panel.getByRole('button', { name: 'Preview' }).click();
    await panel.getByRole('alert').filter({ hasText: 'The file is not UTF-8' }).waitFor();
    expect(await panel.getByRole('alert').innerText()).toContain('CSV UTF-8 (Comma delimited)');

    // A list pasted from Excel: tab-separated, header first.
    await panel.getByRole('button', { name: 'Paste a list' }).click();
    await panel.getByRole('textbox', { name: 'The list' }).fill(pasted);
    await panel.getByRole('button', { name: 'Preview' }).click();
    await panel.getByRole('region', { name: 'Preview — nothing is saved yet' }).waitFor();
    await panel.getByRole('button', { name: 'Commit import of 2 invitees' }).click();
    await panel.getByRole('region', { name: 'Import result' }).waitFor();
    await expect.poll(() => rowNames(page)).toEqual(['H\'Linh Byă', 'Y Moan Niê']);
    expect(await page.locator('.invitations-table').innerText()).toContain('Trường "Hoa Sen"');

    // One person with a bad address: the API's reason lands on the field.
    await panel.getByRole('button', { name: 'One person' }).click();
    await panel.getByRole('textbox', { name: 'Name' }).fill('Nguyễn Văn Bình');
    await panel.getByRole('textbox', { name: 'Email' }).fill('binh.nv@');
    await panel.getByRole('button', { name: 'Preview' }).click();
    await panel.locator('#f-add-email-error').waitFor();
    expect(await panel.locator('#f-add-email-error').innerText()).toBe('Not a valid email address: "binh.nv@".');
    await panel.getByRole('textbox', { name: 'Email' }).fill('binh.nv@example.org');
    await panel.getByRole('textbox', { name: 'Phone' }).fill('0912 345 678');
    await panel.getByRole('button', { name: 'Preview' }).click();
    await panel.getByRole('button', { name: 'Commit import of 1 invitees' }).click();
    await expect.poll(() => rowNames(page)).toEqual(['Nguyễn Văn Bình', 'H\'Linh Byă', 'Y Moan Niê']);
    await page.getByRole('button', { name: 'Close', exact: true }).click();

    // Correct an address: the dialog warns that the old link goes.
    await page.getByRole('button', { name: 'Edit Y Moan Niê' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit invitee' });
    await edit.getByRole('textbox', { name: 'Email' }).fill('moan.niey@example.org');
    await edit.getByText('You are changing the address: the old link will stop working.', { exact: false }).waitFor();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    // The notice on the page, not its copy for screen readers (the live region says it too).
    await page.locator('.notice', { hasText: 'The details of Y Moan Niê are saved. The old link is revoked' }).waitFor();
    expect(await page.locator('.invitations-table').innerText()).toContain('moan.niey@example.org');

    // Remove asks first.
    await page.getByRole('button', { name: 'Remove H\'Linh Byă from the list' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove this invitee?' });
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => rowNames(page)).toEqual(['Nguyễn Văn Bình', 'Y Moan Niê']);
    await expect.poll(() => page.getByRole('group', { name: 'By mail status' }).getByRole('button', { name: /^All/ }).innerText()).toMatch(/2/);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: '/tmp/invitations-list-phone.png', fullPage: true });
    expect(problems).toEqual([]);
  });

  test('an organiser copies the list of an earlier event', { timeout: 60_000 }, async () => {
    const earlier = await createEvent('Gặp mặt hữu nghị cuối năm 2030');
    await api('POST', `/api/events/${earlier}/invitations`, {
      invitees: [
        { name: 'Phạm Thu Hà', email: 'ha.pt@example.org', group: 'Đối tác' },
        { name: 'Ksor Y Phương', phone: '0905 123 456', organisation: 'UBND huyện Krông Pa' },
      ],
    });
    const eventId = await createEvent('Gặp mặt hữu nghị cuối năm 2031');
    const { page, problems } = await openPage({ width: 1280, height: 800 });
    await signIn(page, e2e.product.admin, `/console/events/${eventId}/invitations`);
    await page.getByRole('button', { name: 'Thêm khách mời' }).click();
    const panel = page.getByRole('region', { name: 'Thêm khách mời' });
    await panel.getByRole('button', { name: 'Chép từ sự kiện trước' }).click();
    await panel.getByRole('combobox', { name: 'Sự kiện để chép danh sách' }).selectOption({ label: 'Gặp mặt hữu nghị cuối năm 2030 (20/11/2031)' });
    expect(await panel.getByRole('checkbox', { name: 'Bỏ qua những người đã từ chối' }).isChecked()).toBe(true);
    await panel.getByRole('button', { name: 'Xem trước' }).click();
    await panel.getByRole('region', { name: 'Xem trước — chưa có gì được lưu' }).waitFor();
    await panel.getByRole('button', { name: 'Xác nhận nhập 2 khách mời' }).click();
    await panel.getByRole('region', { name: 'Kết quả nhập' }).waitFor();
    await expect.poll(() => rowNames(page)).toEqual(['Phạm Thu Hà', 'Ksor Y Phương']);
    await expect.poll(() => page.getByRole('combobox', { name: 'Nhóm' }).locator('option').allInnerTexts()).toEqual(['Tất cả các nhóm', 'Đối tác (1)']);
    expect(problems).toEqual([]);
  });

  test('an organiser writes the invitation mail, previews it with a real invitee, and the mail goes out with it', { timeout: 60_000 }, async () => {
    const title = 'Giao lưu hữu nghị Việt – Lào 2031';
    const eventId = await createEvent(title);
    await api('POST', `/api/events/${eventId}/invitations`, { invitees: [{ name: 'Bounmy Phommachanh', email: 'bounmy.p@example.org' }] });
    const { page, problems } = await openPage(phone);
    await signIn(page, e2e.product.admin, `/console/events/${eventId}/mail-templates`, 'Mẫu thư mời');

    const vietnamese = page.getByRole('group', { name: 'Tiếng Việt' });
    const subject = 'Trân trọng kính mời {{salutation}} {{name}}: {{event}}';
    await vietnamese.getByRole('textbox', { name: 'Tiêu đề' }).fill(subject);
    await expect
      .poll(() => vietnamese.locator('.mail-subject').innerText())
      .toBe(`Tiêu đề: Trân trọng kính mời Ông/Bà Bounmy Phommachanh: ${title}`);
    expect(await vietnamese.locator('.mail-body').innerText()).toContain('Kính gửi Ông/Bà Bounmy Phommachanh,');
    expect(await horizontalOverflow(page)).toBe(0);
    await page.getByRole('button', { name: 'Lưu mẫu thư' }).click();
    await page.getByText('Đã lưu mẫu thư.').first().waitFor();

    // Only the template that differs from the default is stored.
    const { event } = (await (await api('GET', `/api/events/${eventId}`)).json()) as { event: { mailTemplates?: unknown } };
    expect(event.mailTemplates).toEqual({ invitation: { vi: { subject, body: defaultTemplates.invitation.vi.body } } });
    await page.reload();
    await expect.poll(() => vietnamese.getByRole('textbox', { name: 'Tiêu đề' }).inputValue()).toBe(subject);

    // The sender uses it.
    expect((await api('POST', `/api/events/${eventId}/publish`)).status).toBe(200);
    // The request starts a send job and answers at once; the job queues the mail in the background.
    const started = await api('POST', `/api/events/${eventId}/invitations/send`, {});
    expect(started.status).toBe(202);
    expect(await started.json()).toMatchObject({ queued: 0, job: { kind: 'invitation', state: 'running' } });
    await expect
      .poll(
        async () => {
          const { emails } = (await (await fetch(`${e2e.product.sesUrl}/store`)).json()) as { emails: { subject: string; destination: { to: string[] } }[] };
          return emails.find((mail) => mail.destination.to.includes('bounmy.p@example.org'))?.subject;
        },
        { timeout: 15_000 },
      )
      .toBe(`Trân trọng kính mời Ông/Bà Bounmy Phommachanh: ${title}`);
    expect(problems).toEqual([]);
  });

  test('staff read the list but find no way to change it or send', { timeout: 60_000 }, async () => {
    const eventId = await createEvent('Gặp mặt đại sứ hữu nghị 2031');
    await api('POST', `/api/events/${eventId}/invitations`, { invitees: [{ name: 'Trần Thị Mai', email: 'mai.tt@example.org' }] });
    const { page, problems } = await openPage({ width: 1280, height: 800 });
    await signIn(page, staff, `/console/events/${eventId}/invitations`);
    await expect.poll(() => rowNames(page)).toEqual(['Trần Thị Mai']);
    for (const name of ['Thêm khách mời', /^Gửi thư mời/, 'Nhắc người chưa trả lời', /^Sửa/, /^Xóa/]) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    expect(problems).toEqual([]);
  });
});

describe('a list pasted from Excel becomes CSV', () => {
  test('tabs become commas; quoted cells keep their quotes, commas and line breaks', () => {
    const pasted = 'Họ và tên\tEmail\tĐơn vị\r\nA Nhi\ta@example.org\t"Sở Ngoại vụ, phòng ""Lãnh sự"""\r\n"Nguyễn\nVăn B"\tb@example.org\t\r\n\r\n';
    expect(pastedTableToCsv(pasted)).toBe(
      'Họ và tên,Email,Đơn vị\r\nA Nhi,a@example.org,"Sở Ngoại vụ, phòng ""Lãnh sự"""\r\n"Nguyễn\nVăn B",b@example.org,',
    );
  });

  test('text without tabs (CSV already) goes through as it is; a lone quote stays text', () => {
    expect(pastedTableToCsv('\uFEFFname;email\r\nA;a@example.org\r\n')).toBe('name;email\nA;a@example.org');
    expect(pastedTableToCsv('name\temail\n"Bác" Ba\tb@example.org')).toBe('name,email\r\n"""Bác"" Ba",b@example.org');
  });
});
