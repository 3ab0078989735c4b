import { layHeading, MARGIN, TEXT_WIDTH } from './administrative-heading.js';
import { shortDate } from './official-dates.js';
import type { PapersSettings } from './papers-settings-schema.js';
import { A4, MM, newPdfDocument, PageLayout } from './pdf-page-layout.js';
import { eventTypeNames, greetingsSection, type YearReport } from './year-report.js';

/**
 * The year's report as PDF, the same content and layout as the Word file (render-year-report-
 * docx.ts): the heading, the figures, the events, the delegations and the NGO conferences in
 * ruled tables that repeat their header on each page, "Nơi nhận" and the signer.
 */
export async function renderYearReportPdf(report: YearReport, settings: PapersSettings, issuedAt: Date): Promise<Uint8Array> {
  const { pdf, fonts } = await newPdfDocument(`Báo cáo kết quả công tác đối ngoại nhân dân năm ${report.year}`, 'vi');
  const layout = new PageLayout(fonts, A4.height - MARGIN.top - 12, MARGIN.bottom);
  const full = { x: MARGIN.left, width: TEXT_WIDTH };
  const body = { ...full, size: 13, align: 'justify' as const, firstLineIndent: 10 * MM, lineHeight: 1.3, spaceAfter: 6 };
  const heading = (text: string) => {
    layout.keepTogether(60, 14);
    layout.y -= 6;
    layout.paragraph([{ text, style: 'bold' }], { ...full, size: 13.5, spaceAfter: 6 });
  };
  const n = (value: number) => value.toLocaleString('vi-VN');
  const when = (startsAt: string, endsAt: string) => (shortDate(startsAt) === shortDate(endsAt) ? shortDate(startsAt) : `${shortDate(startsAt)} – ${shortDate(endsAt)}`);
  const mm = (value: number) => value * MM;

  // The number is written in by the office when the report is registered: room is left for it.
  layHeading(layout, settings, 'vi', `Số:${'\u00a0'.repeat(10)}/BC-${settings.symbol}`, issuedAt);
  layout.paragraph([{ text: 'BÁO CÁO', style: 'bold' }], { ...full, size: 14, align: 'center' });
  layout.paragraph([{ text: `Kết quả công tác đối ngoại nhân dân năm ${report.year}`, style: 'bold' }], { ...full, size: 14, align: 'center', spaceAfter: 12 });

  const t = report.totals;
  heading('I. TỔNG QUAN');
  layout.paragraph(
    [
      {
        text:
          `Năm ${report.year}, ${settings.issuerInSentence.vi} đã tổ chức ${n(t.events)} hoạt động, mời ${n(t.invited)} lượt đại biểu; ` +
          `${n(t.confirmed)} lượt xác nhận tham dự và ${n(t.present)} lượt có mặt; ${n(t.organisations)} cơ quan, tổ chức đã tham gia.`,
      },
    ],
    body,
  );
  layout.table(
    [
      { header: 'Loại hoạt động', width: mm(57) },
      { header: 'Số hoạt động', width: mm(26), align: 'right' },
      { header: 'Số được mời', width: mm(26), align: 'right' },
      { header: 'Xác nhận tham dự', width: mm(28), align: 'right' },
      { header: 'Có mặt', width: mm(28), align: 'right' },
    ],
    [
      ...report.byType.map((row) => [eventTypeNames[row.type].vi, n(row.events), n(row.invited), n(row.confirmed), n(row.present)]),
      ['Tổng cộng', n(t.events), n(t.invited), n(t.confirmed), n(t.present)],
    ],
    { x: MARGIN.left, size: 11.5 },
  );

  heading('II. CÁC HOẠT ĐỘNG TRONG NĂM');
  layout.table(
    [
      { header: 'STT', width: mm(11), align: 'center' },
      { header: 'Hoạt động', width: mm(45) },
      { header: 'Loại', width: mm(22) },
      { header: 'Thời gian', width: mm(22) },
      { header: 'Địa điểm', width: mm(31) },
      { header: 'Mời', width: mm(11.5), align: 'right' },
      { header: 'Xác nhận', width: mm(11.5), align: 'right' },
      { header: 'Có mặt', width: mm(11), align: 'right' },
    ],
    report.events.map((e, i) => [String(i + 1), e.title.vi, eventTypeNames[e.type].vi, when(e.startsAt, e.endsAt), e.venue, n(e.invited), n(e.confirmed), n(e.present)]),
    { x: MARGIN.left, size: 10.5 },
  );

  heading('III. ĐOÀN RA, ĐOÀN VÀO');
  if (report.delegations.length === 0) layout.paragraph([{ text: 'Trong năm không có đoàn công tác.' }], body);
  report.delegations.forEach((d, i) => {
    layout.keepTogether(50, 13);
    layout.paragraph([{ text: `${i + 1}. ${d.title.vi}`, style: 'bold' }, { text: ` (${when(d.startsAt, d.endsAt)}, ${d.venue}): ${n(d.members.length)} thành viên.` }], { ...full, size: 13, spaceAfter: 4 });
    layout.table(
      [
        { header: 'STT', width: mm(11), align: 'center' },
        { header: 'Họ và tên', width: mm(50) },
        { header: 'Vai trò trong đoàn', width: mm(34) },
        { header: 'Chức vụ, đơn vị', width: mm(70) },
      ],
      d.members.map((m, j) => [String(j + 1), m.name, m.role ?? '', [m.position, m.organisation].filter(Boolean).join(', ')]),
      { x: MARGIN.left, size: 11 },
    );
    layout.y -= 6;
  });

  heading('IV. HỘI NGHỊ VỚI CÁC TỔ CHỨC PHI CHÍNH PHỦ NƯỚC NGOÀI');
  if (report.ngoConferences.length === 0) layout.paragraph([{ text: 'Trong năm không có hội nghị với các tổ chức phi chính phủ nước ngoài.' }], body);
  else
    layout.table(
      [
        { header: 'STT', width: mm(11), align: 'center' },
        { header: 'Hội nghị', width: mm(50) },
        { header: 'Thời gian', width: mm(22) },
        { header: 'Địa điểm', width: mm(32) },
        { header: 'Tổ chức tham dự', width: mm(50) },
      ],
      report.ngoConferences.map((c, i) => [String(i + 1), c.title.vi, when(c.startsAt, c.endsAt), c.venue, c.organisations.join('; ')]),
      { x: MARGIN.left, size: 10.5 },
    );

  const greetings = greetingsSection(report, settings.issuerInSentence.vi);
  heading(greetings.title);
  layout.paragraph([{ text: greetings.sentence }], body);
  if (greetings.rows.length > 0) {
    const widths = [11, 38, 22, 46, 18, 14, 16];
    layout.table(
      greetings.header.map((header, i) => ({ header, width: mm(widths[i]!), ...(greetings.numeric.includes(i) ? { align: i === 0 ? ('center' as const) : ('right' as const) } : {}) })),
      greetings.rows,
      { x: MARGIN.left, size: 10.5 },
    );
  }

  // "Nơi nhận" and the signer, kept together on one page.
  layout.keepTogether(150, 12);
  layout.y -= 18;
  const footTop = layout.y;
  const left = { x: MARGIN.left, width: 75 * MM };
  layout.paragraph([{ text: 'Nơi nhận:', style: 'boldItalic' }], { ...left, size: 12 });
  for (const line of settings.recipients.vi) layout.paragraph([{ text: `- ${line}` }], { ...left, size: 11, lineHeight: 1.15 });
  layout.y = footTop;
  const signer = { x: MARGIN.left + TEXT_WIDTH - 85 * MM, width: 85 * MM };
  if (settings.signer.authority) layout.paragraph([{ text: settings.signer.authority.vi, style: 'bold' }], { ...signer, size: 13, align: 'center', uppercase: true });
  layout.paragraph([{ text: settings.signer.position.vi, style: 'bold' }], { ...signer, size: 13, align: 'center', uppercase: true });
  layout.y -= 24 * MM;
  if (settings.signer.name) layout.paragraph([{ text: settings.signer.name, style: 'bold' }], { ...signer, size: 14, align: 'center' });

  const pages = layout.drawOn(() => pdf.addPage([A4.width, A4.height]));
  // Page numbers from the second page on, at the top centre, as the decree asks.
  pages.slice(1).forEach((page, index) => {
    const label = String(index + 2);
    page.drawText(label, { x: (A4.width - fonts.regular.widthOfTextAtSize(label, 13)) / 2, y: A4.height - 12 * MM, size: 13, font: fonts.regular });
  });
  return pdf.save({ useObjectStreams: true });
}
