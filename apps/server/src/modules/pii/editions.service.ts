import {
  PII_PILLARS,
  type PiiEdition,
  type PiiEditionSummary,
  type PiiNode,
  type PiiUnitBasis,
} from '@caunoi/shared';
import { buildFramework, parsePipelineConfig, PiiError } from '@caunoi/pii';
import { writeTransaction, type Ctx, type WriteScope } from '../../core/context.js';
import type { Queryable } from '../../db/database.js';
import { CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE } from '../../http/download.js';
import { AppError, conflict, notFound, validationError } from '../../http/errors.js';
import { PII_DEFAULT_CONFIG } from '../../seed/pii-framework.js';
import { loadCatalogue } from '../statistics/catalogue.repo.js';
import {
  countEditions,
  deleteEditionRow,
  editionIdOfYear,
  editionRow,
  insertEdition,
  listEditionRows,
  nodeRows,
  replaceNodes,
  touchEdition,
  updateEditionRow,
  type EditionSummaryRow,
} from './editions.repo.js';
import { editionSnapshot, presentEdition, presentEditionSummary } from './editions.presenter.js';
import { MAX_NODES, type CreateEditionInput, type UpdateEditionInput } from './editions.schemas.js';
import {
  COLUMN_FIELD,
  ImetaError,
  imetaCsv,
  imetaXlsx,
  looksLikeXlsx,
  parseImetaCsv,
  parseImetaXlsx,
  type ImetaColumn,
} from './imeta.js';
import { frameworkRows } from './runs.service.js';

/** The editions a first installation ships, each with the illustrative framework. */
export const ILLUSTRATIVE_EDITIONS: { year: number; unitBasis: PiiUnitBasis; dataYear: number }[] =
  [
    { year: 2024, unitBasis: 'provinces-63', dataYear: 2023 },
    { year: 2025, unitBasis: 'provinces-34', dataYear: 2024 },
    { year: 2026, unitBasis: 'provinces-34', dataYear: 2025 },
  ];

export const ILLUSTRATIVE_NOTES =
  'Khung minh họa, dựng từ các thông tin đã công bố công khai (tên chỉ số, trụ cột, nhóm chỉ số; vị trí của một số chỉ số là suy luận). Danh mục chỉ số chính thức nằm trong phụ lục các Quyết định 1705/QĐ-BKHCN (24/07/2024) và 989/QĐ-BKHCN (27/05/2025) của Bộ Khoa học và Công nghệ. Thay khung này bằng danh mục chính thức bằng cách nhập tệp iMeta (CSV hoặc Excel) vào ấn bản.';

/** The index, its two sub-indexes and the 7 pillars: the framework of a new, empty edition. */
export function skeletonNodes(): PiiNode[] {
  const node = (
    code: string,
    level: number,
    nameVi: string,
    nameEn: string,
    parent: string | null,
  ): PiiNode => ({
    code,
    type: 'Aggregate',
    level,
    nameVi,
    nameEn,
    parent,
    weight: 1,
    direction: 1,
    denominator: null,
    sourceIndicator: null,
    unitVi: null,
    placement: null,
  });
  return [
    node(
      'PII',
      5,
      'Bộ chỉ số đổi mới sáng tạo cấp địa phương (PII)',
      'Provincial Innovation Index (PII)',
      null,
    ),
    node('INPUT', 4, 'Chỉ số phụ đầu vào', 'Input sub-index', 'PII'),
    node('OUTPUT', 4, 'Chỉ số phụ đầu ra', 'Output sub-index', 'PII'),
    ...PII_PILLARS.map((p) =>
      node(`P${p.no}`, 3, p.nameVi, p.nameEn, p.side === 'input' ? 'INPUT' : 'OUTPUT'),
    ),
  ];
}

/* ───────────── checking a framework ───────────── */

const FIELD_COLUMN = Object.fromEntries(
  Object.entries(COLUMN_FIELD).map(([column, field]) => [field, column]),
) as Record<keyof PiiNode, ImetaColumn>;

