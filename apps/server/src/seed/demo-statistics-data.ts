import type { ReportStatus } from '@caunoi/shared';

/**
 * What the statistics demo is made of: the figures the source articles state (real values, each
 * citing its article), the rough proportions that give the synthetic figures plausible sizes, and
 * where each province's 2025 report stands.
 */

/** The form the demo fills, and the years it covers. */
export const DEMO_FORM_CODE = 'BM-KHCN-NAM';
export const DEMO_FIRST_YEAR = 2019;
export const DEMO_LAST_YEAR = 2025;

/** Who wrote the demo values and the seeded workflow steps. */
export const DEMO_ACTOR = 'demo-seed';

const SRC_HP =
  'Nguồn: "Ký kết chương trình phối hợp hoạt động khoa học, công nghệ và đổi mới sáng tạo giữa UBND thành phố và Bộ Khoa học và Công nghệ", Cổng Thông tin điện tử thành phố Hải Phòng, 29/07/2022';
const SRC_ND =
  'Nguồn: "Nam Định sẽ trở thành trung tâm khoa học và công nghệ vùng Nam Đồng bằng sông Hồng", Trung tâm Nghiên cứu và Phát triển truyền thông KH&CN, Vụ Phát triển KH&CN địa phương, 13/05/2023';
const ND_SPAN =
  'Số liệu báo cáo tại buổi làm việc ngày 11/05/2023, tính chung năm 2022 và 4 tháng đầu năm 2023; ghi vào năm 2022.';

export interface RealValue {
  unitId: string;
  year: number;
  indicatorCode: string;
  optionCode: string;
  num: number;
  /** The value's comment: what the article says and where it says it. */
  comment: string;
  /**
   * Cells left blank in the same unit-year so that the reported figure stands (a ratio reported
   * directly, without its numerator and denominator).
   */
  blanks?: string[];
}

/**
 * Figures the articles state for a named province and a year, entered as reported values. Left
 * out (decision 0019): figures spanning several years (Hải Phòng's "2 năm qua": 10 units
 * selected, 11 S&T enterprise certificates; "từ năm 2020 đến nay": more than 20 decisions and
 * plans; the technology, productivity and IP programmes' totals), shares stated at the article's
 * date rather than for a year (100% of procedures online), "hơn" figures, and every figure of the
 * year-end conference of 14/12/2020, whose province the article does not name.
 */
export const REAL_VALUES: RealValue[] = [
  {
    unitId: '31@2008-08-01',
    year: 2020,
    indicatorCode: 'TFP_SHARE_GRDP_GROWTH',
    optionCode: '',
    num: 40.43,
    comment: `Tỷ trọng TFP đóng góp vào tăng trưởng GRDP năm 2020 đạt 40,43%, do Chủ tịch UBND thành phố báo cáo; thành phố công bố trực tiếp tỷ lệ, không nêu hai chỉ tiêu thành phần. ${SRC_HP}.`,
    blanks: ['TFP_INCREASE', 'GRDP_INCREASE'],
  },
  {
    unitId: '31@2008-08-01',
    year: 2021,
    indicatorCode: 'TFP_SHARE_GRDP_GROWTH',
    optionCode: '',
    num: 41,
    comment: `Tỷ trọng TFP đóng góp vào tăng trưởng GRDP năm 2021 đạt 41%, do Chủ tịch UBND thành phố báo cáo; thành phố công bố trực tiếp tỷ lệ, không nêu hai chỉ tiêu thành phần. ${SRC_HP}.`,
    blanks: ['TFP_INCREASE', 'GRDP_INCREASE'],
  },
  {
    unitId: '36@2008-08-01',
    year: 2022,
    indicatorCode: 'TECH_PROCESSES_APPLIED',
    optionCode: '',
    num: 45,
    comment: `Tiếp nhận, ứng dụng 45 quy trình công nghệ. ${ND_SPAN} ${SRC_ND}.`,
  },
  {
    unitId: '36@2008-08-01',
    year: 2022,
    indicatorCode: 'TECH_MODELS_BUILT',
    optionCode: '',
    num: 15,
    comment: `Xây dựng 15 mô hình ứng dụng tiến bộ KH&CN sản xuất liên kết chuỗi (thủy hải sản, giống cây trồng, chăn nuôi, nông nghiệp công nghệ cao, chế biến). ${ND_SPAN} ${SRC_ND}.`,
  },
  {
    unitId: '36@2008-08-01',
    year: 2022,
    indicatorCode: 'IP_COMMUNITY_MARKS_SUPPORTED',
    optionCode: '',
    num: 5,
    comment: `Hỗ trợ tạo lập, quản lý và phát triển 05 nhãn hiệu tập thể/nhãn hiệu chứng nhận. ${ND_SPAN} ${SRC_ND}.`,
  },
];

