import { column } from './dataset.js';
import type { DataSet, Value } from './types.js';

export interface ScreenOptions {
  /** Minimum share (0–1) of available indicator values a unit needs to be kept. */
  readonly minDataShare: number;
}

export interface ScreenResult {
  readonly data: DataSet;
  /** Share of available values of every unit of the input. */
  readonly dataShare: ReadonlyMap<string, number>;
  readonly removedUnits: readonly string[];
}

/** Drops the units whose share of available values is below `minDataShare`. */
export function screen(data: DataSet, options: ScreenOptions): ScreenResult {
  const n = data.columns.length;
  const dataShare = new Map<string, number>();
  const keep: number[] = [];
  const removedUnits: string[] = [];
  data.units.forEach((u, i) => {
    let available = 0;
    for (const c of data.columns) if (column(data, c)[i] !== null) available++;
    const share = n === 0 ? 1 : available / n;
    dataShare.set(u, share);
    if (share >= options.minDataShare) keep.push(i);
    else removedUnits.push(u);
  });
  const values = new Map<string, Value[]>();
  for (const c of data.columns) {
    const v = column(data, c);
    values.set(
      c,
      keep.map((i) => v[i]!),
    );
  }
  return {
    data: { units: keep.map((i) => data.units[i]!), columns: [...data.columns], values },
    dataShare,
    removedUnits,
  };
}
