import { placeAndDate } from './official-dates.js';
import type { PapersSettings } from './papers-settings-schema.js';
import { A4, MM, type PageLayout } from './pdf-page-layout.js';

/**
 * Decree 30/2020/NĐ-CP, Appendix I: A4, margins top and bottom 20 mm, left 30 mm, right 15 mm;
 * the body in 13–14 pt, justified, first lines indented 1 cm, at least 6 pt between paragraphs.
 */
export const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
export const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
/** The issuer's block on the left, the national heading on the right. */
const LEFT_BLOCK = { x: MARGIN.left - 12 * MM, width: 80 * MM };
const RIGHT_BLOCK = { x: MARGIN.left + TEXT_WIDTH - 100 * MM + 6 * MM, width: 100 * MM };

const national = {
  vi: { nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', motto: 'Độc lập - Tự do - Hạnh phúc' },
  en: { nation: 'SOCIALIST REPUBLIC OF VIET NAM', motto: 'Independence - Freedom - Happiness' },
};

/**
 * The heading every administrative paper opens with: on the left the body above (regular) and
 * the issuer (bold, a short rule under it), then the number; on the right the national heading,
 * the motto with a rule as long as itself, then the place and date in italics. Leaves `y` below
 * the lower of the two blocks.
 */
export function layHeading(layout: PageLayout, settings: PapersSettings, language: 'vi' | 'en', numberLine: string, issuedAt: string | Date) {
  const top = layout.y;
  const leftCenter = LEFT_BLOCK.x + LEFT_BLOCK.width / 2;
  const rightCenter = RIGHT_BLOCK.x + RIGHT_BLOCK.width / 2;
  if (settings.parentBody) layout.paragraph([{ text: settings.parentBody[language] }], { ...LEFT_BLOCK, size: 12.5, align: 'center', uppercase: true, lineHeight: 1.1 });
  layout.paragraph([{ text: settings.issuer[language], style: 'bold' }], { ...LEFT_BLOCK, size: 12.5, align: 'center', uppercase: true, lineHeight: 1.1 });
  layout.rule(leftCenter, 28 * MM, 6.5);
  layout.y -= 10;
  layout.paragraph([{ text: numberLine }], { ...LEFT_BLOCK, size: 13, align: 'center' });
  const leftBottom = layout.y;

  const words = national[language];
  layout.y = top;
  layout.paragraph([{ text: words.nation, style: 'bold' }], { ...RIGHT_BLOCK, size: 12.5, align: 'center' });
  layout.paragraph([{ text: words.motto, style: 'bold' }], { ...RIGHT_BLOCK, size: 13.5, align: 'center' });
  layout.rule(rightCenter, layout.width(words.motto, 'bold', 13.5), 9.5);
  layout.y -= 14;
  layout.paragraph([{ text: placeAndDate(settings.place[language], issuedAt, language), style: 'italic' }], { ...RIGHT_BLOCK, size: 13.5, align: 'center' });
  layout.y = Math.min(layout.y, leftBottom) - 14;
}
