import { Hono } from 'hono';
import * as z from 'zod';
import { createUserSchema, updateUserSchema } from '../../../shared/auth/auth-schema.js';
import { getUser } from '../../../shared/auth/get-user.js';
import { listUsers } from '../../../shared/auth/list-users.js';
import { DEFAULT_PAGE_SIZE } from '../../../shared/db/pagination.js';
import type { AppDeps } from '../deps.js';
import { requirePermission, type AppEnv } from '../middleware/session.js';
import { jsonBody, queryParams } from '../validation.js';
import { onDemand } from '../on-demand.js';

// Rare paths, loaded at their first call (functions/api/on-demand.ts).
const { createUser } = onDemand(() => import('../../../shared/auth/create-user.js'));
const { resendSetPasswordLink } = onDemand(() => import('../../../shared/auth/resend-set-password-link.js'));
const { updateUser } = onDemand(() => import('../../../shared/auth/update-user.js'));

const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  cursor: z.string().max(2000).optional(),
});

/** Accounts, managed by admins only. */
export function userRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('*', requirePermission('users:manage'))
    .post('/',
      jsonBody(createUserSchema), async (c) => {
      return c.json(await createUser(deps.auth, c.req.valid('json')), 201);
    })
    .get('/',
      queryParams(pageQuery), async (c) => {
      const { limit, cursor } = c.req.valid('query');
      return c.json(await listUsers(deps.auth, { limit: limit ?? DEFAULT_PAGE_SIZE, cursor }));
    })
    .get('/:userId',
      async (c) => c.json({ user: await getUser(deps.auth, c.req.param('userId')) }))
    .patch('/:userId',
      jsonBody(updateUserSchema), async (c) => {
      return c.json({ user: await updateUser(deps.auth, c.get('user'), c.req.param('userId'), c.req.valid('json')) });
    })
    .post('/:userId/password-link',
      async (c) => {
      await resendSetPasswordLink(deps.auth, c.req.param('userId'));
      return c.body(null, 202);
    });
}
