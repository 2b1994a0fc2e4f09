import { describe, expect, it } from 'vitest';
import { checkOutlier, makePeriod } from '@caunoi/shared';
import { referenceRegistry } from '@caunoi/units/reference';
import { Catalogue, cellKey, evaluateRules } from '../../src/modules/statistics/catalogue.js';
import { REAL_VALUES } from '../../src/seed/demo-statistics-data.js';
import {
  cellsExplaining,
  generateStatistics,
  numbersOf,
  typedCellsOf,
  type UnitYearValues,
} from '../../src/seed/demo-statistics-values.js';
import { STARTER_CATALOGUE } from '../../src/seed/indicator-catalogue.js';

/**
 * The synthetic statistics as generated, before they reach a database: what a reporter, an
 * approver and the Ministry would notice if the numbers were careless.
 */
const FORM = 'BM-KHCN-NAM';
const registry = referenceRegistry();
const catalogue = new Catalogue(
  STARTER_CATALOGUE,
  STARTER_CATALOGUE.rules.map((r) => ({ ...r, scopeFormCodes: null, scopeUnitIds: null })),
);
// The annual form's indicators: every group but the index's inputs, which have their own form.
const indicatorCodes = STARTER_CATALOGUE.indicators
  .filter((i) => i.group !== 'PII')
  .map((i) => i.code);
const reporters = new Map<number, string[]>();
for (let year = 2019; year <= 2025; year++) {
  const end = makePeriod('year', 'statistical', year)!.end;
  reporters.set(
    year,
    registry.units.filter((u) => registry.isValidOn(u, end)).map((u) => u.id),
  );
}
const input = { catalogue, registry, formCode: FORM, indicatorCodes, reporters };
const generated = generateStatistics(input);
const at = (unitId: string, year: number) =>
  generated.find((g) => g.unitId === unitId && g.year === year)!;
function groupBy<K>(list: UnitYearValues[], key: (uy: UnitYearValues) => K) {
  const out = new Map<K, UnitYearValues[]>();
  for (const uy of list) out.set(key(uy), [...(out.get(key(uy)) ?? []), uy]);
  return out;
}
const value = (uy: UnitYearValues, code: string, option = '') =>
  uy.synthetic.get(cellKey(code, option)) ?? uy.real.get(cellKey(code, option))?.num;

