import type { EmailAttachment } from '../email/mailer.js';
import type { StoredEvent } from '../events/events-repository.js';
import type { StoredInvitation } from '../invitations/invitations-repository.js';
import { registerSymbol } from './letter-register.js';
import { localParts } from './official-dates.js';
import type { PapersDeps } from './papers-deps.js';
import { LetterRegisterBusyError } from './papers-errors.js';
import { RegisterBusySignal } from './papers-repository.js';
import { getPapersSettings } from './get-papers-settings.js';
import { issuedByUnit, letterContent, letterFileName, letterTitle } from './print-invitation-letters.js';
import { ROOT_UNIT_ID } from '../units/unit-schema.js';
import { renderInvitationLetters } from './render-invitation-letters.js';

/**
 * The giấy mời an invitation mail carries when its event asks for it (attachInvitationLetter):
 * numbered from the year's register as the mail is sent (an invitee who already has a letter
 * keeps its number, so a resend or a retry carries the same paper), in the invitee's language.
 */
export async function invitationLetterAttachment(
  deps: Pick<PapersDeps, 'papers' | 'now' | 'unitOf'>,
  event: StoredEvent,
  invitation: StoredInvitation,
): Promise<{ reference: string; attachment: EmailAttachment }> {
  const settings = await getPapersSettings(deps);
  const now = deps.now();
  let letter;
  try {
    [letter] = await deps.papers.issueLetters(event.eventId, [invitation.invitationId], registerSymbol(settings.symbol), localParts(now).year, now.toISOString());
  } catch (error) {
    if (error instanceof RegisterBusySignal) throw new LetterRegisterBusyError();
    throw error;
  }
  const content = letterContent(event, invitation, letter!, invitation.language);
  // An association's event: the association issues it, under the union (as the download does).
  const unit = event.unitId && event.unitId !== ROOT_UNIT_ID ? await deps.unitOf?.(event.unitId) : undefined;
  const pdf = await renderInvitationLetters(unit ? issuedByUnit(settings, unit) : settings, [content], letterTitle(event));
  return { reference: content.reference, attachment: { filename: letterFileName(event, invitation.name), contentType: 'application/pdf', content: pdf } };
}
