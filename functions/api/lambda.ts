import { handle } from 'hono/aws-lambda';
import { createDocumentClient } from '../../shared/aws/dynamodb-client.js';
import { loadSesClient } from '../../shared/aws/ses-client-config.js';
import { ensureFirstAdmin } from '../../shared/auth/ensure-first-admin.js';
import { upgradeToUnits } from '../../shared/units/upgrade-to-units.js';
import { parseConfig } from '../../shared/config.js';
import { createSweeperWake } from '../mail/wake-sweeper.js';
import { createApp } from './app.js';
import { buildDeps } from './deps.js';
import { cameThroughCloudFront, NOT_THROUGH_CLOUDFRONT } from './origin-check.js';
import { lambdaClientAddress } from './viewer-address.js';
import { log } from '../../shared/logging/logger.js';

// Read once at cold start: a bad setting fails the first request loudly, not each one subtly.
const config = parseConfig(process.env);
// Queued mail goes at once: the API wakes the outbox sweeper instead of leaving it to its next minute.
const sweeper = createSweeperWake({ functionName: process.env.SWEEPER_FUNCTION_NAME, region: config.region });
const deps = buildDeps(
  config,
  {
    db: createDocumentClient({ region: config.region, endpoint: config.dynamodbEndpoint }),
    // The SES client is loaded with the first mail (a set-password link), not at every cold start.
    ses: loadSesClient({ region: config.region, endpoint: config.sesEndpoint }),
  },
  { clientAddress: lambdaClientAddress, afterQueued: sweeper.afterQueued },
);
const app = handle(createApp(deps));

/**
 * The first admin (ADMIN_EMAIL) is created by the first request of the first cold start, and gets
 * a set-password link by email; while that admin has no password, each cold start mails a new link
 * if none went out or the last expired (SES is often not ready at first). Without SES the operator
 * prints a link instead: `npm run admin -- --stage <name> reset <email>`.
 */
let bootstrap: Promise<void> | undefined;
function bootstrapOnce(): Promise<void> {
  const admin = config.admin;
  bootstrap ??= (admin ? ensureFirstAdmin(deps.auth, admin, 'email-link') : Promise.resolve())
    // Data made before units becomes the union's, once; conditions keep concurrent cold starts safe.
    .then(() => upgradeToUnits({ ...deps.units, events: deps.events.events, users: deps.auth.users }))
    .then(
      () => undefined,
      (error: unknown) => {
        bootstrap = undefined;
        log.error('first admin or units upgrade not done; the next request tries again', { error });
      },
    );
  return bootstrap;
}

// CloudFront's origin secret (infra/web-stack.ts): only requests that came through it are served.
const originSecret = process.env.ORIGIN_SECRET;

export const handler: typeof app = async (...args) => {
  const [event] = args;
  if (!cameThroughCloudFront((event as { headers?: Record<string, string | undefined> }).headers, originSecret)) {
    return NOT_THROUGH_CLOUDFRONT as Awaited<ReturnType<typeof app>>;
  }
  await bootstrapOnce();
  try {
    return await app(...args);
  } finally {
    // A function is frozen once it answers: the wake must have left by then.
    await sweeper.settled();
  }
};
