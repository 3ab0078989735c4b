import * as z from 'zod';

/**
 * `GET /api/events/:eventId/registrations/timeline`: the invitees' answers per day since the
 * invitations went out (docs/api/reference.md). Days are Asia/Ho_Chi_Minh calendar dates.
 * `web/` imports only the types (no zod in the console's chunk); tests parse answers with it.
 *
 * An answer counts where it stands now, on the day it was given: `accepted` is a yes that still
 * holds (confirmed, waitlisted or pending), `declined` a no, `withdrawn` a yes taken back, and
 * `rejected` an organiser's refusal, on the day of the refusal.
 */
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const tally = z.strictObject({
  accepted: z.number().int().min(0),
  declined: z.number().int().min(0),
  withdrawn: z.number().int().min(0),
  rejected: z.number().int().min(0),
});
export type AnswerTally = z.infer<typeof tally>;

export const answerTimelineDaySchema = tally.extend({ date: localDate, cumulative: tally });
export type AnswerTimelineDay = z.infer<typeof answerTimelineDaySchema>;

export const answerTimelineSchema = z.strictObject({
  /** When the first invitation mail went out (local time with offset); absent before any did. */
  firstInvitedAt: z.string().optional(),
  /** Every day from the first invitation (or an earlier answer) to today or the event's end. */
  days: z.array(answerTimelineDaySchema),
  /** The same as the last day's cumulative, plus those who have not answered. */
  totals: tally.extend({ invited: z.number().int().min(0), notAnswered: z.number().int().min(0) }),
});
export type AnswerTimeline = z.infer<typeof answerTimelineSchema>;
