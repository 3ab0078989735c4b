import { useEffect, useState } from 'preact/hooks';
import { formatDateTime } from '../../lib/datetime.js';
import { errorText } from '../../lib/error-text.js';
import { defineMessages, pickLocalized } from '../../lib/i18n.js';
import { DataTable } from '../components/data-table.js';
import { PageHeading } from '../components/page-heading.js';
import { BackToEvent, EventNotFound, LoadErrorNotice } from '../components/page-notices.js';
import { useApp, useText } from '../context.js';
import { useEvent } from '../hooks/use-event.js';
import type { PageProps } from '../routes.js';

const messages = defineMessages({
  vi: {
    title: 'Nhật ký dữ liệu hộ chiếu',
    back: 'Về sự kiện',
    notFound: 'Không tìm thấy sự kiện này.',
    intro:
      'Ai đã xem số hộ chiếu của thành viên và khi nào, và khi nào dữ liệu hộ chiếu được xóa sau chuyến đi (Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân). Mới nhất ở trên.',
    caption: 'Các lần xem và xóa dữ liệu hộ chiếu',
    at: 'Thời điểm',
    who: 'Người xem',
    what: 'Nội dung',
    count: 'Số người',
    system: 'Hệ thống (tự động)',
    removedUser: 'Tài khoản đã xóa',
    none: 'Chưa ai xem dữ liệu hộ chiếu của sự kiện này.',
    'what.attendees': 'Danh sách người tham dự kèm số hộ chiếu',
    'what.roster': 'Danh sách đoàn kèm số hộ chiếu',
    'what.pending': 'Đăng ký chờ duyệt kèm số hộ chiếu',
    'what.purge': 'Xóa dữ liệu hộ chiếu sau chuyến đi',
  },
  en: {
    title: 'Passport data log',
    back: 'Back to the event',
    notFound: 'This event was not found.',
    intro:
      'Who saw members’ passport numbers and when, and when the passport data was deleted after the trip (Decree 13/2023 on personal data protection). Newest first.',
    caption: 'Reads and deletions of passport data',
    at: 'When',
    who: 'Who',
    what: 'What',
    count: 'People',
    system: 'The system (automatic)',
    removedUser: 'A removed account',
    none: 'Nobody has seen this event’s passport data yet.',
    'what.attendees': 'Attendee list with passport numbers',
    'what.roster': 'Delegation list with passport numbers',
    'what.pending': 'Pending registrations with passport numbers',
    'what.purge': 'Passport data deleted after the trip',
  },
});

type LogItem = { kind: 'read' | 'purge'; userId: string; user?: { name: string; email: string }; at: string; what: string; count?: number };

/** The log's `what` is recorded in English by the server; the known ones are named in the reader's language. */
const whatKeys: [prefix: string, key: 'what.attendees' | 'what.roster' | 'what.pending' | 'what.purge'][] = [
  ['attendee list', 'what.attendees'],
  ['delegation roster', 'what.roster'],
  ['pending registrations', 'what.pending'],
  ['passport data purged', 'what.purge'],
];

/** Who read an event's passport data, and when it was purged: what the API's personal-data log holds. */
export function PersonalDataLogPage({ params }: PageProps) {
  const eventId = params.eventId!;
  const { api, language } = useApp();
  const t = useText(messages);
  const { event, notFound } = useEvent(eventId);
  const [items, setItems] = useState<LogItem[]>();
  const [error, setError] = useState<string>();

  const load = () => {
    setError(undefined);
    api.get<{ items: LogItem[] }>(`/api/events/${encodeURIComponent(eventId)}/personal-data-log`).then(
      (answer) => setItems(answer.items),
      (failure: unknown) => setError(errorText(failure)),
    );
  };
  useEffect(load, [eventId]);

  if (notFound) return <EventNotFound heading={t('title')} message={t('notFound')} />;
  const title = event ? pickLocalized(event.title, language) : undefined;
  const whatOf = (item: LogItem) => {
    const known = whatKeys.find(([prefix]) => item.what.startsWith(prefix));
    return known ? <span>{t(known[1])}</span> : <span lang="en">{item.what}</span>;
  };
  return (
    <section class="personal-data-log">
      <BackToEvent eventId={eventId} title={title} fallback={t('back')} />
      <PageHeading text={t('title')} />
      <p class="hint">{t('intro')}</p>
      <LoadErrorNotice message={error} onRetry={load} />
      {items && items.length === 0 && <p class="muted">{t('none')}</p>}
      {items && items.length > 0 && (
        <DataTable class="table stack" label={t('caption')} columns={[t('at'), t('who'), t('what'), { label: t('count'), class: 'numeric' }]}>
          {items.map((item) => (
            <tr key={`${item.at}-${item.userId}-${item.what}`}>
              <td data-label={t('at')}>{formatDateTime(item.at)}</td>
              <td data-label={t('who')} class="reader">{item.userId === 'system' ? t('system') : item.user ? `${item.user.name} (${item.user.email})` : t('removedUser')}</td>
              <td data-label={t('what')}>{whatOf(item)}</td>
              <td data-label={t('count')} class="numeric">
                {item.count ?? ''}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
