import { createDocumentClient } from '../../shared/aws/dynamodb-client.js';
import { createPersonalDataLog } from '../../shared/attendees/personal-data-reads-repository.js';
import { passportRetentionDaysSetting } from '../../shared/config.js';
import { createDelegationRepository } from '../../shared/delegations/delegation-repository.js';
import type { PassportPurgeDeps } from '../../shared/delegations/delegations-deps.js';
import { purgeExpiredPassportData, type PurgeResult } from '../../shared/delegations/purge-passport-data.js';
import { parseLambdaEnv, tableSettings } from '../mail/lambda-env.js';
import { log, withRequestId } from '../../shared/logging/logger.js';

/**
 * The purge of delegations' passport data after their trips (shared/delegations/purge-passport-data.ts).
 * Locally functions/local/start.ts runs it at start-up and daily; in the cloud this module is a
 * Lambda an EventBridge rule invokes daily (infra/api-stack.ts), with the table and nothing else:
 * no PUBLIC_URL, no LINK_SECRET, so it reads only the settings it uses. A failure is logged and never throws into the
 * local server; the Lambda rethrows so the schedule's retry and alarms see it.
 */
export async function runPassportPurge(deps: PassportPurgeDeps, now = new Date()): Promise<PurgeResult | undefined> {
  try {
    const result = await purgeExpiredPassportData(deps, now);
    if (result.purged.length > 0) {
      log.info('passport data purged', { events: result.purged });
    }
    return result;
  } catch (error) {
    log.error('passport data purge failed', { error });
    return undefined;
  }
}

let cloudDeps: PassportPurgeDeps | undefined;
function depsFromEnvironment(): PassportPurgeDeps {
  if (!cloudDeps) {
    // Read once per cold start, as the API does.
    const env = parseLambdaEnv({ ...tableSettings, PASSPORT_RETENTION_DAYS: passportRetentionDaysSetting }, process.env);
    const db = createDocumentClient({ region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT });
    cloudDeps = {
      delegations: createDelegationRepository(db, env.TABLE_NAME),
      personalDataLog: createPersonalDataLog(db, env.TABLE_NAME),
      passportRetentionDays: env.PASSPORT_RETENTION_DAYS,
    };
  }
  return cloudDeps;
}

export async function handler(_event?: unknown, context?: { awsRequestId?: string }): Promise<PurgeResult> {
  return withRequestId(context?.awsRequestId, async () => {
    const result = await purgeExpiredPassportData(depsFromEnvironment(), new Date());
    log.info('passport data purge', { events: result.purged });
    return result;
  });
}
