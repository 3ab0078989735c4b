import { listOccasions } from './list-occasions.js';
import type { OccasionInput } from './partner-schema.js';
import { OccasionNotFoundError } from './partners-errors.js';
import type { PartnersDeps } from './partners-deps.js';
import type { Occasion } from './partners-repository.js';

/**
 * Adds an occasion (no id) or replaces one of the table, the seeded national days included. A new
 * national day is `nd-<country>` unless the country has one already; it never replaces another.
 */
export async function saveOccasion(deps: PartnersDeps, occasionId: string | undefined, input: OccasionInput): Promise<Occasion> {
  await listOccasions(deps);
  if (occasionId) {
    const existing = await deps.partners.findOccasion(occasionId);
    if (!existing) throw new OccasionNotFoundError();
    const { tag: _tag, ...kept } = existing;
    const occasion: Occasion = { ...kept, ...input, occasionId, createdAt: existing.createdAt };
    await deps.partners.putOccasion(occasion);
    return occasion;
  }
  const at = deps.now().toISOString();
  const suffix = () => Math.random().toString(36).slice(2, 8);
  const preferred = input.country ? `nd-${input.country.toLowerCase()}` : `day-${input.day}-${suffix()}`;
  for (const id of [preferred, `${preferred}-${suffix()}`, `${preferred}-${suffix()}`]) {
    const occasion: Occasion = { ...input, occasionId: id, createdAt: at };
    if (await deps.partners.putOccasion(occasion, { onlyIfNew: true })) return occasion;
  }
  throw new Error('No free occasion id after three tries');
}
