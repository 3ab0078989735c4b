import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLocalProduct, type LocalProduct } from '../../support/local-product.js';

/**
 * Issue 6's promise on the real product: DynamoDB Local, the SES emulator and the in-process
 * sender started by `npm start`, driven through the API as the console does.
 */
let product: LocalProduct;
let cookie: string;

async function api(method: string, path: string, body?: unknown, contentType = 'application/json') {
  const response = await fetch(`${product.url}${path}`, {
    method,
    headers: { cookie, ...(body !== undefined ? { 'content-type': contentType } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : body instanceof Uint8Array ? new Blob([body as Uint8Array<ArrayBuffer>]) : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

type StoredMail = { destination: { to: string[] }; subject: string; body: { text: string } };
const store = async () => ((await (await fetch(`${product.sesUrl}/store`)).json()) as { emails: StoredMail[] }).emails;

/** Nothing waiting to go, and no send job still queuing in the background. */
function waitUntilNothingQueued(eventId: string) {
  return vi.waitFor(
    async () => {
      const { body } = await api('GET', `/api/events/${eventId}/invitations/counts`);
      const queuing = (body.counts.sending as { state: string }[]).some((job) => job.state === 'running');
      expect({ queued: body.counts.emailStatus.queued, queuing }).toEqual({ queued: 0, queuing: false });
      return body.counts;
    },
    { timeout: 60_000, interval: 250 },
  );
}

beforeAll(async () => {
  product = await startLocalProduct({ env: { MAIL_RATE_PER_SECOND: '60' } });
  const login = await fetch(`${product.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: product.admin.email, password: product.admin.password }),
  });
  cookie = login.headers.get('set-cookie')!.split(';')[0]!;
});
afterAll(() => product?.stop());

describe('sending invitations on the local stack', () => {
  it('mails each invitee once with their own working link; again sends nothing; a resend adds one', async () => {
    const created = await api('POST', '/api/events', {
      type: 'ngo_conference',
      title: { vi: 'Hội nghị các tổ chức phi chính phủ nước ngoài', en: 'Conference of foreign NGOs' },
      venue: 'Khách sạn Sài Gòn – Ban Mê',
      startsAt: '2026-12-10T08:00:00+07:00',
      endsAt: '2026-12-10T17:00:00+07:00',
      contact: { name: 'Lê Thị Thu Hà', email: 'ha.ltt@example.org' },
    });
    const eventId = created.body.event.eventId as string;
    const csv = readFileSync(join(import.meta.dirname, '../../fixtures/invitees-ngo-conference.csv'));
    const imported = await api('POST', `/api/events/${eventId}/invitations`, new Uint8Array(csv), 'text/csv');
    expect(imported.body.created).toBe(121);

    // Not published yet: nothing goes out.
    expect((await api('POST', `/api/events/${eventId}/invitations/send`, {})).status).toBe(409);
    await api('POST', `/api/events/${eventId}/publish`);

    const before = (await store()).length;
    const sent = await api('POST', `/api/events/${eventId}/invitations/send`);
    // 202 after a first part; the npm start process's job runner queues the rest.
    expect(sent.status).toBe(202);
    expect(sent.body.queued).toBeLessThanOrEqual(121);
    expect(sent.body.job).toMatchObject({ kind: 'invitation', state: expect.stringMatching(/^(running|done)$/) });
    // A second click while the first job or its mail is still going queues nothing.
    expect((await api('POST', `/api/events/${eventId}/invitations/send`, {})).body.queued).toBe(0);
    const counts = await waitUntilNothingQueued(eventId);
    expect(counts.emailStatus.sent).toBe(121);
    expect(counts.sending).toEqual([expect.objectContaining({ kind: 'invitation', state: 'done' })]);

    const mails = (await store()).slice(before);
    expect(mails).toHaveLength(121);
    const recipients = mails.map((m) => m.destination.to[0]);
    expect(new Set(recipients).size).toBe(121);
    const links = mails.map((m) => m.body.text.match(new RegExp(`${product.url}/r/([A-Za-z0-9_-]+)`))![1]!);
    expect(new Set(links).size).toBe(121);

    // Each link opens that invitee's invitation, and no one else's.
    const all = (await api('GET', `/api/events/${eventId}/invitations?limit=1000`)).body.items as { email: string; name: string }[];
    const nameOf = new Map(all.map((i) => [i.email, i.name]));
    for (const [index, mail] of mails.entries()) {
      const opened = await fetch(`${product.url}/api/r/${links[index]}`);
      expect(opened.status).toBe(200);
      const body = (await opened.json()) as { invitee: { name: string; email: string } };
      expect(body.invitee.email).toBe(mail.destination.to[0]);
      expect(body.invitee.name).toBe(nameOf.get(mail.destination.to[0]!));
    }

    // Everyone has it: a new send job finds nobody (it runs in the background, like any).
    expect((await api('POST', `/api/events/${eventId}/invitations/send`)).body.queued).toBe(0);
    expect((await waitUntilNothingQueued(eventId)).sending).toEqual([expect.objectContaining({ kind: 'invitation', state: 'done', queued: 0 })]);
    const target = all[0]!;
    const invitationId = (all as unknown as { invitationId: string }[])[0]!.invitationId;
    expect((await api('POST', `/api/events/${eventId}/invitations/${invitationId}/resend`)).status).toBe(202);
    await waitUntilNothingQueued(eventId);
    const after = (await store()).slice(before);
    expect(after).toHaveLength(122);
    expect(after.filter((m) => m.destination.to[0] === target.email)).toHaveLength(2);
  // 121 mails and a resend through the whole local stack, each now with SES's answer written
  // before its completion (issue 16): more than the default 30 s on a machine others share.
  }, 90_000);
});
