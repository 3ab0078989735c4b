import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganiserContext, type Caller, type TestContext } from '../../support/test-context.js';
import { createEvent, encodeWindows1258, fixture, postCsv } from './invitations-support.js';

let ctx: TestContext;
let organiser: Caller;

beforeAll(async () => ({ ctx, organiser } = await createOrganiserContext()));

const eventCounts = async (eventId: string) => (await organiser('GET', `/api/events/${eventId}`)).body.event.counts;
const listAll = async (eventId: string) => (await organiser('GET', `/api/events/${eventId}/invitations?limit=1000`)).body.items as any[];

describe('importing the fixtures (test/fixtures/README.md)', () => {
  it('invitees-ngo-conference.csv: 121 created, 1 duplicate, 3 errors; again: nothing created', async () => {
    const eventId = await createEvent(organiser);
    const first = await postCsv(ctx, organiser.cookie, eventId, fixture('invitees-ngo-conference.csv'), { language: 'en' });
    expect(first.status).toBe(200);
    expect(first.body.created).toBe(121);
    expect(first.body.duplicates).toEqual([{ row: 25, email: 'tuyet.nta@example.org', reason: 'in_list' }]);
    expect(first.body.errors).toEqual([
      { row: 13, field: 'language', message: 'The language must be "vi" or "en", not "xx".' },
      { row: 46, field: 'email', message: 'Not a valid email address: "binh.tv@".' },
      { row: 74, field: 'name', message: 'The name is missing.' },
    ]);
    expect((await eventCounts(eventId)).invited).toBe(121);

    // The decomposed Tuyết of row 14 is stored composed; the composed row 25 matched it.
    const items = await listAll(eventId);
    const tuyet = items.filter((i) => i.email === 'tuyet.nta@example.org');
    expect(tuyet).toHaveLength(1);
    expect(tuyet[0].name).toBe('Nguyễn Thị Ánh Tuyết'.normalize('NFC'));
    expect(tuyet[0].name.normalize('NFC')).toBe(tuyet[0].name);
    expect(items.every((i) => i.name === i.name.normalize('NFC'))).toBe(true);

    const again = await postCsv(ctx, organiser.cookie, eventId, fixture('invitees-ngo-conference.csv'));
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(0);
    expect(again.body.duplicates).toHaveLength(122);
    expect(again.body.errors).toHaveLength(3);
    expect((await eventCounts(eventId)).invited).toBe(121);
  });

  it('danh-sach-khach-moi.csv (Vietnamese headers, semicolons): 60 created, messages in Vietnamese', async () => {
    const eventId = await createEvent(organiser);
    const first = await postCsv(ctx, organiser.cookie, eventId, fixture('danh-sach-khach-moi.csv'), { language: 'vi' });
    expect(first.body).toEqual({ created: 60, duplicates: [], errors: [] });
    const items = await listAll(eventId);
    expect(items).toHaveLength(60);
    expect(items.find((i) => i.email === 'uyen.mg0@example.org')).toMatchObject({
      name: 'Mai Gia Uyên',
      organisation: 'PACCOM',
      position: 'Bí thư',
      language: 'vi',
      group: 'Sinh viên',
      emailStatus: 'not_sent',
      response: 'none',
    });
    const again = await postCsv(ctx, organiser.cookie, eventId, fixture('danh-sach-khach-moi.csv'));
    expect(again.body.created).toBe(0);
    expect(again.body.duplicates[0]).toEqual({ row: 2, email: 'uyen.mg0@example.org', reason: 'already_invited' });
  });
});

