/**
 * The entry grid's work on each change (a committed cell, a paste): the report's rules evaluated
 * again on the values as they stand, totals and ratios recomputed, every cell's marks rebuilt.
 * Measured on the starter annual form (57 indicators, 82 cells, 17 rules) and on a form ten times
 * as large, against reading every typed text of the same form (`parseCellValue`), the least the
 * grid must do when its values change.
 */
import { parseCellValue, type IndicatorCatalogue, type ValueType } from '@caunoi/shared';
import { STARTER_CATALOGUE } from '../apps/server/src/seed/indicator-catalogue.js';
import {
  cellKeyOf,
  cellMarks,
  liveState,
  parsedRules,
  type PendingCell,
} from '../apps/web/src/modules/statistics/grid/model.js';
import type {
  ReportIndicator,
  ReportView,
  RuleResult,
} from '../apps/web/src/modules/statistics/types.js';
import { draftReport } from '../apps/web/test/support/report-view.js';

/** The catalogue repeated `copies` times, codes suffixed, rules rewritten on the copies. */
function scaled(catalogue: IndicatorCatalogue, copies: number): IndicatorCatalogue {
  if (copies === 1) return catalogue;
  const suffix = (code: string, k: number) => (k === 0 ? code : `${code}_${k}`);
  const rename = (expression: string, k: number) =>
    expression.replace(/\b([A-Z][A-Z0-9_]*)(\.[A-Z0-9_]+)?\b/g, (_, code: string, option = '') =>
      catalogue.indicators.some((i) => i.code === code) ? `${suffix(code, k)}${option}` : code,
    );
  const ks = Array.from({ length: copies }, (_, k) => k);
  return {
    ...catalogue,
    indicators: ks.flatMap((k) =>
      catalogue.indicators.map((i) => ({
        ...i,
        code: suffix(i.code, k),
        ...(i.ratio
          ? {
              ratio: {
                ...i.ratio,
                numerator: suffix(i.ratio.numerator, k),
                denominator: suffix(i.ratio.denominator, k),
              },
            }
          : {}),
      })),
    ),
    rules: ks.flatMap((k) =>
      catalogue.rules.map((r) => ({
        ...r,
        code: suffix(r.code, k),
        expression: rename(r.expression, k),
      })),
    ),
  };
}

/** A report with every cell typed (small plausible numbers, yes for yes/no). */
function reportOf(catalogue: IndicatorCatalogue): ReportView {
  const options = new Map(catalogue.disaggregations.map((d) => [d.code, d.options]));
  let n = 0;
  const indicators: ReportIndicator[] = catalogue.indicators.map((i) => {
    const opts = i.disaggregation ? (options.get(i.disaggregation) ?? []) : [];
    const cells = (opts.length > 0 ? opts : [{ code: '', nameVi: '', nameEn: '' }]).map((o) => ({
      optionCode: o.code,
      optionNameVi: o.code ? o.nameVi : null,
      optionNameEn: o.code ? o.nameEn : null,
      value: {
        id: `v${n}`,
        num: i.valueType === 'boolean' ? 1 : 10 + (n++ % 17),
        txt: null,
        comment: null,
        synthetic: false,
        channel: 'grid' as const,
        updatedBy: 'hp.chuyenvien',
        updatedAt: '2026-01-20T02:00:00.000Z',
        evidenceCount: 0,
      },
    }));
    return {
      code: i.code,
      group: i.group,
      nameVi: i.nameVi,
      nameEn: i.nameEn,
      definitionVi: i.definitionVi,
      unitVi: i.unitVi,
      unitEn: i.unitEn,
      valueType: i.valueType,
      unitAggregation: i.unitAggregation,
      ratio: i.ratio ?? null,
      evidenceRequired: i.evidenceRequired,
      derived: null,
      cells,
    };
  });
  const rules: RuleResult[] = catalogue.rules.map((r) => ({
    code: r.code,
    expression: r.expression,
    severity: r.severity,
    messageVi: r.messageVi,
    messageEn: r.messageEn,
    status: 'passed',
    left: null,
    right: null,
    cells: [...r.expression.matchAll(/\b([A-Z][A-Z0-9_]*)(?:\.([A-Z0-9_]+))?\b/g)].map((m) => ({
      indicatorCode: m[1]!,
      optionCode: m[2] ?? '',
    })),
  }));
  return draftReport(indicators, rules, 'BM-KHCN-NAM');
}

export interface GridWorkload {
  cells: number;
  rules: number;
  /** Parses the typed text of every cell once: the baseline. */
  parseAll: () => number;
  /** The grid's recheck after a change: live rules, totals, ratios and every cell's marks. */
  recheck: () => number;
}

/** The workload of a form `copies` times the starter annual form, with 20 pending edits. */
export function gridWorkload(copies: number): GridWorkload {
  const view = reportOf(scaled(STARTER_CATALOGUE, copies));
  const parsed = parsedRules(view.rules);
  const typed: Array<{ text: string; type: ValueType }> = [];
  const pending = new Map<string, PendingCell>();
  for (const i of view.indicators) {
    for (const c of i.cells) {
      const text = i.valueType === 'boolean' ? 'Có' : String(c.value!.num);
      typed.push({ text, type: i.valueType });
      if (pending.size < 20) {
        pending.set(cellKeyOf({ indicatorCode: i.code, optionCode: c.optionCode }), {
          value: i.valueType === 'boolean' ? 'không' : '1234',
        });
      }
    }
  }
  const texts = {
    rule: (r: RuleResult) => r.messageVi,
    outlier: () => '',
  };
  return {
    cells: typed.length,
    rules: view.rules.length,
    parseAll: () => {
      let ok = 0;
      for (const t of typed) if (parseCellValue(t.text, t.type).ok) ok++;
      return ok;
    },
    recheck: () => cellMarks(view, liveState(view, pending, parsed), texts).size,
  };
}
