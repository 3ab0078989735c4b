import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { seriousAxeViolations } from '../support/axe.js';
import { personalLinks, signInByApi } from '../support/product-api.js';
import { productInBrowser } from '../support/product-in-browser.js';

/**
 * Issue 15, part A, in Debian's Chromium against the real product: templates that would break the
 * invitation refused with the form saying which, previewed as a chosen invitee and tried by a test
 * mail; a cancellation and a change of time told to everyone with a link (mails read back from
 * the SES emulator, calendar files parsed with ical.js); the invitation list exported with its
 * filter and read by openpyxl; salutations from a CSV import in the mail and on the page.
 */
const e2e = productInBrowser({ env: { MAIL_RATE_PER_SECOND: '40' } });
const { api, open } = e2e;

beforeAll(async () => {
}, 180_000);

type Mail = { subject: string; destination: { to: string[] }; body: { text?: string }; attachments?: { contentType: string; content: string }[] };
const mails = async () => ((await (await fetch(`${e2e.product.sesUrl}/store`)).json()) as { emails: Mail[] }).emails;
async function mailTo(address: string, subject: RegExp): Promise<Mail> {
  let found: Mail | undefined;
  await expect.poll(async () => (found = (await mails()).find((m) => m.destination.to.includes(address) && subject.test(m.subject))), { timeout: 45_000 }).toBeTruthy();
  return found!;
}
function calendarOf(mail: Mail) {
  const file = (mail.attachments ?? []).find((a) => a.contentType === 'text/calendar')!;
  const calendar = new ICAL.Component(ICAL.parse(Buffer.from(file.content, 'base64').toString('utf8')));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { method: calendar.getFirstPropertyValue('method'), uid: vevent.getFirstPropertyValue('uid'), sequence: Number(vevent.getFirstPropertyValue('sequence')), status: vevent.getFirstPropertyValue('status'), start: new ICAL.Event(vevent).startDate.toString() };
}

const tag = Math.random().toString(36).slice(2, 7);
const event = (title: string, extra: object = {}) => ({
  type: 'youth_forum',
  title: { vi: title, en: `${title} (EN)` },
  venue: 'Hội trường A, Trường Đại học Tây Nguyên',
  startsAt: '2031-01-15T08:00:00+07:00',
  endsAt: '2031-01-15T11:00:00+07:00',
  ...extra,
});

/** Creates, imports (CSV), publishes and sends; answers the event id and each address's link. */
async function sentEvent(title: string, csv: string, extra: object = {}) {
  const created = await api('POST', '/api/events', event(title, extra));
  expect(created.status).toBe(201);
  const eventId = created.body.event.eventId as string;
  const imported = await fetch(`${e2e.product.url}/api/events/${eventId}/invitations`, {
    method: 'POST',
    headers: { cookie: (await signInByApi(e2e.product)), 'content-type': 'text/csv; charset=utf-8' },
    body: csv,
  });
  expect(imported.status).toBe(200);
  expect((await api('POST', `/api/events/${eventId}/publish`)).status).toBe(200);
  expect((await api('POST', `/api/events/${eventId}/invitations/send`, {})).status).toBe(202);
  return eventId;
}

