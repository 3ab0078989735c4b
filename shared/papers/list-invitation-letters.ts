import { EventNotFoundError } from '../events/event-errors.js';
import type { PapersDeps } from './papers-deps.js';
import type { InvitationLetter } from './papers-settings-schema.js';
import { presentLetter } from './letter-register.js';

/** The letters already issued for an event, in number order. */
export async function listInvitationLetters(deps: PapersDeps, eventId: string): Promise<InvitationLetter[]> {
  if (!(await deps.events.findById(eventId))) throw new EventNotFoundError();
  const letters = [...(await deps.papers.lettersOfEvent(eventId)).values()];
  return letters.sort((a, b) => a.year - b.year || a.number - b.number).map(presentLetter);
}
