import { describe, expect, it } from 'vitest';
import {
  audit,
  buildFramework,
  correlationMatrix,
  correlations,
  cronbachAlpha,
  efficiency,
  fromRows,
  parseFramework,
  parseUnitData,
  pca,
  pearson,
  runPipeline,
  strengthsWeaknesses,
  symmetricEigenvalues,
  type DataSet,
  type FrameworkRow,
  type Value,
} from '../src/index.js';
import { ASEM_CONFIG, readFixture } from './support/asem.js';

describe('pearson', () => {
  it('equals the textbook value and uses only complete pairs', () => {
    // x = 1..5, y = 2,4,5,4,5: Sxy = 6, Sxx = 10, Syy = 6, r = 6/√60 = √0.6
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(Math.sqrt(0.6), 14);
    expect(pearson([1, 2, null, 3, 4, 5, 9], [2, 4, 7, 5, 4, 5, null])).toBeCloseTo(
      Math.sqrt(0.6),
      14,
    );
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 14);
  });

  it('is null with fewer than two pairs or no variance', () => {
    expect(pearson([1, null, 3], [null, 2, 3])).toBeNull();
    expect(pearson([1, 2, 3], [4, 4, 4])).toBeNull();
  });

  it('fills a matrix with 1 on the diagonal', () => {
    const data = fromRows(
      ['a', 'b', 'c', 'd', 'e'],
      ['x', 'y', 'k'],
      [
        [1, 2, 7],
        [2, 4, 7],
        [3, 5, 7],
        [4, 4, 7],
        [5, 5, 7],
      ],
    );
    const m = correlationMatrix(['x', 'y', 'k'], data);
    expect(m.codes).toEqual(['x', 'y', 'k']);
    expect(m.values[0]![0]).toBe(1);
    expect(m.values[0]![1]).toBeCloseTo(Math.sqrt(0.6), 14);
    expect(m.values[1]![0]).toBe(m.values[0]![1]);
    expect(m.values[2]).toEqual([null, null, null]);
  });
});

describe('cronbachAlpha', () => {
  it('equals k/(k−1)(1 − Σvar/var(total)) on complete rows', () => {
    // items a, b, c over 4 rows: var 5/3, 5/3, 8/3 (sum 6); totals 4, 8, 10, 14: var 52/3
    // α = 3/2 · (1 − 6 / (52/3)) = 51/52. The fifth row lacks c and is left out.
    const a: Value[] = [1, 2, 3, 4, 100];
    const b: Value[] = [2, 3, 4, 5, -50];
    const c: Value[] = [1, 3, 3, 5, null];
    expect(cronbachAlpha([a, b, c])).toBeCloseTo(51 / 52, 14);
  });

  it('is null for one item, one complete row, or a constant total', () => {
    expect(cronbachAlpha([[1, 2, 3]])).toBeNull();
    expect(
      cronbachAlpha([
        [1, null],
        [2, 3],
      ]),
    ).toBeNull();
    expect(
      cronbachAlpha([
        [1, 2, 3],
        [3, 2, 1],
      ]),
    ).toBeNull();
  });
});

describe('pca', () => {
  it('finds the eigenvalues of known symmetric matrices', () => {
    // equicorrelation ρ = 0.5: 1 + 2ρ, 1 − ρ, 1 − ρ
    const eq = symmetricEigenvalues([
      [1, 0.5, 0.5],
      [0.5, 1, 0.5],
      [0.5, 0.5, 1],
    ]);
    [2, 0.5, 0.5].forEach((want, i) => expect(eq[i]).toBeCloseTo(want, 12));
    // tridiagonal 2, 1: 2 + √2, 2, 2 − √2
    const tri = symmetricEigenvalues([
      [2, 1, 0],
      [1, 2, 1],
      [0, 1, 2],
    ]);
    [2 + Math.SQRT2, 2, 2 - Math.SQRT2].forEach((want, i) => expect(tri[i]).toBeCloseTo(want, 12));
  });

  it('works on the correlation matrix: two variables give 1 ± r', () => {
    const r = Math.sqrt(0.6);
    const p = pca([
      [1, 2, 3, 4, 5, null],
      [2, 4, 5, 4, 5, 8],
    ])!;
    expect(p.rows).toBe(5);
    expect(p.eigenvalues[0]).toBeCloseTo(1 + r, 12);
    expect(p.eigenvalues[1]).toBeCloseTo(1 - r, 12);
    expect(p.varianceExplained[0]).toBeCloseTo((1 + r) / 2, 12);
    expect(p.eigenvalues[0]! + p.eigenvalues[1]!).toBeCloseTo(2, 12);
  });

  it('is null when a variable is constant', () => {
    expect(
      pca([
        [1, 2, 3],
        [5, 5, 5],
      ]),
    ).toBeNull();
  });
});

