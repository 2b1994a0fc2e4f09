import { describe, expect, it } from 'vitest';
import {
  INDICATOR_CODE,
  evaluateRule,
  parseRule,
  type IndicatorDefinition,
  type RuleOutcome,
} from '@caunoi/shared';
import { STARTER_CATALOGUE } from '../../src/seed/indicator-catalogue.js';

const { groups, disaggregations, indicators, rules } = STARTER_CATALOGUE;
const byCode = new Map(indicators.map((i) => [i.code, i]));
const indicator = (code: string): IndicatorDefinition => {
  const found = byCode.get(code);
  if (!found) throw new Error(`no indicator ${code}`);
  return found;
};
const optionsOf = (code: string): string[] =>
  disaggregations
    .find((d) => d.code === byCode.get(code)?.disaggregation)
    ?.options.map((o) => o.code) ?? [];
/** Whether `CODE` or `CODE.OPTION` names a value of the catalogue. */
const resolves = (ref: string): boolean => {
  const [code, option, extra] = ref.split('.');
  if (extra !== undefined || !byCode.has(code!)) return false;
  return option === undefined || optionsOf(code!).includes(option);
};
const isNumeric = (i: IndicatorDefinition) => i.valueType !== 'text' && i.valueType !== 'boolean';
const duplicates = (codes: string[]) => codes.filter((c, i) => codes.indexOf(c) !== i);

/**
 * Values as the platform derives them: a disaggregated indicator's total from its options, a
 * ratio from its numerator and denominator.
 */
function lookupIn(values: Record<string, number>) {
  const get = (ref: string): number | null => {
    if (ref in values) return values[ref]!;
    const i = byCode.get(ref);
    if (i?.disaggregation) {
      const parts = optionsOf(ref)
        .map((o) => values[`${ref}.${o}`])
        .filter((v) => v !== undefined);
      return parts.length === 0 ? null : parts.reduce((a, b) => a + b, 0);
    }
    if (i?.ratio) {
      const n = get(i.ratio.numerator);
      const d = get(i.ratio.denominator);
      return n === null || d === null || d === 0 ? null : (n / d) * i.ratio.factor;
    }
    return null;
  };
  return get;
}

function check(values: Record<string, number>): Record<string, RuleOutcome['status']> {
  const lookup = lookupIn(values);
  return Object.fromEntries(
    rules.map((r) => [r.code, evaluateRule(parseRule(r.expression), lookup).status]),
  );
}

