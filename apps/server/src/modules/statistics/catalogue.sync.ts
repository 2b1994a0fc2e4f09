import type { IndicatorCatalogue, PeriodForm, PeriodType } from '@caunoi/shared';
import type { WriteScope } from '../../core/context.js';
import {
  statDisaggregationOptions,
  statDisaggregations,
  statFormIndicators,
  statForms,
  statFormUnits,
  statIndicatorGroups,
  statIndicators,
  statRules,
  units,
} from '../../db/schema.js';
import { STARTER_CATALOGUE } from '../../seed/indicator-catalogue.js';
import { PII_FORM_CODE, piiFormIndicators } from '../../seed/pii-framework.js';
import { indicatorToRow } from './catalogue.repo.js';

/** A form shipped with the product; the Ministry may change or retire it afterwards. */
interface StarterForm {
  code: string;
  nameVi: string;
  nameEn: string;
  description: string;
  periodType: PeriodType;
  periodForm: PeriodForm;
  opensAfterDays: number;
  deadlineAfterDays: number;
  locksAfterDays: number;
  firstPeriod: string;
  /** Indicator groups whose indicators the form carries (all when absent). */
  groups?: string[];
  /** The indicators the form carries, in order, when they are not whole groups. */
  indicators?: (catalogue: IndicatorCatalogue) => string[];
}

/** The groups of the annual statistics: all but the index's inputs, which have their own form. */
const ANNUAL_GROUPS = STARTER_CATALOGUE.groups.map((g) => g.code).filter((g) => g !== 'PII');

export const STARTER_FORMS: StarterForm[] = [
  {
    code: 'BM-KHCN-NAM',
    nameVi: 'Báo cáo thống kê KH,CN&ĐMST năm của địa phương',
    nameEn: 'Annual provincial S&T and innovation statistics',
    description:
      'Số liệu năm của Sở KH&CN gửi Bộ Khoa học và Công nghệ: nhiệm vụ, kinh phí, tổ chức và nhân lực, doanh nghiệp KH&CN, sở hữu trí tuệ, tiêu chuẩn - đo lường - chất lượng, an toàn bức xạ, công nghệ, đổi mới sáng tạo, năng suất và cải cách hành chính.',
    periodType: 'year',
    periodForm: 'statistical',
    opensAfterDays: -15,
    deadlineAfterDays: 45,
    locksAfterDays: 90,
    firstPeriod: '2019',
    groups: ANNUAL_GROUPS,
  },
  {
    code: 'BM-KHCN-6T',
    nameVi: 'Báo cáo định kỳ 6 tháng về hoạt động KH&CN (kỳ báo cáo hành chính)',
    nameEn: 'Half-yearly S&T activity report (administrative period)',
    description:
      'Báo cáo định kỳ 6 tháng theo Nghị định 09/2019/NĐ-CP: số liệu chốt từ ngày 15 tháng trước kỳ đến ngày 14 tháng cuối kỳ.',
    periodType: 'half',
    periodForm: 'administrative',
    opensAfterDays: -5,
    deadlineAfterDays: 6,
    locksAfterDays: 30,
    firstPeriod: '2024H1-AD',
    groups: ['TASKS', 'IP', 'SMQ', 'TECHNOLOGY'],
  },
  {
    code: PII_FORM_CODE,
    nameVi: 'Số liệu đầu vào Bộ chỉ số ĐMST cấp địa phương',
    nameEn: 'Inputs of the Provincial Innovation Index',
    description:
      'Số liệu năm dùng để tính Bộ chỉ số đổi mới sáng tạo cấp địa phương (PII): chỉ số thành phần PCI, PAR Index, DTI, dân số, doanh nghiệp, giáo dục, nghiên cứu và phát triển, tín dụng, đầu tư, sở hữu trí tuệ, năng suất và phát triển con người, theo số liệu cơ quan thống kê và các cơ quan công bố; khung chỉ số đi kèm là khung minh họa.',
    periodType: 'year',
    periodForm: 'statistical',
    opensAfterDays: 0,
    deadlineAfterDays: 75,
    locksAfterDays: 120,
    firstPeriod: '2023',
    // The index's own inputs only: a figure the annual form also collects (R&D personnel, IP
    // applications, GRDP…) is read from the annual report, accepted there or not at all, since a
    // value belongs to its indicator, unit and period whatever the form.
    indicators: (catalogue) =>
      piiFormIndicators(
        new Map(catalogue.indicators.flatMap((i) => (i.ratio ? [[i.code, i.ratio]] : []))),
      ).filter((code) => catalogue.indicators.find((i) => i.code === code)?.group === 'PII'),
  },
];

