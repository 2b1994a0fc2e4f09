import { randomUUID } from 'node:crypto';
import {
  formatDateVi,
  parsePeriod,
  periodLabel,
  type IndicatorDefinition,
  type Period,
  type ValueType,
} from '@caunoi/shared';
import { writeTransaction, type Ctx } from '../../core/context.js';
import type { Queryable } from '../../db/database.js';
import { AppError, notFound } from '../../http/errors.js';
import { allowsOn } from '../../policy/policy.js';
import { cellKey, type Catalogue } from './catalogue.js';
import { loadCatalogue } from './catalogue.repo.js';
import * as excelRepo from './excel.repo.js';
import {
  readOnlyKind,
  templateFileName,
  templateWorkbook,
  type TemplateUnit,
} from './excel.template.js';
import {
  commentRef,
  readUpload,
  valueRef,
  type CellRead,
  type DataSheet,
  type Issue,
  type ReadTemplate,
} from './excel.upload.js';
import * as formsRepo from './forms.repo.js';
import { periodView, reportersOf, scheduleFor, type StatisticsEnv } from './forms.service.js';
import type { ReportRow } from './reports.repo.js';
import {
  cellsToWrites,
  ENTRY_BLOCK_MESSAGES,
  entryBlock,
  REPORT_ENTITY,
  reportTarget,
  type CellInput,
  type ReportContext,
} from './reports.service.js';
import {
  keyOf,
  readValuesOf,
  writeValues,
  type StoredValue,
  type ValueWrite,
} from './values.store.js';

/** Units in one workbook: the 63 former provinces and more. */
export const MAX_TEMPLATE_UNITS = 100;
/** Longest comment a cell keeps (as in the grid). */
const MAX_COMMENT = 2000;

/** A form and period with what every unit's check needs, loaded once for all units. */
interface FormPeriod {
  form: formsRepo.FormRow;
  period: Period;
  schedule: ReportContext['schedule'];
  catalogue: Catalogue;
  indicators: IndicatorDefinition[];
  assigned: Set<string>;
}

async function loadFormPeriod(
  q: Queryable,
  form: formsRepo.FormRow,
  period: Period,
): Promise<FormPeriod> {
  // One after the other: inside a transaction they share one connection.
  const catalogue = await loadCatalogue(q);
  const codes = await formsRepo.indicatorsOf(q, form.id);
  const schedule = await scheduleFor(q, form, period);
  const assigned = new Set(await formsRepo.unitsOf(q, form.id));
  return {
    form,
    period,
    schedule,
    catalogue,
    indicators: codes.flatMap((c) => catalogue.indicator(c) ?? []),
    assigned,
  };
}

/** Why the caller cannot see a unit's report for the form and period, or null. */
function unitProblem(
  ctx: Ctx,
  env: StatisticsEnv,
  fp: FormPeriod,
  unitId: string,
): 'not_found' | 'not_reporting' | null {
  if (!env.registry.get(unitId)) return 'not_found';
  if (!allowsOn(ctx.actor, 'statistics.read', reportTarget(env, unitId))) return 'not_found';
  if (!fp.assigned.has(unitId) || reportersOf(env.registry, [unitId], fp.period).length === 0) {
    return 'not_reporting';
  }
  return null;
}

function contextOf(
  env: StatisticsEnv,
  fp: FormPeriod,
  unitId: string,
  report: ReportRow | undefined,
): ReportContext {
  return {
    form: fp.form,
    period: fp.period,
    schedule: fp.schedule,
    unitId,
    catalogue: fp.catalogue,
    indicators: fp.indicators,
    report,
    target: reportTarget(env, unitId),
  };
}

/** A unit as it was named on a date (its first or last day when it did not exist then). */
const unitName = (env: StatisticsEnv, unitId: string, date: string) => {
  const unit = env.registry.get(unitId);
  if (!unit) return null;
  const on = env.registry.isValidOn(unit, date)
    ? date
    : date < unit.validFrom
      ? unit.validFrom
      : (unit.validTo ?? unit.validFrom);
  return env.registry.snapshot(unit, on);
};

/* ───────────── Template download ───────────── */

export interface TemplateQuery {
  formId: string;
  periodCode: string;
  /** Absent: every unit reporting the period that the caller may read. */
  unitIds?: string[];
}

