import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Event } from '../../../shared/events/event-schema.js';
import { ApiError } from '../../lib/api-client.js';
import { defineMessages } from '../../lib/i18n.js';
import { OrientationField, PrintedSheet, SheetControls, SheetPageHead, useSheetEvent, type Orientation, type SheetColumn, type SheetRow } from '../components/printed-sheet.js';
import { useApp, useCan, useText } from '../context.js';
import { navigate } from '../router.js';
import type { PageProps } from '../routes.js';
import { errorText } from '../../lib/error-text.js';

/**
 * The delegation roster (Danh sách đoàn) as it goes to the visa office and the border post:
 * members in protocol order with their role, date of birth, position and passport. Organisers
 * and admins see passport data; staff get it masked from the API and print it masked.
 */
const messages = defineMessages({
  vi: {
    heading: 'Danh sách đoàn',
    back: 'Về sự kiện',
    document: 'DANH SÁCH ĐOÀN',
    options: 'Tùy chọn in',
    who: 'Những ai',
    whoActive: 'Mọi thành viên (trừ người đã từ chối, rút lui)',
    whoConfirmed: 'Chỉ người đã xác nhận',
    orientation: 'Khổ giấy A4',
    portrait: 'Dọc',
    landscape: 'Ngang',
    print: 'In',
    masked: 'Dữ liệu hộ chiếu được che: chỉ người tổ chức và quản trị viên được xem (Nghị định 13/2023/NĐ-CP).',
    notDelegation: 'Sự kiện này không phải đoàn công tác.',
    empty: 'Đoàn chưa có thành viên.',
    total: 'Tổng số: {count} người',
    stt: 'STT',
    name: 'Họ và tên',
    role: 'Vai trò trong đoàn',
    dateOfBirth: 'Ngày sinh',
    position: 'Chức vụ, đơn vị',
    passportNumber: 'Số hộ chiếu',
    passportExpiry: 'Ngày hết hạn',
    arrival: 'Đến (ngày, giờ, chuyến)',
    departure: 'Đi (ngày, giờ, chuyến)',
    stay: 'Khách sạn, phòng',
    dietary: 'Ăn uống',
  },
  en: {
    heading: 'Delegation list',
    back: 'Back to the event',
    document: 'DELEGATION LIST',
    options: 'Print options',
    who: 'Who',
    whoActive: 'Every member (but those who declined or withdrew)',
    whoConfirmed: 'Confirmed only',
    orientation: 'A4 paper',
    portrait: 'Portrait',
    landscape: 'Landscape',
    print: 'Print',
    masked: 'Passport data is masked: only organisers and administrators may see it (Decree 13/2023).',
    notDelegation: 'This event is not a delegation.',
    empty: 'The delegation has no members yet.',
    total: 'Total: {count} people',
    stt: 'No.',
    name: 'Full name',
    role: 'Role',
    dateOfBirth: 'Date of birth',
    position: 'Position, organisation',
    passportNumber: 'Passport number',
    passportExpiry: 'Expiry date',
    arrival: 'Arrives (date, time, flight)',
    departure: 'Leaves (date, time, flight)',
    stay: 'Hotel, room',
    dietary: 'Dietary needs',
  },
});

type Member = {
  invitationId: string;
  name: string;
  organisation?: string;
  position?: string;
  role: string;
  roleLabel: { vi: string; en: string };
  response: string;
  details?: Record<string, string>;
  logistics?: Partial<Record<'arrivalDate' | 'arrivalTime' | 'arrivalTransport' | 'departureDate' | 'departureTime' | 'departureTransport' | 'hotel' | 'room' | 'dietary', string>>;
};

const gone = new Set(['declined', 'withdrawn', 'rejected']);

type ColumnKey = 'stt' | 'name' | 'role' | 'position' | 'passportNumber' | 'arrival' | 'departure' | 'stay' | 'dietary' | 'dateOfBirth' | 'passportExpiry';

/** The columns of a delegation received here: their papers and their stay. Each is headed by its message. */
const incomingColumns: [ColumnKey, SheetColumn['width']][] = [
  ['stt', 'stt'],
  ['name', 'name'],
  ['role', 'short'],
  ['position', undefined],
  ['passportNumber', 'short'],
  ['arrival', 'medium'],
  ['departure', 'medium'],
  ['stay', 'medium'],
  ['dietary', 'short'],
];

/** The columns of a delegation going abroad: what the visa needs. */
const outgoingColumns: [ColumnKey, SheetColumn['width']][] = [
  ['stt', 'stt'],
  ['name', 'name'],
  ['role', 'medium'],
  ['dateOfBirth', 'date'],
  ['position', undefined],
  ['passportNumber', 'medium'],
  ['passportExpiry', 'date'],
];

/** 1980-05-02 → 02/05/1980; a masked or free-text value stays as it is. */
function asLocalDate(value: string | undefined): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}

