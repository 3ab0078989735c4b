import type { InvitationCounts } from '../../../shared/invitations/invitation-schema.js';
import { defineMessages } from '../../lib/i18n.js';
import { useText } from '../context.js';
import { invitationLabels, undeliveredStatuses } from './invitation-labels.js';
import { SendProgress, failuresIn, type SendRun } from './send-progress.js';

const messages = defineMessages({
  vi: {
    sendTitle: 'Gửi thư mời',
    send: 'Gửi thư mời',
    remind: 'Nhắc người chưa trả lời',
    notPublished: 'Thư mời chỉ được gửi khi sự kiện đã công bố. Hãy công bố sự kiện ở trang sự kiện.',
    undelivered: '{count} thư không đến được người nhận:',
    undeliveredHint:
      'Kiểm tra lại địa chỉ (nút Sửa), rồi bấm Gửi lại. Địa chỉ bị trả lại hoặc báo thư rác sẽ bị chặn: hệ thống không gửi tới đó nữa; hãy xin khách mời một địa chỉ khác.',
    show: 'Xem',
    sendingNow: 'Đang gửi…',
  },
  en: {
    sendTitle: 'Send invitations',
    send: 'Send invitations',
    remind: 'Remind those who have not answered',
    notPublished: 'Invitations go out only once the event is published. Publish it on the event page.',
    undelivered: '{count} mails did not reach their reader:',
    undeliveredHint:
      'Check the address (Edit) and press Resend. An address that bounced or reported spam is blocked: nothing is sent there again; ask the invitee for another address.',
    show: 'Show',
    sendingNow: 'Sending…',
  },
});

/**
 * Sending an event's invitations and reminders: the two buttons (once the event is published),
 * the progress of a run under way, and what did not arrive, each kind a link to its rows.
 */
export function InvitationSendCard(props: {
  counts: InvitationCounts;
  run?: SendRun;
  mayWrite: boolean;
  published: boolean;
  eventKnown: boolean;
  /** A send is being asked about or under way: both buttons wait. */
  busy: boolean;
  sendingNow: boolean;
  linkTo: (changes: Record<string, string>) => string;
  onAsk: (kind: 'send' | 'remind') => void;
}) {
  const t = useText(messages);
  const tl = useText(invitationLabels);
  const { counts, mayWrite, published } = props;
  const failures = failuresIn(counts);
  return (
    <section class="card send-card" aria-labelledby="send-title">
      <h2 id="send-title">{t('sendTitle')}</h2>
      {mayWrite && props.eventKnown && !published && <p class="hint">{t('notPublished')}</p>}
      {mayWrite && (
        <div class="row-actions">
          <button type="button" class="button primary" disabled={!published || props.busy} onClick={() => props.onAsk('send')}>
            {props.sendingNow ? t('sendingNow') : t('send')}
          </button>
          <button type="button" class="button" disabled={!published || props.busy} onClick={() => props.onAsk('remind')}>
            {t('remind')}
          </button>
        </div>
      )}
      {props.run && <SendProgress run={props.run} counts={counts} />}
      {failures > 0 && (
        <div class="notice warning undelivered">
          <p>
            {t('undelivered', { count: failures })}{' '}
            {undeliveredStatuses
              .filter((s) => counts.emailStatus[s] > 0)
              .map((s, index) => (
                <span key={s}>
                  {index > 0 && ', '}
                  <a href={props.linkTo({ emailStatus: s })} aria-label={`${t('show')}: ${tl(`emailStatus.${s}`)}`}>
                    {tl(`emailStatus.${s}`)} {counts.emailStatus[s]}
                  </a>
                </span>
              ))}
          </p>
          <p class="hint">{t('undeliveredHint')}</p>
        </div>
      )}
    </section>
  );
}
