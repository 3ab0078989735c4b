import type { PartnersDeps } from './partners-deps.js';

/** What erased contacts left behind: counts of invitations, attendance and greetings only. */
export async function readErasedCounts(deps: Pick<PartnersDeps, 'partners'>) {
  return { counts: await deps.partners.erasedCounts() };
}
