import { describe, expect, it } from 'vitest';
import {
  compareWithGreedy,
  generateInstance,
  greedyPlan,
  planRoadmap,
  roadmapLp,
  validatePlanInput as validate,
  type PlanInput,
  type PlanItem,
} from '../src/index.js';
import { referenceViolations } from './support/reference.js';

const span = (
  startYear: number,
  endYear: number,
  envelopes: Record<number, number>,
  items: PlanItem[],
): PlanInput => ({ startYear, endYear, envelopes, items });

const codes = (issues: Array<{ code: string }>) => issues.map((i) => i.code);

describe('hand-checked instances where greedy is suboptimal', () => {
  it('a knapsack: the best ratio first wastes the envelope', async () => {
    // Greedy takes X (ratio 1.5) then Y; Z no longer fits: 3 + 5 = 8. Optimum: Y + Z = 10.
    const input = span(2026, 2026, { 2026: 10 }, [
      { id: 'X', value: 3, cost: 2 },
      { id: 'Y', value: 5, cost: 5 },
      { id: 'Z', value: 5, cost: 5 },
    ]);
    const mip = await planRoadmap(input);
    const greedy = greedyPlan(input);
    expect(mip).toMatchObject({ method: 'mip', status: 'optimal', objective: 10 });
    expect(mip.schedule).toEqual({ X: null, Y: 2026, Z: 2026 });
    expect(mip.yearlyCost).toEqual({ 2026: 10 });
    expect(greedy).toMatchObject({ method: 'greedy', status: 'feasible', objective: 8 });
    expect(greedy.schedule).toEqual({ X: 2026, Y: 2026, Z: null });
    expect(compareWithGreedy(mip, greedy)).toEqual({ gap: 0.2, gapPercent: 20 });
  });

  it('a two-year item that only fits when the small ones stay out', async () => {
    // L needs 6 in each of 2026 and 2027; the small items (better ratio) fill 2026 first.
    const input = span(2026, 2027, { 2026: 6, 2027: 6 }, [
      { id: 'S1', value: 4, cost: 3 },
      { id: 'S2', value: 4, cost: 3 },
      { id: 'L', value: 10, cost: 12, durationYears: 2 },
    ]);
    const mip = await planRoadmap(input);
    const greedy = greedyPlan(input);
    expect(mip.status).toBe('optimal');
    expect(mip.objective).toBe(10);
    expect(mip.schedule).toEqual({ S1: null, S2: null, L: 2026 });
    expect(mip.yearlyCost).toEqual({ 2026: 6, 2027: 6 });
    expect(greedy.objective).toBe(8);
    expect(greedy.schedule).toEqual({ S1: 2026, S2: 2026, L: null });
  });

  it('a predecessor with a poor ratio that unlocks a valuable successor', async () => {
    // Greedy waits for P before Q, places R first, P lands in 2027 and Q no longer fits the span.
    const input = span(2026, 2027, { 2026: 5, 2027: 5 }, [
      { id: 'P', value: 1, cost: 5 },
      { id: 'Q', value: 9, cost: 5, dependsOn: ['P'] },
      { id: 'R', value: 3, cost: 5 },
    ]);
    const mip = await planRoadmap(input);
    const greedy = greedyPlan(input);
    expect(mip.objective).toBe(10);
    expect(mip.schedule).toEqual({ P: 2026, Q: 2027, R: null });
    expect(greedy.objective).toBe(4);
    expect(greedy.schedule).toEqual({ P: 2027, Q: null, R: 2026 });
    expect(compareWithGreedy(mip, greedy).gapPercent).toBeCloseTo(60, 12);
  });
});