describe('POST /api/events/:eventId/invitations', () => {
  it('reads every shape of the same list alike: comma or semicolon, BOM or not, CRLF or LF, English or Vietnamese headers', async () => {
    const variants = [
      'name,email,organisation,position\r\nLê Văn An,an@example.org,"Sở Ngoại vụ, Đắk Lắk","Phó Giám đốc\r\nkiêm Bí thư"\r\n',
      '\uFEFFHọ và tên;Thư điện tử;Cơ quan;Chức vụ\nLê Văn An;an@example.org;Sở Ngoại vụ, Đắk Lắk;"Phó Giám đốc\nkiêm Bí thư"\n',
      '\uFEFFHỌ TÊN,EMAIL,ĐƠN VỊ,CHỨC VỤ\nLê Văn An,  AN@Example.org ,"Sở Ngoại vụ, Đắk Lắk","Phó Giám đốc\nkiêm Bí thư"',
    ];
    for (const text of variants) {
      const eventId = await createEvent(organiser);
      const result = await postCsv(ctx, organiser.cookie, eventId, text);
      expect(result.body).toEqual({ created: 1, duplicates: [], errors: [] });
      const [item] = await listAll(eventId);
      expect(item).toMatchObject({ name: 'Lê Văn An', email: 'an@example.org', organisation: 'Sở Ngoại vụ, Đắk Lắk' });
      // The multi-line cell arrives whole; like every short text it is stored on one line.
      expect(item.position).toBe('Phó Giám đốc kiêm Bí thư');
    }
  });

  it('keeps quotes inside quoted cells', async () => {
    const eventId = await createEvent(organiser);
    await postCsv(ctx, organiser.cookie, eventId, 'name;email;organisation\n"Trần ""Bảo"" An";an@example.org;"Hội ""Hữu nghị""; Đắk Lắk"\n');
    const [item] = await listAll(eventId);
    expect(item).toMatchObject({ name: 'Trần "Bảo" An', organisation: 'Hội "Hữu nghị"; Đắk Lắk' });
  });

  it('accepts a phone-only invitee, refuses a row with neither email nor phone, and keeps the good rows', async () => {
    const eventId = await createEvent(organiser);
    const result = await postCsv(
      ctx,
      organiser.cookie,
      eventId,
      'Họ và tên;Số điện thoại;Email\nY Khoa Niê;0912 345 678;\nH\'Linh Niê;;\nLê An;;an@example.org\nY Khoa Niê (lần 2);+84 912.345.678;\n',
      { language: 'vi' },
    );
    expect(result.body).toEqual({
      created: 2,
      duplicates: [{ row: 5, phone: '+84912345678', reason: 'in_list' }],
      errors: [{ row: 3, field: 'email', message: 'Cần có email hoặc số điện thoại.' }],
    });
    const items = await listAll(eventId);
    expect(items.find((i) => i.name === 'Y Khoa Niê')).toMatchObject({ phone: '+84912345678' });
    expect(items.find((i) => i.name === 'Y Khoa Niê').email).toBeUndefined();
  });

  it('takes a JSON list too, each entry checked on its own (row = position in the list)', async () => {
    const eventId = await createEvent(organiser);
    const result = await organiser('POST', `/api/events/${eventId}/invitations`, {
      body: {
        invitees: [
          { name: 'Lê An', email: 'an@example.org', language: 'en', group: 'Khách mời' },
          { name: 'Trần Bình', email: 'not-an-address' },
          { name: 'Phạm Chi', phone: '0987654321' },
          'not an object',
        ],
      },
      headers: { 'accept-language': 'en' },
    });
    expect(result.status).toBe(200);
    expect(result.body.created).toBe(2);
    expect(result.body.errors).toEqual([
      { row: 2, field: 'email', message: 'Not a valid email address: "not-an-address".' },
      { row: 4, message: 'This entry is not an invitee.' },
    ]);
  });

  it('refuses a Windows-1258 file whole, with the "CSV UTF-8" advice, storing nothing', async () => {
    const eventId = await createEvent(organiser);
    const cp1258 = encodeWindows1258('Họ và tên,Email,Đơn vị\r\nNguyễn Thị Ánh Tuyết,tuyet@example.org,Tỉnh đoàn Đắk Lắk\r\n');
    // The bytes really are not UTF-8 (this is what the server has to notice).
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(cp1258)).toThrow();
    for (const language of ['vi', 'en']) {
      const refused = await postCsv(ctx, organiser.cookie, eventId, cp1258, { language });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toBe('csv_not_utf8');
      expect(refused.body.message).toContain('"CSV UTF-8');
      expect(refused.body.message).toContain(language === 'vi' ? 'Chưa có dòng nào được lưu' : 'Nothing was saved');
    }
    expect(await listAll(eventId)).toEqual([]);
    expect((await eventCounts(eventId)).invited).toBe(0);
    // Declared as windows-1258, the same bytes are read correctly.
    const declared = await postCsv(ctx, organiser.cookie, eventId, cp1258, { contentType: 'text/csv; charset=windows-1258' });
    expect(declared.body.created).toBe(1);
    expect((await listAll(eventId))[0]).toMatchObject({ name: 'Nguyễn Thị Ánh Tuyết', organisation: 'Tỉnh đoàn Đắk Lắk' });
  });

  it('previews without writing: the same answer, nothing stored', async () => {
    const eventId = await createEvent(organiser);
    await postCsv(ctx, organiser.cookie, eventId, 'name,email\nLê An,an@example.org\n');
    const csv = fixture('invitees-ngo-conference.csv');
    const preview = await postCsv(ctx, organiser.cookie, eventId, csv, { query: '?preview=true', language: 'en' });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ created: 121, preview: true });
    expect(preview.body.duplicates).toHaveLength(1);
    expect(preview.body.errors).toHaveLength(3);
    const dryRun = await postCsv(ctx, organiser.cookie, eventId, csv, { query: '?dryRun=true', language: 'en' });
    expect(dryRun.body).toEqual(preview.body);
    expect(await listAll(eventId)).toHaveLength(1);
    expect((await eventCounts(eventId)).invited).toBe(1);
    const real = await postCsv(ctx, organiser.cookie, eventId, csv, { language: 'en' });
    const { preview: _p, ...expected } = preview.body;
    expect(real.body).toEqual(expected);
  });

  it('creates each invitation once when the same list is imported twice at the same moment', async () => {
    const eventId = await createEvent(organiser);
    const csv = fixture('invitees-ngo-conference.csv');
    const [a, b] = await Promise.all([
      postCsv(ctx, organiser.cookie, eventId, csv),
      postCsv(ctx, organiser.cookie, eventId, csv),
    ]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.body.created + b.body.created).toBe(121);
    expect(a.body.duplicates.length + b.body.duplicates.length).toBe(1 + 1 + 121);
    expect(a.body.errors.length).toBe(3);
    const items = await listAll(eventId);
    expect(items).toHaveLength(121);
    expect(new Set(items.map((i) => i.email)).size).toBe(121);
    expect((await eventCounts(eventId)).invited).toBe(121);
  });

  it('answers 404 for an unknown event and 409 for a cancelled one', async () => {
    const unknown = await postCsv(ctx, organiser.cookie, 'no-such-event', 'name,email\nLê An,an@example.org\n');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('event_not_found');
    const eventId = await createEvent(organiser);
    expect((await organiser('POST', `/api/events/${eventId}/cancel`)).status).toBe(200);
    const cancelled = await postCsv(ctx, organiser.cookie, eventId, 'name,email\nLê An,an@example.org\n');
    expect(cancelled.status).toBe(409);
    expect(cancelled.body.error).toBe('event_wrong_state');
    expect(await listAll(eventId)).toEqual([]);
  });

  it('refuses a file without a name column, a body that is neither JSON nor CSV, and a file over 4 MB', async () => {
    const eventId = await createEvent(organiser);
    const noName = await postCsv(ctx, organiser.cookie, eventId, 'email,phone\nan@example.org,\n', { language: 'en' });
    expect(noName.status).toBe(422);
    expect(noName.body.error).toBe('csv_no_name_column');
    const plain = await postCsv(ctx, organiser.cookie, eventId, 'name,email\n', { contentType: 'text/plain' });
    expect(plain.status).toBe(400);
    expect(plain.body.error).toBe('unsupported_media_type');
    const broken = await postCsv(ctx, organiser.cookie, eventId, '{"invitees": [', { contentType: 'application/json' });
    expect(broken.status).toBe(400);

    const row = 'Nguyễn Văn An,an@example.org,Sở Ngoại vụ tỉnh Đắk Lắk,Phó Giám đốc,vi,Đại biểu tỉnh\n';
    const big = `name,email,organisation,position,language,group\n${row.repeat(Math.ceil((4.2 * 1024 * 1024) / row.length))}`;
    const tooBig = await postCsv(ctx, organiser.cookie, eventId, big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error).toBe('payload_too_large');
    // Other routes keep their 256 KB limit.
    const bigJson = await organiser('PATCH', `/api/events/${eventId}`, { body: { venue: 'x'.repeat(300 * 1024) } });
    expect(bigJson.status).toBe(413);
  });
});
