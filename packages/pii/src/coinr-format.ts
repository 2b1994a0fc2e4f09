import { cellNumberAt, cellValue, parseCsv, type CsvCell } from './csv.js';
import { PiiError } from './errors.js';
import { buildFramework } from './framework.js';
import type { Direction, Framework, FrameworkRow, NodeType, UnitTable } from './types.js';

function header(rows: CsvCell[][], what: string): string[] {
  const head = rows[0];
  if (head === undefined) {
    throw new PiiError('MISSING_COLUMN', `${what}: the file has no header line`);
  }
  const names = head.map((c) => c.text);
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (name === '') {
      throw new PiiError('MISSING_COLUMN', `${what}: header column ${i + 1} has no name`, {
        row: 1,
      });
    }
    if (seen.has(name)) {
      throw new PiiError(
        'DUPLICATE_CODE',
        `${what}: column '${name}' appears twice in the header`,
        {
          row: 1,
          column: name,
        },
      );
    }
    seen.add(name);
  });
  return names;
}

function checkWidth(rows: CsvCell[][], width: number, what: string): void {
  rows.forEach((r, i) => {
    if (i > 0 && r.length !== width) {
      throw new PiiError(
        'CSV_SYNTAX',
        `${what} row ${i}: ${r.length} fields where the header has ${width}`,
        { row: i },
      );
    }
  });
}

/**
 * Reads COINr's iData from CSV text: a `uCode` column (unique unit codes) and any other columns,
 * kept as text. Unquoted `NA` and empty fields are missing.
 */
export function parseUnitData(text: string): UnitTable {
  const rows = parseCsv(text);
  const names = header(rows, 'iData');
  checkWidth(rows, names.length, 'iData');
  const codeIndex = names.indexOf('uCode');
  if (codeIndex < 0) {
    throw new PiiError('MISSING_COLUMN', "iData: the header has no 'uCode' column", {
      column: 'uCode',
    });
  }
  const body = rows.slice(1);
  const units: string[] = [];
  const seen = new Set<string>();
  body.forEach((r, i) => {
    const code = cellValue(r[codeIndex]);
    if (code === null) {
      throw new PiiError('INVALID_VALUE', `iData row ${i + 1}, column uCode: missing unit code`, {
        row: i + 1,
        column: 'uCode',
      });
    }
    if (seen.has(code)) {
      throw new PiiError(
        'DUPLICATE_UNIT',
        `iData row ${i + 1}, column uCode: unit '${code}' appears twice`,
        { row: i + 1, column: 'uCode' },
      );
    }
    seen.add(code);
    units.push(code);
  });
  const columns = new Map<string, (string | null)[]>();
  names.forEach((name, j) => {
    if (j !== codeIndex)
      columns.set(
        name,
        body.map((r) => cellValue(r[j])),
      );
  });
  return { units, columns };
}

const META_COLUMNS = ['Level', 'iCode', 'Direction', 'Weight', 'Parent', 'Type'] as const;

/** Reads COINr's iMeta rows from CSV text, without validating the tree. */
export function parseFrameworkRows(text: string): FrameworkRow[] {
  const rows = parseCsv(text);
  const names = header(rows, 'iMeta');
  checkWidth(rows, names.length, 'iMeta');
  for (const c of META_COLUMNS) {
    if (!names.includes(c)) {
      throw new PiiError('MISSING_COLUMN', `iMeta: the header has no '${c}' column`, { column: c });
    }
  }
  const col = (name: string) => names.indexOf(name);
  return rows.slice(1).map((r, i) => {
    const row = i + 1;
    const get = (name: string): string | null => {
      const j = col(name);
      return j < 0 ? null : cellValue(r[j]);
    };
    const num = (name: string): number | null => {
      const t = get(name);
      return t === null
        ? null
        : cellNumberAt(t, `iMeta row ${row}, column ${name}`, { row, column: name });
    };
    const type = get('Type');
    if (type === null) {
      throw new PiiError('INVALID_TYPE', `iMeta row ${row}, column Type: missing type`, {
        row,
        column: 'Type',
      });
    }
    const direction = num('Direction');
    if (direction !== null && direction !== 1 && direction !== -1) {
      throw new PiiError(
        'INVALID_VALUE',
        `iMeta row ${row}, column Direction: ${direction} is not 1 or -1`,
        { row, column: 'Direction' },
      );
    }
    return {
      iCode: get('iCode') ?? '',
      type: type as NodeType,
      level: num('Level'),
      name: get('iName'),
      parent: get('Parent'),
      weight: num('Weight'),
      direction: direction as Direction | null,
      denominator: get('Denominator'),
      goalpostLower: num('goalpost_lower'),
      goalpostUpper: num('goalpost_upper'),
      goalpostScale: num('goalpost_scale'),
    };
  });
}

/** Reads and validates COINr's iMeta from CSV text. */
export function parseFramework(text: string): Framework {
  return buildFramework(parseFrameworkRows(text));
}
