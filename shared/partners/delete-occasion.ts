import { OccasionNotFoundError } from './partners-errors.js';
import type { PartnersDeps } from './partners-deps.js';

export async function deleteOccasion(deps: PartnersDeps, occasionId: string): Promise<void> {
  if (!(await deps.partners.findOccasion(occasionId))) throw new OccasionNotFoundError();
  await deps.partners.deleteOccasion(occasionId);
}
