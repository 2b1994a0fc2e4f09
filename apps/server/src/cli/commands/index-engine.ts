// `index compute` and `index audit`: the composite-indicator engine on COINr-format files, without
// a database. The plumbing (reading the three inputs, locating errors, writing CSV files all or
// nothing) is exported for the other `index` commands.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  audit,
  buildFramework,
  checkDataAgainstFramework,
  indicatorGoalposts,
  numericColumns,
  parseFrameworkRows,
  parsePipelineConfig,
  parseUnitData,
  PiiError,
  runPipeline,
  type Audit,
  type DataSet,
  type Framework,
  type PipelineConfig,
  type PipelineResult,
  type TreatmentDetail,
  type UnitTable,
} from '@caunoi/pii';
import { CliError, type Writer } from '../io.js';

/* ───── errors with their place ───── */

/** Vietnamese names of the engine's error codes (and of the command's own). */
const ERROR_TEXT: Record<string, string> = {
  CSV_SYNTAX: 'tệp CSV sai cú pháp',
  MISSING_COLUMN: 'thiếu cột',
  DUPLICATE_CODE: 'mã bị trùng',
  DUPLICATE_UNIT: 'mã đơn vị (uCode) bị trùng',
  INVALID_VALUE: 'giá trị không hợp lệ',
  INVALID_TYPE: 'loại (Type) không hợp lệ',
  INVALID_LEVEL: 'cấp (Level) không hợp lệ',
  UNKNOWN_PARENT: 'mã cha (Parent) không có trong khung chỉ số',
  INVALID_PARENT: 'mã cha phải là chỉ số tổng hợp ở cấp cao hơn',
  CYCLE: 'cây khung chỉ số có vòng lặp',
  EMPTY_AGGREGATE: 'chỉ số tổng hợp không có thành phần nào',
  UNKNOWN_DENOMINATOR: 'mẫu số (Denominator) không phải một dòng loại Denominator của khung',
  MISSING_INDICATOR: 'chỉ số của khung không có cột trong tệp số liệu',
  MISSING_DENOMINATOR: 'mẫu số không có cột trong tệp số liệu',
  MISSING_GROUP: 'thiếu cột nhóm dùng để ước lượng giá trị thiếu',
  NON_NUMERIC_VALUE: 'giá trị không phải là số',
  NON_POSITIVE_VALUE: 'trung bình nhân hoặc điều hòa cần giá trị dương',
  INVALID_WEIGHTS: 'trọng số không hợp lệ',
  INVALID_CONFIG: 'cấu hình không hợp lệ',
  INVALID_SPEC: 'đặc tả phân tích bất định, độ nhạy không hợp lệ',
  INVALID_JSON: 'tệp JSON sai cú pháp',
  EMPTY_UNIT: 'đơn vị không có số liệu nào cho các chỉ số',
  UNREADABLE_FILE: 'không đọc được tệp',
};

/**
 * An error in one of the input files: a Vietnamese line naming the file, row and column (rows as a
 * spreadsheet shows them, the header being row 1), the engine's detail, then one machine-readable
 * line `file=… row=… column=… code=…` (`-` when not known).
 */
export class EngineInputError extends CliError {
  constructor(
    readonly file: string,
    readonly row: number | null,
    readonly column: string | null,
    readonly code: string,
    detail: string,
  ) {
    const place = [
      `tệp ${file}`,
      row === null ? null : `dòng ${row}`,
      column === null ? null : `cột ${column}`,
    ]
      .filter((p) => p !== null)
      .join(', ');
    super(
      [
        `Lỗi đầu vào: ${ERROR_TEXT[code] ?? code} (${place}).`,
        `Chi tiết (detail): ${detail}`,
        `file=${file} row=${row ?? '-'} column=${column ?? '-'} code=${code}`,
      ].join('\n'),
    );
    this.name = 'EngineInputError';
  }
}

/** Which reading step an engine error came from: it decides how its row is counted. */
type Stage = 'table' | 'framework' | 'values' | 'run';

