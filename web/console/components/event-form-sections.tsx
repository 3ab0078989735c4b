import type { ComponentChildren } from 'preact';
import { defineMessages } from '../../lib/i18n.js';
import { useText } from '../context.js';
import type { Values } from '../event-form-values.js';
import { CheckboxField, DateTimeField, SelectField, TextField, emailInput } from './form.js';

const messages = defineMessages({
  vi: {
    placeAndTime: 'Thời gian và địa điểm',
    startsAt: 'Bắt đầu',
    endsAt: 'Kết thúc',
    timeHint: 'Giờ Việt Nam (UTC+7).',
    venue: 'Địa điểm',
    venueHint: 'Tên hội trường và địa chỉ, ví dụ “Hội trường A, 15 Lê Thánh Tông, TP. Buôn Ma Thuột”.',
    venueMapUrl: 'Đường dẫn bản đồ',
    venueMapUrlHint: 'Ví dụ đường dẫn Google Maps, bắt đầu bằng https://',
    registration: 'Đăng ký',
    capacity: 'Sức chứa',
    capacityHint: 'Số chỗ tối đa. Để trống nếu không giới hạn.',
    registrationClosesAt: 'Hạn đăng ký',
    registrationClosesAtHint: 'Không bắt buộc. Sau thời điểm này người tham dự không thể đăng ký hay sửa thông tin.',
    addressForm: 'Cách xưng hô với khách chưa có danh xưng',
    addressFormHint: 'Dùng trong thư mời và trên trang trả lời. Danh xưng riêng của từng khách (Ông, Bà, Đồng chí…) luôn được ưu tiên.',
    'addressForm.formal': 'Trang trọng: Ông/Bà',
    'addressForm.informal': 'Thân mật: bạn (ví dụ diễn đàn sinh viên)',
    requiresApproval: 'Đăng ký cần được duyệt',
    requiresApprovalHint: 'Người đăng ký chờ ban tổ chức duyệt trước khi được xác nhận.',
    openRegistration: 'Mở đăng ký công khai',
    openRegistrationHint:
      'Ai có đường dẫn (hoặc quét mã QR trên áp phích) cũng tự đăng ký được, không cần thư mời. Đường dẫn hiện trên trang sự kiện sau khi công bố.',
    attachInvitationLetter: 'Đính kèm giấy mời (PDF) vào thư mời',
    attachInvitationLetterHint:
      'Mỗi thư mời mang giấy mời của người nhận theo thể thức văn bản hành chính; số giấy mời được cấp khi thư được gửi và giữ nguyên khi gửi lại.',
    contact: 'Người liên hệ',
    contactName: 'Họ và tên',
    contactPhone: 'Số điện thoại',
    contactEmail: 'Email',
  },
  en: {
    placeAndTime: 'Time and place',
    startsAt: 'Starts',
    endsAt: 'Ends',
    timeHint: 'Vietnam time (UTC+7).',
    venue: 'Venue',
    venueHint: 'The hall and its address, e.g. “Hall A, 15 Lê Thánh Tông, Buôn Ma Thuột”.',
    venueMapUrl: 'Map link',
    venueMapUrlHint: 'E.g. a Google Maps link, starting with https://',
    registration: 'Registration',
    capacity: 'Capacity',
    capacityHint: 'The number of seats. Leave empty for no limit.',
    registrationClosesAt: 'Registration closes',
    registrationClosesAtHint: 'Optional. After this, participants can no longer register or change their details.',
    addressForm: 'How to address invitees without a salutation',
    addressFormHint: 'Used in the invitation mail and on the answer page. Each invitee’s own salutation (Ông, Bà, Đồng chí…) always comes first.',
    'addressForm.formal': 'Formal: Ông/Bà (Mr/Ms)',
    'addressForm.informal': 'Informal: bạn (e.g. a student forum)',
    requiresApproval: 'Registrations need approval',
    requiresApprovalHint: 'People who register wait for the organisers to approve them.',
    openRegistration: 'Open registration to the public',
    openRegistrationHint:
      'Anyone with the link (or who scans the QR code on a poster) can register, without an invitation. The link shows on the event page once the event is published.',
    attachInvitationLetter: 'Attach the invitation letter (PDF) to the invitation mail',
    attachInvitationLetterHint:
      'Each invitation mail carries its invitee’s official giấy mời; the letter is numbered when the mail is sent and keeps its number when sent again.',
    contact: 'Contact person',
    contactName: 'Name',
    contactPhone: 'Phone',
    contactEmail: 'Email',
  },
});