/**
 * The template of a form for a period and units, with their stored values filled in; 404 when
 * the form is missing or a unit is outside the caller's scope or does not report the period.
 */
export async function downloadTemplate(ctx: Ctx, env: StatisticsEnv, query: TemplateQuery) {
  const q = ctx.database.db;
  const form = await formsRepo.findForm(q, query.formId);
  if (!form) throw notFound('Không tìm thấy biểu mẫu.');
  const period = parsePeriod(query.periodCode);
  if (!period || period.type !== form.periodType || period.form !== form.periodForm) {
    throw new AppError(
      'VALIDATION_ERROR',
      `Kỳ báo cáo "${query.periodCode}" không đúng loại kỳ của biểu mẫu ${form.code}.`,
      { field: 'periodCode' },
    );
  }
  const fp = await loadFormPeriod(q, form, period);
  let unitIds: string[];
  if (query.unitIds) {
    unitIds = [...new Set(query.unitIds)];
    for (const id of unitIds) {
      if (unitProblem(ctx, env, fp, id)) {
        throw notFound(`Không tìm thấy báo cáo của đơn vị ${id} cho biểu mẫu và kỳ đã chọn.`);
      }
    }
  } else {
    unitIds = [...fp.assigned]
      .filter((id) => unitProblem(ctx, env, fp, id) === null)
      .sort((a, b) => env.registry.require(a).code.localeCompare(env.registry.require(b).code));
    if (unitIds.length === 0) {
      throw notFound('Không có đơn vị nào bạn được xem báo cáo biểu mẫu này trong kỳ đã chọn.');
    }
  }
  const stored = await readValuesOf(q, {
    unitIds,
    periodCodes: [period.code],
    indicatorCodes: fp.indicators.map((i) => i.code),
  });
  const byUnit = new Map<string, Map<string, StoredValue>>(unitIds.map((id) => [id, new Map()]));
  for (const v of stored) byUnit.get(v.unitId)?.set(cellKey(v.indicatorCode, v.optionCode), v);
  const snapshots = unitIds.map((id) => unitName(env, id, period.end)!);
  const units: TemplateUnit[] = snapshots.map((u) => ({
    unitId: u.id,
    nameVi: u.nameVi,
    values: byUnit.get(u.id)!,
  }));
  const view = periodView(form, period, fp.schedule);
  const file = await templateWorkbook({
    form: { id: form.id, code: form.code, nameVi: form.nameVi },
    period: { code: period.code, labelVi: view.labelVi, start: period.start, end: period.end },
    schedule: fp.schedule,
    catalogue: fp.catalogue,
    indicators: fp.indicators,
    units,
    generatedAt: env.now,
  });
  return { file, fileName: templateFileName(form.code, period.code, snapshots) };
}

/* ───────────── Upload ───────────── */

export interface UploadExpectation {
  formId?: string;
  periodCode?: string;
  unitId?: string;
}

export interface UploadInput {
  file: Buffer;
  fileName: string | null;
  dryRun: boolean;
  expected: UploadExpectation;
}

type ValuePair = { num: number | null; txt: string | null };

export interface UploadChange {
  sheet: string;
  cell: string;
  unitId: string;
  indicatorCode: string;
  optionCode: string;
  old: ValuePair | null;
  new: ValuePair;
  /** The new comment, when the upload changes it (null removes it). */
  comment?: string | null;
}

export interface UploadPreview {
  workbook: {
    formId: string;
    formCode: string;
    periodCode: string;
    units: Array<{ unitId: string; nameVi: string; sheet: string }>;
  };
  summary: {
    created: number;
    updated: number;
    unchanged: number;
    errors: number;
    warnings: number;
  };
  changes: UploadChange[];
  errors: Issue[];
  warnings: Issue[];
}

export interface UploadResult extends UploadPreview {
  dryRun: boolean;
  committed: boolean;
  uploadId: string | null;
}

const labelOf = (code: string) => {
  const p = parsePeriod(code);
  return p ? periodLabel(p, 'vi') : code;
};

