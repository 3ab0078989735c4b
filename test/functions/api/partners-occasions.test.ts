import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/test-context.js';

/**
 * The union edits its occasions table (the seeded national days too) and the organisations' own
 * days; letter templates per language; flowers recorded per recipient with who ordered them, when
 * and at what cost (issue 19), on DynamoDB Local.
 */
let ctx: TestContext;
let organiser: Awaited<ReturnType<TestContext['as']>>;
let staff: Awaited<ReturnType<TestContext['as']>>;

beforeAll(async () => {
  ctx = await createTestContext();
  organiser = await ctx.as('organiser');
  staff = await ctx.as('staff');
});

type Occasion = { occasionId: string; name: { vi: string; en: string }; country?: string; tag?: string; day: string };
const occasions = async () => (await organiser('GET', '/api/occasions')).body.items as Occasion[];

describe('the occasions table', () => {
  it('edits a seeded national day, adds and removes days, never overwrites a country’s day by adding another', async () => {
    const seeded = await occasions();
    expect(seeded.find((o) => o.occasionId === 'nd-ru')).toMatchObject({ day: '06-12', country: 'RU' });
    const asean = seeded.find((o) => o.occasionId === 'asean-day')!;

    // A seeded day edited: the name and the day change, the id stays.
    const edited = await organiser('PUT', '/api/occasions/nd-fr', { body: { name: { vi: 'Quốc khánh Pháp', en: 'French National Day' }, country: 'FR', day: '07-14' } });
    expect(edited.status).toBe(200);
    const aseanEdit = await organiser('PUT', '/api/occasions/asean-day', { body: { name: asean.name, tag: 'ASEAN', day: '08-09' } });
    expect(aseanEdit.body.occasion).toMatchObject({ occasionId: 'asean-day', tag: 'ASEAN', day: '08-09' });

    // A second day for Russia is added beside Russia Day, not over it.
    const added = await organiser('POST', '/api/occasions', { body: { name: { vi: 'Ngày Chiến thắng', en: 'Victory Day' }, country: 'RU', day: '05-09' } });
    expect(added.status).toBe(201);
    expect(added.body.occasion.occasionId).not.toBe('nd-ru');
    const thai = await organiser('POST', '/api/occasions', { body: { name: { vi: 'Quốc khánh Thái Lan', en: 'Thailand National Day' }, country: 'th', day: '12-05' } });
    expect(thai.body.occasion.occasionId).toBe('nd-th');
    const after = await occasions();
    expect(after.find((o) => o.occasionId === 'nd-ru')).toMatchObject({ day: '06-12', name: { en: 'Russia Day' } });
    expect(after.find((o) => o.occasionId === 'nd-fr')!.name.vi).toBe('Quốc khánh Pháp');
    expect(after.find((o) => o.occasionId === added.body.occasion.occasionId)!.day).toBe('05-09');

    // Removed, and not seeded back on the next read.
    expect((await organiser('DELETE', '/api/occasions/nd-jp')).status).toBe(204);
    expect((await occasions()).some((o) => o.occasionId === 'nd-jp')).toBe(false);
    expect((await organiser('DELETE', '/api/occasions/nd-jp')).status).toBe(404);

    // Bad input and staff are refused.
    expect((await organiser('POST', '/api/occasions', { body: { name: { vi: 'X', en: 'X' }, day: '02-30' } })).status).toBe(400);
    expect((await staff('PUT', '/api/occasions/nd-ru', { body: { name: { vi: 'X', en: 'X' }, day: '06-12' } })).status).toBe(403);
    expect((await staff('DELETE', '/api/occasions/nd-ru')).status).toBe(403);
  });

  it('sets and removes an organisation’s own day', async () => {
    const org = (await organiser('POST', '/api/organisations', { body: { name: 'Hội hữu nghị Việt Nam – Campuchia tỉnh Đắk Lắk', kind: 'friendship_association', foundingDay: '03-15' } })).body.organisation;
    const moved = await organiser('PATCH', `/api/organisations/${org.organisationId}`, { body: { foundingDay: '04-20' } });
    expect(moved.body.organisation.foundingDay).toBe('04-20');
    const removed = await organiser('PATCH', `/api/organisations/${org.organisationId}`, { body: { foundingDay: null } });
    expect(removed.status).toBe(200);
    expect(removed.body.organisation.foundingDay).toBeUndefined();
    expect((await organiser('GET', `/api/organisations/${org.organisationId}`)).body.organisation.foundingDay).toBeUndefined();
  });
});

