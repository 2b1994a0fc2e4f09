import { describe, expect, it } from 'vitest';
import { UnitError, UnitRegistry, type UnitErrorCode } from '../src/index.js';
import { referenceRegistry } from '../src/reference.js';
import { edge, unit } from './support/build.js';
import { lineageRows, newId, NEW_FROM, oldId, provinces34Rows, TODAY } from './support/data.js';

const registry = referenceRegistry();

function errorCode(fn: () => unknown): UnitErrorCode | 'no error' {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UnitError);
    return (error as UnitError).code;
  }
  return 'no error';
}

describe('dates that are not calendar dates', () => {
  it.each([
    '2025-02-30',
    '2025-13-01',
    '2025-7-1',
    '01/07/2025',
    '',
    'hôm nay',
    '2025-07-01T00:00',
  ])('"%s" is INVALID_DATE everywhere', (bad) => {
    expect(errorCode(() => registry.asOf(bad))).toBe('INVALID_DATE');
    expect(errorCode(() => registry.resolveCode('31', bad))).toBe('INVALID_DATE');
    expect(errorCode(() => registry.map('31@2025-07-01', bad, TODAY))).toBe('INVALID_DATE');
    expect(errorCode(() => registry.map('31@2025-07-01', TODAY, bad))).toBe('INVALID_DATE');
  });

  it('accepts 29 February of a leap year', () => {
    expect(registry.asOf('2024-02-29')).toHaveLength(63);
  });

  it('names the bad value in a Vietnamese message', () => {
    expect(() => registry.asOf('2025-02-30')).toThrow(/không phải ngày hợp lệ.*"2025-02-30"/);
  });
});

describe('dates before the data', () => {
  it('2008-07-31 is DATE_OUT_OF_RANGE; 2008-08-01 is the first day', () => {
    expect(errorCode(() => registry.asOf('2008-07-31'))).toBe('DATE_OUT_OF_RANGE');
    expect(errorCode(() => registry.resolveCode('01', '2008-07-31'))).toBe('DATE_OUT_OF_RANGE');
    expect(errorCode(() => registry.map('01@2008-08-01', '2008-07-31', TODAY))).toBe(
      'DATE_OUT_OF_RANGE',
    );
    expect(errorCode(() => registry.map('01@2025-07-01', TODAY, '2008-07-31'))).toBe(
      'DATE_OUT_OF_RANGE',
    );
    expect(() => registry.asOf('1990-01-01')).toThrow(/2008-08-01/);
    expect(registry.asOf('2008-08-01')).toHaveLength(63);
    expect(registry.map('01@2025-07-01', TODAY, '2008-08-01').units).toEqual([
      { unitId: '01@2008-08-01', weight: 1, path: ['01@2025-07-01', '01@2008-08-01'] },
    ]);
  });
});

describe('mapping from a date on which the unit was not valid', () => {
  it.each([
    ['36@2008-08-01', NEW_FROM],
    ['36@2008-08-01', TODAY],
    ['37@2025-07-01', '2025-06-30'],
    ['37@2025-07-01', '2010-01-01'],
  ])('%s on %s is UNIT_NOT_VALID_ON_DATE', (id, date) => {
    expect(errorCode(() => registry.map(id, date, '2024-06-30'))).toBe('UNIT_NOT_VALID_ON_DATE');
    expect(() => registry.map(id, date, '2024-06-30')).toThrow(id);
  });

  it('nameOn and snapshot refuse a day outside the unit', () => {
    const namDinh = registry.require('36@2008-08-01');
    expect(errorCode(() => registry.nameOn(namDinh, NEW_FROM))).toBe('UNIT_NOT_VALID_ON_DATE');
    expect(errorCode(() => registry.snapshot(namDinh, TODAY))).toBe('UNIT_NOT_VALID_ON_DATE');
    expect(registry.isValidOn(namDinh, '2025-06-30')).toBe(true);
    expect(registry.isValidOn(namDinh, NEW_FROM)).toBe(false);
  });
});

describe('unknown unit ids', () => {
  it.each(['99@2025-07-01', '36@2025-07-01', '36', '', '31@2008-08-02'])(
    '"%s" is UNIT_NOT_FOUND',
    (id) => {
      expect(registry.get(id)).toBeUndefined();
      expect(errorCode(() => registry.require(id))).toBe('UNIT_NOT_FOUND');
      expect(errorCode(() => registry.map(id, '2024-06-30', TODAY))).toBe('UNIT_NOT_FOUND');
      expect(errorCode(() => registry.predecessorsOf(id))).toBe('UNIT_NOT_FOUND');
      expect(errorCode(() => registry.successorsOf(id))).toBe('UNIT_NOT_FOUND');
    },
  );
});

describe('same-date mapping', () => {
  it.each([
    ['36@2008-08-01', '2024-06-30'],
    ['46@2008-08-01', '2025-01-01'],
    ['31@2025-07-01', TODAY],
  ])('%s on %s is the unit itself', (id, date) => {
    expect(registry.map(id, date, date)).toEqual({
      from: { unitId: id, date },
      toDate: date,
      direction: 'same',
      units: [{ unitId: id, weight: 1, path: [id] }],
    });
  });
});

