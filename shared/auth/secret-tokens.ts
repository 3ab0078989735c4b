import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Secrets handed to a person (session cookies, set-password links, later invitation links):
 * 256 random bits, URL-safe. Only their SHA-256 is stored, so a copy of the table opens nothing.
 */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/**
 * Whether a secret someone gave is the expected one, compared in constant time over SHA-256
 * digests of equal length, so neither where the two differ nor their lengths leak through timing.
 */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function newId(): string {
  return randomBytes(12).toString('base64url');
}
