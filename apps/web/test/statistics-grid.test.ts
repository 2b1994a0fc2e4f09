import { describe, expect, it } from 'vitest';
import {
  batchOf,
  cellKeyOf,
  cellMarks,
  checkTyped,
  editText,
  errorsByKey,
  gridRows,
  liveState,
  parsedRules,
  pastedColumn,
  pasteTargets,
  sameAsStored,
  withEdit,
  type PendingCell,
} from '../src/modules/statistics/grid/model';
import type { ReportIndicator, RuleResult } from '../src/modules/statistics/types';
import { draftReport } from './support/report-view';

const yesNo = { yes: 'Có', no: 'Không' };
const key = (indicatorCode: string, optionCode = '') => cellKeyOf({ indicatorCode, optionCode });

const stored = (num: number | null, comment: string | null = null) => ({
  id: `v-${num}`,
  num,
  txt: null,
  comment,
  synthetic: false,
  channel: 'grid' as const,
  updatedBy: 'hp.chuyenvien',
  updatedAt: '2026-01-20T02:00:00.000Z',
  evidenceCount: 0,
});

function indicator(
  code: string,
  options: Array<[string, number | null]> | number | null,
  extra: Partial<ReportIndicator> = {},
): ReportIndicator {
  const cells = Array.isArray(options)
    ? options.map(([o, n]) => ({
        optionCode: o,
        optionNameVi: o,
        optionNameEn: o,
        value: n === null ? null : stored(n),
      }))
    : [
        {
          optionCode: '',
          optionNameVi: null,
          optionNameEn: null,
          value: options === null ? null : stored(options),
        },
      ];
  return {
    code,
    group: 'TASKS',
    nameVi: code,
    nameEn: code,
    definitionVi: '',
    unitVi: 'nhiệm vụ',
    unitEn: 'tasks',
    valueType: 'integer',
    unitAggregation: 'sum',
    ratio: null,
    evidenceRequired: false,
    derived: null,
    cells,
    ...extra,
  };
}

function rule(code: string, expression: string, severity: 'error' | 'warning'): RuleResult {
  const cells = [...expression.matchAll(/[A-Z][A-Z0-9_]*(\.[A-Z0-9_]+)?/g)].map((m) => {
    const [indicatorCode = '', optionCode = ''] = m[0].split('.');
    return { indicatorCode, optionCode };
  });
  return {
    code,
    expression,
    severity,
    messageVi: `Vi phạm ${code}`,
    messageEn: code,
    status: 'passed',
    left: null,
    right: null,
    cells,
  };
}

const view = (indicators: ReportIndicator[], rules: RuleResult[]) => draftReport(indicators, rules);

const TASKS = [
  indicator('TASK_IMPLEMENTED', [
    ['TINH', 40],
    ['CO_SO', 28],
  ]),
  indicator('TASK_STARTED', [
    ['TINH', 12],
    ['CO_SO', null],
  ]),
  indicator('FUND_DISBURSED', null, { valueType: 'decimal' }),
  indicator('TFP_INCREASE', 4.1, { valueType: 'decimal', group: 'OUTCOMES' }),
  indicator('GRDP_INCREASE', 10, { valueType: 'decimal', group: 'OUTCOMES' }),
  indicator('TFP_SHARE', null, {
    valueType: 'percentage',
    unitAggregation: 'ratio',
    ratio: { numerator: 'TFP_INCREASE', denominator: 'GRDP_INCREASE', factor: 100 },
    group: 'OUTCOMES',
  }),
];
const RULES = [
  rule('GRASSROOTS', 'TASK_STARTED.CO_SO <= TASK_IMPLEMENTED.CO_SO', 'error'),
  rule('WITHIN', 'TASK_STARTED <= TASK_IMPLEMENTED', 'error'),
  rule('FUND', 'FUND_DISBURSED <= 100', 'warning'),
];
const texts = { rule: (r: RuleResult) => r.messageVi, outlier: () => 'bất thường' };

