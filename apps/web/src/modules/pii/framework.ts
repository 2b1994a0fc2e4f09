import type { PiiNode } from '@caunoi/shared';

/** One row of the framework's tree table: a node, where it sits in the list, its children. */
export interface TreeRow {
  key: string;
  node: PiiNode;
  /** 1-based position in the edition's rows: the row number the server's errors name. */
  row: number;
  children?: TreeRow[];
}

/** The columns of an iMeta file, as the server's errors name them, → the table's columns. */
export const COLUMN_OF_IMETA: Record<string, keyof PiiNode> = {
  iCode: 'code',
  iName: 'nameVi',
  iName_en: 'nameEn',
  Level: 'level',
  Type: 'type',
  Parent: 'parent',
  Weight: 'weight',
  Direction: 'direction',
  Denominator: 'denominator',
  SourceIndicator: 'sourceIndicator',
  Unit: 'unitVi',
  Placement: 'placement',
};

/**
 * The scored part of a framework as a tree (index → sub-indexes → pillars → sub-pillars →
 * indicators, each level in the edition's order), and the rows kept apart (denominators, groups).
 * A node whose parent is missing is shown at the top, where the error about it can be seen.
 */
export function frameworkTree(nodes: readonly PiiNode[]): { tree: TreeRow[]; apart: TreeRow[] } {
  const rows = nodes.map((node, i) => ({ key: node.code, node, row: i + 1 }) as TreeRow);
  const byCode = new Map(rows.map((r) => [r.node.code, r]));
  const tree: TreeRow[] = [];
  const apart: TreeRow[] = [];
  for (const r of rows) {
    if (r.node.type === 'Denominator' || r.node.type === 'Group') {
      apart.push(r);
      continue;
    }
    const parent = r.node.parent === null ? undefined : byCode.get(r.node.parent);
    if (parent && parent !== r && parent.node.type === 'Aggregate') {
      (parent.children ??= []).push(r);
    } else tree.push(r);
  }
  // Top rows: the highest level first (the index before a stray sub-index).
  tree.sort((a, b) => (b.node.level ?? 0) - (a.node.level ?? 0) || a.row - b.row);
  return { tree, apart };
}

/** How many nodes the framework has on each level (5 index … 1 indicators). */
export function countByLevel(nodes: readonly PiiNode[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const n of nodes) {
    if (n.level !== null && n.type !== 'Denominator' && n.type !== 'Group') {
      counts.set(n.level, (counts.get(n.level) ?? 0) + 1);
    }
  }
  return counts;
}

/** The aggregates a node may hang under: those of a higher level (never itself). */
export function parentChoices(nodes: readonly PiiNode[], node: PiiNode): PiiNode[] {
  return nodes.filter(
    (n) => n.type === 'Aggregate' && n.code !== node.code && (n.level ?? 0) > (node.level ?? 0),
  );
}

/** The statistics catalogue as far as a framework reads it. */
export interface SourceCatalogue {
  indicators: { code: string; nameVi: string; nameEn: string; disaggregation: string | null }[];
  disaggregations: { code: string; options: { code: string; nameVi: string; nameEn: string }[] }[];
}

/**
 * The catalogue's name of a source indicator: `CODE` names an indicator, `CODE.OPTION` one option
 * of a disaggregated indicator ("Chỉ tiêu — Lựa chọn"); null when the catalogue has no such cell.
 */
export function sourceName(
  catalogue: SourceCatalogue,
  source: string,
  locale: 'vi' | 'en',
): string | null {
  const dot = source.indexOf('.');
  const code = dot < 0 ? source : source.slice(0, dot);
  const indicator = catalogue.indicators.find((i) => i.code === code);
  if (!indicator) return null;
  const name = locale === 'en' ? indicator.nameEn : indicator.nameVi;
  if (dot < 0) return name;
  const option = catalogue.disaggregations
    .find((d) => d.code === indicator.disaggregation)
    ?.options.find((o) => o.code === source.slice(dot + 1));
  return option ? `${name} — ${locale === 'en' ? option.nameEn : option.nameVi}` : null;
}

/** Every source a row may read: each indicator, then each option of a disaggregated one. */
export function sourceChoices(
  catalogue: SourceCatalogue,
  locale: 'vi' | 'en',
): { value: string; label: string }[] {
  const options = new Map(catalogue.disaggregations.map((d) => [d.code, d.options]));
  return catalogue.indicators.flatMap((i) => {
    const name = locale === 'en' ? i.nameEn : i.nameVi;
    return [
      { value: i.code, label: `${i.code} — ${name}` },
      ...(i.disaggregation ? (options.get(i.disaggregation) ?? []) : []).map((o) => ({
        value: `${i.code}.${o.code}`,
        label: `${i.code}.${o.code} — ${name} — ${locale === 'en' ? o.nameEn : o.nameVi}`,
      })),
    ];
  });
}
