import { asc, sql } from 'drizzle-orm';
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

/** Catalogues already read, by fingerprint: most requests need the catalogue, few change it. */
const cache = new Map<string, Catalogue>();
const CACHE_MAX = 16;

/**
 * What changes whenever the catalogue does: counts, last changes and option names of its tables.
 * One cheap expression instead of five queries, and the rules are parsed once per version. A
 * request that reads other rows first selects it with them (see `reports.repo.contextRow`).
 */
export const catalogueFingerprint = sql<string>`concat_ws(':',
      (SELECT count(*) FROM stat_indicator_groups),
      (SELECT count(*) FROM stat_indicators),
      (SELECT max(updated_at)::text FROM stat_indicators),
      (SELECT count(*) FROM stat_rules),
      (SELECT max(updated_at)::text FROM stat_rules),
      (SELECT md5(string_agg(disaggregation_code || '.' || code || '=' || name_vi || '=' || name_en, '|'
                             ORDER BY disaggregation_code, code))
       FROM stat_disaggregation_options))`;

/**
 * The whole catalogue, in its display order (from the cache while unchanged). `fingerprint`: the
 * catalogue's fingerprint when the caller has already selected it.
 */
export async function loadCatalogue(q: Queryable, fingerprint?: string): Promise<Catalogue> {
  const f =
    fingerprint ??
    (await q.execute<{ f: string }>(sql`SELECT ${catalogueFingerprint} AS f`)).rows[0]!.f;
  const known = cache.get(f);
  if (known) return known;
  const catalogue = await readCatalogue(q);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(f, catalogue);
  return catalogue;
}

async function readCatalogue(q: Queryable): Promise<Catalogue> {
  // One after the other: inside a transaction the queries share one connection.
  const groups = await q
    .select()
    .from(statIndicatorGroups)
    .orderBy(asc(statIndicatorGroups.sortOrder));
  const disaggregations = await q
    .select()
    .from(statDisaggregations)
    .orderBy(asc(statDisaggregations.code));
  const options = await q
    .select()
    .from(statDisaggregationOptions)
    .orderBy(asc(statDisaggregationOptions.sortOrder));
  const indicators = await q
    .select()
    .from(statIndicators)
    .orderBy(asc(statIndicators.sortOrder), asc(statIndicators.code));
  const rules = await q.select().from(statRules).orderBy(asc(statRules.code));
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
