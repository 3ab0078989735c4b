import { placeAndDate, shortDate } from './official-dates.js';
import type { PapersSettings } from './papers-settings-schema.js';
import { eventTypeNames, greetingsSection, type YearReport } from './year-report.js';

/** Twentieths of a point per millimetre: Word measures margins and widths in twips. */
const TWIPS_PER_MM = 56.7;

/**
 * The year's report as a Word document the office edits: Decree 30's heading (issuer left,
 * national heading right, each with its rule), the title, the figures, then tables of events,
 * delegations and NGO conferences, "Nơi nhận" and the signer. Times New Roman 13–14 pt, A4 with
 * the decree's margins. The docx library is loaded only when a report is asked for.
 */
export async function renderYearReportDocx(report: YearReport, settings: PapersSettings, issuedAt: Date): Promise<Uint8Array> {
  const docx = await import('docx');
  const { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, VerticalAlign } = docx;
  const font = 'Times New Roman';
  const size = (points: number) => points * 2;
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };

  const text = (value: string, options: { bold?: boolean; italics?: boolean; points?: number } = {}) =>
    new TextRun({ text: value, font, bold: options.bold, italics: options.italics, size: size(options.points ?? 13) });
  const centred = (runs: InstanceType<typeof TextRun>[], after = 0) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after },
      children: runs,
    });
  const body = (runs: InstanceType<typeof TextRun>[]) =>
    new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: Math.round(10 * TWIPS_PER_MM) }, spacing: { before: 120, line: 300 }, children: runs });
  const heading = (value: string) => new Paragraph({ spacing: { before: 240, after: 120 }, children: [text(value, { bold: true, points: 14 })] });

  /** Two borderless columns side by side: the heading's issuer and motto, the footer's recipients and signer. */
  const twoColumns = (leftPercent: number, left: InstanceType<typeof Paragraph>[], right: InstanceType<typeof Paragraph>[]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: noBorders,
      rows: [
        new TableRow({
          children: [
            new TableCell({ width: { size: leftPercent, type: WidthType.PERCENTAGE }, borders: noBorders, children: left }),
            new TableCell({ width: { size: 100 - leftPercent, type: WidthType.PERCENTAGE }, borders: noBorders, children: right }),
          ],
        }),
      ],
    });

  const headerTable = twoColumns(
    42,
    [
      ...(settings.parentBody ? [centred([text(settings.parentBody.vi.toLocaleUpperCase('vi'), { points: 12.5 })])] : []),
      centred([text(settings.issuer.vi.toLocaleUpperCase('vi'), { bold: true, points: 12.5 })], 60),
      centred([text(`Số: ${''.padEnd(6, ' ')}/BC-${settings.symbol}`)]),
    ],
    [
      centred([text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, points: 12.5 })]),
      centred([text('Độc lập - Tự do - Hạnh phúc', { bold: true, points: 13.5 })], 120),
      centred([text(placeAndDate(settings.place.vi, issuedAt, 'vi'), { italics: true, points: 13.5 })]),
    ],
  );

  const cell = (value: string, options: { bold?: boolean; align?: 'left' | 'center' | 'right' } = {}) =>
    new TableCell({
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: options.align === 'center' ? AlignmentType.CENTER : options.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [text(value, { bold: options.bold, points: 12 })],
        }),
      ],
    });
  const table = (header: string[], rows: string[][], numeric: number[] = []) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: header.map((h) => cell(h, { bold: true, align: 'center' })) }),
        ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((value, i) => cell(value, { align: numeric.includes(i) ? 'right' : 'left' })) })),
      ],
    });
  const when = (startsAt: string, endsAt: string) => (shortDate(startsAt) === shortDate(endsAt) ? shortDate(startsAt) : `${shortDate(startsAt)} – ${shortDate(endsAt)}`);
  const n = (value: number) => value.toLocaleString('vi-VN');

  const t = report.totals;
  const greetings = greetingsSection(report, settings.issuerInSentence.vi);
  const children = [
    headerTable,
    new Paragraph({ spacing: { before: 360 }, alignment: AlignmentType.CENTER, children: [text('BÁO CÁO', { bold: true, points: 14 })] }),
    centred([text(`Kết quả công tác đối ngoại nhân dân năm ${report.year}`, { bold: true, points: 14 })], 240),
    heading('I. TỔNG QUAN'),
    body([
      text(
        `Năm ${report.year}, ${settings.issuerInSentence.vi} đã tổ chức ${n(t.events)} hoạt động, mời ${n(t.invited)} lượt đại biểu; ` +
          `${n(t.confirmed)} lượt xác nhận tham dự và ${n(t.present)} lượt có mặt; ${n(t.organisations)} cơ quan, tổ chức đã tham gia.`,
      ),
    ]),
    new Paragraph({ spacing: { before: 120 }, children: [] }),
    table(
      ['Loại hoạt động', 'Số hoạt động', 'Số được mời', 'Xác nhận tham dự', 'Có mặt'],
      [
        ...report.byType.map((row) => [eventTypeNames[row.type].vi, n(row.events), n(row.invited), n(row.confirmed), n(row.present)]),
        ['Tổng cộng', n(t.events), n(t.invited), n(t.confirmed), n(t.present)],
      ],
      [1, 2, 3, 4],
    ),
    heading('II. CÁC HOẠT ĐỘNG TRONG NĂM'),
    table(
      ['STT', 'Hoạt động', 'Loại', 'Thời gian', 'Địa điểm', 'Được mời', 'Xác nhận', 'Có mặt'],
      report.events.map((e, i) => [String(i + 1), e.title.vi, eventTypeNames[e.type].vi, when(e.startsAt, e.endsAt), e.venue, n(e.invited), n(e.confirmed), n(e.present)]),
      [0, 5, 6, 7],
    ),
    heading('III. ĐOÀN RA, ĐOÀN VÀO'),
    ...(report.delegations.length === 0
      ? [body([text('Trong năm không có đoàn công tác.')])]
      : report.delegations.flatMap((d, i) => [
          new Paragraph({
            spacing: { before: 160, after: 80 },
            children: [text(`${i + 1}. ${d.title.vi}`, { bold: true }), text(` (${when(d.startsAt, d.endsAt)}, ${d.venue}): ${n(d.members.length)} thành viên.`)],
          }),
          table(
            ['STT', 'Họ và tên', 'Vai trò trong đoàn', 'Chức vụ, đơn vị'],
            d.members.map((m, j) => [String(j + 1), m.name, m.role ?? '', [m.position, m.organisation].filter(Boolean).join(', ')]),
            [0],
          ),
        ])),
    heading('IV. HỘI NGHỊ VỚI CÁC TỔ CHỨC PHI CHÍNH PHỦ NƯỚC NGOÀI'),
    ...(report.ngoConferences.length === 0
      ? [body([text('Trong năm không có hội nghị với các tổ chức phi chính phủ nước ngoài.')])]
      : [
          table(
            ['STT', 'Hội nghị', 'Thời gian', 'Địa điểm', 'Tổ chức tham dự'],
            report.ngoConferences.map((c, i) => [String(i + 1), c.title.vi, when(c.startsAt, c.endsAt), c.venue, c.organisations.join('; ')]),
            [0],
          ),
        ]),
    heading(greetings.title),
    body([text(greetings.sentence)]),
    ...(greetings.rows.length > 0 ? [new Paragraph({ spacing: { before: 120 }, children: [] }), table(greetings.header, greetings.rows, greetings.numeric)] : []),
    new Paragraph({ spacing: { before: 360 }, children: [] }),
    twoColumns(
      45,
      [
        new Paragraph({ children: [text('Nơi nhận:', { bold: true, italics: true, points: 12 })] }),
        ...settings.recipients.vi.map((line) => new Paragraph({ children: [text(`- ${line}`, { points: 11 })] })),
      ],
      [
        ...(settings.signer.authority ? [centred([text(settings.signer.authority.vi.toLocaleUpperCase('vi'), { bold: true })])] : []),
        centred([text(settings.signer.position.vi.toLocaleUpperCase('vi'), { bold: true })], 1400),
        centred([text(settings.signer.name, { bold: true, points: 14 })]),
      ],
    ),
  ];

  const document = new Document({
    creator: 'Hữu Nghị Events',
    title: `Báo cáo kết quả công tác đối ngoại nhân dân năm ${report.year}`,
    styles: { default: { document: { run: { font, size: size(13) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * TWIPS_PER_MM), height: Math.round(297 * TWIPS_PER_MM) },
            margin: { top: Math.round(20 * TWIPS_PER_MM), bottom: Math.round(20 * TWIPS_PER_MM), left: Math.round(30 * TWIPS_PER_MM), right: Math.round(15 * TWIPS_PER_MM) },
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
