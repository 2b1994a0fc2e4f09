import type {
  ReportIndicator,
  ReportView,
  RuleResult,
} from '../../src/modules/statistics/types.js';

/** Hải Phòng's 2025 draft of a yearly form, open for entry, with the given indicators and rules. */
export function draftReport(
  indicators: ReportIndicator[],
  rules: RuleResult[],
  formCode = 'BM',
): ReportView {
  return {
    id: 'r1',
    form: {
      id: 'f',
      code: formCode,
      nameVi: formCode,
      nameEn: formCode,
      periodType: 'year',
      periodForm: 'statistical',
    },
    unit: { id: '31@2025-07-01', code: '31', nameVi: 'Hải Phòng', nameEn: 'Hai Phong' },
    period: {
      code: '2025',
      labelVi: 'Năm 2025',
      labelEn: '2025',
      start: '2025-01-01',
      end: '2025-12-31',
      opensOn: '2025-12-16',
      deadline: '2026-02-14',
      locksOn: '2026-03-31',
    },
    status: 'draft',
    reopened: false,
    returnComment: null,
    firstSubmittedOn: null,
    timeliness: 'pending',
    editable: true,
    lockReason: null,
    lockMessage: null,
    actions: ['submit'],
    indicators,
    rules,
    blockers: [],
    outliers: [],
    events: [],
  };
}
