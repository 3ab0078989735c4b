import { beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../../shared/aws/dynamodb-client.js';
import { createPasswordHasher } from '../../../shared/auth/password-hashing.js';
import { ensureFirstAdmin } from '../../../shared/auth/ensure-first-admin.js';
import { createUsersRepository, EmailTakenSignal, type StoredUser } from '../../../shared/auth/users-repository.js';
import { createSessionsRepository } from '../../../shared/auth/sessions-repository.js';
import { createTestTable } from '../../support/test-context.js';

let users: ReturnType<typeof createUsersRepository>;
let sessions: ReturnType<typeof createSessionsRepository>;

const user = (email: string, id: string): StoredUser => ({
  userId: id,
  email,
  name: 'Nguyễn Văn An',
  role: 'organiser',
  disabled: false,
  language: 'vi',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

beforeAll(async () => {
  const { tableName, endpoint } = await createTestTable();
  const db = createDocumentClient({ region: 'local', endpoint });
  users = createUsersRepository(db, tableName);
  sessions = createSessionsRepository(db, tableName);
});

describe('users repository (DynamoDB Local)', () => {
  it('keeps one account per address when two are created at once', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => users.insertUser(user('race@example.org', `race-${i}`))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected.every((r) => r.reason instanceof EmailTakenSignal)).toBe(true);
  });

  it('creates the first admin exactly once when several processes start together', async () => {
    const { tableName, endpoint } = await createTestTable();
    const repo = createUsersRepository(createDocumentClient({ region: 'local', endpoint }), tableName);
    const deps = { users: repo, now: () => new Date(), passwords: createPasswordHasher(2 ** 10) };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => ensureFirstAdmin(deps, { email: 'Admin@Example.org', password: 'long enough password' })),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const admin = await repo.findByEmail('admin@example.org');
    expect(admin?.role).toBe('admin');
    // A later start with another address adds nobody.
    expect(await ensureFirstAdmin(deps, { email: 'other@example.org' })).toEqual({ created: false });
    expect(await repo.findByEmail('other@example.org')).toBeUndefined();
  });

  it('lists users by address one page at a time', async () => {
    for (const [i, email] of ['c@page.test', 'a@page.test', 'b@page.test'].entries()) {
      await users.insertUser(user(email, `page-${i}`));
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await users.listByEmail({ limit: 2, cursor });
      seen.push(...page.items.map((u) => u.email));
      cursor = page.nextCursor;
    } while (cursor);
    const pageTest = seen.filter((e) => e.endsWith('@page.test'));
    expect(pageTest).toEqual(['a@page.test', 'b@page.test', 'c@page.test']);
  });

  it('ends every session of a user but the one kept', async () => {
    const future = Math.floor(Date.now() / 1000) + 3600;
    for (const hash of ['s1', 's2', 's3']) {
      await sessions.insertSession(hash, { userId: 'sessions-user', createdAt: new Date().toISOString(), expiresAt: future });
    }
    expect(await sessions.deleteAllOfUser('sessions-user', 's2')).toBe(2);
    const now = Math.floor(Date.now() / 1000);
    expect(await sessions.findByTokenHash('s1', now)).toBeUndefined();
    expect(await sessions.findByTokenHash('s2', now)).toMatchObject({ userId: 'sessions-user' });
  });

  it('refuses an expired session even before TTL removes it', async () => {
    const now = Math.floor(Date.now() / 1000);
    await sessions.insertSession('old', { userId: 'u', createdAt: new Date().toISOString(), expiresAt: now - 1 });
    expect(await sessions.findByTokenHash('old', now)).toBeUndefined();
  });
});
