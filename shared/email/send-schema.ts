import * as z from 'zod';

/**
 * `POST .../invitations/send`: the named invitations, or (absent) every one not yet sent. A named
 * list is kept on the send job's item (send-jobs-repository.ts), so it is bounded well under
 * DynamoDB's 400 KB: 1,000 ids; everyone is sent to without a list.
 */
export const sendInvitationsSchema = z.strictObject({
  invitationIds: z.array(z.string().min(1).max(100)).min(1).max(1000).optional(),
});
