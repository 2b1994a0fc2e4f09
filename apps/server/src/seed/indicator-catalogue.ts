import type { IndicatorCatalogue, ValidationRuleDefinition } from '@caunoi/shared';

/**
 * The starter catalogue of statistics a provincial Department of Science and Technology reports
 * to the Ministry: the figures the departments already state in their working sessions and
 * year-end reports, with their definitions, aggregation and validation rules.
 *
 * Ratio indicators are recomputed from their numerator and denominator at every level (unit,
 * region, nation, longer period); they are never added or averaged themselves, hence their
 * period aggregation `none`.
 */

/** Legal bases, cited with the number and title under which each was enacted. */
const LAW = {
  st: 'Luật Khoa học và Công nghệ số 29/2013/QH13',
  metrology: 'Luật Đo lường số 04/2011/QH13',
  standards: 'Luật Tiêu chuẩn và quy chuẩn kỹ thuật số 68/2006/QH11',
  quality: 'Luật Chất lượng sản phẩm, hàng hóa số 05/2007/QH12',
  ip: 'Luật Sở hữu trí tuệ số 50/2005/QH11 (sửa đổi, bổ sung)',
  atomic: 'Luật Năng lượng nguyên tử số 18/2008/QH12',
  transfer: 'Luật Chuyển giao công nghệ số 07/2017/QH14',
  steDecree: 'Nghị định số 13/2019/NĐ-CP của Chính phủ về doanh nghiệp khoa học và công nghệ',
  statistics: 'Luật Thống kê số 89/2015/QH13',
  budget: 'Luật Ngân sách nhà nước số 83/2015/QH13',
  sme: 'Luật Hỗ trợ doanh nghiệp nhỏ và vừa số 04/2017/QH14',
  system: 'Hệ thống chỉ tiêu thống kê ngành khoa học và công nghệ',
  national: 'Luật Thống kê số 89/2015/QH13 (Hệ thống chỉ tiêu thống kê quốc gia)',
  pii: 'Quyết định số 989/QĐ-BKHCN ngày 27/05/2025 của Bộ trưởng Bộ Khoa học và Công nghệ (Bộ chỉ số đổi mới sáng tạo cấp địa phương)',
} as const;

const UNIT = {
  tasks: { unitVi: 'nhiệm vụ', unitEn: 'tasks' },
  millionVnd: { unitVi: 'triệu đồng', unitEn: 'million VND' },
  billionVnd: { unitVi: 'tỷ đồng', unitEn: 'billion VND' },
  percent: { unitVi: '%', unitEn: '%' },
  organisations: { unitVi: 'tổ chức', unitEn: 'organisations' },
  people: { unitVi: 'người', unitEn: 'persons' },
  enterprises: { unitVi: 'doanh nghiệp', unitEn: 'enterprises' },
  certificates: { unitVi: 'giấy chứng nhận', unitEn: 'certificates' },
  units: { unitVi: 'đơn vị', unitEn: 'entities' },
  supportTimes: { unitVi: 'lượt', unitEn: 'instances' },
  applications: { unitVi: 'đơn', unitEn: 'applications' },
  titles: { unitVi: 'văn bằng', unitEn: 'titles' },
  marks: { unitVi: 'nhãn hiệu', unitEn: 'marks' },
  products: { unitVi: 'sản phẩm', unitEn: 'products' },
  projects: { unitVi: 'dự án', unitEn: 'projects' },
  lots: { unitVi: 'lô hàng', unitEn: 'lots' },
  instruments: { unitVi: 'phương tiện đo', unitEn: 'measuring instruments' },
  meters: { unitVi: 'chiếc', unitEn: 'meters' },
  licences: { unitVi: 'giấy phép', unitEn: 'licences' },
  facilities: { unitVi: 'cơ sở', unitEn: 'facilities' },
  incidents: { unitVi: 'sự cố', unitEn: 'incidents' },
  processes: { unitVi: 'quy trình', unitEn: 'processes' },
  models: { unitVi: 'mô hình', unitEn: 'models' },
  contracts: { unitVi: 'hợp đồng', unitEn: 'contracts' },
  events: { unitVi: 'sự kiện', unitEn: 'events' },
  points: { unitVi: 'điểm', unitEn: 'points' },
  documents: { unitVi: 'văn bản', unitEn: 'documents' },
  procedures: { unitVi: 'thủ tục', unitEn: 'procedures' },
  inspections: { unitVi: 'cuộc', unitEn: 'inspections' },
  yesNo: { unitVi: 'có/không', unitEn: 'yes/no' },
  thousandPeople: { unitVi: 'nghìn người', unitEn: 'thousand persons' },
  students: { unitVi: 'học sinh', unitEn: 'students' },
  millionUsd: { unitVi: 'triệu USD', unitEn: 'million USD' },
  score10: { unitVi: 'điểm (thang 10)', unitEn: 'points (out of 10)' },
  score100: { unitVi: 'điểm (thang 100)', unitEn: 'points (out of 100)' },
  score1: { unitVi: 'điểm (thang 1)', unitEn: 'points (out of 1)' },
  index1: { unitVi: 'chỉ số (0–1)', unitEn: 'index (0–1)' },
  percentagePoints: { unitVi: 'điểm phần trăm', unitEn: 'percentage points' },
} as const;

/** A count of events within the period (added over units and periods). */
const FLOW = {
  valueType: 'integer',
  unitAggregation: 'sum',
  periodAggregation: 'sum',
  direction: 'higher_better',
  evidenceRequired: false,
} as const;
/** A count at the end of the period (added over units, the last period over time). */
const STOCK = { ...FLOW, periodAggregation: 'last' } as const;
/** An amount of money spent or allocated within the period. */
const MONEY = { ...FLOW, valueType: 'decimal', ...UNIT.millionVnd } as const;
/** A percentage recomputed from two other indicators. */
const RATIO = {
  valueType: 'percentage',
  unitAggregation: 'ratio',
  periodAggregation: 'none',
  direction: 'higher_better',
  evidenceRequired: false,
  ...UNIT.percent,
} as const;

const DOST = 'Sở Khoa học và Công nghệ';
const SOURCE = {
  tasks: `Hồ sơ quản lý nhiệm vụ KH&CN của ${DOST}`,
  finance: `Dự toán, quyết toán ngân sách địa phương (Sở Tài chính, ${DOST})`,
  spending: `Báo cáo tài chính của ${DOST}, các sở, ngành; điều tra chi cho KH&CN của doanh nghiệp`,
  statistics: 'Số liệu do cơ quan thống kê cấp tỉnh tính toán và công bố',
  registry: `Sổ đăng ký và hồ sơ cấp giấy chứng nhận của ${DOST}`,
  survey: `Điều tra nghiên cứu và phát triển; hồ sơ đăng ký hoạt động KH&CN tại ${DOST}`,
  support: `Hồ sơ các chương trình, đề án hỗ trợ do ${DOST} quản lý`,
  ipOffice: 'Cơ sở dữ liệu sở hữu công nghiệp của Cục Sở hữu trí tuệ, lọc theo địa chỉ chủ đơn',
  smq: `Hồ sơ kiểm tra, kiểm định của ${DOST} và các tổ chức kiểm định được chỉ định`,
  radiation: `Hồ sơ cấp phép và quản lý an toàn bức xạ của ${DOST}`,
  technology: `Hồ sơ thẩm định, chuyển giao và ứng dụng công nghệ của ${DOST}`,
  innovation: `Hồ sơ hoạt động hỗ trợ khởi nghiệp đổi mới sáng tạo của ${DOST}`,
  pii: 'Kết quả Bộ chỉ số đổi mới sáng tạo cấp địa phương do Bộ Khoa học và Công nghệ công bố',
  administration: `Hệ thống thông tin giải quyết thủ tục hành chính cấp tỉnh; hồ sơ của ${DOST}`,
  pci: 'Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) do Liên đoàn Thương mại và Công nghiệp Việt Nam (VCCI) công bố',
  par: 'Chỉ số cải cách hành chính (PAR Index) của các tỉnh do Bộ Nội vụ công bố',
  dti: 'Chỉ số chuyển đổi số cấp tỉnh (DTI) do cơ quan quản lý nhà nước về chuyển đổi số công bố',
  policy: `Hồ sơ, minh chứng về chính sách do ${DOST} cung cấp; Bộ Khoa học và Công nghệ đánh giá`,
  enterpriseSurvey: 'Điều tra doanh nghiệp hằng năm của cơ quan thống kê',
  businessRegister:
    'Hệ thống thông tin quốc gia về đăng ký doanh nghiệp; cơ quan thống kê cấp tỉnh',
  labourSurvey: 'Điều tra lao động việc làm của cơ quan thống kê',
  education: 'Số liệu của Sở Giáo dục và Đào tạo và Bộ Giáo dục và Đào tạo',
  industrialZones: 'Ban Quản lý các khu công nghiệp, khu kinh tế của tỉnh',
  credit: 'Ngân hàng Nhà nước, số liệu dư nợ tín dụng theo địa bàn tỉnh',
  fdi: 'Số liệu vốn đầu tư trực tiếp nước ngoài thực hiện theo địa bàn tỉnh (cơ quan quản lý đầu tư và cơ quan thống kê)',
  plantVariety: 'Văn phòng Bảo hộ giống cây trồng, lọc theo địa chỉ chủ đơn',
  ocop: 'Quyết định công nhận kết quả đánh giá, phân hạng sản phẩm OCOP của Ủy ban nhân dân tỉnh và Trung ương',
  certification:
    'Dữ liệu chứng nhận hệ thống quản lý của các tổ chức chứng nhận, tổng hợp theo địa bàn tỉnh',
  poverty: 'Kết quả rà soát hộ nghèo, hộ cận nghèo hằng năm được Ủy ban nhân dân tỉnh phê duyệt',
} as const;

/** A score published on a fixed scale: averaged across units, the latest one over time. */
const SCORE = {
  valueType: 'decimal',
  unitAggregation: 'mean',
  periodAggregation: 'last',
  direction: 'higher_better',
  evidenceRequired: false,
} as const;
/** A share published as it is (its components are not reported): averaged across units. */
const SHARE = {
  valueType: 'percentage',
  unitAggregation: 'mean',
  periodAggregation: 'mean',
  direction: 'higher_better',
  evidenceRequired: false,
  ...UNIT.percent,
} as const;

/** A rule keeping a published score or share on its scale. */
function rangeRule(code: string, hi: number, vi: string, en: string): ValidationRuleDefinition {
  const scale = hi.toLocaleString('vi-VN');
  return {
    code: `${code}_RANGE`,
    expression: `${code} >= 0 && ${code} <= ${hi}`,
    severity: 'error',
    messageVi: `${vi} phải nằm trong khoảng 0–${scale}; kiểm tra thang điểm của nguồn công bố.`,
    messageEn: `${en} must lie between 0 and ${hi}; check the scale of the published source.`,
  };
}

/** A count of enterprises that is part of all enterprises in operation. */
function withinEnterprises(code: string, vi: string, en: string): ValidationRuleDefinition {
  return {
    code: `${code}_WITHIN_ENTERPRISES`,
    expression: `${code} <= PROV_ENTERPRISES`,
    severity: 'error',
    messageVi: `${vi} không được lớn hơn tổng số doanh nghiệp đang hoạt động trên địa bàn.`,
    messageEn: `${en} cannot exceed all enterprises in operation in the province.`,
  };
}

