import { EventNotFoundError, EventStateError } from '../events/event-errors.js';
import { InvitationNotFoundError } from '../invitations/invitation-errors.js';
import { compareVietnameseNames } from '../text/vietnamese.js';
import { localParts } from './official-dates.js';
import type { PapersDeps } from './papers-deps.js';
import { LetterRegisterBusyError } from './papers-errors.js';
import { RegisterBusySignal } from './papers-repository.js';
import type { InvitationLetter } from './papers-settings-schema.js';
import { getPapersSettings } from './get-papers-settings.js';
import { presentLetter, registerSymbol } from './letter-register.js';

/**
 * Numbers the giấy mời of an event's invitees, all of them or those named, in the list's order
 * (Vietnamese name order), from the register of this year and the union's symbol. An invitee who
 * already has a letter keeps its number and date; issuing twice gives nothing new.
 */
export async function issueInvitationLetters(deps: PapersDeps, eventId: string, invitationIds?: string[]): Promise<InvitationLetter[]> {
  const event = await deps.events.findById(eventId);
  if (!event) throw new EventNotFoundError();
  if (event.status === 'cancelled') throw new EventStateError(event.status, { vi: 'cấp giấy mời', en: 'issue invitation letters' });
  const invitations = await deps.invitations.listAllByEvent(eventId);
  const known = new Set(invitations.map((i) => i.invitationId));
  const missing = invitationIds?.find((id) => !known.has(id));
  if (missing) throw new InvitationNotFoundError();
  const wanted = invitationIds ? new Set(invitationIds) : known;
  const ordered = invitations
    .filter((i) => wanted.has(i.invitationId))
    .sort((a, b) => compareVietnameseNames(a.name, b.name))
    .map((i) => i.invitationId);
  if (ordered.length === 0) return [];
  const settings = await getPapersSettings(deps);
  const now = deps.now();
  try {
    const letters = await deps.papers.issueLetters(eventId, ordered, registerSymbol(settings.symbol), localParts(now).year, now.toISOString());
    return letters.map(presentLetter);
  } catch (error) {
    if (error instanceof RegisterBusySignal) throw new LetterRegisterBusyError();
    throw error;
  }
}
