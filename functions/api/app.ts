import { Hono, type MiddlewareHandler } from 'hono';
import { CSP_DIRECTIVES, FRAME_OPTIONS, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY } from '../../shared/http/security-headers.js';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import { PayloadTooLargeError } from '../../shared/errors.js';
import { withRequestId } from '../../shared/logging/logger.js';
import type { AppDeps } from './deps.js';
import { errorResponse, notFoundResponse } from './errors.js';
import { sameOriginWrites } from './middleware/same-origin.js';
import { authenticate, type AppEnv } from './middleware/session.js';
import { apiReferenceRoutes } from './routes/api-reference.js';
import { attendeeRoutes } from './routes/attendees.js';
import { authRoutes } from './routes/auth.js';
import { delegationHeadRoutes, delegationRoutes, personalDataLogRoutes } from './routes/delegations.js';
import { openRegistrationRoutes } from './routes/open-registration.js';
import { eventRoutes } from './routes/events.js';
import { eventMailRoutes } from './routes/event-mail.js';
import { healthRoutes } from './routes/health.js';
import { invitationRoutes } from './routes/invitations.js';
import { answerRoutes } from './routes/answers.js';
import { letterRoutes, papersSettingsRoutes, reportRoutes } from './routes/papers.js';
import { contactRoutes, directoryInvitationRoutes, greetingRoutes, occasionRoutes, organisationRoutes } from './routes/partners.js';
import { registrationRoutes } from './routes/registrations.js';
import { userRoutes } from './routes/users.js';
import { unitRoutes } from './routes/units.js';
import { scopeEventRoutesToUnits } from './middleware/unit-scope.js';
import { webPageRoutes } from './routes/web-pages.js';

/** JSON bodies are small; a larger one is refused before it is read whole. */
export const JSON_BODY_LIMIT_BYTES = 256 * 1024;

/**
 * The routes that take more. An invitee list uploaded as CSV: 5,000 rows are about 1 MB; 4 MB
 * stays inside Lambda's 6 MB request payload even if the body arrives base64-encoded.
 */
export const LARGER_BODY_LIMITS: { method: string; path: RegExp; maxSize: number }[] = [
  { method: 'POST', path: /^\/api\/events\/[^/]+\/invitations$/, maxSize: 4 * 1024 * 1024 },
  { method: 'POST', path: /^\/api\/contacts\/import$/, maxSize: 4 * 1024 * 1024 },
];

function limitBody(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new PayloadTooLargeError(maxSize);
    },
  });
}

/**
 * No id, token or name in a path is longer than this; a longer segment names nothing, and would
 * pass DynamoDB's key size (2 KB) if it reached the table.
 */
export const MAX_PATH_SEGMENT_LENGTH = 256;

const refuseOverlongIds: MiddlewareHandler = async (c, next) => {
  if (c.req.path.split('/').some((segment) => segment.length > MAX_PATH_SEGMENT_LENGTH)) return notFoundResponse(c);
  await next();
};

/**
 * The one Hono app: the same object runs under @hono/node-server locally and hono/aws-lambda in
 * the cloud. Every dependency comes in through `deps`.
 */
/** What hono/aws-lambda hands the app as its environment. */
type LambdaEnv = { lambdaContext?: { awsRequestId?: string } };

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.onError(errorResponse);
  app.notFound(notFoundResponse);
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: Object.fromEntries(Object.entries(CSP_DIRECTIVES).map(([name, sources]) => [name, [...sources]])),
      strictTransportSecurity: deps.cookies.secure ? STRICT_TRANSPORT_SECURITY : false,
      xFrameOptions: FRAME_OPTIONS,
      referrerPolicy: REFERRER_POLICY,
    }),
  );
  // JSON answers gzipped when the client accepts it (an event's invitation list is 10× smaller);
  // exports (CSV, XLSX) and anything streamed go as they are. Under hono/aws-lambda a gzipped body
  // is returned base64-encoded, which API Gateway decodes: the same bytes reach the browser.
  app.use('/api/*', compress({ encoding: 'gzip', contentTypeFilter: /^application\/json\b/ }));
  app.use('/api/*', sameOriginWrites(deps.auth.publicUrl));
  app.use('/api/*', refuseOverlongIds);
  const defaultBodyLimit = limitBody(JSON_BODY_LIMIT_BYTES);
  const largerBodyLimits = LARGER_BODY_LIMITS.map((rule) => ({ ...rule, limit: limitBody(rule.maxSize) }));
  app.use('/api/*', (c, next) => {
    const rule = largerBodyLimits.find((r) => r.method === c.req.method && r.path.test(c.req.path));
    return (rule?.limit ?? defaultBodyLimit)(c, next);
  });
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  // Every log line of a request names it: the Lambda's request id in the cloud, a new one locally.
  app.use('/api/*', (c, next) => withRequestId((c.env as LambdaEnv | undefined)?.lambdaContext?.awsRequestId ?? crypto.randomUUID(), next));
  app.use('/api/*', authenticate(deps));
  // One place for every event's routes: another unit's event is not found (middleware/unit-scope.ts).
  const scope = scopeEventRoutesToUnits(deps);
  app.use('/api/events/:eventId', scope);
  app.use('/api/events/:eventId/*', scope);

  app.route('/api', apiReferenceRoutes(() => app.routes));
  app.route('/api/health', healthRoutes(deps));
  app.route('/api/auth', authRoutes(deps));
  app.route('/api/users', userRoutes(deps));
  app.route('/api/units', unitRoutes(deps));
  app.route('/api/events', eventRoutes(deps));
  app.route('/api/events/:eventId/invitations/from-directory', directoryInvitationRoutes(deps));
  app.route('/api/events/:eventId/invitations', invitationRoutes(deps));
  app.route('/api/events/:eventId/registrations', registrationRoutes(deps));
  app.route('/api/events/:eventId/attendees', attendeeRoutes(deps));
  app.route('/api/events/:eventId/delegation', delegationRoutes(deps));
  app.route('/api/events/:eventId/personal-data-log', personalDataLogRoutes(deps));
  app.route('/api/events/:eventId/letters', letterRoutes(deps));
  app.route('/api/events/:eventId', openRegistrationRoutes(deps));
  app.route('/api/events/:eventId', eventMailRoutes(deps));
  app.route('/api/papers', papersSettingsRoutes(deps));
  app.route('/api/reports', reportRoutes(deps));
  app.route('/api/organisations', organisationRoutes(deps));
  app.route('/api/contacts', contactRoutes(deps));
  app.route('/api/occasions', occasionRoutes(deps));
  app.route('/api/greetings', greetingRoutes(deps));
  app.route('/api/r', answerRoutes(deps));
  app.route('/api/r/:token/delegation', delegationHeadRoutes(deps));
  if (deps.webRoot) app.route('/', webPageRoutes(deps.webRoot));
  return app;
}

export type App = ReturnType<typeof createApp>;
