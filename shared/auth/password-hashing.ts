import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { ServiceBusyError } from '../errors.js';

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

/**
 * scrypt runs on libuv's thread pool (4 threads), which file reads and DNS share: a flood of
 * sign-ins hashing at once held every page of the console for seconds. At most `concurrent`
 * hashes run at once; up to `queued` more wait for a turn, each at most `maxWaitMs`; anything
 * beyond is refused at once with ServiceBusyError (503, Retry-After), costing nothing.
 */
export type HashingBounds = { concurrent: number; queued: number; maxWaitMs: number };
export const DEFAULT_HASHING_BOUNDS: HashingBounds = { concurrent: 2, queued: 16, maxWaitMs: 3_000 };

function boundedTurns(bounds: HashingBounds) {
  let running = 0;
  const waiting: { start: () => void; timer: ReturnType<typeof setTimeout> }[] = [];
  const release = () => {
    running -= 1;
    const next = waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      running += 1;
      next.start();
    }
  };
  return async function inTurn<T>(work: () => Promise<T>): Promise<T> {
    if (running >= bounds.concurrent) {
      if (waiting.length >= bounds.queued) throw new ServiceBusyError(1);
      await new Promise<void>((resolve, reject) => {
        const entry = {
          start: resolve,
          timer: setTimeout(() => {
            waiting.splice(waiting.indexOf(entry), 1);
            reject(new ServiceBusyError(2));
          }, bounds.maxWaitMs),
        };
        waiting.push(entry);
      });
    } else {
      running += 1;
    }
    try {
      return await work();
    } finally {
      release();
    }
  };
}

export type PasswordHasher = {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string | undefined): Promise<boolean>;
};

export function createPasswordHasher(n: number = PRODUCTION_SCRYPT_N, bounds: HashingBounds = DEFAULT_HASHING_BOUNDS): PasswordHasher {
  const inTurn = boundedTurns(bounds);
  const boundedDerive = (password: string, salt: Buffer, cost: number, r: number, p: number) => inTurn(() => derive(password, salt, cost, r, p));
  async function hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await boundedDerive(password, salt, n, R, P);
    return ['scrypt', n, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
  }
  // Verifying against a throwaway hash when the account does not exist keeps the timing the same.
  let unknownAccountHash: Promise<string> | undefined;

  return {
    hash,
    async verify(password, stored) {
      if (stored === undefined) {
        unknownAccountHash ??= hash(randomBytes(16).toString('hex')).catch((error: unknown) => {
          // Refused while busy: the next sign-in makes it.
          unknownAccountHash = undefined;
          throw error;
        });
      }
      const [scheme, sn, sr, sp, salt, expectedHash] = (stored ?? (await unknownAccountHash!)).split('$');
      if (scheme !== 'scrypt' || !sn || !sr || !sp || !salt || !expectedHash) return false;
      const expected = Buffer.from(expectedHash, 'base64url');
      const key = await boundedDerive(password, Buffer.from(salt, 'base64url'), Number(sn), Number(sr), Number(sp));
      return stored !== undefined && key.length === expected.length && timingSafeEqual(key, expected);
    },
  };
}
