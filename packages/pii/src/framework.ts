import { PiiError } from './errors.js';
import type { DataSet, Framework, FrameworkNode, FrameworkRow, UnitTable, Value } from './types.js';
import { cellNumberAt } from './csv.js';

const TYPES = new Set(['Indicator', 'Aggregate', 'Group', 'Denominator']);

/**
 * Validates framework rows and builds the tree. Rows are numbered from 1 in error messages.
 * Errors: DUPLICATE_CODE, INVALID_TYPE, INVALID_LEVEL, INVALID_VALUE, UNKNOWN_PARENT, CYCLE,
 * INVALID_PARENT, EMPTY_AGGREGATE, UNKNOWN_DENOMINATOR.
 */
export function buildFramework(rows: readonly FrameworkRow[]): Framework {
  const nodes = new Map<string, FrameworkNode>();
  rows.forEach((r, i) => {
    const row = i + 1;
    const at = (column: string) => ({ row, column });
    if (typeof r.iCode !== 'string' || r.iCode.trim() === '') {
      throw new PiiError(
        'INVALID_VALUE',
        `framework row ${row}, column iCode: empty code`,
        at('iCode'),
      );
    }
    if (nodes.has(r.iCode)) {
      throw new PiiError(
        'DUPLICATE_CODE',
        `framework row ${row}, column iCode: '${r.iCode}' appears twice`,
        at('iCode'),
      );
    }
    if (!TYPES.has(r.type)) {
      throw new PiiError(
        'INVALID_TYPE',
        `framework row ${row}, column Type: '${String(r.type)}' is not Indicator, Aggregate, Group or Denominator`,
        at('Type'),
      );
    }
    const scored = r.type === 'Indicator' || r.type === 'Aggregate';
    if (scored) {
      const level = r.level;
      const ok =
        typeof level === 'number' &&
        Number.isInteger(level) &&
        (r.type === 'Indicator' ? level === 1 : level >= 2);
      if (!ok) {
        throw new PiiError(
          'INVALID_LEVEL',
          `framework row ${row}, column Level: ${r.type} '${r.iCode}' has level ${String(level)}` +
            (r.type === 'Indicator'
              ? ' (indicators are level 1)'
              : ' (aggregates are level 2 or more)'),
          at('Level'),
        );
      }
    }
    const weight = r.weight ?? 1;
    if (scored && !(Number.isFinite(weight) && weight >= 0)) {
      throw new PiiError(
        'INVALID_VALUE',
        `framework row ${row}, column Weight: weight of '${r.iCode}' must be a finite number ≥ 0`,
        at('Weight'),
      );
    }
    const direction = r.direction ?? 1;
    if (direction !== 1 && direction !== -1) {
      throw new PiiError(
        'INVALID_VALUE',
        `framework row ${row}, column Direction: direction of '${r.iCode}' must be 1 or -1`,
        at('Direction'),
      );
    }
    const goalposts = frameworkGoalposts(r, row);
    nodes.set(r.iCode, {
      iCode: r.iCode,
      type: r.type,
      level: scored ? (r.level ?? null) : null,
      name: r.name ?? null,
      parent: scored ? (r.parent ?? null) : null,
      weight,
      direction,
      denominator: r.type === 'Indicator' ? (r.denominator ?? null) : null,
      goalposts: r.type === 'Indicator' ? goalposts : null,
      row,
    });
  });

  const all = [...nodes.values()];
  for (const n of all) {
    if (n.parent !== null && !nodes.has(n.parent)) {
      throw new PiiError(
        'UNKNOWN_PARENT',
        `framework row ${n.row}, column Parent: parent '${n.parent}' of '${n.iCode}' is not in the framework`,
        { row: n.row, column: 'Parent' },
      );
    }
  }
  for (const n of all) {
    const seen = new Set<string>([n.iCode]);
    let last = n;
    let p = n.parent;
    while (p !== null) {
      if (seen.has(p)) {
        // `last` closes the loop: its Parent cell is the one to correct.
        const path = [...seen];
        const loop = [...path.slice(path.indexOf(p)), p];
        throw new PiiError(
          'CYCLE',
          `framework row ${last.row}, column Parent: '${p}' is its own ancestor (${loop.join(' → ')})`,
          { row: last.row, column: 'Parent' },
        );
      }
      seen.add(p);
      last = nodes.get(p)!;
      p = last.parent;
    }
  }
  for (const n of all) {
    if (n.parent === null) continue;
    const parent = nodes.get(n.parent)!;
    if (parent.type !== 'Aggregate' || (parent.level ?? 0) <= (n.level ?? 0)) {
      throw new PiiError(
        'INVALID_PARENT',
        `framework row ${n.row}, column Parent: parent '${parent.iCode}' of '${n.iCode}' must be an aggregate of a higher level`,
        { row: n.row, column: 'Parent' },
      );
    }
  }
  for (const n of all) {
    if (n.denominator === null) continue;
    if (nodes.get(n.denominator)?.type !== 'Denominator') {
      throw new PiiError(
        'UNKNOWN_DENOMINATOR',
        `framework row ${n.row}, column Denominator: '${n.denominator}' is not a Denominator row of the framework`,
        { row: n.row, column: 'Denominator' },
      );
    }
  }

  const children = new Map<string, string[]>();
  for (const n of all) if (n.type === 'Aggregate') children.set(n.iCode, []);
  for (const n of all) if (n.parent !== null) children.get(n.parent)!.push(n.iCode);
  for (const [code, kids] of children) {
    if (kids.length === 0) {
      const n = nodes.get(code)!;
      throw new PiiError(
        'EMPTY_AGGREGATE',
        `framework row ${n.row}, column iCode: aggregate '${code}' has no children`,
        { row: n.row, column: 'iCode' },
      );
    }
  }

  const indicators = all.filter((n) => n.type === 'Indicator').map((n) => n.iCode);
  if (indicators.length === 0) {
    throw new PiiError('INVALID_VALUE', 'framework: no Indicator rows', { column: 'Type' });
  }
  const maxLevel = Math.max(1, ...all.map((n) => n.level ?? 0));
  const aggregates: string[][] = [];
  for (let level = 2; level <= maxLevel; level++) {
    aggregates.push(all.filter((n) => n.level === level).map((n) => n.iCode));
  }
  return {
    nodes,
    indicators,
    aggregates,
    children,
    groups: all.filter((n) => n.type === 'Group').map((n) => n.iCode),
    denominators: all.filter((n) => n.type === 'Denominator').map((n) => n.iCode),
    maxLevel,
  };
}

