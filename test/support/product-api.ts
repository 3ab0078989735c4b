import { expect, vi } from 'vitest';
import { LINK_TOKEN_SOURCE } from '../../shared/invitations/link-tokens.js';
import type { LocalProduct } from './local-product.js';

/**
 * The running product's HTTP API as the browser tests use it around the pages: signing in, JSON
 * calls with a session cookie, a fixture event sent to its invitees, and the mails the SES
 * emulator holds.
 */
export type ApiResult = { status: number; body: any };
export type Api = (method: string, path: string, body?: unknown) => Promise<ApiResult>;

/** Signs in through the API (the admin unless told) and answers the session cookie. */
export async function signInByApi(product: LocalProduct, account: { email: string; password: string } = product.admin): Promise<string> {
  const login = await fetch(`${product.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  expect(login.status).toBe(200);
  return login.headers.get('set-cookie')!.split(';')[0]!;
}

/** JSON calls carrying `cookie`; the body parsed as JSON when there is one. */
export function apiFor(product: LocalProduct, cookie: string): Api {
  return async (method, path, body) => {
    const response = await fetch(`${product.url}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
}

export async function createStaffUser(api: Api, staff: { email: string; password: string; name: string }) {
  expect((await api('POST', '/api/users', { ...staff, role: 'staff' })).status).toBe(201);
}

/** Creates the event, imports the invitees, publishes it and sends the invitations; answers its id. */
export async function inviteAndSend(api: Api, event: object, invitees: object[]): Promise<string> {
  const created = await api('POST', '/api/events', event);
  expect(created.status).toBe(201);
  const eventId = created.body.event.eventId as string;
  const imported = await api('POST', `/api/events/${eventId}/invitations`, { invitees });
  expect(imported.body.created).toBe(invitees.length);
  expect((await api('POST', `/api/events/${eventId}/publish`)).status).toBe(200);
  expect((await api('POST', `/api/events/${eventId}/invitations/send`, {})).status).toBe(202);
  return eventId;
}

export type StoredMail = { subject: string; destination: { to: string[] }; body: { text?: string } };

/** Every mail the SES emulator holds. */
export async function storedMails(product: LocalProduct): Promise<StoredMail[]> {
  return ((await (await fetch(`${product.sesUrl}/store`)).json()) as { emails: StoredMail[] }).emails;
}

/** A personal link `<product>/r/<token>` as the mails carry it. */
export function personalLinkShape(product: LocalProduct): RegExp {
  return new RegExp(`${product.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/r/(?:${LINK_TOKEN_SOURCE})(?![A-Za-z0-9_-])`);
}

/** The personal link in the mail to each address, waiting until every one is there. */
export async function personalLinks<K extends string>(product: LocalProduct, addresses: Record<K, string>, timeoutMs: number): Promise<Record<K, string>> {
  const linkShape = personalLinkShape(product);
  const keys = Object.keys(addresses) as K[];
  const links = {} as Record<K, string>;
  await vi.waitFor(
    async () => {
      const emails = await storedMails(product);
      for (const k of keys) {
        const link = emails.find((m) => m.destination.to.includes(addresses[k]))?.body.text?.match(linkShape)?.[0];
        if (link) links[k] = link;
      }
      expect(keys.filter((k) => !links[k]).map((k) => addresses[k]), 'addresses without a mail yet').toEqual([]);
    },
    { timeout: timeoutMs, interval: 200 },
  );
  return links;
}
