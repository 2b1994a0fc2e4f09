/**
 * Format of Vietnamese administrative documents, as far as the roadmap annex needs it.
 *
 * Source: Nghị định 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư, Phụ lục I
 * (thể thức, kỹ thuật trình bày văn bản hành chính) and the sample files of its Phụ lục III
 * (header table of Mẫu 1.4). Values in twips (1/20 pt; 1 mm = 56.6929 twips) and points.
 * Choices within the Decree's ranges (13 or 14 pt, which margins) are house style: `DocumentStyle`.
 */

/** A4 portrait (Phụ lục I, mục I.3). */
export const A4 = { width: 11906, height: 16838 } as const;

/**
 * Margins: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm (Phụ lục I, mục I.3). Two
 * common choices: the usual convention, and the one of the Government's own annex files.
 */
export const MARGIN_PRESETS = {
  convention: { top: 1134, bottom: 1134, left: 1701, right: 850 },
  government: { top: 1418, bottom: 1134, left: 1985, right: 1134 },
} as const;

export const FONT = 'Times New Roman';

/**
 * Sizes that move together (footnote to Phụ lục I, mục V): quốc hiệu / tiêu ngữ / body, either
 * 13/14/14 or 12/13/13. The agency names follow the quốc hiệu's size.
 */
export const SIZE_PAIRS = {
  14: { quocHieu: 13, tieuNgu: 14, body: 14, agency: 13 },
  13: { quocHieu: 12, tieuNgu: 13, body: 13, agency: 12 },
} as const;
export type BodySize = keyof typeof SIZE_PAIRS;

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

/** The rule under the tiêu ngữ is as long as the tiêu ngữ line (measured, mm, by size). */
export const TIEU_NGU_RULE_MM = { 13: 55.9, 14: 60.2 } as const;

/**
 * The rule under the issuing agency is 1/3 to 1/2 of the name's width, centred; the name's width
 * is that of "BỘ KHOA HỌC VÀ CÔNG NGHỆ" in bold (65.3 mm at 12 pt, 70.7 mm at 13 pt).
 */
export const AGENCY_NAME_MM = { 12: 65.3, 13: 70.7 } as const;
export const AGENCY_RULE_RATIO = 0.4;

/** Borderless two-column header table of the samples: 3829 + 5670 twips, shifted 199 left. */
export const HEADER_TABLE = { columns: [3829, 5670], indent: -199 } as const;

/** "Phụ lục" heading: its own line, centred, normal case, 14 pt bold (Phụ lục I, mục II.4). */
export const ANNEX_HEADING = { text: 'Phụ lục', size: 14 } as const;

/** Body paragraphs: justified, first-line indent 1–1.27 cm, at least 6 pt between paragraphs. */
export const BODY = { firstLineIndent: 567, spacingAfter: 120, line: 288 } as const;

export const END_MARK = './.';

export const mmToTwips = (mm: number) => Math.round(mm * 56.6929);

export interface DocumentStyle {
  bodySize: BodySize;
  margins: (typeof MARGIN_PRESETS)[keyof typeof MARGIN_PRESETS];
}