describe('strengths and weaknesses (GII rule)', () => {
  // 28 indicators; every column has 11 units with a value (percentile rank (11 − r)/10), except
  // i27 (3 units: rank 3 is percentile 0) and i28 (unit X has no value).
  const xRanks: (number | null)[] = [
    ...[1, 2, 4, 4, 5, 5, 5, 5, 6, 6], // the 10 best; the 10th best is rank 6
    6, // tied with the 10th best: also a strength
    ...[7, 7, 7, 7], // middle
    ...[8, 9, 9, 9, 10, 10, 10, 11, 11, 11], // the 10 worst with 11 units…
    8, // …tied with rank 8
    3, // i27: rank 3 of 3, percentile 0, the unit's worst, but rank ≤ 3
    null, // i28
  ];
  const codes = xRanks.map((_, j) => `i${String(j + 1).padStart(2, '0')}`);
  const units = ['X', ...Array.from({ length: 10 }, (_, i) => `U${i + 1}`)];
  const values = new Map<string, Value[]>();
  codes.forEach((code, j) => {
    const others = Array.from({ length: 10 }, (_, i): Value =>
      code === 'i27' && i >= 2 ? null : i + 1,
    );
    values.set(code, [xRanks[j]!, ...others]);
  });
  const ranks: DataSet = { units, columns: codes, values };
  const rows: FrameworkRow[] = [
    ...codes.map((iCode): FrameworkRow => ({ iCode, type: 'Indicator', level: 1, parent: 'I' })),
    { iCode: 'I', type: 'Aggregate', level: 2 },
  ];
  const framework = buildFramework(rows);

  it('marks at or above the 10th best, at or below the 10th worst, rank ≤ 3 always a strength', () => {
    const marks = strengthsWeaknesses(framework, { ranks }, 'X');
    const of = (m: string | null) => codes.filter((c) => marks[c] === m);
    // the 11 best by percentile, plus i27 by the rank ≤ 3 rule
    expect(of('strength')).toEqual([...codes.slice(0, 11), 'i27']);
    // i27 (percentile 0) is the worst, so the 10th worst is rank 9 (percentile 0.2): ranks ≥ 9
    expect(of('weakness')).toEqual(['i17', 'i18', 'i19', 'i20', 'i21', 'i22', 'i23', 'i24', 'i25']);
    // middle ranks 7, rank 8 (percentile 0.3 > 0.2), and the missing value
    expect(of(null)).toEqual(['i12', 'i13', 'i14', 'i15', 'i16', 'i26', 'i28']);
  });

  it('refuses an unknown unit', () => {
    expect(() => strengthsWeaknesses(framework, { ranks }, 'ZZZ')).toThrow(/ZZZ/);
  });
});

describe('efficiency', () => {
  it('divides output by input and ranks the ratio', () => {
    const data = fromRows(
      ['A', 'B', 'C', 'D'],
      ['Out', 'In'],
      [
        [30, 60],
        [40, 40],
        [null, 10],
        [20, 40],
      ],
    );
    expect(efficiency(data, 'Out', 'In')).toEqual([
      { unit: 'A', ratio: 0.5, rank: 2 },
      { unit: 'B', ratio: 1, rank: 1 },
      { unit: 'C', ratio: null, rank: null },
      { unit: 'D', ratio: 0.5, rank: 2 },
    ]);
  });
});

