import { createHmac } from 'node:crypto';

/**
 * The code on a confirmed person's QR and in their confirmation mail: not the personal link (which
 * opens and changes the answer) but a door code, derived from the server secret so nothing needs
 * storing. 10 characters of Crockford base32 (no I, L, O, U): 50 bits, easy to type when a camera
 * cannot read it.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function createCheckInCodes(secret: string) {
  return {
    codeFor(eventId: string, invitationId: string): string {
      const digest = createHmac('sha256', secret).update(`check-in:${eventId}:${invitationId}`).digest();
      let code = '';
      for (let i = 0; i < 10; i += 1) code += ALPHABET[digest[i]! % 32];
      return code;
    },
  };
}

/** As typed at the door: case, spaces and dashes do not matter; O is 0, I and L are 1. */
export function normalizeCheckInCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export type CheckInCodes = ReturnType<typeof createCheckInCodes>;
