import { describe, expect, it } from 'vitest';
import { greedyPlan, planRoadmap } from '../src/index.js';
import { bruteForceOptimum, referenceViolations, smallInstance } from './support/reference.js';

const CASES = 200;

describe('MIP against exhaustive enumeration on random small instances', () => {
  it(`${CASES} instances (≤ 8 items, ≤ 3 years): equal optimum, feasible schedules, greedy never better`, async () => {
    let infeasible = 0;
    let greedyShort = 0;
    for (let seed = 1; seed <= CASES; seed++) {
      const input = smallInstance(seed);
      const label = `seed ${seed}: ${JSON.stringify(input)}`;
      const best = bruteForceOptimum(input);
      const mip = await planRoadmap(input);
      const greedy = greedyPlan(input);

      if (best === null) {
        infeasible++;
        expect(mip.status, label).toBe('infeasible');
        expect(mip.issues.length, label).toBeGreaterThan(0);
        expect(
          Object.values(mip.schedule).every((s) => s === null),
          label,
        ).toBe(true);
        expect(greedy.status, label).toBe('infeasible');
        continue;
      }
      expect(mip.status, label).toBe('optimal');
      expect(mip.objective, label).toBeCloseTo(best, 9);
      expect(referenceViolations(input, mip.schedule), label).toEqual([]);
      const planned = input.items.filter((i) => mip.schedule[i.id] !== null);
      expect(mip.objective, label).toBeCloseTo(
        planned.reduce((s, i) => s + i.value, 0),
        9,
      );

      if (!input.items.some((i) => i.pinnedYear != null)) {
        expect(greedy.status, label).toBe('feasible');
      }
      if (greedy.status === 'feasible') {
        expect(referenceViolations(input, greedy.schedule), label).toEqual([]);
        expect(greedy.objective, label).toBeLessThanOrEqual(mip.objective + 1e-9);
        if (greedy.objective < mip.objective - 1e-9) greedyShort++;
      }
    }
    if (process.env.PLANNER_TEST_STATS) console.log({ infeasible, greedyShort });
    // The generator must produce both kinds of outcome, and instances where greedy falls short.
    expect(infeasible).toBeGreaterThan(5);
    expect(infeasible).toBeLessThan(CASES / 2);
    expect(greedyShort).toBeGreaterThan(5);
  }, 180_000);
});
