import { describe, expect, it } from 'vitest';
import { DEMO_WEIGHTS, generateInstance, validatePlanInput, weightedValue } from '../src/index.js';

describe('generateInstance', () => {
  it('is deterministic: the same seed gives the same instance', () => {
    expect(generateInstance(7, 60, 6)).toEqual(generateInstance(7, 60, 6));
    expect(generateInstance(7, 60, 6, 2030)).toEqual(generateInstance(7, 60, 6, 2030));
  });

  it('differs between seeds', () => {
    expect(generateInstance(1, 60, 6)).not.toEqual(generateInstance(2, 60, 6));
  });

  it('pins the sequence, so benchmarks and demo data stay comparable across versions', () => {
    expect(generateInstance(1, 3, 2)).toEqual({
      startYear: 2026,
      endYear: 2027,
      envelopes: { 2026: 830, 2027: 1050 },
      items: [
        { id: 'DX1', value: 3.4, cost: 2970, durationYears: 2 },
        { id: 'DX2', value: 3.8, cost: 380, durationYears: 2 },
        { id: 'DX3', value: 2.4, cost: 2540, durationYears: 2 },
      ],
    });
    expect(
      generateInstance(42, 60, 6)
        .items.slice(0, 3)
        .map((i) => i.id),
    ).toEqual(['DX01', 'DX02', 'DX03']);
  });

  it('produces realistic, valid data', () => {
    let items = 0;
    let withDependency = 0;
    let demand = 0;
    let budget = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const input = generateInstance(seed, 60, 6);
      expect(input.startYear).toBe(2026);
      expect(input.endYear).toBe(2031);
      const dataIssues = validatePlanInput(input).filter((i) =>
        /INVALID|DUPLICATE|UNKNOWN|CYCLE|SELF|PINNED/.test(i.code),
      );
      expect(dataIssues).toEqual([]);
      const ids = new Set<string>();
      for (const [k, item] of input.items.entries()) {
        items++;
        ids.add(item.id);
        expect(item.cost).toBeGreaterThanOrEqual(100);
        expect(item.cost).toBeLessThanOrEqual(5000);
        expect(item.cost % 10).toBe(0);
        expect([1, 2, 3]).toContain(item.durationYears);
        expect(item.value).toBeGreaterThanOrEqual(1);
        expect(item.value).toBeLessThanOrEqual(5);
        if (item.dependsOn) {
          withDependency++;
          const earlier = input.items.slice(0, k).map((i) => i.id);
          for (const d of item.dependsOn) expect(earlier).toContain(d);
        }
        demand += item.cost;
      }
      expect(ids.size).toBe(60);
      for (const e of Object.values(input.envelopes)) budget += e;
    }
    expect(withDependency / items).toBeGreaterThan(0.15);
    expect(withDependency / items).toBeLessThan(0.25);
    // Envelopes: about a third of the average yearly demand, i.e. a third of the total over the span.
    expect(budget / demand).toBeGreaterThan(0.3);
    expect(budget / demand).toBeLessThan(0.37);
  });

  it('scores values with the demo weights on the 1–5 scale', () => {
    const w = weightedValue({ alignment: 5, impact: 5, readiness: 5, cost: 5 }, DEMO_WEIGHTS);
    expect(w).toBeCloseTo(5, 12);
  });

  it('caps durations at the span and rejects bad arguments', () => {
    for (const item of generateInstance(3, 40, 1).items) expect(item.durationYears).toBe(1);
    expect(generateInstance(3, 0, 4).items).toEqual([]);
    expect(() => generateInstance(1, -1, 6)).toThrow(/Số đề xuất/);
    expect(() => generateInstance(1, 10, 0)).toThrow(/Số năm/);
    expect(() => generateInstance(Number.NaN, 10, 3)).toThrow(/seed/);
  });
});