describe('letters and flowers', () => {
  it('keeps templates per language and records flowers with who ordered them, when and the cost', async () => {
    const org = (await organiser('POST', '/api/organisations', { body: { name: 'Đại sứ quán Hàn Quốc', kind: 'embassy', country: 'KR' } })).body.organisation;
    const kim = (await organiser('POST', '/api/contacts', { body: { name: 'Kim Ji-woo', email: 'kim.jiwoo@example.org', language: 'ko', organisationId: org.organisationId } })).body.contact;
    const campaign = (await organiser('POST', '/api/greetings', { body: { occasionId: 'nd-kr', year: 2031 } })).body.campaign;
    const templates = {
      ...campaign.templates,
      ko: { subject: '{{occasion}} 축하 서한', body: '{{name}} 님께,\n\n{{occasion}}을 진심으로 축하드립니다.' },
    };
    const saved = await organiser('PATCH', `/api/greetings/${campaign.campaignId}`, { body: { templates } });
    expect(saved.status).toBe(200);
    expect(Object.keys(saved.body.campaign.templates).sort()).toEqual(['en', 'ko', 'vi']);
    const preview = await organiser('GET', `/api/greetings/${campaign.campaignId}/recipients/${kim.contactId}/preview`);
    expect(preview.body.mail.language).toBe('ko');
    expect(preview.body.mail.text).toContain('Kim Ji-woo 님께');

    const flowers = await organiser('PUT', `/api/greetings/${campaign.campaignId}/recipients/${kim.contactId}/flowers`, { body: { orderedAt: '2031-10-02', cost: 850000, orderedBy: 'Chị Hoa, Văn phòng', note: 'Lẵng hoa lan' } });
    expect(flowers.status).toBe(200);
    expect(flowers.body.flowers).toMatchObject({ orderedAt: '2031-10-02', cost: 850000, orderedBy: 'Chị Hoa, Văn phòng', note: 'Lẵng hoa lan' });
    // Recorded without a name: the person recording it ordered them; a correction replaces the record.
    const corrected = await organiser('PUT', `/api/greetings/${campaign.campaignId}/recipients/${kim.contactId}/flowers`, { body: { orderedAt: '2031-10-01', cost: 900000 } });
    expect(corrected.body.flowers.orderedBy).toBeTruthy();
    expect(corrected.body.flowers.orderedBy).not.toBe('Chị Hoa, Văn phòng');
    const view = (await staff('GET', `/api/greetings/${campaign.campaignId}`)).body;
    expect(view.recipients[0].flowers).toMatchObject({ orderedAt: '2031-10-01', cost: 900000 });
    const history = (await organiser('GET', `/api/contacts/${kim.contactId}/history`)).body.items;
    expect(history).toEqual([expect.objectContaining({ kind: 'greeting', flowers: true })]);

    expect((await organiser('PUT', `/api/greetings/${campaign.campaignId}/recipients/${kim.contactId}/flowers`, { body: { orderedAt: '2031-10-01', cost: -5 } })).status).toBe(400);
    expect((await staff('PUT', `/api/greetings/${campaign.campaignId}/recipients/${kim.contactId}/flowers`, { body: { orderedAt: '2031-10-01' } })).status).toBe(403);
  });
});
