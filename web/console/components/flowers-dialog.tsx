import type { Recipient } from '../../../shared/partners/greetings-repository.js';
import { defineMessages } from '../../lib/i18n.js';
import { useApp, useText } from '../context.js';
import { DialogActions, Form, TextField } from './form.js';
import { useModalForm } from './modal-form.js';

const messages = defineMessages({
  vi: {
    title: 'Điện hoa cho {name}',
    orderedAt: 'Ngày đặt hoa',
    cost: 'Chi phí (đồng)',
    costHint: 'Chỉ số, ví dụ 850000.',
    orderedBy: 'Người đặt',
    orderedByHint: 'Để trống: ghi tên bạn.',
    note: 'Ghi chú (loại hoa, cửa hàng…)',
    save: 'Ghi nhận',
    cancel: 'Hủy',
    costInvalid: 'Chi phí phải là một số đồng, không âm.',
  },
  en: {
    title: 'Flowers for {name}',
    orderedAt: 'Ordered on',
    cost: 'Cost (VND)',
    costHint: 'Digits only, e.g. 850000.',
    orderedBy: 'Ordered by',
    orderedByHint: 'Empty: your name.',
    note: 'Note (kind of flowers, florist…)',
    save: 'Record',
    cancel: 'Cancel',
    costInvalid: 'The cost must be a whole number of đồng, not negative.',
  },
});

/** Today in Asia/Ho_Chi_Minh, YYYY-MM-DD. */
const localToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** The flowers a recipient was sent: when, by whom, at what cost (PUT …/recipients/:id/flowers). */
export function FlowersDialog(props: { campaignId: string; recipient: Recipient; onSaved: () => void; onClose: () => void }) {
  const { api } = useApp();
  const t = useText(messages);
  const f = props.recipient.flowers;
  const { form, ref, submit, close } = useModalForm({ orderedAt: f?.orderedAt ?? localToday(), cost: f?.cost !== undefined ? String(f.cost) : '', orderedBy: f?.orderedBy ?? '', note: f?.note ?? '' });

  async function save() {
    const v = form.values;
    const cost = v.cost.replace(/[\s.,₫đ]/g, '');
    if (cost && !/^\d+$/.test(cost)) return form.setErrors({ 'flowers.cost': t('costInvalid') });
    await submit(async () => {
      await api.put(`/api/greetings/${props.campaignId}/recipients/${props.recipient.contactId}/flowers`, {
        orderedAt: v.orderedAt,
        ...(cost ? { cost: Number(cost) } : {}),
        ...(v.orderedBy.trim() ? { orderedBy: v.orderedBy.trim() } : {}),
        ...(v.note.trim() ? { note: v.note.trim() } : {}),
      });
      props.onSaved();
    });
  }

  return (
    <dialog ref={ref} class="dialog" aria-labelledby="flowers-title" onClose={props.onClose} onCancel={props.onClose}>
      <h2 id="flowers-title">{t('title', { name: props.recipient.name })}</h2>
      <Form errors={form.errors} onSubmit={save} labelledBy="flowers-title">
        <div class="field">
          <label for="f-flowers-date">{t('orderedAt')}</label>
          <input id="f-flowers-date" name="flowers.orderedAt" type="date" required value={form.values.orderedAt} onInput={(e) => form.set('orderedAt')(e.currentTarget.value)} />
        </div>
        <TextField name="flowers.cost" label={t('cost')} hint={t('costHint')} value={form.values.cost} onValue={form.set('cost')} input={{ inputMode: 'numeric', autoComplete: 'off' }} />
        <TextField name="flowers.orderedBy" label={t('orderedBy')} hint={t('orderedByHint')} value={form.values.orderedBy} onValue={form.set('orderedBy')} input={{ autoComplete: 'off' }} />
        <TextField name="flowers.note" label={t('note')} value={form.values.note} onValue={form.set('note')} input={{ autoComplete: 'off' }} />
        <DialogActions busy={form.busy} cancelLabel={t('cancel')} saveLabel={t('save')} onCancel={close} />
      </Form>
    </dialog>
  );
}
