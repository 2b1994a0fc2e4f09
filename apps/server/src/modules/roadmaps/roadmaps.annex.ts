import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  NumberFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import {
  PROPOSAL_CATEGORY_LABELS,
  ROADMAP_CRITERIA,
  ROADMAP_CRITERION_LABELS,
} from '@caunoi/shared';
import {
  A4,
  AGENCY_NAME_MM,
  AGENCY_RULE_RATIO,
  ANNEX_HEADING,
  BODY,
  END_MARK,
  FONT,
  HEADER_TABLE,
  mmToTwips,
  QUOC_HIEU,
  SIZE_PAIRS,
  TIEU_NGU,
  TIEU_NGU_RULE_MM,
  type DocumentStyle,
} from './decree30.js';
import {
  dependencyTitles,
  itemNote,
  itemsByYear,
  type RoadmapDocument,
} from './roadmaps.export.js';

/** Who issues the document the annex goes with: the province's department of S&T. */
export interface AnnexAgency {
  /** "UBND TỈNH NINH BÌNH". */
  parent: string;
  /** "SỞ KHOA HỌC VÀ CÔNG NGHỆ". */
  name: string;
  /** "Sở Khoa học và Công nghệ tỉnh Ninh Bình", for the "(Kèm theo …)" line. */
  fullName: string;
}

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const nfc = (s: string) => s.normalize('NFC');

interface RunStyle {
  size: number;
  bold?: boolean;
  italics?: boolean;
}

const run = (text: string, s: RunStyle) =>
  new TextRun({
    text: nfc(text),
    font: FONT,
    size: s.size * 2,
    bold: s.bold ?? false,
    italics: s.italics ?? false,
    color: '000000',
  });

const para = (text: string, s: RunStyle, options: Omit<IParagraphOptions, 'children'> = {}) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 0 },
    ...options,
    children: [run(text, s)],
  });

/** A centred horizontal rule of `widthTwips` inside a space `spaceTwips` wide. */
function rule(widthTwips: number, spaceTwips: number) {
  const side = Math.max(0, Math.round((spaceTwips - widthTwips) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 60, lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    run: { size: 2, font: FONT },
    children: [],
  });
}

const CELL_MARGIN = 108;

function headerTable(agency: AnnexAgency, style: DocumentStyle) {
  const sizes = SIZE_PAIRS[style.bodySize];
  const [left, right] = HEADER_TABLE.columns;
  const agencyRule = mmToTwips(AGENCY_NAME_MM[sizes.agency] * AGENCY_RULE_RATIO);
  const cell = (width: number, children: Paragraph[]) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: { left: CELL_MARGIN, right: CELL_MARGIN },
      children,
    });
  return new Table({
    width: { size: left + right, type: WidthType.DXA },
    columnWidths: [left, right],
    indent: { size: HEADER_TABLE.indent, type: WidthType.DXA },
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          cell(left, [
            para(agency.parent, { size: sizes.agency }),
            para(agency.name, { size: sizes.agency, bold: true }),
            rule(agencyRule, left - 2 * CELL_MARGIN),
          ]),
          cell(right, [
            para(QUOC_HIEU, { size: sizes.quocHieu, bold: true }),
            para(TIEU_NGU, { size: sizes.tieuNgu, bold: true }),
            rule(mmToTwips(TIEU_NGU_RULE_MM[sizes.tieuNgu]), right - 2 * CELL_MARGIN),
          ]),
        ],
      }),
    ],
  });
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID = {
  top: THIN,
  bottom: THIN,
  left: THIN,
  right: THIN,
  insideHorizontal: THIN,
  insideVertical: THIN,
};

function dataTable(
  widths: number[],
  header: string[],
  rows: Array<Array<string> | { group: string }>,
  size: number,
  aligns: Array<(typeof AlignmentType)[keyof typeof AlignmentType]>,
) {
  const cell = (text: string, i: number, s: RunStyle, span = 1) =>
    new TableCell({
      width: { size: widths.slice(i, i + span).reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnSpan: span,
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      children: [para(text, s, { alignment: span > 1 ? AlignmentType.LEFT : aligns[i] })],
    });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: GRID,
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map(
          (h, i) =>
            new TableCell({
              width: { size: widths[i]!, type: WidthType.DXA },
              verticalAlign: VerticalAlign.CENTER,
              margins: { left: 80, right: 80, top: 40, bottom: 40 },
              children: [para(h, { size, bold: true })],
            }),
        ),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            children: Array.isArray(r)
              ? r.map((text, i) => cell(text, i, { size }))
              : [cell(r.group, 0, { size, bold: true }, widths.length)],
          }),
      ),
    ],
  });
}

const amount = (n: number) => numberFormat.format(n);

