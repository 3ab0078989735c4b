import * as z from 'zod';

/** `POST .../invitations/send`: the named invitations, or (absent) every one not yet sent. */
export const sendInvitationsSchema = z.strictObject({
  invitationIds: z.array(z.string().min(1).max(100)).min(1).max(20000).optional(),
});
