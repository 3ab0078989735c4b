import { useEffect, useState } from 'preact/hooks';
import { papersSettingsSchema, type PapersSettings } from '../../../shared/papers/papers-settings-schema.js';
import type { YearReport } from '../../../shared/papers/year-report.js';
import { submitChecked, } from '../../lib/form.js';
import { defineMessages, pickLocalized } from '../../lib/i18n.js';
import { Form, SubmitButton, TextArea, TextField, useFormState } from '../components/form.js';
import { PageHeading } from '../components/page-heading.js';
import { LoadErrorNotice } from '../components/page-notices.js';
import { useApp, useCan, useSchemaMessages, useText } from '../context.js';
import { errorText } from '../../lib/error-text.js';
import { TableHead } from '../components/data-table.js';

const messages = defineMessages({
  vi: {
    title: 'Giấy tờ và báo cáo',
    reportTitle: 'Báo cáo kết quả công tác đối ngoại nhân dân',
    year: 'Năm',
    show: 'Xem số liệu',
    download: 'Tải báo cáo năm {year} (Word)',
    downloadPdf: 'Tải bản PDF',
    events: 'Hoạt động',
    invited: 'Lượt mời',
    confirmed: 'Xác nhận tham dự',
    present: 'Có mặt',
    organisations: 'Cơ quan, tổ chức tham gia',
    delegations: 'Đoàn công tác',
    ngo: 'Hội nghị với tổ chức phi chính phủ',
    greetings: 'Chúc mừng đối tác: {greeted} lượt ({mailed} thư điện tử, {letters} thư in, {flowers} điện hoa); cơ quan, tổ chức: {organisations}; quốc gia: {countries}',
    figuresCaption: 'Số liệu năm {year}',
    settingsTitle: 'Thể thức giấy mời và báo cáo',
    settingsIntro: 'Theo Nghị định 30/2020/NĐ-CP: tên cơ quan chủ quản và cơ quan ban hành, ký hiệu, địa danh, người ký và nơi nhận.',
    parentVi: 'Cơ quan chủ quản (tiếng Việt)',
    parentEn: 'Cơ quan chủ quản (tiếng Anh)',
    parentHint: 'Để trống nếu không có.',
    issuerVi: 'Tên cơ quan ban hành (tiếng Việt)',
    issuerEn: 'Tên cơ quan ban hành (tiếng Anh)',
    sentenceVi: 'Tên trong câu (tiếng Việt)',
    sentenceEn: 'Tên trong câu (tiếng Anh)',
    symbol: 'Chữ viết tắt tên cơ quan',
    symbolHint: 'Dùng trong số văn bản, ví dụ LHHN trong “12/GM-LHHN”.',
    placeVi: 'Địa danh (tiếng Việt)',
    placeEn: 'Địa danh (tiếng Anh)',
    authorityVi: 'Thẩm quyền ký (tiếng Việt)',
    authorityEn: 'Thẩm quyền ký (tiếng Anh)',
    authorityHint: 'Ví dụ “TM. Ban Thường trực”; để trống nếu người đứng đầu ký.',
    positionVi: 'Chức vụ người ký (tiếng Việt)',
    positionEn: 'Chức vụ người ký (tiếng Anh)',
    signerName: 'Họ và tên người ký',
    recipientsVi: 'Nơi nhận (tiếng Việt)',
    recipientsEn: 'Nơi nhận (tiếng Anh)',
    recipientsHint: 'Mỗi dòng một nơi nhận, sau “Như trên;”.',
    signature: 'Ảnh chữ ký và con dấu (PNG hoặc JPEG, tối đa 200 KB)',
    signatureNone: 'Chưa có ảnh chữ ký; giấy mời để chỗ trống để ký tay.',
    signatureAlt: 'Ảnh chữ ký và con dấu hiện tại',
    signatureRemove: 'Bỏ ảnh chữ ký',
    signatureTooBig: 'Ảnh lớn hơn 200 KB.',
    save: 'Lưu thể thức',
    saved: 'Đã lưu thể thức giấy tờ.',
  },
  en: {
    title: 'Papers and reports',
    reportTitle: 'Report on people-to-people diplomacy',
    year: 'Year',
    show: 'Show figures',
    download: 'Download the {year} report (Word)',
    downloadPdf: 'Download as PDF',
    events: 'Activities',
    invited: 'Invited',
    confirmed: 'Confirmed',
    present: 'Present',
    organisations: 'Organisations that took part',
    delegations: 'Delegations',
    ngo: 'Conferences with NGOs',
    greetings: 'Greetings to partners: {greeted} ({mailed} by email, {letters} by printed letter, {flowers} with flowers); organisations: {organisations}; countries: {countries}',
    figuresCaption: 'Figures for {year}',
    settingsTitle: 'How letters and reports are headed and signed',
    settingsIntro: 'As Decree 30/2020 sets out: the parent and issuing bodies, the symbol, the place, the signer and the recipients.',
    parentVi: 'Parent body (Vietnamese)',
    parentEn: 'Parent body (English)',
    parentHint: 'Leave empty if there is none.',
    issuerVi: 'Issuing body (Vietnamese)',
    issuerEn: 'Issuing body (English)',
    sentenceVi: 'Name in a sentence (Vietnamese)',
    sentenceEn: 'Name in a sentence (English)',
    symbol: 'Abbreviation of the issuing body',
    symbolHint: 'Used in document numbers, e.g. LHHN in “12/GM-LHHN”.',
    placeVi: 'Place (Vietnamese)',
    placeEn: 'Place (English)',
    authorityVi: 'Signing authority (Vietnamese)',
    authorityEn: 'Signing authority (English)',
    authorityHint: 'E.g. “For the Standing Committee”; leave empty when the head signs.',
    positionVi: 'Signer’s position (Vietnamese)',
    positionEn: 'Signer’s position (English)',
    signerName: 'Signer’s full name',
    recipientsVi: 'Recipients (Vietnamese)',
    recipientsEn: 'Recipients (English)',
    recipientsHint: 'One per line, after “As above;”.',
    signature: 'Image of signature and seal (PNG or JPEG, at most 200 KB)',
    signatureNone: 'No signature image: letters leave room to sign by hand.',
    signatureAlt: 'The current signature and seal',
    signatureRemove: 'Remove the signature image',
    signatureTooBig: 'The image is larger than 200 KB.',
    save: 'Save',
    saved: 'Saved.',
  },
});

