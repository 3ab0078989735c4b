import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Attendee } from '../../../shared/attendees/attendee-schema.js';
import type { Event } from '../../../shared/events/event-schema.js';
import { downloadFile } from '../../lib/download.js';
import { eventFileName } from '../../../shared/text/file-name.js';
import { ApiError } from '../../lib/api-client.js';
import { formatDate, formatTime } from '../../lib/datetime.js';
import { defineMessages } from '../../lib/i18n.js';
import { OrientationField, PrintedSheet, SheetControls, SheetPageHead, useSheetEvent, type Orientation, type SheetColumn, type SheetRow } from '../components/printed-sheet.js';
import { useApp, useText } from '../context.js';
import { navigate } from '../router.js';
import type { PageProps } from '../routes.js';
import { errorText } from '../../lib/error-text.js';

/**
 * The sign-in sheet (issue 9): who comes, in the order and with the columns chosen here, printed
 * on A4 with a wide column to sign in and numbered blank rows for walk-ins. The choices live in
 * the address, so a sheet can be bookmarked or sent to a colleague as it is.
 */
const messages = defineMessages({
  vi: {
    heading: 'In danh sách ký tên',
    back: 'Về sự kiện',
    document: 'DANH SÁCH KÝ TÊN',
    options: 'Tùy chọn in',
    who: 'Những ai',
    whoConfirmed: 'Chỉ người đã xác nhận',
    whoAll: 'Cả danh sách chờ và chờ duyệt',
    sort: 'Sắp xếp',
    sortName: 'Theo tên (thứ tự tiếng Việt)',
    sortOrganisation: 'Theo đơn vị',
    sortRank: 'Theo thứ tự lễ tân',
    groupBy: 'Chia nhóm',
    groupNone: 'Không chia nhóm',
    groupOrganisation: 'Theo đơn vị',
    groupGroup: 'Theo đoàn / nhóm',
    orientation: 'Khổ giấy A4',
    portrait: 'Dọc',
    landscape: 'Ngang',
    blank: 'Số dòng trống cuối danh sách',
    blankHint: 'Cho khách đến không báo trước (0–200).',
    columns: 'Thêm cột',
    print: 'In',
    exportCsv: 'Tải CSV (cho phần mềm khác)',
    exportXlsx: 'Tải Excel (XLSX)',
    manyColumns: 'Nhiều cột: nên in khổ ngang để cột ký tên đủ rộng.',
    empty: 'Chưa có ai trong danh sách; tờ in chỉ có các dòng trống.',
    total: 'Tổng số: {count} người',
    groupCount: '{group} ({count} người)',
    noGroup: 'Khác',
    stt: 'STT',
    name: 'Họ và tên',
    organisation: 'Đơn vị',
    position: 'Chức vụ',
    phone: 'Điện thoại',
    group: 'Nhóm',
    response: 'Trả lời',
    checkedInAt: 'Giờ đến',
    signature: 'Ký tên',
    'response.confirmed': 'Tham dự',
    'response.waitlisted': 'Chờ chỗ',
    'response.pending': 'Chờ duyệt',
  },
  en: {
    heading: 'Print the sign-in sheet',
    back: 'Back to the event',
    document: 'SIGN-IN SHEET',
    options: 'Print options',
    who: 'Who',
    whoConfirmed: 'Confirmed only',
    whoAll: 'Also the waiting list and those awaiting approval',
    sort: 'Order',
    sortName: 'By name (Vietnamese order)',
    sortOrganisation: 'By organisation',
    sortRank: 'By protocol rank',
    groupBy: 'Groups',
    groupNone: 'No groups',
    groupOrganisation: 'By organisation',
    groupGroup: 'By delegation / group',
    orientation: 'A4 paper',
    portrait: 'Portrait',
    landscape: 'Landscape',
    blank: 'Blank rows at the end',
    blankHint: 'For people who come unannounced (0–200).',
    columns: 'Extra columns',
    print: 'Print',
    exportCsv: 'Download CSV (other programs)',
    exportXlsx: 'Download Excel (XLSX)',
    manyColumns: 'Many columns: landscape leaves the signature column wide enough.',
    empty: 'Nobody on the list yet; the sheet has only blank rows.',
    total: 'Total: {count} people',
    groupCount: '{group} ({count} people)',
    noGroup: 'Other',
    stt: 'No.',
    name: 'Full name',
    organisation: 'Organisation',
    position: 'Position',
    phone: 'Phone',
    group: 'Group',
    response: 'Answer',
    checkedInAt: 'Arrived',
    signature: 'Signature',
    'response.confirmed': 'Confirmed',
    'response.waitlisted': 'Waiting list',
    'response.pending': 'Awaiting approval',
  },
});

