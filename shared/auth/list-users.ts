import type { Page, PageRequest } from '../db/pagination.js';
import type { User } from './auth-schema.js';
import type { AuthDeps } from './auth-deps.js';
import { publicUser } from './public-user.js';

export async function listUsers(deps: AuthDeps, page: PageRequest): Promise<Page<User>> {
  const result = await deps.users.listByEmail(page);
  return { items: result.items.map(publicUser), nextCursor: result.nextCursor };
}
