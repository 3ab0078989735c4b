import { givenNameFirst } from '../text/vietnamese.js';

/**
 * A string whose plain (byte-wise) order is the order of a Vietnamese list: by given name first,
 * in the Vietnamese alphabet (a ă â b c d đ e ê ... o ô ơ ... u ư ...), tones deciding only
 * between names equal without them (ngang, huyền, hỏi, ngã, sắc, nặng). DynamoDB sorts a sort key
 * by its bytes, so the invitation list can be read page by page in this order without sorting in
 * memory. Close to `Intl.Collator('vi')`; letters outside Vietnamese fold to their base letter.
 */

const ALPHABET = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z'];
/** Letters map to "A".."a"...: above digits and the space, so "An" sorts before "An Bình" before "Anh". */
const LETTER_CODE = new Map(ALPHABET.map((letter, i) => [letter, String.fromCharCode(0x41 + i)]));
/** Marks that make a letter of their own: breve (ă), circumflex (â ê ô), horn (ơ ư). */
const LETTER_MARKS = new Set(['\u0306', '\u0302', '\u031b']);
/** Tone marks, in dictionary order; ngang (no mark) is 0. */
const TONE_ORDER = new Map([
  ['\u0300', '1'], // huyền
  ['\u0309', '2'], // hỏi
  ['\u0303', '3'], // ngã
  ['\u0301', '4'], // sắc
  ['\u0323', '5'], // nặng
]);

export function nameSortKey(name: string): string {
  const text = givenNameFirst(name).toLowerCase().normalize('NFD');
  let primary = '';
  let tones = '';
  for (let i = 0; i < text.length; i += 1) {
    const base = text[i]!;
    if (/\p{M}/u.test(base)) continue;
    let letter = base === 'đ' ? 'đ' : base;
    let tone = '0';
    // Combining marks follow their letter in NFD.
    while (i + 1 < text.length && /\p{M}/u.test(text[i + 1]!)) {
      const mark = text[i + 1]!;
      if (LETTER_MARKS.has(mark)) letter = `${letter}${mark}`.normalize('NFC');
      else if (TONE_ORDER.has(mark)) tone = TONE_ORDER.get(mark)!;
      i += 1;
    }
    const code = LETTER_CODE.get(letter) ?? LETTER_CODE.get(letter.normalize('NFD')[0]!);
    if (code) {
      primary += code;
      tones += tone;
    } else if (/\s/u.test(letter)) {
      primary += ' ';
    } else if (/[0-9]/.test(letter)) {
      primary += letter;
    } else if (/\p{L}/u.test(letter)) {
      // Scripts other than Latin (Khmer names written in Khmer) sort after every Latin name.
      primary += letter;
    }
    // Apostrophes and hyphens (H'Linh, Jean-Pierre) are ignored, as collators do.
  }
  return `${primary}\u0001${tones}`;
}
