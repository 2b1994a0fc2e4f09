import {
  evaluateRule,
  parseRule,
  type DisaggregationDefinition,
  type IndicatorCatalogue,
  type IndicatorDefinition,
  type IndicatorGroupDefinition,
  type ParsedRule,
  type RuleOutcome,
  type ValidationRuleDefinition,
} from '@caunoi/shared';

/** A validation rule as stored: its definition, its scope and its parsed expression. */
export interface CatalogueRule extends ValidationRuleDefinition {
  /** Form codes the rule applies to; null = every form. */
  scopeFormCodes: string[] | null;
  /** Units the rule applies to; null = every unit. */
  scopeUnitIds: string[] | null;
  parsed: ParsedRule;
}

/** One cell of an indicator: its option ('' = the indicator itself when it has no options). */
export interface IndicatorCell {
  indicatorCode: string;
  optionCode: string;
}

/** The catalogue in memory, with the lookups every statistics service needs. */
export class Catalogue {
  readonly indicators = new Map<string, IndicatorDefinition>();
  readonly disaggregations = new Map<string, DisaggregationDefinition>();
  readonly groups: IndicatorGroupDefinition[];
  readonly rules: CatalogueRule[];

  constructor(data: IndicatorCatalogue, rules: ReadonlyArray<Omit<CatalogueRule, 'parsed'>>) {
    for (const d of data.disaggregations) this.disaggregations.set(d.code, d);
    for (const i of data.indicators) this.indicators.set(i.code, i);
    this.groups = data.groups;
    this.rules = rules.map((r) => ({ ...r, parsed: parseRule(r.expression) }));
  }

  indicator(code: string): IndicatorDefinition | undefined {
    return this.indicators.get(code);
  }

  /** The options of an indicator's disaggregation (empty when it has none). */
  optionsOf(indicator: IndicatorDefinition): DisaggregationDefinition['options'] {
    return indicator.disaggregation
      ? (this.disaggregations.get(indicator.disaggregation)?.options ?? [])
      : [];
  }

  /** The cells a reporter types for an indicator: one per option, or one when it has none. */
  cellsOf(indicator: IndicatorDefinition): IndicatorCell[] {
    const options = this.optionsOf(indicator);
    return options.length === 0
      ? [{ indicatorCode: indicator.code, optionCode: '' }]
      : options.map((o) => ({ indicatorCode: indicator.code, optionCode: o.code }));
  }

  /** True when the pair names a typed cell of the catalogue. */
  isCell(indicatorCode: string, optionCode: string): boolean {
    const indicator = this.indicators.get(indicatorCode);
    if (!indicator) return false;
    const options = this.optionsOf(indicator);
    return options.length === 0 ? optionCode === '' : options.some((o) => o.code === optionCode);
  }

  /** Rules that apply to a form and unit. */
  rulesFor(formCode: string | null, unitId: string): CatalogueRule[] {
    return this.rules.filter(
      (r) =>
        (r.scopeFormCodes === null || formCode === null || r.scopeFormCodes.includes(formCode)) &&
        (r.scopeUnitIds === null || r.scopeUnitIds.includes(unitId)),
    );
  }
}

/** A cell's number, from the stored values: `CODE\u0001OPTION` → number. */
export type CellNumbers = ReadonlyMap<string, number>;

export const cellKey = (indicatorCode: string, optionCode: string) =>
  `${indicatorCode}\u0001${optionCode}`;

/**
 * The numbers rules and ratios see for one unit and period: typed cells, the derived total of a
 * disaggregated indicator (sum of its options present; absent when none is), and a ratio computed
 * from its numerator and denominator when both are present (else the ratio as reported).
 */
export function derivedNumbers(catalogue: Catalogue, typed: CellNumbers): Map<string, number> {
  const out = new Map(typed);
  for (const indicator of catalogue.indicators.values()) {
    const options = catalogue.optionsOf(indicator);
    if (options.length === 0) continue;
    let total = 0;
    let any = false;
    for (const o of options) {
      const v = typed.get(cellKey(indicator.code, o.code));
      if (v !== undefined) {
        total += v;
        any = true;
      }
    }
    if (any) out.set(cellKey(indicator.code, ''), total);
  }
  for (const indicator of catalogue.indicators.values()) {
    const computed = computedRatio(indicator, out);
    if (computed !== undefined) out.set(cellKey(indicator.code, ''), computed);
  }
  return out;
}

/** A ratio indicator's value from its components, when both are present and the denominator is not 0. */
export function computedRatio(
  indicator: IndicatorDefinition,
  numbers: ReadonlyMap<string, number>,
): number | undefined {
  if (indicator.unitAggregation !== 'ratio' || !indicator.ratio) return undefined;
  const n = numbers.get(cellKey(indicator.ratio.numerator, ''));
  const d = numbers.get(cellKey(indicator.ratio.denominator, ''));
  if (n === undefined || d === undefined || d === 0) return undefined;
  return (n / d) * indicator.ratio.factor;
}

export interface RuleResult {
  rule: CatalogueRule;
  outcome: RuleOutcome;
  /** The cells the rule reads, to mark them in the grid. */
  cells: IndicatorCell[];
}

/** Evaluates the rules over one unit and period's numbers; rules with missing values are skipped. */
export function evaluateRules(
  rules: readonly CatalogueRule[],
  numbers: ReadonlyMap<string, number>,
): RuleResult[] {
  return rules.map((rule) => ({
    rule,
    outcome: evaluateRule(rule.parsed, (ref) => numbers.get(refCellKey(ref)) ?? null, 'skip'),
    cells: rule.parsed.references.map(refCell),
  }));
}

/** `CODE` or `CODE.OPTION` as a cell. */
export function refCell(ref: string): IndicatorCell {
  const dot = ref.indexOf('.');
  return dot < 0
    ? { indicatorCode: ref, optionCode: '' }
    : { indicatorCode: ref.slice(0, dot), optionCode: ref.slice(dot + 1) };
}

const refCellKey = (ref: string) => {
  const c = refCell(ref);
  return cellKey(c.indicatorCode, c.optionCode);
};