/** The engine's refusal in Vietnamese, for the row it names. */
function refusal(e: PiiError, n: PiiNode | undefined): string {
  switch (e.code) {
    case 'DUPLICATE_CODE':
      return `mã "${n?.code}" đã có ở một dòng trước.`;
    case 'INVALID_TYPE':
      return 'loại dòng phải là Indicator, Aggregate, Denominator hoặc Group.';
    case 'INVALID_LEVEL':
      return n?.type === 'Indicator'
        ? 'chỉ số (Indicator) phải có cấp 1.'
        : 'mục tổng hợp (Aggregate) phải có cấp từ 2 trở lên.';
    case 'UNKNOWN_PARENT':
      return `mục cha "${n?.parent}" không có trong khung.`;
    case 'CYCLE':
      return `"${n?.code}" nằm trong một vòng lặp cha – con.`;
    case 'INVALID_PARENT':
      return `mục cha "${n?.parent}" phải là một mục tổng hợp (Aggregate) có cấp cao hơn cấp ${n?.level ?? '?'}.`;
    case 'EMPTY_AGGREGATE':
      return `mục tổng hợp "${n?.code}" chưa có mục con nào.`;
    case 'UNKNOWN_DENOMINATOR':
      return `"${n?.denominator}" không phải một dòng mẫu số (Denominator) của khung.`;
    case 'INVALID_VALUE':
      if (n === undefined) return 'khung chưa có chỉ số (Indicator) nào.';
      if (e.column === 'iCode') return 'thiếu mã.';
      if (e.column === 'Weight') return 'trọng số phải là số không âm.';
      if (e.column === 'Direction') return 'chiều tác động phải là 1 hoặc -1.';
      return e.message;
    default:
      return e.message;
  }
}

/** A refusal of a framework: 400 PII_FRAMEWORK_INVALID naming the row and the column. */
function frameworkInvalid(
  row: number | null,
  column: string | null,
  code: string,
  message: string,
): AppError {
  const where = row === null ? '' : `Dòng ${row}${column === null ? '' : `, cột ${column}`}: `;
  const field = column === null ? null : (COLUMN_FIELD[column as ImetaColumn] ?? null);
  return new AppError('PII_FRAMEWORK_INVALID', `${where}${message}`, {
    row,
    column,
    field,
    code,
  });
}

/**
 * Checks a framework with the engine (tree, levels, weights, directions, denominators) and every
 * source indicator against the statistics catalogue. `firstRow` is the number the first row bears
 * where the user sees it: 1 in a table, 2 in a file whose first row is the header.
 */
export async function checkFramework(
  q: Queryable,
  nodes: readonly PiiNode[],
  firstRow = 1,
): Promise<void> {
  try {
    buildFramework(frameworkRows(nodes));
  } catch (error) {
    if (!(error instanceof PiiError)) throw error;
    const index = error.row === undefined ? null : error.row - 1;
    const node = index === null ? undefined : nodes[index];
    throw frameworkInvalid(
      index === null ? null : index + firstRow,
      error.column ?? null,
      error.code,
      refusal(error, node),
    );
  }
  const catalogue = await loadCatalogue(q);
  // `CODE` names an indicator, `CODE.OPTION` one option of a disaggregated indicator.
  const known = (source: string) => {
    const dot = source.indexOf('.');
    return dot < 0
      ? catalogue.indicator(source) !== undefined
      : catalogue.isCell(source.slice(0, dot), source.slice(dot + 1));
  };
  const unknown = nodes.findIndex((n) => n.sourceIndicator !== null && !known(n.sourceIndicator));
  if (unknown >= 0) {
    throw frameworkInvalid(
      unknown + firstRow,
      FIELD_COLUMN.sourceIndicator,
      'UNKNOWN_SOURCE_INDICATOR',
      `chỉ tiêu thống kê "${nodes[unknown]!.sourceIndicator}" không có trong danh mục chỉ tiêu.`,
    );
  }
}

