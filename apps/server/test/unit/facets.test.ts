import { describe, expect, it } from 'vitest';
import type { Recurrence } from '@caunoi/shared';
import {
  cycleOf,
  daysBetween,
  evaluateTask,
  parseCycle,
  type ReportFact,
  type TaskSchedule,
} from '../../src/modules/tasks/facets.js';

const oneOff = (deadline: string, completedOn: string | null = null): TaskSchedule => ({
  assignedOn: '2025-03-01',
  deadline,
  recurrence: null,
  recurrenceEndsOn: null,
  completedOn,
});

const periodic = (
  recurrence: Recurrence,
  assignedOn: string,
  recurrenceEndsOn: string | null = null,
  completedOn: string | null = null,
): TaskSchedule => ({ assignedOn, deadline: null, recurrence, recurrenceEndsOn, completedOn });

const report = (cycle: string, reportedOn: string): ReportFact => ({ cycle, reportedOn });

const facets = (e: ReturnType<typeof evaluateTask>) => [e.completion, e.timeliness, e.dueSoon];

describe('one-off tasks', () => {
  it('are open within the deadline until the deadline, and due soon within the window', () => {
    const task = oneOff('2025-06-30');
    expect(facets(evaluateTask(task, [], '2025-06-01', 7))).toEqual([
      'open',
      'within_deadline',
      false,
    ]);
    // 8 days before: not yet in the window.
    expect(evaluateTask(task, [], '2025-06-22', 7).dueSoon).toBe(false);
    // 7 days before the deadline is the first day of the window; the deadline day itself is in it.
    expect(evaluateTask(task, [], '2025-06-23', 7).dueSoon).toBe(true);
    expect(facets(evaluateTask(task, [], '2025-06-30', 7))).toEqual([
      'open',
      'within_deadline',
      true,
    ]);
    // The window is configurable.
    expect(evaluateTask(task, [], '2025-06-01', 30).dueSoon).toBe(true);
    expect(evaluateTask(task, [], '2025-06-29', 0).dueSoon).toBe(false);
    expect(evaluateTask(task, [], '2025-06-30', 0).dueSoon).toBe(true);
  });

  it('are overdue from the day after the deadline, counting the days', () => {
    const e = evaluateTask(oneOff('2025-06-30'), [], '2025-07-12', 7);
    expect(facets(e)).toEqual(['open', 'overdue', false]);
    expect(e.daysLate).toBe(12);
    expect(e.obligations).toEqual([
      expect.objectContaining({ cycle: null, dueOn: '2025-06-30', timeliness: 'overdue' }),
    ]);
  });

  it('are done on time when completed on or before the deadline, late after it', () => {
    expect(facets(evaluateTask(oneOff('2025-06-30', '2025-06-30'), [], '2025-09-01', 7))).toEqual([
      'done',
      'on_time',
      false,
    ]);
    const late = evaluateTask(oneOff('2025-06-30', '2025-07-03'), [], '2025-07-03', 7);
    expect(facets(late)).toEqual(['done', 'late', false]);
    expect(late.daysLate).toBe(3);
    expect(late.doneOn).toBe('2025-07-03');
  });

  it('are judged against the deadline in force: an approved extension moves it', () => {
    // Overdue against the first deadline, within the extended one.
    expect(evaluateTask(oneOff('2025-06-30'), [], '2025-07-10', 7).timeliness).toBe('overdue');
    const extended = evaluateTask(oneOff('2025-08-31'), [], '2025-07-10', 7);
    expect(facets(extended)).toEqual(['open', 'within_deadline', false]);
    // Completed after the first deadline but before the extended one: on time.
    expect(evaluateTask(oneOff('2025-08-31', '2025-08-15'), [], '2025-09-01', 7).timeliness).toBe(
      'on_time',
    );
  });

  it('ignore progress reports for their facets: only completion closes them', () => {
    const e = evaluateTask(
      oneOff('2025-06-30'),
      [{ cycle: null, reportedOn: '2025-06-01' }],
      '2025-07-01',
      7,
    );
    expect(facets(e)).toEqual(['open', 'overdue', false]);
  });

  it('without a deadline can never be late', () => {
    const task = { ...oneOff('2025-06-30'), deadline: null };
    expect(facets(evaluateTask(task, [], '2030-01-01', 7))).toEqual([
      'open',
      'within_deadline',
      false,
    ]);
    expect(evaluateTask(task, [], '2030-01-01', 7).obligations).toEqual([]);
  });
});

