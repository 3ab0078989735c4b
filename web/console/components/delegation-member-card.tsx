import { defineMessages, textIn } from '../../lib/i18n.js';
import { useApp, useText } from '../context.js';
import { asLocalDate, type Member } from '../delegation-members.js';
import { ResponseBadge } from './invitation-labels.js';
import { RowAction } from './row-action.js';

const messages = defineMessages({
  vi: {
    up: 'Lên',
    down: 'Xuống',
    upLabel: 'Đưa {name} lên một bậc',
    downLabel: 'Đưa {name} xuống một bậc',
    edit: 'Sửa',
    editLabel: 'Sửa {name}',
    passport: 'Nhập hộ chiếu',
    passportLabel: 'Nhập hộ chiếu cho {name}',
    send: 'Gửi thư mời',
    sendLabel: 'Gửi thư mời cho {name}',
    resend: 'Gửi lại thư mời',
    resendLabel: 'Gửi lại thư mời cho {name}',
    copyLink: 'Chép đường dẫn',
    copyLinkLabel: 'Chép đường dẫn cá nhân của {name}',
    remove: 'Xóa',
    removeLabel: 'Xóa {name} khỏi đoàn',
    ready: 'Đủ thông tin',
    missing: 'Thiếu: {fields}',
    expiresSoon: 'Hộ chiếu hết hạn {expiry}, chưa đủ 6 tháng sau chuyến đi (cần còn hạn đến {needed})',
    expiresSoonMasked: 'Hộ chiếu hết hạn chưa đủ 6 tháng sau chuyến đi (cần còn hạn đến {needed})',
    passportLine: '{number}, hết hạn {expiry}',
    consentBy: 'Đồng ý xử lý dữ liệu: {by}',
    'by.self': 'tự xác nhận',
    'by.head': 'trưởng đoàn xác nhận',
    'by.organiser': 'ban tổ chức ghi nhận',
    'channel.paper_form': 'phiếu giấy có chữ ký',
    'channel.phone': 'qua điện thoại',
    'channel.in_person': 'gặp trực tiếp',
    organisation: 'Đơn vị',
    position: 'Chức vụ',
    arrival: 'Đến',
    departure: 'Đi',
    stay: 'Khách sạn, phòng',
    dietary: 'Yêu cầu ăn uống',
    interpreterLanguage: 'Ngôn ngữ phiên dịch',
  },
  en: {
    up: 'Up',
    down: 'Down',
    upLabel: 'Move {name} up one place',
    downLabel: 'Move {name} down one place',
    edit: 'Edit',
    editLabel: 'Edit {name}',
    passport: 'Enter passport',
    passportLabel: 'Enter passport for {name}',
    send: 'Send the invitation',
    sendLabel: 'Send the invitation to {name}',
    resend: 'Send the invitation again',
    resendLabel: 'Send the invitation again to {name}',
    copyLink: 'Copy the link',
    copyLinkLabel: 'Copy the link of {name}',
    remove: 'Remove',
    removeLabel: 'Remove {name} from the delegation',
    ready: 'Details complete',
    missing: 'Missing: {fields}',
    expiresSoon: 'The passport expires on {expiry}, less than six months after the trip (it must be valid until {needed})',
    expiresSoonMasked: 'The passport expires less than six months after the trip (it must be valid until {needed})',
    passportLine: '{number}, expires {expiry}',
    consentBy: 'Consent to data processing: {by}',
    'by.self': 'given by themself',
    'by.head': 'confirmed by the head',
    'by.organiser': 'recorded by the organisers',
    'channel.paper_form': 'signed paper form',
    'channel.phone': 'by phone',
    'channel.in_person': 'in person',
    organisation: 'Organisation',
    position: 'Position',
    arrival: 'Arrives',
    departure: 'Leaves',
    stay: 'Hotel, room',
    dietary: 'Dietary needs',
    interpreterLanguage: 'Interpreter language',
  },
});
type Key = keyof typeof messages.vi;