/** What the source articles say provinces achieved, and where each figure is reported. */
const ARTICLE_FIGURES: Array<[figure: string, ref: string]> = [
  ['Nam Định: 45 quy trình công nghệ được tiếp nhận, ứng dụng', 'TECH_PROCESSES_APPLIED'],
  ['Nam Định: 15 mô hình ứng dụng tiến bộ KH&CN', 'TECH_MODELS_BUILT'],
  ['Nam Định: 05 nhãn hiệu tập thể/nhãn hiệu chứng nhận', 'IP_COMMUNITY_MARKS_SUPPORTED'],
  ['Nam Định: hỗ trợ đăng ký bảo hộ cho sản phẩm OCOP', 'IP_OCOP_MARKS_SUPPORTED'],
  ['Nam Định: dự án đầu tư được thẩm định công nghệ', 'TECH_PROJECTS_APPRAISED'],
  ['Hải Phòng: hơn 20 quyết định, chương trình, kế hoạch', 'POLICY_DOCUMENTS_ISSUED'],
  ['Hải Phòng: TFP đóng góp 40,43% (2020), 41% (2021)', 'TFP_SHARE_GRDP_GROWTH'],
  [
    'Hải Phòng: hơn 30 doanh nghiệp xây dựng lộ trình đổi mới công nghệ',
    'TECH_ROADMAP_ENTERPRISES',
  ],
  ['Hải Phòng: 8 doanh nghiệp dự án ứng dụng, sản xuất thử nghiệm', 'TECH_PILOT_ENTERPRISES'],
  ['Hải Phòng: 9 dự án phát triển tài sản trí tuệ', 'IP_DEVELOPMENT_PROJECTS'],
  ['Hải Phòng: 4 doanh nghiệp xây dựng đề án chuyển đổi số', 'TECH_DIGITAL_ENTERPRISES'],
  ['Hải Phòng: 15 dự án nâng cao năng suất chất lượng', 'PRODUCTIVITY_PROJECTS'],
  ['Hải Phòng: 10 đơn vị hỗ trợ phát triển thành doanh nghiệp KH&CN', 'STE_SUPPORT_SELECTED'],
  ['Hải Phòng: cấp mới 11 Giấy chứng nhận doanh nghiệp KH&CN', 'STE_CERT_NEW'],
  ['Hải Phòng: 100% TTHC dịch vụ công trực tuyến mức độ 4', 'ADMIN_ONLINE_SHARE'],
  ['Hội nghị tổng kết: 40 nhiệm vụ KH&CN cấp tỉnh', 'TASK_IMPLEMENTED.TINH'],
  ['Hội nghị tổng kết: 28 nhiệm vụ cấp cơ sở', 'TASK_IMPLEMENTED.CO_SO'],
  ['Hội nghị tổng kết: 120 lượt hỗ trợ hồ sơ sở hữu công nghiệp', 'IP_DOSSIERS_SUPPORTED'],
  ['Hội nghị tổng kết: 5 doanh nghiệp hướng dẫn thành lập DN KH&CN', 'STE_GUIDED'],
  ['Hội nghị tổng kết: trên 1.000 lô hàng nhóm 2 được kiểm tra', 'SMQ_GROUP2_LOTS_INSPECTED'],
  ['Hội nghị tổng kết: 6.000 phương tiện đo', 'SMQ_INSTRUMENTS_VERIFIED'],
  ['Hội nghị tổng kết: trên 13.000 công tơ điện, nước', 'SMQ_METERS_VERIFIED'],
  ['Hội nghị tổng kết: công tơ điện', 'SMQ_METERS_VERIFIED.CONG_TO_DIEN'],
  ['Hội nghị tổng kết: đồng hồ nước', 'SMQ_METERS_VERIFIED.DONG_HO_NUOC'],
  ['Hội nghị Giám đốc Sở: Bộ chỉ số ĐMST cấp địa phương', 'PII_SCORE'],
  ['Thừa Thiên Huế: cuộc thi, diễn đàn khởi nghiệp ĐMST', 'INNOV_EVENTS'],
];

/** A year-end report built from the articles' figures, with consistent context values. */
const REPORTED: Record<string, number> = {
  'TASK_IMPLEMENTED.TINH': 40,
  'TASK_IMPLEMENTED.CO_SO': 28,
  'TASK_STARTED.TINH': 12,
  'TASK_STARTED.CO_SO': 20,
  'TASK_ACCEPTED.TINH': 15,
  TASK_OVERDUE: 3,
  IP_DOSSIERS_SUPPORTED: 120,
  STE_GUIDED: 5,
  STE_CERT_NEW: 11,
  STE_ACTIVE: 38,
  SMQ_GROUP2_LOTS_INSPECTED: 1000,
  SMQ_GROUP2_LOTS_NONCONFORMING: 4,
  SMQ_INSTRUMENTS_VERIFIED: 6000,
  'SMQ_METERS_VERIFIED.CONG_TO_DIEN': 9000,
  'SMQ_METERS_VERIFIED.DONG_HO_NUOC': 4000,
  TFP_INCREASE: 4043,
  GRDP_INCREASE: 10_000,
  ADMIN_PROCEDURES: 58,
  ADMIN_PROCEDURES_ONLINE: 58,
  'BUDGET_ST_ESTIMATE.DAU_TU_PHAT_TRIEN': 30_000,
  'BUDGET_ST_ESTIMATE.SU_NGHIEP': 70_000,
  PROV_BUDGET_EXPENDITURE: 25_000_000,
  'SPEND_STATE.DAU_TU_PHAT_TRIEN': 25_000,
  'SPEND_STATE.SU_NGHIEP': 65_000,
  'SPEND_TOTAL.NSNN': 90_000,
  'SPEND_TOTAL.NGOAI_NSNN': 410_000,
  PROV_GRDP: 400_000,
  FUND_DISBURSED: 8_000,
  PII_SCORE: 52.4,
};