/** 400 WORKBOOK_MISMATCH when the workbook is not for the form, period or unit of the page. */
async function checkExpected(
  q: Queryable,
  env: StatisticsEnv,
  read: ReadTemplate,
  expected: UploadExpectation,
): Promise<void> {
  const { meta } = read;
  const sheetUnits = [...new Set(read.sheets.map((s) => s.unitId))];
  const mismatch: Array<'form' | 'period' | 'unit'> = [];
  if (expected.formId && expected.formId !== meta.formId) mismatch.push('form');
  if (expected.periodCode && expected.periodCode !== meta.periodCode) mismatch.push('period');
  if (expected.unitId && sheetUnits.some((u) => u !== expected.unitId)) mismatch.push('unit');
  if (mismatch.length === 0) return;
  const dateOf = (code: string) => parsePeriod(code)?.end ?? env.today;
  const names = (ids: readonly string[], period: string) =>
    ids.map((id) => unitName(env, id, dateOf(period))?.nameVi ?? id).join(', ');
  const expectedForm = expected.formId ? await formsRepo.findForm(q, expected.formId) : undefined;
  const workbookForm = meta.formCode || meta.formId;
  const described = [
    `biểu ${workbookForm}`,
    `kỳ ${labelOf(meta.periodCode)}`,
    `${sheetUnits.length > 1 ? 'các đơn vị' : 'đơn vị'} ${names(sheetUnits, meta.periodCode)}`,
  ];
  const wanted = [
    expected.formId ? `biểu ${expectedForm?.code ?? expected.formId}` : null,
    expected.periodCode ? `kỳ ${labelOf(expected.periodCode)}` : null,
    expected.unitId
      ? `đơn vị ${names([expected.unitId], expected.periodCode ?? meta.periodCode)}`
      : null,
  ].filter(Boolean);
  throw new AppError(
    'WORKBOOK_MISMATCH',
    `Tệp tải lên là mẫu của ${described.join(', ')}; trang đang mở cần ${wanted.join(', ')}. Hãy tải lên đúng mẫu của trang này (hoặc tải mẫu mới). Không có số liệu nào được ghi.`,
    {
      mismatch,
      workbook: {
        formId: meta.formId,
        formCode: meta.formCode,
        periodCode: meta.periodCode,
        unitIds: sheetUnits,
      },
      expected,
    },
  );
}

type Input =
  | { ok: true; value: string | number | boolean | null }
  | { ok: false; code: string; message: string };

/** What a cell holds as the value `cellsToWrites` reads for an indicator of the given type. */
function inputOf(read: CellRead, type: ValueType): Input {
  if (read.kind === 'blank') return { ok: true, value: null };
  if (read.kind === 'error') return { ok: false, code: read.code, message: read.message };
  const v = read.value;
  if (v instanceof Date) {
    const date = formatDateVi(v.toISOString());
    if (type === 'text') return { ok: true, value: date };
    return {
      ok: false,
      code: 'DATE_NOT_ALLOWED',
      message: `Ô chứa ngày ${date}, không phải ${type === 'boolean' ? 'Có/Không' : 'số'}: Excel có thể đã tự đổi số vừa gõ thành ngày. Định dạng ô là số rồi nhập lại.`,
    };
  }
  if (typeof v === 'number') {
    // As Excel shows it: 15 significant digits (0.1 + 0.2 is 0.3).
    const n = Number(v.toPrecision(15));
    if (!read.percent) return { ok: true, value: n };
    if (type === 'percentage') return { ok: true, value: Number((n * 100).toPrecision(15)) };
    if (type === 'text') return { ok: true, value: `${Number((n * 100).toPrecision(15))}%` };
    return {
      ok: false,
      code: 'PERCENT_NOT_ALLOWED',
      message: 'Chỉ tiêu này không tính bằng %: ghi số, không định dạng phần trăm.',
    };
  }
  return { ok: true, value: v };
}

function commentOf(read: CellRead): Input {
  if (read.kind === 'blank') return { ok: true, value: null };
  if (read.kind === 'error') return { ok: false, code: read.code, message: read.message };
  const v = read.value;
  const text = v instanceof Date ? formatDateVi(v.toISOString()) : String(v).trim();
  if (text.length > MAX_COMMENT) {
    return {
      ok: false,
      code: 'COMMENT_TOO_LONG',
      message: `Ghi chú dài ${text.length} ký tự, tối đa ${MAX_COMMENT}.`,
    };
  }
  return { ok: true, value: text === '' ? null : text };
}

/** Whether a cell holds a formula (calculated or not). */
const formulaIn = (read: CellRead) =>
  (read.kind === 'value' && read.formula) ||
  (read.kind === 'error' && read.code === 'FORMULA_NOT_CALCULATED');

