import { EventNotFoundError } from '../events/event-errors.js';
import type { InvitationResponse } from '../invitations/invitation-schema.js';
import { toLocalIso } from '../time/ho-chi-minh.js';
import type { AnswerTally, AnswerTimeline, AnswerTimelineDay } from './answer-timeline-schema.js';
import type { RegistrationsDeps } from './registrations-deps.js';
import type { AnswerStamp } from './registrations-repository.js';

type Series = keyof AnswerTally;

/** Where an answer as it stands now is counted; `none` is not an answer. */
const SERIES_OF: Record<InvitationResponse, Series | undefined> = {
  none: undefined,
  confirmed: 'accepted',
  waitlisted: 'accepted',
  pending: 'accepted',
  declined: 'declined',
  withdrawn: 'withdrawn',
  rejected: 'rejected',
};

/** The Asia/Ho_Chi_Minh calendar date of an instant: "2031-11-20". */
const localDateOf = (instant: string) => toLocalIso(instant).slice(0, 10);

/** The calendar day after a "yyyy-mm-dd" date. */
function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

const emptyTally = (): AnswerTally => ({ accepted: 0, declined: 0, withdrawn: 0, rejected: 0 });

/** The day an answer was given: the person's own answer, or the organiser's refusal. */
function answerDay(stamp: AnswerStamp, series: Series): string | undefined {
  const at = series === 'rejected' ? stamp.answeredAt : (stamp.respondedAt ?? stamp.answeredAt);
  return at ? localDateOf(at) : undefined;
}

/**
 * The answers per day since the first invitation went out, for the organiser's chart. Counted
 * from the invitations as they are (one paginated Query of the event's partition): each
 * invitation adds its current answer on the day it was given, so the last day's cumulative
 * numbers agree with the counts by answer. Days run to today, or to the event's end once it is
 * over (an old event's chart does not stretch to today); an answer recorded before the first
 * mail (a phone call) moves the start back rather than being lost.
 */
export async function getAnswerTimeline(deps: RegistrationsDeps, eventId: string): Promise<AnswerTimeline> {
  const event = await deps.events.findById(eventId);
  if (!event) throw new EventNotFoundError();
  const stamps = await deps.registrations.listAnswerStamps(eventId);

  let firstInvitedAt: string | undefined;
  const perDay = new Map<string, AnswerTally>();
  const totals = { ...emptyTally(), invited: stamps.length, notAnswered: 0 };
  for (const stamp of stamps) {
    if (stamp.invitedAt && (!firstInvitedAt || stamp.invitedAt < firstInvitedAt)) firstInvitedAt = stamp.invitedAt;
    const series = SERIES_OF[stamp.response];
    if (!series) {
      totals.notAnswered += 1;
      continue;
    }
    totals[series] += 1;
    const day = answerDay(stamp, series);
    if (!day) continue;
    const tally = perDay.get(day) ?? emptyTally();
    tally[series] += 1;
    perDay.set(day, tally);
  }

  const answerDays = [...perDay.keys()].sort();
  const starts = [firstInvitedAt ? localDateOf(firstInvitedAt) : undefined, answerDays[0]].filter((d): d is string => Boolean(d)).sort();
  const days: AnswerTimelineDay[] = [];
  if (starts.length > 0) {
    const today = localDateOf(deps.now().toISOString());
    const eventEnd = localDateOf(event.endsAt);
    const lastAnswer = answerDays.at(-1) ?? starts[0]!;
    // biome-ignore lint/complexity/useMathMinMax: local dates as yyyy-mm-dd strings, which Math.min would turn into NaN
    const end = [today < eventEnd ? today : eventEnd, lastAnswer, starts[0]!].sort().at(-1)!;
    const running = emptyTally();
    for (let date = starts[0]!; date <= end; date = nextDate(date)) {
      const tally = perDay.get(date) ?? emptyTally();
      for (const series of Object.keys(running) as Series[]) running[series] += tally[series];
      days.push({ date, ...tally, cumulative: { ...running } });
    }
  }
  return { ...(firstInvitedAt ? { firstInvitedAt: toLocalIso(firstInvitedAt) } : {}), days, totals };
}
