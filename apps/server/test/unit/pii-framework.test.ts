import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildFramework, runPipeline, type FrameworkRow } from '@caunoi/pii';
import { PII_PILLARS, makePeriod, type PiiNode } from '@caunoi/shared';
import { referenceRegistry } from '@caunoi/units/reference';
import {
  Catalogue,
  cellKey,
  derivedNumbers,
  refCell,
} from '../../src/modules/statistics/catalogue.js';
import { STARTER_FORMS } from '../../src/modules/statistics/catalogue.sync.js';
import { generatePiiInputs } from '../../src/seed/demo-pii.js';
import { generateStatistics } from '../../src/seed/demo-statistics-values.js';
import { STARTER_CATALOGUE } from '../../src/seed/indicator-catalogue.js';
import {
  PII_DEFAULT_CONFIG,
  PII_FORM_CODE,
  PII_INDICATORS_CSV,
  illustrativeFramework,
  sourceCode,
} from '../../src/seed/pii-framework.js';

/**
 * The illustrative framework of the PII as an edition receives it: the published structure, the
 * indicators of the public sources with their placement as the file states it, each one fed by a
 * statistic the provinces report, and an engine run on the demo's figures.
 */
const catalogue = new Catalogue(
  STARTER_CATALOGUE,
  STARTER_CATALOGUE.rules.map((r) => ({ ...r, scopeFormCodes: null, scopeUnitIds: null })),
);
const framework = illustrativeFramework({ year: 2026, unitBasis: 'provinces-34' });
const of = (type: PiiNode['type'], nodes = framework) => nodes.filter((n) => n.type === type);
const byCode = (code: string, nodes = framework) => nodes.find((n) => n.code === code)!;
/** The engine's view of the rows: COINr's iMeta columns. */
const rowsOf = (nodes: PiiNode[]): FrameworkRow[] =>
  nodes.map(
    ({ code, nameVi, sourceIndicator: _s, unitVi: _u, placement: _p, nameEn: _e, ...n }) => ({
      ...n,
      iCode: code,
      name: nameVi,
    }),
  );

const csv = parse(readFileSync(PII_INDICATORS_CSV, 'utf8'), { columns: true }) as Array<
  Record<string, string>
>;
const formIndicators = STARTER_FORMS.find((f) => f.code === PII_FORM_CODE)!.indicators!(
  STARTER_CATALOGUE,
);

const annualGroups = STARTER_FORMS.find((f) => f.code === 'BM-KHCN-NAM')!.groups!;

