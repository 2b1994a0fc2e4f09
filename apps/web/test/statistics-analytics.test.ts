import { describe, expect, it } from 'vitest';
import {
  apiParams,
  buildPivot,
  Cube,
  formatValue,
  noteLines,
  pivotCsv,
  queryOf,
  rangeLength,
  URL_KEYS,
  type Labeller,
  type NoteLabels,
  type UrlState,
} from '../src/modules/statistics/analytics/model';
import type { AnalyticsView } from '../src/modules/statistics/analytics/types';

const url = (patch: Partial<UrlState>): UrlState =>
  ({ ...Object.fromEntries(URL_KEYS.map((k) => [k, undefined])), ...patch }) as UrlState;

/** Two indicators × three rows (two provinces, the nation) × two years. */
const view: AnalyticsView = {
  boundaries: 'current',
  asOf: '2025-11-15',
  levels: ['unit', 'nation'],
  scope: 'national',
  synthetic: true,
  notes: [],
  indicators: [
    {
      key: 'TASK_OVERDUE',
      code: 'TASK_OVERDUE',
      optionCode: null,
      nameVi: 'Số nhiệm vụ chậm tiến độ',
      nameEn: 'Overdue tasks',
      optionNameVi: null,
      optionNameEn: null,
      unitVi: 'nhiệm vụ',
      unitEn: 'tasks',
      valueType: 'integer',
      unitAggregation: 'sum',
      ratio: null,
    },
    {
      key: 'BUDGET_ST_SHARE',
      code: 'BUDGET_ST_SHARE',
      optionCode: null,
      nameVi: 'Tỷ lệ chi KH&CN',
      nameEn: 'S&T share',
      optionNameVi: null,
      optionNameEn: null,
      unitVi: '%',
      unitEn: '%',
      valueType: 'percentage',
      unitAggregation: 'ratio',
      ratio: { numerator: 'A', denominator: 'B', factor: 100 },
    },
  ],
  periods: [
    {
      code: '2024',
      type: 'year',
      form: 'statistical',
      start: '2024-01-01',
      end: '2024-12-31',
      labelVi: 'Năm 2024',
      labelEn: '2024',
    },
    {
      code: '2025',
      type: 'year',
      form: 'statistical',
      start: '2025-01-01',
      end: '2025-12-31',
      labelVi: 'Năm 2025',
      labelEn: '2025',
    },
  ],
  rows: [
    {
      level: 'unit',
      key: '31@2025-07-01',
      unitId: '31@2025-07-01',
      code: '31',
      nameVi: 'Hải Phòng',
      nameEn: 'Hai Phong',
      regionVi: 'ĐBSH',
      regionEn: 'RRD',
    },
    {
      level: 'unit',
      key: '37@2025-07-01',
      unitId: '37@2025-07-01',
      code: '37',
      nameVi: 'Ninh Bình',
      nameEn: 'Ninh Binh',
      regionVi: 'ĐBSH',
      regionEn: 'RRD',
    },
    {
      level: 'nation',
      key: 'nation',
      unitId: null,
      code: null,
      nameVi: 'Cả nước',
      nameEn: 'Nation',
      regionVi: null,
      regionEn: null,
    },
  ],
  units: [
    {
      id: '36@2008-08-01',
      code: '36',
      nameVi: 'Nam Định',
      nameEn: 'Nam Dinh',
      regionVi: 'ĐBSH',
      regionEn: 'RRD',
      validFrom: '2008-08-01',
      validTo: '2025-06-30',
    },
  ],
  size: [2, 3, 2],
  // indicator × row × period
  values: [1234.5, 20, null, 30, 1300, 50, 1.5, 2, 0.25, null, 1.2, 1.8],
  marks: '000100100000',
  cellNotes: [
    { at: 2, flags: ['incomplete'], missing: ['36@2008-08-01'] },
    {
      at: 4,
      flags: ['incomplete'],
      coverage: { reported: 33, expected: 34 },
      missing: ['36@2008-08-01'],
    },
  ],
};

const labels: Labeller = {
  indicator: (i) => view.indicators[i]!.nameVi,
  measure: (i) => view.indicators[i]!.unitVi,
  row: (r) => view.rows[r]!.nameVi,
  period: (p) => view.periods[p]!.labelVi,
};
const noteLabels: NoteLabels = {
  flag: (f) => (f === 'incomplete' ? 'Thiếu số liệu' : f),
  missing: (names) => `Chưa có số liệu của: ${names}`,
  coverage: (r, e) => `Có số liệu: ${r}/${e} tỉnh`,
  synthetic: 'Số liệu mô phỏng',
};

