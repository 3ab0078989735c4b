import type { Event, Field } from '../../../shared/events/event-schema.js';
import { choiceLabel } from '../../../shared/events/field-choices.js';
import { formatDateTime, formatRange, formatWeekday } from '../../lib/datetime.js';
import { defineMessages, pickLocalized } from '../../lib/i18n.js';
import { useApp, useText } from '../context.js';
import { TypeBadge } from './event-badges.js';
import { TableHead } from './data-table.js';

const messages = defineMessages({
  vi: {
    details: 'Thông tin',
    when: 'Thời gian',
    venue: 'Địa điểm',
    map: 'Xem bản đồ',
    type: 'Loại',
    capacity: 'Sức chứa',
    noLimit: 'Không giới hạn',
    registrationCloses: 'Hạn đăng ký',
    noDeadline: 'Không có hạn',
    approval: 'Cần duyệt đăng ký',
    contact: 'Người liên hệ',
    titleEn: 'Tên tiếng Anh',
    fields: 'Thông tin người tham dự cần cung cấp',
    noFields: 'Không yêu cầu thêm thông tin.',
    fieldLabel: 'Trường',
    fieldType: 'Kiểu',
    fieldRequired: 'Bắt buộc',
    counts: 'Số liệu',
    invited: 'Đã mời',
    confirmed: 'Xác nhận',
    waitlisted: 'Danh sách chờ',
    pending: 'Chờ duyệt',
    declined: 'Từ chối',
    checkedIn: 'Đã có mặt',
  },
  en: {
    details: 'Details',
    when: 'When',
    venue: 'Venue',
    map: 'Open the map',
    type: 'Type',
    capacity: 'Capacity',
    noLimit: 'No limit',
    registrationCloses: 'Registration closes',
    noDeadline: 'No deadline',
    approval: 'Registrations need approval',
    contact: 'Contact person',
    titleEn: 'English title',
    fields: 'What participants are asked for',
    noFields: 'Nothing beyond their name.',
    fieldLabel: 'Field',
    fieldType: 'Type',
    fieldRequired: 'Required',
    counts: 'Figures',
    invited: 'Invited',
    confirmed: 'Confirmed',
    waitlisted: 'Waiting list',
    pending: 'Awaiting approval',
    declined: 'Declined',
    checkedIn: 'Checked in',
  },
});

/** What, when, where and for how many: the event at a glance, and its counts. */
export function EventFacts({ event }: { event: Event }) {
  const { language } = useApp();
  const t = useText(messages);
  return (
    <div class="detail-grid">
      <section class="card" aria-labelledby="details-title">
        <h2 id="details-title">{t('details')}</h2>
        <dl class="facts">
          <div>
            <dt>{t('when')}</dt>
            <dd>
              {formatWeekday(event.startsAt, language)}, {formatRange(event.startsAt, event.endsAt)}
            </dd>
          </div>
          <div>
            <dt>{t('venue')}</dt>
            <dd>
              {event.venue}
              {event.venueMapUrl && (
                <>
                  {' '}
                  <a href={event.venueMapUrl} target="_blank" rel="noopener noreferrer">
                    {t('map')}
                  </a>
                </>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('type')}</dt>
            <dd>
              <TypeBadge type={event.type} />
            </dd>
          </div>
          <div>
            <dt>{t('capacity')}</dt>
            <dd>{event.capacity ?? t('noLimit')}</dd>
          </div>
          <div>
            <dt>{t('registrationCloses')}</dt>
            <dd>{event.registrationClosesAt ? formatDateTime(event.registrationClosesAt) : t('noDeadline')}</dd>
          </div>
          <div>
            <dt>{t('approval')}</dt>
            <dd>{event.requiresApproval ? t('common.yes') : t('common.no')}</dd>
          </div>
          {event.contact && (
            <div>
              <dt>{t('contact')}</dt>
              <dd>
                {event.contact.name}
                {event.contact.phone && (
                  <>
                    {' · '}
                    <a href={`tel:${event.contact.phone.replace(/[^+0-9]/g, '')}`}>{event.contact.phone}</a>
                  </>
                )}
                {event.contact.email && (
                  <>
                    {' · '}
                    <a href={`mailto:${event.contact.email}`}>{event.contact.email}</a>
                  </>
                )}
              </dd>
            </div>
          )}
          {language === 'vi' && event.title.en && (
            <div>
              <dt>{t('titleEn')}</dt>
              <dd lang="en">{event.title.en}</dd>
            </div>
          )}
        </dl>
      </section>

      <section class="card" aria-labelledby="counts-title">
        <h2 id="counts-title">{t('counts')}</h2>
        <dl class="stats">
          {(['invited', 'confirmed', 'waitlisted', 'pending', 'declined', 'checkedIn'] as const).map((key) => (
            <div key={key}>
              <dt>{t(key)}</dt>
              <dd>{event.counts[key]}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}

/** The questions the event's answer form asks. */
export function EventFieldsTable({ fields }: { fields: Field[] }) {
  const { language } = useApp();
  const t = useText(messages);
  return (
    <section class="card" aria-labelledby="fields-title">
      <h2 id="fields-title">{t('fields')}</h2>
      {fields.length === 0 ? (
        <p class="muted">{t('noFields')}</p>
      ) : (
        <table class="table stack">
          <TableHead columns={[t('fieldLabel'), t('fieldType'), t('fieldRequired')]} />
          <tbody>
            {fields.map((field) => {
              const label = pickLocalized(field.label, language);
              return (
                <tr key={field.key}>
                  <th scope="row" lang={label.lang} data-label={t('fieldLabel')}>
                    <div>
                      {label.text}
                      {field.choices && <span class="choices">{field.choices.map((choice) => choiceLabel(choice, language)).join(' · ')}</span>}
                    </div>
                  </th>
                  <td data-label={t('fieldType')}>{t(`fieldType.${field.type}`)}</td>
                  <td data-label={t('fieldRequired')}>{field.required ? t('common.yes') : t('common.no')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
