import { useEffect, useState } from 'preact/hooks';
import type { UpcomingOccasion } from '../../../shared/partners/upcoming-occasions.js';
import { defineMessages } from '../../lib/i18n.js';
import { useApp, useText } from '../context.js';

const messages = defineMessages({
  vi: {
    title: 'Ngày lễ và thư chúc mừng',
    concerned: '{greeted}/{concerned} đối tác đã được chúc mừng',
    notGreeted: 'Chưa chúc mừng: {names}',
  },
  en: {
    title: 'Occasions and greetings',
    concerned: '{greeted} of {concerned} partners greeted',
    notGreeted: 'Not greeted yet: {names}',
  },
});

const dayText = (day: string, language: string) => new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** The first page's reminder: occasions of the next 30 days and who has not been greeted. */
export function UpcomingOccasions(props: { days?: number }) {
  const { api, language } = useApp();
  const t = useText(messages);
  const [items, setItems] = useState<UpcomingOccasion[] | undefined>();
  useEffect(() => {
    api.get<{ items: UpcomingOccasion[] }>('/api/occasions/upcoming', { days: props.days ?? 30 }).then((r) => setItems(r.items), () => setItems([]));
  }, []);
  if (!items || items.length === 0) return null;
  return (
    <section class="card upcoming-occasions" aria-labelledby="upcoming-occasions-title">
      <h2 id="upcoming-occasions-title">
        <a href="/console/greetings">{t('title')}</a>
      </h2>
      <ul class="plain-list">
        {items.map((o) => (
          <li key={o.campaignId}>
            <strong>{o.name[language]}</strong> · {dayText(o.date, language)} · {t('concerned', { greeted: o.greeted, concerned: o.concerned })}
            {o.notGreeted.length > 0 && <div class="muted">{t('notGreeted', { names: o.notGreeted.slice(0, 8).map((p) => p.name).join(', ') })}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}