/** The goalposts of a framework row: both posts or neither, lower below upper, scale > 0. */
function frameworkGoalposts(r: FrameworkRow, row: number): FrameworkNode['goalposts'] {
  const lower = r.goalpostLower ?? null;
  const upper = r.goalpostUpper ?? null;
  const scale = r.goalpostScale ?? null;
  if (lower === null && upper === null) return null;
  if (lower === null || upper === null) {
    const column = lower === null ? 'goalpost_lower' : 'goalpost_upper';
    throw new PiiError(
      'INVALID_VALUE',
      `framework row ${row}, column ${column}: '${r.iCode}' has one goalpost but not the other`,
      { row, column },
    );
  }
  if (!(Number.isFinite(lower) && Number.isFinite(upper) && lower < upper)) {
    throw new PiiError(
      'INVALID_VALUE',
      `framework row ${row}, column goalpost_upper: the upper goalpost of '${r.iCode}' must be above the lower one`,
      { row, column: 'goalpost_upper' },
    );
  }
  if (scale !== null && !(Number.isFinite(scale) && scale > 0)) {
    throw new PiiError(
      'INVALID_VALUE',
      `framework row ${row}, column goalpost_scale: the goalpost scale of '${r.iCode}' must be > 0`,
      { row, column: 'goalpost_scale' },
    );
  }
  return { lower, upper, scale: scale ?? 100 };
}

/** A column of a unit table, as text; MISSING_COLUMN when the table has none of that code. */
export function textColumn(table: UnitTable, code: string): readonly (string | null)[] {
  const raw = table.columns.get(code);
  if (raw === undefined) {
    throw new PiiError('MISSING_COLUMN', `data: column '${code}' is missing`, { column: code });
  }
  return raw;
}

/** The number in a cell of a unit table; NON_NUMERIC_VALUE names the unit row and the column. */
export function cellNumber(table: UnitTable, code: string, row: number, text: string): number {
  return cellNumberAt(text, `data row ${row + 1} (unit '${table.units[row]}'), column ${code}`, {
    row: row + 1,
    column: code,
  });
}

/** Numeric columns of a unit table; errors name the unit row and the column. */
export function numericColumns(table: UnitTable, codes: readonly string[]): DataSet {
  const values = new Map<string, Value[]>();
  for (const code of codes) {
    values.set(
      code,
      textColumn(table, code).map((text, i) =>
        text === null ? null : cellNumber(table, code, i, text),
      ),
    );
  }
  return { units: [...table.units], columns: [...codes], values };
}

/**
 * Checks that the data hold every indicator and every denominator an indicator names.
 * Errors: MISSING_INDICATOR, MISSING_DENOMINATOR (naming the framework row and column).
 */
export function checkDataAgainstFramework(framework: Framework, table: UnitTable): void {
  for (const code of framework.indicators) {
    const n = framework.nodes.get(code)!;
    if (!table.columns.has(code)) {
      throw new PiiError(
        'MISSING_INDICATOR',
        `framework row ${n.row}, column iCode: indicator '${code}' has no column in the data`,
        { row: n.row, column: 'iCode' },
      );
    }
    if (n.denominator !== null && !table.columns.has(n.denominator)) {
      throw new PiiError(
        'MISSING_DENOMINATOR',
        `framework row ${n.row}, column Denominator: denominator '${n.denominator}' has no column in the data`,
        { row: n.row, column: 'Denominator' },
      );
    }
  }
}

/** The indicator columns of the data, as numbers. */
export function indicatorData(framework: Framework, table: UnitTable): DataSet {
  checkDataAgainstFramework(framework, table);
  return numericColumns(table, framework.indicators);
}
