import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt, stored as `scrypt$N$r$p$salt$hash` so the cost can rise later without breaking old
 * hashes. The product uses OWASP's parameters (N=2^17, r=8, p=1: about 0.4 s and 128 MiB here);
 * tests pass a lower N to stay fast, and any stored hash verifies with its own parameters.
 */
export const PRODUCTION_SCRYPT_N = 2 ** 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEMORY = 256 * 1024 * 1024;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N: n, r, p, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export type PasswordHasher = {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string | undefined): Promise<boolean>;
};

export function createPasswordHasher(n: number = PRODUCTION_SCRYPT_N): PasswordHasher {
  async function hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await derive(password, salt, n, R, P);
    return ['scrypt', n, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
  }
  // Verifying against a throwaway hash when the account does not exist keeps the timing the same.
  let unknownAccountHash: Promise<string> | undefined;

  return {
    hash,
    async verify(password, stored) {
      unknownAccountHash ??= hash(randomBytes(16).toString('hex'));
      const [scheme, sn, sr, sp, salt, expectedHash] = (stored ?? (await unknownAccountHash)).split('$');
      if (scheme !== 'scrypt' || !sn || !sr || !sp || !salt || !expectedHash) return false;
      const expected = Buffer.from(expectedHash, 'base64url');
      const key = await derive(password, Buffer.from(salt, 'base64url'), Number(sn), Number(sr), Number(sp));
      return stored !== undefined && key.length === expected.length && timingSafeEqual(key, expected);
    },
  };
}
