import { Hono } from 'hono';
import { openInvitation } from '../../../shared/invitations/open-invitation.js';
import {
  acceptInvitation,
  changeDetails,
  declineInvitation,
  withdrawInvitation,
} from '../../../shared/registrations/answer-invitation.js';
import {
  acceptBodySchema,
  changeDetailsBodySchema,
  declineBodySchema,
  withdrawBodySchema,
} from '../../../shared/registrations/registration-schema.js';
import type { AppDeps } from '../deps.js';
import type { AppEnv } from '../middleware/session.js';
import { jsonBody } from '../validation.js';

/**
 * The invitee's side, reached by the personal link `${PUBLIC_URL}/r/<token>` (API.md, "Answering
 * an invitation"). Public: the token is the credential, and only misses count towards a limit.
 */
export function answerRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/:token', async (c) => c.json(await openInvitation(deps.invitations, c.req.param('token'), deps.clientAddress(c))))
    .post('/:token/accept', jsonBody(acceptBodySchema), async (c) =>
      c.json(await acceptInvitation(deps.registrations, c.req.param('token'), deps.clientAddress(c), c.req.valid('json').details)),
    )
    .patch('/:token', jsonBody(changeDetailsBodySchema), async (c) =>
      c.json(await changeDetails(deps.registrations, c.req.param('token'), deps.clientAddress(c), c.req.valid('json').details)),
    )
    .post('/:token/decline', jsonBody(declineBodySchema), async (c) =>
      c.json(await declineInvitation(deps.registrations, c.req.param('token'), deps.clientAddress(c), c.req.valid('json').reason)),
    )
    .post('/:token/withdraw', jsonBody(withdrawBodySchema), async (c) =>
      c.json(await withdrawInvitation(deps.registrations, c.req.param('token'), deps.clientAddress(c))),
    );
}
