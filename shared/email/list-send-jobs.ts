import type { SendJobsRepository } from './send-jobs-repository.js';
import { presentSendJob } from './send-jobs.js';

/** An event's send and remind jobs: how far each has gone (they queue mail in the background). */
export async function listSendJobs(deps: { jobs: Pick<SendJobsRepository, 'listByEvent'> }, eventId: string) {
  return (await deps.jobs.listByEvent(eventId)).map(presentSendJob);
}