/** A titled card of the event form, named by its heading. */
export function FormSection(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="card form-section" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** What each section of the event form gets: the values and the setter of useFormState. */
type SectionProps = { values: Values; set: <K extends keyof Values>(key: K) => (value: Values[K]) => void };

/** A text field of the event whose label and hint are the messages named after it. */
function HintedTextField(
  props: SectionProps & { name: 'venue' | 'venueMapUrl' | 'capacity'; required?: boolean; input?: Parameters<typeof TextField>[0]['input'] },
) {
  const t = useText(messages);
  const { name } = props;
  return (
    <TextField name={name} label={t(name)} hint={t(`${name}Hint`)} required={props.required} value={props.values[name]} onValue={props.set(name)} input={props.input} />
  );
}

/** Where and when: the times in Asia/Ho_Chi_Minh, dd/mm/yyyy and 24-hour. */
export function EventPlaceSection({ values, set }: SectionProps) {
  const t = useText(messages);
  return (
    <FormSection id="s-place" title={t('placeAndTime')}>
      <div class="grid-2">
        <DateTimeField name="startsAt" label={t('startsAt')} hint={t('timeHint')} required value={values.startsAt} onValue={set('startsAt')} />
        <DateTimeField name="endsAt" label={t('endsAt')} hint={t('timeHint')} required value={values.endsAt} onValue={set('endsAt')} />
      </div>
      <HintedTextField name="venue" required values={values} set={set} />
      <HintedTextField name="venueMapUrl" values={values} set={set} input={{ type: 'url', inputMode: 'url', spellcheck: false }} />
    </FormSection>
  );
}

/** How people answer: capacity, closing, approval, the form of address, open registration, the letter. */
export function EventRegistrationSection({ values, set }: SectionProps) {
  const t = useText(messages);
  const choice = (name: 'requiresApproval' | 'openRegistration' | 'attachInvitationLetter') => (
    <CheckboxField name={name} label={t(name)} hint={t(`${name}Hint`)} checked={values[name]} onValue={set(name)} />
  );
  return (
    <FormSection id="s-registration" title={t('registration')}>
      <div class="grid-2">
        <HintedTextField name="capacity" values={values} set={set} input={{ inputMode: 'numeric', autoComplete: 'off' }} />
        <DateTimeField
          name="registrationClosesAt"
          label={t('registrationClosesAt')}
          hint={t('registrationClosesAtHint')}
          value={values.registrationClosesAt}
          onValue={set('registrationClosesAt')}
        />
      </div>
      {choice('requiresApproval')}
      <SelectField
        name="addressForm"
        label={t('addressForm')}
        hint={t('addressFormHint')}
        value={values.addressForm}
        onValue={(value) => set('addressForm')(value === 'informal' ? 'informal' : 'formal')}
        options={[
          { value: 'formal', label: t('addressForm.formal') },
          { value: 'informal', label: t('addressForm.informal') },
        ]}
      />
      {choice('openRegistration')}
      {choice('attachInvitationLetter')}
    </FormSection>
  );
}

/** Who invitees may ask. */
export function EventContactSection({ values, set }: SectionProps) {
  const t = useText(messages);
  return (
    <FormSection id="s-contact" title={t('contact')}>
      <div class="grid-3">
        <TextField name="contact.name" label={t('contactName')} value={values.contactName} onValue={set('contactName')} input={{ autoComplete: 'off' }} />
        <TextField
          name="contact.phone"
          label={t('contactPhone')}
          value={values.contactPhone}
          onValue={set('contactPhone')}
          input={{ type: 'tel', inputMode: 'tel', autoComplete: 'off' }}
        />
        <TextField
          name="contact.email"
          label={t('contactEmail')}
          value={values.contactEmail}
          onValue={set('contactEmail')}
          input={emailInput()}
        />
      </div>
    </FormSection>
  );
}