describe('illustrative PII framework', () => {
  it('has the published tree: the index, its input and output sub-indexes and the 7 pillars', () => {
    expect(byCode('PII')).toMatchObject({ type: 'Aggregate', level: 5, parent: null });
    expect(byCode('INPUT')).toMatchObject({ level: 4, parent: 'PII' });
    expect(byCode('OUTPUT')).toMatchObject({ level: 4, parent: 'PII' });
    const pillars = framework.filter((n) => n.level === 3);
    expect(pillars.map((p) => [p.code, p.nameVi, p.parent])).toEqual(
      PII_PILLARS.map((p) => [`P${p.no}`, p.nameVi, p.no <= 5 ? 'INPUT' : 'OUTPUT']),
    );
    // Every sub-pillar sits in a pillar and holds indicators; every indicator in a sub-pillar.
    const subPillars = framework.filter((n) => n.level === 2);
    expect(subPillars.length).toBeGreaterThanOrEqual(14);
    for (const s of subPillars) {
      expect(s.code, s.nameVi).toMatch(new RegExp(`^${s.parent}\\.\\d+$`));
      expect(
        of('Indicator').some((i) => i.parent === s.code),
        s.code,
      ).toBe(true);
    }
    expect(byCode('P1.1').nameVi).toBe('Môi trường chính sách');
    expect(byCode('P2.1').nameVi).toBe('Giáo dục');
    // The file's doubts about a name are not part of it.
    expect(subPillars.map((s) => s.nameVi).filter((n) => /chưa xác nhận|\(|\//.test(n))).toEqual(
      [],
    );
  });

  it('holds the 44 indicators of the public sources, named and placed as the file states', () => {
    const indicators = of('Indicator');
    expect(indicators).toHaveLength(44);
    const named = csv.filter((r) => r.direction !== '');
    expect(indicators.map((i) => i.nameVi).sort()).toEqual(named.map((r) => r.indicator_vi).sort());
    for (const i of indicators) {
      const row = named.find((r) => r.indicator_vi === i.nameVi)!;
      expect(i.code, i.nameVi).toMatch(new RegExp(`^P${row.pillar_no}\\.\\d+\\.\\d+$`));
      expect(i.nameEn).toBe(row.indicator_en);
      expect(i.placement, i.nameVi).toBe(
        row.placement_status!.startsWith('CONFIRMED') ? 'confirmed' : 'inferred',
      );
      expect(i).toMatchObject({ level: 1, weight: 1, direction: 1 });
      expect(i.unitVi, i.code).toBeTruthy();
    }
    // Pillar 1 and the education sub-pillar are confirmed in full, the rest inferred.
    const confirmed = indicators.filter((i) => i.placement === 'confirmed').map((i) => i.code);
    expect(confirmed).toHaveLength(11);
    expect(confirmed.every((c) => c.startsWith('P1.') || c.startsWith('P2.'))).toBe(true);
    expect(indicators.filter((i) => i.code.startsWith('P1.')).length).toBe(7);
  });

  it('feeds every indicator and denominator from a numeric statistic of BM-PII or of the annual form', () => {
    const fed = [...of('Indicator'), ...of('Denominator')];
    for (const n of fed) {
      const { indicatorCode, optionCode } = refCell(n.sourceIndicator!);
      const indicator = catalogue.indicator(indicatorCode);
      expect(indicator, `${n.code} → ${n.sourceIndicator}`).toBeDefined();
      if (optionCode !== '') expect(catalogue.isCell(indicatorCode, optionCode), n.code).toBe(true);
      expect(['integer', 'decimal', 'percentage'], n.code).toContain(indicator!.valueType);
      // The index's own inputs are on BM-PII; what the annual form collects is read from it.
      const own = indicator!.group === 'PII';
      expect(formIndicators.includes(sourceCode(n.sourceIndicator!)), n.code).toBe(own);
      if (!own) expect(annualGroups, n.code).toContain(indicator!.group);
    }
    // A computed share is read from the annual form, where its components are.
    expect(byCode('P2.2.4').sourceIndicator).toBe('BUDGET_ST_SHARE');
    expect(formIndicators).not.toContain('BUDGET_ST_ESTIMATE');
    // Patents are one option of the industrial property applications the annual form holds.
    expect(byCode('P6.1.1')).toMatchObject({
      sourceIndicator: 'IP_APPLICATIONS.SANG_CHE',
      denominator: 'POP',
    });
    expect(byCode('POP')).toMatchObject({
      type: 'Denominator',
      level: null,
      sourceIndicator: 'PROV_POPULATION',
    });
    // The form is the framework's statistics, nothing else.
    const read = new Set(
      [2024, 2025, 2026].flatMap((year) =>
        illustrativeFramework({ year, unitBasis: 'provinces-34' })
          .filter((n) => n.sourceIndicator)
          .map((n) => sourceCode(n.sourceIndicator!)),
      ),
    );
    expect(formIndicators.filter((c) => !read.has(c))).toEqual([]);
    // And every input the catalogue holds for the index is read by it.
    const inputs = STARTER_CATALOGUE.indicators.filter((i) => i.group === 'PII');
    expect(inputs.map((i) => i.code).filter((c) => !read.has(c))).toEqual([]);
    // The annual form keeps its own indicators; the index's inputs are on BM-PII only.
    expect(annualGroups).not.toContain('PII');
    expect(annualGroups).toHaveLength(STARTER_CATALOGUE.groups.length - 1);
  });

  it('follows the edition: trademarks per enterprise in PII 2024, per population since', () => {
    const trademarks = (year: number) =>
      illustrativeFramework({ year, unitBasis: 'provinces-63' }).find(
        (n) => n.sourceIndicator === 'IP_APPLICATIONS.NHAN_HIEU',
      )!;
    expect(trademarks(2024).denominator).toBe('ENT');
    expect(trademarks(2025).denominator).toBe('POP');
    expect(trademarks(2026).denominator).toBe('POP');
  });

  it.each([2024, 2025, 2026])('is accepted by the engine for PII %i', (year) => {
    const nodes = illustrativeFramework({
      year,
      unitBasis: year <= 2024 ? 'provinces-63' : 'provinces-34',
    });
    const built = buildFramework(rowsOf(nodes));
    expect(built.indicators).toHaveLength(44);
    expect(built.maxLevel).toBe(5);
    expect(built.aggregates[1]).toHaveLength(7);
    expect([...built.denominators].sort()).toEqual(
      of('Denominator', nodes)
        .map((n) => n.code)
        .sort(),
    );
  });

  it('is read from the data folder next to both the sources and the build', () => {
    const fromDist = new URL(
      '../../data/pii/indicators_partial.csv',
      pathToFileURL(fileURLToPath(new URL('../../dist/seed/pii-framework.js', import.meta.url))),
    );
    expect(fromDist.href).toBe(PII_INDICATORS_CSV.href);
    expect(fileURLToPath(PII_INDICATORS_CSV)).toMatch(
      /apps\/server\/data\/pii\/indicators_partial\.csv$/,
    );
  });

  it("computes the current edition on the demo's 2025 figures with the default configuration", () => {
    const end = makePeriod('year', 'statistical', 2025)!.end;
    const registry = referenceRegistry();
    const provinces = registry.units.filter((u) => registry.isValidOn(u, end)).map((u) => u.id);
    const generated = generatePiiInputs({
      catalogue,
      registry,
      indicatorCodes: formIndicators,
      reporters: new Map([[2025, provinces]]),
    });
    expect(generated).toHaveLength(34);
    // The figures the annual form collects come from the annual demo's series.
    const annual = new Map(
      generateStatistics({
        catalogue,
        registry,
        formCode: 'BM-KHCN-NAM',
        indicatorCodes: STARTER_CATALOGUE.indicators
          .filter((i) => annualGroups.includes(i.group))
          .map((i) => i.code),
        reporters: new Map([[2025, provinces]]),
      }).map((uy) => [uy.unitId, uy.synthetic]),
    );
    const cellsOf = (unitId: string, own: ReadonlyMap<string, number>) =>
      new Map([...(annual.get(unitId) ?? []), ...own]);
    const fed = [...of('Indicator'), ...of('Denominator')];
    const columns = new Map<string, (string | null)[]>();
    for (const n of fed) {
      const { indicatorCode, optionCode } = refCell(n.sourceIndicator!);
      columns.set(
        n.code,
        generated.map((uy) => {
          const v = derivedNumbers(catalogue, cellsOf(uy.unitId, uy.cells)).get(
            cellKey(indicatorCode, optionCode),
          );
          return v === undefined ? null : String(v);
        }),
      );
    }
    // Every province has every figure: nothing is left to impute.
    for (const [code, values] of columns) expect(values.includes(null), code).toBe(false);

    const result = runPipeline(
      buildFramework(rowsOf(framework)),
      { units: generated.map((uy) => uy.unitId), columns },
      PII_DEFAULT_CONFIG,
    );
    const score = (code: string) => result.aggregated!.values.get(code)!;
    const rank = result.ranks.values.get('PII')!;
    const units = result.aggregated!.units;
    const at = (unitId: string) => units.indexOf(unitId);
    for (const v of score('PII')) expect(v).toBeGreaterThan(0);
    // The overall score is the mean of the input and output sub-indexes.
    units.forEach((_, i) =>
      expect(score('PII')[i]).toBeCloseTo((score('INPUT')[i]! + score('OUTPUT')[i]!) / 2, 9),
    );
    // Big cities ahead: Hà Nội and TP Hồ Chí Minh among the first five, Lai Châu in the second half.
    expect(rank[at('01@2025-07-01')]).toBeLessThanOrEqual(5);
    expect(rank[at('79@2025-07-01')]).toBeLessThanOrEqual(5);
    expect(rank[at('12@2025-07-01')]).toBeGreaterThan(17);
  });
});
