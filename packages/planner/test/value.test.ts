import { describe, expect, it } from 'vitest';
import { compareWithGreedy, PlanError, weightedValue, type PlanResult } from '../src/index.js';

describe('weightedValue', () => {
  const scores = { alignment: 5, impact: 4, readiness: 2, cost: 1 };

  it('is the weighted mean of the scores', () => {
    expect(
      weightedValue(scores, { alignment: 0.4, impact: 0.3, readiness: 0.2, cost: 0.1 }),
    ).toBeCloseTo(3.7, 12);
    expect(
      weightedValue(scores, { alignment: 0.1, impact: 0.2, readiness: 0.3, cost: 0.4 }),
    ).toBeCloseTo(0.5 + 0.8 + 0.6 + 0.4, 12);
  });

  it('normalises the weights to sum 1', () => {
    const raw = weightedValue(scores, { alignment: 4, impact: 3, readiness: 2, cost: 1 });
    expect(raw).toBeCloseTo(3.7, 12);
    expect(weightedValue(scores, { alignment: 1, impact: 0, readiness: 0, cost: 0 })).toBe(5);
    expect(weightedValue(scores, { alignment: 2, impact: 2, readiness: 2, cost: 2 })).toBe(3);
  });

  it('stays on the 1–5 scale', () => {
    const w = { alignment: 0.1, impact: 0.7, readiness: 0.1, cost: 0.1 };
    expect(weightedValue({ alignment: 1, impact: 1, readiness: 1, cost: 1 }, w)).toBeCloseTo(1, 12);
    expect(weightedValue({ alignment: 5, impact: 5, readiness: 5, cost: 5 }, w)).toBeCloseTo(5, 12);
  });

  it('rejects scores outside 1–5, negative weights and all-zero weights', () => {
    const w = { alignment: 1, impact: 1, readiness: 1, cost: 1 };
    expect(() => weightedValue({ ...scores, impact: 6 }, w)).toThrow(PlanError);
    expect(() => weightedValue({ ...scores, cost: 0 }, w)).toThrow(/1–5/);
    expect(() => weightedValue(scores, { ...w, readiness: -1 })).toThrow(/không âm/);
    expect(() => weightedValue(scores, { ...w, impact: Number.NaN })).toThrow(PlanError);
    expect(() => weightedValue(scores, { alignment: 0, impact: 0, readiness: 0, cost: 0 })).toThrow(
      /lớn hơn 0/,
    );
  });
});

describe('compareWithGreedy', () => {
  const result = (objective: number): PlanResult => ({
    method: 'mip',
    status: 'optimal',
    objective,
    schedule: {},
    yearlyCost: {},
    solveMs: 0,
    issues: [],
  });

  it('is the shortfall of greedy relative to the MIP', () => {
    expect(compareWithGreedy(result(8), result(6))).toEqual({ gap: 0.25, gapPercent: 25 });
    expect(compareWithGreedy(result(8), result(8))).toEqual({ gap: 0, gapPercent: 0 });
  });

  it('is zero when there is nothing to gain', () => {
    expect(compareWithGreedy(result(0), result(0))).toEqual({ gap: 0, gapPercent: 0 });
  });
});
