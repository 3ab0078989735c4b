import { Hono, type Context } from 'hono';
import {
  delegationSettingsSchema,
  headAddMemberSchema,
  headUpdateMemberSchema,
  organiserAddMemberSchema,
  organiserUpdateMemberSchema,
  protocolOrderSchema,
} from '../../../shared/delegations/delegation-schema.js';
import type { MemberResult } from '../../../shared/delegations/delegation-members.js';
import { localizeWarnings } from '../../../shared/delegations/passport-data.js';
import type { AppDeps } from '../deps.js';
import { requestLanguage } from '../language.js';
import { requirePermission, type AppEnv } from '../middleware/session.js';
import { ValidationError } from '../../../shared/errors.js';
import { jsonBody } from '../validation.js';
import { onDemand } from '../on-demand.js';

// Rare paths, loaded at their first call (functions/api/on-demand.ts).
const { addMember } = onDemand(() => import('../../../shared/delegations/add-member.js'));
const { listDelegationRoster } = onDemand(() => import('../../../shared/delegations/list-delegation-roster.js'));
const { removeMember } = onDemand(() => import('../../../shared/delegations/remove-member.js'));
const { reorderMembers } = onDemand(() => import('../../../shared/delegations/reorder-members.js'));
const { setDelegationDirection } = onDemand(() => import('../../../shared/delegations/set-delegation-direction.js'));
const { updateMember } = onDemand(() => import('../../../shared/delegations/update-member.js'));
const { readPersonalDataLog } = onDemand(() => import('../../../shared/delegations/personal-data-log.js'));
const { findHeadByLink } = onDemand(() => import('../../../shared/delegations/delegation-members.js'));
const { memberLink } = onDemand(() => import('../../../shared/delegations/member-link.js'));
const { getDelegationForHead } = onDemand(() => import('../../../shared/delegations/read-delegation-for-head.js'));

const answer = (c: Context, result: MemberResult) => ({
  member: { ...result.member, warnings: localizeWarnings(result.member.warnings, requestLanguage(c)) },
  ...(result.warnings ? { warnings: localizeWarnings(result.warnings, requestLanguage(c)) } : {}),
});

/**
 * The head of a delegation, by their personal link (public: the token is the credential), mounted
 * at /api/r/:token/delegation. Any other link, a member's own, gets 403.
 */
export function delegationHeadRoutes(deps: AppDeps) {
  const head = async (c: Context) => ({ kind: 'head' as const, ...(await findHeadByLink(deps.delegations, c.req.param('token')!, deps.clientAddress(c))) });
  return new Hono<AppEnv>()
    .get('/',
      async (c) => {
      const view = await getDelegationForHead(deps.delegations, c.req.param('token')!, deps.clientAddress(c));
      const language = requestLanguage(c);
      const localized = (m: (typeof view)['members'][number]) => ({ ...m, warnings: localizeWarnings(m.warnings, language) });
      return c.json({ ...view, head: localized(view.head), members: view.members.map(localized) });
    })
    .post('/members',
      jsonBody(headAddMemberSchema), async (c) => {
      const actor = await head(c);
      return c.json(answer(c, await addMember(deps.delegations, actor.event.eventId, c.req.valid('json'), actor)), 201);
    })
    .patch('/members/:invitationId',
      jsonBody(headUpdateMemberSchema), async (c) => {
      const actor = await head(c);
      return c.json(answer(c, await updateMember(deps.delegations, actor.event.eventId, c.req.param('invitationId'), c.req.valid('json'), actor)));
    })
    .delete('/members/:invitationId',
      async (c) => {
      const actor = await head(c);
      await removeMember(deps.delegations, actor.event.eventId, c.req.param('invitationId'), actor);
      return c.body(null, 204);
    });
}

/**
 * The organiser's side, mounted at /api/events/:eventId/delegation: the roster in protocol order
 * (staff read it with passport data masked), and members added, changed or removed.
 */
export function delegationRoutes(deps: AppDeps) {
  const organiser = (c: Context<AppEnv>) => ({ kind: 'organiser' as const, userId: c.get('user').userId, expectedVersion: expectedVersionOf(c) });
  const roster = (c: Context, view: Awaited<ReturnType<typeof listDelegationRoster>>) => {
    const language = requestLanguage(c);
    c.header('ETag', `"${view.version}"`);
    return c.json({ ...view, items: view.items.map((m) => ({ ...m, warnings: localizeWarnings(m.warnings, language) })) });
  };
  return new Hono<AppEnv>()
    .use('*', requirePermission('attendees:read', 'invitations:write'))
    .get('/',
      async (c) => roster(c, await listDelegationRoster(deps.delegations, c.req.param('eventId')!, c.get('user'))))
    .patch('/',
      jsonBody(delegationSettingsSchema), async (c) =>
      c.json(await setDelegationDirection(deps.delegations, c.req.param('eventId')!, c.req.valid('json').direction, organiser(c))),
    )
    .put('/order',
      jsonBody(protocolOrderSchema), async (c) =>
      roster(c, await reorderMembers(deps.delegations, c.req.param('eventId')!, c.req.valid('json').invitationIds, organiser(c), c.get('user'))),
    )
    .get('/members/:invitationId/link',
      requirePermission('invitations:write'), async (c) =>
      c.json(await memberLink(deps.delegations, c.req.param('eventId')!, c.req.param('invitationId'))),
    )
    .post('/members',
      jsonBody(organiserAddMemberSchema), async (c) =>
      c.json(answer(c, await addMember(deps.delegations, c.req.param('eventId')!, c.req.valid('json'), organiser(c))), 201),
    )
    .patch('/members/:invitationId',
      jsonBody(organiserUpdateMemberSchema), async (c) =>
      c.json(answer(c, await updateMember(deps.delegations, c.req.param('eventId')!, c.req.param('invitationId'), c.req.valid('json'), organiser(c)))),
    )
    .delete('/members/:invitationId',
      async (c) => {
      await removeMember(deps.delegations, c.req.param('eventId')!, c.req.param('invitationId'), organiser(c));
      return c.body(null, 204);
    });
}

/**
 * The list's version an organiser's save is made from: `If-Match: "7"` (the GET's ETag). Without
 * it the save is made whatever the version (the API before the console page named none).
 */
function expectedVersionOf(c: Context): number | undefined {
  const header = c.req.header('if-match');
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,12})"?$/.exec(header.trim());
  if (!match) {
    throw new ValidationError({ vi: 'Tiêu đề If-Match không hợp lệ.', en: 'The If-Match header is not valid.' }, [
      { path: 'If-Match', code: 'invalid_format', message: 'A version number, as the ETag gave it' },
    ]);
  }
  return Number(match[1]);
}

/** Who read an event's passport data, and its purge: organisers and admins only. */
export function personalDataLogRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('*', requirePermission('passports:read'))
    .get('/',
      async (c) => c.json(await readPersonalDataLog(deps.personalDataLog, c.req.param('eventId')!)),
    );
}
