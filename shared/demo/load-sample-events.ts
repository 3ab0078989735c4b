import { localDayFromToday, SAMPLE_MARK, SAMPLE_NOTE, sampleEvents, type SampleEvent, type SampleInvitee } from './sample-events.js';

/** One call to the product's own HTTP API, signed in as the sample-data organiser. */
export type ApiCall = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;

export class SampleDataError extends Error {}

async function expectOk(call: Promise<{ status: number; body: any }>, what: string) {
  const answer = await call;
  if (answer.status >= 300) throw new SampleDataError(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

const titleOf = (sample: SampleEvent) => ({ vi: `${SAMPLE_MARK.vi} ${sample.title.vi}`, en: `${SAMPLE_MARK.en} ${sample.title.en}` });

/**
 * Loads the upcoming sample events through the API an organiser uses (so they go through every
 * rule a real event does): creates, publishes, imports the invitees, sends the invitations (the
 * outbox then mails them), answers on behalf of each invitee as their stage says, checks some in,
 * and for the delegation adds a head and members. An event whose sample title is already among the
 * upcoming events is left alone: loading twice adds nothing. Answers how many events were added.
 */
export async function loadSampleEvents(api: ApiCall, now: Date = new Date()): Promise<number> {
  const upcoming = await expectOk(api('GET', `/api/events?from=${encodeURIComponent(now.toISOString())}&limit=100`), 'list events');
  const known = new Set<string>((upcoming.items as { title: { vi: string } }[]).map((event) => event.title.vi));
  let added = 0;
  for (const sample of sampleEvents) {
    if (known.has(titleOf(sample).vi)) continue;
    await loadOne(api, sample, now);
    added += 1;
  }
  return added;
}

async function loadOne(api: ApiCall, sample: SampleEvent, now: Date) {
  const first = localDayFromToday(sample.inDays, now);
  const last = localDayFromToday(sample.inDays + (sample.days ?? 1) - 1, now);
  const { event } = await expectOk(
    api('POST', '/api/events', {
      type: sample.type,
      title: titleOf(sample),
      description: SAMPLE_NOTE,
      venue: sample.venue,
      startsAt: `${first}T${sample.startTime}:00+07:00`,
      endsAt: `${last}T${sample.endTime}:00+07:00`,
      ...(sample.capacity ? { capacity: sample.capacity } : {}),
      requiresApproval: sample.requiresApproval ?? false,
      openRegistration: sample.openRegistration ?? false,
      contact: sample.contact,
    }),
    'create a sample event',
  );
  const base = `/api/events/${encodeURIComponent(event.eventId)}`;
  await expectOk(api('POST', `${base}/publish`), 'publish');

  if (sample.type === 'delegation') await addDelegation(api, base, sample.invitees);
  else await importInvitees(api, base, sample.invitees);
  await expectOk(api('POST', `${base}/invitations/send`, {}), 'send the invitations');

  const { items } = await expectOk(api('GET', `${base}/invitations?limit=200`), 'list the invitations');
  const idOf = new Map((items as { invitationId: string; email?: string }[]).map((i) => [i.email, i.invitationId]));
  for (const invitee of sample.invitees) {
    const invitationId = idOf.get(invitee.email);
    if (!invitationId || sample.type === 'delegation') continue;
    await answer(api, base, invitationId, invitee);
  }
  if (sample.requiresApproval) {
    // Approved: those meant to be confirmed; the others stay pending.
    const confirmed = sample.invitees.filter((i) => i.stage === 'confirmed' || i.stage === 'checked_in').map((i) => idOf.get(i.email)!);
    if (confirmed.length) await expectOk(api('POST', `${base}/registrations/approve`, { invitationIds: confirmed }), 'approve');
  }
  const checkedIn = sample.invitees.filter((i) => i.stage === 'checked_in');
  if (checkedIn.length) {
    const attendees = await expectOk(api('GET', `${base}/attendees`), 'list the attendees');
    for (const invitee of checkedIn) {
      const attendee = (attendees.items as { registrationId: string; email?: string; name: string }[]).find((a) => a.name === invitee.name);
      if (attendee) await expectOk(api('POST', `${base}/attendees/${encodeURIComponent(attendee.registrationId)}/check-in`), 'check in');
    }
  }
}

async function importInvitees(api: ApiCall, base: string, invitees: SampleInvitee[]) {
  await expectOk(
    api('POST', `${base}/invitations`, {
      invitees: invitees.map(({ stage: _stage, details: _details, ...invitee }) => invitee),
    }),
    'import the invitees',
  );
}

async function answer(api: ApiCall, base: string, invitationId: string, invitee: SampleInvitee) {
  if (invitee.stage === 'not_answered') return;
  const action = invitee.stage === 'declined' ? 'decline' : 'accept';
  await expectOk(
    api('POST', `${base}/registrations/on-behalf/${encodeURIComponent(invitationId)}`, {
      action,
      channel: 'phone',
      ...(action === 'accept' && invitee.details ? { details: invitee.details } : {}),
    }),
    `answer for ${invitee.name}`,
  );
}

/** The head first, then the members under them; the one not yet answered stays a plain invitee. */
async function addDelegation(api: ApiCall, base: string, invitees: SampleInvitee[]) {
  const [head, ...others] = invitees;
  const roleOf: Record<string, string> = { 'Thành viên': 'member', 'Phiên dịch': 'interpreter' };
  const added = await expectOk(
    api('POST', `${base}/delegation/members`, { name: head!.name, email: head!.email, organisation: head!.organisation, position: head!.position, role: 'head' }),
    'add the head of the delegation',
  );
  const headInvitationId = (added.member ?? added).invitationId as string;
  for (const member of others.filter((i) => i.stage !== 'not_answered')) {
    await expectOk(
      api('POST', `${base}/delegation/members`, {
        name: member.name,
        email: member.email,
        organisation: member.organisation,
        role: roleOf[member.details?.delegationRole ?? ''] ?? 'member',
        headInvitationId,
      }),
      `add ${member.name}`,
    );
  }
  await importInvitees(
    api,
    base,
    others.filter((i) => i.stage === 'not_answered'),
  );
}