/**
 * Rough economic weight of each former province (about its GRDP in thousand billion đồng around
 * 2022, rounded), used only to give the synthetic figures plausible proportions between
 * provinces. Not a statistic: no figure of the demo is read from it directly.
 */
export const ECONOMIC_WEIGHT: Record<string, number> = {
  '01': 1200,
  '02': 32,
  '04': 24,
  '06': 16,
  '08': 38,
  '10': 66,
  '11': 22,
  '12': 21,
  '14': 62,
  '15': 36,
  '17': 50,
  '19': 140,
  '20': 43,
  '22': 270,
  '24': 170,
  '25': 80,
  '26': 150,
  '27': 230,
  '30': 140,
  '31': 365,
  '33': 120,
  '34': 90,
  '35': 65,
  '36': 85,
  '37': 75,
  '38': 250,
  '40': 180,
  '42': 90,
  '44': 45,
  '45': 40,
  '46': 70,
  '48': 120,
  '49': 115,
  '51': 125,
  '52': 100,
  '54': 50,
  '56': 100,
  '58': 45,
  '60': 90,
  '62': 30,
  '64': 120,
  '66': 110,
  '67': 40,
  '68': 100,
  '70': 80,
  '72': 100,
  '74': 440,
  '75': 440,
  '77': 380,
  '79': 1480,
  '80': 160,
  '82': 110,
  '83': 70,
  '84': 65,
  '86': 65,
  '87': 90,
  '89': 95,
  '91': 110,
  '92': 100,
  '93': 45,
  '94': 65,
  '95': 55,
  '96': 70,
};

/** The weight of a province of median size: sizes are relative to it. */
export const MEDIAN_WEIGHT = 90;

/**
 * Where the 2025 reports stand (the deadline was 14/02/2026): most accepted, the others named
 * here. Hải Phòng is drafting, reopened by the Ministry, so that its officer has a report to
 * finish; Ninh Bình has not started.
 */
export const STATUS_2025: Record<string, Exclude<ReportStatus, 'accepted'>> = {
  '31@2025-07-01': 'draft',
  '11@2025-07-01': 'draft',
  '37@2025-07-01': 'not_started',
  '12@2025-07-01': 'not_started',
  '96@2025-07-01': 'submitted',
  '44@2025-07-01': 'submitted',
  '08@2025-07-01': 'submitted',
  '52@2025-07-01': 'approved',
  '82@2025-07-01': 'approved',
  '68@2025-07-01': 'approved',
  '14@2025-07-01': 'approved',
  '92@2025-07-01': 'approved',
};

/** Drafts past the lock date that the Ministry has reopened for the province to finish. */
export const REOPENED_2025 = ['31@2025-07-01'];

/** Indicator groups a drafting province has already filled in (the rest is still blank). */
export const DRAFT_GROUPS = ['TASKS', 'BUDGET', 'CAPACITY'];

/** Share of each year's reports first submitted after the deadline. */
export const LATE_SHARE: Record<number, number> = {
  2019: 0.14,
  2020: 0.12,
  2021: 0.1,
  2022: 0.08,
  2023: 0.06,
  2024: 0.05,
  2025: 0.06,
};

/** Share of reports returned once by the department's approver before being approved. */
export const RETURNED_SHARE = 0.04;

export const RETURN_COMMENTS = [
  'Đề nghị rà soát lại số nhiệm vụ cấp cơ sở và bổ sung quyết định giao nhiệm vụ.',
  'Số chi ngân sách cho KH&CN chưa khớp với báo cáo quyết toán của Sở Tài chính; đề nghị kiểm tra.',
  'Đề nghị cập nhật số văn bằng bảo hộ theo cơ sở dữ liệu của Cục Sở hữu trí tuệ.',
];

export const REOPEN_COMMENT =
  'Kỳ báo cáo đã khóa số liệu; Bộ mở lại để Sở hoàn thành các chỉ tiêu còn trống và gửi báo cáo.';

/** Explanations written next to a figure that raises a warning, as a reporter must before sending. */
export const WARNING_NOTES: Record<string, string> = {
  SPEND_WITHIN_ESTIMATE:
    'Số chi gồm cả kinh phí năm trước chuyển sang theo quyết định của UBND tỉnh, nên vượt dự toán năm.',
  TFP_SHARE_RANGE:
    'GRDP giảm so với năm trước do ảnh hưởng của dịch COVID-19; phần TFP giảm nhiều hơn mức giảm GRDP nên tỷ trọng vượt 100%, khớp số liệu của cơ quan thống kê.',
};

export const DEFAULT_WARNING_NOTE = 'Đã đối chiếu với hồ sơ gốc: số liệu đúng.';

/** Every comment the demo writes on a synthetic value says so. */
export const SYNTHETIC_NOTE = '(Số liệu minh họa.)';
