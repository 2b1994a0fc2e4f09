/** A value of the data: a number, or `null` when missing. */
export type Value = number | null;

/**
 * A data set: unit codes × column codes. `values.get(code)[i]` is the value of column `code`
 * for unit `units[i]`.
 */
export interface DataSet {
  readonly units: readonly string[];
  readonly columns: readonly string[];
  readonly values: ReadonlyMap<string, readonly Value[]>;
}

/** Raw unit data (COINr's iData): any columns, as text, `null` when missing. */
export interface UnitTable {
  readonly units: readonly string[];
  readonly columns: ReadonlyMap<string, readonly (string | null)[]>;
}

export type NodeType = 'Indicator' | 'Aggregate' | 'Group' | 'Denominator';
export type Direction = 1 | -1;

/** One row of the framework (COINr's iMeta). */
export interface FrameworkRow {
  readonly iCode: string;
  readonly type: NodeType;
  /** 1 for indicators, 2… for aggregates, `null` for groups and denominators. */
  readonly level: number | null;
  readonly name?: string | null;
  readonly parent?: string | null;
  /** Defaults to 1 for indicators and aggregates. */
  readonly weight?: number | null;
  /** Defaults to 1 for indicators and aggregates. */
  readonly direction?: Direction | null;
  readonly denominator?: string | null;
  /** Goalposts of an indicator (COINr's `goalpost_lower`, `goalpost_upper`, `goalpost_scale`). */
  readonly goalpostLower?: number | null;
  readonly goalpostUpper?: number | null;
  readonly goalpostScale?: number | null;
}

export interface FrameworkNode {
  readonly iCode: string;
  readonly type: NodeType;
  readonly level: number | null;
  readonly name: string | null;
  readonly parent: string | null;
  readonly weight: number;
  readonly direction: Direction;
  readonly denominator: string | null;
  /** An indicator's goalposts, when its row gives them (scale defaults to 100). */
  readonly goalposts: {
    readonly lower: number;
    readonly upper: number;
    readonly scale: number;
  } | null;
  /** 1-based position of the row in the framework input. */
  readonly row: number;
}

/** A validated framework. */
export interface Framework {
  readonly nodes: ReadonlyMap<string, FrameworkNode>;
  /** Indicator codes, in input order. */
  readonly indicators: readonly string[];
  /** Aggregate codes by level: `aggregates[0]` is level 2, and so on. */
  readonly aggregates: readonly (readonly string[])[];
  /** Children of each aggregate, in input order. */
  readonly children: ReadonlyMap<string, readonly string[]>;
  readonly groups: readonly string[];
  readonly denominators: readonly string[];
  readonly maxLevel: number;
}
