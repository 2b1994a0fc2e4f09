import { describe, expect, it } from 'vitest';
import {
  normaliseWeights,
  preparePlan,
  type PlanData,
} from '../../src/modules/roadmaps/roadmaps.plan.js';
import type { ItemView } from '../../src/modules/roadmaps/roadmaps.repo.js';

const weights = { alignment: 0.3, impact: 0.35, readiness: 0.2, cost: 0.15 };

function item(id: string, title: string, extra: Partial<ItemView> = {}): ItemView {
  return {
    id,
    roadmapId: 'r',
    proposalId: `p-${id}`,
    scores: { alignment: 3, impact: 3, readiness: 3, cost: 3 },
    cost: '100.00',
    durationYears: 1,
    earliestStartYear: null,
    pinnedYear: null,
    excluded: false,
    plannedYear: null,
    proposalTitle: title,
    proposalCategory: 'funding',
    proposalAnswer: 'agreed',
    proposalEstimatedCost: '100.00',
    proposalUnitId: '31@2025-07-01',
    ...extra,
  };
}

function data(items: ItemView[], dependencies: PlanData['dependencies'] = []): PlanData {
  return {
    roadmap: { startYear: 2026, endYear: 2028, weights } as PlanData['roadmap'],
    envelopes: [{ year: 2026, amount: 500 }],
    items,
    dependencies,
  };
}

describe('normaliseWeights', () => {
  it('scales the weights to sum 1 without floating-point noise', () => {
    expect(normaliseWeights({ alignment: 3, impact: 3, readiness: 2, cost: 2 })).toEqual({
      alignment: 0.3,
      impact: 0.3,
      readiness: 0.2,
      cost: 0.2,
    });
    expect(normaliseWeights({ alignment: 0, impact: 1, readiness: 0, cost: 0 }).impact).toBe(1);
  });
});

describe('preparePlan', () => {
  it('names items by their proposal titles, shortened and made unique', () => {
    const long = 'Hỗ trợ '.repeat(20).trim();
    const { input, itemOf } = preparePlan(
      data([item('a', 'Đào tạo'), item('b', 'Đào tạo'), item('c', long)]),
    );
    const ids = input.items.map((i) => i.id);
    expect(ids).toContain('Đào tạo');
    expect(ids).toContain('Đào tạo (2)');
    const short = ids.find((i) => i.startsWith('Hỗ trợ'))!;
    expect(short.length).toBeLessThanOrEqual(70);
    expect(short.endsWith('…')).toBe(true);
    expect(itemOf.get(short)).toBe('c');
    expect(new Set(itemOf.values())).toEqual(new Set(['a', 'b', 'c']));
  });

  it('passes values, costs, dependencies and pins; leaves out proposals no longer agreed', () => {
    const prepared = preparePlan(
      data(
        [
          item('a', 'A', {
            scores: { alignment: 5, impact: 5, readiness: 5, cost: 5 },
            pinnedYear: 2027,
          }),
          item('b', 'B', { proposalAnswer: 'under_study', pinnedYear: 2026 }),
        ],
        [{ itemId: 'a', dependsOnItemId: 'b' }],
      ),
    );
    expect(prepared.input).toMatchObject({
      startYear: 2026,
      endYear: 2028,
      envelopes: { 2026: 500 },
    });
    expect(prepared.input.items).toEqual([
      {
        id: 'A',
        value: 5,
        cost: 100,
        durationYears: 1,
        earliestStartYear: null,
        pinnedYear: 2027,
        excluded: false,
        dependsOn: ['B'],
      },
      {
        id: 'B',
        value: 3,
        cost: 100,
        durationYears: 1,
        earliestStartYear: null,
        pinnedYear: null,
        excluded: true,
        dependsOn: [],
      },
    ]);
    expect(prepared.issues).toEqual([
      expect.objectContaining({ itemId: 'B', code: 'PROPOSAL_NOT_AGREED' }),
    ]);
  });

  it('fingerprints the data, not the order it was read in', () => {
    const a = item('a', 'A');
    const b = item('b', 'B');
    expect(preparePlan(data([a, b])).hash).toBe(preparePlan(data([b, a])).hash);
    expect(preparePlan(data([a, b])).hash).not.toBe(
      preparePlan(data([a, { ...b, cost: '101.00' }])).hash,
    );
  });
});