/** The engine's own "… row N, column C: " prefix, left out since the place is given apart. */
const LOCATION_PREFIX = /^(framework|iMeta|iData|data) row \d+( \(unit '[^']*'\))?, column [^:]+: /;

/**
 * The spreadsheet row of an engine error. The engine counts data rows from 1 below the header
 * (so +1 here), except CSV syntax errors (already a line of the file) and header errors (row 1).
 */
function spreadsheetRow(error: PiiError, stage: Stage): number | null {
  if (error.code === 'CSV_SYNTAX' && error.message.startsWith('CSV')) return error.row ?? null;
  const headerCodes = ['MISSING_COLUMN', 'MISSING_DENOMINATOR', 'MISSING_GROUP', 'DUPLICATE_CODE'];
  if (stage === 'table' && headerCodes.includes(error.code)) return 1;
  if (stage === 'values' && error.row === undefined && headerCodes.includes(error.code)) return 1;
  return error.row === undefined ? null : error.row + 1;
}

/** Turns an engine error of `file` into an `EngineInputError`; anything else is rethrown. */
function locate(error: unknown, file: string, stage: Stage): never {
  if (error instanceof PiiError) {
    throw new EngineInputError(
      file,
      spreadsheetRow(error, stage),
      error.column ?? null,
      error.code,
      error.message.replace(LOCATION_PREFIX, ''),
    );
  }
  throw error;
}

function attempt<T>(file: string, stage: Stage, f: () => T): T {
  try {
    return f();
  } catch (error) {
    locate(error, file, stage);
  }
}

/* ───── reading the inputs ───── */

export interface EngineInputOptions {
  /** COINr iData CSV: `uCode` and one column per indicator, denominator and group. */
  data: string;
  /** COINr iMeta CSV: the framework. */
  meta: string;
  /** The pipeline configuration, JSON. */
  config: string;
}

export interface EngineInputs {
  readonly files: Readonly<EngineInputOptions>;
  readonly table: UnitTable;
  readonly framework: Framework;
  readonly config: PipelineConfig;
}

/** The text of an input file; an unreadable one is an `EngineInputError` on that file. */
export async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === 'ENOENT'
        ? 'không tìm thấy tệp'
        : code === 'EISDIR'
          ? 'đây là một thư mục, không phải tệp'
          : code === 'EACCES'
            ? 'không có quyền đọc tệp'
            : (error as Error).message;
    throw new EngineInputError(file, null, null, 'UNREADABLE_FILE', why);
  }
}

/** Line and column (1-based) of a character position in a text. */
function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { line, column: position - before.lastIndexOf('\n') };
}

/** Parses the JSON text of `file`; a syntax error is an INVALID_JSON error with its line and column. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    const position = /position (\d+)/.exec(message)?.[1];
    const at =
      lineColumn !== null
        ? { line: Number(lineColumn[1]), column: Number(lineColumn[2]) }
        : position === undefined
          ? null
          : lineAndColumn(text, Number(position));
    throw new EngineInputError(
      file,
      at?.line ?? null,
      at === null ? null : String(at.column),
      'INVALID_JSON',
      message,
    );
  }
}

/**
 * Reads and checks the three inputs before any computation, so that every error in them names
 * its file, row and column: the configuration; the unit data; the framework (codes, tree, cycles);
 * the data against the framework (a column per indicator, numbers only, the denominators and the
 * group column the configuration needs, no unit without any indicator value); the goalposts
 * when the configuration normalises by goalposts.
 */
export async function readEngineInputs(opts: EngineInputOptions): Promise<EngineInputs> {
  const files = { data: opts.data, meta: opts.meta, config: opts.config };
  const [dataText, metaText, configText] = await Promise.all([
    readText(files.data),
    readText(files.meta),
    readText(files.config),
  ]);
  const configJson = parseJsonText(configText, files.config);
  const config = attempt(files.config, 'run', () => parsePipelineConfig(configJson));
  const table = attempt(files.data, 'table', () => parseUnitData(dataText));
  const rows = attempt(files.meta, 'table', () => parseFrameworkRows(metaText));
  const framework = attempt(files.meta, 'framework', () => buildFramework(rows));
  attempt(files.meta, 'framework', () => checkDataAgainstFramework(framework, table));
  const values = attempt(files.data, 'values', () => numericColumns(table, framework.indicators));
  if (config.denominate === true) {
    const denominators = [
      ...new Set(
        framework.indicators
          .map((c) => framework.nodes.get(c)!.denominator)
          .filter((d): d is string => d !== null),
      ),
    ];
    attempt(files.data, 'values', () => numericColumns(table, denominators));
  }
  const group = config.impute?.group;
  if (config.impute?.method.startsWith('group-') === true && group !== undefined) {
    if (!table.columns.has(group)) {
      throw new EngineInputError(
        files.data,
        1,
        group,
        'MISSING_GROUP',
        `impute.group names the column '${group}', which the data do not have`,
      );
    }
  }
  checkUnitsHaveData(values, files.data);
  if (config.normalise?.method === 'goalposts') {
    for (const code of framework.indicators) {
      attempt(files.meta, 'framework', () =>
        indicatorGoalposts(framework, code, config.normalise ?? {}),
      );
    }
  }
  return { files, table, framework, config };
}