function checkConfig(config: Record<string, unknown>): void {
  try {
    parsePipelineConfig(config);
  } catch (error) {
    if (!(error instanceof PiiError)) throw error;
    const path = error.column ? `config.${error.column}` : 'config';
    throw validationError(`Cấu hình tính toán không hợp lệ (${path}): ${error.message}`, [
      { path, message: error.message },
    ]);
  }
}

/* ───────────── reading ───────────── */

async function requireEdition(q: Queryable, id: string, lock = false): Promise<EditionSummaryRow> {
  const row = await editionRow(q, id, lock);
  if (!row) throw notFound('Không tìm thấy ấn bản Bộ chỉ số.');
  return row;
}

export async function listEditions(ctx: Ctx): Promise<PiiEditionSummary[]> {
  return (await listEditionRows(ctx.database.db)).map(presentEditionSummary);
}

async function readEdition(q: Queryable, id: string): Promise<PiiEdition> {
  const row = await requireEdition(q, id);
  return presentEdition(row, await nodeRows(q, id));
}

export function getEdition(ctx: Ctx, id: string): Promise<PiiEdition> {
  return readEdition(ctx.database.db, id);
}

/* ───────────── writing ───────────── */

export async function createEdition(ctx: Ctx, input: CreateEditionInput): Promise<PiiEdition> {
  return writeTransaction(ctx, async ({ tx, audit }) => {
    if (await editionIdOfYear(tx, input.year)) {
      throw conflict(`Đã có ấn bản PII ${input.year}.`, { year: input.year });
    }
    let source: { row: EditionSummaryRow; nodes: PiiNode[] } | null = null;
    if (input.copyFrom) {
      const row = await editionRow(tx, input.copyFrom);
      if (!row) throw notFound('Không tìm thấy ấn bản được chọn để sao chép khung.');
      source = { row, nodes: await nodeRows(tx, row.id) };
    }
    const created = await insertEdition(tx, {
      year: input.year,
      title: input.title,
      unitBasis: input.unitBasis,
      dataYear: input.dataYear,
      illustrative: source?.row.illustrative ?? false,
      notes: input.notes ?? source?.row.notes ?? null,
      config: source?.row.config ?? PII_DEFAULT_CONFIG,
    });
    await replaceNodes(tx, created.id, source?.nodes ?? skeletonNodes());
    const edition = await readEdition(tx, created.id);
    await audit({
      entityType: 'pii_edition',
      entityId: created.id,
      action: 'create',
      after: { ...edition, copyFrom: input.copyFrom ?? null },
    });
    return edition;
  });
}

/**
 * Replaces an edition's title, data year, notes, configuration and framework at once. An edition
 * with runs stays editable: each run keeps the framework it was computed with.
 */
export async function updateEdition(
  ctx: Ctx,
  id: string,
  input: UpdateEditionInput,
): Promise<PiiEdition> {
  return writeTransaction(ctx, async ({ tx, audit }) => {
    const before = await requireEdition(tx, id, true);
    const beforeNodes = await nodeRows(tx, id);
    checkConfig(input.config);
    await checkFramework(tx, input.nodes);
    await updateEditionRow(tx, id, {
      title: input.title,
      dataYear: input.dataYear,
      notes: input.notes ?? null,
      config: input.config,
      illustrative: input.illustrative ?? before.illustrative,
    });
    await replaceNodes(tx, id, input.nodes);
    const after = await requireEdition(tx, id);
    await audit({
      entityType: 'pii_edition',
      entityId: id,
      action: 'update',
      before: editionSnapshot(before, beforeNodes),
      after: editionSnapshot(after, input.nodes),
    });
    return presentEdition(after, input.nodes);
  });
}

export async function deleteEdition(ctx: Ctx, id: string): Promise<void> {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const before = await requireEdition(tx, id, true);
    if (before.runCount > 0) {
      throw new AppError(
        'PII_EDITION_HAS_RUNS',
        `Ấn bản PII ${before.year} đã có ${before.runCount} lần tính chỉ số nên không thể xóa.`,
        { runCount: before.runCount },
      );
    }
    const nodes = await nodeRows(tx, id);
    await deleteEditionRow(tx, id);
    await audit({
      entityType: 'pii_edition',
      entityId: id,
      action: 'delete',
      before: editionSnapshot(before, nodes),
    });
  });
}

