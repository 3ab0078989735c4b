import type { PDFDocument, PDFImage } from 'pdf-lib';
import { layHeading, MARGIN, TEXT_WIDTH } from './administrative-heading.js';
import { A4, MM, newPdfDocument, PageLayout, type Fonts, type Run } from './pdf-page-layout.js';
import { eventTimePhrase } from './official-dates.js';
import type { PapersSettings } from './papers-settings-schema.js';

/** What one letter says about its event and its invitee; plain data, so the layout is testable. */
export type LetterContent = {
  language: 'vi' | 'en';
  reference: string;
  issuedAt: string;
  invitee: { name: string; salutation?: string; position?: string; organisation?: string };
  event: {
    title: string;
    startsAt: string;
    endsAt: string;
    venue: string;
    agenda?: string;
    contact?: { name: string; email?: string; phone?: string };
  };
};


const words = {
  vi: {
    number: 'Số',
    title: 'GIẤY MỜI',
    invites: (issuer: string) => `${issuer} trân trọng kính mời:`,
    position: 'Chức vụ',
    attend: 'Tới dự',
    time: 'Thời gian',
    venue: 'Địa điểm',
    agenda: 'Nội dung',
    contact: 'Liên hệ',
    phone: 'điện thoại',
    closing: (salutation: string) => `Rất mong ${salutation} đến dự đúng giờ./.`,
    recipients: 'Nơi nhận:',
    asAbove: 'Như trên;',
    defaultSalutation: 'Ông/Bà',
  },
  en: {
    number: 'No.',
    title: 'INVITATION LETTER',
    invites: (issuer: string) => `${issuer} has the honour to invite:`,
    position: 'Position',
    attend: 'To attend',
    time: 'Time',
    venue: 'Venue',
    agenda: 'Programme',
    contact: 'Contact',
    phone: 'phone',
    closing: () => 'We look forward to welcoming you./.',
    recipients: 'Recipients:',
    asAbove: 'As above;',
    defaultSalutation: '',
  },
} as const;

/** Lays one letter out at a body size; answers the layout and whether it fit one page. */
function layLetter(fonts: Fonts, settings: PapersSettings, content: LetterContent, body: number, signature?: PDFImage): { layout: PageLayout; fits: boolean } {
  const t = words[content.language];
  const lang = content.language;
  const layout = new PageLayout(fonts, A4.height - MARGIN.top - 12, MARGIN.bottom);
  layHeading(layout, settings, lang, `${t.number}: ${content.reference}`, content.issuedAt);
  layout.paragraph([{ text: t.title, style: 'bold' }], { x: MARGIN.left, width: TEXT_WIDTH, size: 14, align: 'center', spaceAfter: 12 });

  const para = { x: MARGIN.left, width: TEXT_WIDTH, size: body, align: 'justify' as const, firstLineIndent: 10 * MM, lineHeight: 1.25, spaceAfter: 6 };
  const salutation = content.invitee.salutation ?? t.defaultSalutation;
  layout.paragraph([{ text: t.invites(settings.issuerInSentence[lang]) }], para);
  layout.paragraph([{ text: [salutation, content.invitee.name].filter(Boolean).join(' '), style: 'bold' }], { ...para, align: 'center', firstLineIndent: 0 });
  const role = [content.invitee.position, content.invitee.organisation].filter(Boolean).join(', ');
  if (role) layout.paragraph([{ text: `${t.position}: `, style: 'italic' }, { text: role }], para);
  const labelled = (label: string, value: string): Run[] => [{ text: `${label}: `, style: 'bold' }, { text: value }];
  layout.paragraph(labelled(t.attend, content.event.title), para);
  layout.paragraph(labelled(t.time, eventTimePhrase(content.event.startsAt, content.event.endsAt, lang)), para);
  layout.paragraph(labelled(t.venue, content.event.venue), para);
  const agenda = content.event.agenda?.split(/\r?\n/).map((line) => line.trim()).filter(Boolean) ?? [];
  if (agenda.length > 0) {
    layout.paragraph([{ text: `${t.agenda}:`, style: 'bold' }], para);
    for (const item of agenda) layout.paragraph([{ text: item }], { ...para, spaceAfter: 2 });
    layout.y -= 4;
  }
  const contact = content.event.contact;
  if (contact) {
    const reach = [contact.phone ? `${t.phone} ${contact.phone}` : '', contact.email ?? ''].filter(Boolean).join(', ');
    layout.paragraph(labelled(t.contact, [contact.name, reach].filter(Boolean).join(', ')), para);
  }
  layout.paragraph([{ text: t.closing(salutation || '') }], para);

  // Foot: "Nơi nhận" on the left (12 pt bold italic, its lines 11 pt), the signer on the right.
  layout.y -= 6;
  const footTop = layout.y;
  const recipientsBlock = { x: MARGIN.left, width: 75 * MM };
  layout.paragraph([{ text: t.recipients, style: 'boldItalic' }], { ...recipientsBlock, size: 12 });
  for (const line of [t.asAbove, ...settings.recipients[lang]]) layout.paragraph([{ text: `- ${line}` }], { ...recipientsBlock, size: 11, lineHeight: 1.15 });
  const recipientsBottom = layout.y;

  layout.y = footTop;
  const signerBlock = { x: MARGIN.left + TEXT_WIDTH - 85 * MM, width: 85 * MM };
  if (settings.signer.authority) layout.paragraph([{ text: settings.signer.authority[lang], style: 'bold' }], { ...signerBlock, size: 13, align: 'center', uppercase: true });
  layout.paragraph([{ text: settings.signer.position[lang], style: 'bold' }], { ...signerBlock, size: 13, align: 'center', uppercase: true });
  if (signature) {
    const height = 26 * MM;
    const width = Math.min(60 * MM, (signature.width / signature.height) * height);
    layout.y -= 2;
    layout.image(signature, signerBlock.x + (signerBlock.width - width) / 2, width, height);
    layout.y -= 12;
  } else {
    layout.y -= 24 * MM;
  }
  if (settings.signer.name) layout.paragraph([{ text: settings.signer.name, style: 'bold' }], { ...signerBlock, size: 14, align: 'center' });

  return { layout, fits: Math.min(layout.y, recipientsBottom) >= MARGIN.bottom };
}

async function embedSignature(pdf: PDFDocument, dataUrl: string | undefined): Promise<PDFImage | undefined> {
  if (!dataUrl) return undefined;
  const [, kind, data] = /^data:image\/(png|jpeg);base64,(.*)$/.exec(dataUrl) ?? [];
  if (!data) return undefined;
  const bytes = Buffer.from(data, 'base64');
  return kind === 'png' ? pdf.embedPng(bytes) : pdf.embedJpg(bytes);
}

/**
 * Giấy mời, one A4 page each, in one PDF in the order given. A letter too long for one page at
 * 14 pt is set at 13, then 12; beyond that it runs on as a second page would in Word.
 */
export async function renderInvitationLetters(settings: PapersSettings, letters: LetterContent[], title: string): Promise<Uint8Array> {
  const { pdf, fonts } = await newPdfDocument(title, letters[0]?.language ?? 'vi');
  const signature = await embedSignature(pdf, settings.signatureImage);
  for (const content of letters) {
    let chosen = layLetter(fonts, settings, content, 14, signature);
    for (const size of [13.5, 13, 12]) {
      if (chosen.fits) break;
      chosen = layLetter(fonts, settings, content, size, signature);
    }
    chosen.layout.drawOn(() => pdf.addPage([A4.width, A4.height]));
  }
  return pdf.save({ useObjectStreams: true });
}