describe('rules', () => {
  it('a successor starts only after its predecessor has finished', async () => {
    const input = span(2026, 2030, { 2026: 10, 2027: 10, 2028: 10, 2029: 10, 2030: 10 }, [
      { id: 'B', value: 5, cost: 4, dependsOn: ['A'] },
      { id: 'A', value: 1, cost: 6, durationYears: 3 },
    ]);
    const mip = await planRoadmap(input);
    expect(mip.schedule).toEqual({ B: 2029, A: 2026 });
    expect(mip.yearlyCost).toEqual({ 2026: 2, 2027: 2, 2028: 2, 2029: 4, 2030: 0 });
  });

  it('no orphan: an item whose predecessor cannot be planned stays out', async () => {
    const input = span(2026, 2027, { 2026: 5, 2027: 5 }, [
      { id: 'A', value: 1, cost: 8 },
      { id: 'B', value: 100, cost: 1, dependsOn: ['A'] },
      { id: 'C', value: 1, cost: 1 },
    ]);
    for (const result of [await planRoadmap(input), greedyPlan(input)]) {
      expect(result.schedule).toEqual({ A: null, B: null, C: 2026 });
      expect(result.objective).toBe(1);
    }
    expect(codes(validate(input))).toEqual(['EXCEEDS_ENVELOPE', 'PREDECESSOR_NOT_PLANNABLE']);
  });

  it('no orphan under budget pressure: the successor is dropped with its predecessor', async () => {
    // A (0.5) only matters because it unlocks B (4): together 4.5, better than C (4.2), which
    // competes with A for 2026. Without money in 2027, B cannot follow A and C wins.
    const input = span(2026, 2027, { 2026: 5, 2027: 1 }, [
      { id: 'A', value: 0.5, cost: 5 },
      { id: 'B', value: 4, cost: 1, dependsOn: ['A'] },
      { id: 'C', value: 4.2, cost: 5 },
    ]);
    const mip = await planRoadmap(input);
    expect(mip.objective).toBeCloseTo(4.5, 12);
    expect(mip.schedule).toEqual({ A: 2026, B: 2027, C: null });
    const tighter = await planRoadmap({ ...input, envelopes: { 2026: 5, 2027: 0 } });
    expect(tighter.schedule).toEqual({ A: null, B: null, C: 2026 });
  });

  it('multi-year items spread their cost evenly and only fit when spread', async () => {
    const input = span(2026, 2028, { 2026: 3, 2027: 3, 2028: 3 }, [
      { id: 'M', value: 2, cost: 9, durationYears: 3 },
      { id: 'N', value: 1, cost: 4 },
    ]);
    const mip = await planRoadmap(input);
    expect(mip.schedule).toEqual({ M: 2026, N: null });
    expect(mip.yearlyCost).toEqual({ 2026: 3, 2027: 3, 2028: 3 });
    const oneYear = await planRoadmap({
      ...input,
      items: [{ ...input.items[0]!, durationYears: 1 }, input.items[1]!],
    });
    expect(oneYear.schedule).toEqual({ M: null, N: null });
    expect(codes(oneYear.issues)).toEqual(['EXCEEDS_ENVELOPE', 'EXCEEDS_ENVELOPE']);
  });

  it('earliest start: an item waits for its year even when money is free earlier', async () => {
    const input = span(2026, 2028, { 2026: 10, 2027: 0, 2028: 2 }, [
      { id: 'E', value: 5, cost: 4, earliestStartYear: 2027 },
      { id: 'F', value: 1, cost: 2, earliestStartYear: 2025 },
    ]);
    const mip = await planRoadmap(input);
    expect(mip.schedule).toEqual({ E: null, F: 2026 });
    const richer = await planRoadmap({ ...input, envelopes: { 2026: 10, 2028: 4 } });
    expect(richer.schedule).toEqual({ E: 2028, F: 2026 });
  });

  it('ties: among plans of equal value, items start as early as possible', async () => {
    const input = span(2026, 2028, { 2026: 5, 2027: 5, 2028: 5 }, [
      { id: 'A', value: 2, cost: 5 },
      { id: 'B', value: 2, cost: 5 },
      { id: 'C', value: 2, cost: 5 },
      { id: 'Z', value: 0, cost: 0 },
    ]);
    const mip = await planRoadmap(input);
    expect(mip.objective).toBe(6);
    expect(mip.schedule.Z).toBe(2026);
    expect(Object.values(mip.schedule).sort()).toEqual([2026, 2026, 2027, 2028]);
    const twice = await planRoadmap(input);
    expect(twice.schedule).toEqual(mip.schedule);
  });
});

