import { useState } from 'preact/hooks';
import type { ContactImportResult } from '../../../shared/partners/import-contacts.js';
import { defineMessages } from '../../lib/i18n.js';
import { pastedTableToCsv } from '../../lib/pasted-table.js';
import { useApp, useText } from '../context.js';
import { DialogLauncher } from './dialog-launcher.js';
import { DialogActions, FileField, Form, TextArea } from './form.js';
import { ImportProblems } from './import-problems.js';
import { useFieldName } from './invitation-labels.js';
import { usePreviewThenCommit } from './preview-then-commit.js';

const messages = defineMessages({
  vi: {
    open: 'Nhập danh bạ từ Excel/CSV',
    title: 'Nhập người liên hệ từ Excel hoặc CSV',
    how: 'Cách nhập',
    'method.file': 'Tải tệp Excel/CSV',
    'method.paste': 'Dán từ Excel',
    fileLabel: 'Tệp Excel (.xlsx) hoặc CSV',
    fileHint:
      'Dòng đầu tiên là tiêu đề cột: Họ và tên, Email, Số điện thoại, Đơn vị, Chức vụ, Ngôn ngữ (vi, en, ru…), Quốc gia (RU, FR…), Nhãn. Mỗi người cần email hoặc số điện thoại. Đơn vị chưa có trong danh bạ sẽ được thêm.',
    pasteLabel: 'Danh sách',
    pasteHint: 'Chọn các ô trong Excel, kể cả dòng tiêu đề, chép rồi dán vào đây.',
    fileNone: 'Hãy chọn một tệp.',
    pasteEmpty: 'Hãy dán danh sách vào ô trên.',
    preview: 'Xem trước',
    previewTitle: 'Xem trước — chưa có gì được lưu',
    resultTitle: 'Kết quả nhập',
    summary: '{created} người liên hệ mới, {duplicates} đã có hoặc trùng, {errors} dòng lỗi.',
    newOrganisations: 'Cơ quan, tổ chức mới sẽ được thêm: {names}',
    errorsTitle: 'Dòng có lỗi — bị bỏ qua, các dòng khác vẫn được nhập',
    duplicatesTitle: 'Đã có trong danh bạ hoặc trùng — không thêm lần nữa',
    'dup.in_list': 'trùng với một dòng phía trên',
    'dup.existing_contact': 'đã có trong danh bạ:',
    commit: 'Xác nhận nhập {count} người liên hệ',
    committing: 'Đang lưu…',
    nothingNew: 'Không có người liên hệ mới nào để thêm.',
    done: 'Đã nhập {created} người liên hệ.',
    close: 'Đóng',
    'field.country': 'Quốc gia',
    'field.tags': 'Nhãn',
    'field.language': 'Ngôn ngữ',
  },
  en: {
    open: 'Import contacts from Excel/CSV',
    title: 'Import contacts from Excel or CSV',
    how: 'How to import',
    'method.file': 'Upload an Excel/CSV file',
    'method.paste': 'Paste from Excel',
    fileLabel: 'Excel (.xlsx) or CSV file',
    fileHint:
      'The first row holds the column headers: Name, Email, Phone, Organisation, Position, Language (vi, en, ru…), Country (RU, FR…), Tags. Each person needs an email or a phone number. Organisations not yet in the directory are added.',
    pasteLabel: 'The list',
    pasteHint: 'Select the cells in Excel, header row included, copy and paste them here.',
    fileNone: 'Choose a file.',
    pasteEmpty: 'Paste the list into the box above.',
    preview: 'Preview',
    previewTitle: 'Preview — nothing is saved yet',
    resultTitle: 'Import result',
    summary: '{created} new contacts, {duplicates} already there or repeated, {errors} rows with errors.',
    newOrganisations: 'New organisations to be added: {names}',
    errorsTitle: 'Rows with errors — left out, the other rows are still imported',
    duplicatesTitle: 'Already in the directory or repeated — not added again',
    'dup.in_list': 'repeats a row above',
    'dup.existing_contact': 'already in the directory:',
    commit: 'Commit import of {count} contacts',
    committing: 'Saving…',
    nothingNew: 'There is no new contact to add.',
    done: '{created} contacts imported.',
    close: 'Close',
    'field.country': 'Country',
    'field.tags': 'Tags',
    'field.language': 'Language',
  },
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Pending = { body: Blob | string; contentType: string };

/**
 * Contacts from a spreadsheet into the directory, in a modal dialog: the API checks the file first
 * (`?preview=true`, nothing written) and answers every bad row with its number and reason, and
 * every person already in the directory with a link to them; the same bytes are then committed.
 */
export function ContactImport(props: { onImported: () => void }) {
  const t = useText(messages);
  return (
    <DialogLauncher label={t('open')} titleId="contact-import-title" class="contact-import">
      {(close) => <ContactImportBody onImported={props.onImported} close={close} />}
    </DialogLauncher>
  );
}

function ContactImportBody(props: { onImported: () => void; close: () => void }) {
  const { api, announce } = useApp();
  const t = useText(messages);
  const inviteeFieldName = useFieldName();
  const fieldName = (field: string) => (field === 'country' || field === 'tags' || field === 'language' ? t(`field.${field}`) : inviteeFieldName(field));
  const [method, setMethod] = useState<'file' | 'paste'>('file');
  const [file, setFile] = useState<File>();
  const [pasted, setPasted] = useState('');
  const [inputError, setInputError] = useState<Record<string, string>>({});
  const steps = usePreviewThenCommit<Pending, ContactImportResult>(
    (pending, preview) => api.postRaw<ContactImportResult>(`/api/contacts/import${preview ? '?preview=true' : ''}`, pending.body, pending.contentType),
    {
      previewed: (result) => announce(t('summary', { created: result.created, duplicates: result.duplicates.length, errors: result.errors.length })),
      committed: (result) => {
        announce(t('done', { created: result.created }));
        props.onImported();
      },
    },
  );
  const { shown, busy } = steps;
  const errors = steps.error ? { ...inputError, '': steps.error } : inputError;

  function preview() {
    let pending: Pending | undefined;
    if (method === 'file' && file) pending = { body: file, contentType: /\.xlsx$/i.test(file.name) ? XLSX : 'text/csv' };
    const csv = method === 'paste' ? pastedTableToCsv(pasted) : undefined;
    if (csv) pending = { body: csv, contentType: 'text/csv; charset=utf-8' };
    if (!pending) return setInputError(method === 'file' ? { file: t('fileNone') } : { paste: t('pasteEmpty') });
    setInputError({});
    return steps.preview(pending);
  }

  const result = shown?.result;

  return (
    <>
      <h2 id="contact-import-title">{t('title')}</h2>
      <div class="segmented" role="group" aria-label={t('how')}>
        {(['file', 'paste'] as const).map((value) => (
          <button
            key={value}
            type="button"
            class="segment"
            aria-pressed={method === value ? 'true' : 'false'}
            onClick={() => (setMethod(value), steps.reset(), setInputError({}))}
          >
            {t(`method.${value}`)}
          </button>
        ))}
      </div>
      <Form errors={errors} onSubmit={preview} labelledBy="contact-import-title">
        {method === 'file' ? (
          <FileField
            id="f-contact-file"
            label={t('fileLabel')}
            hint={t('fileHint')}
            error={errors.file}
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onFile={(chosen) => (setFile(chosen), steps.reset())}
          />
        ) : (
          <TextArea name="paste" label={t('pasteLabel')} hint={t('pasteHint')} rows={6} value={pasted} onValue={(value) => (setPasted(value), steps.reset())} />
        )}
        <DialogActions busy={busy === 'preview'} cancelLabel={t('close')} saveLabel={t('preview')} onCancel={props.close} />
      </Form>
      {result && shown && (
        <section class={`import-result ${shown.committed ? 'done' : 'preview'}`} aria-labelledby="contact-import-result">
          <h3 id="contact-import-result">{shown.committed ? t('resultTitle') : t('previewTitle')}</h3>
          <p role="status">
            {shown.committed
              ? t('done', { created: result.created })
              : t('summary', { created: result.created, duplicates: result.duplicates.length, errors: result.errors.length })}
          </p>
          {!shown.committed && result.newOrganisations.length > 0 && <p class="hint">{t('newOrganisations', { names: result.newOrganisations.join(', ') })}</p>}
          <ImportProblems
            title={t('errorsTitle')}
            items={result.errors}
            field={(error) => error.field && fieldName(error.field)}
            text={(error) => error.message}
          />
          <ImportProblems
            title={t('duplicatesTitle')}
            items={result.duplicates}
            field={(duplicate) => duplicate.email ?? duplicate.phone}
            text={(duplicate) => (
              <>
                {t(`dup.${duplicate.reason}`)} {duplicate.contactId && <a href={`/console/partners/contacts/${duplicate.contactId}`}>{duplicate.name}</a>}
              </>
            )}
          />
          {!shown.committed &&
            (result.created > 0 ? (
              <div class="actions">
                <button type="button" class="button primary" disabled={busy !== undefined} onClick={() => void steps.commit()}>
                  {busy === 'commit' ? t('committing') : t('commit', { count: result.created })}
                </button>
              </div>
            ) : (
              <p class="muted">{t('nothingNew')}</p>
            ))}
        </section>
      )}
    </>
  );
}
