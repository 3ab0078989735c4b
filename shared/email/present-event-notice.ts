import { toLocalIso } from '../time/ho-chi-minh.js';
import type { EventNotice, NoticeProgress } from './event-notices-repository.js';

export type EventNoticeView = Omit<EventNotice, 'previous'> & {
  previous?: EventNotice['previous'];
  progress: NoticeProgress;
};

/** A notice as the console shows it: times in Hồ Chí Minh local time, with how far it has gone. */
export const presentEventNotice = (notice: EventNotice, progress: NoticeProgress): EventNoticeView => ({
  ...notice,
  createdAt: toLocalIso(notice.createdAt),
  previous: notice.previous
    ? { startsAt: toLocalIso(notice.previous.startsAt), endsAt: toLocalIso(notice.previous.endsAt), venue: notice.previous.venue }
    : undefined,
  progress,
});
