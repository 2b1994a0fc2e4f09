import {
  foldVi,
  median as medianOf,
  type Locale,
  type PiiNode,
  type PiiRankInterval,
  type PiiRankingRow,
} from '@caunoi/shared';

/** An aggregate as a run or a profile lists it. */
export type PiiAggregate = Pick<PiiNode, 'code' | 'nameVi' | 'nameEn' | 'level' | 'parent'>;

/** Framework levels of the aggregates. */
export const LEVEL = { subPillar: 2, pillar: 3, subIndex: 4, index: 5 } as const;

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number in the reader's language with `minDigits` to `maxDigits` decimals ("52,32"); missing
 * → an em dash.
 */
export function formatDecimals(
  value: number | null | undefined,
  locale: Locale,
  minDigits: number,
  maxDigits = minDigits,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const key = `${locale}:${minDigits}:${maxDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN', {
      minimumFractionDigits: minDigits,
      maximumFractionDigits: maxDigits,
    });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** A score with two decimals in the reader's language ("52,32"); missing → an em dash. */
export const formatScore = (value: number | null | undefined, locale: Locale): string =>
  formatDecimals(value, locale, 2);

/** A statistic as read, up to four significant decimals. */
export const formatValue = (value: number | null | undefined, locale: Locale): string =>
  formatDecimals(value, locale, 0, 4);

/** A rank out of the number of provinces ranked: "3/63"; missing → "—". */
export function formatRank(rank: number | null | undefined, ofN?: number | null): string {
  if (rank === null || rank === undefined) return '—';
  return ofN ? `${rank}/${ofN}` : String(rank);
}

export const nameOf = (node: { nameVi: string; nameEn: string | null }, locale: Locale): string =>
  locale === 'en' && node.nameEn ? node.nameEn : node.nameVi;

/** "3–6" (the 5th and 95th percentile of the rank), or null when the run has no such analysis. */
export function intervalText(interval: PiiRankInterval | null | undefined): string | null {
  if (!interval || interval.q5 === null || interval.q95 === null) return null;
  const low = Math.round(interval.q5);
  const high = Math.round(interval.q95);
  return low === high ? String(low) : `${low}–${high}`;
}

/** The aggregates of one level, in framework order. */
export const aggregatesAt = <T extends { level: number | null }>(aggregates: T[], level: number) =>
  aggregates.filter((a) => a.level === level);

/** The regions present in a ranking, in the order they first appear. */
export function regionsOf(rows: PiiRankingRow[]): string[] {
  return [...new Set(rows.flatMap((r) => (r.regionVi ? [r.regionVi] : [])))];
}

/** The ranking rows of a region whose name contains the search (tone- and case-insensitive). */
export function filterRanking(
  rows: PiiRankingRow[],
  filter: { region?: string; search?: string },
): PiiRankingRow[] {
  const needle = foldVi(filter.search?.trim() ?? '');
  return rows.filter(
    (r) =>
      (!filter.region || r.regionVi === filter.region) &&
      (!needle || foldVi(r.unitName).includes(needle) || r.unitCode === needle),
  );
}

/** Orders numbers, a missing value after every number. */
export function compareNullable(a: number | null | undefined, b: number | null | undefined) {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
  if (b === null || b === undefined) return -1;
  return a - b;
}

/** The median of the values present, or null. */
export function median(values: (number | null | undefined)[]): number | null {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return xs.length === 0 ? null : medianOf(xs);
}

/** Reads the `units` parameter of the comparison page: up to 4 distinct ids. */
export function parseUnits(param: string | null | undefined): string[] {
  return [
    ...new Set(
      (param ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ].slice(0, 4);
}

/** "PII 2026 · …" for an edition or a run, its year written once when the title has it. */
export function editionLabel(year: number, title: string): string {
  const prefix = `PII ${year}`;
  return title.startsWith(prefix) ? title : `${prefix} · ${title}`;
}

export const profilePath = (runId: string, unitId: string): string =>
  `/pii/runs/${runId}/units/${encodeURIComponent(unitId)}`;

export const comparePath = (runId: string, unitIds: string[]): string =>
  `/pii/runs/${runId}/compare?units=${unitIds.map(encodeURIComponent).join(',')}`;

/** Breaks a label into lines of about `width` characters at spaces (chart axis names). */
export function wrapLabel(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