describe('the analytics query in the address bar', () => {
  it('defaults to the last seven years, every unit, as reported, all levels', () => {
    const q = queryOf(url({ ind: 'TASK_OVERDUE' }), 2025);
    expect(q).toMatchObject({
      indicators: ['TASK_OVERDUE'],
      periodType: 'year',
      from: '2019',
      to: '2025',
      units: [],
      region: null,
      boundaries: 'as-reported',
      levels: ['unit', 'region', 'nation'],
    });
    expect(apiParams(q, [])).toEqual({
      indicators: 'TASK_OVERDUE',
      periods: '2019..2025',
      boundaries: 'as-reported',
      levels: 'unit,region,nation',
    });
  });

  it('reads quarters, the chosen units and current boundaries; drops a period of another type', () => {
    const q = queryOf(
      url({
        ind: 'A,B.X',
        pt: 'quarter',
        from: '2024Q2',
        to: '2025',
        b: 'current',
        lv: 'nation,unit',
      }),
      2025,
    );
    expect(q.from).toBe('2024Q2');
    expect(q.to).toBe('2025Q4');
    expect(q.levels).toEqual(['unit', 'nation']);
    expect(apiParams(q, ['31@2025-07-01'])).toEqual({
      indicators: 'A,B.X',
      periods: '2024Q2..2025Q4',
      boundaries: 'current',
      levels: 'unit,nation',
      units: '31@2025-07-01',
    });
    expect(rangeLength(q)).toBe(7);
  });

  it('asks nothing without an indicator or with a range that ends before it starts', () => {
    expect(apiParams(queryOf(url({}), 2025), [])).toBeNull();
    const backwards = queryOf(url({ ind: 'A', from: '2025', to: '2019' }), 2025);
    expect(rangeLength(backwards)).toBe(0);
    expect(apiParams(backwards, [])).toBeNull();
  });
});

describe('the cells of an answer', () => {
  const cube = new Cube(view);

  it('reads values, marks and notes in indicator × row × period order', () => {
    expect(cube.cell(0, 0, 0).value).toBe(1234.5);
    expect(cube.cell(0, 1, 1).synthetic).toBe(true);
    expect(cube.cell(1, 0, 1).value).toBe(2);
    expect(cube.cell(0, 2, 0).note?.coverage).toEqual({ reported: 33, expected: 34 });
  });

  it('writes numbers the Vietnamese way and explains a flagged cell with the province names', () => {
    expect(formatValue(1234.5, 'vi', { yes: 'Có', no: 'Không' })).toBe('1.234,5');
    expect(formatValue(1234.5, 'en', { yes: 'Yes', no: 'No' })).toBe('1,234.5');
    expect(formatValue(true, 'vi', { yes: 'Có', no: 'Không' })).toBe('Có');
    expect(noteLines(cube, cube.cell(0, 2, 0), 'vi', noteLabels)).toEqual([
      'Thiếu số liệu',
      'Chưa có số liệu của: Nam Định',
      'Có số liệu: 33/34 tỉnh',
    ]);
    expect(noteLines(cube, cube.cell(0, 1, 1), 'vi', noteLabels)).toEqual(['Số liệu mô phỏng']);
  });
});

describe('the pivot', () => {
  const cube = new Cube(view);

  it('puts periods across and indicators × units down, the outer label spanning its group', () => {
    const pivot = buildPivot(view, 'period');
    expect(pivot.rows).toEqual(['indicator', 'row']);
    expect(pivot.lines).toHaveLength(6);
    expect(pivot.lines.map((l) => l.outerSpan)).toEqual([3, 0, 0, 3, 0, 0]);
    expect(pivot.lines[1]!.cells).toEqual([
      [0, 1, 0],
      [0, 1, 1],
    ]);
  });

  it('puts units across when asked', () => {
    const pivot = buildPivot(view, 'row');
    expect(pivot.rows).toEqual(['indicator', 'period']);
    expect(pivot.columnCount).toBe(3);
    expect(pivot.lines[0]!.cells.map(([i, r, p]) => cube.cell(i, r, p).value)).toEqual([
      1234.5,
      null,
      1300,
    ]);
  });

  it('exports the table as shown, synthetic and flagged figures marked with their legends', () => {
    const csv = pivotCsv(cube, buildPivot(view, 'period'), labels, {
      title: 'BẢNG PHÂN TÍCH',
      queryLines: ['Địa giới: Theo địa giới hiện nay'],
      dimension: (d) => ({ indicator: 'Chỉ tiêu', row: 'Đơn vị', period: 'Kỳ' })[d],
      syntheticLegend: '* Số liệu mô phỏng, không phải số liệu báo cáo',
      flaggedLegend: '† Ô có ghi chú',
      yesNo: { yes: 'Có', no: 'Không' },
    });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.slice(0, 5)).toEqual([
      'BẢNG PHÂN TÍCH',
      'Địa giới: Theo địa giới hiện nay',
      '"* Số liệu mô phỏng, không phải số liệu báo cáo"',
      '† Ô có ghi chú',
      '',
    ]);
    expect(lines[5]).toBe('Chỉ tiêu,Đơn vị,Năm 2024,Năm 2025');
    expect(lines[6]).toBe('Số nhiệm vụ chậm tiến độ (nhiệm vụ),Hải Phòng,1234.5,20');
    expect(lines[7]).toBe('Số nhiệm vụ chậm tiến độ (nhiệm vụ),Ninh Bình,†,30 *');
    expect(lines[8]).toBe('Số nhiệm vụ chậm tiến độ (nhiệm vụ),Cả nước,1300 †,50');
  });
});
