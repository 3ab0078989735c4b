import { EventNotFoundError, EventStateError } from '../events/event-errors.js';
import type { Language } from '../errors.js';
import { addInviteesAction, findOpenEventOrFail } from './find-open-event.js';
import { inviteeSchema, type ImportDuplicate, type ImportError, type ImportResult, type Invitee } from './invitation-schema.js';
import type { InvitationsDeps } from './invitations-deps.js';
import { addressGuardOf, EventNotOpenSignal, type NewInvitation } from './invitations-repository.js';
import { describeInviteeIssues } from './invitee-problems.js';

/** One entry of a list to import: a CSV row (with the row number the spreadsheet shows) or a JSON item. */
export type InviteeRow = { row?: number; input: unknown };

export type ImportInviteesInput = {
  eventId: string;
  rows: InviteeRow[];
  /** The language of the messages in the answer. */
  language: Language;
  /** Check and report what an import would do, writing nothing. */
  preview?: boolean;
};

const notSavedText = {
  vi: 'Chưa lưu được dòng này vì hệ thống đang bận. Hãy nhập lại danh sách: các dòng đã lưu sẽ được báo là trùng.',
  en: 'This row could not be saved because the system was busy. Import the list again: rows already saved will show as duplicates.',
};

type Candidate = NewInvitation & { row?: number; guard: string };

/**
 * Adds invitees to an event. Every row is checked on its own: bad rows and duplicates (within the
 * list, or already invited) are reported with their row number and the good rows are kept. The
 * same list imported again creates nothing. One invitation per address is kept by conditional
 * writes, so two imports running at once still create each invitation once.
 */
export async function importInvitees(deps: InvitationsDeps, input: ImportInviteesInput): Promise<ImportResult> {
  await findOpenEventOrFail(deps.events, input.eventId);
  const now = deps.now().toISOString();
  const errors: ImportError[] = [];
  const valid: { row?: number; invitee: Invitee }[] = [];
  for (const { row, input: raw } of input.rows) {
    const parsed = inviteeSchema.safeParse(raw);
    if (parsed.success) valid.push({ row, invitee: parsed.data });
    else {
      for (const problem of describeInviteeIssues(parsed.error.issues, raw, input.language)) {
        errors.push({ ...(row !== undefined ? { row } : {}), ...problem });
      }
    }
  }
  const candidates = valid.map(({ row, invitee }) => toCandidate(input.eventId, invitee, now, row));
  return addCandidates(deps, input.eventId, candidates, errors, input);
}

export function toCandidate(eventId: string, invitee: Invitee, now: string, row?: number): Candidate {
  return {
    row,
    guard: addressGuardOf(invitee),
    eventId,
    name: invitee.name,
    email: invitee.email,
    phone: invitee.phone,
    organisation: invitee.organisation,
    position: invitee.position,
    language: invitee.language ?? 'vi',
    group: invitee.group,
    salutation: invitee.salutation,
    emailStatus: 'not_sent',
    response: 'none',
    createdAt: now,
    updatedAt: now,
  };
}

const duplicateOf = (candidate: Candidate, reason: ImportDuplicate['reason']): ImportDuplicate => ({
  ...(candidate.row !== undefined ? { row: candidate.row } : {}),
  ...(candidate.email ? { email: candidate.email } : { phone: candidate.phone }),
  reason,
});

const byRow = (a: { row?: number }, b: { row?: number }) => (a.row ?? 0) - (b.row ?? 0);

/** Shared by import and copy: set duplicates aside, then write the rest (unless previewing). */
export async function addCandidates(
  deps: InvitationsDeps,
  eventId: string,
  candidates: Candidate[],
  errors: ImportError[],
  options: { language: Language; preview?: boolean },
): Promise<ImportResult> {
  const duplicates: ImportDuplicate[] = [];
  const firstByGuard = new Map<string, Candidate>();
  for (const candidate of candidates) {
    if (firstByGuard.has(candidate.guard)) duplicates.push(duplicateOf(candidate, 'in_list'));
    else firstByGuard.set(candidate.guard, candidate);
  }
  const taken = await deps.invitations.findTakenAddresses(eventId, [...firstByGuard.keys()]);
  const toCreate: Candidate[] = [];
  for (const candidate of firstByGuard.values()) {
    if (taken.has(candidate.guard)) duplicates.push(duplicateOf(candidate, 'already_invited'));
    else toCreate.push(candidate);
  }

  if (options.preview) {
    return { created: toCreate.length, duplicates: duplicates.sort(byRow), errors: errors.sort(byRow), preview: true };
  }

  let outcome;
  try {
    outcome = await deps.invitations.insertInvitations(eventId, toCreate.map(withoutImportFields));
  } catch (error) {
    if (!(error instanceof EventNotOpenSignal)) throw error;
    // Cancelled or closed while importing: what was written before stays, and is counted.
    const event = await deps.events.findById(eventId);
    if (!event) throw new EventNotFoundError();
    throw new EventStateError(event.status, addInviteesAction);
  }
  const candidateOf = new Map(toCreate.map((c) => [c.guard, c]));
  for (const invitation of outcome.duplicates) duplicates.push(duplicateOf(candidateOf.get(addressGuardOf(invitation))!, 'already_invited'));
  for (const invitation of outcome.failed) {
    const candidate = candidateOf.get(addressGuardOf(invitation))!;
    errors.push({ ...(candidate.row !== undefined ? { row: candidate.row } : {}), message: notSavedText[options.language] });
  }
  return { created: outcome.created.length, duplicates: duplicates.sort(byRow), errors: errors.sort(byRow) };
}

function withoutImportFields(candidate: Candidate): NewInvitation {
  const { row: _row, guard: _guard, ...invitation } = candidate;
  return invitation;
}
