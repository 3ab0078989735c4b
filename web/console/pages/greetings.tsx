import { useEffect, useState } from 'preact/hooks';
import type { Campaign, Recipient } from '../../../shared/partners/greetings-repository.js';
import type { UpcomingOccasion } from '../../../shared/partners/upcoming-occasions.js';
import { defineMessages } from '../../lib/i18n.js';
import { FlowersDialog } from '../components/flowers-dialog.js';
import { GreetingTemplates } from '../components/greeting-templates.js';
import { OccasionsEditor } from '../components/occasions-editor.js';
import { PageHeading } from '../components/page-heading.js';
import { partnerMessages } from '../components/partner-texts.js';
import { useApp, useCan, useText } from '../context.js';
import { navigate } from '../router.js';
import type { PageProps } from '../routes.js';
import { errorText } from '../../lib/error-text.js';

/** Occasions and greetings campaigns (issue 19): what falls soon, who is not greeted, each campaign's letter and progress. */
const messages = defineMessages({
  vi: {
    title: 'Ngày lễ và thư chúc mừng',
    upcoming: 'Sắp tới (60 ngày)',
    none: 'Không có ngày lễ nào sắp tới.',
    concerned: '{greeted}/{concerned} đối tác đã được chúc mừng',
    notGreeted: 'Chưa chúc mừng: {names}',
    start: 'Soạn thư chúc mừng',
    open: 'Mở đợt chúc mừng',
    campaigns: 'Các đợt chúc mừng',
    partners: 'Danh bạ đối tác',
    recipients: 'Người nhận',
    name: 'Họ và tên',
    organisation: 'Cơ quan',
    email: 'Email',
    state: 'Trạng thái',
    flowers: 'Điện hoa',
    preview: 'Xem trước thư gửi',
    previewFor: 'Xem trước thư gửi cho',
    subject: 'Tiêu đề',
    send: 'Gửi thư chúc mừng qua email',
    sendNow: 'Gửi ngay, không đợi đến ngày',
    sent: 'Đã xếp {queued} thư vào hàng gửi; thư đi từ {day}.',
    letters: 'In thư trên giấy có tiêu đề (PDF)',
    recordFlowers: 'Ghi nhận đã đặt hoa',
    flowersRecorded: 'Đã ghi nhận điện hoa.',
    editFlowers: 'Sửa điện hoa',
    progress: 'Đã gửi {sent}, chờ {queued}, bỏ qua {skipped}, lỗi {failed}',
    day: 'Ngày',
  },
  en: {
    title: 'Occasions and greetings',
    upcoming: 'Coming up (60 days)',
    none: 'No occasion coming up.',
    concerned: '{greeted} of {concerned} partners greeted',
    notGreeted: 'Not greeted yet: {names}',
    start: 'Write the greetings',
    open: 'Open the campaign',
    campaigns: 'Greetings campaigns',
    partners: 'Partners directory',
    recipients: 'Recipients',
    name: 'Name',
    organisation: 'Organisation',
    email: 'Email',
    state: 'Status',
    flowers: 'Flowers',
    preview: 'Preview the mail',
    previewFor: 'Preview the mail to',
    subject: 'Subject',
    send: 'Send the greetings by email',
    sendNow: 'Send now, not on the day',
    sent: '{queued} mails queued; they go from {day}.',
    letters: 'Print the letters on letterhead (PDF)',
    recordFlowers: 'Record flowers ordered',
    flowersRecorded: 'Flowers recorded.',
    editFlowers: 'Edit flowers',
    progress: 'Sent {sent}, waiting {queued}, skipped {skipped}, failed {failed}',
    day: 'Day',
  },
});

const dayText = (day: string, language: string) => new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

