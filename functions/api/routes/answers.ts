import { Hono } from 'hono';
import { localizeWarnings } from '../../../shared/delegations/passport-data.js';
import { openInvitation } from '../../../shared/invitations/open-invitation.js';
import { acceptInvitation } from '../../../shared/registrations/accept-invitation.js';
import { changeDetails } from '../../../shared/registrations/change-details.js';
import { declineInvitation } from '../../../shared/registrations/decline-invitation.js';
import { withdrawInvitation } from '../../../shared/registrations/withdraw-invitation.js';
import {
  acceptBodySchema,
  changeDetailsBodySchema,
  declineBodySchema,
  withdrawBodySchema,
} from '../../../shared/registrations/registration-schema.js';
import type { AppDeps } from '../deps.js';
import { requestLanguage } from '../language.js';
import type { AppEnv } from '../middleware/session.js';
import { jsonBody } from '../validation.js';

/**
 * The invitee's side, reached by the personal link `${PUBLIC_URL}/r/<token>` (docs/api/API.md, "Answering
 * an invitation"). Public: the token is the credential, and only misses count towards a limit.
 */
export function answerRoutes(deps: AppDeps) {
  /** Passport warnings (shared/delegations/passport-data.ts) in the reader's language. */
  const localized = <T extends { warnings?: Parameters<typeof localizeWarnings>[0] }>(answer: T, c: Parameters<typeof requestLanguage>[0]) =>
    answer.warnings ? { ...answer, warnings: localizeWarnings(answer.warnings, requestLanguage(c)) } : answer;
  return new Hono<AppEnv>()
    .get('/:token',
      async (c) => c.json(await openInvitation(deps.invitations, c.req.param('token'), deps.clientAddress(c))))
    .post('/:token/accept',
      jsonBody(acceptBodySchema), async (c) => {
      const body = c.req.valid('json');
      return c.json(localized(await acceptInvitation(deps.registrations, c.req.param('token'), deps.clientAddress(c), body.details, body.consent), c));
    })
    // Open registration: the person confirms their address from the mailed link, which accepts
    // with the details they registered with.
    .post('/:token/confirm-email',
      jsonBody(withdrawBodySchema), async (c) =>
      c.json(localized(await acceptInvitation(deps.registrations, c.req.param('token'), deps.clientAddress(c)), c)),
    )
    .patch('/:token',
      jsonBody(changeDetailsBodySchema), async (c) => {
      const body = c.req.valid('json');
      return c.json(localized(await changeDetails(deps.registrations, c.req.param('token'), deps.clientAddress(c), body.details, body.consent), c));
    })
    .post('/:token/decline',
      jsonBody(declineBodySchema), async (c) =>
      c.json(await declineInvitation(deps.registrations, c.req.param('token'), deps.clientAddress(c), c.req.valid('json').reason)),
    )
    .post('/:token/withdraw',
      jsonBody(withdrawBodySchema), async (c) =>
      c.json(await withdrawInvitation(deps.registrations, c.req.param('token'), deps.clientAddress(c))),
    );
}
