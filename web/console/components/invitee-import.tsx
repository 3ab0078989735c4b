import { useEffect, useRef, useState } from 'preact/hooks';
import type { Event } from '../../../shared/events/event-schema.js';
import type { ImportResult } from '../../../shared/invitations/invitation-schema.js';
import { formatDate } from '../../lib/datetime.js';
import { defineMessages, pickLocalized } from '../../lib/i18n.js';
import { pastedTableToCsv } from '../../lib/pasted-table.js';
import { useApp, useText } from '../context.js';
import { CheckboxField, FileField, Form, SelectField, SubmitButton, TextArea, TextField, useFormState, emailInput } from './form.js';
import { ImportProblems } from './import-problems.js';
import { invitationLabels, inviteeFields, useFieldName, type InviteeField } from './invitation-labels.js';
import { errorText } from '../../lib/error-text.js';

const messages = defineMessages({
  vi: {
    title: 'Thêm khách mời',
    how: 'Cách thêm',
    'method.one': 'Từng người',
    'method.paste': 'Dán danh sách',
    'method.file': 'Tải tệp CSV',
    'method.copy': 'Chép từ sự kiện trước',
    oneHint: 'Cần có email hoặc số điện thoại. Bấm “Xem trước” để kiểm tra, rồi xác nhận.',
    pasteLabel: 'Danh sách',
    pasteHint:
      'Chọn các ô trong Excel, kể cả dòng tiêu đề, chép rồi dán vào đây; hoặc dán nội dung một tệp CSV. Tiêu đề cột: Họ và tên, Email, Số điện thoại, Đơn vị, Chức vụ, Ngôn ngữ, Nhóm. Số dòng trong kết quả tính dòng tiêu đề là dòng 1, như trong Excel.',
    pasteEmpty: 'Hãy dán danh sách vào ô trên.',
    fileLabel: 'Tệp CSV',
    fileHint:
      'Trong Excel chọn Lưu thành (Save As) › “CSV UTF-8 (Comma delimited)”. Dòng đầu tiên là tiêu đề cột; dấu phẩy hoặc dấu chấm phẩy đều được.',
    fileNone: 'Hãy chọn một tệp CSV.',
    fileChosen: 'Đã chọn: {name} ({size})',
    copyEvent: 'Sự kiện để chép danh sách',
    copyChoose: '— Chọn sự kiện —',
    copyNone: 'Chưa có sự kiện nào khác để chép.',
    copyExclude: 'Bỏ qua những người đã từ chối',
    copyPick: 'Hãy chọn một sự kiện.',
    preview: 'Xem trước',
    previewing: 'Đang kiểm tra…',
    previewTitle: 'Xem trước — chưa có gì được lưu',
    resultTitle: 'Kết quả nhập',
    toCreate: 'Sẽ thêm',
    createdCount: 'Đã thêm',
    duplicates: 'Trùng',
    errors: 'Lỗi',
    previewSummary: 'Xem trước: {created} khách mời sẽ được thêm, {duplicates} trùng, {errors} dòng lỗi.',
    doneSummary: 'Đã thêm {created} khách mời; bỏ qua {duplicates} trùng và {errors} dòng lỗi.',
    errorsTitle: 'Dòng có lỗi — sẽ bị bỏ qua',
    errorsTitleDone: 'Dòng có lỗi — đã bị bỏ qua',
    duplicatesTitle: 'Trùng — sẽ bị bỏ qua',
    duplicatesTitleDone: 'Trùng — đã bị bỏ qua',
    'dup.in_list': 'trùng với một dòng phía trên trong danh sách này',
    'dup.already_invited': 'đã có trong danh sách khách mời của sự kiện',
    more: '… và {count} dòng khác.',
    commit: 'Xác nhận nhập {count} khách mời',
    committing: 'Đang lưu…',
    nothingNew: 'Không có khách mời mới nào để thêm.',
    fixAndRetry: 'Sửa các dòng lỗi trong tệp rồi nhập lại: những người đã thêm sẽ không bị thêm lần nữa.',
    close: 'Đóng',
  },
  en: {
    title: 'Add invitees',
    how: 'How to add',
    'method.one': 'One person',
    'method.paste': 'Paste a list',
    'method.file': 'Upload CSV',
    'method.copy': 'Copy from an earlier event',
    oneHint: 'An email address or a phone number is needed. Press “Preview” to check, then confirm.',
    pasteLabel: 'The list',
    pasteHint:
      'Select the cells in Excel, header row included, copy and paste them here; or paste the text of a CSV file. Column headers: Name, Email, Phone, Organisation, Position, Language, Group. Row numbers in the result count the header as row 1, as Excel does.',
    pasteEmpty: 'Paste the list into the box above.',
    fileLabel: 'CSV file',
    fileHint:
      'In Excel choose Save As › “CSV UTF-8 (Comma delimited)”. The first row holds the column headers; commas or semicolons both work.',
    fileNone: 'Choose a CSV file.',
    fileChosen: 'Chosen: {name} ({size})',
    copyEvent: 'Event to copy the list from',
    copyChoose: '— Choose an event —',
    copyNone: 'There is no other event to copy from.',
    copyExclude: 'Leave out those who declined',
    copyPick: 'Choose an event.',
    preview: 'Preview',
    previewing: 'Checking…',
    previewTitle: 'Preview — nothing is saved yet',
    resultTitle: 'Import result',
    toCreate: 'To add',
    createdCount: 'Added',
    duplicates: 'Duplicates',
    errors: 'Errors',
    previewSummary: 'Preview: {created} invitees to add, {duplicates} duplicates, {errors} rows with errors.',
    doneSummary: '{created} invitees added; {duplicates} duplicates and {errors} rows with errors left out.',
    errorsTitle: 'Rows with errors — will be left out',
    errorsTitleDone: 'Rows with errors — left out',
    duplicatesTitle: 'Duplicates — will be left out',
    duplicatesTitleDone: 'Duplicates — left out',
    'dup.in_list': 'appears earlier in this same list',
    'dup.already_invited': 'is already on this event’s list',
    more: '… and {count} more.',
    commit: 'Commit import of {count} invitees',
    committing: 'Saving…',
    nothingNew: 'There is no new invitee to add.',
    fixAndRetry: 'Fix the rows with errors and import the file again: those already added are not added twice.',
    close: 'Close',
  },
});