function checkUnitsHaveData(values: DataSet, file: string): void {
  values.units.forEach((unit, i) => {
    const any = values.columns.some((c) => values.values.get(c)![i] !== null);
    if (!any) {
      throw new EngineInputError(
        file,
        i + 2,
        'uCode',
        'EMPTY_UNIT',
        `unit '${unit}' has no value for any indicator of the framework`,
      );
    }
  });
}

/**
 * Runs the configured pipeline. The inputs were checked by `readEngineInputs`; what can still fail
 * comes from the configuration meeting the data (a geometric mean of zero scores), reported on the
 * configuration file.
 */
export function runEngine(inputs: EngineInputs): PipelineResult {
  return attempt(inputs.files.config, 'run', () =>
    runPipeline(inputs.framework, inputs.table, inputs.config),
  );
}

/* ───── writing CSV ───── */

/** A quoted CSV text cell. */
export const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
const numberCell = (x: number | null) => (x === null ? 'NA' : String(x));

/** Codes in the order of their rows in iMeta. */
export function inFrameworkOrder(framework: Framework, codes: readonly string[]): string[] {
  const row = (c: string) => framework.nodes.get(c)?.row ?? Number.MAX_SAFE_INTEGER;
  return [...codes].sort((a, b) => row(a) - row(b));
}

/** CSV text from rows of cells already formatted; lines end with LF. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.join(',')).join('\n') + '\n';
}

/**
 * A data set as CSV: `uCode` then the columns (by default those of the data set), quoted text,
 * numbers in their shortest round-trip form (`String(x)`, never rounded), `NA` when missing.
 */
export function datasetToCsv(data: DataSet, columns: readonly string[] = data.columns): string {
  const rows: string[][] = [[quote('uCode'), ...columns.map(quote)]];
  data.units.forEach((unit, i) => {
    rows.push([quote(unit), ...columns.map((c) => numberCell(data.values.get(c)?.[i] ?? null))]);
  });
  return csvText(rows);
}

export interface CsvFile {
  /** File name inside the output folder, e.g. `ranks.csv`. */
  readonly name: string;
  readonly text: string;
}

/**
 * Writes the files into `outDir` all or nothing: into a fresh folder next to it first, then moved
 * into place (the whole folder when `outDir` does not exist, else file by file). Files named in
 * `stale` that this batch does not write are removed from `outDir`, so that a folder never mixes
 * outputs of two runs. On any failure the temporary folder is removed.
 */