describe('pins and exclusions', () => {
  const base = span(2026, 2027, { 2026: 10, 2027: 10 }, [
    { id: 'A', value: 9, cost: 10 },
    { id: 'B', value: 8, cost: 10 },
    { id: 'C', value: 1, cost: 10 },
  ]);
  const withItem = (id: string, patch: Partial<PlanItem>): PlanInput => ({
    ...base,
    items: base.items.map((i) => (i.id === id ? { ...i, ...patch } : i)),
  });

  const years = (schedule: Record<string, number | null>, ids: string[]) =>
    ids.map((id) => schedule[id]).sort();

  it('without changes A and B are planned', async () => {
    const mip = await planRoadmap(base);
    expect(mip.objective).toBe(17);
    expect(mip.schedule.C).toBeNull();
    expect(years(mip.schedule, ['A', 'B'])).toEqual([2026, 2027]);
  });

  it('a pin forces a weaker item into its year and re-plans the rest', async () => {
    const mip = await planRoadmap(withItem('C', { pinnedYear: 2027 }));
    expect(mip.status).toBe('optimal');
    expect(mip.schedule).toEqual({ A: 2026, B: null, C: 2027 });
    expect(mip.objective).toBe(10);
    const greedy = greedyPlan(withItem('C', { pinnedYear: 2027 }));
    expect(greedy.schedule).toEqual({ A: 2026, B: null, C: 2027 });
  });

  it('an exclusion removes the item and lets the next one in', async () => {
    const mip = await planRoadmap(withItem('A', { excluded: true }));
    expect(mip.schedule.A).toBeNull();
    expect(years(mip.schedule, ['B', 'C'])).toEqual([2026, 2027]);
    expect(mip.objective).toBe(9);
  });

  it('everything excluded: an empty, optimal plan', async () => {
    const input = { ...base, items: base.items.map((i) => ({ ...i, excluded: true })) };
    const mip = await planRoadmap(input);
    expect(mip).toMatchObject({ status: 'optimal', objective: 0, issues: [] });
    expect(mip.schedule).toEqual({ A: null, B: null, C: null });
    expect(mip.yearlyCost).toEqual({ 2026: 0, 2027: 0 });
  });
});