describe('correlations with parent and index', () => {
  it('correlates each node with its parent and the top aggregate', () => {
    const framework = buildFramework([
      { iCode: 'x', type: 'Indicator', level: 1, parent: 'P' },
      { iCode: 'y', type: 'Indicator', level: 1, parent: 'P' },
      { iCode: 'z', type: 'Indicator', level: 1, parent: 'Q' },
      { iCode: 'P', type: 'Aggregate', level: 2, parent: 'I' },
      { iCode: 'Q', type: 'Aggregate', level: 2, parent: 'I' },
      { iCode: 'I', type: 'Aggregate', level: 3 },
    ]);
    const x = [1, 2, 3, 4, 5];
    const y = [2, 4, 5, 4, 5];
    const z = [5, 3, 4, 1, 2];
    const P = x.map((v, i) => (v + y[i]!) / 2);
    const I = P.map((v, i) => (v + z[i]!) / 2);
    const aggregated = fromRows(
      ['a', 'b', 'c', 'd', 'e'],
      ['x', 'y', 'z', 'P', 'Q', 'I'],
      x.map((_, i) => [x[i]!, y[i]!, z[i]!, P[i]!, z[i]!, I[i]!]),
    );
    const rows = correlations(framework, { aggregated });
    expect(rows.map((r) => r.code)).toEqual(['x', 'y', 'z', 'P', 'Q', 'I']);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    expect(byCode.get('x')!.withParent).toBeCloseTo(pearson(x, P)!, 14);
    expect(byCode.get('x')!.withIndex).toBeCloseTo(pearson(x, I)!, 14);
    expect(byCode.get('z')!.withParent).toBeCloseTo(1, 14);
    expect(byCode.get('P')!.parent).toBe('I');
    expect(byCode.get('I')).toMatchObject({ parent: null, withParent: null, withIndex: null });
  });

  it('needs the aggregated scores', () => {
    const framework = buildFramework([
      { iCode: 'x', type: 'Indicator', level: 1, parent: 'I' },
      { iCode: 'I', type: 'Aggregate', level: 2 },
    ]);
    expect(() => correlations(framework, { aggregated: null })).toThrow(/aggregate/);
  });
});

describe('audit of the ASEM example', () => {
  const framework = parseFramework(readFixture('iMeta.csv'));
  const table = parseUnitData(readFixture('iData.csv'));
  const result = runPipeline(framework, table, ASEM_CONFIG);
  const a = audit(framework, result, { efficiency: { output: 'Sust', input: 'Conn' } });
  const aggregates = framework.aggregates.flat();

  it('has a finite Cronbach alpha for every aggregate with two or more children', () => {
    expect(a.cronbach.map((c) => c.aggregate)).toEqual(aggregates);
    for (const c of a.cronbach) {
      expect(c.items).toBe(framework.children.get(c.aggregate)!.length);
      expect(Number.isFinite(c.alpha), c.aggregate).toBe(true);
      expect(c.alpha!).toBeLessThanOrEqual(1);
    }
  });

  it('has PCA eigenvalues, descending, summing to the number of children', () => {
    for (const p of a.pca) {
      const k = framework.children.get(p.aggregate)!.length;
      expect(p.eigenvalues, p.aggregate).toHaveLength(k);
      expect(p.eigenvalues.reduce((s, x) => s + x, 0)).toBeCloseTo(k, 9);
      expect(p.varianceExplained.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
      for (let i = 1; i < k; i++)
        expect(p.eigenvalues[i]!).toBeLessThanOrEqual(p.eigenvalues[i - 1]!);
      expect(p.rows).toBe(51);
    }
  });

  it('correlates all 49 indicators and every aggregate, within [−1, 1]', () => {
    expect(a.correlations).toHaveLength(49 + aggregates.length);
    for (const c of a.correlations) {
      if (c.code === 'Index') continue;
      expect(Math.abs(c.withParent!), c.code).toBeLessThanOrEqual(1);
      expect(Math.abs(c.withIndex!), c.code).toBeLessThanOrEqual(1);
    }
    // a sub-index correlates positively with the index it is half of
    expect(a.correlations.find((c) => c.code === 'Conn')!.withParent!).toBeGreaterThan(0.5);
  });

  it('gives heat maps of each aggregate’s children and marks for every unit', () => {
    for (const m of a.matrices) {
      const kids = framework.children.get(m.aggregate)!;
      expect(m.codes).toEqual(kids);
      m.values.forEach((row, i) => expect(row[i]).toBe(1));
    }
    expect(Object.keys(a.marks)).toHaveLength(51);
    for (const marks of Object.values(a.marks)) {
      const strengths = Object.values(marks).filter((m) => m === 'strength').length;
      const weaknesses = Object.values(marks).filter((m) => m === 'weakness').length;
      expect(strengths).toBeGreaterThanOrEqual(10);
      expect(weaknesses).toBeGreaterThan(0);
    }
    expect(a.efficiency).toHaveLength(51);
    expect(a.efficiency.every((e) => e.ratio !== null && e.ratio > 0)).toBe(true);
  });
});
