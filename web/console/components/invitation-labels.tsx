import type { EmailStatus, InvitationResponse } from '../../../shared/invitations/invitation-schema.js';
import { defineMessages } from '../../lib/i18n.js';
import { useText } from '../context.js';

/**
 * Words for invitations that the invitations page, its import panel and its edit dialog share.
 * The lists are written out here rather than imported: invitation-schema.ts builds zod schemas
 * when it loads, and the page needs none of them (the API checks and explains every row). The
 * `satisfies` and the checks below keep them in step with the shared types.
 */
export const emailStatusList = ['not_sent', 'queued', 'sent', 'delivered', 'bounced', 'complained', 'suppressed', 'failed'] as const satisfies readonly EmailStatus[];
export const responseList = ['none', 'confirmed', 'waitlisted', 'pending', 'declined', 'withdrawn', 'rejected'] as const satisfies readonly InvitationResponse[];
type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;
const everyStatusListed: Missing<EmailStatus, (typeof emailStatusList)[number]> = true;
const everyResponseListed: Missing<InvitationResponse, (typeof responseList)[number]> = true;
void everyStatusListed;
void everyResponseListed;

/** Mail that did not reach its reader: the address needs a look before anything is sent again. */
export const undeliveredStatuses = ['bounced', 'complained', 'suppressed', 'failed'] as const satisfies readonly EmailStatus[];

export const inviteeFields = ['name', 'email', 'phone', 'organisation', 'position', 'language', 'group'] as const;
export type InviteeField = (typeof inviteeFields)[number];

export const invitationLabels = defineMessages({
  vi: {
    'field.name': 'Họ và tên',
    'field.email': 'Email',
    'field.phone': 'Số điện thoại',
    'field.organisation': 'Đơn vị',
    'field.position': 'Chức vụ',
    'field.language': 'Ngôn ngữ thư mời',
    'field.group': 'Nhóm',
    'emailStatus.not_sent': 'Chưa gửi',
    'emailStatus.queued': 'Đang chờ gửi',
    'emailStatus.sent': 'Đã gửi',
    'emailStatus.delivered': 'Đã đến hộp thư',
    'emailStatus.bounced': 'Bị trả lại',
    'emailStatus.complained': 'Bị báo thư rác',
    'emailStatus.suppressed': 'Địa chỉ bị chặn',
    'emailStatus.failed': 'Gửi lỗi',
    'emailError.interrupted': 'Việc gửi bị ngắt giữa chừng; gửi lại nếu người nhận chưa có thư.',
    'emailError.suppressed': 'Địa chỉ này từng bị trả lại thư hoặc báo thư rác, nên không gửi nữa.',
    'emailError.cancelled': 'Sự kiện đã hủy.',
    'emailError.other': 'Lý do:',
    'response.none': 'Chưa trả lời',
    'response.confirmed': 'Xác nhận tham dự',
    'response.waitlisted': 'Danh sách chờ',
    'response.pending': 'Chờ duyệt',
    'response.declined': 'Từ chối',
    'response.withdrawn': 'Đã rút',
    'response.rejected': 'Không được duyệt',
    'language.vi': 'Tiếng Việt',
    'language.en': 'Tiếng Anh',
  },
  en: {
    'field.name': 'Name',
    'field.email': 'Email',
    'field.phone': 'Phone',
    'field.organisation': 'Organisation',
    'field.position': 'Position',
    'field.language': 'Language of the invitation',
    'field.group': 'Group',
    'emailStatus.not_sent': 'Not sent',
    'emailStatus.queued': 'Waiting to go',
    'emailStatus.sent': 'Sent',
    'emailStatus.delivered': 'Delivered',
    'emailStatus.bounced': 'Bounced',
    'emailStatus.complained': 'Marked as spam',
    'emailStatus.suppressed': 'Address blocked',
    'emailStatus.failed': 'Failed',
    'emailError.interrupted': 'Sending was interrupted; resend if the invitee has no mail.',
    'emailError.suppressed': 'This address bounced or marked mail as spam before, so nothing is sent to it.',
    'emailError.cancelled': 'The event was cancelled.',
    'emailError.other': 'Reason:',
    'response.none': 'No answer yet',
    'response.confirmed': 'Confirmed',
    'response.waitlisted': 'Waiting list',
    'response.pending': 'Awaiting approval',
    'response.declined': 'Declined',
    'response.withdrawn': 'Withdrawn',
    'response.rejected': 'Not accepted',
    'language.vi': 'Vietnamese',
    'language.en': 'English',
  },
});

export type InvitationLabel = keyof typeof invitationLabels.vi;

/** A field's name for a message about it ("Email: …"); an unknown one as it came. */
export function useFieldName(): (field: string | undefined) => string | undefined {
  const t = useText(invitationLabels);
  return (field) =>
    field && (inviteeFields as readonly string[]).includes(field) ? t(`field.${field as InviteeField}`) : field;
}

/** With the reason a mail did not go (the outbox's words), said in the reader's language where known. */
export function EmailStatusBadge(props: { status: EmailStatus; error?: string }) {
  const t = useText(invitationLabels);
  const badge = <span class={`badge mail-${props.status}`}>{t(`emailStatus.${props.status}`)}</span>;
  if (!props.error || !(undeliveredStatuses as readonly string[]).includes(props.status)) return badge;
  const known = /^interrupted/.test(props.error)
    ? t('emailError.interrupted')
    : /^suppressed/.test(props.error)
      ? t('emailError.suppressed')
      : /^event cancelled/.test(props.error)
        ? t('emailError.cancelled')
        : `${t('emailError.other')} ${props.error}`;
  return (
    <>
      {badge}
      <small class="mail-error">{known}</small>
    </>
  );
}

export function ResponseBadge(props: { response: InvitationResponse }) {
  const t = useText(invitationLabels);
  return <span class={`badge answer-${props.response}`}>{t(`response.${props.response}`)}</span>;
}