describe('infeasible pins', () => {
  it('pins that together exceed a year say which items and which year', async () => {
    const input = span(2026, 2027, { 2026: 10, 2027: 10 }, [
      { id: 'A', value: 1, cost: 6, pinnedYear: 2026 },
      { id: 'B', value: 1, cost: 6, pinnedYear: 2026 },
      { id: 'C', value: 1, cost: 6, pinnedYear: 2027 },
    ]);
    for (const result of [await planRoadmap(input), greedyPlan(input)]) {
      expect(result.status).toBe('infeasible');
      expect(result.objective).toBe(0);
      expect(result.schedule).toEqual({ A: null, B: null, C: null });
      const over = result.issues.filter((i) => i.code === 'PINNED_OVER_BUDGET');
      expect(over.map((i) => i.itemId)).toEqual(['A', 'B']);
      expect(over[0]!.message).toContain('năm 2026');
      expect(over[0]!.message).toContain('“A”, “B”');
      expect(over[0]!.message).toContain('vượt hạn mức 10');
    }
  });

  it('a pin whose predecessors cannot all finish in time', async () => {
    const input = span(2026, 2028, { 2026: 5, 2027: 5, 2028: 5 }, [
      { id: 'A', value: 1, cost: 5 },
      { id: 'B', value: 1, cost: 5 },
      { id: 'C', value: 1, cost: 1, dependsOn: ['A', 'B'], pinnedYear: 2027 },
    ]);
    expect(validate(input)).toEqual([]);
    const mip = await planRoadmap(input);
    expect(mip.status).toBe('infeasible');
    expect(mip.issues).toHaveLength(1);
    expect(mip.issues[0]).toMatchObject({ itemId: 'C', code: 'PINNED_INFEASIBLE' });
    expect(mip.issues[0]!.message).toContain('“A”, “B”');
    expect(mip.issues[0]!.message).toContain('năm 2026');
    expect(greedyPlan(input).status).toBe('infeasible');
    // One year later both predecessors fit.
    const later = await planRoadmap({
      ...input,
      items: input.items.map((i) => (i.id === 'C' ? { ...i, pinnedYear: 2028 } : i)),
    });
    expect(later.status).toBe('optimal');
    expect(later.schedule.C).toBe(2028);
    expect([later.schedule.A, later.schedule.B].sort()).toEqual([2026, 2027]);
  });

  it('pins that fit one at a time but not together', async () => {
    const input = span(2026, 2027, { 2026: 5, 2027: 5 }, [
      { id: 'A', value: 1, cost: 5 },
      { id: 'B', value: 1, cost: 5 },
      { id: 'C', value: 1, cost: 2, dependsOn: ['A'], pinnedYear: 2027 },
      { id: 'D', value: 1, cost: 2, dependsOn: ['B'], pinnedYear: 2027 },
    ]);
    const mip = await planRoadmap(input);
    expect(mip.status).toBe('infeasible');
    expect(codes(mip.issues)).toEqual(['PINS_CONFLICT']);
    expect(mip.issues[0]!.message).toContain('“C” năm 2027');
    expect(mip.issues[0]!.message).toContain('“D” năm 2027');
  });

  it('pins the input rules out before solving', async () => {
    const input = span(2026, 2027, { 2026: 5, 2027: 5 }, [
      { id: 'A', value: 1, cost: 1, pinnedYear: 2025 },
      { id: 'B', value: 1, cost: 1, earliestStartYear: 2027, pinnedYear: 2026 },
      { id: 'C', value: 1, cost: 2, durationYears: 2, pinnedYear: 2027 },
      { id: 'D', value: 1, cost: 1, excluded: true },
      { id: 'E', value: 1, cost: 1, dependsOn: ['D'], pinnedYear: 2027 },
      { id: 'F', value: 1, cost: 1, excluded: true, pinnedYear: 2026 },
      { id: 'G', value: 1, cost: 1, pinnedYear: 2026 },
      { id: 'H', value: 1, cost: 1, dependsOn: ['G'], pinnedYear: 2026 },
    ]);
    const mip = await planRoadmap(input);
    expect(mip.status).toBe('infeasible');
    expect(mip.issues.map((i) => [i.itemId, i.code])).toEqual([
      ['A', 'PINNED_OUTSIDE_SPAN'],
      ['B', 'PINNED_BEFORE_EARLIEST_START'],
      ['C', 'PINNED_ENDS_AFTER_SPAN'],
      ['E', 'PINNED_DEPENDS_ON_EXCLUDED'],
      ['F', 'PINNED_AND_EXCLUDED'],
      ['H', 'PINNED_BEFORE_PREDECESSOR_FINISHES'],
    ]);
    for (const issue of mip.issues) expect(issue.message).toMatch(/cố định/);
  });
});

