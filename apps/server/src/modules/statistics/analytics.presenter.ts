import { formatDateVi, periodLabel } from '@caunoi/shared';
import type { UnitRegistry } from '@caunoi/units';
import { representativeDate } from '../units/units.service.js';
import { MARK } from './analytics.restate.js';
import type { AnalyticsResponse } from './analytics.schemas.js';
import type { AnalyticsEnv, AnalyticsResult } from './analytics.service.js';

/** The line that labels synthetic figures wherever they are shown or exported. */
export const SYNTHETIC_NOTE = 'Số liệu mô phỏng, không phải số liệu báo cáo';

function unitDim(registry: UnitRegistry, id: string, today: string) {
  const unit = registry.require(id);
  const name = registry.nameOn(unit, representativeDate(unit, today));
  return {
    id: unit.id,
    code: unit.code,
    nameVi: name.nameVi,
    nameEn: name.nameEn,
    regionVi: unit.regionVi,
    regionEn: unit.regionEn,
    validFrom: unit.validFrom,
    validTo: unit.validTo,
  };
}

/** How the figures were made, in words, for the answer and the top of every export. */
export function methodNotes(result: {
  boundaries: AnalyticsResult['boundaries'];
  today: string;
  levels: AnalyticsResult['levels'];
  national: boolean;
  synthetic: boolean;
}): string[] {
  const notes: string[] = [];
  if (result.boundaries === 'current') {
    notes.push(
      `Quy đổi theo địa giới các tỉnh, thành phố hiện nay (ngày ${formatDateVi(result.today)}): chỉ tiêu cộng dồn là tổng số liệu của các tỉnh trước sắp xếp đã hợp thành (nhân trọng số phần địa giới); tỷ lệ được tính lại từ tử số và mẫu số đã quy đổi; chỉ tiêu bình quân, chỉ tiêu không tổng hợp, văn bản và Có/Không chỉ quy đổi khi tỉnh không hợp nhất với tỉnh khác. Thiếu số liệu của một tỉnh trước sắp xếp thì không tính số của tỉnh hiện nay.`,
    );
  } else {
    notes.push(
      'Theo đơn vị đã báo cáo: mỗi kỳ do các tỉnh, thành phố có hiệu lực vào ngày cuối kỳ báo cáo (63 tỉnh trước 01/07/2025, 34 tỉnh từ ngày đó).',
    );
  }
  if (result.levels.includes('region') || result.levels.includes('nation')) {
    notes.push(
      'Vùng và cả nước: cộng dồn, bình quân hoặc tính lại tỷ lệ từ các tỉnh, thành phố có số liệu; số tỉnh có số liệu trên số tỉnh phải báo cáo được ghi kèm, thiếu tỉnh nào thì ghi rõ.',
    );
  }
  if (!result.national) {
    notes.push(
      'Tài khoản địa phương: chỉ số liệu của tỉnh, thành phố mình và các tỉnh trước sắp xếp đã hợp thành.',
    );
  }
  if (result.synthetic) notes.push(`${SYNTHETIC_NOTE}: các ô được đánh dấu mô phỏng.`);
  return notes;
}

/** What leaves the server: dimensions once, then the cells by index. */
export function presentAnalytics(env: AnalyticsEnv, result: AnalyticsResult): AnalyticsResponse {
  const { registry, today } = env;
  const { layout } = result;
  const synthetic = layout.marks.includes(MARK.synthetic);
  const unitIds = new Set<string>();
  for (const row of result.rows) if (row.level === 'unit') unitIds.add(row.unit.id);
  for (const note of layout.cellNotes) for (const id of note.missing ?? []) unitIds.add(id);
  const units = [...unitIds].map((id) => unitDim(registry, id, today));
  const byId = new Map(units.map((u) => [u.id, u]));
  return {
    boundaries: result.boundaries,
    asOf: today,
    levels: result.levels,
    scope: result.national ? 'national' : 'province',
    synthetic,
    notes: methodNotes({ ...result, synthetic }),
    indicators: result.items.map(({ key, indicator, option }) => ({
      key,
      code: indicator.code,
      optionCode: option?.code ?? null,
      nameVi: indicator.nameVi,
      nameEn: indicator.nameEn,
      optionNameVi: option?.nameVi ?? null,
      optionNameEn: option?.nameEn ?? null,
      unitVi: indicator.unitVi,
      unitEn: indicator.unitEn,
      valueType: indicator.valueType,
      unitAggregation: indicator.unitAggregation,
      ratio: indicator.ratio ?? null,
    })),
    periods: result.periods.map((p) => ({
      code: p.code,
      type: p.type,
      form: p.form,
      start: p.start,
      end: p.end,
      labelVi: periodLabel(p, 'vi'),
      labelEn: periodLabel(p, 'en'),
    })),
    rows: result.rows.map((row) => {
      switch (row.level) {
        case 'unit': {
          const u = byId.get(row.unit.id)!;
          return {
            level: 'unit' as const,
            key: u.id,
            unitId: u.id,
            code: u.code,
            nameVi: u.nameVi,
            nameEn: u.nameEn,
            regionVi: u.regionVi,
            regionEn: u.regionEn,
          };
        }
        case 'region':
          return {
            level: 'region' as const,
            key: `region:${row.regionVi}`,
            unitId: null,
            code: null,
            nameVi: row.regionVi,
            nameEn: row.regionEn,
            regionVi: row.regionVi,
            regionEn: row.regionEn,
          };
        case 'nation':
          return {
            level: 'nation' as const,
            key: 'nation',
            unitId: null,
            code: null,
            nameVi: 'Cả nước',
            nameEn: 'Whole country',
            regionVi: null,
            regionEn: null,
          };
      }
    }),
    units,
    size: layout.size,
    values: layout.values,
    marks: layout.marks,
    cellNotes: layout.cellNotes,
  };
}
