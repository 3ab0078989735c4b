import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

// jsqr is CommonJS whose types declare `export default`: from ESM the function is `.default`.
const jsQR = jsQRModule.default;

/** What a phone camera at the door reads from a PNG: the QR's text and the image's size. */
export function readQr(png: Uint8Array): { text: string; width: number; height: number } {
  const image = PNG.sync.read(Buffer.from(png));
  const found = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength), image.width, image.height);
  if (!found) throw new Error('no QR code found in the image');
  return { text: found.data, width: image.width, height: image.height };
}
