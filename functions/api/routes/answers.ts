import { Hono } from 'hono';
import { openInvitation } from '../../../shared/invitations/open-invitation.js';
import type { AppDeps } from '../deps.js';
import type { AppEnv } from '../middleware/session.js';

/**
 * The invitee's side, reached by the personal link `${PUBLIC_URL}/r/<token>` (API.md, "Answering
 * an invitation"). Public: the token is the credential. Accept, decline and withdraw come later.
 */
export function answerRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/:token', async (c) =>
    c.json(await openInvitation(deps.invitations, c.req.param('token'), deps.clientAddress(c))),
  );
}