export function DelegationRosterPage({ params, query }: PageProps) {
  const { api, language } = useApp();
  const can = useCan();
  const t = useText(messages);
  const eventId = params.eventId!;
  const base = `/api/events/${encodeURIComponent(eventId)}`;
  const orientation: Orientation = query.get('orientation') === 'portrait' ? 'portrait' : 'landscape';
  const confirmedOnly = query.get('who') === 'confirmed';
  const [event, setEvent] = useState<Event>();
  const [members, setMembers] = useState<Member[]>();
  // An incoming delegation's roster is the reception's list: arrival, departure, hotel, food.
  const [incoming, setIncoming] = useState(false);
  const [error, setError] = useState<string>();

  const fail = (failure: unknown) => {
    if (failure instanceof ApiError && failure.code === 'not_a_delegation') setError(t('notDelegation'));
    else setError(errorText(failure));
  };
  useEffect(() => {
    api.get<{ event: Event }>(base).then((answer) => setEvent(answer.event), fail);
    api.get<{ items: Member[]; direction?: string }>(`${base}/delegation`).then((answer) => {
      setMembers(answer.items);
      setIncoming(answer.direction === 'incoming');
    }, fail);
  }, [base]);

  const change = (next: { orientation?: Orientation; confirmedOnly?: boolean }) => {
    const params = new URLSearchParams();
    if ((next.orientation ?? orientation) === 'portrait') params.set('orientation', 'portrait');
    if (next.confirmedOnly ?? confirmedOnly) params.set('who', 'confirmed');
    const text = params.toString();
    navigate(`${window.location.pathname}${text ? `?${text}` : ''}`, { replace: true });
  };

  const columns = useMemo<SheetColumn[]>(
    () => (incoming ? incomingColumns : outgoingColumns).map(([key, width]) => ({ key, heading: t(key), width })),
    [t, incoming],
  );
  const shown = useMemo(
    () => members?.filter((m) => (confirmedOnly ? m.response === 'confirmed' : !gone.has(m.response))),
    [members, confirmedOnly],
  );
  const rows = useMemo<SheetRow[]>(
    () =>
      (shown ?? []).map((m, index) => {
        const l = m.logistics ?? {};
        const cells = incoming
          ? [
              String(index + 1),
              m.name,
              m.roleLabel[language],
              [m.position, m.organisation].filter(Boolean).join(', '),
              m.details?.passportNumber ?? '',
              [asLocalDate(l.arrivalDate), l.arrivalTime, l.arrivalTransport].filter(Boolean).join(' '),
              [asLocalDate(l.departureDate), l.departureTime, l.departureTransport].filter(Boolean).join(' '),
              [l.hotel, l.room].filter(Boolean).join(', '),
              l.dietary ?? '',
            ]
          : [
              String(index + 1),
              m.name,
              m.roleLabel[language],
              asLocalDate(m.details?.dateOfBirth),
              [m.position, m.organisation].filter(Boolean).join(', '),
              m.details?.passportNumber ?? '',
              asLocalDate(m.details?.passportExpiry),
            ];
        return { kind: 'person', key: m.invitationId, cells };
      }),
    [shown, language, incoming],
  );
  const sheetEvent = useSheetEvent(event, language);

  return (
    <section class="print-sheet">
      <SheetPageHead eventId={eventId} back={t('back')} heading={t('heading')} error={error}>
        {!can('passports:read') && <p class="notice warning">{t('masked')}</p>}
      </SheetPageHead>
      {!error && (
        <SheetControls label={t('options')}>
          <div class="sheet-options">
            <div class="field">
              <label for="r-who">{t('who')}</label>
              <select id="r-who" value={confirmedOnly ? 'confirmed' : 'active'} onChange={(e) => change({ confirmedOnly: e.currentTarget.value === 'confirmed' })}>
                <option value="active">{t('whoActive')}</option>
                <option value="confirmed">{t('whoConfirmed')}</option>
              </select>
            </div>
            <OrientationField
              id="r-orientation"
              label={t('orientation')}
              portrait={t('portrait')}
              landscape={t('landscape')}
              value={orientation}
              first="landscape"
              onChange={(next) => change({ orientation: next })}
            />
          </div>
          <div class="actions">
            <button type="button" class="button primary" disabled={!sheetEvent || !shown} onClick={() => window.print()}>
              {t('print')}
            </button>
          </div>
          {shown && shown.length === 0 && <p class="muted">{t('empty')}</p>}
        </SheetControls>
      )}
      {!error && (!sheetEvent || !shown) && (
        <p class="loading no-print" role="status">
          {t('common.loading')}
        </p>
      )}
      {!error && sheetEvent && shown && (
        <PrintedSheet
          documentTitle={t('document')}
          event={sheetEvent}
          summary={t('total', { count: shown.length })}
          columns={columns}
          rows={rows}
          orientation={orientation}
        />
      )}
    </section>
  );
}