describe('additive figures of the former units add up in the new ones', () => {
  it('Σ weight × value over the forward mappings equals the sum over the predecessors', () => {
    const value = (id: string) => Number(registry.require(id).code);
    const totals = new Map<string, number>();
    for (const row of lineageRows) {
      const from = oldId(row.old_code!);
      for (const m of registry.map(from, '2024-06-30', TODAY).units) {
        totals.set(m.unitId, (totals.get(m.unitId) ?? 0) + m.weight * value(from));
      }
    }
    expect(totals.size).toBe(34);
    for (const row of provinces34Rows) {
      const expected = row.predecessor_codes!.split(';').reduce((s, c) => s + Number(c), 0);
      expect(totals.get(newId(row.code!)), row.code).toBe(expected);
    }
    const grand = [...totals.values()].reduce((s, v) => s + v, 0);
    expect(grand).toBe(lineageRows.reduce((s, r) => s + Number(r.old_code), 0));
  });

  it('holds for Ninh Bình (37): Hà Nam + Nam Định + Ninh Bình', () => {
    const back = registry.map('37@2025-07-01', TODAY, '2024-06-30');
    expect(back.units.map((u) => [u.unitId, u.weight])).toEqual([
      ['35@2008-08-01', 1],
      ['36@2008-08-01', 1],
      ['37@2008-08-01', 1],
    ]);
  });
});

describe('a lineage with splits, merges and an ending (synthetic)', () => {
  // A splits 40/60 into B and C in 2010; B and C merge into D in 2015; E ends in 2004 without a
  // successor; F never changes.
  const A = unit('10', '2000-01-01', '2009-12-31', 'An');
  const B = unit('20', '2010-01-01', '2014-12-31', 'Bình');
  const C = unit('30', '2010-01-01', '2014-12-31', 'Cường');
  const D = unit('40', '2015-01-01', null, 'Dương');
  const E = unit('50', '2000-01-01', '2004-12-31', 'Én');
  const F = unit('60', '2000-01-01', null, 'Phúc');
  const reg = new UnitRegistry(
    [A, B, C, D, E, F],
    [
      edge(A.id, B.id, '2010-01-01', 0.4),
      edge(A.id, C.id, '2010-01-01', 0.6),
      edge(B.id, D.id, '2015-01-01'),
      edge(C.id, D.id, '2015-01-01'),
    ],
  );

  it('splits forward with the shares of the split', () => {
    expect(reg.map(A.id, '2005-06-01', '2012-01-01').units).toEqual([
      { unitId: B.id, weight: 0.4, path: [A.id, B.id] },
      { unitId: C.id, weight: 0.6, path: [A.id, C.id] },
    ]);
  });

  it('follows two steps forward and adds the shares back up', () => {
    const m = reg.map(A.id, '2005-06-01', '2020-01-01');
    expect(m.units).toHaveLength(1);
    expect(m.units[0]).toMatchObject({ unitId: D.id, weight: 1 });
    expect(m.units[0]!.path[0]).toBe(A.id);
    expect(m.units[0]!.path.at(-1)).toBe(D.id);
  });

  it('follows two steps backward', () => {
    expect(reg.map(D.id, '2020-01-01', '2005-06-01').units).toMatchObject([
      { unitId: A.id, weight: 1 },
    ]);
    expect(reg.map(D.id, '2020-01-01', '2012-01-01').units).toEqual([
      { unitId: B.id, weight: 1, path: [D.id, B.id] },
      { unitId: C.id, weight: 1, path: [D.id, C.id] },
    ]);
    expect(reg.map(B.id, '2012-01-01', '2005-06-01').units).toEqual([
      { unitId: A.id, weight: 0.4, path: [B.id, A.id] },
    ]);
  });

  it('maps a unit that ended without a successor to nothing', () => {
    expect(reg.map(E.id, '2003-01-01', '2020-01-01')).toMatchObject({
      direction: 'forward',
      units: [],
    });
  });

  it('maps an unchanged unit onto itself in both directions', () => {
    expect(reg.map(F.id, '2003-01-01', '2020-01-01').units).toEqual([
      { unitId: F.id, weight: 1, path: [F.id] },
    ]);
    expect(reg.map(F.id, '2020-01-01', '2003-01-01').units).toEqual([
      { unitId: F.id, weight: 1, path: [F.id] },
    ]);
  });

  it('lists the units of a day and takes its first day from the data', () => {
    expect(reg.earliestDate).toBe('2000-01-01');
    expect(reg.asOf('2003-01-01').map((u) => u.id)).toEqual([A.id, E.id, F.id]);
    expect(reg.asOf('2012-01-01').map((u) => u.id)).toEqual([B.id, C.id, F.id]);
    expect(reg.asOf('2020-01-01').map((u) => u.id)).toEqual([D.id, F.id]);
    expect(errorCode(() => reg.asOf('1999-12-31'))).toBe('DATE_OUT_OF_RANGE');
  });

  it('rounds away floating-point noise from the summed shares', () => {
    const P = unit('70', '2000-01-01', '2009-12-31');
    const parts = ['71', '72', '73'].map((c) => unit(c, '2010-01-01', '2014-12-31'));
    const Q = unit('80', '2015-01-01', null);
    const weights = [0.7, 0.2, 0.1];
    const r = new UnitRegistry(
      [P, ...parts, Q],
      [
        ...parts.map((p, i) => edge(P.id, p.id, '2010-01-01', weights[i])),
        ...parts.map((p) => edge(p.id, Q.id, '2015-01-01')),
      ],
    );
    expect(0.7 + 0.2 + 0.1).not.toBe(1);
    expect(r.map(P.id, '2005-01-01', '2020-01-01').units[0]!.weight).toBe(1);
  });
});