export async function writeCsvFiles(
  outDir: string,
  files: readonly CsvFile[],
  options: { stale?: readonly string[] } = {},
): Promise<string[]> {
  const target = path.resolve(outDir);
  const existing = await stat(target).catch(() => null);
  if (existing !== null && !existing.isDirectory()) {
    throw new CliError(`${outDir} đã có và không phải là thư mục (--out).`);
  }
  const parent = path.dirname(target);
  await mkdir(parent, { recursive: true });
  const temp = path.join(
    parent,
    `.${path.basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  await mkdir(temp);
  try {
    for (const f of files) await writeFile(path.join(temp, f.name), f.text, 'utf8');
    if (existing === null) {
      await rename(temp, target);
    } else {
      for (const f of files) await rename(path.join(temp, f.name), path.join(target, f.name));
      const written = new Set(files.map((f) => f.name));
      const present = new Set(await readdir(target));
      for (const name of options.stale ?? []) {
        if (!written.has(name) && present.has(name)) await rm(path.join(target, name));
      }
      await rm(temp, { recursive: true, force: true });
    }
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  return files.map((f) => path.join(target, f.name));
}

/* ───── index compute ───── */

/** Every file `index compute` may write, in the order of the steps. */
export const COMPUTE_FILES = [
  'denominated.csv',
  'imputed.csv',
  'screened.csv',
  'treated.csv',
  'normalised.csv',
  'aggregated.csv',
  'ranks.csv',
  'treatment.csv',
] as const;

/** COINr's treatment-detail columns (its `Treat` table), plus the transform applied. */
export const TREATMENT_COLUMNS = [
  'iCode',
  'check_SkewKurt0.Pass',
  'check_SkewKurt0.Skew',
  'check_SkewKurt0.Kurt',
  'winsorise.nwin',
  'check_SkewKurt1.Pass',
  'check_SkewKurt1.Skew',
  'check_SkewKurt1.Kurt',
  'transform',
  'check_SkewKurt2.Pass',
  'check_SkewKurt2.Skew',
  'check_SkewKurt2.Kurt',
] as const;

const logical = (x: boolean | null | undefined) =>
  x === null || x === undefined ? 'NA' : x ? 'TRUE' : 'FALSE';
/** A number cell: `NA` when missing or not finite. */
export const finiteCell = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? 'NA' : String(x);

/** The treatment details as COINr prints them: one row per indicator. */
export function treatmentToCsv(
  details: readonly TreatmentDetail[],
  order: readonly string[],
): string {
  const byCode = new Map(details.map((d) => [d.iCode, d]));
  const rows: string[][] = [TREATMENT_COLUMNS.map(quote)];
  for (const code of order) {
    const d = byCode.get(code);
    if (d === undefined) continue;
    rows.push([
      quote(code),
      logical(d.before.passed),
      finiteCell(d.before.skew),
      finiteCell(d.before.kurt),
      d.winsorised === null ? 'NA' : String(d.winsorised),
      logical(d.afterWinsorising?.passed),
      finiteCell(d.afterWinsorising?.skew),
      finiteCell(d.afterWinsorising?.kurt),
      d.fallback === null ? 'NA' : quote(d.fallback),
      logical(d.afterFallback?.passed),
      finiteCell(d.afterFallback?.skew),
      finiteCell(d.afterFallback?.kurt),
    ]);
  }
  return csvText(rows);
}

/** The CSV files of a pipeline result: one per step that ran, columns in iMeta order. */
export function computeFiles(framework: Framework, result: PipelineResult): CsvFile[] {
  const files: CsvFile[] = [];
  const add = (name: string, data: DataSet | null) => {
    if (data !== null) {
      files.push({ name, text: datasetToCsv(data, inFrameworkOrder(framework, data.columns)) });
    }
  };
  add('denominated.csv', result.denominated);
  add('imputed.csv', result.imputed);
  add('screened.csv', result.screened);
  add('treated.csv', result.treated);
  add('normalised.csv', result.normalised);
  add('aggregated.csv', result.aggregated);
  add('ranks.csv', result.ranks);
  if (result.treatmentDetails !== null) {
    files.push({
      name: 'treatment.csv',
      text: treatmentToCsv(result.treatmentDetails, framework.indicators),
    });
  }
  return files;
}

export interface IndexOutOptions extends EngineInputOptions {
  out: string;
}

export async function indexCompute(opts: IndexOutOptions, out: Writer): Promise<void> {
  const inputs = await readEngineInputs(opts);
  const result = runEngine(inputs);
  const files = computeFiles(inputs.framework, result);
  await writeCsvFiles(opts.out, files, { stale: COMPUTE_FILES });
  const removed =
    result.removedUnits.length > 0
      ? ` Đã loại ${result.removedUnits.length} đơn vị thiếu số liệu: ${result.removedUnits.join(', ')}.`
      : '';
  out(
    `Đã tính chỉ số cho ${result.ranks.units.length} đơn vị, ${inputs.framework.indicators.length} chỉ số.${removed}\n` +
      `Đã ghi ${files.length} tệp vào ${path.resolve(opts.out)}: ${files.map((f) => f.name).join(', ')}\n`,
  );
}

/* ───── index audit ───── */

/** Every file `index audit` may write. */
export const AUDIT_FILES = [
  'correlations.csv',
  'correlation_matrices.csv',
  'cronbach.csv',
  'pca.csv',
  'strengths.csv',
  'efficiency.csv',
] as const;

export interface IndexAuditOptions extends IndexOutOptions {
  /** `<output code>,<input code>`: the efficiency ratio output ÷ input. */
  efficiency?: string;
}

/** The audit as CSV files (long format for the matrices and the components). */
export function auditFiles(framework: Framework, a: Audit, units: readonly string[]): CsvFile[] {
  const files: CsvFile[] = [];
  const n = numberCell;
  const q = (x: string | null) => (x === null ? 'NA' : quote(x));
  files.push({
    name: 'correlations.csv',
    text: csvText([
      ['code', 'level', 'parent', 'withParent', 'withIndex'].map(quote),
      ...a.correlations.map((c) => [
        quote(c.code),
        String(c.level),
        q(c.parent),
        n(c.withParent),
        n(c.withIndex),
      ]),
    ]),
  });
  files.push({
    name: 'correlation_matrices.csv',
    text: csvText([
      ['aggregate', 'row', 'column', 'r'].map(quote),
      ...a.matrices.flatMap((m) =>
        m.codes.flatMap((rc, i) =>
          m.codes.map((cc, j) => [quote(m.aggregate), quote(rc), quote(cc), n(m.values[i]![j]!)]),
        ),
      ),
    ]),
  });
  files.push({
    name: 'cronbach.csv',
    text: csvText([
      ['aggregate', 'items', 'alpha'].map(quote),
      ...a.cronbach.map((c) => [quote(c.aggregate), String(c.items), n(c.alpha)]),
    ]),
  });
  files.push({
    name: 'pca.csv',
    text: csvText([
      ['aggregate', 'rows', 'component', 'eigenvalue', 'varianceExplained'].map(quote),
      ...a.pca.flatMap((p) =>
        p.eigenvalues.map((e, i) => [
          quote(p.aggregate),
          String(p.rows),
          String(i + 1),
          String(e),
          String(p.varianceExplained[i]!),
        ]),
      ),
    ]),
  });
  const indicators = framework.indicators;
  files.push({
    name: 'strengths.csv',
    text: csvText([
      [quote('uCode'), ...indicators.map(quote)],
      ...units.map((u) => [quote(u), ...indicators.map((c) => q(a.marks[u]?.[c] ?? null))]),
    ]),
  });
  if (a.efficiency.length > 0) {
    files.push({
      name: 'efficiency.csv',
      text: csvText([
        ['uCode', 'ratio', 'rank'].map(quote),
        ...a.efficiency.map((e) => [quote(e.unit), n(e.ratio), n(e.rank)]),
      ]),
    });
  }
  return files;
}

function parseEfficiency(
  value: string | undefined,
  framework: Framework,
): { output: string; input: string } | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(',').map((s) => s.trim());
  if (parts.length !== 2 || parts.some((p) => p === '')) {
    throw new CliError(
      `--efficiency cần hai mã cách nhau bởi dấu phẩy: <mã đầu ra>,<mã đầu vào>, nhận được "${value}".`,
    );
  }
  for (const code of parts) {
    if (framework.nodes.get(code)?.type !== 'Aggregate') {
      throw new CliError(`--efficiency: "${code}" không phải chỉ số tổng hợp của khung chỉ số.`);
    }
  }
  return { output: parts[0]!, input: parts[1]! };
}

export async function indexAudit(opts: IndexAuditOptions, out: Writer): Promise<void> {
  const inputs = await readEngineInputs(opts);
  if (inputs.config.aggregate === undefined) {
    throw new EngineInputError(
      inputs.files.config,
      null,
      'aggregate',
      'INVALID_CONFIG',
      'the audit needs the aggregated scores: add the "aggregate" step',
    );
  }
  const efficiency = parseEfficiency(opts.efficiency, inputs.framework);
  const result = runEngine(inputs);
  const a = attempt(inputs.files.config, 'run', () =>
    audit(inputs.framework, result, efficiency === undefined ? {} : { efficiency }),
  );
  const files = auditFiles(inputs.framework, a, result.ranks.units);
  await writeCsvFiles(opts.out, files, { stale: AUDIT_FILES });
  out(
    `Đã phân tích ${a.cronbach.length} chỉ số tổng hợp trên ${result.ranks.units.length} đơn vị.\n` +
      `Đã ghi ${files.length} tệp vào ${path.resolve(opts.out)}: ${files.map((f) => f.name).join(', ')}\n`,
  );
}