/** The roadmap as the annex ("Phụ lục") of a report, formatted per Decree 30/2020/NĐ-CP. */
export async function roadmapAnnex(
  doc: RoadmapDocument,
  agency: AnnexAgency,
  style: DocumentStyle,
): Promise<Buffer> {
  const d = doc.detail;
  const r = d.roadmap;
  const size = SIZE_PAIRS[style.bodySize].body;
  const tableSize = size - 1;
  const content = A4.width - style.margins.left - style.margins.right;
  const span = `${r.startYear}–${r.endYear}`;
  const title = r.title.includes(String(r.startYear)) ? r.title : `${r.title} giai đoạn ${span}`;
  const body = (text: string, extra: Omit<IParagraphOptions, 'children'> = {}) =>
    para(
      text,
      { size },
      {
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: BODY.firstLineIndent },
        spacing: { after: BODY.spacingAfter, line: BODY.line },
        ...extra,
      },
    );
  const heading = (text: string) =>
    para(
      text,
      { size, bold: true },
      {
        alignment: AlignmentType.LEFT,
        indent: { firstLine: BODY.firstLineIndent },
        spacing: { before: 240, after: 120 },
      },
    );

  const itemRows: Array<string[] | { group: string }> = [];
  let n = 0;
  for (const [year, items] of itemsByYear(d)) {
    if (items.length === 0) continue;
    itemRows.push({ group: year === null ? 'Chưa bố trí trong giai đoạn' : `Năm ${year}` });
    for (const item of items) {
      const end = item.plannedYear === null ? null : item.plannedYear + item.durationYears - 1;
      const deps = dependencyTitles(d, item);
      const notes = [
        `Lĩnh vực: ${PROPOSAL_CATEGORY_LABELS[item.proposalCategory].vi}`,
        deps.length > 0 ? `Sau khi hoàn thành: ${deps.join('; ')}` : '',
        year === null ? itemNote(d, item) : '',
      ].filter(Boolean);
      itemRows.push([
        String(++n),
        item.proposalTitle,
        item.plannedYear === null
          ? '—'
          : end === item.plannedYear
            ? String(end)
            : `${item.plannedYear}–${end}`,
        amount(Number(item.cost)),
        notes.join('. '),
      ]);
    }
  }
  const planYears = new Map(d.lastPlan?.years.map((y) => [y.year, y.cost]) ?? []);
  const budgetRows = d.envelopes.map((e) => {
    const cost = planYears.get(e.year) ?? 0;
    return [String(e.year), amount(e.amount), amount(cost), amount(e.amount - cost)];
  });
  const totalEnvelope = d.envelopes.reduce((s, e) => s + e.amount, 0);
  const totalCost = [...planYears.values()].reduce((s, c) => s + c, 0);
  budgetRows.push([
    'Tổng',
    amount(totalEnvelope),
    amount(totalCost),
    amount(totalEnvelope - totalCost),
  ]);
  const weights = ROADMAP_CRITERIA.map(
    (c) =>
      `${ROADMAP_CRITERION_LABELS[c].vi.toLocaleLowerCase('vi')} ${percent.format(r.weights[c] * 100)}%`,
  ).join('; ');
  const planned = d.lastPlan
    ? `Phương án bố trí ${d.lastPlan.plannedCount}/${d.items.length} kiến nghị, tổng kinh phí ${amount(d.lastPlan.plannedCost)} triệu đồng, được xác định bằng bài toán tối ưu: tổng giá trị ưu tiên lớn nhất trong hạn mức kinh phí từng năm, bảo đảm thứ tự thực hiện giữa các kiến nghị phụ thuộc nhau`
    : 'Lộ trình chưa được lập';

  const document = new Document({
    creator: 'Cầu Nối',
    title: nfc(`Phụ lục: ${title}`),
    styles: {
      default: {
        document: { run: { font: FONT, size: size * 2, color: '000000' } },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: A4.width, height: A4.height },
            margin: { ...style.margins, header: 567, footer: 567 },
            pageNumbers: { start: 1, formatType: NumberFormat.DECIMAL },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: [PageNumber.CURRENT],
                    font: FONT,
                    size: size * 2,
                    color: '000000',
                  }),
                ],
              }),
            ],
          }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: [
          headerTable(agency, style),
          para(
            ANNEX_HEADING.text,
            { size: ANNEX_HEADING.size, bold: true },
            { spacing: { before: 360, after: 0 } },
          ),
          para(title.toLocaleUpperCase('vi'), { size, bold: true }),
          para(`(Kèm theo Báo cáo số …/BC-SKHCN ngày … tháng … năm … của ${agency.fullName})`, {
            size,
            italics: true,
          }),
          rule(mmToTwips(30), content),
          heading('I. LỘ TRÌNH TRIỂN KHAI THEO NĂM'),
          dataTable(
            [680, content - 680 - 1250 - 1450 - 2300, 1250, 1450, 2300],
            [
              'STT',
              'Nội dung kiến nghị, đề xuất',
              'Thời gian thực hiện',
              'Kinh phí dự kiến (triệu đồng)',
              'Ghi chú',
            ],
            itemRows,
            tableSize,
            [
              AlignmentType.CENTER,
              AlignmentType.LEFT,
              AlignmentType.CENTER,
              AlignmentType.RIGHT,
              AlignmentType.LEFT,
            ],
          ),
          heading('II. CÂN ĐỐI KINH PHÍ THEO NĂM'),
          dataTable(
            [1200, (content - 1200) / 3, (content - 1200) / 3, (content - 1200) / 3].map(
              Math.floor,
            ),
            [
              'Năm',
              'Hạn mức kinh phí (triệu đồng)',
              'Kinh phí bố trí (triệu đồng)',
              'Còn lại (triệu đồng)',
            ],
            budgetRows,
            tableSize,
            [AlignmentType.CENTER, AlignmentType.RIGHT, AlignmentType.RIGHT, AlignmentType.RIGHT],
          ),
          heading('III. CĂN CỨ SẮP XẾP THỨ TỰ ƯU TIÊN'),
          body(
            `Các kiến nghị, đề xuất đã được Bộ Khoa học và Công nghệ đồng ý được chấm điểm từ 1 đến 5 theo bốn tiêu chí, với trọng số: ${weights}.`,
          ),
          body(`${planned}. ${END_MARK}`),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