describe('synthetic statistics of the demo', () => {
  it('covers the 63 former provinces for 2019–2024 and the 34 provinces for 2025', () => {
    for (let year = 2019; year <= 2024; year++) {
      const units = generated.filter((g) => g.year === year).map((g) => g.unitId);
      expect(units).toHaveLength(63);
      expect(units.every((id) => id.endsWith('@2008-08-01'))).toBe(true);
    }
    const today = generated.filter((g) => g.year === 2025).map((g) => g.unitId);
    expect(today).toHaveLength(34);
    expect(today.every((id) => id.endsWith('@2025-07-01'))).toBe(true);
  });

  it('fills every typed cell, never a total or a ratio computed from its components', () => {
    const typed = typedCellsOf(catalogue, indicatorCodes);
    expect(typed.has(cellKey('TASK_IMPLEMENTED', 'TINH'))).toBe(true);
    expect(typed.has(cellKey('TASK_IMPLEMENTED', ''))).toBe(false);
    expect(typed.has(cellKey('BUDGET_ST_SHARE', ''))).toBe(false);
    const missing: string[] = [];
    const extra: string[] = [];
    for (const uy of generated) {
      const blanks = new Set(
        REAL_VALUES.filter((r) => r.unitId === uy.unitId && r.year === uy.year).flatMap((r) => [
          cellKey(r.indicatorCode, r.optionCode),
          ...(r.blanks ?? []).map((code) => cellKey(code, '')),
        ]),
      );
      for (const key of typed) {
        if (!blanks.has(key) && !uy.synthetic.has(key)) missing.push(`${uy.unitId} ${key}`);
      }
      for (const [key, v] of uy.synthetic) {
        if (!typed.has(key) || !Number.isFinite(v)) extra.push(`${uy.unitId} ${key}`);
      }
    }
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
  });

  it('is the same on every run', () => {
    const again = generateStatistics(input);
    expect(again.map((g) => [...g.synthetic])).toEqual(generated.map((g) => [...g.synthetic]));
  });

  it('passes every error rule, and explains each of its few warnings where the report view looks', () => {
    let warnings = 0;
    for (const uy of generated) {
      const results = evaluateRules(catalogue.rulesFor(FORM, uy.unitId), numbersOf(catalogue, uy));
      for (const r of results) {
        if (r.outcome.status !== 'failed') continue;
        const where = `${r.rule.code} ${uy.unitId} ${uy.year}`;
        expect(r.rule.severity, where).toBe('warning');
        warnings++;
        const explained = cellsExplaining(catalogue, r).some((c) =>
          uy.comments.has(cellKey(c.indicatorCode, c.optionCode)),
        );
        expect(explained, where).toBe(true);
      }
    }
    expect(warnings).toBeGreaterThan(0);
    expect(warnings).toBeLessThan(generated.length * 0.03);
  });

  it('keeps the real figures, leaves the components of a reported ratio blank', () => {
    const hp2020 = at('31@2008-08-01', 2020);
    expect(hp2020.real.get(cellKey('TFP_SHARE_GRDP_GROWTH', ''))?.num).toBe(40.43);
    expect(hp2020.synthetic.has(cellKey('TFP_INCREASE', ''))).toBe(false);
    expect(hp2020.synthetic.has(cellKey('GRDP_INCREASE', ''))).toBe(false);
    // The ratio that rules and views see is the one reported.
    expect(numbersOf(catalogue, hp2020).get(cellKey('TFP_SHARE_GRDP_GROWTH', ''))).toBe(40.43);
    const nd2022 = at('36@2008-08-01', 2022);
    expect(value(nd2022, 'TECH_PROCESSES_APPLIED')).toBe(45);
    expect(nd2022.synthetic.has(cellKey('TECH_PROCESSES_APPLIED', ''))).toBe(false);
    // The province's other years follow its real figure, not a figure of another province.
    const nd2021 = value(at('36@2008-08-01', 2021), 'TECH_PROCESSES_APPLIED')!;
    expect(nd2021).toBeGreaterThan(30);
    expect(nd2021).toBeLessThan(60);
  });

  it('gives a merged province about the sum of its predecessors and Hà Nội more than a small province', () => {
    const grdp = (unitId: string, year: number) => value(at(unitId, year), 'PROV_GRDP')!;
    // Ninh Bình of 2025 = Hà Nam + Nam Định + Ninh Bình, each grown a year.
    const parts = ['35@2008-08-01', '36@2008-08-01', '37@2008-08-01'].reduce(
      (s, id) => s + grdp(id, 2024),
      0,
    );
    const merged = grdp('37@2025-07-01', 2025);
    expect(merged / parts).toBeGreaterThan(1.03);
    expect(merged / parts).toBeLessThan(1.2);
    const tasks = (uy: UnitYearValues) =>
      ['QUOC_GIA', 'BO', 'TINH', 'CO_SO'].reduce(
        (s, o) => s + value(uy, 'TASK_IMPLEMENTED', o)!,
        0,
      );
    expect(tasks(at('01@2008-08-01', 2024))).toBeGreaterThan(
      1.5 * tasks(at('06@2008-08-01', 2024)),
    );
    // Gentle growth: a province's figures move by a few percent a year, not by leaps.
    const hp = [2019, 2020, 2021, 2022, 2023, 2024].map((y) => tasks(at('31@2008-08-01', y)));
    for (let i = 1; i < hp.length; i++)
      expect(Math.abs(hp[i]! / hp[i - 1]! - 1)).toBeLessThan(0.15);
  });

  it('leaves few figures that the report view would flag as outliers', () => {
    const column = (list: UnitYearValues[], key: string) =>
      list.flatMap((o) => (o.synthetic.has(key) ? [o.synthetic.get(key)!] : []));
    const byYear = groupBy(generated, (g) => g.year);
    const byUnit = groupBy(generated, (g) => g.unitId);
    let cells = 0;
    let flagged = 0;
    for (const uy of generated) {
      const peers = byYear.get(uy.year)!.filter((o) => o !== uy);
      const history = byUnit.get(uy.unitId)!.filter((o) => o.year < uy.year);
      for (const [key, v] of uy.synthetic) {
        cells++;
        const flag =
          checkOutlier(v, column(peers, key)).flagged ||
          checkOutlier(v, column(history, key)).flagged;
        if (flag) flagged++;
      }
    }
    expect(flagged).toBeGreaterThan(0);
    expect(flagged / cells).toBeLessThan(0.01);
  }, 60_000);
});
