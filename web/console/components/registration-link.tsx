import { useEffect, useState } from 'preact/hooks';
import { defineMessages } from '../../lib/i18n.js';
import { useApp, useText } from '../context.js';

const messages = defineMessages({
  vi: {
    title: 'Đăng ký công khai',
    intro: 'Ai có đường dẫn này cũng tự đăng ký được, không cần thư mời. Dán vào trang Facebook, Zalo hoặc in mã QR lên áp phích.',
    notYet: 'Trang đăng ký mở khi sự kiện được công bố.',
    closed: 'Trang đăng ký không còn nhận đăng ký vì sự kiện đã hủy hoặc đã kết thúc.',
    link: 'Đường dẫn đăng ký',
    copy: 'Sao chép đường dẫn',
    copied: 'Đã sao chép đường dẫn.',
    copyFailed: 'Không sao chép được; hãy chọn đường dẫn và sao chép bằng tay.',
    qr: 'Mã QR dẫn tới trang đăng ký',
    qrLoading: 'Đang tạo mã QR…',
    download: 'Tải mã QR (SVG, để in áp phích)',
  },
  en: {
    title: 'Open registration',
    intro: 'Anyone with this link can register, without an invitation. Share it on Facebook or Zalo, or print the QR code on a poster.',
    notYet: 'The registration page opens when the event is published.',
    closed: 'The registration page takes no more registrations: the event is cancelled or closed.',
    link: 'Registration link',
    copy: 'Copy the link',
    copied: 'The link is copied.',
    copyFailed: 'Could not copy; select the link and copy it by hand.',
    qr: 'QR code to the registration page',
    qrLoading: 'Making the QR code…',
    download: 'Download the QR code (SVG, for posters)',
  },
});

type QrModules = { size: number; dark: (row: number, col: number) => boolean };

/** The QR code as one SVG path of unit squares, with the four-module quiet zone scanners need. */
function qrSvg(modules: QrModules): { viewBox: string; path: string; markup: string } {
  const quiet = 4;
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (modules.dark(row, col)) parts.push(`M${col + quiet} ${row + quiet}h1v1h-1z`);
    }
  }
  const side = modules.size + 2 * quiet;
  const viewBox = `0 0 ${side} ${side}`;
  const path = parts.join('');
  const markup = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}" width="${side * 10}" height="${side * 10}" shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`;
  return { viewBox, path, markup };
}

/**
 * The public registration link of an event with open registration: the address to copy and a QR
 * code to print. The QR encoder (the `qrcode` package) is imported only when this is shown, so the
 * event page's chunk stays within the console's budget.
 */
export function RegistrationLink(props: { eventId: string; status: string; fileName: string }) {
  const { announce } = useApp();
  const t = useText(messages);
  const url = `${location.origin}/dang-ky/${encodeURIComponent(props.eventId)}`;
  const [qr, setQr] = useState<ReturnType<typeof qrSvg>>();
  const [download, setDownload] = useState<string>();
  const [copyNote, setCopyNote] = useState<'copied' | 'copyFailed'>();

  useEffect(() => {
    let live = true;
    let objectUrl: string | undefined;
    void import('qrcode').then(({ default: QRCode }) => {
      if (!live) return;
      const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
      const svg = qrSvg({ size: modules.size, dark: (row, col) => Boolean(modules.get(row, col)) });
      objectUrl = URL.createObjectURL(new Blob([svg.markup], { type: 'image/svg+xml' }));
      setQr(svg);
      setDownload(objectUrl);
    });
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopyNote('copied');
      announce(t('copied'));
    } catch {
      setCopyNote('copyFailed');
    }
  }

  const open = props.status === 'published';
  return (
    <section class="card registration-link" aria-labelledby="registration-link-title">
      <h2 id="registration-link-title">{t('title')}</h2>
      <p>{t('intro')}</p>
      {props.status === 'draft' && <p class="notice info">{t('notYet')}</p>}
      {!open && props.status !== 'draft' && <p class="notice info">{t('closed')}</p>}
      <div class="registration-link-body">
        <div class="registration-link-text">
          <label for="registration-url">{t('link')}</label>
          <input id="registration-url" class="input" type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
          <div class="actions">
            <button type="button" class="button" onClick={() => void copy()}>
              {t('copy')}
            </button>
            {download && (
              <a class="button" href={download} download={props.fileName}>
                {t('download')}
              </a>
            )}
          </div>
          {copyNote && (
            <p class={copyNote === 'copied' ? 'notice success' : 'notice error'} role="status">
              {t(copyNote)}
            </p>
          )}
        </div>
        <figure class="registration-qr">
          {qr ? (
            <svg viewBox={qr.viewBox} role="img" aria-label={t('qr')} shape-rendering="crispEdges">
              <rect width="100%" height="100%" fill="#fff" />
              <path fill="#000" d={qr.path} />
            </svg>
          ) : (
            <p class="loading">{t('qrLoading')}</p>
          )}
        </figure>
      </div>
    </section>
  );
}
