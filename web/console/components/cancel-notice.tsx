import { useEffect, useState } from 'preact/hooks';
import { defineMessages } from '../../lib/i18n.js';
import { useApp, useText } from '../context.js';

const messages = defineMessages({
  vi: {
    notify: 'Gửi thông báo hủy cho khách mời',
    notifyHint:
      'Gửi cho {count} người đã nhận đường dẫn; {seats} người đã có chỗ nhận thêm tệp lịch để xóa sự kiện khỏi lịch. Địa chỉ bị chặn được bỏ qua; mỗi người chỉ nhận một lần.',
    notifyHintUnknown: 'Gửi cho mọi người đã nhận đường dẫn; người đã có chỗ nhận thêm tệp lịch để xóa sự kiện khỏi lịch. Mỗi người chỉ nhận một lần.',
    reason: 'Lý do hủy (khách mời thấy khi mở đường dẫn; gửi kèm thông báo)',
    reasonPlaceholder: 'Ví dụ: Do ảnh hưởng của bão, Ban tổ chức quyết định hủy…',
  },
  en: {
    notify: 'Send a cancellation notice to the invitees',
    notifyHint:
      'To the {count} people who hold the link; the {seats} with a seat also get a calendar file that removes the event from their calendar. Blocked addresses are skipped; each person gets it once.',
    notifyHintUnknown: 'To everyone who holds the link; those with a seat also get a calendar file that removes the event. Each person gets it once.',
    reason: 'Reason for cancelling (shown to invitees who open their link; sent with the notice)',
    reasonPlaceholder: 'E.g. Because of the storm, the organisers have decided to cancel…',
  },
});

export type CancelNotice = { notify: boolean; reason: string };

/**
 * The cancel dialog's notice: on by default for a published event (people hold its link and
 * perhaps its calendar entry), with the reason they will read.
 */
export function CancelNoticeOptions(props: { eventId: string; value: CancelNotice; onChange: (value: CancelNotice) => void }) {
  const { api } = useApp();
  const t = useText(messages);
  const [reach, setReach] = useState<{ recipients: number; withSeat: number }>();
  useEffect(() => {
    api
      .get<{ recipients: number; withSeat: number }>(`/api/events/${encodeURIComponent(props.eventId)}/notices/recipients`)
      .then(setReach)
      .catch(() => setReach(undefined));
  }, [props.eventId]);
  return (
    <div class="cancel-notice">
      <div class="field checkbox">
        <input
          type="checkbox"
          id="cancel-notify"
          checked={props.value.notify}
          aria-describedby="cancel-notify-hint"
          onChange={(e) => props.onChange({ ...props.value, notify: e.currentTarget.checked })}
        />
        <label for="cancel-notify">{t('notify')}</label>
        <p class="hint" id="cancel-notify-hint">
          {reach ? t('notifyHint', { count: reach.recipients, seats: reach.withSeat }) : t('notifyHintUnknown')}
        </p>
      </div>
      <div class="field">
        <label for="cancel-reason">{t('reason')}</label>
        <textarea
          id="cancel-reason"
          rows={3}
          maxLength={1000}
          placeholder={t('reasonPlaceholder')}
          value={props.value.reason}
          onInput={(e) => props.onChange({ ...props.value, reason: e.currentTarget.value })}
        />
      </div>
    </div>
  );
}
