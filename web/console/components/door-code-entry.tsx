import { useState } from 'preact/hooks';
import type { FieldErrors } from '../../lib/form.js';
import { defineMessages } from '../../lib/i18n.js';
import { useApp, useText } from '../context.js';
import { normalizeCode } from '../door-queue.js';
import { Form, SubmitButton, TextField } from './form.js';
import { QrScanner } from './qr-scanner.js';
import { ErrorNotice } from './page-notices.js';

const messages = defineMessages({
  vi: {
    codeTitle: 'Mã vào cửa',
    code: 'Mã vào cửa',
    codeHint: '10 ký tự trong thư xác nhận, ví dụ ABCDE-12345.',
    codeSubmit: 'Điểm danh theo mã',
    codeNeeded: 'Vui lòng nhập mã vào cửa.',
    codeUnknown: 'Không có ai mang mã {code}. Hãy so lại từng ký tự với thư xác nhận rồi sửa mã, hoặc tìm theo tên.',
    scan: 'Quét mã QR',
    cameraFailed: 'Không mở được camera ({reason}). Hãy nhập mã vào cửa.',
  },
  en: {
    codeTitle: 'Door code',
    code: 'Door code',
    codeHint: 'The 10 characters in the confirmation mail, e.g. ABCDE-12345.',
    codeSubmit: 'Check in by code',
    codeNeeded: 'Please enter the door code.',
    codeUnknown: 'No one has the code {code}. Compare it with the confirmation mail character by character and correct it, or search by name.',
    scan: 'Scan QR code',
    cameraFailed: 'The camera could not be opened ({reason}). Please type the door code.',
  },
});

/** The door code: typed, or read by the camera (BarcodeDetector, else jsQR loaded on demand). */
export function DoorCodeEntry(props: { onCode: (code: string) => Promise<'done' | 'unknown-code'> }) {
  const t = useText(messages);
  const { announce } = useApp();
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [scanning, setScanning] = useState(false);
  const [cameraError, setCameraError] = useState<string>();
  const canScan = typeof navigator !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia);

  const submit = () => {
    const value = normalizeCode(code);
    if (value.length < 4) {
      setErrors({ code: t('codeNeeded') });
      requestAnimationFrame(() => document.getElementById('f-code')?.focus());
      return;
    }
    setErrors({});
    const typed = code.trim();
    // The code stays in the field until it is known: a mistyped one is corrected, not retyped.
    void props.onCode(value).then((outcome) => {
      if (outcome === 'done') setCode((current) => (normalizeCode(current) === value ? '' : current));
      else {
        setErrors({ code: t('codeUnknown', { code: typed }) });
        announce(t('codeUnknown', { code: typed }));
        requestAnimationFrame(() => document.getElementById('f-code')?.focus());
      }
    });
  };

  return (
    <section class="card door-code" aria-labelledby="door-code-title">
      <h2 id="door-code-title">{t('codeTitle')}</h2>
      <Form errors={errors} onSubmit={submit} class="door-code-form" summary={false}>
        <TextField
          name="code"
          label={t('code')}
          hint={t('codeHint')}
          value={code}
          onValue={setCode}
          input={{ autoComplete: 'off', autoCapitalize: 'characters', spellcheck: false, maxLength: 64 }}
        />
        <div class="row-actions">
          <SubmitButton busy={false} label={t('codeSubmit')} />
          {canScan && !scanning && (
            <button
              type="button"
              class="button"
              onClick={() => {
                setCameraError(undefined);
                setScanning(true);
              }}
            >
              {t('scan')}
            </button>
          )}
        </div>
      </Form>
      <ErrorNotice message={cameraError} />
      {scanning && (
        <QrScanner
          onCode={(found) => {
            setScanning(false);
            props.onCode(normalizeCode(found));
          }}
          onFail={(reason) => {
            setScanning(false);
            setCameraError(t('cameraFailed', { reason }));
          }}
          onStop={() => setScanning(false)}
        />
      )}
    </section>
  );
}
