import type { StoredLetter } from './papers-repository.js';
import type { InvitationLetter } from './papers-settings-schema.js';

/** A giấy mời's number and symbol as printed: "12/GM-LHHN". */
export function presentLetter(letter: StoredLetter): InvitationLetter {
  return {
    invitationId: letter.invitationId,
    number: letter.number,
    year: letter.year,
    symbol: letter.symbol,
    reference: `${letter.number}/${letter.symbol}`,
    issuedAt: letter.issuedAt,
  };
}

/** The kind of paper in the register's symbol: GM is giấy mời (Decree 30, Appendix III). */
export const registerSymbol = (issuerSymbol: string) => `GM-${issuerSymbol}`;
