import type { EmailStatus, Invitation, InvitationResponse } from '../../../shared/invitations/invitation-schema.js';
import { formatDateTime } from '../../lib/datetime.js';
import { defineMessages } from '../../lib/i18n.js';
import { useText } from '../context.js';
import { EmailStatusBadge, ResponseBadge } from './invitation-labels.js';
import { OnBehalfMark } from './on-behalf-mark.js';
import { TableHead } from './data-table.js';

const messages = defineMessages({
  vi: {
    'matchedOn.organisation': 'Khớp đơn vị',
    'matchedOn.email': 'Khớp email',
    'matchedOn.phone': 'Khớp số điện thoại',
    group: 'Nhóm',
    invitee: 'Khách mời',
    contact: 'Liên hệ',
    mail: 'Thư mời',
    answer: 'Phản hồi',
    actions: 'Thao tác',
    invitedAt: 'Mời: {at}',
    remindedAt: 'Nhắc: {at}',
    edit: 'Sửa',
    editLabel: 'Sửa thông tin của {name}',
    resend: 'Gửi lại',
    sendOne: 'Gửi',
    resendLabel: 'Gửi lại thư mời cho {name}',
    sendOneLabel: 'Gửi thư mời cho {name}',
    remove: 'Xóa',
    removeLabel: 'Xóa {name} khỏi danh sách',
  },
  en: {
    'matchedOn.organisation': 'Organisation matches',
    'matchedOn.email': 'Email matches',
    'matchedOn.phone': 'Phone matches',
    group: 'Group',
    invitee: 'Invitee',
    contact: 'Contact',
    mail: 'Invitation',
    answer: 'Answer',
    actions: 'Actions',
    invitedAt: 'Invited: {at}',
    remindedAt: 'Reminded: {at}',
    edit: 'Edit',
    editLabel: 'Edit {name}',
    resend: 'Resend',
    sendOne: 'Send',
    resendLabel: 'Resend the invitation to {name}',
    sendOneLabel: 'Send the invitation to {name}',
    remove: 'Remove',
    removeLabel: 'Remove {name} from the list',
  },
});

/** Statuses from which the API sends an invitation again on request. */
const resendable: readonly EmailStatus[] = ['not_sent', 'sent', 'delivered', 'failed'];

/** One page of an event's invitees, with each row's actions for those who may write. */
export function InvitationTable(props: {
  items: Invitation[];
  mayWrite: boolean;
  mayResend: boolean;
  busyRow?: string;
  onEdit: (invitation: Invitation) => void;
  onRemove: (invitation: Invitation) => void;
  onResend: (invitation: Invitation) => void;
}) {
  const t = useText(messages);
  const { mayWrite } = props;
  return (
    <table class="table invitations-table">
      <TableHead columns={[t('invitee'), t('contact'), t('mail'), t('answer'), mayWrite && t('actions')]} />
      <tbody>
        {props.items.map((invitation) => (
          <Row
            key={invitation.invitationId}
            invitation={invitation}
            mayWrite={mayWrite}
            mayResend={props.mayResend}
            busy={props.busyRow === invitation.invitationId}
            onEdit={() => props.onEdit(invitation)}
            onRemove={() => props.onRemove(invitation)}
            onResend={() => props.onResend(invitation)}
          />
        ))}
      </tbody>
    </table>
  );
}

/** An address may wrap after its @, not in the middle of a word. */
function breakableEmail(email: string) {
  const at = email.indexOf('@');
  if (at <= 0) return email;
  return (
    <>
      {email.slice(0, at)}
      <wbr />
      {email.slice(at)}
    </>
  );
}

function Row(props: {
  invitation: Invitation;
  mayWrite: boolean;
  mayResend: boolean;
  busy: boolean;
  onEdit: () => void;
  onRemove: () => void;
  onResend: () => void;
}) {
  const t = useText(messages);
  const invitation = props.invitation;
  const role = [invitation.position, invitation.organisation].filter(Boolean).join(' · ');
  const canResend = props.mayResend && Boolean(invitation.email) && resendable.includes(invitation.emailStatus);
  return (
    <tr>
      <th scope="row" class="cell-name">
        <span class="invitee-name" id={`invitee-${invitation.invitationId}`} tabIndex={-1}>
          {invitation.name}
        </span>
        {role && <span class="invitee-role">{role}</span>}
        {invitation.matchedOn && invitation.matchedOn !== 'name' && <span class="badge matched-on">{t(`matchedOn.${invitation.matchedOn}`)}</span>}
        {invitation.group && (
          <span class="badge group">
            <span class="visually-hidden">{t('group')}: </span>
            {invitation.group}
          </span>
        )}
      </th>
      <td class="cell-contact">
        {invitation.email && <span class="contact-line">{breakableEmail(invitation.email)}</span>}
        {invitation.phone && (
          <span class="contact-line">
            <a href={`tel:${invitation.phone}`}>{invitation.phone}</a>
          </span>
        )}
      </td>
      <td class="cell-mail">
        <EmailStatusBadge status={invitation.emailStatus} error={invitation.emailError} />
        {invitation.invitedAt && <span class="when">{t('invitedAt', { at: formatDateTime(invitation.invitedAt) })}</span>}
        {invitation.remindedAt && <span class="when">{t('remindedAt', { at: formatDateTime(invitation.remindedAt) })}</span>}
      </td>
      <td class="cell-answer">
        <ResponseBadge response={invitation.response as InvitationResponse} />
        {invitation.answeredBy && (
          <>
            {' '}
            <OnBehalfMark channel={invitation.answeredBy.channel} />
          </>
        )}
      </td>
      {props.mayWrite && (
        <td class="cell-actions">
          <div class="row-actions">
            <button type="button" class="button small" disabled={props.busy} aria-label={t('editLabel', { name: invitation.name })} onClick={props.onEdit}>
              {t('edit')}
            </button>
            {canResend && (
              <button
                type="button"
                class="button small"
                disabled={props.busy}
                aria-label={t(invitation.emailStatus === 'not_sent' ? 'sendOneLabel' : 'resendLabel', { name: invitation.name })}
                onClick={props.onResend}
              >
                {invitation.emailStatus === 'not_sent' ? t('sendOne') : t('resend')}
              </button>
            )}
            <button
              type="button"
              class="button small danger-outline"
              disabled={props.busy}
              aria-label={t('removeLabel', { name: invitation.name })}
              onClick={props.onRemove}
            >
              {t('remove')}
            </button>
          </div>
        </td>
      )}
    </tr>
  );
}
