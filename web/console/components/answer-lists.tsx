import { OnBehalfMark, type AnswerChannel } from './on-behalf-mark.js';
import { formatDateTime } from '../../lib/datetime.js';
import { defineMessages } from '../../lib/i18n.js';
import { useText } from '../context.js';
import { DataTable } from './data-table.js';
import { RowAction } from './row-action.js';

const messages = defineMessages({
  vi: {
    actions: 'Thao tác',
    pendingTitle: 'Chờ duyệt',
    pendingNone: 'Không có ai chờ duyệt.',
    selectAll: 'Chọn tất cả người chờ duyệt',
    select: 'Chọn {name}',
    selectShort: 'Chọn',
    selected: 'Đã chọn {count}',
    approveSelected: 'Duyệt những người đã chọn',
    rejectSelected: 'Không duyệt những người đã chọn',
    approve: 'Duyệt',
    reject: 'Không duyệt',
    approveLabel: 'Duyệt {name}',
    rejectLabel: 'Không duyệt {name}',
    name: 'Họ và tên',
    organisation: 'Đơn vị',
    answeredAt: 'Trả lời lúc',
    fullHint: 'Đã hết chỗ: người được duyệt sẽ vào danh sách chờ.',
    waitlistTitle: 'Danh sách chờ',
    waitlistNone: 'Không có ai trong danh sách chờ.',
    position: 'Thứ tự',
    waitlistedAt: 'Vào danh sách lúc',
  },
  en: {
    actions: 'Actions',
    pendingTitle: 'Awaiting approval',
    pendingNone: 'Nobody is awaiting approval.',
    selectAll: 'Select everyone awaiting approval',
    select: 'Select {name}',
    selectShort: 'Select',
    selected: '{count} selected',
    approveSelected: 'Approve selected',
    rejectSelected: 'Reject selected',
    approve: 'Approve',
    reject: 'Reject',
    approveLabel: 'Approve {name}',
    rejectLabel: 'Reject {name}',
    name: 'Name',
    organisation: 'Organisation',
    answeredAt: 'Answered',
    fullHint: 'The event is full: whoever is approved goes on the waiting list.',
    waitlistTitle: 'Waiting list',
    waitlistNone: 'Nobody is on the waiting list.',
    position: 'Position',
    waitlistedAt: 'On the list since',
  },
});

export type Pending = { invitationId: string; name: string; organisation?: string; answeredAt?: string; answeredBy?: { channel: AnswerChannel } };
export type Waiting = { position: number; invitationId: string; name?: string; organisation?: string; waitlistedAt: string };

/** Answers waiting for the organiser's approval: each approved or rejected, or a selection at once. */
export function PendingApprovals(props: {
  pending: Pending[];
  /** The organiser may decide now (the event is published). */
  acts: boolean;
  busy: boolean;
  full: boolean;
  selected: ReadonlySet<string>;
  onSelected: (selected: ReadonlySet<string>) => void;
  onApprove: (invitationIds: string[]) => void;
  onReject: (invitationIds: string[]) => void;
}) {
  const t = useText(messages);
  const { pending, acts, busy, full, selected } = props;
  const allSelected = pending.length > 0 && pending.every((p) => selected.has(p.invitationId));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    props.onSelected(next);
  };
  return (
    <section class="card" aria-labelledby="pending-title">
      <h2 id="pending-title">{t('pendingTitle')}</h2>
      {pending.length === 0 ? (
        <p class="muted">{t('pendingNone')}</p>
      ) : (
        <>
          {acts && (
            <div class="bulk-bar" role="group" aria-label={t('actions')}>
              <span class="muted" aria-live="polite">
                {t('selected', { count: selected.size })}
              </span>
              <button type="button" class="button primary small" disabled={busy || selected.size === 0} onClick={() => props.onApprove([...selected])}>
                {t('approveSelected')}
              </button>
              <button type="button" class="button danger-outline small" disabled={busy || selected.size === 0} onClick={() => props.onReject([...selected])}>
                {t('rejectSelected')}
              </button>
              {full && <span class="hint">{t('fullHint')}</span>}
            </div>
          )}
          <DataTable
            class="table stack answers-table pending-table"
            columns={[
              acts && {
                class: 'cell-check',
                label: (
                  <input
                    type="checkbox"
                    aria-label={t('selectAll')}
                    checked={allSelected}
                    onChange={(e) => props.onSelected(new Set(e.currentTarget.checked ? pending.map((p) => p.invitationId) : []))}
                  />
                ),
              },
              t('name'),
              t('organisation'),
              t('answeredAt'),
              acts && t('actions'),
            ]}
          >
            {pending.map((p) => (
              <tr key={p.invitationId}>
                {acts && (
                  <td class="cell-check" data-label={t('selectShort')}>
                    <input
                      type="checkbox"
                      aria-label={t('select', { name: p.name })}
                      checked={selected.has(p.invitationId)}
                      onChange={(e) => toggle(p.invitationId, e.currentTarget.checked)}
                    />
                  </td>
                )}
                <th scope="row" data-label={t('name')}>
                  {p.name}
                  {p.answeredBy && (
                    <>
                      {' '}
                      <OnBehalfMark channel={p.answeredBy.channel} />
                    </>
                  )}
                </th>
                <td data-label={t('organisation')}>{p.organisation}</td>
                <td data-label={t('answeredAt')}>{p.answeredAt ? formatDateTime(p.answeredAt) : ''}</td>
                {acts && (
                  <td data-label={t('actions')}>
                    <div class="row-actions">
                      <RowAction disabled={busy} label={t('approveLabel', { name: p.name })} onClick={() => props.onApprove([p.invitationId])}>
                        {t('approve')}
                      </RowAction>
                      <RowAction danger="danger-outline" disabled={busy} label={t('rejectLabel', { name: p.name })} onClick={() => props.onReject([p.invitationId])}>
                        {t('reject')}
                      </RowAction>
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}

/** The waiting list, in the order seats are offered. */
export function WaitingList({ waiting }: { waiting: Waiting[] }) {
  const t = useText(messages);
  return (
    <section class="card" aria-labelledby="waitlist-title">
      <h2 id="waitlist-title">{t('waitlistTitle')}</h2>
      {waiting.length === 0 ? (
        <p class="muted">{t('waitlistNone')}</p>
      ) : (
        <DataTable class="table stack answers-table waitlist-table" columns={[t('position'), t('name'), t('organisation'), t('waitlistedAt')]}>
          {waiting.map((w) => (
            <tr key={w.invitationId}>
              <td class="cell-position" data-label={t('position')}>
                {w.position}
              </td>
              <th scope="row" data-label={t('name')}>
                {w.name}
              </th>
              <td data-label={t('organisation')}>{w.organisation}</td>
              <td data-label={t('waitlistedAt')}>{formatDateTime(w.waitlistedAt)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