describe('the rows of the entry grid', () => {
  it('groups indicators, gives a disaggregated indicator a total line, and numbers the typed cells', () => {
    const rows = gridRows(TASKS, [{ code: 'TASKS', nameVi: 'Nhiệm vụ', nameEn: 'Tasks' }], 'vi');
    expect(rows.map((r) => (r.kind === 'cell' ? `${r.kind}:${r.position}` : r.kind))).toEqual([
      'group',
      'total',
      'cell:0',
      'cell:1',
      'total',
      'cell:2',
      'cell:3',
      'cell:4',
      'group',
      'cell:5',
      'cell:6',
      'cell:7',
    ]);
    expect(rows[0]).toMatchObject({ kind: 'group', name: 'Nhiệm vụ' });
    // A group missing from the catalogue is shown by its code rather than dropped.
    expect(rows[8]).toMatchObject({ kind: 'group', name: 'OUTCOMES' });
  });
});

describe('typed values', () => {
  it('reads Vietnamese and English notation as the server does, and shows Vietnamese', () => {
    expect(checkTyped('1.234,5', 'decimal', yesNo)).toEqual({
      ok: true,
      shown: '1.234,5',
      blank: false,
    });
    expect(checkTyped('1,234.5', 'decimal', yesNo)).toMatchObject({ ok: true, shown: '1.234,5' });
    expect(checkTyped('1.234', 'integer', yesNo)).toMatchObject({ ok: true, shown: '1.234' });
    expect(checkTyped('1.234', 'decimal', yesNo)).toMatchObject({
      ok: false,
      code: 'AMBIGUOUS_SEPARATOR',
    });
    expect(checkTyped('2,5', 'integer', yesNo)).toMatchObject({
      ok: false,
      code: 'NOT_AN_INTEGER',
    });
    expect(checkTyped('có', 'boolean', yesNo)).toMatchObject({ ok: true, shown: 'Có' });
    expect(checkTyped(null, 'decimal', yesNo)).toEqual({ ok: true, shown: '', blank: true });
  });

  it('starts an edit from text that reads back to the same number, whatever the type', () => {
    const v = { num: 1234.5, txt: null };
    expect(editText(v, 'decimal', yesNo)).toBe('1234,5');
    expect(
      checkTyped(editText({ num: 1234, txt: null }, 'decimal', yesNo), 'decimal', yesNo),
    ).toMatchObject({
      ok: true,
      shown: '1.234',
    });
  });

  it('drops an edit that brings a cell back to its stored value, keeping blank apart from zero', () => {
    expect(sameAsStored('40', { num: 40, txt: null }, 'integer')).toBe(true);
    expect(sameAsStored('40,0', { num: 40, txt: null }, 'decimal')).toBe(true);
    expect(sameAsStored(null, { num: 0, txt: null }, 'integer')).toBe(false);
    expect(sameAsStored('0', null, 'integer')).toBe(false);
    expect(sameAsStored(null, null, 'integer')).toBe(true);

    let pending: Map<string, PendingCell> = withEdit(
      new Map(),
      'a',
      { value: '41' },
      { value: false, comment: false },
    );
    pending = withEdit(pending, 'a', { comment: 'giải trình' }, { value: false, comment: false });
    expect(pending.get('a')).toEqual({ value: '41', comment: 'giải trình' });
    pending = withEdit(pending, 'a', { value: '40' }, { value: true, comment: false });
    expect(pending.get('a')).toEqual({ comment: 'giải trình' });
    pending = withEdit(pending, 'a', { comment: null }, { value: false, comment: true });
    expect(pending.has('a')).toBe(false);
  });
});

describe('the batch', () => {
  it('is sent in grid order, blanks as null, and maps refused cells back by index', () => {
    const pending = new Map<string, PendingCell>([
      [key('GRDP_INCREASE'), { value: '10,0' }],
      [key('TASK_IMPLEMENTED', 'TINH'), { value: '' }],
      [key('FUND_DISBURSED'), { comment: '  Quỹ năm trước  ' }],
    ]);
    const order = [key('TASK_IMPLEMENTED', 'TINH'), key('FUND_DISBURSED'), key('GRDP_INCREASE')];
    const { cells, keys } = batchOf(pending, order);
    expect(cells).toEqual([
      { indicatorCode: 'TASK_IMPLEMENTED', optionCode: 'TINH', value: null },
      { indicatorCode: 'FUND_DISBURSED', optionCode: '', comment: 'Quỹ năm trước' },
      { indicatorCode: 'GRDP_INCREASE', optionCode: '', value: '10,0' },
    ]);
    const errors = errorsByKey(
      { cells: [{ index: 2, code: 'NOT_A_NUMBER', message: 'Không phải là số.' }] },
      keys,
    );
    expect([...errors]).toEqual([[key('GRDP_INCREASE'), 'Không phải là số.']]);
    expect(errorsByKey({ field: 'x' }, keys).size).toBe(0);
  });

  it('takes a column pasted from a spreadsheet, first column only, down from the active cell', () => {
    expect(pastedColumn('12\r\n30\r\n\r\n1.210\t9\r\n')).toEqual(['12', '30', '', '1.210']);
    expect(pastedColumn('7')).toEqual(['7']);
    const { writes, leftOver } = pasteTargets(['1', '2', '3'], ['a', 'b', 'c', 'd'], 2);
    expect(writes).toEqual([
      ['c', '1'],
      ['d', '2'],
    ]);
    expect(leftOver).toBe(1);
  });
});