export interface CatalogueSyncResult {
  indicatorsAdded: number;
  rulesAdded: number;
  formsAdded: number;
}

/**
 * Adds to the database what the starter catalogue has and it lacks (an upgrade's new indicators
 * and rules). Nothing stored is ever overwritten: the Ministry may have edited a definition since.
 */
export async function syncStarterCatalogue({
  tx,
  audit,
}: WriteScope): Promise<CatalogueSyncResult> {
  const c = STARTER_CATALOGUE;
  const firstInstall =
    (await tx.select({ code: statIndicatorGroups.code }).from(statIndicatorGroups).limit(1))
      .length === 0;
  await tx
    .insert(statIndicatorGroups)
    .values(c.groups.map((g, i) => ({ ...g, sortOrder: i + 1 })))
    .onConflictDoNothing();
  await tx
    .insert(statDisaggregations)
    .values(c.disaggregations.map((d) => ({ code: d.code, nameVi: d.nameVi, nameEn: d.nameEn })))
    .onConflictDoNothing();
  await tx
    .insert(statDisaggregationOptions)
    .values(
      c.disaggregations.flatMap((d) =>
        d.options.map((o, i) => ({ ...o, disaggregationCode: d.code, sortOrder: i + 1 })),
      ),
    )
    .onConflictDoNothing();
  const addedIndicators = await tx
    .insert(statIndicators)
    .values(c.indicators.map((ind, i) => indicatorToRow(ind, i + 1)))
    .onConflictDoNothing()
    .returning({ code: statIndicators.code });
  const addedRules = await tx
    .insert(statRules)
    .values(c.rules.map((r) => ({ ...r, scopeFormCodes: null, scopeUnitIds: null })))
    .onConflictDoNothing()
    .returning({ code: statRules.code });
  for (const added of [
    ...addedIndicators.map((a) => ({ type: 'stat_indicator', code: a.code })),
    ...addedRules.map((a) => ({ type: 'stat_rule', code: a.code })),
  ]) {
    await audit({ entityType: added.type, entityId: added.code, action: 'reference_create' });
  }

  // The starter forms come with the first installation only: a form the Ministry retired or
  // deleted later is never put back.
  const allUnits = firstInstall ? await tx.select({ id: units.id }).from(units) : [];
  let formsAdded = 0;
  for (const form of firstInstall ? STARTER_FORMS : []) {
    const { groups, indicators: pick, ...fields } = form;
    const [created] = await tx
      .insert(statForms)
      .values(fields)
      .onConflictDoNothing()
      .returning({ id: statForms.id });
    if (!created) continue;
    formsAdded++;
    const codes = pick
      ? pick(c)
      : c.indicators.filter((i) => !groups || groups.includes(i.group)).map((i) => i.code);
    await tx
      .insert(statFormIndicators)
      .values(
        codes.map((code, n) => ({ formId: created.id, indicatorCode: code, sortOrder: n + 1 })),
      );
    // Every province reports, before and after the reform: the reporters of a period are the
    // assigned units that exist on its last day.
    await tx
      .insert(statFormUnits)
      .values(allUnits.map((u) => ({ formId: created.id, unitId: u.id })));
    await audit({
      entityType: 'stat_form',
      entityId: created.id,
      action: 'reference_create',
      after: { ...fields, indicators: codes, units: allUnits.length },
    });
  }
  return {
    indicatorsAdded: addedIndicators.length,
    rulesAdded: addedRules.length,
    formsAdded,
  };
}
