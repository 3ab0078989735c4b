import { layHeading, MARGIN, TEXT_WIDTH } from '../papers/administrative-heading.js';
import { A4, MM, newPdfDocument, PageLayout } from '../papers/pdf-page-layout.js';
import type { PapersSettings } from '../papers/papers-settings-schema.js';
import type { GreetingText } from './greeting-mail.js';

/**
 * Greeting letters on the union's letterhead (the heading of its official papers, Decree 30
 * margins), one A4 page each: for post, or to go with flowers. pdf-lib is loaded with the first.
 */
export async function renderGreetingLetters(settings: PapersSettings, letters: GreetingText[], title: string, issuedAt: string): Promise<Uint8Array> {
  const first = letters[0]?.language === 'vi' ? 'vi' : 'en';
  const { pdf, fonts } = await newPdfDocument(title, first);
  for (const letter of letters) {
    const lang = letter.language === 'vi' ? 'vi' : 'en';
    const layout = new PageLayout(fonts, A4.height - MARGIN.top - 12, MARGIN.bottom);
    layHeading(layout, settings, lang, '', issuedAt);
    layout.y -= 10;
    layout.paragraph([{ text: lang === 'vi' ? 'THƯ CHÚC MỪNG' : 'LETTER OF GREETINGS', style: 'bold' }], { x: MARGIN.left, width: TEXT_WIDTH, size: 14, align: 'center', spaceAfter: 14 });
    const para = { x: MARGIN.left, width: TEXT_WIDTH, size: 14, align: 'justify' as const, lineHeight: 1.3, spaceAfter: 8 };
    letter.paragraphs.forEach((text, i) => {
      layout.paragraph([{ text, style: i === 0 ? 'bold' : 'regular' }], i === 0 ? para : { ...para, firstLineIndent: 10 * MM });
    });
    layout.y -= 10;
    const signer = { x: MARGIN.left + TEXT_WIDTH - 85 * MM, width: 85 * MM, size: 13, align: 'center' as const };
    if (settings.signer.authority) layout.paragraph([{ text: settings.signer.authority[lang], style: 'bold' }], { ...signer, uppercase: true });
    layout.paragraph([{ text: settings.signer.position[lang], style: 'bold' }], { ...signer, uppercase: true });
    layout.y -= 24 * MM;
    if (settings.signer.name) layout.paragraph([{ text: settings.signer.name, style: 'bold' }], { ...signer, size: 14 });
    layout.drawOn(() => pdf.addPage([A4.width, A4.height]));
  }
  return pdf.save({ useObjectStreams: true });
}
