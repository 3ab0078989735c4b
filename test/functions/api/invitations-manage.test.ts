import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganiserContext, type Caller, type TestContext } from '../../support/test-context.js';
import { createEvent, fixture, postCsv } from './invitations-support.js';

let ctx: TestContext;
let organiser: Caller;

beforeAll(async () => ({ ctx, organiser } = await createOrganiserContext()));

const base = (eventId: string) => `/api/events/${eventId}/invitations`;

async function importList(text: string) {
  const eventId = await createEvent(organiser);
  const result = await postCsv(ctx, organiser.cookie, eventId, text);
  expect(result.status).toBe(200);
  return eventId;
}

const smallList = [
  'Họ và tên;Email;Số điện thoại;Đơn vị;Nhóm;Ngôn ngữ',
  'Nguyễn Văn An;an.nv@example.org;;Tỉnh đoàn Đắk Lắk;Đại biểu tỉnh;vi',
  'Nguyễn Thị Bình;binh.nt@example.org;;Sở Ngoại vụ;Khách mời;vi',
  'Trần Văn Cường;cuong.tv@example.org;;Hội hữu nghị Đắk Lắk – Campuchia;Đại biểu tỉnh;vi',
  "H'Linh Niê;;0912 345 678;Buôn Ako Dhông;Khách mời;vi",
  'Siobhán O\'Brien;siobhan@example.org;;CARE International;Khách mời;en',
].join('\n');

