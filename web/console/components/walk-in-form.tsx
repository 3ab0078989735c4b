import { useState } from 'preact/hooks';
import type { FieldErrors } from '../../lib/form.js';
import { defineMessages } from '../../lib/i18n.js';
import { useText } from '../context.js';
import { randomId, type WalkInDraft } from '../door-queue.js';
import { Form, SubmitButton, TextField } from './form.js';

const messages = defineMessages({
  vi: {
    walkInTitle: 'Người đến trực tiếp',
    walkInHint: 'Người không có trong danh sách: thêm vào và ghi nhận có mặt ngay.',
    name: 'Họ và tên',
    organisation: 'Đơn vị',
    position: 'Chức vụ',
    nameNeeded: 'Vui lòng nhập họ và tên.',
    walkInSubmit: 'Thêm và điểm danh',
  },
  en: {
    walkInTitle: 'Walk-ins',
    walkInHint: 'Someone who is not on the list: add them and check them in at once.',
    name: 'Full name',
    organisation: 'Organisation',
    position: 'Position',
    nameNeeded: 'Please enter the full name.',
    walkInSubmit: 'Add and check in',
  },
});

/** Someone not on the list, added at the door and checked in at once. */
export function WalkInForm(props: { onAdd: (walkIn: WalkInDraft) => Promise<void> }) {
  const t = useText(messages);
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [position, setPosition] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!name.trim()) {
      setErrors({ name: t('nameNeeded') });
      return;
    }
    setErrors({});
    setBusy(true);
    // The id is made once, here: however often the queue sends it, one person is added.
    const walkIn = {
      walkInId: randomId(),
      name: name.trim(),
      ...(organisation.trim() ? { organisation: organisation.trim() } : {}),
      ...(position.trim() ? { position: position.trim() } : {}),
    };
    setName('');
    setOrganisation('');
    setPosition('');
    try {
      await props.onAdd(walkIn);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details class="card door-walk-in-card">
      <summary class="door-summary">{t('walkInTitle')}</summary>
      <p class="hint">{t('walkInHint')}</p>
      <Form errors={errors} onSubmit={submit}>
        <TextField name="name" label={t('name')} required value={name} onValue={setName} input={{ autoComplete: 'off', autoCapitalize: 'words' }} />
        <TextField name="organisation" label={t('organisation')} value={organisation} onValue={setOrganisation} input={{ autoComplete: 'off' }} />
        <TextField name="position" label={t('position')} value={position} onValue={setPosition} input={{ autoComplete: 'off' }} />
        <SubmitButton busy={busy} label={t('walkInSubmit')} />
      </Form>
    </details>
  );
}
