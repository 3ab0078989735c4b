import { useState } from 'preact/hooks';
import type { InvitationCounts } from '../../../shared/invitations/invitation-schema.js';
import { downloadFile } from '../../lib/download.js';
import { errorText } from '../../lib/error-text.js';
import { defineMessages } from '../../lib/i18n.js';
import { useApp, useText } from '../context.js';
import { SearchField } from './form.js';
import { emailStatusList, invitationLabels, responseList } from './invitation-labels.js';
import { ErrorNotice } from './page-notices.js';

const messages = defineMessages({
  vi: {
    countsTitle: 'Lọc danh sách',
    byMail: 'Theo tình trạng thư',
    byAnswer: 'Theo phản hồi',
    all: 'Tất cả',
    search: 'Tìm khách mời',
    searchHint: 'Tên, đơn vị, email hoặc số điện thoại; gõ không dấu cũng được.',
    group: 'Nhóm',
    allGroups: 'Tất cả các nhóm',
    clear: 'Bỏ lọc',
    exportTitle: 'Tải danh sách đang xem',
    exportXlsx: 'Tải Excel (XLSX)',
    exportCsv: 'Tải CSV',
    exportHint: 'Tệp gồm đúng những khách mời bộ lọc đang chọn, kèm tình trạng thư và câu trả lời.',
  },
  en: {
    countsTitle: 'Filter the list',
    byMail: 'By mail status',
    byAnswer: 'By answer',
    all: 'All',
    search: 'Search invitees',
    searchHint: 'Name, organisation, email or phone; accents are optional.',
    group: 'Group',
    allGroups: 'All groups',
    clear: 'Clear filters',
    exportTitle: 'Download the list shown',
    exportXlsx: 'Download Excel (XLSX)',
    exportCsv: 'Download CSV',
    exportHint: 'The file holds exactly the invitees the filters show, with their email status and answer.',
  },
});

export type InvitationFilter = { emailStatus: string; response: string; group: string; q: string };

/**
 * The counts that filter the invitation list, the search box, the group, and the download of
 * the list as filtered now (export-invitations.ts).
 */
export function InvitationFilters(props: {
  /** The invitations API of the event: `/api/events/:eventId/invitations`. */
  base: string;
  counts?: InvitationCounts;
  active: InvitationFilter;
  search: string;
  onSearch: (text: string) => void;
  /** Changes some filters (in the page's address). */
  onFilter: (changes: Partial<InvitationFilter>) => void;
}) {
  const { language } = useApp();
  const t = useText(messages);
  const tl = useText(invitationLabels);
  const { counts, search, base } = props;
  const { emailStatus, response, group, q } = props.active;
  const filtered = Boolean(emailStatus || response || group || q);
  const filter = props.onFilter;
  const setSearch = props.onSearch;
  const [exportError, setExportError] = useState<string>();
  const exportHref = (format: 'csv' | 'xlsx') => {
    const filters = Object.entries({ emailStatus, response, group, q }).filter((entry): entry is [string, string] => Boolean(entry[1]));
    return `${base}/export?${new URLSearchParams([['format', format], ...filters]).toString()}`;
  };
  async function exportList(e: MouseEvent) {
    e.preventDefault();
    setExportError(undefined);
    try {
      setExportError(await downloadFile((e.currentTarget as HTMLAnchorElement).href, language));
    } catch (failure) {
      setExportError(errorText(failure));
    }
  }

  return (
    <section class="card filters-card" aria-labelledby="filters-title">
      <h2 id="filters-title" class="visually-hidden">
        {t('countsTitle')}
      </h2>
      {counts && (
        <>
          <Chips
            id="chips-mail"
            label={t('byMail')}
            allLabel={t('all')}
            total={counts.total}
            active={emailStatus}
            entries={emailStatusList.map((s) => ({ value: s, label: tl(`emailStatus.${s}`), count: counts.emailStatus[s] }))}
            onPick={(value) => filter({ emailStatus: value })}
          />
          <Chips
            id="chips-answer"
            label={t('byAnswer')}
            allLabel={t('all')}
            total={counts.total}
            active={response}
            entries={responseList.map((r) => ({ value: r, label: tl(`response.${r}`), count: counts.response[r] }))}
            onPick={(value) => filter({ response: value })}
          />
        </>
      )}
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <SearchField id="invitation-search" class="search-field" label={t('search')} hint={t('searchHint')} value={search} onValue={setSearch} controls="invitation-list" />
        {counts && counts.groups.length > 0 && (
          <div class="field group-field">
            <label for="invitation-group">{t('group')}</label>
            <select id="invitation-group" value={group} onChange={(e) => filter({ group: e.currentTarget.value })}>
              <option value="">{t('allGroups')}</option>
              {counts.groups.map((g) => (
                <option key={g.group} value={g.group}>
                  {g.group} ({g.count})
                </option>
              ))}
              {group && !counts.groups.some((g) => g.group === group) && <option value={group}>{group}</option>}
            </select>
          </div>
        )}
      </form>
      {counts && counts.total > 0 && (
        <div class="export-actions" role="group" aria-labelledby="export-title">
          <h3 id="export-title">{t('exportTitle')}</h3>
          <p class="hint">{t('exportHint')}</p>
          {/* Excel first: it is the file the office opens; CSV for other programs. */}
          <a class="button" href={exportHref('xlsx')} download onClick={(e) => void exportList(e)}>
            {t('exportXlsx')}
          </a>{' '}
          <a class="button" href={exportHref('csv')} download onClick={(e) => void exportList(e)}>
            {t('exportCsv')}
          </a>
          <ErrorNotice message={exportError} />
        </div>
      )}
      {filtered && (
        <p class="clear-filters">
          <button
            type="button"
            class="button link"
            onClick={() => {
              setSearch('');
              filter({ emailStatus: '', response: '', group: '', q: '' });
            }}
          >
            {t('clear')}
          </button>
        </p>
      )}
    </section>
  );
}

/** Counts that filter: one pressed at a time, "All" releases it. Empty ones are left out. */
function Chips(props: {
  id: string;
  label: string;
  allLabel: string;
  total: number;
  active: string;
  entries: { value: string; label: string; count: number }[];
  onPick: (value: string) => void;
}) {
  const shown = props.entries.filter((entry) => entry.count > 0 || entry.value === props.active);
  return (
    <div class="chip-row">
      <span class="chip-label" id={props.id}>
        {props.label}
      </span>
      <div class="chips" role="group" aria-labelledby={props.id}>
        <button type="button" class="chip" aria-pressed={props.active === '' ? 'true' : 'false'} onClick={() => props.onPick('')}>
          {props.allLabel} <span class="chip-count">{props.total}</span>
        </button>
        {shown.map((entry) => (
          <button
            key={entry.value}
            type="button"
            class={`chip chip-${entry.value}`}
            aria-pressed={props.active === entry.value ? 'true' : 'false'}
            onClick={() => props.onPick(props.active === entry.value ? '' : entry.value)}
          >
            {entry.label} <span class="chip-count">{entry.count}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