describe('reporting cycles', () => {
  it('are computed for each recurrence', () => {
    expect(cycleOf('2025-02-14', 'monthly')).toEqual({
      code: '2025M02',
      startsOn: '2025-02-01',
      endsOn: '2025-02-28',
    });
    expect(cycleOf('2024-02-14', 'monthly').endsOn).toBe('2024-02-29');
    expect(cycleOf('2025-08-14', 'quarterly')).toEqual({
      code: '2025Q3',
      startsOn: '2025-07-01',
      endsOn: '2025-09-30',
    });
    expect(cycleOf('2025-06-30', 'half_yearly')).toEqual({
      code: '2025H1',
      startsOn: '2025-01-01',
      endsOn: '2025-06-30',
    });
    expect(cycleOf('2025-07-01', 'half_yearly').code).toBe('2025H2');
    expect(cycleOf('2025-12-31', 'yearly')).toEqual({
      code: '2025',
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
    });
  });

  it('parse only codes of their own recurrence', () => {
    expect(parseCycle('2025Q4', 'quarterly')?.endsOn).toBe('2025-12-31');
    expect(parseCycle('2025M12', 'monthly')?.startsOn).toBe('2025-12-01');
    expect(parseCycle('2025H2', 'half_yearly')?.startsOn).toBe('2025-07-01');
    expect(parseCycle('2026', 'yearly')?.endsOn).toBe('2026-12-31');
    expect(parseCycle('2025Q5', 'quarterly')).toBeUndefined();
    expect(parseCycle('2025M13', 'monthly')).toBeUndefined();
    expect(parseCycle('2025M7', 'monthly')).toBeUndefined();
    expect(parseCycle('2025Q3', 'monthly')).toBeUndefined();
    expect(parseCycle('2025', 'quarterly')).toBeUndefined();
    expect(parseCycle('2025H1', 'yearly')).toBeUndefined();
  });

  it('count days across months and years', () => {
    expect(daysBetween('2025-12-30', '2026-01-02')).toBe(3);
    expect(daysBetween('2025-03-02', '2025-03-01')).toBe(-1);
  });
});

