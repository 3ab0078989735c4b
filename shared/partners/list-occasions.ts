import type { Occasion } from './partners-repository.js';
import { defaultOccasions } from './occasions.js';
import type { PartnersDeps } from './partners-deps.js';

/** The calendar's table, seeded once with the national days the union greets (occasions.ts). */
export async function listOccasions(deps: Pick<PartnersDeps, 'partners' | 'now'>): Promise<Occasion[]> {
  if (!(await deps.partners.wasSeeded())) {
    const at = deps.now().toISOString();
    for (const occasion of defaultOccasions) await deps.partners.putOccasion({ ...occasion, createdAt: at }, { onlyIfNew: true });
    await deps.partners.markSeeded();
  }
  return deps.partners.listOccasions();
}
