import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganiserContext, type Caller, type TestContext } from '../../support/test-context.js';
import { pdfText } from '../../support/pdf-text.js';

/**
 * Issue 20's last part: the year's report names the greetings the union sent its partners (issue
 * 19) — by mail, as printed letters, as flowers — with the same counts in JSON, Word and PDF.
 */
const issuedAt = new Date('2027-01-05T03:00:00Z');
let ctx: TestContext;
let organiser: Caller;

beforeAll(async () => ({ ctx, organiser } = await createOrganiserContext({ now: () => issuedAt })));

async function contactAt(organisationId: string, person: Record<string, string>): Promise<string> {
  const created = await organiser('POST', '/api/contacts', { body: { ...person, organisationId } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.contact.contactId;
}

async function organisation(body: Record<string, unknown>): Promise<string> {
  const created = await organiser('POST', '/api/organisations', { body });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.organisation.organisationId;
}

describe("the year's report: greetings to partners", () => {
  it('counts the greetings mailed, printed and sent with flowers, per campaign, in JSON, Word and PDF', async () => {
    const embassy = await organisation({ name: 'Đại sứ quán Liên bang Nga', kind: 'embassy', country: 'RU', languages: ['ru', 'en'] });
    const association = await organisation({ name: 'Hội hữu nghị Việt – Nga tỉnh Đắk Lắk', kind: 'friendship_association', country: 'VN' });
    const anna = await contactAt(embassy, { name: 'Anna Ivanova', email: 'anna.report@example.org', language: 'ru' });
    const duc = await contactAt(association, { name: 'Phạm Minh Đức', email: 'duc.report@example.org', language: 'vi' });
    // No address: greeted only by a printed letter with flowers.
    const oleg = await contactAt(embassy, { name: 'Oleg Smirnov', language: 'en' });

    const created = await organiser('POST', '/api/greetings', { body: { occasionId: 'nd-ru', year: 2026, contactIds: [anna, duc, oleg] } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const campaignId = created.body.campaign.campaignId as string;
    expect((await organiser('POST', `/api/greetings/${campaignId}/send`, { body: { now: true } })).status).toBe(202);
    // The two with an address are mailed, as the sender would deliver them.
    expect(await ctx.deliverQueuedMail()).toEqual(['sent', 'sent']);
    expect(ctx.mailer.sent.map((mail) => mail.to).sort()).toEqual(['anna.report@example.org', 'duc.report@example.org']);
    const letters = await ctx.app.request(`/api/greetings/${campaignId}/letters/pdf?contactId=${oleg}`, { headers: { cookie: organiser.cookie } });
    expect(letters.status).toBe(200);
    const flowers = await organiser('PUT', `/api/greetings/${campaignId}/recipients/${oleg}/flowers`, { body: { orderedAt: '2026-06-11', cost: 850000 } });
    expect(flowers.status, JSON.stringify(flowers.body)).toBe(200);

    // A campaign of another year, and one prepared but never sent: neither is a 2026 result.
    expect((await organiser('POST', '/api/greetings', { body: { occasionId: 'nd-ru', year: 2025, contactIds: [anna] } })).status).toBe(201);
    expect((await organiser('POST', '/api/greetings', { body: { occasionId: 'nd-fr', year: 2026, contactIds: [anna] } })).status).toBe(201);

    const answer = await organiser('GET', '/api/reports/years/2026');
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const report = answer.body.report;
    expect(report.greetings).toMatchObject([
      { campaignId, occasion: { vi: 'Quốc khánh Liên bang Nga' }, greeted: 3, mailed: 2, letters: 1, flowers: 1, flowersCost: 850000, countries: ['RU', 'VN'] },
    ]);
    expect(report.greetings[0].organisations).toEqual(['Đại sứ quán Liên bang Nga', 'Hội hữu nghị Việt – Nga tỉnh Đắk Lắk']);
    expect(report.greetingTotals).toEqual({ campaigns: 1, greeted: 3, mailed: 2, letters: 1, flowers: 1, flowersCost: 850000, organisations: 2, countries: ['RU', 'VN'] });
    // The campaign's own page: two mailed; Oleg, who has no address, stays unmailed (his letter and flowers count).
    const states = (await organiser('GET', `/api/greetings/${campaignId}`)).body.recipients.map((r: { state: string }) => r.state).sort();
    expect(states).toEqual(['draft', 'sent', 'sent']);

    const word = await ctx.app.request('/api/reports/years/2026?format=docx', { headers: { cookie: organiser.cookie } });
    expect(word.status).toBe(200);
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(await word.arrayBuffer()) });
    expect(html).toContain('V. THƯ CHÚC MỪNG, ĐIỆN HOA GỬI CÁC ĐỐI TÁC');
    expect(html).toContain('đã gửi 3 lượt chúc mừng (2 thư điện tử, 1 thư in, 1 lượt điện hoa) tới 2 cơ quan, tổ chức của 2 quốc gia (Nga, Việt Nam); chi phí hoa 850.000 đồng.');
    const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<td>(?:<p>)?(.*?)(?:<\/p>)?<\/td>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, '')));
    expect(rows.find((cells) => cells[1] === 'Quốc khánh Liên bang Nga')?.slice(3)).toEqual(['Đại sứ quán Liên bang Nga; Hội hữu nghị Việt – Nga tỉnh Đắk Lắk', '2', '1', '1']);
    expect(html).not.toContain('Quốc khánh Cộng hòa Pháp');

    const pdf = await ctx.app.request('/api/reports/years/2026?format=pdf', { headers: { cookie: organiser.cookie } });
    expect(pdf.status).toBe(200);
    const text = pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain('V. THƯ CHÚC MỪNG, ĐIỆN HOA GỬI CÁC ĐỐI TÁC');
    const line = text.split('\n').find((l) => l.includes('Quốc khánh Liên bang'));
    expect(line?.trim().split(/\s{2,}/).slice(-3)).toEqual(['2', '1', '1']);
  });

  it('leaves greetings out of a report read by an association’s secretary: the directory is the union’s', async () => {
    const admin = await ctx.as('admin');
    const unit = await admin('POST', '/api/units', { body: { parentId: 'union', name: { vi: 'Hội hữu nghị Việt – Hàn' }, shortName: 'VN-KR' } });
    expect(unit.status, JSON.stringify(unit.body)).toBe(201);
    const secretary = await ctx.as('organiser', [{ unitId: unit.body.unit.unitId, role: 'organiser' }]);
    const theirs = await secretary('GET', '/api/reports/years/2026');
    expect(theirs.status).toBe(200);
    expect(theirs.body.report.greetings).toEqual([]);
    // The union's organiser, reading the same year, sees them.
    expect((await organiser('GET', '/api/reports/years/2026')).body.report.greetingTotals.campaigns).toBe(1);
  });
});
