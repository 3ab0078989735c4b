import { useEffect, useRef } from 'preact/hooks';
import { defineMessages } from '../../lib/i18n.js';
import { useText } from '../context.js';

const messages = defineMessages({
  vi: {
    scanStop: 'Tắt camera',
    scanHint: 'Đưa mã QR trong thư xác nhận vào khung hình.',
    scanVideo: 'Hình ảnh từ camera',
  },
  en: {
    scanStop: 'Stop camera',
    scanHint: 'Hold the QR code of the confirmation mail in the frame.',
    scanVideo: 'Camera picture',
  },
});

type Detector = { detect: (source: HTMLVideoElement) => Promise<{ rawValue: string }[]> };
type DetectorClass = { new (options: { formats: string[] }): Detector; getSupportedFormats?: () => Promise<string[]> };

/** A reader of QR codes in video frames: the browser's own where it has one. */
async function qrReader(): Promise<(video: HTMLVideoElement) => Promise<string | undefined>> {
  const Native = (window as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (Native && (await Native.getSupportedFormats?.().catch((): string[] => []))?.includes('qr_code')) {
    const detector = new Native({ formats: ['qr_code'] });
    return async (video) => (await detector.detect(video))[0]?.rawValue;
  }
  // jsQR only here: a chunk of its own, fetched the first time a camera is used without BarcodeDetector.
  // jsQR is CommonJS and sets `default` on both its exports and itself: `.default.default` is
  // the function whichever way a bundler wraps it.
  const jsQR = (await import('jsqr')).default.default;
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return async (video) => {
    if (!context || !video.videoWidth) return undefined;
    // A smaller frame decodes faster on a phone and still holds a QR held up to the camera.
    const scale = Math.min(1, 640 / Math.max(video.videoWidth, video.videoHeight));
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const frame = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' })?.data;
  };
}

/** The camera, read for a QR code until one is found or it is stopped. */
export function QrScanner(props: { onCode: (code: string) => void; onFail: (reason: string) => void; onStop: () => void }) {
  const t = useText(messages);
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    let stream: MediaStream | undefined;
    let timer: number | undefined;
    let stopped = false;
    const start = async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        const read = await qrReader();
        const loop = async () => {
          if (stopped || !video.current) return;
          const found = await read(video.current).catch(() => undefined);
          if (stopped) return;
          if (found) props.onCode(found);
          else timer = window.setTimeout(() => void loop(), 250);
        };
        void loop();
      } catch (error) {
        if (!stopped) props.onFail(error instanceof Error ? error.name || error.message : String(error));
      }
    };
    void start();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);
  return (
    <div class="door-scanner">
      <p class="hint">{t('scanHint')}</p>
      <video ref={video} class="door-video" muted playsInline aria-label={t('scanVideo')} />
      <button type="button" class="button" onClick={props.onStop}>
        {t('scanStop')}
      </button>
    </div>
  );
}