type Values = Record<
  | 'parentVi' | 'parentEn' | 'issuerVi' | 'issuerEn' | 'sentenceVi' | 'sentenceEn' | 'symbol' | 'placeVi' | 'placeEn'
  | 'authorityVi' | 'authorityEn' | 'positionVi' | 'positionEn' | 'signerName' | 'recipientsVi' | 'recipientsEn' | 'signature',
  string
>;

const toValues = (s: PapersSettings): Values => ({
  parentVi: s.parentBody?.vi ?? '',
  parentEn: s.parentBody?.en ?? '',
  issuerVi: s.issuer.vi,
  issuerEn: s.issuer.en,
  sentenceVi: s.issuerInSentence.vi,
  sentenceEn: s.issuerInSentence.en,
  symbol: s.symbol,
  placeVi: s.place.vi,
  placeEn: s.place.en,
  authorityVi: s.signer.authority?.vi ?? '',
  authorityEn: s.signer.authority?.en ?? '',
  positionVi: s.signer.position.vi,
  positionEn: s.signer.position.en,
  signerName: s.signer.name,
  recipientsVi: s.recipients.vi.join('\n'),
  recipientsEn: s.recipients.en.join('\n'),
  signature: s.signatureImage ?? '',
});

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
const pair = (vi: string, en: string) => (vi.trim() || en.trim() ? { vi, en } : undefined);

const toSettings = (v: Values) => ({
  ...(pair(v.parentVi, v.parentEn) ? { parentBody: pair(v.parentVi, v.parentEn) } : {}),
  issuer: { vi: v.issuerVi, en: v.issuerEn },
  issuerInSentence: { vi: v.sentenceVi, en: v.sentenceEn },
  symbol: v.symbol.trim(),
  place: { vi: v.placeVi, en: v.placeEn },
  signer: {
    ...(pair(v.authorityVi, v.authorityEn) ? { authority: pair(v.authorityVi, v.authorityEn) } : {}),
    position: { vi: v.positionVi, en: v.positionEn },
    name: v.signerName,
  },
  ...(v.signature ? { signatureImage: v.signature } : {}),
  recipients: { vi: lines(v.recipientsVi), en: lines(v.recipientsEn) },
});

