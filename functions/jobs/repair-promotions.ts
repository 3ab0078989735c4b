import { createDocumentClient } from '../../shared/aws/dynamodb-client.js';
import { createInvitationReader } from '../../shared/invitations/invitations-repository.js';
import { repairPromotions } from '../../shared/registrations/promote-from-waitlist.js';
import type { PromotionDeps } from '../../shared/registrations/registrations-deps.js';
import { createRegistrationsRepository } from '../../shared/registrations/registrations-repository.js';
import { parseLambdaEnv, tableSettings } from '../mail/lambda-env.js';
import { log, withRequestId } from '../../shared/logging/logger.js';

/**
 * The waiting list's repair sweep in the cloud. When a seat is freed the API promotes the head of
 * the waiting list at once; if that run cannot finish (other answers holding the event's tally
 * past its patience, the function stopped half-way), the event keeps its "promotion due" mark.
 * EventBridge invokes this handler every few minutes (infra/api-stack.ts) to find the marks and
 * finish the work, as npm start does every minute locally (functions/local/start.ts). It is given
 * the table and nothing else: no link secret, no public URL, no mail (the 'promoted' notice is
 * queued in the outbox, which the mail pipeline sends).
 *
 * A run that finds no mark costs one Query. An event whose run failed keeps its mark for the next
 * run, and the handler then throws, so the failure reaches the failures queue and its alarm.
 */
let cloudDeps: PromotionDeps | undefined;
function depsFromEnvironment(): PromotionDeps {
  if (!cloudDeps) {
    // Read once per cold start, as the API does.
    const env = parseLambdaEnv(tableSettings, process.env);
    const db = createDocumentClient({ region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT });
    cloudDeps = {
      registrations: createRegistrationsRepository(db, env.TABLE_NAME),
      invitations: createInvitationReader(db, env.TABLE_NAME),
      now: () => new Date(),
    };
  }
  return cloudDeps;
}

export class PromotionSweepFailed extends Error {
  constructor(readonly eventIds: string[]) {
    super(`the promotion sweep failed for ${eventIds.length} event(s): ${eventIds.join(', ')}`);
    this.name = 'PromotionSweepFailed';
  }
}

export async function handler(_event?: unknown, context?: { awsRequestId?: string }): Promise<{ promoted: number }> {
  return withRequestId(context?.awsRequestId, async () => {
    const { promoted, failed } = await repairPromotions(depsFromEnvironment());
    if (promoted > 0) log.info('waiting list promoted by the sweep', { promoted });
    if (failed.length > 0) throw new PromotionSweepFailed(failed);
    return { promoted };
  });
}