describe('checking as the user types', () => {
  const v = view(TASKS, RULES);
  const parsed = parsedRules(RULES);

  it('re-evaluates rules with pending values, totals and ratios computed from components', () => {
    const calm = liveState(v, new Map(), parsed);
    expect(calm.rules.map((r) => r.status)).toEqual(['skipped', 'passed', 'skipped']);
    expect(calm.derived.get('TASK_IMPLEMENTED')).toBe(68);
    expect(calm.derived.get('TFP_SHARE')).toBeCloseTo(41, 6);

    const pending = new Map<string, PendingCell>([
      [key('TASK_STARTED', 'CO_SO'), { value: '50' }],
      [key('FUND_DISBURSED'), { value: '1.500,75' }],
    ]);
    const live = liveState(v, pending, parsed);
    expect(live.rules.map((r) => [r.code, r.status, r.left, r.right])).toEqual([
      ['GRASSROOTS', 'failed', 50, 28],
      ['WITHIN', 'passed', null, null],
      ['FUND', 'failed', 1500.75, 100],
    ]);
    expect(live.derived.get('TASK_STARTED')).toBe(62);
    expect([...live.unexplained]).toEqual(['FUND']);

    const marks = cellMarks(v, live, texts);
    expect(marks.get(key('TASK_STARTED', 'CO_SO'))?.map((m) => m.kind)).toEqual(['error']);
    expect(marks.get(key('TASK_IMPLEMENTED', 'CO_SO'))?.map((m) => m.kind)).toEqual(['error']);
    expect(marks.get(key('TASK_IMPLEMENTED', 'TINH'))).toBeUndefined();
    expect(marks.get(key('FUND_DISBURSED'))).toEqual([
      { kind: 'warning', message: 'Vi phạm FUND', ruleCode: 'FUND', explained: false },
    ]);
  });

  it('counts a warning explained once one of its cells has a comment, pending or stored', () => {
    const pending = new Map<string, PendingCell>([
      [key('FUND_DISBURSED'), { value: '150', comment: 'Gồm vốn năm trước' }],
    ]);
    const live = liveState(v, pending, parsed);
    expect(live.rules.find((r) => r.code === 'FUND')?.status).toBe('failed');
    expect(live.unexplained.size).toBe(0);
    expect(cellMarks(v, live, texts).get(key('FUND_DISBURSED'))?.[0]?.explained).toBe(true);
  });

  it('marks every option of a disaggregated indicator when a rule reads its total', () => {
    const pending = new Map<string, PendingCell>([[key('TASK_STARTED', 'TINH'), { value: '99' }]]);
    const live = liveState(v, pending, parsed);
    expect(live.rules.find((r) => r.code === 'WITHIN')?.status).toBe('failed');
    const marks = cellMarks(v, live, texts);
    for (const k of [
      key('TASK_STARTED', 'TINH'),
      key('TASK_STARTED', 'CO_SO'),
      key('TASK_IMPLEMENTED', 'TINH'),
    ]) {
      expect(marks.get(k)?.some((m) => m.ruleCode === 'WITHIN')).toBe(true);
    }
  });

  it('leaves a ratio typed equal to its components unflagged, and a value that does not read out', () => {
    const pending = new Map<string, PendingCell>([
      [key('TFP_SHARE'), { value: '41' }],
      [key('TASK_STARTED', 'CO_SO'), { value: 'abc' }],
    ]);
    const live = liveState(v, pending, parsed);
    expect(live.derived.get('TFP_SHARE')).toBeNull();
    // An unreadable value counts as missing: the rule that needs it is not checked.
    expect(live.rules.find((r) => r.code === 'GRASSROOTS')?.status).toBe('skipped');
  });
});