/** Reads a framework file: .xlsx (by its content) or CSV. Errors name the file's row and column. */
export async function readFrameworkFile(content: Buffer): Promise<PiiNode[]> {
  try {
    return looksLikeXlsx(content) ? await parseImetaXlsx(content) : parseImetaCsv(content);
  } catch (error) {
    if (error instanceof ImetaError) {
      throw frameworkInvalid(error.row, error.column, error.code, error.reason);
    }
    throw error;
  }
}

/** Replaces an edition's framework with a file's rows, all or nothing. */
export async function importEdition(
  ctx: Ctx,
  id: string,
  file: { name: string | null; content: Buffer },
): Promise<PiiEdition> {
  if (file.content.length === 0) {
    throw validationError('Tệp trống.', [{ path: 'file', message: 'Tệp trống.' }]);
  }
  const nodes = await readFrameworkFile(file.content);
  if (nodes.length > MAX_NODES) {
    throw frameworkInvalid(
      MAX_NODES + 2,
      null,
      'TOO_MANY_ROWS',
      `khung chỉ số có tối đa ${MAX_NODES} dòng.`,
    );
  }
  return writeTransaction(ctx, async ({ tx, audit }) => {
    const before = await requireEdition(tx, id, true);
    const beforeNodes = await nodeRows(tx, id);
    await checkFramework(tx, nodes, 2);
    await replaceNodes(tx, id, nodes);
    await touchEdition(tx, id);
    const after = await requireEdition(tx, id);
    await audit({
      entityType: 'pii_edition',
      entityId: id,
      action: 'import',
      before: editionSnapshot(before, beforeNodes),
      after: { ...editionSnapshot(after, nodes), fileName: file.name },
    });
    return presentEdition(after, nodes);
  });
}

export interface ExportedFile {
  file: Buffer;
  fileName: string;
  contentType: string;
}

export async function exportEdition(
  ctx: Ctx,
  id: string,
  format: 'csv' | 'xlsx',
): Promise<ExportedFile> {
  const edition = await readEdition(ctx.database.db, id);
  const fileName = `PII-${edition.year}-khung-chi-so.${format}`;
  return format === 'csv'
    ? { file: imetaCsv(edition.nodes), fileName, contentType: CSV_CONTENT_TYPE }
    : {
        file: await imetaXlsx(edition.nodes, edition),
        fileName,
        contentType: XLSX_CONTENT_TYPE,
      };
}

/* ───────────── first installation ───────────── */

export interface EditionInstallResult {
  /** Years of the editions created (none when the database already had editions). */
  created: number[];
}

/**
 * On a database without any edition (a first installation, or an upgrade that brings the index),
 * the illustrative editions PII 2024 (the 63 former provinces), PII 2025 and PII 2026 (today's 34).
 * An edition the Ministry deleted later is never put back.
 */
export async function installEditions(
  { tx, audit }: WriteScope,
  framework: (edition: { year: number; unitBasis: PiiUnitBasis }) => PiiNode[],
): Promise<EditionInstallResult> {
  if ((await countEditions(tx)) > 0) return { created: [] };
  const created: number[] = [];
  for (const e of ILLUSTRATIVE_EDITIONS) {
    const row = await insertEdition(tx, {
      year: e.year,
      title: `PII ${e.year} — khung minh họa`,
      illustrative: true,
      unitBasis: e.unitBasis,
      dataYear: e.dataYear,
      notes: ILLUSTRATIVE_NOTES,
      config: PII_DEFAULT_CONFIG,
    });
    const nodes = framework({ year: e.year, unitBasis: e.unitBasis });
    await replaceNodes(tx, row.id, nodes);
    created.push(e.year);
    await audit({
      entityType: 'pii_edition',
      entityId: row.id,
      action: 'reference_create',
      after: { ...e, nodes: nodes.length },
    });
  }
  return { created };
}
