import { EventNotFoundError } from '../events/event-errors.js';
import type { StoredEvent } from '../events/events-repository.js';
import type { StoredInvitation } from '../invitations/invitations-repository.js';
import { slugOf } from '../text/file-name.js';
import { compareVietnameseNames } from '../text/vietnamese.js';
import { toLocalIso } from '../time/ho-chi-minh.js';
import { salutationWord } from '../invitations/salutations.js';
import type { PapersDeps } from './papers-deps.js';
import { LetterNotIssuedError } from './papers-errors.js';
import type { StoredLetter } from './papers-repository.js';
import { getPapersSettings } from './get-papers-settings.js';
import type { PapersSettings } from './papers-settings-schema.js';
import { ROOT_UNIT_ID, type Unit } from '../units/unit-schema.js';
import { renderInvitationLetters, type LetterContent } from './render-invitation-letters.js';

export type PrintedLetters = { pdf: Uint8Array; fileName: string };

export function letterContent(event: StoredEvent, invitation: StoredInvitation, letter: StoredLetter, language: 'vi' | 'en'): LetterContent {
  return {
    language,
    reference: `${letter.number}/${letter.symbol}`,
    issuedAt: letter.issuedAt,
    invitee: {
      name: invitation.name,
      // The same form of address as the invitation mail and the participant page.
      salutation: salutationWord(invitation.salutation, language, event.addressForm) || undefined,
      position: invitation.position,
      organisation: invitation.organisation,
    },
    event: {
      title: (language === 'en' ? event.title.en : undefined) ?? event.title.vi,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      venue: event.venue,
      agenda: (language === 'en' ? event.agenda?.en : undefined) ?? event.agenda?.vi,
      contact: event.contact,
    },
  };
}

/**
 * An association's or club's letter: the unit is the issuing body, the union the body above it
 * (Decree 30's heading: the parent body over the issuer), as the association works under the union.
 */
export function issuedByUnit(settings: PapersSettings, unit: Unit): PapersSettings {
  const name = { vi: unit.name.vi, en: unit.name.en || unit.name.vi };
  return { ...settings, parentBody: settings.issuer, issuer: name, issuerInSentence: name };
}

/**
 * The issued giấy mời of an event as one PDF, one page each, in the list's order (Vietnamese
 * name order), or one invitee's. Each letter is in its invitee's language unless one is asked
 * for. Printing never numbers: a letter not yet issued is refused, so a GET changes nothing.
 */
export async function printInvitationLetters(
  deps: PapersDeps,
  eventId: string,
  options: { invitationId?: string; language?: 'vi' | 'en' },
): Promise<PrintedLetters> {
  const event = await deps.events.findById(eventId);
  if (!event) throw new EventNotFoundError();
  const [letters, invitations, settings] = await Promise.all([deps.papers.lettersOfEvent(eventId), deps.invitations.listAllByEvent(eventId), getPapersSettings(deps)]);
  const chosen = invitations
    .filter((i) => letters.has(i.invitationId) && (!options.invitationId || i.invitationId === options.invitationId))
    .sort((a, b) => compareVietnameseNames(a.name, b.name));
  if (chosen.length === 0) throw new LetterNotIssuedError();
  const unit = event.unitId && event.unitId !== ROOT_UNIT_ID ? await deps.unitOf?.(event.unitId) : undefined;
  const contents = chosen.map((invitation) => letterContent(event, invitation, letters.get(invitation.invitationId)!, options.language ?? invitation.language));
  const pdf = await renderInvitationLetters(unit ? issuedByUnit(settings, unit) : settings, contents, letterTitle(event));
  return { pdf, fileName: letterFileName(event, options.invitationId ? chosen[0]!.name : undefined) };
}

/** The PDF's title: what a reader's window shows. */
export const letterTitle = (event: StoredEvent) => `Giấy mời – ${event.title.vi}`;

/** giay-moi-<event>-<date>[-<invitee>].pdf, the same for a download and a mail's attachment. */
export function letterFileName(event: StoredEvent, inviteeName?: string): string {
  const date = toLocalIso(event.startsAt).slice(0, 10);
  return `giay-moi-${slugOf(event.title.vi, 80)}-${date}${inviteeName ? `-${slugOf(inviteeName)}` : ''}.pdf`;
}