/** Field names as the API reports problems ("issuer.vi"), so an error lands on its input. */
const apiNames: Record<keyof Values, string> = {
  parentVi: 'parentBody.vi', parentEn: 'parentBody.en', issuerVi: 'issuer.vi', issuerEn: 'issuer.en',
  sentenceVi: 'issuerInSentence.vi', sentenceEn: 'issuerInSentence.en', symbol: 'symbol', placeVi: 'place.vi', placeEn: 'place.en',
  authorityVi: 'signer.authority.vi', authorityEn: 'signer.authority.en', positionVi: 'signer.position.vi', positionEn: 'signer.position.en',
  signerName: 'signer.name', recipientsVi: 'recipients.vi', recipientsEn: 'recipients.en', signature: 'signatureImage',
};

/** The year's report for anyone who reads events; how papers are headed and signed, for admins. */
export function PapersPage() {
  const t = useText(messages);
  const can = useCan();
  return (
    <section class="papers-page">
      <PageHeading text={t('title')} />
      <YearReportSection />
      {can('papers:configure') && <SettingsSection />}
    </section>
  );
}

function YearReportSection() {
  const { api, language } = useApp();
  const t = useText(messages);
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [report, setReport] = useState<YearReport>();
  const [error, setError] = useState<string>();
  const load = async (wanted: number) => {
    setError(undefined);
    try {
      setReport((await api.get<{ report: YearReport }>(`/api/reports/years/${wanted}`)).report);
    } catch (failure) {
      setError(errorText(failure));
    }
  };
  useEffect(() => void load(year), [year]);
  const years = Array.from({ length: 12 }, (_, i) => thisYear + 1 - i);
  const n = (value: number) => value.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB');
  return (
    <section class="card" aria-labelledby="report-title">
      <h2 id="report-title">{t('reportTitle')}</h2>
      <div class="toolbar">
        <div class="field">
          <label for="report-year">{t('year')}</label>
          <select id="report-year" value={year} onChange={(e) => setYear(Number((e.currentTarget as HTMLSelectElement).value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <a class="button primary" href={`/api/reports/years/${year}?format=docx`} download>
          {t('download', { year })}
        </a>
        <a class="button" href={`/api/reports/years/${year}?format=pdf`} download>
          {t('downloadPdf')}
        </a>
      </div>
      <LoadErrorNotice message={error} onRetry={() => void load(year)} />
      {report && report.year === year && (
        <div class="table-scroll">
          <table class="table">
            <caption>{t('figuresCaption', { year })}</caption>
            <TableHead columns={[t('events'), t('invited'), t('confirmed'), t('present')]} />
            <tbody>
              {report.byType.map((row) => (
                <tr key={row.type}>
                  <th scope="row">
                    {t(`eventType.${row.type}`)} ({n(row.events)})
                  </th>
                  <td>{n(row.invited)}</td>
                  <td>{n(row.confirmed)}</td>
                  <td>{n(row.present)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">
                  {t('common.all')} ({n(report.totals.events)})
                </th>
                <td>{n(report.totals.invited)}</td>
                <td>{n(report.totals.confirmed)}</td>
                <td>{n(report.totals.present)}</td>
              </tr>
            </tbody>
          </table>
          <p>
            {t('organisations')}: {n(report.totals.organisations)} · {t('delegations')}: {n(report.delegations.length)} · {t('ngo')}: {n(report.ngoConferences.length)}
          </p>
          {report.greetingTotals.campaigns > 0 && (
            <p>
              {t('greetings', {
                greeted: n(report.greetingTotals.greeted),
                mailed: n(report.greetingTotals.mailed),
                letters: n(report.greetingTotals.letters),
                flowers: n(report.greetingTotals.flowers),
                organisations: n(report.greetingTotals.organisations),
                countries: n(report.greetingTotals.countries.length),
              })}
            </p>
          )}
          <ul>
            {report.events.map((e) => (
              <li key={e.eventId}>
                <a href={`/console/events/${encodeURIComponent(e.eventId)}`} lang={pickLocalized(e.title, language).lang}>
                  {pickLocalized(e.title, language).text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function SettingsSection() {
  const { api, announce } = useApp();
  const t = useText(messages);
  const translate = useSchemaMessages();
  const form = useFormState<Values>(toValues({ issuer: { vi: '', en: '' }, issuerInSentence: { vi: '', en: '' }, symbol: '', place: { vi: '', en: '' }, signer: { position: { vi: '', en: '' }, name: '' }, recipients: { vi: [], en: [] } }));
  const [loaded, setLoaded] = useState(false);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void api.get<{ settings: PapersSettings }>('/api/papers/settings').then((answer) => {
      form.setValues(toValues(answer.settings));
      setLoaded(true);
    });
  }, []);

  const submit = async () => {
    setSaved(false);
    await submitChecked(form, papersSettingsSchema, toSettings(form.values), translate, async (data) => {
      const answer = await api.put<{ settings: PapersSettings }>('/api/papers/settings', data);
      form.setValues(toValues(answer.settings));
      setSaved(true);
      announce(t('saved'));
    });
  };

  const chooseImage = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > 200 * 1024) return form.setErrors({ signatureImage: t('signatureTooBig') });
    const reader = new FileReader();
    reader.onload = () => form.set('signature')(String(reader.result));
    reader.readAsDataURL(file);
  };

  const text = (key: keyof Values, label: string, options: { hint?: string; required?: boolean; lang?: string } = {}) => (
    <TextField name={apiNames[key]} label={label} hint={options.hint} required={options.required} value={form.values[key]} onValue={form.set(key)} input={{ lang: options.lang }} />
  );
  if (!loaded) return null;
  return (
    <section class="card" aria-labelledby="papers-settings-title">
      <h2 id="papers-settings-title">{t('settingsTitle')}</h2>
      <p class="hint">{t('settingsIntro')}</p>
      {saved && (
        <p class="notice success" role="status">
          {t('saved')}
        </p>
      )}
      <Form errors={form.errors} onSubmit={submit} labelledBy="papers-settings-title">
        <div class="grid-2">
          {text('parentVi', t('parentVi'), { hint: t('parentHint'), lang: 'vi' })}
          {text('parentEn', t('parentEn'), { hint: t('parentHint'), lang: 'en' })}
          {text('issuerVi', t('issuerVi'), { required: true, lang: 'vi' })}
          {text('issuerEn', t('issuerEn'), { required: true, lang: 'en' })}
          {text('sentenceVi', t('sentenceVi'), { required: true, lang: 'vi' })}
          {text('sentenceEn', t('sentenceEn'), { required: true, lang: 'en' })}
          {text('placeVi', t('placeVi'), { required: true, lang: 'vi' })}
          {text('placeEn', t('placeEn'), { required: true, lang: 'en' })}
          {text('authorityVi', t('authorityVi'), { hint: t('authorityHint'), lang: 'vi' })}
          {text('authorityEn', t('authorityEn'), { hint: t('authorityHint'), lang: 'en' })}
          {text('positionVi', t('positionVi'), { required: true, lang: 'vi' })}
          {text('positionEn', t('positionEn'), { required: true, lang: 'en' })}
        </div>
        {text('symbol', t('symbol'), { hint: t('symbolHint'), required: true })}
        {text('signerName', t('signerName'))}
        <div class="grid-2">
          <TextArea name="recipients.vi" label={t('recipientsVi')} hint={t('recipientsHint')} value={form.values.recipientsVi} onValue={form.set('recipientsVi')} rows={3} />
          <TextArea name="recipients.en" label={t('recipientsEn')} hint={t('recipientsHint')} value={form.values.recipientsEn} onValue={form.set('recipientsEn')} rows={3} />
        </div>
        <div class="field">
          <label for="signature-image">{t('signature')}</label>
          {form.values.signature ? (
            <p>
              <img src={form.values.signature} alt={t('signatureAlt')} class="signature-preview" />{' '}
              <button type="button" class="button small" onClick={() => form.set('signature')('')}>
                {t('signatureRemove')}
              </button>
            </p>
          ) : (
            <p class="hint">{t('signatureNone')}</p>
          )}
          <input id="signature-image" type="file" accept="image/png,image/jpeg" onChange={(e) => chooseImage(e.currentTarget as HTMLInputElement)} />
        </div>
        <div class="actions">
          <SubmitButton busy={form.busy} label={t('save')} />
        </div>
      </Form>
    </section>
  );
}