export function GreetingsPage(_props: PageProps) {
  const { api, language } = useApp();
  const t = useText(messages);
  const can = useCan();
  const [upcoming, setUpcoming] = useState<UpcomingOccasion[]>([]);
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const [status, setStatus] = useState<{ text?: string; error?: string }>({});
  const setError = (error: string) => setStatus({ error });
  const load = () =>
    Promise.all([api.get<{ items: UpcomingOccasion[] }>('/api/occasions/upcoming', { days: 60 }), api.get<{ items: Campaign[] }>('/api/greetings')]).then(
      ([u, c]) => {
        setUpcoming(u.items);
        setCampaigns(c.items);
      },
      (e) => setError(errorText(e)),
    );
  useEffect(() => {
    void load();
  }, []);
  const start = (o: UpcomingOccasion) =>
    api.post<{ campaign: Campaign }>('/api/greetings', { occasionId: o.occasionId, year: o.year }).then(
      (r) => navigate(`/console/greetings/${r.campaign.campaignId}`),
      (e) => setError(errorText(e)),
    );
  return (
    <section>
      <PageHeading text={t('title')} />
      <p>
        <a href="/console/partners">{t('partners')}</a>
      </p>
      <p role="status" class={status.error ? 'field-error' : 'muted'}>
        {status.error ?? status.text ?? ''}
      </p>
      <section class="card" aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t('upcoming')}</h2>
        {upcoming.length === 0 && <p>{t('none')}</p>}
        <ul class="plain-list">
          {upcoming.map((o) => (
            <li key={o.campaignId} class="occasion">
              <h3>
                {o.name[language]} · {dayText(o.date, language)}
              </h3>
              <p>{t('concerned', { greeted: o.greeted, concerned: o.concerned })}</p>
              {o.notGreeted.length > 0 && <p class="muted">{t('notGreeted', { names: o.notGreeted.map((p) => p.name).join(', ') })}</p>}
              {o.campaignExists ? (
                <a class="button" href={`/console/greetings/${o.campaignId}`}>
                  {t('open')}
                </a>
              ) : (
                can('partners:write') && (
                  <button type="button" class="button primary" onClick={() => void start(o)}>
                    {t('start')}
                  </button>
                )
              )}
            </li>
          ))}
        </ul>
      </section>
      <section class="card" aria-labelledby="campaigns-title">
        <h2 id="campaigns-title">{t('campaigns')}</h2>
        <ul class="plain-list">
          {campaigns.map((c) => (
            <li key={c.campaignId}>
              <a href={`/console/greetings/${c.campaignId}`}>{c.title}</a>
            </li>
          ))}
        </ul>
      </section>
      <OccasionsEditor onChanged={() => void load()} onStatus={setStatus} />
    </section>
  );
}

type CampaignView = { campaign: Campaign; recipients: Recipient[]; progress: Record<string, number> };
type PreviewMail = { to?: string; subject: string; text: string; language: string };