const rowOfRef = (ref: string | null) => (ref ? Number(ref.replace(/^[A-Z]+/, '')) : 0);

interface Evaluation {
  preview: UploadPreview;
  /** Writes that change something, by unit. */
  writes: Map<string, ValueWrite[]>;
  counts: Map<string, { created: number; updated: number }>;
}

/**
 * The upload checked against what is stored: each sheet's unit (scope, reporting, editable),
 * each row's value read for its indicator, and every change a commit would make.
 */
async function evaluate(
  ctx: Ctx,
  env: StatisticsEnv,
  read: ReadTemplate,
  fp: FormPeriod,
  q: Queryable,
  lock: boolean,
): Promise<Evaluation> {
  const { meta } = read;
  const errors: Issue[] = [];
  const warnings: Issue[] = [...read.warnings];
  const units: UploadPreview['workbook']['units'] = [];
  const usable: DataSheet[] = [];
  const seen = new Map<string, string>();
  const sheetError = (sheet: string, code: string, message: string) =>
    errors.push({ sheet, cell: null, code, message });
  for (const sheet of read.sheets) {
    const name = unitName(env, sheet.unitId, fp.period.end)?.nameVi ?? sheet.unitId;
    units.push({ unitId: sheet.unitId, nameVi: name, sheet: sheet.name });
    if (sheet.formId !== meta.formId || sheet.periodCode !== meta.periodCode) {
      sheetError(
        sheet.name,
        'SHEET_MISMATCH',
        `Trang tính này lấy từ mẫu của biểu hoặc kỳ khác (kỳ ${labelOf(sheet.periodCode)}), không thuộc tệp: hãy dùng trang của chính mẫu tải về.`,
      );
      continue;
    }
    const other = seen.get(sheet.unitId);
    if (other !== undefined) {
      sheetError(
        sheet.name,
        'DUPLICATE_UNIT_SHEET',
        `Trang tính này trùng đơn vị ${name} với trang "${other}": mỗi đơn vị chỉ một trang.`,
      );
      continue;
    }
    seen.set(sheet.unitId, sheet.name);
    const problem = unitProblem(ctx, env, fp, sheet.unitId);
    if (problem === 'not_found') {
      sheetError(
        sheet.name,
        'NOT_FOUND',
        'Không tìm thấy báo cáo của đơn vị trên trang này, hoặc bạn không có quyền với đơn vị này.',
      );
      continue;
    }
    if (problem === 'not_reporting') {
      sheetError(
        sheet.name,
        'UNIT_NOT_REPORTING',
        `${name} không báo cáo biểu mẫu này trong kỳ ${labelOf(meta.periodCode)}.`,
      );
      continue;
    }
    usable.push(sheet);
  }

  const unitIds = usable.map((s) => s.unitId);
  const reports = new Map(
    (await excelRepo.reportsOf(q, fp.form.id, fp.period.code, unitIds, lock)).map((r) => [
      r.unitId,
      r,
    ]),
  );
  const stored = new Map(
    (
      await readValuesOf(q, {
        unitIds,
        periodCodes: [fp.period.code],
        indicatorCodes: fp.indicators.map((i) => i.code),
      })
    ).map((v) => [keyOf(v), v]),
  );
  const formCodes = new Set(fp.indicators.map((i) => i.code));
  const changes: UploadChange[] = [];
  const writes = new Map<string, ValueWrite[]>();
  const counts = new Map<string, { created: number; updated: number }>();
  let unchanged = 0;

  for (const sheet of usable) {
    const c = contextOf(env, fp, sheet.unitId, reports.get(sheet.unitId));
    const block = entryBlock(ctx, c, env.today);
    if (block === 'not_allowed') {
      sheetError(
        sheet.name,
        'NOT_FOUND',
        'Không tìm thấy báo cáo của đơn vị trên trang này, hoặc bạn không có quyền với đơn vị này.',
      );
      continue;
    }
    if (block) sheetError(sheet.name, 'REPORT_LOCKED', ENTRY_BLOCK_MESSAGES[block]);
    const sheetErrors: Issue[] = [];
    const cells: CellInput[] = [];
    const rowOf: number[] = [];
    for (const r of sheet.rows) {
      const indicator = formCodes.has(r.indicatorCode)
        ? fp.catalogue.indicator(r.indicatorCode)
        : undefined;
      const readOnly = indicator
        ? readOnlyKind(fp.catalogue, formCodes, indicator, r.optionCode)
        : null;
      if (readOnly) {
        // The template's formula, whatever its result; a value typed over it is set aside.
        if (r.value.kind === 'value' && !r.value.formula) {
          warnings.push({
            sheet: sheet.name,
            cell: valueRef(r.row),
            code: readOnly === 'total' ? 'DERIVED_TOTAL' : 'COMPUTED_RATIO',
            message:
              readOnly === 'total'
                ? `Dòng tổng của chỉ tiêu ${r.indicatorCode} được tính từ các phân tổ: giá trị nhập ở ô này bị bỏ qua.`
                : `Tỷ lệ ${r.indicatorCode} được tính từ tử số và mẫu số trên biểu: giá trị nhập ở ô này bị bỏ qua.`,
          });
        }
        continue;
      }
      // A row of an indicator the form no longer has: an error only when a value was typed in it
      // (a total's or a ratio's formula is the template's own).
      if (!indicator && (r.value.kind === 'blank' || formulaIn(r.value))) continue;
      const value = inputOf(r.value, indicator?.valueType ?? 'text');
      const comment = commentOf(r.comment);
      if (!value.ok) {
        sheetErrors.push({
          sheet: sheet.name,
          cell: valueRef(r.row),
          code: value.code,
          message: value.message,
        });
      }
      if (!comment.ok) {
        sheetErrors.push({
          sheet: sheet.name,
          cell: commentRef(r.row),
          code: comment.code,
          message: comment.message,
        });
      }
      if (!value.ok || !comment.ok) continue;
      cells.push({
        indicatorCode: r.indicatorCode,
        optionCode: r.optionCode,
        value: value.value,
        comment: comment.value as string | null,
      });
      rowOf.push(r.row);
    }
    const result = cellsToWrites(c, cells, stored);
    const firstRow = new Map<string, number>();
    cells.forEach((cell, i) => {
      const k = cellKey(cell.indicatorCode, cell.optionCode);
      if (!firstRow.has(k)) firstRow.set(k, rowOf[i]!);
    });
    for (const e of result.errors) {
      const row = rowOf[e.index]!;
      const message =
        e.code === 'DUPLICATE_CELL'
          ? `Dòng ${row} có cùng mã ô (${e.indicatorCode}${e.optionCode ? `.${e.optionCode}` : ''}) với dòng ${firstRow.get(cellKey(e.indicatorCode, e.optionCode))}: mỗi ô chỉ được có một dòng. Không sửa mã ở các cột ẩn H, I.`
          : e.message;
      sheetErrors.push({ sheet: sheet.name, cell: valueRef(row), code: e.code, message });
    }
    sheetErrors.sort((a, b) => rowOfRef(a.cell) - rowOfRef(b.cell));
    errors.push(...sheetErrors);

    const unitWrites: ValueWrite[] = [];
    const count = { created: 0, updated: 0 };
    for (const w of result.writes) {
      const old = stored.get(keyOf(w));
      const comment = w.comment === undefined ? (old?.comment ?? null) : w.comment;
      const blank = w.num === null && w.txt === null;
      if (
        !old
          ? blank && comment === null
          : old.num === w.num && old.txt === w.txt && old.comment === comment && !old.synthetic
      ) {
        unchanged++;
        continue;
      }
      if (old) count.updated++;
      else count.created++;
      unitWrites.push(w);
      const cell = valueRef(firstRow.get(cellKey(w.indicatorCode, w.optionCode))!);
      changes.push({
        sheet: sheet.name,
        cell,
        unitId: sheet.unitId,
        indicatorCode: w.indicatorCode,
        optionCode: w.optionCode,
        old: old ? { num: old.num, txt: old.txt } : null,
        new: { num: w.num, txt: w.txt },
        ...(comment !== (old?.comment ?? null) ? { comment } : {}),
      });
      // Changed on the system after the template was downloaded, other than by the caller's own
      // earlier uploads (an officer uploading a corrected file again is not warned of herself).
      if (
        old &&
        sheet.valuesAsOf !== undefined &&
        (!sheet.valuesAsOf || old.updatedAt > sheet.valuesAsOf) &&
        !(old.channel === 'excel' && old.updatedBy === ctx.actor.username)
      ) {
        warnings.push({
          sheet: sheet.name,
          cell,
          code: 'CHANGED_SINCE_DOWNLOAD',
          message: `Ô này đã được ${old.updatedBy} sửa trên hệ thống lúc ${old.updatedAt.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}, sau khi tải mẫu: ghi tệp sẽ thay giá trị đó.`,
        });
      }
    }
    writes.set(sheet.unitId, unitWrites);
    counts.set(sheet.unitId, count);
  }

  let created = 0;
  let updated = 0;
  for (const n of counts.values()) {
    created += n.created;
    updated += n.updated;
  }
  return {
    preview: {
      workbook: { formId: fp.form.id, formCode: fp.form.code, periodCode: fp.period.code, units },
      summary: { created, updated, unchanged, errors: errors.length, warnings: warnings.length },
      changes,
      errors,
      warnings,
    },
    writes,
    counts,
  };
}