describe('GET /api/events/:eventId/invitations', () => {
  it('lists in Vietnamese name order with the fields of docs/api/API.md', async () => {
    const eventId = await importList(smallList);
    const list = await organiser('GET', base(eventId));
    expect(list.status).toBe(200);
    expect(list.body.nextCursor).toBeUndefined();
    expect(list.body.items.map((i: any) => i.name)).toEqual([
      'Nguyễn Văn An',
      'Nguyễn Thị Bình',
      'Trần Văn Cường',
      "H'Linh Niê",
      "Siobhán O'Brien",
    ]);
    const item = list.body.items[0];
    expect(Object.keys(item)).toEqual(expect.arrayContaining(['invitationId', 'name', 'email', 'organisation', 'language', 'group', 'emailStatus', 'response']));
    expect(item).not.toHaveProperty('tokenHash');
    expect(item).not.toHaveProperty('searchText');
    expect(item.createdAt).toMatch(/\+07:00$/);
  });

  it('searches without accents or case, every word in name, organisation or address', async () => {
    const eventId = await importList(smallList);
    const search = async (q: string) =>
      (await organiser('GET', `${base(eventId)}?q=${encodeURIComponent(q)}`)).body.items.map((i: any) => i.name);
    expect(await search('nguyen')).toEqual(['Nguyễn Văn An', 'Nguyễn Thị Bình']);
    expect(await search('NGUYỄN an')).toEqual(['Nguyễn Văn An']);
    expect(await search('dak lak')).toEqual(['Nguyễn Văn An', 'Trần Văn Cường']);
    expect(await search('Đắk Lắk campuchia')).toEqual(['Trần Văn Cường']);
    expect(await search('siobhan')).toEqual(["Siobhán O'Brien"]);
    expect(await search('binh.nt@')).toEqual(['Nguyễn Thị Bình']);
    expect(await search('0912345678')).toEqual(["H'Linh Niê"]);
    expect(await search('+84912')).toEqual(["H'Linh Niê"]);
    expect(await search('zzz')).toEqual([]);
  });

  it('filters by group, response and email status', async () => {
    const eventId = await importList(smallList);
    const names = async (query: string) => (await organiser('GET', `${base(eventId)}?${query}`)).body.items.map((i: any) => i.name);
    expect(await names(`group=${encodeURIComponent('Đại biểu tỉnh')}`)).toEqual(['Nguyễn Văn An', 'Trần Văn Cường']);
    expect(await names('emailStatus=not_sent')).toHaveLength(5);
    expect(await names('emailStatus=sent')).toEqual([]);
    const all = (await organiser('GET', base(eventId))).body.items;
    await ctx.deps.invitations.invitations.recordResponse(eventId, all[1].invitationId, 'declined', new Date().toISOString());
    expect(await names('response=declined')).toEqual(['Nguyễn Thị Bình']);
    expect(await names(`response=none&group=${encodeURIComponent('Khách mời')}&q=niê`)).toEqual(["H'Linh Niê"]);
    const bad = await organiser('GET', `${base(eventId)}?emailStatus=lost`);
    expect(bad.status).toBe(400);
  });

  it('pages with limit and cursor, also when a filter leaves pages sparse', async () => {
    const eventId = await createEvent(organiser);
    const rows = ['name,email,group'];
    for (let i = 0; i < 450; i += 1) rows.push(`Khách ${String(i).padStart(3, '0')},guest${i}@example.org,${i % 9 === 0 ? 'Đoàn Mondulkiri' : 'Khác'}`);
    expect((await postCsv(ctx, organiser.cookie, eventId, rows.join('\n'))).body.created).toBe(450);

    const readAll = async (query: string) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await organiser('GET', `${base(eventId)}?${query}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((i: any) => i.email));
        cursor = page.body.nextCursor;
        pages += 1;
        if (cursor) expect(page.body.items.length).toBeGreaterThan(0);
      } while (cursor);
      return { seen, pages };
    };
    const plain = await readAll('limit=100');
    expect(plain.seen).toHaveLength(450);
    expect(new Set(plain.seen).size).toBe(450);
    expect(plain.pages).toBe(5);

    // 50 of 450 match: every page but the last is full, whatever DynamoDB's filter left out.
    const first = await organiser('GET', `${base(eventId)}?limit=20&group=${encodeURIComponent('Đoàn Mondulkiri')}`);
    expect(first.body.items).toHaveLength(20);
    expect(first.body.nextCursor).toBeDefined();
    const filtered = await readAll(`limit=20&group=${encodeURIComponent('Đoàn Mondulkiri')}`);
    expect(filtered.seen).toHaveLength(50);
    expect(new Set(filtered.seen).size).toBe(50);

    // Every word must appear somewhere: "00" also matches guest100@, guest200@, ...
    const searched = await readAll('limit=7&q=khach%2000');
    const expected = Array.from({ length: 450 }, (_, i) => ({ text: `khach ${String(i).padStart(3, '0')} guest${i}@example.org`, email: `guest${i}@example.org` }))
      .filter((g) => g.text.includes('khach') && g.text.includes('00'))
      .map((g) => g.email);
    expect(expected.length).toBe(14);
    expect(searched.seen.sort()).toEqual(expected.sort());

    expect((await organiser('GET', `${base(eventId)}?cursor=not-a-cursor`)).status).toBe(400);
    expect((await organiser('GET', `${base(eventId)}?limit=1001`)).status).toBe(400);
    // A cursor of another event's list is refused, not followed.
    const other = await importList(smallList);
    const otherCursor = (await organiser('GET', `${base(other)}?limit=1`)).body.nextCursor;
    expect((await organiser('GET', `${base(eventId)}?cursor=${otherCursor}`)).status).toBe(400);
  });

  it('answers 404 for an unknown event', async () => {
    expect((await organiser('GET', base('no-such-event'))).status).toBe(404);
    expect((await organiser('GET', `${base('no-such-event')}/counts`)).status).toBe(404);
  });
});

describe('GET /api/events/:eventId/invitations/counts', () => {
  it('counts invitations per email status, response and group', async () => {
    const eventId = await importList(smallList);
    const items = (await organiser('GET', base(eventId))).body.items;
    await organiser('POST', `/api/events/${eventId}/publish`);
    const token = await ctx.deps.invitations.invitations.rotateToken(eventId, items[0].invitationId);
    expect((await ctx.request('POST', `/api/r/${token}/decline`, { body: {} })).status).toBe(200);
    const counts = await organiser('GET', `${base(eventId)}/counts`);
    expect(counts.status).toBe(200);
    expect(counts.body.counts).toMatchObject({
      total: 5,
      emailStatus: { not_sent: 5, queued: 0, sent: 0, delivered: 0, bounced: 0 },
      response: { none: 4, declined: 1, confirmed: 0 },
      groups: [
        { group: 'Đại biểu tỉnh', count: 2 },
        { group: 'Khách mời', count: 3 },
      ],
    });
  });
});

describe('PATCH and DELETE /api/events/:eventId/invitations/:invitationId', () => {
  it('fixes a name, stored in NFC, keeping the link', async () => {
    const eventId = await importList(smallList);
    const [item] = (await organiser('GET', `${base(eventId)}?q=cuong`)).body.items;
    const token = await ctx.deps.invitations.invitations.rotateToken(eventId, item.invitationId);
    const patched = await organiser('PATCH', `${base(eventId)}/${item.invitationId}`, {
      body: { name: '  Trần  Văn Cương'.normalize('NFD'), position: 'Phó Chủ tịch' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.invitation).toMatchObject({ name: 'Trần Văn Cương', position: 'Phó Chủ tịch', email: 'cuong.tv@example.org' });
    expect(patched.body.invitation.name).toBe('Trần Văn Cương'.normalize('NFC'));
    expect((await ctx.request('GET', `/api/r/${token}`)).status).toBe(200);
    const found = (await organiser('GET', `${base(eventId)}?q=cuong`)).body.items;
    expect(found.map((i: any) => i.name)).toEqual(['Trần Văn Cương']);
    const fetched = await organiser('GET', `${base(eventId)}/${item.invitationId}`);
    expect(fetched.body.invitation.position).toBe('Phó Chủ tịch');
  });

  it('a changed email revokes the old link; the new link works; the old address is free again', async () => {
    const eventId = await importList(smallList);
    const [item] = (await organiser('GET', `${base(eventId)}?q=binh`)).body.items;
    const oldToken = await ctx.deps.invitations.invitations.rotateToken(eventId, item.invitationId);
    expect((await ctx.request('GET', `/api/r/${oldToken}`)).status).toBe(200);

    const patched = await organiser('PATCH', `${base(eventId)}/${item.invitationId}`, { body: { email: ' Binh.Nguyen@Example.org ' } });
    expect(patched.status).toBe(200);
    expect(patched.body.invitation.email).toBe('binh.nguyen@example.org');
    const revoked = await ctx.request('GET', `/api/r/${oldToken}`);
    expect(revoked.status).toBe(404);

    const newToken = await ctx.deps.invitations.invitations.rotateToken(eventId, item.invitationId);
    const opened = await ctx.request('GET', `/api/r/${newToken}`);
    expect(opened.status).toBe(200);
    expect(opened.body.invitee.email).toBe('binh.nguyen@example.org');

    // The old address can be invited again; the new one cannot be taken twice.
    const reimport = await postCsv(ctx, organiser.cookie, eventId, 'name,email\nNgười khác,binh.nt@example.org\nTrùng,binh.nguyen@example.org\n');
    expect(reimport.body.created).toBe(1);
    expect(reimport.body.duplicates).toEqual([{ row: 3, email: 'binh.nguyen@example.org', reason: 'already_invited' }]);
    const clash = await organiser('PATCH', `${base(eventId)}/${item.invitationId}`, { body: { email: 'an.nv@example.org' } });
    expect(clash.status).toBe(409);
    expect(clash.body.error).toBe('invitee_duplicate');
  });

  it('a changed phone revokes the link too; an invitee keeps an email or a phone', async () => {
    const eventId = await importList(smallList);
    const [item] = (await organiser('GET', `${base(eventId)}?q=linh`)).body.items;
    const oldToken = await ctx.deps.invitations.invitations.rotateToken(eventId, item.invitationId);
    const patched = await organiser('PATCH', `${base(eventId)}/${item.invitationId}`, { body: { phone: '0987 654 321' } });
    expect(patched.body.invitation.phone).toBe('+84987654321');
    expect((await ctx.request('GET', `/api/r/${oldToken}`)).status).toBe(404);
    const none = await organiser('PATCH', `${base(eventId)}/${item.invitationId}`, { body: { phone: null } });
    expect(none.status).toBe(422);
    expect(none.body.error).toBe('contact_missing');
    const bad = await organiser('PATCH', `${base(eventId)}/${item.invitationId}`, {
      body: { email: 'binh.tv@' },
      headers: { 'accept-language': 'en' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ field: 'email', message: 'Not a valid email address: "binh.tv@".' }]);
    // An email added to a phone-only invitee: the guard moves from the phone to the email.
    const withEmail = await organiser('PATCH', `${base(eventId)}/${item.invitationId}`, { body: { email: 'hlinh@example.org', phone: null } });
    expect(withEmail.status).toBe(200);
    const again = await postCsv(ctx, organiser.cookie, eventId, 'name,phone\nH\'Linh,0987654321\n');
    expect(again.body.created).toBe(1);
  });

  it('deletes an invitation with its link, counted out of the event', async () => {
    const eventId = await importList(smallList);
    const [item] = (await organiser('GET', `${base(eventId)}?q=an.nv`)).body.items;
    const token = await ctx.deps.invitations.invitations.rotateToken(eventId, item.invitationId);
    const deleted = await organiser('DELETE', `${base(eventId)}/${item.invitationId}`);
    expect(deleted.status).toBe(204);
    expect((await ctx.request('GET', `/api/r/${token}`)).status).toBe(404);
    expect((await organiser('GET', `/api/events/${eventId}`)).body.event.counts.invited).toBe(4);
    expect((await organiser('DELETE', `${base(eventId)}/${item.invitationId}`)).status).toBe(404);
    expect((await organiser('PATCH', `${base(eventId)}/${item.invitationId}`, { body: { name: 'X' } })).status).toBe(404);
    // The address is free again.
    expect((await postCsv(ctx, organiser.cookie, eventId, 'name,email\nNguyễn Văn An,an.nv@example.org\n')).body.created).toBe(1);
  });
});

describe('POST /api/events/:eventId/invitations/copy', () => {
  it('copies an earlier event\'s invitees, with or without those who declined', async () => {
    const lastYear = await createEvent(organiser);
    await postCsv(ctx, organiser.cookie, lastYear, fixture('danh-sach-khach-moi.csv'));
    const items = (await organiser('GET', `${base(lastYear)}?limit=1000`)).body.items;
    for (const item of items.slice(0, 5)) {
      await ctx.deps.invitations.invitations.recordResponse(lastYear, item.invitationId, 'declined', new Date().toISOString());
    }

    const withoutDeclined = await createEvent(organiser);
    const copied = await organiser('POST', `${base(withoutDeclined)}/copy`, { body: { fromEventId: lastYear, excludeDeclined: true } });
    expect(copied.status).toBe(200);
    expect(copied.body).toEqual({ created: 55, duplicates: [], errors: [] });
    const copiedItems = (await organiser('GET', `${base(withoutDeclined)}?limit=1000`)).body.items;
    expect(copiedItems.every((i: any) => i.response === 'none' && i.emailStatus === 'not_sent')).toBe(true);
    const pick = (i: any) => ({ name: i.name, organisation: i.organisation, position: i.position, language: i.language, group: i.group });
    expect(pick(copiedItems.find((i: any) => i.email === items[10].email))).toEqual(pick(items[10]));
    expect(copiedItems.some((i: any) => i.email === items[0].email)).toBe(false);

    // Copying again into the same event creates nothing; a preview writes nothing.
    const all = await createEvent(organiser);
    const preview = await organiser('POST', `${base(all)}/copy?preview=true`, { body: { fromEventId: lastYear } });
    expect(preview.body).toMatchObject({ created: 60, preview: true });
    expect((await organiser('GET', base(all))).body.items).toEqual([]);
    expect((await organiser('POST', `${base(all)}/copy`, { body: { fromEventId: lastYear } })).body.created).toBe(60);
    const twice = await organiser('POST', `${base(all)}/copy`, { body: { fromEventId: lastYear } });
    expect(twice.body.created).toBe(0);
    expect(twice.body.duplicates).toHaveLength(60);
    expect((await organiser('GET', `/api/events/${all}`)).body.event.counts.invited).toBe(60);

    expect((await organiser('POST', `${base(all)}/copy`, { body: { fromEventId: 'no-such-event' } })).status).toBe(404);
  });
});

describe('who may do what', () => {
  it('needs a session; staff read the list but change nothing; admins do everything', async () => {
    const eventId = await importList(smallList);
    const [item] = (await organiser('GET', base(eventId))).body.items;
    const anonymous = await ctx.request('GET', base(eventId));
    expect(anonymous.status).toBe(401);
    expect((await postCsv(ctx, '', eventId, 'name,email\nA,a@example.org\n')).status).toBe(401);

    const staff = await ctx.as('staff');
    expect((await staff('GET', base(eventId))).status).toBe(200);
    expect((await staff('GET', `${base(eventId)}/counts`)).status).toBe(200);
    expect((await postCsv(ctx, staff.cookie, eventId, 'name,email\nA,a@example.org\n')).status).toBe(403);
    expect((await staff('POST', base(eventId), { body: { invitees: [{ name: 'A', email: 'a@example.org' }] } })).status).toBe(403);
    expect((await staff('PATCH', `${base(eventId)}/${item.invitationId}`, { body: { name: 'X' } })).status).toBe(403);
    expect((await staff('DELETE', `${base(eventId)}/${item.invitationId}`)).status).toBe(403);
    expect((await staff('POST', `${base(eventId)}/copy`, { body: { fromEventId: eventId } })).status).toBe(403);

    const admin = await ctx.as('admin');
    expect((await admin('POST', base(eventId), { body: { invitees: [{ name: 'A', email: 'a@example.org' }] } })).body.created).toBe(1);
  });
});