type AttendeeAnswer = { items: Attendee[]; groups?: { group: string; count: number }[] };

const extraColumns = ['phone', 'group', 'response', 'checkedInAt'] as const;
type ExtraColumn = (typeof extraColumns)[number];
const sorts = ['name', 'organisation', 'rank'] as const;
const groupings = ['', 'organisation', 'group'] as const;

/** The sheet's choices, read from the address; anything unknown falls back to the default. */
function readOptions(query: URLSearchParams) {
  const pick = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
    values.includes(value as T) ? (value as T) : fallback;
  const blank = Number(query.get('blank') ?? 5);
  return {
    include: query.get('include') === 'all' ? ('all' as const) : ('confirmed' as const),
    sort: pick(sorts, query.get('sort'), 'name'),
    groupBy: pick(groupings, query.get('groupBy'), ''),
    orientation: pick<Orientation>(['portrait', 'landscape'], query.get('orientation'), 'portrait'),
    blank: Number.isInteger(blank) ? Math.min(200, Math.max(0, blank)) : 5,
    columns: (query.get('columns') ?? '').split(',').filter((c): c is ExtraColumn => extraColumns.includes(c as ExtraColumn)),
  };
}
type Options = ReturnType<typeof readOptions>;

function optionsQuery(options: Options): string {
  const params = new URLSearchParams();
  if (options.include === 'all') params.set('include', 'all');
  if (options.sort !== 'name') params.set('sort', options.sort);
  if (options.groupBy) params.set('groupBy', options.groupBy);
  if (options.orientation !== 'portrait') params.set('orientation', options.orientation);
  if (options.blank !== 5) params.set('blank', String(options.blank));
  if (options.columns.length) params.set('columns', options.columns.join(','));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The list's query to the API: the same choices, as docs/api/API.md names them. */
function listQuery(options: Options): Record<string, string> {
  return {
    ...(options.include === 'all' ? { include: 'waitlisted,pending' } : {}),
    sort: options.sort,
    ...(options.groupBy ? { groupBy: options.groupBy } : {}),
  };
}

export function PrintSheetPage({ params, query }: PageProps) {
  const { api, language } = useApp();
  const t = useText(messages);
  const eventId = params.eventId!;
  const base = `/api/events/${encodeURIComponent(eventId)}`;
  const options = readOptions(query);
  const [event, setEvent] = useState<Event>();
  const [list, setList] = useState<{ key: string; answer: AttendeeAnswer }>();
  const [error, setError] = useState<string>();
  const [notFound, setNotFound] = useState(false);
  const listKey = JSON.stringify(listQuery(options));
  // What is being typed stays as typed until it is committed (on change), whatever re-renders meanwhile.
  const [blankDraft, setBlankDraft] = useState(String(options.blank));
  useEffect(() => setBlankDraft(String(options.blank)), [options.blank]);

  const fail = (failure: unknown) => {
    if (failure instanceof ApiError && failure.status === 404) setNotFound(true);
    setError(errorText(failure));
  };
  useEffect(() => {
    api.get<{ event: Event }>(base).then((answer) => setEvent(answer.event), fail);
  }, [base]);
  useEffect(() => {
    let live = true;
    api
      .get<AttendeeAnswer>(`${base}/attendees`, listQuery(options))
      // Thousands of people: read (parsed) in one task, turned into rows and drawn from the next.
      .then((answer) => new Promise<AttendeeAnswer>((resolve) => window.setTimeout(() => resolve(answer), 0)))
      .then((answer) => live && setList({ key: listKey, answer }), fail);
    return () => {
      live = false;
    };
  }, [base, listKey]);

  const change = (next: Partial<Options>) => navigate(`${window.location.pathname}${optionsQuery({ ...options, ...next })}`, { replace: true });

  const columnsKey = options.columns.join(',');
  const columns = useMemo<SheetColumn[]>(
    () => [
      { key: 'stt', heading: t('stt'), width: 'stt' },
      { key: 'name', heading: t('name'), width: 'name' },
      { key: 'organisation', heading: t('organisation') },
      { key: 'position', heading: t('position'), width: 'position' },
      ...extraColumns
        .filter((c) => options.columns.includes(c))
        .map((c): SheetColumn => ({ key: c, heading: t(c), width: c === 'group' ? undefined : c === 'phone' ? 'medium' : 'short' })),
      { key: 'signature', heading: t('signature'), width: 'sign' },
    ],
    [t, columnsKey],
  );

  const answer = list?.answer;
  const rows = useMemo<SheetRow[]>(() => {
    if (!answer) return [];
    const cellsOf = (item: Attendee, number: number) => [
      String(number),
      item.name,
      item.organisation ?? '',
      item.position ?? '',
      ...extraColumns
        .filter((c) => options.columns.includes(c))
        .map((c) => {
          if (c === 'response') {
            const key = `response.${item.response}`;
            return key in messages.vi ? t(key as 'response.confirmed') : item.response;
          }
          if (c === 'checkedInAt') return item.checkedInAt ? `${formatTime(item.checkedInAt)} ${formatDate(item.checkedInAt).slice(0, 5)}` : '';
          return item[c] ?? '';
        }),
      '',
    ];
    const out: SheetRow[] = [];
    const counts = new Map((answer.groups ?? []).map((g) => [g.group, g.count]));
    let group: string | undefined;
    answer.items.forEach((item, index) => {
      if (options.groupBy) {
        const name = item[options.groupBy] ?? '';
        if (index === 0 || name !== group) {
          group = name;
          out.push({ kind: 'group', key: `g:${name}`, label: t('groupCount', { group: name || t('noGroup'), count: counts.get(name) ?? 0 }) });
        }
      }
      out.push({ kind: 'person', key: item.registrationId, cells: cellsOf(item, index + 1) });
    });
    // A blank row: its number, then as many empty cells as the other columns.
    const empty = 4 + options.columns.length;
    for (let i = 0; i < options.blank; i += 1) {
      out.push({ kind: 'blank', key: `blank:${i}`, cells: [String(answer.items.length + i + 1), ...Array.from({ length: empty }, () => '')] });
    }
    return out;
  }, [answer, options.blank, options.groupBy, columnsKey, t]);

  const sheetEvent = useSheetEvent(event, language);
  // "Save as PDF" offers the page's title as the file's name: one people can use, never an id.
  useEffect(() => {
    if (event) document.title = eventFileName(language === 'vi' ? 'danh sach ky ten' : 'sign-in sheet', event, language);
  }, [event, language]);

  const exportQuery = new URLSearchParams({
    ...listQuery(options),
    columns: ['organisation', 'position', ...options.columns].join(','),
  }).toString();
  const ready = sheetEvent && answer && list.key === listKey;

  /**
   * A plain link would get its column headings in the browser's language; fetched here, the file
   * speaks the console's (Accept-Language), and an error is shown rather than downloaded.
   */
  async function exportFile(e: MouseEvent) {
    e.preventDefault();
    setError(undefined);
    try {
      setError(await downloadFile((e.currentTarget as HTMLAnchorElement).href, language));
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <section class="print-sheet">
      <SheetPageHead eventId={eventId} back={t('back')} heading={t('heading')} error={error} />
      {!notFound && (
        <SheetControls label={t('options')}>
          <div class="sheet-options">
            <div class="field">
              <label for="p-who">{t('who')}</label>
              <select id="p-who" value={options.include} onChange={(e) => change({ include: e.currentTarget.value === 'all' ? 'all' : 'confirmed' })}>
                <option value="confirmed">{t('whoConfirmed')}</option>
                <option value="all">{t('whoAll')}</option>
              </select>
            </div>
            <div class="field">
              <label for="p-sort">{t('sort')}</label>
              <select id="p-sort" value={options.sort} onChange={(e) => change({ sort: e.currentTarget.value as Options['sort'] })}>
                <option value="name">{t('sortName')}</option>
                <option value="organisation">{t('sortOrganisation')}</option>
                <option value="rank">{t('sortRank')}</option>
              </select>
            </div>
            <div class="field">
              <label for="p-group">{t('groupBy')}</label>
              <select id="p-group" value={options.groupBy} onChange={(e) => change({ groupBy: e.currentTarget.value as Options['groupBy'] })}>
                <option value="">{t('groupNone')}</option>
                <option value="organisation">{t('groupOrganisation')}</option>
                <option value="group">{t('groupGroup')}</option>
              </select>
            </div>
            <OrientationField
              id="p-orientation"
              label={t('orientation')}
              portrait={t('portrait')}
              landscape={t('landscape')}
              value={options.orientation}
              first="portrait"
              onChange={(next) => change({ orientation: next })}
            />
            <div class="field">
              <label for="p-blank">{t('blank')}</label>
              <p class="hint" id="p-blank-hint">
                {t('blankHint')}
              </p>
              <input
                id="p-blank"
                type="number"
                inputMode="numeric"
                min={0}
                max={200}
                value={blankDraft}
                aria-describedby="p-blank-hint"
                onInput={(e) => setBlankDraft(e.currentTarget.value)}
                onChange={(e) => change({ blank: Number(e.currentTarget.value) || 0 })}
              />
            </div>
          </div>
          <fieldset class="sheet-columns">
            <legend>{t('columns')}</legend>
            {extraColumns.map((column) => (
              <label key={column} class="sheet-check">
                <input
                  type="checkbox"
                  checked={options.columns.includes(column)}
                  onChange={(e) =>
                    change({
                      columns: e.currentTarget.checked
                        ? extraColumns.filter((c) => c === column || options.columns.includes(c))
                        : options.columns.filter((c) => c !== column),
                    })
                  }
                />
                {t(column)}
              </label>
            ))}
          </fieldset>
          {options.orientation === 'portrait' && options.columns.length >= 2 && <p class="hint">{t('manyColumns')}</p>}
          <div class="actions">
            <button type="button" class="button primary" disabled={!ready} onClick={() => window.print()}>
              {t('print')}
            </button>
            {/* XLSX first: the file for Excel (text as typed, times as dates); CSV for other programs. */}
            <a class="button" href={`${base}/attendees?format=xlsx&${exportQuery}`} download onClick={(e) => void exportFile(e)}>
              {t('exportXlsx')}
            </a>
            <a class="button" href={`${base}/attendees?format=csv&${exportQuery}`} download onClick={(e) => void exportFile(e)}>
              {t('exportCsv')}
            </a>
          </div>
          {answer && answer.items.length === 0 && <p class="muted">{t('empty')}</p>}
        </SheetControls>
      )}
      {!ready && !error && (
        <p class="loading no-print" role="status">
          {t('common.loading')}
        </p>
      )}
      {ready && (
        <PrintedSheet
          documentTitle={t('document')}
          event={sheetEvent}
          summary={t('total', { count: answer.items.length })}
          columns={columns}
          rows={rows}
          orientation={options.orientation}
        />
      )}
    </section>
  );
}
