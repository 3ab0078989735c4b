import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seriousAxeViolations } from '../support/axe.js';
import { signInOnPage } from '../support/browser.js';
import { storedMails } from '../support/product-api.js';
import { pdfText } from '../support/pdf-text.js';
import { productInBrowser } from '../support/product-in-browser.js';

/**
 * Issue 19 in Debian's Chromium against the real product (DynamoDB Local, the SES emulator, the
 * outbox worker of npm start): organisations and contacts created; contacts proposed from two past
 * events, one pair merged; an upcoming day of the Russian partners on the first page; a greetings
 * campaign previewed, sent and read back from the SES emulator; the letters printed to PDF and
 * read with pdftotext; each partner's history showing the events and the greeting.
 */
const e2e = productInBrowser();
const { api, open } = e2e;

const fixtures = join(import.meta.dirname, '../fixtures');
const workDir = mkdtempSync(join(tmpdir(), 'huu-nghi-partners-e2e-'));
const tag = Math.random().toString(36).slice(2, 7);
const lastYear = new Date().getFullYear() - 1;
const localToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.parse(`${localToday()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(5, 10);
const ivan = { name: 'Ivan Petrov', email: `ivan.${tag}@example.org`, organisation: 'Trung tâm Khoa học và Văn hóa Nga' };
const lan = { name: 'Trần Thị Lan', email: `lan.${tag}@example.org`, organisation: 'Hội hữu nghị Việt – Nga' };

beforeAll(async () => {
  // Two past events whose lists hold the same people (Ivan by email; Lan by name and organisation, once with a phone only).
  for (const [i, invitees] of [
    [0, [ivan, lan]],
    [1, [ivan, { name: 'Trần  Thị Lan', phone: '0905 111 222', organisation: 'Hội hữu nghị Việt – Nga' }]],
  ] as const) {
    const created = await api('POST', '/api/events', {
      type: 'meeting',
      title: { vi: `Gặp mặt hữu nghị Việt – Nga lần ${i + 1} ${tag}`, en: `Vietnam–Russia friendship meeting ${i + 1}` },
      venue: 'Buôn Ma Thuột',
      startsAt: `${lastYear}-0${i + 5}-10T08:00:00+07:00`,
      endsAt: `${lastYear}-0${i + 5}-10T11:00:00+07:00`,
    });
    expect(created.status).toBe(201);
    expect((await api('POST', `/api/events/${created.body.event.eventId}/invitations`, { invitees })).status).toBe(200);
  }
  // The union's calendar gains a day of the Russian partners ten days from now.
  expect((await api('POST', '/api/occasions', { name: { vi: `Ngày Hữu nghị Việt – Nga ${tag}`, en: `Vietnam–Russia Friendship Day ${tag}` }, country: 'RU', day: inDays(10) })).status).toBe(201);
}, 180_000);

afterAll(async () => {
  // KEEP_SCREENSHOTS=1 leaves them for a person to look at.
  if (!process.env.KEEP_SCREENSHOTS) rmSync(workDir, { recursive: true, force: true });
});

async function signedIn(viewport: { width: number; height: number }): Promise<Page> {
  const { page } = await open({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
  await signInOnPage(page, e2e.product.url, e2e.product.admin);
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(workDir, `${name}.png`), fullPage: true });

describe('partners and their occasions', () => {
  test('directory, proposals, merge, first page, greetings sent and printed, history', async () => {
    const page = await signedIn({ width: 1366, height: 768 });
    await page.goto(`${e2e.product.url}/console/partners`);
    await page.getByRole('heading', { level: 1, name: 'Đối tác' }).waitFor();

    // Two organisations.
    for (const [name, kind] of [
      [`Đại sứ quán Liên bang Nga ${tag}`, 'embassy'],
      [`Hội hữu nghị Việt – Nga ${tag}`, 'friendship_association'],
    ] as const) {
      await page.getByLabel('Tên', { exact: true }).fill(name);
      await page.getByLabel('Loại').selectOption(kind);
      await page.getByLabel('Quốc gia (mã 2 chữ, ví dụ RU)').fill('RU');
      await page.getByRole('button', { name: 'Thêm cơ quan, tổ chức' }).click();
      await page.getByRole('link', { name }).waitFor();
    }
    // Three contacts, written by hand.
    const people = [
      { name: 'Anna Ivanova', email: `anna.${tag}@example.org`, org: `Đại sứ quán Liên bang Nga ${tag}`, language: 'ru' },
      { name: 'Nguyễn Văn Hùng', email: `hung.${tag}@example.org`, org: `Hội hữu nghị Việt – Nga ${tag}`, language: 'vi' },
      { name: 'Sergei Volkov', email: `sergei.${tag}@example.org`, org: `Đại sứ quán Liên bang Nga ${tag}`, language: 'en' },
    ];
    for (const p of people) {
      await page.getByLabel('Họ và tên').fill(p.name);
      await page.getByLabel('Email').fill(p.email);
      await page.locator('#contact-org').selectOption({ label: p.org });
      await page.getByLabel('Ngôn ngữ (mã 2 chữ: vi, en, ru…)').fill(p.language);
      await page.getByRole('button', { name: 'Thêm người liên hệ' }).click();
      await page.getByRole('link', { name: p.name }).waitFor();
    }

    // Proposals from the two past events: Ivan as one contact; Lan's two rows kept apart, merged later.
    await page.getByRole('button', { name: 'Xem đề xuất' }).click();
    const ivanProposal = page.locator('.proposal', { has: page.getByRole('heading', { name: 'Ivan Petrov' }) });
    await ivanProposal.waitFor();
    await expect.poll(() => ivanProposal.innerText()).toContain('cùng email');
    const lanProposal = page.locator('.proposal', { has: page.getByRole('heading', { name: 'Trần Thị Lan' }) });
    await expect.poll(() => lanProposal.innerText()).toContain('cùng họ tên và cơ quan');
    await shot(page, 'partners-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await ivanProposal.getByRole('button', { name: 'Tạo một người liên hệ' }).click();
    await page.getByRole('link', { name: 'Ivan Petrov' }).waitFor();
    await lanProposal.getByRole('button', { name: 'Giữ riêng từng người' }).click();
    await expect.poll(() => page.locator('.contacts-list a', { hasText: 'Trần' }).count()).toBe(2);
    // Merge the two Lan records.
    await page.locator('.contacts-list a', { hasText: 'Trần' }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Gộp với người liên hệ khác' }).waitFor();
    const other = page.getByLabel('Người được gộp vào người này').locator('option', { hasText: 'Trần' });
    await page.getByLabel('Người được gộp vào người này').selectOption(await other.getAttribute('value') as string);
    await page.getByRole('button', { name: 'Gộp', exact: true }).click();
    await page.getByText('Đã gộp; lịch sử được giữ nguyên.').first().waitFor();
    await expect.poll(() => page.locator('.history li').count()).toBe(2);
    expect(await page.locator('.history').innerText()).toContain(`Gặp mặt hữu nghị Việt – Nga lần 1 ${tag}`);
    expect(await page.locator('.history').innerText()).toContain(`Gặp mặt hữu nghị Việt – Nga lần 2 ${tag}`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'contact-merged-desktop');

    // The first page: the day of the Russian partners, and who is not greeted yet.
    await page.goto(`${e2e.product.url}/console/events`);
    const upcoming = page.locator('.upcoming-occasions');
    await expect.poll(() => upcoming.innerText().catch(() => '')).toContain(`Ngày Hữu nghị Việt – Nga ${tag}`);
    expect(await upcoming.innerText()).toContain('Anna Ivanova');
    await shot(page, 'first-page-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The occasions table: a seeded national day edited, a day added then removed.
    await page.goto(`${e2e.product.url}/console/greetings`);
    const table = page.locator('.occasions-table');
    await table.getByRole('button', { name: /^Sửa\W+Quốc khánh Cộng hòa Pháp$/ }).click();
    const editDay = page.getByRole('dialog', { name: 'Sửa ngày lễ' });
    await editDay.getByLabel('Tên tiếng Việt').fill('Quốc khánh nước Cộng hòa Pháp');
    await editDay.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu ngày lễ Quốc khánh nước Cộng hòa Pháp.').first().waitFor();
    await page.getByRole('button', { name: 'Thêm ngày lễ' }).click();
    const addDay = page.getByRole('dialog', { name: 'Thêm ngày lễ' });
    await addDay.getByLabel('Tên tiếng Việt').fill('Quốc khánh Vương quốc Thái Lan');
    await addDay.getByLabel('Tên tiếng Anh').fill('National Day (Thailand)');
    await addDay.getByLabel('Ngày', { exact: true }).selectOption('05');
    await addDay.getByLabel('Tháng', { exact: true }).selectOption('12');
    await addDay.getByLabel('Quốc gia (mã 2 chữ, ví dụ RU)').fill('TH');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'occasion-dialog-desktop');
    await addDay.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => table.innerText()).toMatch(/Quốc khánh Vương quốc Thái Lan\s+05\/12\s+TH/);
    expect(await table.innerText()).toMatch(/Quốc khánh nước Cộng hòa Pháp\s+14\/07\s+FR/);
    await table.getByRole('button', { name: /^Xóa\W+Quốc khánh Vương quốc Thái Lan$/ }).click();
    await page.getByRole('dialog', { name: 'Xóa ngày lễ Quốc khánh Vương quốc Thái Lan?' }).getByRole('button', { name: 'Xóa' }).click();
    await page.getByText('Đã xóa ngày lễ Quốc khánh Vương quốc Thái Lan.').first().waitFor();
    await expect.poll(() => table.innerText()).not.toContain('Thái Lan');
    expect((await api('GET', '/api/occasions')).body.items.find((o: { occasionId: string }) => o.occasionId === 'nd-fr').name.vi).toBe('Quốc khánh nước Cộng hòa Pháp');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'greetings-desktop');

    // The campaign: start it, preview Anna's mail (Russian partner, English template), send now.
    const occasion = page.locator('.occasion', { hasText: `Ngày Hữu nghị Việt – Nga ${tag}` });
    await occasion.getByRole('button', { name: 'Soạn thư chúc mừng' }).click();
    await page.getByRole('heading', { level: 2, name: 'Xem trước thư gửi' }).waitFor();
    await page.getByLabel('Xem trước thư gửi cho').selectOption({ label: 'Anna Ivanova' });
    await expect.poll(() => page.locator('.mail-preview-text').innerText().catch(() => '')).toContain(`Greetings on Vietnam–Russia Friendship Day ${tag}`);
    expect(await page.locator('.mail-preview-text').innerText()).toContain('Dear Anna Ivanova');
    await page.getByLabel('Xem trước thư gửi cho').selectOption({ label: 'Nguyễn Văn Hùng' });
    await expect.poll(() => page.locator('.mail-preview-text').innerText().catch(() => '')).toContain('Kính gửi Ông/Bà Nguyễn Văn Hùng');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'campaign-desktop');
    await page.getByLabel('Gửi ngay, không đợi đến ngày').check();
    await page.getByRole('button', { name: 'Gửi thư chúc mừng qua email' }).click();
    await page.getByText(/Đã xếp 3 thư vào hàng gửi/).first().waitFor();
    // Read back from the SES emulator: one mail each.
    const russian = [people[0]!.email, people[2]!.email, people[1]!.email];
    await expect
      .poll(async () => (await storedMails(e2e.product)).filter((m) => russian.some((a) => m.destination.to.includes(a))).length, { timeout: 30_000 })
      .toBe(3);
    const annas = (await storedMails(e2e.product)).filter((m) => m.destination.to.includes(people[0]!.email));
    expect(annas).toHaveLength(1);
    expect(annas[0]!.subject).toBe(`Greetings on Vietnam–Russia Friendship Day ${tag}`);
    const hungs = (await storedMails(e2e.product)).filter((m) => m.destination.to.includes(people[1]!.email));
    expect(hungs[0]!.subject).toBe(`Thư chúc mừng nhân dịp Ngày Hữu nghị Việt – Nga ${tag}`);
    await page.reload();
    await expect.poll(() => page.locator('table').innerText()).toMatch(/Anna Ivanova[\s\S]*đã gửi/);
    // Flowers for the embassy: when, what they cost, who ordered them.
    await page.getByRole('button', { name: /Ghi nhận đã đặt hoa.*Anna Ivanova/ }).click();
    const flowers = page.getByRole('dialog', { name: 'Điện hoa cho Anna Ivanova' });
    await flowers.getByLabel('Chi phí (đồng)').fill('850000');
    await flowers.getByLabel('Người đặt').fill('Chị Hoa, Văn phòng');
    await flowers.getByLabel('Ghi chú (loại hoa, cửa hàng…)').fill('Lẵng hoa lan');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'flowers-dialog-desktop');
    await flowers.getByRole('button', { name: 'Ghi nhận' }).click();
    await page.getByText('Đã ghi nhận điện hoa.').first().waitFor();
    await expect.poll(() => page.locator('tr', { hasText: 'Anna Ivanova' }).locator('.flowers-record').innerText().catch(() => '')).toMatch(/850\.000\s*₫ · Chị Hoa, Văn phòng/);
    const recorded = (await api('GET', `/api/greetings/${page.url().split('/').pop()}`)).body.recipients.find((r: { name: string }) => r.name === 'Anna Ivanova');
    expect(recorded.flowers).toMatchObject({ cost: 850000, orderedBy: 'Chị Hoa, Văn phòng', note: 'Lẵng hoa lan', orderedAt: localToday() });
    await shot(page, 'campaign-flowers-desktop');

    // Letters on letterhead, read with pdftotext.
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'In thư trên giấy có tiêu đề (PDF)' }).click()]);
    const pdfPath = join(workDir, 'greetings.pdf');
    await file.saveAs(pdfPath);
    const text = pdfText({ path: pdfPath });
    expect(text).toContain('THƯ CHÚC MỪNG');
    expect(text).toContain('LETTER OF GREETINGS');
    expect(text).toContain('Kính gửi Ông/Bà Nguyễn Văn Hùng');
    expect(text).toContain('Dear Anna Ivanova');
    expect(text).toContain('LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ');

    // Each partner's history: Anna's greeting with flowers; the embassy's greetings.
    const phone = (await open({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', storageState: await page.context().storageState() })).page;
    await phone.goto(`${e2e.product.url}/console/partners`);
    await phone.getByRole('link', { name: 'Anna Ivanova' }).click();
    await expect.poll(() => phone.locator('.history').innerText().catch(() => '')).toMatch(/Thư chúc mừng[\s\S]*đã gửi, kèm điện hoa/);
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await shot(phone, 'contact-history-phone');
    await phone.goto(`${e2e.product.url}/console/partners`);
    await phone.getByRole('link', { name: 'Ivan Petrov' }).click();
    await expect.poll(() => phone.locator('.history li').count()).toBe(2);
    await phone.goto(`${e2e.product.url}/console/partners`);
    await phone.getByRole('link', { name: `Đại sứ quán Liên bang Nga ${tag}` }).click();
    await expect.poll(() => phone.locator('.history li').count()).toBe(2);
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await shot(phone, 'organisation-history-phone');
    await phone.goto(`${e2e.product.url}/console/events`);
    await phone.locator('.upcoming-occasions').waitFor();
    await shot(phone, 'first-page-phone');
    console.log(`screenshots in ${workDir}`);
  }, 240_000);

  test('contacts imported from a spreadsheet; an event’s invitees drawn from the directory, linked to their contacts', async () => {
    const page = await signedIn({ width: 1366, height: 768 });
    await page.goto(`${e2e.product.url}/console/partners`);
    await page.getByRole('button', { name: 'Nhập danh bạ từ Excel/CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nhập người liên hệ từ Excel hoặc CSV' });
    await dialog.getByLabel('Tệp Excel (.xlsx) hoặc CSV').setInputFiles(join(fixtures, 'danh-ba-doi-tac.csv'));
    await dialog.getByRole('button', { name: 'Xem trước' }).click();
    const result = dialog.locator('.import-result');
    await expect.poll(() => result.innerText().catch(() => '')).toContain('6 người liên hệ mới, 1 đã có hoặc trùng, 3 dòng lỗi.');
    const shown = await result.innerText();
    expect(shown).toMatch(/Dòng 6\s*Email\s*Email không hợp lệ: "pierre.martin@"/);
    expect(shown).toMatch(/Dòng 8\s*Ngôn ngữ\s*Ngôn ngữ phải là mã 2 chữ cái/);
    expect(shown).toContain('Dòng 9');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'contact-import-preview-desktop');
    await dialog.getByRole('button', { name: 'Xác nhận nhập 6 người liên hệ' }).click();
    await expect.poll(() => result.innerText()).toContain('Đã nhập 6 người liên hệ.');
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    for (const name of ['Sok Dara', "H'Linh Niê", 'Y Bhim Ênuôl', 'Nguyễn Thị Ánh Tuyết']) await page.locator('.contacts-list').getByRole('link', { name, exact: true }).waitFor();
    // The same file again, in English: everyone proposed as the contact already there, nobody added.
    await page.locator('.lang-switch').click();
    await page.getByRole('button', { name: 'Import contacts from Excel/CSV' }).click();
    const dialogEn = page.getByRole('dialog', { name: 'Import contacts from Excel or CSV' });
    await dialogEn.getByLabel('Excel (.xlsx) or CSV file').setInputFiles(join(fixtures, 'danh-ba-doi-tac.csv'));
    await dialogEn.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => dialogEn.locator('.import-result').innerText().catch(() => '')).toContain('0 new contacts, 7 already there or repeated, 3 rows with errors.');
    expect(await dialogEn.getByRole('link', { name: 'Sok Dara' }).getAttribute('href')).toMatch(/^\/console\/partners\/contacts\//);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'contact-import-again-desktop-en');
    await dialogEn.getByRole('button', { name: 'Close' }).click();
    await page.locator('.lang-switch').click();
    await page.getByRole('heading', { level: 1, name: 'Đối tác' }).waitFor();

    // An event's invitees drawn from the directory by tag.
    const created = await api('POST', '/api/events', {
      type: 'meeting',
      title: { vi: `Hội nghị hữu nghị ASEAN ${tag}`, en: `ASEAN friendship meeting ${tag}` },
      venue: 'Buôn Ma Thuột',
      startsAt: `${lastYear + 3}-03-10T08:00:00+07:00`,
      endsAt: `${lastYear + 3}-03-10T11:00:00+07:00`,
    });
    expect(created.status).toBe(201);
    const eventId = created.body.event.eventId as string;
    await page.goto(`${e2e.product.url}/console/events/${eventId}/invitations`);
    await page.getByRole('button', { name: 'Mời từ danh bạ đối tác' }).click();
    const draw = page.getByRole('dialog', { name: 'Mời khách từ danh bạ đối tác' });
    await expect.poll(() => draw.getByLabel('Nhãn').locator('option').allInnerTexts()).toContain('ASEAN');
    await draw.getByLabel('Nhãn').selectOption('ASEAN');
    await draw.getByRole('button', { name: 'Xem ai sẽ được mời' }).click();
    await expect.poll(() => draw.locator('.import-result').innerText().catch(() => '')).toContain('1 người liên hệ khớp');
    expect(await draw.locator('.drawn-contacts').innerText()).toContain('Sok Dara');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'directory-invite-desktop');
    await draw.getByRole('button', { name: 'Mời 1 người' }).click();
    await expect.poll(() => draw.locator('.import-result').innerText()).toContain('Đã mời 1 người từ danh bạ; 1 lời mời gắn với người liên hệ.');
    await draw.getByRole('button', { name: 'Đóng' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Sok Dara');
    // The invitation keeps its link to the contact: Sok Dara's history shows the event.
    await page.goto(`${e2e.product.url}/console/partners`);
    await page.locator('.contacts-list').getByRole('link', { name: 'Sok Dara' }).click();
    await expect.poll(() => page.locator('.history').innerText().catch(() => '')).toContain(`Hội nghị hữu nghị ASEAN ${tag}`);

    // On a phone, in Vietnamese and in English: the import and the draw dialogs.
    const phone = (await open({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', storageState: await page.context().storageState() })).page;
    await phone.goto(`${e2e.product.url}/console/partners`);
    await phone.getByRole('button', { name: 'Nhập danh bạ từ Excel/CSV' }).click();
    await phone.getByLabel('Tệp Excel (.xlsx) hoặc CSV').setInputFiles(join(fixtures, 'partner-contacts.xlsx'));
    await phone.getByRole('button', { name: 'Xem trước' }).click();
    await expect.poll(() => phone.locator('.import-result').innerText().catch(() => '')).toContain('3 người liên hệ mới, 1 đã có hoặc trùng, 1 dòng lỗi.');
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await shot(phone, 'contact-import-phone');
    await phone.getByRole('button', { name: 'Đóng' }).click();
    await phone.locator('.lang-switch').click();
    await phone.getByRole('button', { name: 'Import contacts from Excel/CSV' }).click();
    await phone.getByLabel('Excel (.xlsx) or CSV file').setInputFiles(join(fixtures, 'partner-contacts.xlsx'));
    await phone.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => phone.locator('.import-result').innerText().catch(() => '')).toContain('3 new contacts');
    await shot(phone, 'contact-import-phone-en');
    await phone.goto(`${e2e.product.url}/console/events/${eventId}/invitations`);
    await phone.getByRole('button', { name: 'Invite from the partners directory' }).click();
    await phone.getByLabel('Country (2-letter code, e.g. RU)').fill('KH');
    await phone.getByRole('button', { name: 'See who would be invited' }).click();
    await expect.poll(() => phone.locator('.import-result').innerText().catch(() => '')).toContain('0 to invite; 1 already on the list');
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await shot(phone, 'directory-invite-phone-en');
    await phone.goto(`${e2e.product.url}/console/greetings`);
    await phone.locator('.occasions-table').waitFor();
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await shot(phone, 'greetings-phone-en');
    await phone.locator('.lang-switch').click();
    await shot(phone, 'greetings-phone');
  }, 240_000);
});
