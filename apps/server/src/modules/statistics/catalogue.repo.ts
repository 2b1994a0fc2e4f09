import { asc } from 'drizzle-orm';
import type { IndicatorCatalogue, IndicatorDefinition } from '@caunoi/shared';
import type { Queryable } from '../../db/database.js';
import {
  statDisaggregationOptions,
  statDisaggregations,
  statIndicatorGroups,
  statIndicators,
  statRules,
} from '../../db/schema.js';
import { Catalogue, type CatalogueRule } from './catalogue.js';

type IndicatorRow = typeof statIndicators.$inferSelect;

export function indicatorFromRow(r: IndicatorRow): IndicatorDefinition {
  return {
    code: r.code,
    group: r.groupCode,
    nameVi: r.nameVi,
    nameEn: r.nameEn,
    definitionVi: r.definitionVi,
    definitionEn: r.definitionEn,
    unitVi: r.unitVi,
    unitEn: r.unitEn,
    valueType: r.valueType,
    unitAggregation: r.unitAggregation,
    ...(r.ratioNumerator && r.ratioDenominator && r.ratioFactor !== null
      ? {
          ratio: {
            numerator: r.ratioNumerator,
            denominator: r.ratioDenominator,
            factor: r.ratioFactor,
          },
        }
      : {}),
    periodAggregation: r.periodAggregation,
    direction: r.direction,
    sourceVi: r.sourceVi,
    legalBasis: r.legalBasis,
    evidenceRequired: r.evidenceRequired,
    ...(r.disaggregationCode ? { disaggregation: r.disaggregationCode } : {}),
  };
}

export function indicatorToRow(i: IndicatorDefinition, sortOrder: number) {
  return {
    code: i.code,
    groupCode: i.group,
    nameVi: i.nameVi,
    nameEn: i.nameEn,
    definitionVi: i.definitionVi,
    definitionEn: i.definitionEn,
    unitVi: i.unitVi,
    unitEn: i.unitEn,
    valueType: i.valueType,
    unitAggregation: i.unitAggregation,
    ratioNumerator: i.ratio?.numerator ?? null,
    ratioDenominator: i.ratio?.denominator ?? null,
    ratioFactor: i.ratio?.factor ?? null,
    periodAggregation: i.periodAggregation,
    direction: i.direction,
    sourceVi: i.sourceVi,
    legalBasis: i.legalBasis,
    evidenceRequired: i.evidenceRequired,
    disaggregationCode: i.disaggregation ?? null,
    sortOrder,
  };
}

/** The whole catalogue, in its display order. */
export async function loadCatalogue(q: Queryable): Promise<Catalogue> {
  const [groups, disaggregations, options, indicators, rules] = await Promise.all([
    q.select().from(statIndicatorGroups).orderBy(asc(statIndicatorGroups.sortOrder)),
    q.select().from(statDisaggregations).orderBy(asc(statDisaggregations.code)),
    q.select().from(statDisaggregationOptions).orderBy(asc(statDisaggregationOptions.sortOrder)),
    q
      .select()
      .from(statIndicators)
      .orderBy(asc(statIndicators.sortOrder), asc(statIndicators.code)),
    q.select().from(statRules).orderBy(asc(statRules.code)),
  ]);
  const data: IndicatorCatalogue = {
    groups: groups.map((g) => ({ code: g.code, nameVi: g.nameVi, nameEn: g.nameEn })),
    disaggregations: disaggregations.map((d) => ({
      code: d.code,
      nameVi: d.nameVi,
      nameEn: d.nameEn,
      options: options
        .filter((o) => o.disaggregationCode === d.code)
        .map((o) => ({ code: o.code, nameVi: o.nameVi, nameEn: o.nameEn })),
    })),
    indicators: indicators.map(indicatorFromRow),
    rules: [],
  };
  const stored: Array<Omit<CatalogueRule, 'parsed'>> = rules
    .filter((r) => r.active)
    .map((r) => ({
      code: r.code,
      expression: r.expression,
      severity: r.severity,
      messageVi: r.messageVi,
      messageEn: r.messageEn,
      scopeFormCodes: r.scopeFormCodes,
      scopeUnitIds: r.scopeUnitIds,
    }));
  return new Catalogue(data, stored);
}