export const STARTER_CATALOGUE: IndicatorCatalogue = {
  groups: [
    { code: 'TASKS', nameVi: 'Nhiệm vụ khoa học và công nghệ', nameEn: 'S&T tasks' },
    {
      code: 'BUDGET',
      nameVi: 'Kinh phí và chi cho khoa học và công nghệ',
      nameEn: 'S&T budget and spending',
    },
    {
      code: 'CAPACITY',
      nameVi: 'Tổ chức và nhân lực khoa học và công nghệ',
      nameEn: 'S&T organisations and human resources',
    },
    {
      code: 'ENTERPRISES',
      nameVi: 'Doanh nghiệp khoa học và công nghệ',
      nameEn: 'S&T enterprises',
    },
    { code: 'IP', nameVi: 'Sở hữu trí tuệ', nameEn: 'Intellectual property' },
    {
      code: 'SMQ',
      nameVi: 'Tiêu chuẩn, đo lường, chất lượng',
      nameEn: 'Standards, metrology and quality',
    },
    {
      code: 'RADIATION',
      nameVi: 'An toàn bức xạ và hạt nhân',
      nameEn: 'Radiation and nuclear safety',
    },
    {
      code: 'TECHNOLOGY',
      nameVi: 'Thẩm định, chuyển giao và ứng dụng công nghệ',
      nameEn: 'Technology appraisal, transfer and application',
    },
    {
      code: 'INNOVATION',
      nameVi: 'Khởi nghiệp và đổi mới sáng tạo',
      nameEn: 'Start-ups and innovation',
    },
    {
      code: 'OUTCOMES',
      nameVi: 'Năng suất (TFP) và kết quả kinh tế - xã hội',
      nameEn: 'Productivity (TFP) and socio-economic outcomes',
    },
    {
      code: 'ADMINISTRATION',
      nameVi: 'Quản lý nhà nước và cải cách hành chính',
      nameEn: 'State management and administrative reform',
    },
    {
      code: 'PII',
      nameVi: 'Số liệu đầu vào Bộ chỉ số đổi mới sáng tạo cấp địa phương',
      nameEn: 'Inputs of the Provincial Innovation Index',
    },
  ],

  disaggregations: [
    {
      code: 'TASK_LEVEL',
      nameVi: 'Cấp quản lý nhiệm vụ',
      nameEn: 'Task level',
      options: [
        { code: 'QUOC_GIA', nameVi: 'Cấp quốc gia', nameEn: 'National' },
        { code: 'BO', nameVi: 'Cấp bộ', nameEn: 'Ministerial' },
        { code: 'TINH', nameVi: 'Cấp tỉnh', nameEn: 'Provincial' },
        { code: 'CO_SO', nameVi: 'Cấp cơ sở', nameEn: 'Grassroots' },
      ],
    },
    {
      code: 'FUNDING_SOURCE',
      nameVi: 'Nguồn kinh phí',
      nameEn: 'Source of funds',
      options: [
        { code: 'NSNN', nameVi: 'Ngân sách nhà nước', nameEn: 'State budget' },
        { code: 'NGOAI_NSNN', nameVi: 'Ngoài ngân sách nhà nước', nameEn: 'Non-state sources' },
      ],
    },
    {
      code: 'SPENDING_NATURE',
      nameVi: 'Tính chất chi',
      nameEn: 'Nature of spending',
      options: [
        {
          code: 'DAU_TU_PHAT_TRIEN',
          nameVi: 'Chi đầu tư phát triển',
          nameEn: 'Development investment',
        },
        { code: 'SU_NGHIEP', nameVi: 'Chi sự nghiệp', nameEn: 'Recurrent (public service)' },
      ],
    },
    {
      code: 'ORG_OWNERSHIP',
      nameVi: 'Loại hình sở hữu',
      nameEn: 'Ownership',
      options: [
        { code: 'CONG_LAP', nameVi: 'Công lập', nameEn: 'Public' },
        { code: 'NGOAI_CONG_LAP', nameVi: 'Ngoài công lập', nameEn: 'Non-public' },
      ],
    },
    {
      code: 'QUALIFICATION',
      nameVi: 'Trình độ chuyên môn',
      nameEn: 'Qualification',
      options: [
        { code: 'TIEN_SI', nameVi: 'Tiến sĩ', nameEn: 'Doctorate' },
        { code: 'THAC_SI', nameVi: 'Thạc sĩ', nameEn: 'Master' },
        { code: 'DAI_HOC', nameVi: 'Đại học', nameEn: 'Bachelor' },
        { code: 'KHAC', nameVi: 'Trình độ khác', nameEn: 'Other' },
      ],
    },
    {
      code: 'IP_OBJECT',
      nameVi: 'Đối tượng sở hữu công nghiệp',
      nameEn: 'Industrial property object',
      options: [
        { code: 'SANG_CHE', nameVi: 'Sáng chế', nameEn: 'Invention' },
        { code: 'GIAI_PHAP_HUU_ICH', nameVi: 'Giải pháp hữu ích', nameEn: 'Utility solution' },
        {
          code: 'KIEU_DANG_CONG_NGHIEP',
          nameVi: 'Kiểu dáng công nghiệp',
          nameEn: 'Industrial design',
        },
        { code: 'NHAN_HIEU', nameVi: 'Nhãn hiệu', nameEn: 'Trademark' },
        { code: 'CHI_DAN_DIA_LY', nameVi: 'Chỉ dẫn địa lý', nameEn: 'Geographical indication' },
      ],
    },
    {
      code: 'METER_TYPE',
      nameVi: 'Loại công tơ, đồng hồ',
      nameEn: 'Meter type',
      options: [
        { code: 'CONG_TO_DIEN', nameVi: 'Công tơ điện', nameEn: 'Electricity meters' },
        { code: 'DONG_HO_NUOC', nameVi: 'Đồng hồ đo nước', nameEn: 'Water meters' },
      ],
    },
  ],

  indicators: [
    // S&T tasks
    {
      ...FLOW,
      periodAggregation: 'none',
      code: 'TASK_IMPLEMENTED',
      group: 'TASKS',
      nameVi: 'Số nhiệm vụ KH&CN triển khai thực hiện trong kỳ',
      nameEn: 'S&T tasks under implementation in the period',
      definitionVi:
        'Số nhiệm vụ khoa học và công nghệ có thời gian thực hiện theo hợp đồng hoặc quyết định giao trùng với kỳ báo cáo, kể cả nhiệm vụ mới bắt đầu trong kỳ, do Sở KH&CN quản lý hoặc do tổ chức trên địa bàn chủ trì, phân theo cấp quản lý; mỗi nhiệm vụ chỉ tính một lần trong kỳ.',
      definitionEn:
        'S&T tasks whose implementation period under their contract or assignment decision overlaps the reporting period, including tasks started in the period, managed by the department or led by an organisation of the province, by level; each task is counted once per period.',
      ...UNIT.tasks,
      sourceVi: SOURCE.tasks,
      legalBasis: LAW.st,
      disaggregation: 'TASK_LEVEL',
    },
    {
      ...FLOW,
      code: 'TASK_STARTED',
      group: 'TASKS',
      nameVi: 'Số nhiệm vụ KH&CN mới triển khai trong kỳ',
      nameEn: 'S&T tasks started in the period',
      definitionVi:
        'Số nhiệm vụ khoa học và công nghệ được phê duyệt và ký hợp đồng (hoặc có quyết định giao) thực hiện trong kỳ báo cáo, phân theo cấp quản lý; nhiệm vụ chuyển tiếp từ kỳ trước không tính.',
      definitionEn:
        'S&T tasks approved and contracted (or assigned by decision) within the reporting period, by level; tasks carried over from earlier periods are not counted.',
      ...UNIT.tasks,
      sourceVi: SOURCE.tasks,
      legalBasis: LAW.st,
      disaggregation: 'TASK_LEVEL',
    },
    {
      ...FLOW,
      evidenceRequired: true,
      code: 'TASK_ACCEPTED',
      group: 'TASKS',
      nameVi: 'Số nhiệm vụ KH&CN được đánh giá, nghiệm thu đạt trong kỳ',
      nameEn: 'S&T tasks accepted in the period',
      definitionVi:
        'Số nhiệm vụ khoa học và công nghệ được hội đồng đánh giá, nghiệm thu cấp quản lý xếp loại đạt trở lên trong kỳ báo cáo, phân theo cấp quản lý; minh chứng là biên bản nghiệm thu hoặc quyết định công nhận kết quả.',
      definitionEn:
        'S&T tasks rated at least "passed" by the evaluation and acceptance council of their managing level within the reporting period, by level; the acceptance minutes or the decision recognising the results are the proof.',
      ...UNIT.tasks,
      sourceVi: SOURCE.tasks,
      legalBasis: LAW.st,
      disaggregation: 'TASK_LEVEL',
    },
    {
      ...STOCK,
      direction: 'lower_better',
      code: 'TASK_OVERDUE',
      group: 'TASKS',
      nameVi: 'Số nhiệm vụ KH&CN chậm tiến độ',
      nameEn: 'Overdue S&T tasks',
      definitionVi:
        'Số nhiệm vụ khoa học và công nghệ cấp tỉnh và cấp cơ sở đã quá thời hạn thực hiện theo hợp đồng (kể cả thời gian được gia hạn) mà chưa được đánh giá, nghiệm thu tại ngày cuối kỳ báo cáo.',
      definitionEn:
        'Provincial and grassroots S&T tasks past their contractual deadline (including any extension) and not yet evaluated for acceptance on the last day of the reporting period.',
      ...UNIT.tasks,
      sourceVi: SOURCE.tasks,
      legalBasis: LAW.st,
    },
    {
      ...FLOW,
      code: 'TASK_RESULTS_APPLIED',
      group: 'TASKS',
      nameVi: 'Số nhiệm vụ KH&CN có kết quả được ứng dụng, chuyển giao trong kỳ',
      nameEn: 'S&T tasks whose results were applied or transferred in the period',
      definitionVi:
        'Số nhiệm vụ khoa học và công nghệ đã nghiệm thu mà kết quả được tổ chức, doanh nghiệp hoặc cơ quan nhà nước tiếp nhận ứng dụng, chuyển giao trong kỳ báo cáo, có văn bản xác nhận của đơn vị ứng dụng; mỗi nhiệm vụ chỉ tính một lần.',
      definitionEn:
        'Accepted S&T tasks whose results were taken up or transferred by an organisation, enterprise or public body within the reporting period, confirmed in writing by the user; each task is counted once.',
      ...UNIT.tasks,
      sourceVi: SOURCE.tasks,
      legalBasis: LAW.st,
    },

    // S&T budget and spending
    {
      ...MONEY,
      code: 'BUDGET_ST_ESTIMATE',
      group: 'BUDGET',
      nameVi: 'Dự toán chi ngân sách địa phương cho KH&CN',
      nameEn: 'Local budget estimate for S&T',
      definitionVi:
        'Tổng dự toán chi ngân sách địa phương cho khoa học và công nghệ được Hội đồng nhân dân tỉnh quyết định cho năm báo cáo (kể cả bổ sung trong năm), phân theo chi đầu tư phát triển và chi sự nghiệp.',
      definitionEn:
        'Local budget estimate for science and technology decided by the provincial People’s Council for the reporting year (including supplements during the year), by development investment and recurrent spending.',
      sourceVi: SOURCE.finance,
      legalBasis: LAW.budget,
      disaggregation: 'SPENDING_NATURE',
    },
    {
      ...MONEY,
      direction: 'neutral',
      code: 'PROV_BUDGET_EXPENDITURE',
      group: 'BUDGET',
      nameVi: 'Tổng dự toán chi ngân sách địa phương',
      nameEn: 'Total local budget expenditure estimate',
      definitionVi:
        'Tổng dự toán chi ngân sách địa phương được Hội đồng nhân dân tỉnh quyết định cho năm báo cáo (kể cả bổ sung trong năm), dùng làm mẫu số cho tỷ lệ chi ngân sách cho khoa học và công nghệ.',
      definitionEn:
        'Total local budget expenditure estimate decided by the provincial People’s Council for the reporting year (including supplements), the denominator of the S&T budget share.',
      sourceVi: SOURCE.finance,
      legalBasis: LAW.budget,
    },
    {
      ...RATIO,
      code: 'BUDGET_ST_SHARE',
      group: 'BUDGET',
      nameVi: 'Tỷ lệ dự toán chi KH&CN trong tổng chi ngân sách địa phương',
      nameEn: 'S&T share of the local budget',
      definitionVi:
        'Dự toán chi ngân sách địa phương cho khoa học và công nghệ chia cho tổng dự toán chi ngân sách địa phương của cùng năm, nhân 100; tính lại từ hai chỉ tiêu thành phần ở mọi cấp tổng hợp.',
      definitionEn:
        'Local budget estimate for S&T divided by the total local budget expenditure estimate of the same year, times 100; recomputed from its components at every level of aggregation.',
      ratio: {
        numerator: 'BUDGET_ST_ESTIMATE',
        denominator: 'PROV_BUDGET_EXPENDITURE',
        factor: 100,
      },
      sourceVi: SOURCE.finance,
      legalBasis: LAW.st,
    },
    {
      ...MONEY,
      code: 'SPEND_TOTAL',
      group: 'BUDGET',
      nameVi: 'Tổng chi cho KH&CN trên địa bàn',
      nameEn: 'Total S&T spending in the province',
      definitionVi:
        'Tổng số tiền thực chi cho hoạt động khoa học và công nghệ trên địa bàn tỉnh trong kỳ báo cáo, gồm chi từ ngân sách nhà nước qua ngân sách địa phương và chi từ nguồn ngoài ngân sách (doanh nghiệp, tổ chức, quỹ, tài trợ), phân theo nguồn kinh phí.',
      definitionEn:
        'Money actually spent on S&T activities in the province within the reporting period, from the state budget through the local budget and from non-state sources (enterprises, organisations, funds, grants), by source.',
      sourceVi: SOURCE.spending,
      legalBasis: LAW.st,
      disaggregation: 'FUNDING_SOURCE',
    },
    {
      ...MONEY,
      code: 'SPEND_STATE',
      group: 'BUDGET',
      nameVi: 'Chi ngân sách nhà nước cho KH&CN theo tính chất chi',
      nameEn: 'State budget S&T spending by nature',
      definitionVi:
        'Số chi ngân sách nhà nước cho khoa học và công nghệ qua ngân sách địa phương đã giải ngân trong kỳ báo cáo, phân theo chi đầu tư phát triển và chi sự nghiệp; tổng phải bằng phần ngân sách nhà nước của tổng chi cho KH&CN.',
      definitionEn:
        'State budget S&T spending through the local budget disbursed within the reporting period, by development investment and recurrent spending; its total must equal the state budget part of total S&T spending.',
      sourceVi: SOURCE.finance,
      legalBasis: LAW.budget,
      disaggregation: 'SPENDING_NATURE',
    },
    {
      ...RATIO,
      code: 'SPEND_DISBURSEMENT_RATE',
      group: 'BUDGET',
      nameVi: 'Tỷ lệ giải ngân dự toán chi KH&CN',
      nameEn: 'Disbursement rate of the S&T budget',
      definitionVi:
        'Chi ngân sách nhà nước cho khoa học và công nghệ đã giải ngân chia cho dự toán chi ngân sách địa phương cho khoa học và công nghệ của cùng năm, nhân 100.',
      definitionEn:
        'State budget S&T spending disbursed divided by the local budget estimate for S&T of the same year, times 100.',
      ratio: { numerator: 'SPEND_STATE', denominator: 'BUDGET_ST_ESTIMATE', factor: 100 },
      sourceVi: SOURCE.finance,
      legalBasis: LAW.budget,
    },
    {
      ...RATIO,
      code: 'SPEND_GRDP_SHARE',
      group: 'BUDGET',
      nameVi: 'Tỷ lệ tổng chi cho KH&CN so với GRDP',
      nameEn: 'Total S&T spending as a share of GRDP',
      definitionVi:
        'Tổng chi cho khoa học và công nghệ trên địa bàn (triệu đồng) chia cho tổng sản phẩm trên địa bàn theo giá hiện hành (tỷ đồng) của cùng năm, nhân 0,1 để ra phần trăm.',
      definitionEn:
        'Total S&T spending in the province (million VND) divided by GRDP at current prices (billion VND) of the same year, times 0.1 to give a percentage.',
      ratio: { numerator: 'SPEND_TOTAL', denominator: 'PROV_GRDP', factor: 0.1 },
      sourceVi: SOURCE.statistics,
      legalBasis: LAW.system,
    },
    {
      ...MONEY,
      code: 'FUND_DISBURSED',
      group: 'BUDGET',
      nameVi: 'Kinh phí Quỹ Phát triển KH&CN của tỉnh đã cấp, cho vay',
      nameEn: 'Provincial S&T Development Fund disbursements',
      definitionVi:
        'Tổng số tiền Quỹ Phát triển khoa học và công nghệ của tỉnh đã cấp tài trợ, cho vay hoặc hỗ trợ cho nhiệm vụ, dự án trong kỳ báo cáo theo quyết định của cơ quan điều hành quỹ.',
      definitionEn:
        'Money granted, lent or otherwise provided by the provincial S&T Development Fund to tasks and projects within the reporting period under the fund’s decisions.',
      sourceVi: 'Báo cáo tài chính của Quỹ Phát triển khoa học và công nghệ của tỉnh',
      legalBasis: LAW.st,
    },

    // S&T organisations and human resources
    {
      ...STOCK,
      code: 'ST_ORGANISATIONS',
      group: 'CAPACITY',
      nameVi: 'Số tổ chức KH&CN trên địa bàn',
      nameEn: 'S&T organisations in the province',
      definitionVi:
        'Số tổ chức khoa học và công nghệ có giấy chứng nhận đăng ký hoạt động khoa học và công nghệ do Sở KH&CN cấp còn hiệu lực tại ngày cuối kỳ báo cáo, phân theo công lập và ngoài công lập.',
      definitionEn:
        'S&T organisations holding a valid S&T activity registration certificate issued by the department on the last day of the reporting period, by public and non-public.',
      ...UNIT.organisations,
      sourceVi: SOURCE.registry,
      legalBasis: LAW.st,
      disaggregation: 'ORG_OWNERSHIP',
    },
    {
      ...STOCK,
      code: 'RD_PERSONNEL',
      group: 'CAPACITY',
      nameVi: 'Số người làm nghiên cứu và phát triển',
      nameEn: 'R&D personnel',
      definitionVi:
        'Số người trực tiếp làm nghiên cứu và phát triển (nghiên cứu viên, kỹ thuật viên, nhân viên hỗ trợ) trong các tổ chức khoa học và công nghệ, cơ sở giáo dục đại học và doanh nghiệp trên địa bàn tại ngày cuối kỳ báo cáo, phân theo trình độ chuyên môn.',
      definitionEn:
        'People directly engaged in research and development (researchers, technicians, support staff) in S&T organisations, universities and enterprises of the province on the last day of the reporting period, by qualification.',
      ...UNIT.people,
      sourceVi: SOURCE.survey,
      legalBasis: LAW.statistics,
      disaggregation: 'QUALIFICATION',
    },
    {
      ...STOCK,
      code: 'RD_PERSONNEL_FEMALE',
      group: 'CAPACITY',
      nameVi: 'Số người làm nghiên cứu và phát triển là nữ',
      nameEn: 'Female R&D personnel',
      definitionVi:
        'Số người làm nghiên cứu và phát triển là nữ, trong tổng số người làm nghiên cứu và phát triển trên địa bàn tại ngày cuối kỳ báo cáo, theo cùng phạm vi đếm.',
      definitionEn:
        'Women among the R&D personnel of the province on the last day of the reporting period, counted within the same scope.',
      ...UNIT.people,
      sourceVi: SOURCE.survey,
      legalBasis: LAW.statistics,
    },

    // S&T enterprises
    {
      ...FLOW,
      evidenceRequired: true,
      code: 'STE_CERT_NEW',
      group: 'ENTERPRISES',
      nameVi: 'Số Giấy chứng nhận doanh nghiệp KH&CN cấp mới',
      nameEn: 'New S&T enterprise certificates',
      definitionVi:
        'Số Giấy chứng nhận doanh nghiệp khoa học và công nghệ do Sở KH&CN cấp lần đầu cho doanh nghiệp trên địa bàn trong kỳ báo cáo; cấp lại, điều chỉnh không tính; minh chứng là bản sao giấy chứng nhận.',
      definitionEn:
        'S&T enterprise certificates first issued by the department to enterprises of the province within the reporting period; reissues and amendments excluded; a copy of each certificate is the proof.',
      ...UNIT.certificates,
      sourceVi: SOURCE.registry,
      legalBasis: LAW.steDecree,
    },
    {
      ...STOCK,
      code: 'STE_ACTIVE',
      group: 'ENTERPRISES',
      nameVi: 'Số doanh nghiệp KH&CN đang hoạt động',
      nameEn: 'Active S&T enterprises',
      definitionVi:
        'Số doanh nghiệp trên địa bàn có Giấy chứng nhận doanh nghiệp khoa học và công nghệ còn hiệu lực (chưa bị thu hồi, chưa giải thể) tại ngày cuối kỳ báo cáo.',
      definitionEn:
        'Enterprises of the province holding a valid S&T enterprise certificate (not revoked, not dissolved) on the last day of the reporting period.',
      ...UNIT.enterprises,
      sourceVi: SOURCE.registry,
      legalBasis: LAW.steDecree,
    },
    {
      ...FLOW,
      code: 'STE_SUPPORT_SELECTED',
      group: 'ENTERPRISES',
      nameVi: 'Số đơn vị được lựa chọn hỗ trợ phát triển thành doanh nghiệp KH&CN',
      nameEn: 'Entities selected for support to become S&T enterprises',
      definitionVi:
        'Số doanh nghiệp, tổ chức, nhóm nghiên cứu được cơ quan có thẩm quyền của tỉnh quyết định lựa chọn vào chương trình hỗ trợ ươm tạo, phát triển thành doanh nghiệp khoa học và công nghệ trong kỳ báo cáo.',
      definitionEn:
        'Enterprises, organisations and research teams selected by decision of the provincial authority within the reporting period for a programme incubating them into S&T enterprises.',
      ...UNIT.units,
      sourceVi: SOURCE.support,
      legalBasis: LAW.steDecree,
    },
    {
      ...FLOW,
      code: 'STE_GUIDED',
      group: 'ENTERPRISES',
      nameVi: 'Số doanh nghiệp được hướng dẫn thành lập doanh nghiệp KH&CN',
      nameEn: 'Enterprises guided towards S&T enterprise status',
      definitionVi:
        'Số doanh nghiệp được Sở KH&CN trực tiếp hướng dẫn hồ sơ, thủ tục thành lập hoặc chứng nhận doanh nghiệp khoa học và công nghệ trong kỳ báo cáo; mỗi doanh nghiệp chỉ tính một lần trong kỳ.',
      definitionEn:
        'Enterprises given direct guidance by the department on the dossier and procedure for establishing or certifying an S&T enterprise within the reporting period; each enterprise counted once per period.',
      ...UNIT.enterprises,
      sourceVi: SOURCE.support,
      legalBasis: LAW.steDecree,
    },

    // Intellectual property
    {
      ...FLOW,
      code: 'IP_DOSSIERS_SUPPORTED',
      group: 'IP',
      nameVi: 'Số lượt được hỗ trợ xây dựng hồ sơ xác lập quyền sở hữu công nghiệp',
      nameEn: 'Support given for industrial property registration dossiers',
      definitionVi:
        'Số lượt doanh nghiệp, tổ chức, cá nhân trên địa bàn được Sở KH&CN hướng dẫn hoặc hỗ trợ kinh phí xây dựng hồ sơ đăng ký xác lập quyền sở hữu công nghiệp trong kỳ báo cáo; mỗi hồ sơ được hỗ trợ tính một lượt.',
      definitionEn:
        'Times enterprises, organisations or individuals of the province were guided or funded by the department to prepare an industrial property registration dossier within the reporting period; each supported dossier counts once.',
      ...UNIT.supportTimes,
      sourceVi: SOURCE.support,
      legalBasis: LAW.ip,
    },
    {
      ...FLOW,
      code: 'IP_APPLICATIONS',
      group: 'IP',
      nameVi: 'Số đơn đăng ký sở hữu công nghiệp',
      nameEn: 'Industrial property applications',
      definitionVi:
        'Số đơn đăng ký xác lập quyền sở hữu công nghiệp do chủ đơn có địa chỉ trên địa bàn tỉnh nộp tại Cục Sở hữu trí tuệ trong kỳ báo cáo, phân theo đối tượng sở hữu công nghiệp.',
      definitionEn:
        'Industrial property applications filed with the IP Office within the reporting period by applicants with an address in the province, by object.',
      ...UNIT.applications,
      sourceVi: SOURCE.ipOffice,
      legalBasis: LAW.ip,
      disaggregation: 'IP_OBJECT',
    },
    {
      ...FLOW,
      code: 'IP_TITLES_GRANTED',
      group: 'IP',
      nameVi: 'Số văn bằng bảo hộ sở hữu công nghiệp được cấp',
      nameEn: 'Industrial property titles granted',
      definitionVi:
        'Số văn bằng bảo hộ quyền sở hữu công nghiệp được Cục Sở hữu trí tuệ cấp trong kỳ báo cáo cho chủ sở hữu có địa chỉ trên địa bàn tỉnh, phân theo đối tượng sở hữu công nghiệp.',
      definitionEn:
        'Industrial property titles granted by the IP Office within the reporting period to owners with an address in the province, by object.',
      ...UNIT.titles,
      sourceVi: SOURCE.ipOffice,
      legalBasis: LAW.ip,
      disaggregation: 'IP_OBJECT',
    },
    {
      ...FLOW,
      code: 'IP_COMMUNITY_MARKS_SUPPORTED',
      group: 'IP',
      nameVi: 'Số nhãn hiệu tập thể, nhãn hiệu chứng nhận được hỗ trợ tạo lập, quản lý, phát triển',
      nameEn: 'Collective and certification marks supported',
      definitionVi:
        'Số nhãn hiệu tập thể, nhãn hiệu chứng nhận và chỉ dẫn địa lý gắn với sản phẩm của địa phương được hỗ trợ tạo lập, quản lý hoặc phát triển bằng nhiệm vụ, dự án do Sở KH&CN quản lý, nghiệm thu trong kỳ báo cáo.',
      definitionEn:
        'Collective marks, certification marks and geographical indications of local products whose creation, management or development was supported by a task or project managed by the department and accepted within the reporting period.',
      ...UNIT.marks,
      sourceVi: SOURCE.support,
      legalBasis: LAW.ip,
    },
    {
      ...FLOW,
      code: 'IP_DEVELOPMENT_PROJECTS',
      group: 'IP',
      nameVi: 'Số dự án phát triển tài sản trí tuệ được hỗ trợ',
      nameEn: 'Intellectual asset development projects supported',
      definitionVi:
        'Số dự án hỗ trợ tạo lập, bảo hộ, quản lý, khai thác và phát triển tài sản trí tuệ của doanh nghiệp, tổ chức trên địa bàn được phê duyệt và cấp kinh phí trong kỳ báo cáo.',
      definitionEn:
        'Projects supporting the creation, protection, management, exploitation and development of intellectual assets of local enterprises and organisations, approved and funded within the reporting period.',
      ...UNIT.projects,
      sourceVi: SOURCE.support,
      legalBasis: LAW.ip,
    },
    {
      ...FLOW,
      code: 'IP_OCOP_MARKS_SUPPORTED',
      group: 'IP',
      nameVi: 'Số sản phẩm OCOP được hỗ trợ đăng ký bảo hộ nhãn hiệu',
      nameEn: 'OCOP products supported in trademark registration',
      definitionVi:
        'Số sản phẩm OCOP đã được xếp hạng sao của địa phương (theo mức hạng sao tối thiểu do tỉnh quy định) được Sở KH&CN hỗ trợ nộp đơn đăng ký bảo hộ nhãn hiệu trong kỳ báo cáo; mỗi sản phẩm chỉ tính một lần.',
      definitionEn:
        'Star-rated local OCOP products (at or above the minimum rating set by the province) whose trademark application was supported by the department within the reporting period; each product counted once.',
      ...UNIT.products,
      sourceVi: SOURCE.support,
      legalBasis: LAW.ip,
    },

    // Standards, metrology and quality
    {
      ...FLOW,
      code: 'SMQ_GROUP2_LOTS_INSPECTED',
      group: 'SMQ',
      nameVi: 'Số lô hàng hóa nhóm 2 được kiểm tra nhà nước về chất lượng',
      nameEn: 'Lots of group-2 goods inspected for quality',
      definitionVi:
        'Số lô hàng hóa nhóm 2 (hàng hóa có khả năng gây mất an toàn) được Sở KH&CN kiểm tra nhà nước về chất lượng trong kỳ báo cáo, chủ yếu là hàng hóa nhập khẩu theo hồ sơ đăng ký kiểm tra; mỗi lô tính một lần.',
      definitionEn:
        'Lots of group-2 goods (goods that may be unsafe) inspected for quality by the department within the reporting period, mainly imports under inspection registrations; each lot counted once.',
      ...UNIT.lots,
      sourceVi: SOURCE.smq,
      legalBasis: LAW.quality,
    },
    {
      ...FLOW,
      direction: 'lower_better',
      code: 'SMQ_GROUP2_LOTS_NONCONFORMING',
      group: 'SMQ',
      nameVi: 'Số lô hàng hóa nhóm 2 không đạt yêu cầu chất lượng',
      nameEn: 'Non-conforming lots of group-2 goods',
      definitionVi:
        'Số lô hàng hóa nhóm 2 được kiểm tra trong kỳ báo cáo mà kết luận không đáp ứng yêu cầu chất lượng (không được thông quan hoặc phải tái chế, tái xuất, tiêu hủy).',
      definitionEn:
        'Lots of group-2 goods inspected within the reporting period and found not to meet quality requirements (refused clearance, reprocessed, re-exported or destroyed).',
      ...UNIT.lots,
      sourceVi: SOURCE.smq,
      legalBasis: LAW.quality,
    },
    {
      ...FLOW,
      code: 'SMQ_INSTRUMENTS_VERIFIED',
      group: 'SMQ',
      nameVi: 'Số phương tiện đo được kiểm định, hiệu chuẩn',
      nameEn: 'Measuring instruments verified or calibrated',
      definitionVi:
        'Số phương tiện đo nhóm 2 (cân, cột đo nhiên liệu, huyết áp kế, taximet và các loại khác, không kể công tơ điện và đồng hồ đo nước) được kiểm định, hiệu chuẩn trên địa bàn trong kỳ báo cáo.',
      definitionEn:
        'Group-2 measuring instruments (scales, fuel dispensers, blood pressure meters, taximeters and others, excluding electricity and water meters) verified or calibrated in the province within the reporting period.',
      ...UNIT.instruments,
      sourceVi: SOURCE.smq,
      legalBasis: LAW.metrology,
    },
    {
      ...FLOW,
      code: 'SMQ_METERS_VERIFIED',
      group: 'SMQ',
      nameVi: 'Số công tơ điện, đồng hồ đo nước được kiểm định',
      nameEn: 'Electricity and water meters verified',
      definitionVi:
        'Số công tơ điện và đồng hồ đo nước được kiểm định ban đầu, định kỳ hoặc kiểm định đối chứng theo yêu cầu trên địa bàn trong kỳ báo cáo, phân theo loại công tơ, đồng hồ.',
      definitionEn:
        'Electricity and water meters given initial, periodic or on-request comparison verification in the province within the reporting period, by meter type.',
      ...UNIT.meters,
      sourceVi: SOURCE.smq,
      legalBasis: LAW.metrology,
      disaggregation: 'METER_TYPE',
    },
    {
      ...STOCK,
      code: 'SMQ_LOCAL_REGULATIONS',
      group: 'SMQ',
      nameVi: 'Số quy chuẩn kỹ thuật địa phương còn hiệu lực',
      nameEn: 'Local technical regulations in force',
      definitionVi:
        'Số quy chuẩn kỹ thuật địa phương do Ủy ban nhân dân tỉnh ban hành còn hiệu lực tại ngày cuối kỳ báo cáo, theo danh mục do Sở KH&CN theo dõi.',
      definitionEn:
        'Local technical regulations issued by the provincial People’s Committee and in force on the last day of the reporting period, as listed by the department.',
      ...UNIT.documents,
      sourceVi: SOURCE.smq,
      legalBasis: LAW.standards,
    },

    // Radiation and nuclear safety
    {
      ...FLOW,
      code: 'RAD_LICENCES_ISSUED',
      group: 'RADIATION',
      nameVi: 'Số giấy phép tiến hành công việc bức xạ được cấp',
      nameEn: 'Radiation work licences issued',
      definitionVi:
        'Số giấy phép tiến hành công việc bức xạ (sử dụng thiết bị X-quang chẩn đoán trong y tế) do Sở KH&CN cấp mới, gia hạn, sửa đổi hoặc bổ sung trong kỳ báo cáo.',
      definitionEn:
        'Radiation work licences (use of diagnostic medical X-ray equipment) issued, renewed, amended or extended by the department within the reporting period.',
      ...UNIT.licences,
      sourceVi: SOURCE.radiation,
      legalBasis: LAW.atomic,
    },
    {
      ...STOCK,
      code: 'RAD_FACILITIES_LICENSED',
      group: 'RADIATION',
      nameVi: 'Số cơ sở X-quang y tế có giấy phép còn hiệu lực',
      nameEn: 'Medical X-ray facilities with a valid licence',
      definitionVi:
        'Số cơ sở y tế trên địa bàn có giấy phép sử dụng thiết bị X-quang chẩn đoán trong y tế còn hiệu lực tại ngày cuối kỳ báo cáo.',
      definitionEn:
        'Health facilities of the province holding a valid licence to use diagnostic medical X-ray equipment on the last day of the reporting period.',
      ...UNIT.facilities,
      sourceVi: SOURCE.radiation,
      legalBasis: LAW.atomic,
    },
    {
      ...FLOW,
      direction: 'lower_better',
      code: 'RAD_INCIDENTS',
      group: 'RADIATION',
      nameVi: 'Số sự cố bức xạ, hạt nhân xảy ra trên địa bàn',
      nameEn: 'Radiation and nuclear incidents',
      definitionVi:
        'Số sự cố bức xạ, hạt nhân (mất nguồn phóng xạ, chiếu xạ quá liều, rò rỉ phóng xạ) xảy ra trên địa bàn tỉnh trong kỳ báo cáo, đã được báo cáo cơ quan quản lý.',
      definitionEn:
        'Radiation and nuclear incidents (lost sources, overexposure, radioactive leaks) that occurred in the province within the reporting period and were reported to the authorities.',
      ...UNIT.incidents,
      sourceVi: SOURCE.radiation,
      legalBasis: LAW.atomic,
    },
    {
      valueType: 'boolean',
      unitAggregation: 'none',
      periodAggregation: 'last',
      direction: 'higher_better',
      evidenceRequired: true,
      code: 'RAD_RESPONSE_PLAN',
      group: 'RADIATION',
      nameVi: 'Kế hoạch ứng phó sự cố bức xạ, hạt nhân cấp tỉnh còn hiệu lực',
      nameEn: 'Provincial radiation and nuclear emergency plan in force',
      definitionVi:
        'Tỉnh có kế hoạch ứng phó sự cố bức xạ, hạt nhân cấp tỉnh đã được Ủy ban nhân dân tỉnh phê duyệt và còn hiệu lực tại ngày cuối kỳ báo cáo; minh chứng là quyết định phê duyệt.',
      definitionEn:
        'Whether the province has a radiation and nuclear emergency plan approved by the provincial People’s Committee and in force on the last day of the reporting period; the approval decision is the proof.',
      ...UNIT.yesNo,
      sourceVi: SOURCE.radiation,
      legalBasis: LAW.atomic,
    },

    // Technology appraisal, transfer and application
    {
      ...FLOW,
      code: 'TECH_PROCESSES_APPLIED',
      group: 'TECHNOLOGY',
      nameVi: 'Số quy trình công nghệ được tiếp nhận, ứng dụng',
      nameEn: 'Technology processes received and applied',
      definitionVi:
        'Số quy trình công nghệ (kết quả nghiên cứu, tiến bộ kỹ thuật) được tiếp nhận và ứng dụng vào sản xuất, đời sống trên địa bàn thông qua nhiệm vụ, dự án do Sở KH&CN quản lý, nghiệm thu trong kỳ báo cáo.',
      definitionEn:
        'Technology processes (research results, technical advances) taken up and applied in production or daily life in the province through tasks or projects managed by the department and accepted within the reporting period.',
      ...UNIT.processes,
      sourceVi: SOURCE.technology,
      legalBasis: LAW.transfer,
    },
    {
      ...FLOW,
      code: 'TECH_MODELS_BUILT',
      group: 'TECHNOLOGY',
      nameVi: 'Số mô hình ứng dụng tiến bộ KH&CN được xây dựng',
      nameEn: 'Models applying S&T advances built',
      definitionVi:
        'Số mô hình ứng dụng tiến bộ khoa học và công nghệ (sản xuất, liên kết chuỗi trong nông nghiệp, thủy sản, chế biến…) được xây dựng hoàn chỉnh và nghiệm thu trong kỳ báo cáo.',
      definitionEn:
        'Models applying S&T advances (production and value-chain models in agriculture, aquaculture, processing…) completed and accepted within the reporting period.',
      ...UNIT.models,
      sourceVi: SOURCE.technology,
      legalBasis: LAW.st,
    },
    {
      ...FLOW,
      code: 'TECH_PROJECTS_APPRAISED',
      group: 'TECHNOLOGY',
      nameVi: 'Số dự án đầu tư được thẩm định, có ý kiến về công nghệ',
      nameEn: 'Investment projects appraised for technology',
      definitionVi:
        'Số dự án đầu tư trên địa bàn được Sở KH&CN thẩm định hoặc có văn bản ý kiến về công nghệ theo đề nghị của cơ quan có thẩm quyền trong kỳ báo cáo; mỗi dự án tính một lần.',
      definitionEn:
        'Investment projects in the province appraised by the department, or on whose technology the department gave a written opinion at an authority’s request, within the reporting period; each project counted once.',
      ...UNIT.projects,
      sourceVi: SOURCE.technology,
      legalBasis: LAW.transfer,
    },
    {
      ...FLOW,
      evidenceRequired: true,
      code: 'TECH_TRANSFERS_REGISTERED',
      group: 'TECHNOLOGY',
      nameVi: 'Số hợp đồng chuyển giao công nghệ được cấp giấy chứng nhận đăng ký',
      nameEn: 'Technology transfer contracts registered',
      definitionVi:
        'Số hợp đồng chuyển giao công nghệ được Sở KH&CN cấp giấy chứng nhận đăng ký chuyển giao công nghệ (kể cả sửa đổi, bổ sung) trong kỳ báo cáo; minh chứng là giấy chứng nhận đã cấp.',
      definitionEn:
        'Technology transfer contracts for which the department issued a registration certificate (including amendments) within the reporting period; the certificate is the proof.',
      ...UNIT.contracts,
      sourceVi: SOURCE.technology,
      legalBasis: LAW.transfer,
    },
    {
      ...FLOW,
      code: 'TECH_ROADMAP_ENTERPRISES',
      group: 'TECHNOLOGY',
      nameVi: 'Số doanh nghiệp được hỗ trợ xây dựng lộ trình đổi mới công nghệ',
      nameEn: 'Enterprises supported with a technology innovation roadmap',
      definitionVi:
        'Số doanh nghiệp trên địa bàn được hỗ trợ xây dựng lộ trình đổi mới công nghệ thông qua chương trình đổi mới công nghệ của tỉnh, có lộ trình hoàn thành trong kỳ báo cáo.',
      definitionEn:
        'Enterprises of the province helped to draw up a technology innovation roadmap under the provincial technology innovation programme, the roadmap being completed within the reporting period.',
      ...UNIT.enterprises,
      sourceVi: SOURCE.support,
      legalBasis: LAW.transfer,
    },
    {
      ...FLOW,
      code: 'TECH_PILOT_ENTERPRISES',
      group: 'TECHNOLOGY',
      nameVi: 'Số doanh nghiệp triển khai dự án ứng dụng, sản xuất thử nghiệm',
      nameEn: 'Enterprises running application or pilot production projects',
      definitionVi:
        'Số doanh nghiệp được hỗ trợ triển khai dự án ứng dụng công nghệ hoặc sản xuất thử nghiệm có hợp đồng ký trong kỳ báo cáo; mỗi doanh nghiệp chỉ tính một lần trong kỳ.',
      definitionEn:
        'Enterprises supported to run a technology application or pilot production project contracted within the reporting period; each enterprise counted once per period.',
      ...UNIT.enterprises,
      sourceVi: SOURCE.support,
      legalBasis: LAW.st,
    },
    {
      ...FLOW,
      code: 'TECH_DIGITAL_ENTERPRISES',
      group: 'TECHNOLOGY',
      nameVi: 'Số doanh nghiệp được hỗ trợ xây dựng đề án chuyển đổi số',
      nameEn: 'Enterprises supported with a digital transformation plan',
      definitionVi:
        'Số doanh nghiệp trên địa bàn được hỗ trợ tư vấn, xây dựng đề án chuyển đổi số từ chương trình do Sở KH&CN quản lý, có đề án hoàn thành trong kỳ báo cáo.',
      definitionEn:
        'Enterprises of the province given advice and help drawing up a digital transformation plan under a programme managed by the department, the plan being completed within the reporting period.',
      ...UNIT.enterprises,
      sourceVi: SOURCE.support,
      legalBasis: LAW.system,
    },

    // Start-ups and innovation
    {
      ...FLOW,
      code: 'INNOV_STARTUP_PROJECTS',
      group: 'INNOVATION',
      nameVi: 'Số dự án, nhóm khởi nghiệp đổi mới sáng tạo được hỗ trợ',
      nameEn: 'Innovative start-up projects and teams supported',
      definitionVi:
        'Số dự án, nhóm khởi nghiệp đổi mới sáng tạo được hỗ trợ (ươm tạo, đào tạo, tư vấn, kinh phí) từ chương trình, đề án khởi nghiệp của tỉnh trong kỳ báo cáo; mỗi dự án chỉ tính một lần trong kỳ.',
      definitionEn:
        'Innovative start-up projects and teams supported (incubation, training, advice, funding) by the province’s start-up programmes within the reporting period; each project counted once per period.',
      ...UNIT.projects,
      sourceVi: SOURCE.innovation,
      legalBasis: LAW.sme,
    },
    {
      ...FLOW,
      code: 'INNOV_STARTUP_ENTERPRISES',
      group: 'INNOVATION',
      nameVi: 'Số doanh nghiệp khởi nghiệp đổi mới sáng tạo được thành lập từ hoạt động hỗ trợ',
      nameEn: 'Innovative start-ups incorporated after support',
      definitionVi:
        'Số doanh nghiệp khởi nghiệp đổi mới sáng tạo được cấp giấy chứng nhận đăng ký doanh nghiệp trong kỳ báo cáo, hình thành từ dự án, nhóm khởi nghiệp đã được tỉnh hỗ trợ.',
      definitionEn:
        'Innovative start-ups registered as enterprises within the reporting period that grew out of start-up projects or teams supported by the province.',
      ...UNIT.enterprises,
      sourceVi: SOURCE.innovation,
      legalBasis: LAW.sme,
    },
    {
      ...STOCK,
      code: 'INNOV_SUPPORT_ORGS',
      group: 'INNOVATION',
      nameVi: 'Số tổ chức hỗ trợ khởi nghiệp đổi mới sáng tạo',
      nameEn: 'Innovative start-up support organisations',
      definitionVi:
        'Số cơ sở ươm tạo, cơ sở kỹ thuật, khu làm việc chung, trung tâm đổi mới sáng tạo và tổ chức thúc đẩy kinh doanh đang hoạt động hỗ trợ khởi nghiệp đổi mới sáng tạo trên địa bàn tại ngày cuối kỳ báo cáo.',
      definitionEn:
        'Incubators, technical facilities, co-working spaces, innovation centres and accelerators supporting innovative start-ups in the province on the last day of the reporting period.',
      ...UNIT.organisations,
      sourceVi: SOURCE.innovation,
      legalBasis: LAW.sme,
    },
    {
      ...FLOW,
      code: 'INNOV_EVENTS',
      group: 'INNOVATION',
      nameVi: 'Số cuộc thi, sự kiện khởi nghiệp đổi mới sáng tạo được tổ chức',
      nameEn: 'Start-up competitions and events held',
      definitionVi:
        'Số cuộc thi, diễn đàn, ngày hội và sự kiện kết nối khởi nghiệp đổi mới sáng tạo do tỉnh tổ chức hoặc đồng tổ chức trên địa bàn trong kỳ báo cáo.',
      definitionEn:
        'Innovative start-up competitions, forums, festivals and matchmaking events organised or co-organised by the province within the reporting period.',
      ...UNIT.events,
      sourceVi: SOURCE.innovation,
      legalBasis: LAW.sme,
    },
    {
      valueType: 'decimal',
      unitAggregation: 'none',
      periodAggregation: 'last',
      direction: 'higher_better',
      evidenceRequired: false,
      code: 'PII_SCORE',
      group: 'INNOVATION',
      nameVi: 'Điểm Bộ chỉ số đổi mới sáng tạo cấp địa phương (PII)',
      nameEn: 'Provincial Innovation Index (PII) score',
      definitionVi:
        'Điểm tổng hợp (thang 100) của tỉnh trong Bộ chỉ số đổi mới sáng tạo cấp địa phương do Bộ Khoa học và Công nghệ công bố cho năm báo cáo; không cộng hay bình quân giữa các tỉnh.',
      definitionEn:
        'The province’s overall score (out of 100) in the Provincial Innovation Index published by the Ministry for the reporting year; never added or averaged across provinces.',
      ...UNIT.points,
      sourceVi: SOURCE.pii,
      legalBasis: LAW.system,
    },

    // Productivity (TFP) and outcomes
    {
      ...FLOW,
      valueType: 'decimal',
      ...UNIT.billionVnd,
      code: 'PROV_GRDP',
      group: 'OUTCOMES',
      nameVi: 'Tổng sản phẩm trên địa bàn (GRDP) theo giá hiện hành',
      nameEn: 'GRDP at current prices',
      definitionVi:
        'Tổng sản phẩm trên địa bàn tỉnh theo giá hiện hành của năm báo cáo do cơ quan thống kê cấp tỉnh công bố, dùng làm mẫu số cho tỷ lệ chi cho khoa học và công nghệ so với GRDP.',
      definitionEn:
        'Gross regional domestic product at current prices of the reporting year as published by the provincial statistics office, the denominator of S&T spending as a share of GRDP.',
      sourceVi: SOURCE.statistics,
      legalBasis: LAW.statistics,
    },
    {
      ...FLOW,
      valueType: 'decimal',
      ...UNIT.billionVnd,
      code: 'GRDP_INCREASE',
      group: 'OUTCOMES',
      nameVi: 'Mức tăng GRDP theo giá so sánh so với năm trước',
      nameEn: 'GRDP increase at constant prices over the previous year',
      definitionVi:
        'Phần tăng thêm của tổng sản phẩm trên địa bàn theo giá so sánh của năm báo cáo so với năm trước (có thể âm), do cơ quan thống kê cấp tỉnh tính toán; mẫu số của tỷ trọng đóng góp của TFP.',
      definitionEn:
        'Increase of GRDP at constant prices in the reporting year over the previous year (may be negative), computed by the provincial statistics office; the denominator of the TFP contribution.',
      sourceVi: SOURCE.statistics,
      legalBasis: LAW.statistics,
    },
    {
      ...FLOW,
      valueType: 'decimal',
      ...UNIT.billionVnd,
      code: 'TFP_INCREASE',
      group: 'OUTCOMES',
      nameVi: 'Phần tăng GRDP do năng suất các yếu tố tổng hợp (TFP) đóng góp',
      nameEn: 'GRDP increase attributed to total factor productivity',
      definitionVi:
        'Phần tăng thêm của GRDP theo giá so sánh của năm báo cáo so với năm trước được quy cho năng suất các yếu tố tổng hợp (TFP), sau khi trừ phần đóng góp của vốn và lao động, do cơ quan thống kê cấp tỉnh tính toán.',
      definitionEn:
        'Part of the GRDP increase at constant prices over the previous year attributed to total factor productivity, after the contributions of capital and labour, computed by the provincial statistics office.',
      sourceVi: SOURCE.statistics,
      legalBasis: LAW.statistics,
    },
    {
      ...RATIO,
      code: 'TFP_SHARE_GRDP_GROWTH',
      group: 'OUTCOMES',
      nameVi: 'Tỷ trọng đóng góp của TFP vào tăng trưởng GRDP',
      nameEn: 'TFP contribution to GRDP growth',
      definitionVi:
        'Phần tăng GRDP do năng suất các yếu tố tổng hợp (TFP) đóng góp chia cho mức tăng GRDP theo giá so sánh của cùng năm, nhân 100; cấp vùng, toàn quốc tính lại từ hai chỉ tiêu thành phần.',
      definitionEn:
        'GRDP increase attributed to TFP divided by the GRDP increase at constant prices of the same year, times 100; regional and national figures are recomputed from the two components.',
      ratio: { numerator: 'TFP_INCREASE', denominator: 'GRDP_INCREASE', factor: 100 },
      sourceVi: SOURCE.statistics,
      legalBasis: LAW.system,
    },
    {
      ...FLOW,
      code: 'PRODUCTIVITY_PROJECTS',
      group: 'OUTCOMES',
      nameVi: 'Số dự án nâng cao năng suất chất lượng sản phẩm, hàng hóa',
      nameEn: 'Product and goods productivity and quality projects',
      definitionVi:
        'Số dự án hỗ trợ doanh nghiệp nâng cao năng suất, chất lượng sản phẩm, hàng hóa bằng áp dụng hệ thống quản lý, công cụ cải tiến năng suất chất lượng, tiêu chuẩn quốc tế hoặc tiêu chuẩn của nước tiên tiến, được phê duyệt và triển khai trong kỳ báo cáo.',
      definitionEn:
        'Projects helping enterprises raise the productivity and quality of their products through management systems, productivity and quality tools, international or advanced foreign standards, approved and started within the reporting period.',
      ...UNIT.projects,
      sourceVi: SOURCE.support,
      legalBasis: LAW.quality,
    },

    // State management and administrative reform
    {
      ...FLOW,
      evidenceRequired: true,
      code: 'POLICY_DOCUMENTS_ISSUED',
      group: 'ADMINISTRATION',
      nameVi: 'Số văn bản cơ chế, chính sách, chương trình, kế hoạch về KH,CN&ĐMST được ban hành',
      nameEn: 'S&T and innovation policies, programmes and plans issued',
      definitionVi:
        'Số nghị quyết, quyết định, chương trình, kế hoạch, quy chế về khoa học, công nghệ và đổi mới sáng tạo do Hội đồng nhân dân, Ủy ban nhân dân tỉnh ban hành trong kỳ báo cáo theo tham mưu của Sở KH&CN; minh chứng là văn bản đã ban hành.',
      definitionEn:
        'Resolutions, decisions, programmes, plans and regulations on science, technology and innovation issued by the provincial People’s Council or People’s Committee within the reporting period on the department’s proposal; the issued documents are the proof.',
      ...UNIT.documents,
      sourceVi: `Sổ theo dõi văn bản của ${DOST}`,
      legalBasis: LAW.st,
    },
    {
      ...STOCK,
      direction: 'neutral',
      code: 'ADMIN_PROCEDURES',
      group: 'ADMINISTRATION',
      nameVi: 'Số thủ tục hành chính lĩnh vực KH&CN thuộc thẩm quyền cấp tỉnh',
      nameEn: 'Provincial administrative procedures in S&T',
      definitionVi:
        'Số thủ tục hành chính trong lĩnh vực khoa học và công nghệ thuộc thẩm quyền giải quyết của cấp tỉnh theo danh mục được Chủ tịch Ủy ban nhân dân tỉnh công bố, còn hiệu lực tại ngày cuối kỳ báo cáo.',
      definitionEn:
        'Administrative procedures in S&T handled at provincial level as listed by the chair of the provincial People’s Committee and in force on the last day of the reporting period.',
      ...UNIT.procedures,
      sourceVi: SOURCE.administration,
      legalBasis: LAW.system,
    },
    {
      ...STOCK,
      code: 'ADMIN_PROCEDURES_ONLINE',
      group: 'ADMINISTRATION',
      nameVi: 'Số thủ tục hành chính lĩnh vực KH&CN cung cấp dịch vụ công trực tuyến toàn trình',
      nameEn: 'S&T administrative procedures offered fully online',
      definitionVi:
        'Số thủ tục hành chính trong lĩnh vực khoa học và công nghệ thuộc thẩm quyền cấp tỉnh được cung cấp dưới hình thức dịch vụ công trực tuyến toàn trình (trước đây gọi là mức độ 4) tại ngày cuối kỳ báo cáo.',
      definitionEn:
        'Provincial S&T administrative procedures offered as end-to-end online public services (formerly "level 4") on the last day of the reporting period.',
      ...UNIT.procedures,
      sourceVi: SOURCE.administration,
      legalBasis: LAW.system,
    },
    {
      ...RATIO,
      code: 'ADMIN_ONLINE_SHARE',
      group: 'ADMINISTRATION',
      nameVi: 'Tỷ lệ thủ tục hành chính lĩnh vực KH&CN trực tuyến toàn trình',
      nameEn: 'Share of S&T procedures offered fully online',
      definitionVi:
        'Số thủ tục hành chính lĩnh vực khoa học và công nghệ cung cấp dịch vụ công trực tuyến toàn trình chia cho tổng số thủ tục hành chính lĩnh vực khoa học và công nghệ thuộc thẩm quyền cấp tỉnh, nhân 100.',
      definitionEn:
        'S&T administrative procedures offered fully online divided by all provincial S&T administrative procedures, times 100.',
      ratio: { numerator: 'ADMIN_PROCEDURES_ONLINE', denominator: 'ADMIN_PROCEDURES', factor: 100 },
      sourceVi: SOURCE.administration,
      legalBasis: LAW.system,
    },
    {
      ...FLOW,
      direction: 'neutral',
      code: 'INSPECTIONS',
      group: 'ADMINISTRATION',
      nameVi: 'Số cuộc thanh tra, kiểm tra chuyên ngành KH&CN',
      nameEn: 'S&T inspections carried out',
      definitionVi:
        'Số cuộc thanh tra, kiểm tra chuyên ngành khoa học và công nghệ (tiêu chuẩn, đo lường, chất lượng, sở hữu trí tuệ, an toàn bức xạ, chuyển giao công nghệ, nhiệm vụ KH&CN) do Sở KH&CN chủ trì đã kết thúc trong kỳ báo cáo.',
      definitionEn:
        'Specialised S&T inspections (standards, metrology, quality, IP, radiation safety, technology transfer, S&T tasks) led by the department and concluded within the reporting period.',
      ...UNIT.inspections,
      sourceVi: `Hồ sơ thanh tra, kiểm tra của ${DOST}`,
      legalBasis: LAW.st,
    },

    // Inputs of the Provincial Innovation Index: figures published by others (statistics
    // offices, VCCI, ministries) that the department gathers once a year for the index.
    {
      ...FLOW,
      valueType: 'decimal',
      periodAggregation: 'mean',
      direction: 'neutral',
      code: 'PROV_POPULATION',
      group: 'PII',
      nameVi: 'Dân số trung bình',
      nameEn: 'Average population',
      definitionVi:
        'Dân số trung bình của tỉnh trong năm báo cáo do cơ quan thống kê công bố, tính bằng nghìn người; mẫu số của các chỉ số tính trên dân số trong Bộ chỉ số đổi mới sáng tạo cấp địa phương.',
      definitionEn:
        'Average population of the province in the reporting year as published by the statistics office, in thousand persons; the denominator of the index’s per-capita indicators.',
      ...UNIT.thousandPeople,
      sourceVi: SOURCE.statistics,
      legalBasis: LAW.national,
    },
    {
      ...STOCK,
      direction: 'neutral',
      code: 'PROV_ENTERPRISES',
      group: 'PII',
      nameVi: 'Số doanh nghiệp đang hoạt động có kết quả sản xuất kinh doanh',
      nameEn: 'Enterprises in operation with business results',
      definitionVi:
        'Số doanh nghiệp đang hoạt động có kết quả sản xuất kinh doanh trên địa bàn tỉnh tại ngày cuối năm báo cáo, theo điều tra doanh nghiệp của cơ quan thống kê; mẫu số của các chỉ số tính trên số doanh nghiệp.',
      definitionEn:
        'Enterprises of the province in operation with business results at the end of the reporting year, from the statistics office’s enterprise survey; the denominator of the index’s per-enterprise indicators.',
      ...UNIT.enterprises,
      sourceVi: SOURCE.enterpriseSurvey,
      legalBasis: LAW.national,
    },
    {
      ...FLOW,
      direction: 'neutral',
      code: 'PROV_NEW_ENTERPRISES',
      group: 'PII',
      nameVi: 'Số doanh nghiệp thành lập mới',
      nameEn: 'Newly registered enterprises',
      definitionVi:
        'Số doanh nghiệp được cấp giấy chứng nhận đăng ký doanh nghiệp lần đầu trên địa bàn tỉnh trong năm báo cáo; mẫu số của tỷ lệ doanh nghiệp khởi nghiệp sáng tạo.',
      definitionEn:
        'Enterprises first registered in the province within the reporting year; the denominator of the share of innovative start-ups.',
      ...UNIT.enterprises,
      sourceVi: SOURCE.businessRegister,
      legalBasis: LAW.national,
    },
    {
      ...STOCK,
      direction: 'neutral',
      code: 'EDU_STUDENTS',
      group: 'PII',
      nameVi: 'Số học sinh, sinh viên đang theo học',
      nameEn: 'Pupils and students enrolled',
      definitionVi:
        'Số học sinh phổ thông, học viên giáo dục nghề nghiệp và sinh viên đang theo học tại các cơ sở giáo dục, đào tạo trên địa bàn tỉnh đầu năm học của năm báo cáo; mẫu số của chi cho giáo dục và đào tạo bình quân một người đi học.',
      definitionEn:
        'Pupils, vocational learners and students enrolled in the province’s schools and training institutions at the start of the school year of the reporting year; the denominator of education spending per learner.',
      ...UNIT.students,
      sourceVi: SOURCE.education,
      legalBasis: LAW.national,
    },
    {
      ...SCORE,
      evidenceRequired: true,
      code: 'PII_POLICY_SCORE',
      group: 'PII',
      nameVi: 'Điểm chính sách thúc đẩy KH,CN&ĐMST phục vụ phát triển kinh tế - xã hội',
      nameEn: 'Score of policies promoting S&T and innovation for development',
      definitionVi:
        'Điểm (thang 100) Bộ Khoa học và Công nghệ chấm cho các nghị quyết, chương trình, kế hoạch, cơ chế hỗ trợ về khoa học, công nghệ và đổi mới sáng tạo tỉnh ban hành và thực hiện trong năm báo cáo, trên cơ sở minh chứng do tỉnh cung cấp.',
      definitionEn:
        'Score (out of 100) the Ministry gives to the province’s resolutions, programmes, plans and support schemes for science, technology and innovation issued and carried out in the reporting year, on the evidence the province supplies.',
      ...UNIT.score100,
      sourceVi: SOURCE.policy,
      legalBasis: LAW.pii,
    },
    {
      ...SCORE,
      code: 'PCI_LEGAL_INSTITUTIONS',
      group: 'PII',
      nameVi: 'Chỉ số thành phần PCI: Thiết chế pháp lý và an ninh trật tự',
      nameEn: 'PCI sub-index: legal institutions and law and order',
      definitionVi:
        'Điểm chỉ số thành phần "Thiết chế pháp lý và an ninh trật tự" (thang 10) của tỉnh trong Chỉ số năng lực cạnh tranh cấp tỉnh công bố cho năm báo cáo.',
      definitionEn:
        'The province’s score (out of 10) on the "legal institutions and law and order" sub-index of the Provincial Competitiveness Index published for the reporting year.',
      ...UNIT.score10,
      sourceVi: SOURCE.pci,
      legalBasis: LAW.pii,
    },
    {
      ...SCORE,
      code: 'PCI_BUSINESS_SUPPORT',
      group: 'PII',
      nameVi: 'Chỉ số thành phần PCI: Chính sách hỗ trợ doanh nghiệp',
      nameEn: 'PCI sub-index: business support policy',
      definitionVi:
        'Điểm chỉ số thành phần "Chính sách hỗ trợ doanh nghiệp" (thang 10) của tỉnh trong Chỉ số năng lực cạnh tranh cấp tỉnh công bố cho năm báo cáo.',
      definitionEn:
        'The province’s score (out of 10) on the "business support policy" sub-index of the Provincial Competitiveness Index published for the reporting year.',
      ...UNIT.score10,
      sourceVi: SOURCE.pci,
      legalBasis: LAW.pii,
    },
    {
      ...SCORE,
      code: 'PCI_ENTRY_COSTS',
      group: 'PII',
      nameVi: 'Chỉ số thành phần PCI: Chi phí gia nhập thị trường',
      nameEn: 'PCI sub-index: market entry costs',
      definitionVi:
        'Điểm chỉ số thành phần "Chi phí gia nhập thị trường" (thang 10, điểm càng cao chi phí càng thấp) của tỉnh trong Chỉ số năng lực cạnh tranh cấp tỉnh công bố cho năm báo cáo.',
      definitionEn:
        'The province’s score (out of 10, higher meaning lower costs) on the "market entry costs" sub-index of the Provincial Competitiveness Index published for the reporting year.',
      ...UNIT.score10,
      sourceVi: SOURCE.pci,
      legalBasis: LAW.pii,
    },
    {
      ...SCORE,
      code: 'PCI_PROACTIVITY',
      group: 'PII',
      nameVi: 'Chỉ số thành phần PCI: Tính năng động của chính quyền tỉnh',
      nameEn: 'PCI sub-index: proactivity of the provincial government',
      definitionVi:
        'Điểm chỉ số thành phần "Tính năng động của chính quyền tỉnh" (thang 10) của tỉnh trong Chỉ số năng lực cạnh tranh cấp tỉnh công bố cho năm báo cáo.',
      definitionEn:
        'The province’s score (out of 10) on the "proactivity of the provincial government" sub-index of the Provincial Competitiveness Index published for the reporting year.',
      ...UNIT.score10,
      sourceVi: SOURCE.pci,
      legalBasis: LAW.pii,
    },
    {
      ...SCORE,
      code: 'PCI_FAIR_COMPETITION',
      group: 'PII',
      nameVi: 'Chỉ số thành phần PCI: Cạnh tranh bình đẳng',
      nameEn: 'PCI sub-index: fair competition',
      definitionVi:
        'Điểm chỉ số thành phần "Cạnh tranh bình đẳng" (thang 10) của tỉnh trong Chỉ số năng lực cạnh tranh cấp tỉnh công bố cho năm báo cáo.',
      definitionEn:
        'The province’s score (out of 10) on the "fair competition" sub-index of the Provincial Competitiveness Index published for the reporting year.',
      ...UNIT.score10,
      sourceVi: SOURCE.pci,
      legalBasis: LAW.pii,
    },
    {
      ...SCORE,
      valueType: 'percentage',
      ...UNIT.percent,
      code: 'PAR_INDEX',
      group: 'PII',
      nameVi: 'Chỉ số cải cách hành chính (PAR Index)',
      nameEn: 'Administrative reform index (PAR Index)',
      definitionVi:
        'Kết quả Chỉ số cải cách hành chính của Ủy ban nhân dân tỉnh (tính bằng phần trăm số điểm tối đa) do Bộ Nội vụ công bố cho năm báo cáo.',
      definitionEn:
        'The provincial People’s Committee’s administrative reform index (as a percentage of the maximum score) published by the Ministry of Home Affairs for the reporting year.',
      sourceVi: SOURCE.par,
      legalBasis: LAW.pii,
    },
    {
      ...SCORE,
      code: 'EDU_EXAM_SCORE',
      group: 'PII',
      nameVi: 'Điểm trung bình thi tốt nghiệp trung học phổ thông',
      nameEn: 'Average score in the upper-secondary graduation exam',
      definitionVi:
        'Điểm trung bình các bài thi (thang 10) của thí sinh dự thi tốt nghiệp trung học phổ thông tại tỉnh trong năm báo cáo, theo kết quả Bộ Giáo dục và Đào tạo công bố.',
      definitionEn:
        'Average score (out of 10) of the candidates sitting the upper-secondary graduation exam in the province in the reporting year, as published by the Ministry of Education and Training.',
      ...UNIT.score10,
      sourceVi: SOURCE.education,
      legalBasis: LAW.pii,
    },
    {
      ...FLOW,
      code: 'EDU_NATIONAL_PRIZES',
      group: 'PII',
      nameVi: 'Số học sinh đạt giải kỳ thi chọn học sinh giỏi quốc gia THPT',
      nameEn: 'Pupils winning prizes at the national excellent-pupil exam',
      definitionVi:
        'Số học sinh trung học phổ thông của tỉnh đạt giải (nhất, nhì, ba, khuyến khích) tại kỳ thi chọn học sinh giỏi quốc gia tổ chức trong năm báo cáo; mỗi giải tính một lần.',
      definitionEn:
        'Upper-secondary pupils of the province winning a prize (first, second, third or honourable mention) at the national excellent-pupil exam held in the reporting year; each prize counted once.',
      ...UNIT.students,
      sourceVi: SOURCE.education,
      legalBasis: LAW.pii,
    },
    {
      ...MONEY,
      code: 'EDU_SPENDING',
      group: 'PII',
      nameVi: 'Chi cho giáo dục và đào tạo trên địa bàn',
      nameEn: 'Education and training spending in the province',
      definitionVi:
        'Tổng chi ngân sách nhà nước cho giáo dục và đào tạo trên địa bàn tỉnh trong năm báo cáo (quyết toán, hoặc ước thực hiện khi chưa có quyết toán); chia cho số học sinh, sinh viên ra chi bình quân một người đi học.',
      definitionEn:
        'State budget spending on education and training in the province in the reporting year (final accounts, or the estimate until they are closed); divided by the learners enrolled it gives spending per learner.',
      sourceVi: SOURCE.finance,
      legalBasis: LAW.budget,
    },
    {
      ...MONEY,
      code: 'RD_SPENDING',
      group: 'PII',
      nameVi: 'Chi cho nghiên cứu và phát triển trên địa bàn',
      nameEn: 'Research and development spending in the province',
      definitionVi:
        'Tổng chi cho hoạt động nghiên cứu và phát triển của các tổ chức khoa học và công nghệ, cơ sở giáo dục đại học, cơ quan nhà nước và doanh nghiệp trên địa bàn trong năm báo cáo, từ mọi nguồn kinh phí, theo điều tra nghiên cứu và phát triển.',
      definitionEn:
        'Spending on research and development by the S&T organisations, universities, public bodies and enterprises of the province in the reporting year, from every source of funds, from the R&D survey.',
      sourceVi: SOURCE.survey,
      legalBasis: LAW.statistics,
    },
    {
      ...SCORE,
      code: 'DTI_INFRASTRUCTURE',
      group: 'PII',
      nameVi: 'Chỉ số thành phần DTI: Hạ tầng và nền tảng số',
      nameEn: 'DTI sub-index: digital infrastructure and platforms',
      definitionVi:
        'Điểm chỉ số thành phần về hạ tầng và nền tảng số (thang 1) của tỉnh trong Chỉ số chuyển đổi số cấp tỉnh công bố cho năm báo cáo.',
      definitionEn:
        'The province’s score (out of 1) on the digital infrastructure and platforms sub-index of the provincial Digital Transformation Index published for the reporting year.',
      ...UNIT.score1,
      sourceVi: SOURCE.dti,
      legalBasis: LAW.pii,
    },
    {
      ...SCORE,
      code: 'PCI_INFRASTRUCTURE',
      group: 'PII',
      nameVi: 'Điểm chất lượng cơ sở hạ tầng chung (PCI)',
      nameEn: 'General infrastructure quality score (PCI)',
      definitionVi:
        'Điểm đánh giá chất lượng cơ sở hạ tầng chung của tỉnh (giao thông, điện, nước, khu công nghiệp, viễn thông), quy về thang 10, theo khảo sát doanh nghiệp của Chỉ số năng lực cạnh tranh cấp tỉnh công bố cho năm báo cáo.',
      definitionEn:
        'The province’s general infrastructure quality score (roads, power, water, industrial zones, telecommunications), on a 10-point scale, from the Provincial Competitiveness Index business survey published for the reporting year.',
      ...UNIT.score10,
      sourceVi: SOURCE.pci,
      legalBasis: LAW.pii,
    },
    {
      ...SHARE,
      code: 'INDUSTRIAL_LAND_SERVICED_SHARE',
      group: 'PII',
      nameVi: 'Tỷ lệ diện tích đất công nghiệp đã xây dựng kết cấu hạ tầng',
      nameEn: 'Share of industrial land with completed infrastructure',
      definitionVi:
        'Diện tích đất công nghiệp trong các khu, cụm công nghiệp đã được đầu tư xây dựng kết cấu hạ tầng kỹ thuật chia cho tổng diện tích đất công nghiệp theo quy hoạch tại cuối năm báo cáo, nhân 100.',
      definitionEn:
        'Industrial land in industrial zones and clusters with completed technical infrastructure divided by all planned industrial land at the end of the reporting year, times 100.',
      sourceVi: SOURCE.industrialZones,
      legalBasis: LAW.pii,
    },
    {
      ...SHARE,
      code: 'IZ_PROJECTS_OPERATING_SHARE',
      group: 'PII',
      nameVi: 'Tỷ lệ dự án đầu tư đang hoạt động trong các khu công nghiệp',
      nameEn: 'Share of investment projects operating in industrial zones',
      definitionVi:
        'Số dự án đầu tư còn hiệu lực trong các khu công nghiệp của tỉnh đã đi vào sản xuất kinh doanh chia cho tổng số dự án còn hiệu lực tại cuối năm báo cáo, nhân 100.',
      definitionEn:
        'Valid investment projects in the province’s industrial zones that are in operation divided by all valid projects at the end of the reporting year, times 100.',
      sourceVi: SOURCE.industrialZones,
      legalBasis: LAW.pii,
    },
    {
      ...STOCK,
      valueType: 'decimal',
      ...UNIT.billionVnd,
      code: 'PRIVATE_CREDIT',
      group: 'PII',
      nameVi: 'Dư nợ tín dụng đối với khu vực tư nhân',
      nameEn: 'Outstanding credit to the private sector',
      definitionVi:
        'Dư nợ cho vay của các tổ chức tín dụng trên địa bàn đối với doanh nghiệp ngoài nhà nước, hợp tác xã và hộ kinh doanh tại cuối năm báo cáo; chia cho GRDP trong Bộ chỉ số.',
      definitionEn:
        'Loans outstanding of the credit institutions of the province to non-state enterprises, cooperatives and household businesses at the end of the reporting year; divided by GRDP in the index.',
      sourceVi: SOURCE.credit,
      legalBasis: LAW.national,
    },
    {
      ...FLOW,
      valueType: 'decimal',
      periodAggregation: 'mean',
      ...UNIT.billionVnd,
      code: 'ENT_CAPITAL',
      group: 'PII',
      nameVi: 'Vốn sản xuất kinh doanh bình quân hằng năm của doanh nghiệp',
      nameEn: 'Average annual business capital of enterprises',
      definitionVi:
        'Tổng vốn sản xuất kinh doanh bình quân trong năm báo cáo của các doanh nghiệp đang hoạt động có kết quả sản xuất kinh doanh trên địa bàn, theo điều tra doanh nghiệp; chia cho số doanh nghiệp trong Bộ chỉ số.',
      definitionEn:
        'Average business capital over the reporting year of the enterprises in operation in the province, from the enterprise survey; divided by the number of enterprises in the index.',
      sourceVi: SOURCE.enterpriseSurvey,
      legalBasis: LAW.national,
    },
    {
      ...STOCK,
      valueType: 'decimal',
      ...UNIT.billionVnd,
      code: 'ENT_FIXED_ASSETS',
      group: 'PII',
      nameVi: 'Giá trị tài sản cố định và đầu tư tài chính dài hạn của doanh nghiệp',
      nameEn: 'Fixed assets and long-term financial investment of enterprises',
      definitionVi:
        'Giá trị tài sản cố định và đầu tư tài chính dài hạn của các doanh nghiệp đang hoạt động có kết quả sản xuất kinh doanh trên địa bàn tại cuối năm báo cáo, theo điều tra doanh nghiệp.',
      definitionEn:
        'Fixed assets and long-term financial investment of the enterprises in operation in the province at the end of the reporting year, from the enterprise survey.',
      sourceVi: SOURCE.enterpriseSurvey,
      legalBasis: LAW.national,
    },
    {
      ...FLOW,
      valueType: 'decimal',
      ...UNIT.millionUsd,
      code: 'EXPORTS',
      group: 'PII',
      nameVi: 'Kim ngạch xuất khẩu hàng hóa',
      nameEn: 'Exports of goods',
      definitionVi:
        'Trị giá hàng hóa xuất khẩu của các doanh nghiệp trên địa bàn tỉnh trong năm báo cáo theo số liệu thống kê hải quan và cơ quan thống kê; chia cho GRDP trong Bộ chỉ số.',
      definitionEn:
        'Value of the goods exported by the province’s enterprises in the reporting year from customs and statistics office figures; divided by GRDP in the index.',
      sourceVi: SOURCE.statistics,
      legalBasis: LAW.national,
    },
    {
      ...STOCK,
      code: 'ENT_WITH_RD',
      group: 'PII',
      nameVi: 'Số doanh nghiệp có hoạt động nghiên cứu và phát triển',
      nameEn: 'Enterprises with R&D activities',
      definitionVi:
        'Số doanh nghiệp trên địa bàn có chi cho nghiên cứu và phát triển hoặc có người làm nghiên cứu và phát triển trong năm báo cáo, theo điều tra doanh nghiệp; chia cho số doanh nghiệp đang hoạt động trong Bộ chỉ số.',
      definitionEn:
        'Enterprises of the province with R&D spending or R&D personnel in the reporting year, from the enterprise survey; divided by the enterprises in operation in the index.',
      ...UNIT.enterprises,
      sourceVi: SOURCE.enterpriseSurvey,
      legalBasis: LAW.statistics,
    },
    {
      ...STOCK,
      code: 'ENT_WITH_INNOVATION',
      group: 'PII',
      nameVi: 'Số doanh nghiệp có hoạt động đổi mới sáng tạo',
      nameEn: 'Enterprises with innovation activities',
      definitionVi:
        'Số doanh nghiệp trên địa bàn đưa ra sản phẩm, quy trình, phương thức tổ chức hoặc tiếp thị mới hay cải tiến đáng kể trong năm báo cáo, theo điều tra đổi mới sáng tạo trong doanh nghiệp.',
      definitionEn:
        'Enterprises of the province that introduced a new or significantly improved product, process, organisational or marketing method in the reporting year, from the enterprise innovation survey.',
      ...UNIT.enterprises,
      sourceVi: SOURCE.enterpriseSurvey,
      legalBasis: LAW.statistics,
    },
    {
      ...SHARE,
      code: 'ENT_TRAINING_SPEND_SHARE',
      group: 'PII',
      nameVi: 'Tỷ lệ chi đào tạo lao động trong tổng chi của doanh nghiệp',
      nameEn: 'Training spending as a share of enterprises’ total spending',
      definitionVi:
        'Chi cho đào tạo, bồi dưỡng người lao động của các doanh nghiệp trên địa bàn chia cho tổng chi phí sản xuất kinh doanh của các doanh nghiệp đó trong năm báo cáo, nhân 100, theo điều tra doanh nghiệp.',
      definitionEn:
        'Spending on training staff by the province’s enterprises divided by their total business costs in the reporting year, times 100, from the enterprise survey.',
      sourceVi: SOURCE.enterpriseSurvey,
      legalBasis: LAW.pii,
    },
    {
      ...SHARE,
      code: 'TRAINED_LABOUR_SHARE',
      group: 'PII',
      nameVi: 'Tỷ lệ lao động từ 15 tuổi trở lên đang làm việc đã qua đào tạo',
      nameEn: 'Share of trained workers aged 15 and over',
      definitionVi:
        'Số lao động từ 15 tuổi trở lên đang làm việc có bằng cấp, chứng chỉ đào tạo chia cho tổng số lao động từ 15 tuổi trở lên đang làm việc trên địa bàn trong năm báo cáo, nhân 100, theo điều tra lao động việc làm.',
      definitionEn:
        'Employed persons aged 15 and over holding a qualification or training certificate divided by all employed persons aged 15 and over in the province in the reporting year, times 100, from the labour force survey.',
      sourceVi: SOURCE.labourSurvey,
      legalBasis: LAW.national,
    },
    {
      ...FLOW,
      valueType: 'decimal',
      periodAggregation: 'mean',
      ...UNIT.thousandPeople,
      code: 'EMPLOYED',
      group: 'PII',
      nameVi: 'Lao động có việc làm trong nền kinh tế',
      nameEn: 'Employed persons',
      definitionVi:
        'Số lao động từ 15 tuổi trở lên có việc làm trên địa bàn tỉnh, bình quân năm báo cáo, tính bằng nghìn người, theo điều tra lao động việc làm; chia cho dân số trong Bộ chỉ số.',
      definitionEn:
        'Employed persons aged 15 and over in the province, averaged over the reporting year, in thousand persons, from the labour force survey; divided by the population in the index.',
      sourceVi: SOURCE.labourSurvey,
      legalBasis: LAW.national,
    },
    {
      ...STOCK,
      code: 'ENT_ST_SERVICES',
      group: 'PII',
      nameVi: 'Số doanh nghiệp hoạt động dịch vụ chuyên môn, khoa học và công nghệ',
      nameEn: 'Enterprises in professional, scientific and technical services',
      definitionVi:
        'Số doanh nghiệp đang hoạt động trên địa bàn có ngành kinh tế chính thuộc ngành hoạt động chuyên môn, khoa học và công nghệ (ngành M của Hệ thống ngành kinh tế Việt Nam) tại cuối năm báo cáo.',
      definitionEn:
        'Enterprises in operation in the province whose main activity is in professional, scientific and technical activities (section M of the Vietnamese classification of economic activities) at the end of the reporting year.',
      ...UNIT.enterprises,
      sourceVi: SOURCE.enterpriseSurvey,
      legalBasis: LAW.national,
    },
    {
      ...FLOW,
      valueType: 'decimal',
      ...UNIT.millionUsd,
      code: 'FDI_DISBURSED',
      group: 'PII',
      nameVi: 'Vốn đầu tư trực tiếp nước ngoài thực hiện',
      nameEn: 'Foreign direct investment disbursed',
      definitionVi:
        'Vốn đầu tư trực tiếp nước ngoài đã giải ngân, thực hiện trên địa bàn tỉnh trong năm báo cáo; chia cho GRDP trong Bộ chỉ số.',
      definitionEn:
        'Foreign direct investment disbursed in the province within the reporting year; divided by GRDP in the index.',
      sourceVi: SOURCE.fdi,
      legalBasis: LAW.national,
    },
    {
      ...STOCK,
      code: 'ENT_ISO_CERTIFIED',
      group: 'PII',
      nameVi: 'Số doanh nghiệp có chứng chỉ hệ thống quản lý theo tiêu chuẩn ISO',
      nameEn: 'Enterprises with an ISO management system certificate',
      definitionVi:
        'Số doanh nghiệp trên địa bàn có ít nhất một giấy chứng nhận hệ thống quản lý phù hợp tiêu chuẩn ISO (9001, 14001, 22000, 45001…) còn hiệu lực tại cuối năm báo cáo; mỗi doanh nghiệp tính một lần.',
      definitionEn:
        'Enterprises of the province holding at least one valid ISO management system certificate (9001, 14001, 22000, 45001…) at the end of the reporting year; each enterprise counted once.',
      ...UNIT.enterprises,
      sourceVi: SOURCE.certification,
      legalBasis: LAW.quality,
    },
    {
      ...FLOW,
      code: 'PLANT_VARIETY_APPLICATIONS',
      group: 'PII',
      nameVi: 'Số đơn đăng ký bảo hộ giống cây trồng',
      nameEn: 'Plant variety protection applications',
      definitionVi:
        'Số đơn đăng ký bảo hộ quyền đối với giống cây trồng do chủ đơn có địa chỉ trên địa bàn tỉnh nộp trong năm báo cáo.',
      definitionEn:
        'Plant variety protection applications filed within the reporting year by applicants with an address in the province.',
      ...UNIT.applications,
      sourceVi: SOURCE.plantVariety,
      legalBasis: LAW.ip,
    },
    {
      ...FLOW,
      code: 'IP_COLLECTIVE_MARK_APPLICATIONS',
      group: 'PII',
      nameVi: 'Số đơn đăng ký nhãn hiệu tập thể và nhãn hiệu chứng nhận',
      nameEn: 'Collective and certification mark applications',
      definitionVi:
        'Số đơn đăng ký nhãn hiệu tập thể và nhãn hiệu chứng nhận do chủ đơn có địa chỉ trên địa bàn tỉnh nộp tại Cục Sở hữu trí tuệ trong năm báo cáo.',
      definitionEn:
        'Collective and certification mark applications filed with the IP Office within the reporting year by applicants with an address in the province.',
      ...UNIT.applications,
      sourceVi: SOURCE.ipOffice,
      legalBasis: LAW.ip,
    },
    {
      ...STOCK,
      code: 'OCOP_4STAR_PRODUCTS',
      group: 'PII',
      nameVi: 'Số sản phẩm OCOP đạt 4 sao trở lên',
      nameEn: 'OCOP products rated 4 stars or more',
      definitionVi:
        'Số sản phẩm OCOP của tỉnh được công nhận đạt hạng 4 sao hoặc 5 sao, còn hiệu lực tại cuối năm báo cáo.',
      definitionEn:
        'OCOP products of the province rated 4 or 5 stars whose rating is valid at the end of the reporting year.',
      ...UNIT.products,
      sourceVi: SOURCE.ocop,
      legalBasis: LAW.pii,
    },
    {
      ...SHARE,
      code: 'INDUSTRIAL_PRODUCTION_INDEX',
      group: 'PII',
      nameVi: 'Chỉ số sản xuất công nghiệp (năm trước = 100)',
      nameEn: 'Industrial production index (previous year = 100)',
      definitionVi:
        'Chỉ số sản xuất công nghiệp của tỉnh năm báo cáo so với năm trước (năm trước = 100%) do cơ quan thống kê cấp tỉnh công bố.',
      definitionEn:
        'Industrial production index of the province for the reporting year against the previous year (previous year = 100%) as published by the provincial statistics office.',
      sourceVi: SOURCE.statistics,
      legalBasis: LAW.national,
    },
    {
      ...SHARE,
      code: 'LABOUR_PRODUCTIVITY_GROWTH',
      group: 'PII',
      nameVi: 'Tốc độ tăng năng suất lao động',
      nameEn: 'Labour productivity growth',
      definitionVi:
        'Tốc độ tăng năng suất lao động (GRDP theo giá so sánh trên một lao động có việc làm) của năm báo cáo so với năm trước, tính bằng phần trăm, do cơ quan thống kê cấp tỉnh công bố; có thể âm.',
      definitionEn:
        'Growth of labour productivity (GRDP at constant prices per employed person) in the reporting year over the previous year, in percent, as published by the provincial statistics office; may be negative.',
      sourceVi: SOURCE.statistics,
      legalBasis: LAW.national,
    },
    {
      ...SCORE,
      code: 'HDI',
      group: 'PII',
      nameVi: 'Chỉ số phát triển con người (HDI)',
      nameEn: 'Human Development Index (HDI)',
      definitionVi:
        'Chỉ số phát triển con người của tỉnh (từ 0 đến 1, tổng hợp tuổi thọ, giáo dục và thu nhập) do cơ quan thống kê công bố cho năm báo cáo.',
      definitionEn:
        'The province’s Human Development Index (0 to 1, combining life expectancy, education and income) as published by the statistics office for the reporting year.',
      ...UNIT.index1,
      sourceVi: SOURCE.statistics,
      legalBasis: LAW.national,
    },
    {
      ...SCORE,
      periodAggregation: 'sum',
      code: 'POVERTY_REDUCTION',
      group: 'PII',
      nameVi: 'Mức giảm tỷ lệ hộ nghèo',
      nameEn: 'Reduction of the poverty rate',
      definitionVi:
        'Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều của tỉnh cuối năm trước trừ tỷ lệ hộ nghèo cuối năm báo cáo, tính bằng điểm phần trăm, theo kết quả rà soát hộ nghèo được phê duyệt.',
      definitionEn:
        'The province’s multidimensional poverty rate of households at the end of the previous year minus that at the end of the reporting year, in percentage points, from the approved poverty review.',
      ...UNIT.percentagePoints,
      sourceVi: SOURCE.poverty,
      legalBasis: LAW.national,
    },
  ],

  rules: [
    {
      code: 'TASK_STARTED_WITHIN_IMPLEMENTED',
      expression: 'TASK_STARTED <= TASK_IMPLEMENTED',
      severity: 'error',
      messageVi:
        'Số nhiệm vụ mới triển khai không được lớn hơn số nhiệm vụ triển khai thực hiện trong kỳ (nhiệm vụ mới cũng được tính là đang thực hiện).',
      messageEn:
        'Tasks started cannot exceed tasks under implementation in the period (new tasks are also under implementation).',
    },
    {
      code: 'TASK_STARTED_PROVINCIAL',
      expression: 'TASK_STARTED.TINH <= TASK_IMPLEMENTED.TINH',
      severity: 'error',
      messageVi:
        'Số nhiệm vụ cấp tỉnh mới triển khai không được lớn hơn số nhiệm vụ cấp tỉnh thực hiện trong kỳ.',
      messageEn: 'Provincial tasks started cannot exceed provincial tasks under implementation.',
    },
    {
      code: 'TASK_STARTED_GRASSROOTS',
      expression: 'TASK_STARTED.CO_SO <= TASK_IMPLEMENTED.CO_SO',
      severity: 'error',
      messageVi:
        'Số nhiệm vụ cấp cơ sở mới triển khai không được lớn hơn số nhiệm vụ cấp cơ sở thực hiện trong kỳ.',
      messageEn: 'Grassroots tasks started cannot exceed grassroots tasks under implementation.',
    },
    {
      code: 'TASK_ACCEPTED_WITHIN_IMPLEMENTED',
      expression: 'TASK_ACCEPTED <= TASK_IMPLEMENTED',
      severity: 'error',
      messageVi:
        'Số nhiệm vụ được nghiệm thu không được lớn hơn số nhiệm vụ triển khai thực hiện trong kỳ.',
      messageEn: 'Tasks accepted cannot exceed tasks under implementation in the period.',
    },
    {
      code: 'TASK_OVERDUE_WITHIN_IMPLEMENTED',
      expression: 'TASK_OVERDUE <= TASK_IMPLEMENTED.TINH + TASK_IMPLEMENTED.CO_SO',
      severity: 'error',
      messageVi:
        'Số nhiệm vụ chậm tiến độ không được lớn hơn số nhiệm vụ cấp tỉnh và cấp cơ sở triển khai thực hiện trong kỳ.',
      messageEn:
        'Overdue tasks cannot exceed the provincial and grassroots tasks under implementation.',
    },
    {
      code: 'SPEND_STATE_MATCHES_SOURCE',
      expression: 'SPEND_STATE == SPEND_TOTAL.NSNN',
      severity: 'error',
      messageVi:
        'Tổng chi ngân sách nhà nước cho KH&CN theo tính chất chi (đầu tư phát triển + sự nghiệp) phải bằng phần ngân sách nhà nước của tổng chi cho KH&CN.',
      messageEn:
        'State budget S&T spending by nature (investment + recurrent) must equal the state budget part of total S&T spending.',
    },
    {
      code: 'BUDGET_ST_WITHIN_TOTAL',
      expression: 'BUDGET_ST_ESTIMATE <= PROV_BUDGET_EXPENDITURE',
      severity: 'error',
      messageVi:
        'Dự toán chi cho KH&CN không được lớn hơn tổng dự toán chi ngân sách địa phương; kiểm tra đơn vị tính (triệu đồng).',
      messageEn:
        'The S&T budget estimate cannot exceed the total local budget estimate; check the unit (million VND).',
    },
    {
      code: 'SPEND_WITHIN_ESTIMATE',
      expression: 'SPEND_DISBURSEMENT_RATE <= 100',
      severity: 'warning',
      messageVi:
        'Số chi ngân sách cho KH&CN vượt dự toán được giao; đề nghị xác nhận (ví dụ có kinh phí năm trước chuyển sang).',
      messageEn:
        'State budget S&T spending exceeds the estimate; please confirm (e.g. funds carried over from the previous year).',
    },
    {
      code: 'SPEND_GRDP_PLAUSIBLE',
      expression: 'SPEND_GRDP_SHARE <= 5',
      severity: 'warning',
      messageVi:
        'Tổng chi cho KH&CN vượt 5% GRDP là bất thường; kiểm tra đơn vị tính (chi tính bằng triệu đồng, GRDP bằng tỷ đồng).',
      messageEn:
        'S&T spending above 5% of GRDP is unusual; check the units (spending in million VND, GRDP in billion VND).',
    },
    {
      code: 'FUND_WITHIN_SPENDING',
      expression: 'FUND_DISBURSED <= SPEND_TOTAL',
      severity: 'warning',
      messageVi:
        'Kinh phí Quỹ Phát triển KH&CN đã cấp là một phần của tổng chi cho KH&CN nên thường không lớn hơn tổng chi; đề nghị kiểm tra.',
      messageEn:
        'Fund disbursements are part of total S&T spending and should not normally exceed it; please check.',
    },
    {
      code: 'RD_FEMALE_WITHIN_TOTAL',
      expression: 'RD_PERSONNEL_FEMALE <= RD_PERSONNEL',
      severity: 'error',
      messageVi:
        'Số người làm nghiên cứu và phát triển là nữ không được lớn hơn tổng số người làm nghiên cứu và phát triển.',
      messageEn: 'Female R&D personnel cannot exceed all R&D personnel.',
    },
    {
      code: 'STE_NEW_WITHIN_ACTIVE',
      expression: 'STE_CERT_NEW <= STE_ACTIVE',
      severity: 'warning',
      messageVi:
        'Số giấy chứng nhận doanh nghiệp KH&CN cấp mới lớn hơn số doanh nghiệp KH&CN đang hoạt động cuối kỳ; đề nghị xác nhận (có doanh nghiệp bị thu hồi ngay trong kỳ?).',
      messageEn:
        'More new S&T enterprise certificates than active S&T enterprises at the end of the period; please confirm (revoked within the period?).',
    },
    {
      code: 'SMQ_NONCONFORMING_WITHIN_INSPECTED',
      expression: 'SMQ_GROUP2_LOTS_NONCONFORMING <= SMQ_GROUP2_LOTS_INSPECTED',
      severity: 'error',
      messageVi:
        'Số lô hàng nhóm 2 không đạt không được lớn hơn số lô hàng nhóm 2 được kiểm tra trong kỳ.',
      messageEn: 'Non-conforming group-2 lots cannot exceed the group-2 lots inspected.',
    },
    {
      code: 'ADMIN_ONLINE_WITHIN_TOTAL',
      expression: 'ADMIN_PROCEDURES_ONLINE <= ADMIN_PROCEDURES',
      severity: 'error',
      messageVi:
        'Số thủ tục hành chính trực tuyến toàn trình không được lớn hơn tổng số thủ tục hành chính lĩnh vực KH&CN.',
      messageEn: 'Procedures offered fully online cannot exceed all S&T administrative procedures.',
    },
    {
      code: 'TFP_SHARE_RANGE',
      expression: 'TFP_SHARE_GRDP_GROWTH >= 0 && TFP_SHARE_GRDP_GROWTH <= 100',
      severity: 'warning',
      messageVi:
        'Tỷ trọng đóng góp của TFP vào tăng trưởng GRDP thường nằm trong khoảng 0–100%; đề nghị đối chiếu với số liệu của cơ quan thống kê.',
      messageEn:
        'The TFP contribution to GRDP growth normally lies between 0 and 100%; please check against the statistics office.',
    },
    {
      code: 'PII_SCORE_RANGE',
      expression: 'PII_SCORE >= 0 && PII_SCORE <= 100',
      severity: 'error',
      messageVi: 'Điểm Bộ chỉ số đổi mới sáng tạo cấp địa phương phải nằm trong khoảng 0–100.',
      messageEn: 'The Provincial Innovation Index score must lie between 0 and 100.',
    },
    {
      code: 'PROV_GRDP_POSITIVE',
      expression: 'PROV_GRDP > 0',
      severity: 'error',
      messageVi: 'GRDP theo giá hiện hành phải lớn hơn 0.',
      messageEn: 'GRDP at current prices must be greater than 0.',
    },
    rangeRule('PII_POLICY_SCORE', 100, 'Điểm chính sách thúc đẩy KH,CN&ĐMST', 'The policy score'),
    rangeRule(
      'PCI_LEGAL_INSTITUTIONS',
      10,
      'Chỉ số thành phần PCI thiết chế pháp lý',
      'The PCI legal institutions sub-index',
    ),
    rangeRule(
      'PCI_BUSINESS_SUPPORT',
      10,
      'Chỉ số thành phần PCI hỗ trợ doanh nghiệp',
      'The PCI business support sub-index',
    ),
    rangeRule(
      'PCI_ENTRY_COSTS',
      10,
      'Chỉ số thành phần PCI chi phí gia nhập thị trường',
      'The PCI entry costs sub-index',
    ),
    rangeRule(
      'PCI_PROACTIVITY',
      10,
      'Chỉ số thành phần PCI tính năng động',
      'The PCI proactivity sub-index',
    ),
    rangeRule(
      'PCI_FAIR_COMPETITION',
      10,
      'Chỉ số thành phần PCI cạnh tranh bình đẳng',
      'The PCI fair competition sub-index',
    ),
    rangeRule('PCI_INFRASTRUCTURE', 10, 'Điểm cơ sở hạ tầng chung', 'The infrastructure score'),
    rangeRule('PAR_INDEX', 100, 'Chỉ số cải cách hành chính', 'The PAR Index'),
    rangeRule('DTI_INFRASTRUCTURE', 1, 'Chỉ số thành phần DTI hạ tầng số', 'The DTI sub-index'),
    rangeRule(
      'EDU_EXAM_SCORE',
      10,
      'Điểm trung bình thi tốt nghiệp THPT',
      'The average exam score',
    ),
    rangeRule('HDI', 1, 'Chỉ số phát triển con người', 'The Human Development Index'),
    rangeRule(
      'INDUSTRIAL_LAND_SERVICED_SHARE',
      100,
      'Tỷ lệ đất công nghiệp đã có hạ tầng',
      'The share of serviced industrial land',
    ),
    rangeRule(
      'IZ_PROJECTS_OPERATING_SHARE',
      100,
      'Tỷ lệ dự án đang hoạt động trong khu công nghiệp',
      'The share of operating projects',
    ),
    rangeRule(
      'ENT_TRAINING_SPEND_SHARE',
      100,
      'Tỷ lệ chi đào tạo trong tổng chi của doanh nghiệp',
      'The training spending share',
    ),
    rangeRule(
      'TRAINED_LABOUR_SHARE',
      100,
      'Tỷ lệ lao động đã qua đào tạo',
      'The share of trained workers',
    ),
    withinEnterprises(
      'ENT_WITH_RD',
      'Số doanh nghiệp có hoạt động nghiên cứu và phát triển',
      'Enterprises with R&D',
    ),
    withinEnterprises(
      'ENT_WITH_INNOVATION',
      'Số doanh nghiệp có hoạt động đổi mới sáng tạo',
      'Enterprises with innovation activities',
    ),
    withinEnterprises(
      'ENT_ST_SERVICES',
      'Số doanh nghiệp dịch vụ chuyên môn, KH&CN',
      'Professional and S&T service enterprises',
    ),
    withinEnterprises(
      'ENT_ISO_CERTIFIED',
      'Số doanh nghiệp có chứng chỉ ISO',
      'ISO-certified enterprises',
    ),
    {
      code: 'EMPLOYED_WITHIN_POPULATION',
      expression: 'EMPLOYED <= PROV_POPULATION',
      severity: 'error',
      messageVi:
        'Số lao động có việc làm không được lớn hơn dân số trung bình; cả hai tính bằng nghìn người.',
      messageEn: 'Employed persons cannot exceed the population; both are in thousand persons.',
    },
    {
      code: 'STUDENTS_WITHIN_POPULATION',
      expression: 'EDU_STUDENTS <= PROV_POPULATION * 1000',
      severity: 'error',
      messageVi:
        'Số học sinh, sinh viên không được lớn hơn dân số; dân số tính bằng nghìn người, học sinh tính bằng người.',
      messageEn:
        'Learners cannot outnumber the population; the population is in thousand persons, learners in persons.',
    },
    {
      code: 'STARTUPS_WITHIN_NEW_ENTERPRISES',
      expression: 'INNOV_STARTUP_ENTERPRISES <= PROV_NEW_ENTERPRISES',
      severity: 'warning',
      messageVi:
        'Số doanh nghiệp khởi nghiệp sáng tạo thành lập trong năm thường không lớn hơn số doanh nghiệp thành lập mới; đề nghị kiểm tra.',
      messageEn:
        'Innovative start-ups incorporated in the year should not normally outnumber all new enterprises; please check.',
    },
    {
      code: 'RD_SPENDING_PLAUSIBLE',
      expression: 'RD_SPENDING <= PROV_GRDP * 50',
      severity: 'warning',
      messageVi:
        'Chi cho nghiên cứu và phát triển vượt 5% GRDP là bất thường; kiểm tra đơn vị tính (chi tính bằng triệu đồng, GRDP bằng tỷ đồng).',
      messageEn:
        'R&D spending above 5% of GRDP is unusual; check the units (spending in million VND, GRDP in billion VND).',
    },
  ],
};
