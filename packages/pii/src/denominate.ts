import { column, mapColumns } from './dataset.js';
import { PiiError } from './errors.js';
import { numericColumns } from './framework.js';
import type { DataSet, Framework, UnitTable, Value } from './types.js';

/**
 * Divides each indicator by its denominator column when the framework names one. A missing
 * numerator or denominator, or a zero denominator, gives a missing value.
 */
export function denominate(data: DataSet, framework: Framework, table: UnitTable): DataSet {
  const codes = [
    ...new Set(
      data.columns
        .map((c) => framework.nodes.get(c)?.denominator ?? null)
        .filter((d): d is string => d !== null),
    ),
  ];
  for (const d of codes) {
    if (!table.columns.has(d)) {
      throw new PiiError('MISSING_DENOMINATOR', `data: denominator column '${d}' is missing`, {
        column: d,
      });
    }
  }
  const dens = numericColumns(table, codes);
  const position = new Map(table.units.map((u, i) => [u, i]));
  return mapColumns(data, (values, code) => {
    const d = framework.nodes.get(code)?.denominator ?? null;
    if (d === null) return [...values];
    const den = column(dens, d);
    return values.map((x, i): Value => {
      const p = position.get(data.units[i]!);
      const q = p === undefined ? null : den[p]!;
      if (x === null || q === null || q === 0) return null;
      return x / q;
    });
  });
}
