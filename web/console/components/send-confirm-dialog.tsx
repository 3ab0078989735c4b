import { defineMessages } from '../../lib/i18n.js';
import { useText } from '../context.js';
import { ConfirmDialog } from './confirm-dialog.js';

const messages = defineMessages({
  vi: {
    sendingNow: 'Đang gửi…',
    counting: 'Đang đếm…',
    sendConfirmTitle: 'Gửi thư mời?',
    sendConfirm: 'Thư mời sẽ được gửi tới {count} khách mời chưa nhận thư, mỗi người bằng ngôn ngữ của mình.',
    sendNone: 'Không còn khách mời nào có email mà chưa được gửi thư mời.',
    phoneOnly: '{count} khách mời chỉ có số điện thoại sẽ không nhận được email; hãy liên hệ họ bằng điện thoại.',
    sendGo: 'Gửi {count} thư mời',
    remindConfirmTitle: 'Gửi thư nhắc?',
    remindConfirm: 'Thư nhắc sẽ được gửi tới {count} khách mời đã nhận thư mời nhưng chưa trả lời.',
    remindNone: 'Không có ai cần nhắc: mọi khách mời đã nhận thư đều đã trả lời.',
    remindGo: 'Gửi {count} thư nhắc',
  },
  en: {
    sendingNow: 'Sending…',
    counting: 'Counting…',
    sendConfirmTitle: 'Send the invitations?',
    sendConfirm: 'The invitation goes to {count} invitees who have not had it yet, each in their own language.',
    sendNone: 'Every invitee with an email address has already been sent the invitation.',
    phoneOnly: '{count} invitees have only a phone number and get no email; please call them.',
    sendGo: 'Send {count} invitations',
    remindConfirmTitle: 'Send reminders?',
    remindConfirm: 'A reminder goes to {count} invitees who were sent the invitation and have not answered.',
    remindNone: 'Nobody to remind: everyone who was sent the invitation has answered.',
    remindGo: 'Send {count} reminders',
  },
});

/** What a send or a reminder is about to do, counted before it is confirmed. */
export type SendConfirmation = { kind: 'send' | 'remind'; count?: number; phoneOnly?: number };

/** Asks before invitations or reminders go out, saying to how many (and who has no email). */
export function SendConfirmDialog(props: { confirm?: SendConfirmation; sending: boolean; onSend: (kind: 'send' | 'remind') => void; onClose: () => void }) {
  const t = useText(messages);
  const { confirm, sending } = props;
  return (
    <ConfirmDialog
      open={confirm !== undefined}
      title={confirm?.kind === 'remind' ? t('remindConfirmTitle') : t('sendConfirmTitle')}
      confirmLabel={confirm?.count === undefined ? t('counting') : t(confirm.kind === 'remind' ? 'remindGo' : 'sendGo', { count: confirm.count })}
      busy={sending || !confirm?.count}
      busyLabel={sending ? t('sendingNow') : undefined}
      onConfirm={() => confirm && props.onSend(confirm.kind)}
      onClose={props.onClose}
    >
      {confirm?.count === undefined ? (
        <p role="status">{t('counting')}</p>
      ) : confirm.count === 0 ? (
        <p>{confirm.kind === 'remind' ? t('remindNone') : t('sendNone')}</p>
      ) : (
        <p>{t(confirm.kind === 'remind' ? 'remindConfirm' : 'sendConfirm', { count: confirm.count })}</p>
      )}
      {confirm?.phoneOnly ? <p class="hint">{t('phoneOnly', { count: confirm.phoneOnly })}</p> : null}
    </ConfirmDialog>
  );
}
