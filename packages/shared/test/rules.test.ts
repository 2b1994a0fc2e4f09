import { describe, expect, it } from 'vitest';
import { evaluateRule, parseRule, RuleSyntaxError } from '../src/rules.js';

const values =
  (v: Record<string, number | null>) =>
  (ref: string): number | null =>
    ref in v ? v[ref]! : null;

const check = (expr: string, v: Record<string, number | null>) =>
  evaluateRule(parseRule(expr), values(v)).status;

describe('validation rules', () => {
  it('lists the indicators and disaggregations a rule reads, each once', () => {
    expect(parseRule('BUDGET_TOTAL == BUDGET_STATE + BUDGET_NONSTATE').references).toEqual([
      'BUDGET_TOTAL',
      'BUDGET_STATE',
      'BUDGET_NONSTATE',
    ]);
    expect(parseRule('TASK.PROVINCE + TASK.GRASSROOTS <= TASK && TASK >= 0').references).toEqual([
      'TASK.PROVINCE',
      'TASK.GRASSROOTS',
      'TASK',
    ]);
  });

  it('passes and fails comparisons as a statistician reads them', () => {
    expect(check('TASK_GRASSROOTS <= TASK_TOTAL', { TASK_GRASSROOTS: 28, TASK_TOTAL: 68 })).toBe(
      'passed',
    );
    expect(check('TASK_GRASSROOTS <= TASK_TOTAL', { TASK_GRASSROOTS: 70, TASK_TOTAL: 68 })).toBe(
      'failed',
    );
    expect(check('A == B + C', { A: 100, B: 60, C: 40 })).toBe('passed');
    expect(check('A != B', { A: 1, B: 1 })).toBe('failed');
    expect(check('A > 0 || B > 0', { A: 0, B: 2 })).toBe('passed');
    expect(check('!(A > B)', { A: 1, B: 2 })).toBe('passed');
    expect(check('abs(A - B) <= 0.5 * max(A, B, 1)', { A: 10, B: 14 })).toBe('passed');
    expect(check('round(A) == 41', { A: 40.6 })).toBe('passed');
  });

  it('allows for rounding when decimal shares are added up', () => {
    expect(check('A + B + C == 1', { A: 0.1, B: 0.2, C: 0.7 })).toBe('passed');
    expect(check('A + B < 0.3', { A: 0.1, B: 0.2 })).toBe('failed');
  });

  it('reports the two sides of a failed comparison', () => {
    const outcome = evaluateRule(
      parseRule('TASK_GRASSROOTS <= TASK_TOTAL'),
      values({ TASK_GRASSROOTS: 30, TASK_TOTAL: 28 }),
    );
    expect(outcome).toEqual({ status: 'failed', left: 30, right: 28 });
  });

  it('skips a rule whose values are blank, unless blanks count as zero', () => {
    const rule = parseRule('A <= B');
    expect(evaluateRule(rule, values({ A: 3, B: null }))).toEqual({
      status: 'skipped',
      missing: ['B'],
    });
    expect(evaluateRule(rule, values({ A: 3, B: null }), 'zero').status).toBe('failed');
    expect(check('A / B < 1', { A: 3, B: 0 })).toBe('skipped');
  });

  it('refuses anything that is not a rule, in Vietnamese, without running it', () => {
    const bad = [
      '',
      'TASK_TOTAL',
      'TASK_TOTAL + 1',
      'A <= ',
      'a <= B',
      'A = B',
      'A <= B; B <= C',
      'A["x"] <= B',
      'alert(1) > 0',
      'A.b <= B',
      'A <= "10"',
      'A ? B : C',
      '(A < B) + 1 > 0',
      'A > (B < C)',
      'abs(A, B) > 0',
      'this.constructor > 0',
    ];
    for (const expr of bad) {
      expect(() => parseRule(expr), expr).toThrow(RuleSyntaxError);
    }
    expect(() => parseRule('A <= ')).toThrow(/không hợp lệ/);
    expect(() => parseRule('TASK_TOTAL')).toThrow(/phép so sánh/);
  });
});