describe('starter indicator catalogue', () => {
  it('has about a hundred indicators in about ten groups, the index’s inputs among them', () => {
    expect(indicators.length).toBeGreaterThanOrEqual(85);
    expect(indicators.length).toBeLessThanOrEqual(110);
    expect(indicators.filter((i) => i.group === 'PII').length).toBeGreaterThanOrEqual(30);
    expect(groups.length).toBeGreaterThanOrEqual(9);
    expect(rules.length).toBeGreaterThanOrEqual(12);
  });

  it('uses unique codes that validation rules can reference', () => {
    const all = [
      groups.map((g) => g.code),
      disaggregations.map((d) => d.code),
      indicators.map((i) => i.code),
      rules.map((r) => r.code),
      ...disaggregations.map((d) => d.options.map((o) => o.code)),
    ];
    for (const codes of all) {
      expect(duplicates(codes)).toEqual([]);
      for (const code of codes) expect(code).toMatch(INDICATOR_CODE);
    }
  });

  it('files every indicator under an existing group and leaves no group empty', () => {
    const groupCodes = groups.map((g) => g.code);
    expect(indicators.filter((i) => !groupCodes.includes(i.group)).map((i) => i.code)).toEqual([]);
    expect(groupCodes.filter((g) => !indicators.some((i) => i.group === g))).toEqual([]);
  });

  it('disaggregates only summed numbers, by existing disaggregations', () => {
    const codes = disaggregations.map((d) => d.code);
    for (const i of indicators.filter((x) => x.disaggregation !== undefined)) {
      expect(codes, i.code).toContain(i.disaggregation);
      expect(i.unitAggregation, i.code).toBe('sum');
      expect(['integer', 'decimal'], i.code).toContain(i.valueType);
    }
    for (const d of disaggregations) expect(d.options.length, d.code).toBeGreaterThanOrEqual(2);
  });

  it('computes every ratio from two additive indicators of the catalogue', () => {
    const ratios = indicators.filter((i) => i.unitAggregation === 'ratio');
    expect(ratios.length).toBeGreaterThanOrEqual(4);
    expect(
      indicators.filter((i) => (i.ratio !== undefined) !== (i.unitAggregation === 'ratio')),
    ).toEqual([]);
    for (const i of ratios) {
      const { numerator, denominator, factor } = i.ratio!;
      for (const part of [numerator, denominator]) {
        expect(part, i.code).not.toBe(i.code);
        const component = indicator(part);
        expect(isNumeric(component), `${i.code} → ${part}`).toBe(true);
        expect(component.unitAggregation, `${i.code} → ${part}`).toBe('sum');
      }
      expect(factor, i.code).toBeGreaterThan(0);
      expect(i.valueType, i.code).toBe('percentage');
    }
  });

  it('never adds up text, yes/no answers or percentages', () => {
    for (const i of indicators.filter((x) => !isNumeric(x))) {
      expect(i.unitAggregation, i.code).toBe('none');
      expect(['last', 'none'], i.code).toContain(i.periodAggregation);
    }
    for (const i of indicators.filter((x) => x.valueType === 'percentage')) {
      expect(['ratio', 'mean', 'none'], i.code).toContain(i.unitAggregation);
    }
  });

  it('defines every indicator in full sentences, with unit, source and legal basis', () => {
    for (const i of indicators) {
      expect(i.definitionVi.length, i.code).toBeGreaterThanOrEqual(40);
      expect(i.definitionVi, i.code).toMatch(/[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i);
      expect(i.definitionVi.trim(), i.code).toMatch(/\.$/);
      expect(i.definitionEn.length, i.code).toBeGreaterThanOrEqual(40);
      expect(i.definitionEn.trim(), i.code).toMatch(/\.$/);
      for (const field of [i.nameVi, i.nameEn, i.unitVi, i.unitEn, i.sourceVi, i.legalBasis]) {
        expect(field.trim(), i.code).not.toBe('');
      }
    }
    expect(indicators.filter((i) => i.evidenceRequired).length).toBeGreaterThanOrEqual(3);
  });

  it('has rules that parse and reference only numeric values of the catalogue', () => {
    for (const r of rules) {
      const parsed = parseRule(r.expression);
      expect(
        parsed.references.filter((ref) => !resolves(ref)),
        r.code,
      ).toEqual([]);
      for (const ref of parsed.references) {
        expect(isNumeric(indicator(ref.split('.')[0]!)), `${r.code}: ${ref}`).toBe(true);
      }
      expect(['error', 'warning']).toContain(r.severity);
      expect(r.messageVi.length, r.code).toBeGreaterThanOrEqual(20);
      expect(r.messageEn.length, r.code).toBeGreaterThanOrEqual(20);
    }
  });

  it.each(ARTICLE_FIGURES)('reports “%s” as %s', (_figure, ref) => {
    expect(resolves(ref)).toBe(true);
    expect(isNumeric(indicator(ref.split('.')[0]!))).toBe(true);
  });

  it('reproduces the published shares from their components', () => {
    const lookup = lookupIn(REPORTED);
    expect(lookup('TFP_SHARE_GRDP_GROWTH')).toBeCloseTo(40.43, 6);
    expect(lookup('ADMIN_ONLINE_SHARE')).toBe(100);
    expect(lookup('BUDGET_ST_SHARE')).toBeCloseTo(0.4, 6);
    // 500 billion VND of S&T spending in a GRDP of 400,000 billion VND.
    expect(lookup('SPEND_GRDP_SHARE')).toBeCloseTo(0.125, 6);
    expect(lookup('TASK_IMPLEMENTED')).toBe(68);
    expect(lookup('SMQ_METERS_VERIFIED')).toBe(13_000);
  });

  it('accepts a consistent report built from the articles’ figures', () => {
    const outcomes = check(REPORTED);
    expect(Object.entries(outcomes).filter(([, s]) => s === 'failed')).toEqual([]);
    expect(outcomes.SPEND_STATE_MATCHES_SOURCE).toBe('passed');
    expect(outcomes.TASK_STARTED_PROVINCIAL).toBe('passed');
    expect(outcomes.TFP_SHARE_RANGE).toBe('passed');
  });

  it('flags the inconsistencies reporters actually make', () => {
    const failed = (changes: Record<string, number>) =>
      Object.entries(check({ ...REPORTED, ...changes }))
        .filter(([, s]) => s === 'failed')
        .map(([code]) => code);
    expect(failed({ 'TASK_STARTED.TINH': 41 })).toEqual(['TASK_STARTED_PROVINCIAL']);
    expect(failed({ 'SPEND_TOTAL.NSNN': 95_000 })).toEqual(['SPEND_STATE_MATCHES_SOURCE']);
    // Spending typed in thousands of VND instead of millions.
    expect(failed({ 'SPEND_TOTAL.NGOAI_NSNN': 410_000_000 })).toEqual(['SPEND_GRDP_PLAUSIBLE']);
    expect(failed({ SMQ_GROUP2_LOTS_NONCONFORMING: 1001 })).toEqual([
      'SMQ_NONCONFORMING_WITHIN_INSPECTED',
    ]);
    expect(failed({ ADMIN_PROCEDURES_ONLINE: 59 })).toEqual(['ADMIN_ONLINE_WITHIN_TOTAL']);
    const severity = (code: string) => rules.find((r) => r.code === code)?.severity;
    expect(severity('SPEND_STATE_MATCHES_SOURCE')).toBe('error');
    expect(severity('SPEND_GRDP_PLAUSIBLE')).toBe('warning');
  });
});