type Method = 'one' | 'paste' | 'file' | 'copy';
const methods: Method[] = ['file', 'paste', 'one', 'copy'];

/** What a preview checked, kept as it was so that the commit sends exactly that. */
type PendingImport =
  | { kind: 'invitees'; invitees: Record<string, string>[] }
  | { kind: 'csv'; body: Blob | string; contentType: string }
  | { kind: 'copy'; fromEventId: string; excludeDeclined: boolean };

type Shown = { result: ImportResult; pending: PendingImport; committed: boolean };

const emptyInvitee: Record<InviteeField, string> = {
  name: '',
  email: '',
  phone: '',
  organisation: '',
  position: '',
  language: 'vi',
  group: '',
};

/**
 * Adding invitees to an event: one by one, a list pasted from Excel, a CSV file, or the list of
 * an earlier event. Whatever the way, the API checks it first (`?preview=true`, nothing written)
 * and shows every duplicate and bad row with its row number, field and reason; the same request
 * is then committed. The API is the only validator here: its answer already speaks the user's
 * language row by row, and the page stays free of zod.
 */
export function InviteeImport(props: {
  eventId: string;
  onImported: (result: ImportResult) => void;
  onClose: () => void;
}) {
  const { api, announce, language } = useApp();
  const t = useText(messages);
  const fieldName = useFieldName();
  const tl = useText(invitationLabels);
  const [method, setMethod] = useState<Method>('file');
  const [pasted, setPasted] = useState('');
  const [file, setFile] = useState<File>();
  const [fileKey, setFileKey] = useState(0);
  const [events, setEvents] = useState<Event[]>();
  const [fromEventId, setFromEventId] = useState('');
  const [excludeDeclined, setExcludeDeclined] = useState(true);
  const one = useFormState(emptyInvitee);
  const [inputError, setInputError] = useState<Record<string, string>>({});
  const [shown, setShown] = useState<Shown>();
  const [busy, setBusy] = useState<'preview' | 'commit'>();
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const base = `/api/events/${encodeURIComponent(props.eventId)}/invitations`;

  useEffect(() => {
    if (method !== 'copy' || events) return;
    api
      .get<{ items: Event[] }>('/api/events', { order: 'desc', limit: 200 })
      .then((page) => setEvents(page.items.filter((event) => event.eventId !== props.eventId)))
      .catch((failure: unknown) => setInputError({ '': errorText(failure) }));
  }, [method]);

  useEffect(() => {
    if (shown) resultHeading.current?.focus();
  }, [shown]);

  /** Any change to what would be imported makes the last preview stale. */
  const changed = () => {
    if (shown && !shown.committed) setShown(undefined);
    setInputError({});
  };
  /** A setter that first drops a preview made from what is now being changed. */
  const changing =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      changed();
      set(value);
    };

  function request(pending: PendingImport, preview: boolean): Promise<ImportResult> {
    const path = preview ? `${base}?preview=true` : base;
    if (pending.kind === 'invitees') return api.post<ImportResult>(path, { invitees: pending.invitees });
    if (pending.kind === 'csv') return api.postRaw<ImportResult>(path, pending.body, pending.contentType);
    const copyPath = `${base}/copy${preview ? '?preview=true' : ''}`;
    return api.post<ImportResult>(copyPath, { fromEventId: pending.fromEventId, excludeDeclined: pending.excludeDeclined });
  }

  function pendingFromInputs(): PendingImport | { missing: string; field: string } {
    switch (method) {
      case 'one': {
        const invitee: Record<string, string> = {};
        for (const key of inviteeFields) {
          const value = one.values[key].trim();
          if (value) invitee[key] = value;
        }
        return { kind: 'invitees', invitees: [invitee] };
      }
      case 'paste': {
        const csv = pastedTableToCsv(pasted);
        return csv ? { kind: 'csv', body: csv, contentType: 'text/csv; charset=utf-8' } : { missing: t('pasteEmpty'), field: 'paste' };
      }
      case 'file':
        // The file's own bytes: the API reads its byte-order mark and refuses what is not UTF-8.
        return file ? { kind: 'csv', body: file, contentType: 'text/csv' } : { missing: t('fileNone'), field: 'file' };
      case 'copy':
        return fromEventId ? { kind: 'copy', fromEventId, excludeDeclined } : { missing: t('copyPick'), field: 'copy' };
    }
  }

  async function preview() {
    const pending = pendingFromInputs();
    if ('missing' in pending) {
      setInputError({ [pending.field]: pending.missing });
      return;
    }
    setInputError({});
    one.setErrors({});
    setShown(undefined);
    setBusy('preview');
    try {
      const result = await request(pending, true);
      setShown({ result, pending, committed: false });
      if (method === 'one') {
        one.setErrors(Object.fromEntries(result.errors.map((error) => [error.field ? `add.${error.field}` : '', error.message])));
      }
      announce(t('previewSummary', { created: result.created, duplicates: result.duplicates.length, errors: result.errors.length }));
    } catch (failure) {
      setInputError({ '': errorText(failure) });
    } finally {
      setBusy(undefined);
    }
  }

  async function commit() {
    if (!shown) return;
    setBusy('commit');
    setInputError({});
    try {
      const result = await request(shown.pending, false);
      setShown({ result, pending: shown.pending, committed: true });
      announce(t('doneSummary', { created: result.created, duplicates: result.duplicates.length, errors: result.errors.length }));
      // Done with these inputs; the result stays on screen.
      setPasted('');
      setFile(undefined);
      setFileKey((key) => key + 1);
      one.setValues(emptyInvitee);
      props.onImported(result);
    } catch (failure) {
      setInputError({ '': errorText(failure) });
    } finally {
      setBusy(undefined);
    }
  }

  const oneField = (key: InviteeField, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      name={`add.${key}`}
      label={tl(`field.${key}`)}
      value={one.values[key]}
      onValue={changing(one.set(key))}
      {...extra}
    />
  );

  const previewButton = (
    <div class="actions">
      <SubmitButton busy={busy === 'preview'} label={t('preview')} busyLabel={t('previewing')} />
    </div>
  );
  /** Each way's form shows only its own field's problem; a general one shows below them all. */
  const errorOf = (field: 'paste' | 'file' | 'copy') => (inputError[field] ? { [field]: inputError[field] } : {});

  return (
    <section class="card import-panel" aria-labelledby="import-title">
      <div class="card-heading">
        <h2 id="import-title">{t('title')}</h2>
        <button type="button" class="button small" onClick={props.onClose}>
          {t('close')}
        </button>
      </div>

      <div class="segmented" role="group" aria-label={t('how')}>
        {methods.map((value) => (
          <button
            key={value}
            type="button"
            class="segment"
            aria-pressed={method === value ? 'true' : 'false'}
            onClick={() => {
              setMethod(value);
              setShown(undefined);
              setInputError({});
            }}
          >
            {t(`method.${value}`)}
          </button>
        ))}
      </div>

      {method === 'one' && (
        <Form errors={one.errors} onSubmit={preview} labelledBy="import-title" class="form import-one">
          <p class="hint">{t('oneHint')}</p>
          <div class="grid-2">
            {oneField('name', { required: true, input: { autoComplete: 'off' } })}
            {oneField('email', { input: emailInput() })}
            {oneField('phone', { input: { type: 'tel', inputMode: 'tel', autoComplete: 'off' } })}
            {oneField('organisation', { input: { autoComplete: 'off' } })}
            {oneField('position', { input: { autoComplete: 'off' } })}
            {oneField('group', { input: { autoComplete: 'off', list: 'invitation-groups' } })}
            <SelectField
              name="add.language"
              label={tl('field.language')}
              value={one.values.language}
              onValue={changing(one.set('language'))}
              options={[
                { value: 'vi', label: tl('language.vi') },
                { value: 'en', label: tl('language.en') },
              ]}
            />
          </div>
          {previewButton}
        </Form>
      )}

      {method === 'paste' && (
        <Form errors={errorOf('paste')} onSubmit={preview} labelledBy="import-title">
          <TextArea name="paste" label={t('pasteLabel')} hint={t('pasteHint')} rows={8} value={pasted} onValue={changing(setPasted)} />
          {previewButton}
        </Form>
      )}

      {method === 'file' && (
        <Form errors={errorOf('file')} onSubmit={preview} labelledBy="import-title">
          <FileField
            id="f-file"
            label={t('fileLabel')}
            hint={t('fileHint')}
            error={inputError.file}
            accept=".csv,text/csv"
            inputKey={fileKey}
            onFile={changing(setFile)}
          >
            {file && <p class="hint">{t('fileChosen', { name: file.name, size: formatSize(file.size) })}</p>}
          </FileField>
          {previewButton}
        </Form>
      )}

      {method === 'copy' && (
        <Form errors={errorOf('copy')} onSubmit={preview} labelledBy="import-title">
          {events === undefined ? (
            <p class="loading" role="status">
              {t('common.loading')}
            </p>
          ) : events.length === 0 ? (
            <p class="empty">{t('copyNone')}</p>
          ) : (
            <>
              <SelectField
                name="copy"
                label={t('copyEvent')}
                value={fromEventId}
                onValue={changing(setFromEventId)}
                options={[
                  { value: '', label: t('copyChoose') },
                  ...events.map((event) => ({
                    value: event.eventId,
                    label: `${pickLocalized(event.title, language).text} (${formatDate(event.startsAt)})`,
                  })),
                ]}
              />
              <CheckboxField
                name="excludeDeclined"
                label={t('copyExclude')}
                checked={excludeDeclined}
                onValue={changing(setExcludeDeclined)}
              />
              {previewButton}
            </>
          )}
        </Form>
      )}

      {inputError[''] && (
        <p class="notice error" role="alert">
          {inputError['']}
        </p>
      )}

      {shown && (
        <section class={`import-result ${shown.committed ? 'done' : 'preview'}`} aria-labelledby="import-result-title">
          <h3 id="import-result-title" tabIndex={-1} ref={resultHeading}>
            {shown.committed ? t('resultTitle') : t('previewTitle')}
          </h3>
          <dl class="stats import-stats">
            <div>
              <dt>{shown.committed ? t('createdCount') : t('toCreate')}</dt>
              <dd>{shown.result.created}</dd>
            </div>
            <div class={shown.result.duplicates.length ? 'warn' : undefined}>
              <dt>{t('duplicates')}</dt>
              <dd>{shown.result.duplicates.length}</dd>
            </div>
            <div class={shown.result.errors.length ? 'bad' : undefined}>
              <dt>{t('errors')}</dt>
              <dd>{shown.result.errors.length}</dd>
            </div>
          </dl>

          <ImportProblems
            title={shown.committed ? t('errorsTitleDone') : t('errorsTitle')}
            items={shown.result.errors}
            field={(error) => error.field && fieldName(error.field)}
            text={(error) => error.message}
            more={(count) => t('more', { count })}
          />

          <ImportProblems
            title={shown.committed ? t('duplicatesTitleDone') : t('duplicatesTitle')}
            items={shown.result.duplicates}
            field={(duplicate) => duplicate.email ?? duplicate.phone}
            text={(duplicate) => t(`dup.${duplicate.reason}`)}
            more={(count) => t('more', { count })}
          />

          {!shown.committed &&
            (shown.result.created > 0 ? (
              <div class="actions">
                <button type="button" class="button primary" disabled={busy !== undefined} onClick={() => void commit()}>
                  {busy === 'commit' ? t('committing') : t('commit', { count: shown.result.created })}
                </button>
              </div>
            ) : (
              <p class="muted">{t('nothingNew')}</p>
            ))}
          {shown.committed && shown.result.errors.length > 0 && shown.pending.kind === 'csv' && <p class="hint">{t('fixAndRetry')}</p>}
        </section>
      )}
    </section>
  );
}

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} KB`;
}