async function openPage(language: 'vi' | 'en', viewport = { width: 1366, height: 768 }) {
  const { context, page, problems } = await open({ viewport, locale: 'en-GB', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
  await context.addInitScript((lang) => localStorage.setItem('hn.language', lang), language);
  return { page, problems };
}

async function signIn(page: Page, next: string, heading: string | RegExp, language: 'vi' | 'en') {
  await page.goto(`${e2e.product.url}${next}`);
  await page.getByRole('heading', { level: 1, name: language === 'vi' ? 'Đăng nhập' : 'Sign in' }).waitFor();
  await page.getByRole('textbox', { name: 'Email' }).fill(e2e.product.admin.email);
  await page.getByLabel(language === 'vi' ? 'Mật khẩu' : 'Password').fill(e2e.product.admin.password);
  await page.getByRole('button', { name: language === 'vi' ? 'Đăng nhập' : 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe('mail templates cannot break the invitation', () => {
  for (const language of ['vi', 'en'] as const) {
    test(`the form says which template and field is wrong, previews as a chosen invitee and sends a test (${language})`, { timeout: 120_000 }, async () => {
      const created = await api('POST', '/api/events', event(`Mẫu thư ${language} ${tag}`, { type: 'training' }));
      const eventId = created.body.event.eventId as string;
      await api('POST', `/api/events/${eventId}/invitations`, {
        invitees: [
          { name: 'Bounmy Phommachanh', email: `bounmy.${tag}@example.org` },
          { name: 'Y Wang Mlô', email: `ywang.${language}.${tag}@example.org`, salutation: 'Đồng chí' },
        ],
      });
      const { page, problems } = await openPage(language);
      await signIn(page, `/console/events/${eventId}/mail-templates`, language === 'vi' ? 'Mẫu thư mời' : 'Invitation mail', language);
      const words = language === 'vi'
        ? { group: 'Tiếng Việt', subject: 'Tiêu đề', body: 'Nội dung', save: 'Lưu mẫu thư', previewAs: 'Xem trước với thông tin của', unknown: 'Thư mời (tiếng Việt), tiêu đề: không có chỗ điền {{ten}}', missing: 'Thư mời (tiếng Việt), nội dung: thiếu {{link}}', greeting: 'Kính gửi Đồng chí Y Wang Mlô,', test: `Gửi thư thử đến ${e2e.product.admin.email}`, sent: 'Đã gửi thư thử', prefix: '[Thư thử]' }
        : { group: 'English', subject: 'Subject', body: 'Body', save: 'Save templates', previewAs: 'Preview with the details of', unknown: 'Invitation (English), subject: there is no placeholder {{ten}}', missing: 'Invitation (English), body: {{link}} is missing', greeting: 'Dear Y Wang Mlô,', test: `Send a test to ${e2e.product.admin.email}`, sent: 'A test mail', prefix: '[Test]' };
      const own = page.getByRole('group', { name: words.group });
      await own.getByRole('textbox', { name: words.subject }).fill('{{ten}}: {{event}}');
      const body = own.getByRole('textbox', { name: words.body });
      await body.fill((await body.inputValue()).replace('{{link}}', ''));
      await page.getByRole('button', { name: words.save }).click();
      await own.getByText(words.unknown).waitFor();
      await own.getByText(words.missing).waitFor();
      expect((await api('GET', `/api/events/${eventId}`)).body.event.mailTemplates).toBeUndefined();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: `/tmp/i15a-templates-refused-${language}.png`, fullPage: true });

      // Fixed, previewed as Y Wang Mlô (Đồng chí), then tried by mail to the organiser's own address.
      await own.getByRole('textbox', { name: words.subject }).fill('{{salutation}} {{name}}: {{event}}');
      await body.fill(`${await body.inputValue()}\n{{link}}`);
      await page.getByLabel(words.previewAs).selectOption({ label: 'Y Wang Mlô' });
      await expect.poll(() => own.locator('.mail-body').innerText()).toContain(words.greeting);
      await own.getByRole('button', { name: words.test }).click();
      await page.getByText(words.sent).first().waitFor();
      const test = await mailTo(e2e.product.admin.email, new RegExp(`^\\${words.prefix} .*Y Wang Mlô`));
      expect(test.body.text).toContain(words.greeting);
      await page.getByRole('button', { name: words.save }).click();
      await expect.poll(async () => Boolean((await api('GET', `/api/events/${eventId}`)).body.event.mailTemplates)).toBe(true);
      expect(problems).toEqual([]);
    });
  }
});

describe('people hear about changes', () => {
  test('cancelling a published event tells everyone with a link; the seat holder’s calendar entry is cancelled (vi)', { timeout: 120_000 }, async () => {
    const seat = `ha.${tag}@example.org`;
    const other = `nam.${tag}@example.org`;
    const eventId = await sentEvent(`Diễn đàn hủy ${tag}`, `Danh xưng,Họ và tên,Email\nBà,Lê Thị Thu Hà,${seat}\nAnh,Trần Văn Nam,${other}\n`);
    const links = await personalLinks(e2e.product, { seat, other }, 45_000);
    expect((await fetch(`${links.seat.replace('/r/', '/api/r/')}/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
    const confirmation = calendarOf(await mailTo(seat, /^Xác nhận tham dự/));

    const { page, problems } = await openPage('vi');
    await signIn(page, `/console/events/${eventId}`, `Diễn đàn hủy ${tag}`, 'vi');
    await page.getByRole('button', { name: 'Hủy sự kiện' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hủy sự kiện này?' });
    await dialog.getByText('Gửi cho 2 người đã nhận đường dẫn').waitFor();
    expect(await dialog.getByRole('checkbox', { name: 'Gửi thông báo hủy cho khách mời' }).isChecked()).toBe(true);
    await dialog.getByLabel(/^Lý do hủy/).fill('Bão số 5 đổ bộ vào Tây Nguyên.');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/i15a-cancel-dialog-vi.png' });
    await dialog.getByRole('button', { name: 'Hủy sự kiện' }).click();
    await page.locator('.notice.success').getByText('Đã hủy sự kiện. Thông báo hủy đang được gửi cho 2 người.').waitFor();
    // The reason stays on the event page, and on every personal link.
    await page.getByText('Lý do hủy: Bão số 5 đổ bộ vào Tây Nguyên.').waitFor();
    await page.getByRole('link', { name: 'Xem tiến độ gửi thông báo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thông báo cho khách mời' }).waitFor();
    await page.getByText('Đã gửi 2/2').waitFor({ timeout: 45_000 });
    expect(await seriousAxeViolations(page)).toEqual([]);

    const toSeat = await mailTo(seat, /^Thông báo hủy/);
    expect(toSeat.body.text).toContain('Kính gửi Bà Lê Thị Thu Hà,');
    expect(toSeat.body.text).toContain('Lý do: Bão số 5 đổ bộ vào Tây Nguyên.');
    expect(calendarOf(toSeat)).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', uid: confirmation.uid, sequence: confirmation.sequence + 1 });
    const toOther = await mailTo(other, /^Thông báo hủy/);
    expect(toOther.body.text).toContain('Kính gửi Anh Trần Văn Nam,');
    expect(toOther.attachments ?? []).toEqual([]);
    await page.goto(links.other);
    await page.getByText('Sự kiện này đã bị hủy.', { exact: false }).waitFor();
    await page.getByText('Lý do: Bão số 5 đổ bộ vào Tây Nguyên.').waitFor();
    await page.screenshot({ path: '/tmp/i15a-cancelled-link-vi.png' });
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('a change of time offers a notice with a preview; the seat holder’s calendar entry moves (en)', { timeout: 120_000 }, async () => {
    const seat = `siobhan.${tag}@example.org`;
    const other = `tom.${tag}@example.org`;
    const eventId = await sentEvent(`Diễn đàn đổi giờ ${tag}`, `Salutation,Full name,Email,Language\nMs,Siobhán O’Brien,${seat},en\nMr,Tom Nguyen,${other},en\n`);
    const links = await personalLinks(e2e.product, { seat, other }, 45_000);
    await fetch(`${links.seat.replace('/r/', '/api/r/')}/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const confirmation = calendarOf(await mailTo(seat, /^Confirmed/));

    const { page, problems } = await openPage('en');
    await signIn(page, `/console/events/${eventId}/edit`, /Edit/, 'en');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator('#f-startsAt-time').fill('13:30');
    await page.locator('#f-endsAt-time').fill('16:30');
    await page.getByRole('button', { name: /^Save/ }).click();
    await page.getByRole('heading', { level: 2, name: 'The time or place has changed' }).waitFor();
    await page.getByText('The notice goes to the 2 people who hold the link').waitFor();
    await page.getByLabel('A note to send with it (optional)').fill('The morning clashes with the exams.');
    await page.getByLabel('The mail as this invitee receives it').selectOption({ label: 'Tom Nguyen' });
    const preview = page.locator('.mail-shown .mail-body');
    await expect.poll(() => preview.innerText()).toContain('Dear Mr Tom Nguyen,');
    expect(await preview.innerText()).toContain('Before: 08:00 – 11:00, Wednesday 15 January 2031');
    expect(await preview.innerText()).toContain('A note from the organisers: The morning clashes with the exams.');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/i15a-change-notice-en.png', fullPage: true });
    await page.getByRole('button', { name: 'Send the change notice' }).click();
    await page.locator('.notice.success').getByText('2 notices are queued to go.').waitFor();
    await page.getByText('Sent 2 of 2').waitFor({ timeout: 45_000 });
    // Told once: the offer is gone, also after a reload.
    await page.reload();
    await page.getByText('Sent 2 of 2').waitFor();
    expect(await page.getByRole('button', { name: 'Send the change notice' }).count()).toBe(0);
    // On a phone the progress reads without sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await page.screenshot({ path: '/tmp/i15a-notices-phone-en.png', fullPage: true });

    const moved = await mailTo(seat, /^New time or place/);
    expect(moved.body.text).toContain('Time: 13:30 – 16:30, Wednesday 15 January 2031');
    expect(calendarOf(moved)).toMatchObject({ method: 'PUBLISH', uid: confirmation.uid, sequence: confirmation.sequence + 1, start: '2031-01-15T06:30:00Z' });
    expect((await mailTo(other, /^New time or place/)).attachments ?? []).toEqual([]);
    // Asking again mails nobody twice.
    expect((await api('POST', `/api/events/${eventId}/notices`, { kind: 'event_changed' })).body.queued).toBe(0);
    expect(problems).toEqual([]);
  });
});

describe('exports and names people can use', () => {
  test('the invitations page exports what its filter shows, as XLSX first and CSV, named for people; openpyxl reads it', { timeout: 120_000 }, async () => {
    const title = `Diễn đàn Thanh niên ${tag}`;
    const answered = `answered.${tag}@example.org`;
    const eventId = await sentEvent(title, `Danh xưng,Họ và tên,Email,Nhóm\nÔng,Nguyễn Văn An,${answered},Sinh viên\nChị,H'Linh Niê,linh.${tag}@example.org,Sinh viên\nTS,Phạm Minh Tuấn,tuan.${tag}@example.org,Giảng viên\n`);
    const links = await personalLinks(e2e.product, { answered }, 45_000);
    await fetch(`${links.answered.replace('/r/', '/api/r/')}/decline`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });

    const { page, problems } = await openPage('vi');
    await signIn(page, `/console/events/${eventId}/invitations?response=none`, 'Khách mời', 'vi');
    const exports = page.getByRole('group', { name: 'Tải danh sách đang xem' });
    // The export group shows once the counts have come in.
    await expect.poll(() => exports.getByRole('link').allInnerTexts()).toEqual(['Tải Excel (XLSX)', 'Tải CSV']);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), exports.getByRole('link', { name: 'Tải Excel (XLSX)' }).click()]);
    expect(xlsx.suggestedFilename()).toBe(`khach-moi-dien-dan-thanh-nien-${tag}-2031-01-15.xlsx`);
    // openpyxl goes by the file's extension: keep the name the browser was given.
    const path = join(mkdtempSync(join(tmpdir(), 'i15a-')), xlsx.suggestedFilename());
    await xlsx.saveAs(path);
    const read = execFileSync('/usr/bin/python3', ['-c', 'import sys, json, openpyxl\nws = openpyxl.load_workbook(sys.argv[1]).active\nprint(json.dumps([[c if c is not None else "" for c in row] for row in ws.iter_rows(values_only=True)]))', path], { encoding: 'utf8' });
    const rows = JSON.parse(read) as string[][];
    expect(rows[0]!.slice(0, 4)).toEqual(['STT', 'Danh xưng', 'Họ và tên', 'Đơn vị']);
    // Not answered only: the one who declined is left out; Vietnamese order (by given name).
    expect(rows.slice(1).map((r) => [r[1], r[2], r[5], r[10]])).toEqual([
      ['Chị', "H'Linh Niê", 'Sinh viên', 'Chưa trả lời'],
      ['Tiến sĩ', 'Phạm Minh Tuấn', 'Giảng viên', 'Chưa trả lời'],
    ]);
    expect(rows.slice(1).every((r) => ['Đã gửi', 'Đã đến hộp thư'].includes(String(r[9])))).toBe(true);

    // With a group chosen too, the CSV holds that group only.
    await page.getByRole('combobox', { name: 'Nhóm' }).selectOption({ label: 'Giảng viên (1)' });
    await expect.poll(() => page.locator('.invitations-table .invitee-name').allInnerTexts()).toEqual(['Phạm Minh Tuấn']);
    const [csv] = await Promise.all([page.waitForEvent('download'), exports.getByRole('link', { name: 'Tải CSV' }).click()]);
    expect(csv.suggestedFilename()).toBe(`khach-moi-dien-dan-thanh-nien-${tag}-2031-01-15.csv`);
    const text = execFileSync('/usr/bin/python3', ['-c', 'import sys, csv\nprint(len(list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))))', (await csv.path())!], { encoding: 'utf8' });
    expect(text.trim()).toBe('2');
    expect(problems).toEqual([]);
  });
});

describe('respectful forms of address', () => {
  test('a salutation from the CSV import greets the invitee alike in the mail and on the page; the edit dialog changes it', { timeout: 120_000 }, async () => {
    const vi = `ywang.page.${tag}@example.org`;
    const en = `ambassador.${tag}@example.org`;
    const student = `sv.${tag}@example.org`;
    const eventId = await sentEvent(
      `Hội nghị xưng hô ${tag}`,
      `Xưng hô,Họ và tên,Email,Ngôn ngữ\nĐồng chí,Y Wang Mlô,${vi},vi\nH.E.,Sok Chea,${en},en\n,Lê Văn Sinh,${student},vi\n`,
      { type: 'ngo_conference' },
    );
    const links = await personalLinks(e2e.product, { vi, en, student }, 45_000);
    expect((await mailTo(vi, /^Thư mời/)).body.text).toMatch(/^Kính gửi Đồng chí Y Wang Mlô,/);
    expect((await mailTo(en, /^Invitation/)).body.text).toMatch(/^Dear H\.E\. Sok Chea,/);
    expect((await mailTo(student, /^Thư mời/)).body.text).toMatch(/^Kính gửi Ông\/Bà Lê Văn Sinh,/);

    const { page, problems } = await openPage('vi', { width: 390, height: 844 });
    await page.goto(links.vi);
    await page.getByText('Kính gửi Đồng chí Y Wang Mlô,').waitFor();
    await page.getByText('trân trọng kính mời Đồng chí tham dự').waitFor();
    expect(await page.getByText('kính mời bạn').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/i15a-salutation-page-vi.png', fullPage: true });
    const english = await openPage('en', { width: 390, height: 844 });
    await english.page.goto(links.en);
    await english.page.getByText('Dear H.E. Sok Chea,').waitFor();

    // The organiser sets the student's salutation in the edit dialog; the page follows.
    await signIn(page, `/console/events/${eventId}/invitations`, 'Khách mời', 'vi');
    await page.getByRole('button', { name: 'Sửa thông tin của Lê Văn Sinh' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sửa thông tin khách mời' });
    await dialog.getByLabel('Danh xưng').selectOption('anh');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.goto(links.student);
    await page.getByText('Kính gửi Anh Lê Văn Sinh,').waitFor();
    expect(problems).toEqual([]);
    expect(english.problems).toEqual([]);
  });
});
