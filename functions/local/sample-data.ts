import { createHmac } from 'node:crypto';
import { createUser } from '../../shared/auth/create-user.js';
import { loadSampleEvents, type ApiCall } from '../../shared/demo/load-sample-events.js';
import { createApp } from '../api/app.js';
import type { AppDeps } from '../api/deps.js';

/** The organiser account the sample events belong to: its name says what it is. */
export const SAMPLE_ORGANISER = { email: 'du-lieu-mau@example.org', name: 'Dữ liệu mẫu (sample data)' };

/**
 * `npm run demo`: the upcoming sample events (shared/demo/sample-events.ts), loaded through the
 * app's own HTTP API, signed in as the sample-data organiser. Its password is derived from the link
 * secret, so a later run signs in again without storing one; nobody needs to know it.
 */
export async function loadSampleData(deps: AppDeps, linkSecret: string): Promise<number> {
  const password = createHmac('sha256', linkSecret).update('sample-data-organiser').digest('base64url');
  if (!(await deps.auth.users.findByEmail(SAMPLE_ORGANISER.email))) {
    await createUser(deps.auth, { ...SAMPLE_ORGANISER, role: 'organiser', password, language: 'vi' });
  }
  const app = createApp({ ...deps, clientAddress: () => 'sample-data', webRoot: undefined });
  const login = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: SAMPLE_ORGANISER.email, password }),
  });
  if (login.status !== 200) throw new Error(`the sample-data organiser could not sign in (${login.status})`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const api: ApiCall = async (method, path, body) => {
    const response = await app.request(path, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  return loadSampleEvents(api);
}