function readiness(member: Member, fieldLabel: (key: string) => string, t: (key: Key, params?: Record<string, string | number>) => string) {
  const warning = member.warnings.find((w) => w.code === 'passport_expires_soon');
  const marks: { kind: 'ok' | 'missing' | 'warning'; text: string }[] = [];
  if (member.missing.length) marks.push({ kind: 'missing', text: t('missing', { fields: member.missing.map(fieldLabel).join(', ') }) });
  if (warning) {
    const expiry = member.details.passportExpiry;
    const needed = asLocalDate(warning.validUntilAtLeast);
    marks.push({
      kind: 'warning',
      text: expiry && /^\d{4}-/.test(expiry) ? t('expiresSoon', { expiry: asLocalDate(expiry), needed }) : t('expiresSoonMasked', { needed }),
    });
  }
  if (!marks.length) marks.push({ kind: 'ok', text: t('ready') });
  return marks;
}
/** One member of the delegation, in protocol order: who, their facts, readiness for the visa office, and the organiser's actions. */
export function DelegationMemberCard(props: {
  member: Member;
  /** Their place in the protocol order, from 1. */
  place: number;
  last: boolean;
  incoming: boolean;
  manageable: boolean;
  published: boolean;
  busy: boolean;
  fieldLabel: (key: string) => string;
  /** Moves them to this place. */
  onMove: (place: number) => void;
  onEdit: () => void;
  onPassport: () => void;
  onSend: () => void;
  onCopyLink: () => void;
  onRemove: () => void;
}) {
  const { language } = useApp();
  const t = useText(messages);
  const { member, fieldLabel } = props;
  const named = { name: member.name };
  return (
    <>
      <div class="member-place" aria-hidden="true">
        {props.place}
      </div>
      <div class="member-main">
        <p class="member-name">
          <strong>{member.name}</strong> <span class="badge role">{textIn(member.roleLabel, language)}</span> <ResponseBadge response={member.response} />
        </p>
        <dl class="member-facts">
          {member.organisation && (
            <div>
              <dt>{t('organisation')}</dt>
              <dd>{member.organisation}</dd>
            </div>
          )}
          {member.position && (
            <div>
              <dt>{t('position')}</dt>
              <dd>{member.position}</dd>
            </div>
          )}
          {member.details.passportNumber && (
            <div>
              <dt>{fieldLabel('passportNumber')}</dt>
              <dd>{t('passportLine', { number: member.details.passportNumber, expiry: asLocalDate(member.details.passportExpiry) })}</dd>
            </div>
          )}
          {props.incoming && member.logistics && (
            <>
              {(member.logistics.arrivalDate || member.logistics.arrivalTransport) && (
                <div>
                  <dt>{t('arrival')}</dt>
                  <dd>
                    {[asLocalDate(member.logistics.arrivalDate), member.logistics.arrivalTime, member.logistics.arrivalTransport].filter(Boolean).join(' · ')}
                  </dd>
                </div>
              )}
              {(member.logistics.departureDate || member.logistics.departureTransport) && (
                <div>
                  <dt>{t('departure')}</dt>
                  <dd>
                    {[asLocalDate(member.logistics.departureDate), member.logistics.departureTime, member.logistics.departureTransport]
                      .filter(Boolean)
                      .join(' · ')}
                  </dd>
                </div>
              )}
              {(member.logistics.hotel || member.logistics.room) && (
                <div>
                  <dt>{t('stay')}</dt>
                  <dd>{[member.logistics.hotel, member.logistics.room].filter(Boolean).join(', ')}</dd>
                </div>
              )}
              {member.logistics.dietary && (
                <div>
                  <dt>{t('dietary')}</dt>
                  <dd>{member.logistics.dietary}</dd>
                </div>
              )}
              {member.logistics.interpreterLanguage && (
                <div>
                  <dt>{t('interpreterLanguage')}</dt>
                  <dd>{member.logistics.interpreterLanguage}</dd>
                </div>
              )}
            </>
          )}
        </dl>
        <ul class="readiness">
          {readiness(member, fieldLabel, t).map((mark) => (
            <li key={mark.text} class={`readiness-${mark.kind}`}>
              <span aria-hidden="true">{mark.kind === 'ok' ? '✓ ' : '! '}</span>
              {mark.text}
            </li>
          ))}
        </ul>
        {member.consent && (
          <p class="hint">
            {t('consentBy', {
              by: [t(`by.${member.consent.by}` as Key), member.consent.channel ? t(`channel.${member.consent.channel}` as Key) : ''].filter(Boolean).join(', '),
            })}
          </p>
        )}
      </div>
      {props.manageable && (
        <div class="member-actions">
          <div class="order-buttons">
            <RowAction disabled={props.place === 1} label={t('upLabel', named)} onClick={() => props.onMove(props.place - 1)}>
              ↑ {t('up')}
            </RowAction>
            <RowAction disabled={props.last} label={t('downLabel', named)} onClick={() => props.onMove(props.place + 1)}>
              ↓ {t('down')}
            </RowAction>
          </div>
          <RowAction label={t('editLabel', named)} onClick={props.onEdit}>
            {t('edit')}
          </RowAction>
          <RowAction label={t('passportLabel', named)} onClick={props.onPassport}>
            {t('passport')}
          </RowAction>
          {member.email && props.published && (
            <RowAction disabled={props.busy} label={t(member.emailStatus === 'not_sent' ? 'sendLabel' : 'resendLabel', named)} onClick={props.onSend}>
              {t(member.emailStatus === 'not_sent' ? 'send' : 'resend')}
            </RowAction>
          )}
          <RowAction label={t('copyLinkLabel', named)} onClick={props.onCopyLink}>
            {t('copyLink')}
          </RowAction>
          <RowAction danger="danger" label={t('removeLabel', named)} onClick={props.onRemove}>
            {t('remove')}
          </RowAction>
        </div>
      )}
    </>
  );
}