/**
 * Reads an uploaded template and answers what it would change (dry run) or writes it: every
 * value of every sheet in one transaction, or nothing when any cell is wrong.
 */
export async function uploadWorkbook(
  ctx: Ctx,
  env: StatisticsEnv,
  input: UploadInput,
): Promise<UploadResult> {
  const q = ctx.database.db;
  const read = await readUpload(input.file);
  await checkExpected(q, env, read, input.expected);
  const form = await formsRepo.findForm(q, read.meta.formId);
  if (!form) {
    throw new AppError(
      'WORKBOOK_NOT_TEMPLATE',
      `Biểu mẫu của tệp (mã ${read.meta.formCode || read.meta.formId}) không còn trên hệ thống. Hãy tải mẫu mới.`,
    );
  }
  const period = parsePeriod(read.meta.periodCode);
  if (!period || period.type !== form.periodType || period.form !== form.periodForm) {
    throw new AppError(
      'WORKBOOK_NOT_TEMPLATE',
      `Kỳ báo cáo ghi trong tệp (${read.meta.periodCode}) không phải kỳ của biểu mẫu ${form.code}. Hãy tải mẫu mới.`,
    );
  }

  if (input.dryRun) {
    const { preview } = await evaluate(
      ctx,
      env,
      read,
      await loadFormPeriod(q, form, period),
      q,
      false,
    );
    return { dryRun: true, committed: false, uploadId: null, ...preview };
  }

  const uploadId = randomUUID();
  const preview = await writeTransaction(ctx, async ({ tx, audit }) => {
    const fp = await loadFormPeriod(tx, form, period);
    const e = await evaluate(ctx, env, read, fp, tx, true);
    if (e.preview.errors.length > 0) {
      const n = e.preview.errors.length;
      throw new AppError(
        'UPLOAD_INVALID',
        `Tệp còn ${n} lỗi; không có số liệu nào được ghi. Sửa các ô được chỉ ra rồi tải lên lại.`,
        { dryRun: false, committed: false, uploadId: null, ...e.preview },
      );
    }
    const touched = [...e.counts].filter(([, n]) => n.created + n.updated > 0).map(([id]) => id);
    const reports = await excelRepo.openReports(tx, form.id, period.code, touched);
    const written = await writeValues(tx, [...e.writes.values()].flat(), {
      channel: 'excel',
      actorUsername: ctx.actor.username,
      batchId: uploadId,
    });
    await excelRepo.touchReports(
      tx,
      reports.map((r) => r.id),
    );
    const summary = {
      created: written.created,
      updated: written.updated,
      unchanged: e.preview.summary.unchanged + written.unchanged,
      warnings: e.preview.summary.warnings,
    };
    await excelRepo.insertImport(tx, {
      id: uploadId,
      channel: 'excel',
      fileName: input.fileName,
      summary: {
        formId: form.id,
        formCode: form.code,
        periodCode: period.code,
        units: e.preview.workbook.units.map((u) => u.unitId),
        ...summary,
      },
      actorUsername: ctx.actor.username,
    });
    for (const report of reports) {
      await audit({
        entityType: REPORT_ENTITY,
        entityId: report.id,
        action: 'values_upload',
        after: {
          uploadId,
          channel: 'excel',
          fileName: input.fileName,
          ...e.counts.get(report.unitId),
        },
      });
    }
    return {
      ...e.preview,
      summary: { ...e.preview.summary, ...summary },
    };
  });
  return { dryRun: false, committed: true, uploadId, ...preview };
}
