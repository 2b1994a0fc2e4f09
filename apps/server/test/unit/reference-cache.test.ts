import { describe, expect, it } from 'vitest';
import { referenceStats } from '@caunoi/shared';
import {
  REFERENCE_TTL_MS,
  ReferenceCache,
  type PeriodFigures,
  type StatsByCell,
} from '../../src/modules/statistics/reference.cache.js';

const CELL = 'TASK_TOTAL\u0001';
const figures = (rows: Array<[string, number]>): PeriodFigures => ({
  byCell: new Map([[CELL, rows.map(([unitId, num]) => ({ unitId, num }))]]),
});

function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('the outlier references kept between saves', () => {
  it('reads a unit’s history once within the minute, and again when a write touches it', async () => {
    const c = clock();
    const cache = new ReferenceCache(c.now);
    let reads = 0;
    const read = async (): Promise<StatsByCell> => {
      reads++;
      return new Map([[CELL, referenceStats([1, 2, 3])!]]);
    };
    const sources = { unitIds: ['31@2025-07-01', '31@2008-08-01'], periodCodes: ['2023', '2024'] };
    await cache.historyOf('k', sources, read);
    await cache.historyOf('k', sources, read);
    expect(reads).toBe(1);
    // A write to another province or to the report's own period leaves it.
    cache.invalidate([
      { unitId: '01@2008-08-01', periodCode: '2024' },
      { unitId: '31@2025-07-01', periodCode: '2025' },
    ]);
    await cache.historyOf('k', sources, read);
    expect(reads).toBe(1);
    // A write to the former province's 2024 figures, which the history reads, drops it.
    cache.invalidate([{ unitId: '31@2008-08-01', periodCode: '2024' }]);
    await cache.historyOf('k', sources, read);
    expect(reads).toBe(2);
    c.advance(REFERENCE_TTL_MS);
    await cache.historyOf('k', sources, read);
    expect(reads).toBe(3);
  });

  it('reads the figures of a period once for every province, each leaving itself out', async () => {
    const c = clock();
    const cache = new ReferenceCache(c.now);
    let reads = 0;
    const read = async () => {
      reads++;
      return figures([
        ['A', 10],
        ['B', 20],
        ['C', 1000],
      ]);
    };
    const [a, cStats] = await Promise.all([
      cache.peersOf('form|2025', 'A', read),
      cache.peersOf('form|2025', 'C', read),
    ]);
    expect(reads).toBe(1);
    expect(a.get(CELL)).toEqual(referenceStats([20, 1000]));
    expect(cStats.get(CELL)).toEqual(referenceStats([10, 20]));
    // Other provinces' saves do not drop it: it is at most a minute old.
    cache.invalidate([{ unitId: 'B', periodCode: '2025' }]);
    await cache.peersOf('form|2025', 'B', read);
    expect(reads).toBe(1);
    c.advance(REFERENCE_TTL_MS);
    await cache.peersOf('form|2025', 'B', read);
    expect(reads).toBe(2);
  });

  it('keeps no failed read', async () => {
    const cache = new ReferenceCache(clock().now);
    await expect(
      cache.peersOf('k', 'A', () => Promise.reject(new Error('connection lost'))),
    ).rejects.toThrow('connection lost');
    expect((await cache.peersOf('k', 'A', async () => figures([['B', 1]]))).size).toBe(1);
  });
});