describe('edge cases', () => {
  it('no items', async () => {
    const mip = await planRoadmap(span(2026, 2028, { 2026: 1 }, []));
    expect(mip).toMatchObject({ status: 'optimal', objective: 0, schedule: {}, issues: [] });
    expect(mip.yearlyCost).toEqual({ 2026: 0, 2027: 0, 2028: 0 });
    expect(greedyPlan(span(2026, 2028, {}, [])).status).toBe('feasible');
  });

  it('zero envelopes: only free items are planned', async () => {
    const input = span(2026, 2027, {}, [
      { id: 'FREE', value: 2, cost: 0 },
      { id: 'PAID', value: 9, cost: 1 },
    ]);
    const mip = await planRoadmap(input);
    expect(mip.schedule).toEqual({ FREE: 2026, PAID: null });
    expect(mip.objective).toBe(2);
  });

  it('fractional costs that use an envelope exactly', async () => {
    const input = span(2026, 2026, { 2026: 0.3 }, [
      { id: 'A', value: 1, cost: 0.1 },
      { id: 'B', value: 1, cost: 0.2 },
      { id: 'C', value: 1.5, cost: 0.25 },
    ]);
    const mip = await planRoadmap(input);
    expect(mip.schedule).toEqual({ A: 2026, B: 2026, C: null });
    expect(mip.objective).toBe(2);
    // A third of a cost in each year, summing to the envelope exactly.
    const thirds = await planRoadmap(
      span(2026, 2028, { 2026: 1, 2027: 1, 2028: 1 }, [
        { id: 'T', value: 1, cost: 1, durationYears: 3 },
        { id: 'U', value: 1, cost: 2, durationYears: 3 },
      ]),
    );
    expect(thirds.schedule).toEqual({ T: 2026, U: 2026 });
  });

  it('very large costs (in đồng rather than million đồng) give the same plan', async () => {
    const small = span(2026, 2027, { 2026: 10, 2027: 10 }, [
      { id: 'A', value: 3, cost: 2 },
      { id: 'B', value: 5, cost: 5 },
      { id: 'C', value: 5, cost: 5 },
      { id: 'D', value: 6, cost: 7, durationYears: 2 },
    ]);
    const huge: PlanInput = {
      ...small,
      envelopes: { 2026: 10e12, 2027: 10e12 },
      items: small.items.map((i) => ({ ...i, cost: i.cost * 1e12 })),
    };
    const odd: PlanInput = {
      ...small,
      envelopes: { 2026: 10 * Math.PI * 1e9, 2027: 10 * Math.PI * 1e9 },
      items: small.items.map((i) => ({ ...i, cost: i.cost * Math.PI * 1e9 })),
    };
    // D runs both years (3.5 each); B and C take one year each; A no longer fits anywhere.
    const a = await planRoadmap(small);
    const b = await planRoadmap(huge);
    const c = await planRoadmap(odd);
    for (const result of [a, b, c]) {
      expect(result.status).toBe('optimal');
      expect(result.objective).toBe(16);
      expect(result.schedule.A).toBeNull();
      expect(result.schedule.D).toBe(2026);
    }
    expect(referenceViolations(small, a.schedule)).toEqual([]);
    expect(referenceViolations(huge, b.schedule)).toEqual([]);
    expect(referenceViolations(odd, c.schedule)).toEqual([]);
  });

  it('values with many decimals are still compared exactly enough', async () => {
    const input = span(2026, 2026, { 2026: 10 }, [
      { id: 'A', value: 1 / 3, cost: 5 },
      { id: 'B', value: 1 / 3 + 1e-7, cost: 5 },
      { id: 'C', value: 1 / 3 + 2e-7, cost: 5 },
    ]);
    const mip = await planRoadmap(input);
    expect(mip.schedule).toEqual({ A: null, B: 2026, C: 2026 });
  });

  it('a time limit too short to prove optimality still returns a feasible plan', async () => {
    const input = generateInstance(8, 60, 6);
    const greedy = greedyPlan(input);
    const mip = await planRoadmap(input, { timeLimitSeconds: 0.05 });
    expect(mip.status).toBe('feasible');
    expect(referenceViolations(input, mip.schedule)).toEqual([]);
    expect(mip.objective).toBeGreaterThanOrEqual(greedy.objective);
    const note = mip.issues.find((i) => i.code === 'NOT_PROVEN_OPTIMAL');
    expect(note?.message).toMatch(/0,05 giây/);
  });

  it('rejects a time limit that is not a positive number', async () => {
    await expect(planRoadmap(span(2026, 2026, {}, []), { timeLimitSeconds: 0 })).rejects.toThrow(
      /Giới hạn thời gian/,
    );
  });

  it('writes an LP model with safe names', () => {
    const lp = roadmapLp(
      span(2026, 2027, { 2026: 5, 2027: 5 }, [
        { id: 'đề xuất: 1 + 2', value: 1, cost: 5 },
        { id: 'B', value: 9, cost: 5, dependsOn: ['đề xuất: 1 + 2'] },
      ]),
    );
    expect(lp).toContain('Maximize');
    expect(lp).toContain(' obj: 0 s_0_2026 + 1 s_0_2027 + 9 s_1_2027');
    expect(lp).toContain(' pre_1_0_2027: 1 s_1_2027 - 1 s_0_2026 <= 0');
    expect(lp).not.toContain('đề xuất');
  });
});
