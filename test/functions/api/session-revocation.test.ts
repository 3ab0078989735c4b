import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { hashToken, newSecretToken } from '../../../shared/auth/secret-tokens.js';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../../support/test-context.js';

/**
 * A session the `listings` index does not list yet (it is read a moment late): written straight
 * to the table without its index key, as the index would look just after sign-in.
 */
async function unlistedSession(ctx: TestContext, userId: string, generation: number) {
  const token = newSecretToken();
  await ctx.db.send(
    new PutCommand({
      TableName: ctx.tableName,
      Item: { pk: `SESSION#${hashToken(token)}`, sk: 'SESSION', userId, createdAt: new Date().toISOString(), expiresAt: Math.floor(Date.now() / 1000) + 3600, generation },
    }),
  );
  return `hn_session=${token}`;
}

describe('no session survives a revocation', () => {
  it('disabling a user ends even a session the index does not list yet', async () => {
    const ctx = await createTestContext();
    const admin = await ctx.as('admin');
    const staff = await ctx.createUser('staff');
    const cookieName = (await ctx.signIn(staff.email)).split('=')[0]!;
    const cookie = (await unlistedSession(ctx, staff.userId, 0)).replace('hn_session', cookieName);
    expect((await ctx.request('GET', '/api/auth/me', { cookie })).status).toBe(200);
    expect((await admin('PATCH', `/api/users/${staff.userId}`, { body: { disabled: true } })).status).toBe(200);
    expect((await ctx.request('GET', '/api/auth/me', { cookie })).status).toBe(401);
    // Enabled again, the old session stays ended: it belongs to a generation that is over.
    expect((await admin('PATCH', `/api/users/${staff.userId}`, { body: { disabled: false } })).status).toBe(200);
    expect((await ctx.request('GET', '/api/auth/me', { cookie })).status).toBe(401);
  });

  it('a password change ends every other session, listed or not, and keeps the one that made it', async () => {
    const ctx = await createTestContext();
    const user = await ctx.createUser('organiser');
    const mine = await ctx.signIn(user.email);
    const other = await ctx.signIn(user.email);
    const cookieName = mine.split('=')[0]!;
    const unlisted = (await unlistedSession(ctx, user.userId, 0)).replace('hn_session', cookieName);
    const changed = await ctx.request('POST', '/api/auth/password', { cookie: mine, body: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new password' } });
    expect(changed.status).toBe(204);
    expect((await ctx.request('GET', '/api/auth/me', { cookie: mine })).status).toBe(200);
    expect((await ctx.request('GET', '/api/auth/me', { cookie: other })).status).toBe(401);
    expect((await ctx.request('GET', '/api/auth/me', { cookie: unlisted })).status).toBe(401);
  });
});
