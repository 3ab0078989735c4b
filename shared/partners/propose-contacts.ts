import type { StoredInvitation } from '../invitations/invitations-repository.js';
import { compareVietnameseNames, normalizeText } from '../text/vietnamese.js';
import type { PartnersDeps } from './partners-deps.js';

/**
 * Filling the directory from what exists: the people of past invitation lists, grouped where they
 * are the same person (same email or phone, or the same NFC name at the same organisation), for
 * the organiser to accept (one contact per group), merge or keep apart. Invitations already linked
 * to a contact are left out.
 */
export type ProposalMember = {
  eventId: string;
  eventTitle: string;
  invitationId: string;
  name: string;
  email?: string;
  phone?: string;
  organisation?: string;
  position?: string;
};
export type Proposal = { name: string; organisation?: string; members: ProposalMember[]; reasons: ('email' | 'phone' | 'name_and_organisation')[] };

/** The same NFC name at the same organisation, case ignored: the weakest of the three signs. */
const nameKey = (i: Pick<StoredInvitation, 'name' | 'organisation'>) =>
  i.organisation ? `${normalizeText(i.name).toLocaleLowerCase('vi')}|${normalizeText(i.organisation).toLocaleLowerCase('vi')}` : undefined;

export async function proposeContacts(deps: PartnersDeps, input: { eventIds?: string[]; limitEvents?: number }): Promise<{ proposals: Proposal[]; events: { eventId: string; title: string }[] }> {
  const { events, invitations } = deps.invitationsDeps;
  let chosen: { eventId: string; title: string }[];
  if (input.eventIds?.length) {
    const found = await Promise.all(input.eventIds.map((id) => events.findById(id)));
    chosen = found.filter((e) => e !== undefined).map((e) => ({ eventId: e.eventId, title: e.title.vi }));
  } else {
    // The most recent events that are over: last year's lists are where this year's partners are.
    const page = await events.listByStart({ limit: input.limitEvents ?? 20, endsBefore: deps.now().toISOString(), descending: true });
    chosen = page.items.map((e) => ({ eventId: e.eventId, title: e.title.vi }));
  }
  const people: ProposalMember[] = [];
  for (const event of chosen) {
    const list = (await invitations.listAllByEvent(event.eventId)).filter((i) => !(i as { walkIn?: boolean }).walkIn);
    const links = await deps.partners.findInvitationLinks(list.map((i) => ({ eventId: event.eventId, invitationId: i.invitationId })));
    for (const i of list) {
      if (links.has(`${event.eventId}#${i.invitationId}`)) continue;
      people.push({ eventId: event.eventId, eventTitle: event.title, invitationId: i.invitationId, name: i.name, email: i.email, phone: i.phone, organisation: i.organisation, position: i.position });
    }
  }
  // Union-find over the three signs.
  const parent = people.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const reasons = new Map<number, Set<Proposal['reasons'][number]>>();
  const join = (a: number, b: number, reason: Proposal['reasons'][number]) => {
    const [ra, rb] = [find(a), find(b)];
    const merged = new Set([...(reasons.get(ra) ?? []), ...(reasons.get(rb) ?? []), reason]);
    if (ra !== rb) parent[rb] = ra;
    reasons.set(ra, merged);
  };
  const seen = new Map<string, number>();
  people.forEach((p, i) => {
    for (const [key, reason] of [
      [p.email ? `e:${p.email}` : undefined, 'email'],
      [p.phone ? `p:${p.phone}` : undefined, 'phone'],
      [nameKey(p) ? `n:${nameKey(p)}` : undefined, 'name_and_organisation'],
    ] as const) {
      if (!key) continue;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else join(first, i, reason);
    }
  });
  const groups = new Map<number, ProposalMember[]>();
  people.forEach((p, i) => {
    groups.set(find(i), [...(groups.get(find(i)) ?? []), p]);
  });
  const proposals = [...groups.entries()].map(([root, members]) => ({
    name: members[0]!.name,
    organisation: members.find((m) => m.organisation)?.organisation,
    members,
    reasons: [...(reasons.get(root) ?? [])],
  }));
  proposals.sort((a, b) => compareVietnameseNames(a.name, b.name));
  return { proposals, events: chosen };
}