export function CampaignPage(props: PageProps) {
  const { api, announce, language } = useApp();
  const t = useText(messages);
  const tp = useText(partnerMessages);
  const can = useCan();
  const campaignId = props.params.campaignId!;
  const [view, setView] = useState<CampaignView | undefined>();
  const [previewFor, setPreviewFor] = useState('');
  const [preview, setPreview] = useState<PreviewMail | undefined>();
  const [status, setStatus] = useState<{ text?: string; error?: string }>({});
  const [sendNow, setSendNow] = useState(false);
  const [flowersFor, setFlowersFor] = useState<Recipient>();
  const load = () => api.get<CampaignView>(`/api/greetings/${campaignId}`).then(setView, (e) => setStatus({ error: errorText(e) }));
  useEffect(() => {
    void load();
  }, [campaignId]);
  useEffect(() => {
    if (!previewFor) return setPreview(undefined);
    api.get<{ mail: PreviewMail }>(`/api/greetings/${campaignId}/recipients/${previewFor}/preview`).then((r) => setPreview(r.mail), (e) => setStatus({ error: errorText(e) }));
  }, [previewFor]);
  const say = (text: string) => {
    setStatus({ text });
    announce(text);
  };
  if (!view) return <PageHeading text={t('title')} />;
  const { campaign, recipients, progress } = view;
  return (
    <section>
      <PageHeading text={campaign.title} />
      <p>
        <a href="/console/greetings">{t('title')}</a>
      </p>
      <p role="status" class={status.error ? 'field-error' : 'muted'}>
        {status.error ?? status.text ?? ''}
      </p>
      <p>
        {campaign.sendOn ? `${t('day')}: ${dayText(campaign.sendOn, language)} · ` : ''}
        {t('progress', { sent: (progress.sent ?? 0) + (progress.delivered ?? 0), queued: progress.queued ?? 0, skipped: progress.skipped ?? 0, failed: (progress.failed ?? 0) + (progress.bounced ?? 0) })}
      </p>
      <section class="card" aria-labelledby="preview-title">
        <h2 id="preview-title">{t('preview')}</h2>
        <label for="preview-for">{t('previewFor')}</label>
        <select id="preview-for" value={previewFor} onChange={(e) => setPreviewFor(e.currentTarget.value)}>
          <option value="">—</option>
          {recipients.map((r) => (
            <option key={r.contactId} value={r.contactId}>
              {r.name}
            </option>
          ))}
        </select>
        {preview && (
          <div class="mail-preview-text" lang={preview.language}>
            <p>
              <strong>{t('subject')}:</strong> {preview.subject}
            </p>
            <pre class="wrap">{preview.text}</pre>
          </div>
        )}
      </section>
      {can('partners:write') && (
        <GreetingTemplates
          key={campaign.updatedAt}
          campaign={campaign}
          recipientLanguages={recipients.map((r) => r.language)}
          onSaved={() => void load()}
          onStatus={setStatus}
        />
      )}
      <div class="actions">
        {can('partners:write') && (
          <label class="checkbox">
            <input type="checkbox" checked={sendNow} onChange={(e) => setSendNow(e.currentTarget.checked)} /> {t('sendNow')}
          </label>
        )}{' '}
        {can('partners:write') && (
          <button
            type="button"
            class="button primary"
            onClick={() =>
              api.post<{ queued: number; dueAt: string }>(`/api/greetings/${campaignId}/send`, { now: sendNow }).then(
                async (r) => {
                  say(t('sent', { queued: r.queued, day: new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(r.dueAt)) }));
                  await load();
                },
                (e) => setStatus({ error: errorText(e) }),
              )
            }
          >
            {t('send')}
          </button>
        )}{' '}
        <a class="button" href={`/api/greetings/${campaignId}/letters/pdf`} download>
          {t('letters')}
        </a>
      </div>
      <h2>{t('recipients')}</h2>
      <table class="table stack">
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('organisation')}</th>
            <th scope="col">{t('email')}</th>
            <th scope="col">{t('state')}</th>
            <th scope="col">{t('flowers')}</th>
          </tr>
        </thead>
        <tbody>
          {recipients.map((r) => (
            <tr key={r.contactId}>
              <th scope="row" data-label={t('name')}>
                {r.name}
              </th>
              <td data-label={t('organisation')}>{r.organisationName ?? '—'}</td>
              <td data-label={t('email')}>{r.email ?? '—'}</td>
              <td data-label={t('state')}>{tp(`state.${r.state}`)}</td>
              <td data-label={t('flowers')}>
                {r.flowers && <span class="flowers-record">{flowersText(r.flowers, language)} </span>}
                {can('partners:write') ? (
                  <button type="button" class="button small" onClick={() => setFlowersFor(r)}>
                    {r.flowers ? t('editFlowers') : t('recordFlowers')}
                    <span class="visually-hidden">: {r.name}</span>
                  </button>
                ) : (
                  !r.flowers && '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {flowersFor && (
        <FlowersDialog
          campaignId={campaignId}
          recipient={flowersFor}
          onClose={() => setFlowersFor(undefined)}
          onSaved={() => {
            say(t('flowersRecorded'));
            void load();
          }}
        />
      )}
    </section>
  );
}

/** "12 tháng 6, 2027 · 850.000 ₫ · Chị Hoa": when, what it cost, who ordered. */
function flowersText(flowers: NonNullable<Recipient['flowers']>, language: string): string {
  const cost = flowers.cost !== undefined ? new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { style: 'currency', currency: 'VND' }).format(flowers.cost) : undefined;
  return [dayText(flowers.orderedAt, language), cost, flowers.orderedBy].filter(Boolean).join(' · ');
}
