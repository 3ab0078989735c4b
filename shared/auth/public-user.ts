import type { User } from './auth-schema.js';
import type { StoredUser } from './users-repository.js';
import { membershipsOf } from '../units/unit-access.js';

/** A user as the API shows it: never the password hash, nor the session bookkeeping. */
export function publicUser(user: StoredUser): User {
  const { passwordHash: _hash, sessionGeneration: _generation, ...visible } = user;
  return { ...visible, memberships: membershipsOf(user) };
}