describe('periodic tasks', () => {
  it('owe one obligation per cycle from the assignment to today, due on the cycle’s last day', () => {
    const e = evaluateTask(periodic('quarterly', '2025-02-10'), [], '2025-08-05', 7);
    expect(e.obligations.map((o) => [o.cycle, o.startsOn, o.dueOn, o.timeliness])).toEqual([
      ['2025Q1', '2025-01-01', '2025-03-31', 'overdue'],
      ['2025Q2', '2025-04-01', '2025-06-30', 'overdue'],
      ['2025Q3', '2025-07-01', '2025-09-30', 'within_deadline'],
    ]);
    expect(facets(e)).toEqual(['open', 'overdue', false]);
    expect(e.daysLate).toBe(daysBetween('2025-03-31', '2025-08-05'));
    expect(e.dueOn).toBe('2025-03-31');
  });

  it('close a cycle with its first report: on time by the due date, late after it', () => {
    const reports = [
      report('2025Q1', '2025-03-31'),
      report('2025Q2', '2025-07-04'),
      // A second report of a cycle does not change when it was first met.
      report('2025Q1', '2025-05-01'),
    ];
    const e = evaluateTask(periodic('quarterly', '2025-02-10'), reports, '2025-08-05', 7);
    expect(e.obligations.map((o) => [o.cycle, o.completion, o.timeliness, o.closedOn])).toEqual([
      ['2025Q1', 'done', 'on_time', '2025-03-31'],
      ['2025Q2', 'done', 'late', '2025-07-04'],
      ['2025Q3', 'open', 'within_deadline', null],
    ]);
    // The current cycle is open within its deadline: the task is too.
    expect(facets(e)).toEqual(['open', 'within_deadline', false]);
    expect(e.dueOn).toBe('2025-09-30');
  });

  it('are due soon when the current cycle ends within the window', () => {
    const e = evaluateTask(periodic('monthly', '2025-07-15'), [], '2025-07-28', 7);
    expect(e.obligations.map((o) => o.cycle)).toEqual(['2025M07']);
    expect(facets(e)).toEqual(['open', 'within_deadline', true]);
  });

  it('handle every recurrence', () => {
    const today = '2026-02-10';
    const monthly = evaluateTask(periodic('monthly', '2025-11-20'), [], today, 7);
    expect(monthly.obligations.map((o) => o.cycle)).toEqual([
      '2025M11',
      '2025M12',
      '2026M01',
      '2026M02',
    ]);
    const half = evaluateTask(periodic('half_yearly', '2025-03-01'), [], today, 7);
    expect(half.obligations.map((o) => [o.cycle, o.dueOn])).toEqual([
      ['2025H1', '2025-06-30'],
      ['2025H2', '2025-12-31'],
      ['2026H1', '2026-06-30'],
    ]);
    const yearly = evaluateTask(
      periodic('yearly', '2024-05-01'),
      [report('2024', '2024-12-20'), report('2025', '2026-01-15')],
      today,
      7,
    );
    expect(yearly.obligations.map((o) => [o.cycle, o.timeliness])).toEqual([
      ['2024', 'on_time'],
      ['2025', 'late'],
      ['2026', 'within_deadline'],
    ]);
  });

  it('stop owing cycles at the recurrence end, and are done once every cycle is reported', () => {
    const task = periodic('quarterly', '2025-01-01', '2025-06-30');
    const missing = evaluateTask(task, [report('2025Q1', '2025-03-20')], '2025-10-01', 7);
    expect(missing.obligations.map((o) => o.cycle)).toEqual(['2025Q1', '2025Q2']);
    expect(facets(missing)).toEqual(['open', 'overdue', false]);
    const all = evaluateTask(
      task,
      [report('2025Q1', '2025-03-20'), report('2025Q2', '2025-07-02')],
      '2025-10-01',
      7,
    );
    expect(facets(all)).toEqual(['done', 'late', false]);
    expect(all.doneOn).toBe('2025-07-02');
    const onTime = evaluateTask(
      task,
      [report('2025Q1', '2025-03-20'), report('2025Q2', '2025-06-30')],
      '2025-06-30',
      7,
    );
    expect(facets(onTime)).toEqual(['done', 'on_time', false]);
  });

  it('run on after the current cycle when it is reported early', () => {
    const e = evaluateTask(
      periodic('quarterly', '2025-07-01', '2025-12-31'),
      [report('2025Q3', '2025-08-01')],
      '2025-08-05',
      7,
    );
    expect(facets(e)).toEqual(['open', 'within_deadline', false]);
    expect(e.dueOn).toBe('2025-12-31');
    // …but not past the recurrence end.
    const last = evaluateTask(
      periodic('quarterly', '2025-07-01', '2025-09-30'),
      [report('2025Q3', '2025-08-01')],
      '2025-08-05',
      7,
    );
    expect(last.dueOn).toBeNull();
  });

  it('owe nothing before the assignment date, and the first cycle after it', () => {
    const e = evaluateTask(periodic('monthly', '2025-09-10'), [], '2025-08-20', 7);
    expect(e.obligations).toEqual([]);
    expect(facets(e)).toEqual(['open', 'within_deadline', false]);
    expect(e.dueOn).toBe('2025-09-30');
  });

  it('when completed, close every cycle still open with the completion date', () => {
    const e = evaluateTask(
      periodic('quarterly', '2025-01-01', null, '2025-05-15'),
      [report('2025Q1', '2025-03-30')],
      '2025-11-01',
      7,
    );
    // Cycles after the completion are not owed; the current one at completion closes on time.
    expect(e.obligations.map((o) => [o.cycle, o.closedOn, o.timeliness])).toEqual([
      ['2025Q1', '2025-03-30', 'on_time'],
      ['2025Q2', '2025-05-15', 'on_time'],
    ]);
    expect(facets(e)).toEqual(['done', 'on_time', false]);
    const withGap = evaluateTask(
      periodic('quarterly', '2025-01-01', null, '2025-05-15'),
      [],
      '2025-11-01',
      7,
    );
    expect(withGap.obligations.map((o) => o.timeliness)).toEqual(['late', 'on_time']);
    expect(facets(withGap)).toEqual(['done', 'late', false]);
    expect(withGap.daysLate).toBe(daysBetween('2025-03-31', '2025-05-15'));
  });
});
