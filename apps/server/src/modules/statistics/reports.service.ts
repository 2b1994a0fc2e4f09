import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import {
  checkOutlierStats,
  parseCellValue,
  REPORT_ACTION_LABELS,
  parsePeriod,
  shiftPeriod,
  timelinessOf,
  todayInVietnam,
  type IndicatorDefinition,
  type NotificationKind,
  type Period,
  type PeriodSchedule,
  type ReportAction,
  type ReportStatus,
  type Role,
  type ValueChannel,
} from '@caunoi/shared';
import { writeTransaction, type Ctx } from '../../core/context.js';
import type { Queryable } from '../../db/database.js';
import { roleAssignments } from '../../db/schema.js';
import { AppError, notFound, validationError } from '../../http/errors.js';
import { allowsOn, type Action, type Target } from '../../policy/policy.js';
import { recipients, type Recipient } from '../notifications/notifications.repo.js';
import { notify } from '../notifications/notifications.service.js';
import { withSuccessors } from '../programmes/lineage.js';
import {
  cellKey,
  derivedNumbers,
  evaluateRules,
  type Catalogue,
  type RuleResult,
} from './catalogue.js';
import { loadCatalogue } from './catalogue.repo.js';
import * as formsRepo from './forms.repo.js';
import {
  periodOfForm,
  periodView,
  reportersOf,
  scheduleWith,
  type StatisticsEnv,
} from './forms.service.js';
import { referenceCache, statsOf } from './reference.cache.js';
import * as repo from './reports.repo.js';
import {
  historyOf,
  keyOf,
  figuresOf,
  writeValues,
  type StoredValue,
  type ValueWrite,
} from './values.store.js';

export const REPORT_ENTITY = 'stat_report';

/** Everything known about one form × unit × period, loaded once per request. */
export interface ReportContext {
  form: formsRepo.FormRow;
  period: Period;
  schedule: PeriodSchedule;
  unitId: string;
  catalogue: Catalogue;
  /** The form's indicators, in the form's order. */
  indicators: IndicatorDefinition[];
  report: repo.ReportRow | undefined;
  target: Target;
}

/** A report of a former province also belongs to the provinces that succeeded it. */
export function reportTarget(env: StatisticsEnv, unitId: string): Target {
  return { unitIds: withSuccessors(env.registry, [unitId]) };
}

export function statusOf(report: repo.ReportRow | undefined): ReportStatus {
  return report?.status ?? 'not_started';
}

/**
 * Loads a report's context; 404 when the form does not exist, the unit is not one of its
 * reporters for the period, or the caller may not read it.
 */
export async function loadContext(
  ctx: Ctx,
  env: StatisticsEnv,
  keys: repo.ReportKeys,
  q: Queryable = ctx.database.db,
  lock = false,
): Promise<ReportContext> {
  const row = await repo.contextRow(
    q,
    { ...keys, periodCode: parsePeriod(keys.periodCode)?.code ?? keys.periodCode },
    lock,
  );
  if (!row) throw notFound('Không tìm thấy biểu mẫu.');
  const form = row.form;
  const period = periodOfForm(form, keys.periodCode);
  const target = reportTarget(env, keys.unitId);
  if (!allowsOn(ctx.actor, 'statistics.read', target)) throw notFound('Không tìm thấy báo cáo.');
  if (!row.assigned || reportersOf(env.registry, [keys.unitId], period).length === 0) {
    throw notFound('Đơn vị này không báo cáo biểu mẫu trong kỳ đã chọn.');
  }
  const catalogue = await loadCatalogue(q, row.catalogueFingerprint);
  const codes = row.indicatorCodes;
  const schedule = scheduleWith(form, period, row.override);
  const report = row.report ?? undefined;
  const indicators = codes.flatMap((c) => catalogue.indicator(c) ?? []);
  return {
    form,
    period,
    schedule,
    unitId: keys.unitId,
    catalogue,
    indicators,
    report,
    target,
  };
}

export type EntryBlock = 'not_allowed' | 'status' | 'not_open' | 'locked' | null;

/** Why values cannot be changed now, or null when they can. */
export function entryBlock(ctx: Ctx, c: ReportContext, today: string): EntryBlock {
  if (!allowsOn(ctx.actor, 'statistics.enter', c.target)) return 'not_allowed';
  const status = statusOf(c.report);
  if (status !== 'not_started' && status !== 'draft') return 'status';
  if (today < c.schedule.opensOn) return 'not_open';
  if (today > c.schedule.locksOn && !c.report?.reopened) return 'locked';
  return null;
}

export const ENTRY_BLOCK_MESSAGES: Record<Exclude<EntryBlock, null>, string> = {
  not_allowed: 'Bạn không có quyền nhập số liệu cho báo cáo này.',
  status:
    'Báo cáo đã gửi hoặc đã được phê duyệt: số liệu bị khóa cho đến khi báo cáo được trả lại hoặc mở lại.',
  not_open: 'Kỳ báo cáo chưa mở nhập số liệu.',
  locked: 'Kỳ báo cáo đã khóa số liệu. Đề nghị Bộ mở lại báo cáo nếu cần sửa.',
};

/** Who may take each step, by the policy action it needs. */
const ACTION_RIGHTS: Record<ReportAction, Action> = {
  submit: 'statistics.enter',
  approve: 'statistics.approve',
  accept: 'statistics.accept',
  return: 'statistics.approve',
  reopen: 'statistics.accept',
};

/** The steps the caller may take on the report now. */
export function availableActions(ctx: Ctx, c: ReportContext, today: string): ReportAction[] {
  const status = statusOf(c.report);
  const out: ReportAction[] = [];
  const can = (a: Action) => allowsOn(ctx.actor, a, c.target);
  if (status === 'draft' && can('statistics.enter')) out.push('submit');
  if (status === 'submitted' && can('statistics.approve')) out.push('approve', 'return');
  if (status === 'approved' && can('statistics.accept')) out.push('accept', 'return');
  const lockedByDate = today > c.schedule.locksOn && !c.report?.reopened;
  if (
    can('statistics.accept') &&
    (status === 'submitted' ||
      status === 'approved' ||
      status === 'accepted' ||
      (status === 'draft' && lockedByDate))
  ) {
    out.push('reopen');
  }
  return out;
}

/* ───────────── Quality: rules, evidence, outliers ───────────── */

export interface Blocker {
  code: 'RULE_ERROR' | 'WARNING_UNEXPLAINED' | 'EVIDENCE_MISSING' | 'EMPTY_REPORT';
  message: string;
  ruleCode?: string;
  cells?: Array<{ indicatorCode: string; optionCode: string }>;
}

export interface OutlierFlag {
  indicatorCode: string;
  optionCode: string;
  against: 'history' | 'peers';
  z: number | null;
  modifiedZ: number | null;
  references: number;
}

/** Periods of the unit's own history compared against (the ones before the report's). */
const HISTORY_PERIODS = 8;

interface Quality {
  rules: RuleResult[];
  blockers: Blocker[];
  outliers: OutlierFlag[];
  /** The values by cell, and the numbers typed and derived, that the rules were checked on. */
  byKey: Map<string, StoredValue>;
  numbers: Map<string, number>;
}

/** The numbers of one unit and period, typed and derived. */
function numbersOf(catalogue: Catalogue, values: readonly StoredValue[]): Map<string, number> {
  const typed = new Map<string, number>();
  for (const v of values)
    if (v.num !== null) typed.set(cellKey(v.indicatorCode, v.optionCode), v.num);
  return derivedNumbers(catalogue, typed);
}

/** The units whose history is the unit's own: itself and a predecessor it continues one to one. */
function ownLine(env: StatisticsEnv, unitId: string): string[] {
  const line = [unitId];
  let current = unitId;
  for (;;) {
    const preds = env.registry.get(current) ? env.registry.predecessorsOf(current) : [];
    if (preds.length !== 1 || preds[0]!.weight !== 1) break;
    const successors = env.registry.successorsOf(preds[0]!.predecessorId);
    if (successors.length !== 1) break;
    current = preds[0]!.predecessorId;
    line.push(current);
  }
  return line;
}

async function outliersOf(
  q: Queryable,
  env: StatisticsEnv,
  c: ReportContext,
  values: readonly StoredValue[],
): Promise<OutlierFlag[]> {
  const numeric = values.filter((v) => v.num !== null);
  if (numeric.length === 0) return [];
  const previous: string[] = [];
  for (let i = 1; i <= HISTORY_PERIODS; i++) {
    const p = shiftPeriod(c.period, -i);
    if (p) previous.push(p.code);
  }
  const indicatorCodes = c.indicators.map((i) => i.code);
  const own = ownLine(env, c.unitId);
  const base = [c.form.id, c.period.code, ...indicatorCodes].join('\u0001');
  const [history, peers] = await Promise.all([
    referenceCache.historyOf(
      `${base}\u0001${c.unitId}`,
      { unitIds: own, periodCodes: previous },
      async () =>
        statsOf(await figuresOf(q, { unitIds: own, periodCodes: previous, indicatorCodes })),
    ),
    referenceCache.peersOf(base, c.unitId, async () =>
      figuresOf(q, {
        unitIds: reportersOf(env.registry, await formsRepo.unitsOf(q, c.form.id), c.period),
        periodCodes: [c.period.code],
        indicatorCodes,
      }),
    ),
  ]);
  const flags: OutlierFlag[] = [];
  for (const v of numeric) {
    const k = cellKey(v.indicatorCode, v.optionCode);
    for (const [against, stats] of [
      ['history', history.get(k)],
      ['peers', peers.get(k)],
    ] as const) {
      const check = checkOutlierStats(v.num!, stats ?? null);
      if (check.flagged) {
        flags.push({
          indicatorCode: v.indicatorCode,
          optionCode: v.optionCode,
          against,
          z: check.z,
          modifiedZ: check.modifiedZ,
          references: stats!.n,
        });
      }
    }
  }
  return flags;
}

/** A report's stored values and the number of evidence files of each (absent: none). */
export interface ReportValues {
  values: readonly StoredValue[];
  evidence: ReadonlyMap<string, number>;
}

function readReportValues(q: Queryable, c: ReportContext): Promise<ReportValues> {
  return repo.reportValues(q, {
    unitId: c.unitId,
    periodCode: c.period.code,
    indicatorCodes: c.indicators.map((i) => i.code),
  });
}

async function qualityOf(
  q: Queryable,
  env: StatisticsEnv,
  c: ReportContext,
  { values, evidence }: ReportValues,
  withOutliers: boolean,
): Promise<Quality> {
  const inForm = new Set(c.indicators.map((i) => i.code));
  const numbers = numbersOf(c.catalogue, values);
  const rules = evaluateRules(
    c.catalogue
      .rulesFor(c.form.code, c.unitId)
      .filter((r) => r.parsed.references.every((ref) => inForm.has(ref.split('.')[0]!))),
    numbers,
  );
  const byKey = new Map(values.map((v) => [cellKey(v.indicatorCode, v.optionCode), v]));
  const outliers = withOutliers ? await outliersOf(q, env, c, values) : [];
  const blockers: Blocker[] = [];
  if (!values.some((v) => v.num !== null || v.txt !== null)) {
    blockers.push({ code: 'EMPTY_REPORT', message: 'Báo cáo chưa có số liệu nào.' });
  }
  for (const r of rules) {
    if (r.outcome.status !== 'failed') continue;
    const cells = r.cells.flatMap((cell) =>
      // A derived total is explained through any of its options.
      c.catalogue.indicator(cell.indicatorCode) && cell.optionCode === ''
        ? c.catalogue.cellsOf(c.catalogue.indicator(cell.indicatorCode)!)
        : [cell],
    );
    if (r.rule.severity === 'error') {
      blockers.push({
        code: 'RULE_ERROR',
        message: r.rule.messageVi,
        ruleCode: r.rule.code,
        cells,
      });
    } else if (
      !cells.some((cell) => byKey.get(cellKey(cell.indicatorCode, cell.optionCode))?.comment)
    ) {
      blockers.push({
        code: 'WARNING_UNEXPLAINED',
        message: `${r.rule.messageVi} Ghi chú giải thích vào một trong các ô liên quan trước khi gửi.`,
        ruleCode: r.rule.code,
        cells,
      });
    }
  }
  for (const indicator of c.indicators) {
    if (!indicator.evidenceRequired) continue;
    const missing = c.catalogue.cellsOf(indicator).filter((cell) => {
      const v = byKey.get(cellKey(cell.indicatorCode, cell.optionCode));
      return v && (v.num !== null || v.txt !== null) && !evidence.get(v.id);
    });
    if (missing.length > 0) {
      blockers.push({
        code: 'EVIDENCE_MISSING',
        message: `Chỉ tiêu "${indicator.nameVi}" cần tệp minh chứng cho mỗi ô đã nhập.`,
        cells: missing,
      });
    }
  }
  return { rules, blockers, outliers, byKey, numbers };
}

/* ───────────── The report view ───────────── */

/** What the workflow and the entry rules say of the report now (the head of its view). */
function reportStatus(ctx: Ctx, env: StatisticsEnv, c: ReportContext) {
  const block = entryBlock(ctx, c, env.today);
  return {
    id: c.report?.id ?? null,
    status: statusOf(c.report),
    reopened: c.report?.reopened ?? false,
    returnComment: c.report?.returnComment ?? null,
    firstSubmittedOn: c.report?.firstSubmittedOn ?? null,
    timeliness: timelinessOf(c.schedule.deadline, c.report?.firstSubmittedOn ?? null, env.today),
    editable: block === null,
    lockReason: block,
    lockMessage: block ? ENTRY_BLOCK_MESSAGES[block] : null,
    actions: availableActions(ctx, c, env.today),
  };
}

function cellValue(v: StoredValue, evidence: ReadonlyMap<string, number>) {
  return {
    id: v.id,
    num: v.num,
    txt: v.txt,
    comment: v.comment,
    synthetic: v.synthetic,
    channel: v.channel,
    updatedBy: v.updatedBy,
    updatedAt: v.updatedAt.toISOString(),
    evidenceCount: evidence.get(v.id) ?? 0,
  };
}

/**
 * The indicator's derived figure: the total of a disaggregated indicator, or a ratio computed
 * from its components when it differs from the typed one; null for any other indicator.
 */
function derivedOf(
  c: ReportContext,
  indicator: IndicatorDefinition,
  byKey: ReadonlyMap<string, StoredValue>,
  numbers: ReadonlyMap<string, number>,
): number | null {
  const total = numbers.get(cellKey(indicator.code, ''));
  return c.catalogue.optionsOf(indicator).length > 0 ||
    (indicator.ratio && byKey.get(cellKey(indicator.code, ''))?.num !== total)
    ? (total ?? null)
    : null;
}

/** Whether an indicator can have a derived figure (see `derivedOf`). */
const mayDerive = (c: ReportContext, indicator: IndicatorDefinition) =>
  c.catalogue.optionsOf(indicator).length > 0 || !!indicator.ratio;

function qualityView(quality: Quality) {
  return {
    rules: quality.rules.map((r) => ({
      code: r.rule.code,
      expression: r.rule.expression,
      severity: r.rule.severity,
      messageVi: r.rule.messageVi,
      messageEn: r.rule.messageEn,
      status: r.outcome.status,
      left: r.outcome.status === 'failed' ? r.outcome.left : null,
      right: r.outcome.status === 'failed' ? r.outcome.right : null,
      cells: r.cells,
    })),
    blockers: quality.blockers,
    outliers: quality.outliers,
  };
}

/** The report as its page shows it. */
export async function reportView(ctx: Ctx, env: StatisticsEnv, c: ReportContext) {
  const q = ctx.database.db;
  const read = await readReportValues(q, c);
  const [quality, events] = await Promise.all([
    qualityOf(q, env, c, read, true),
    c.report ? repo.eventsOf(q, c.report.id) : [],
  ]);
  const { byKey, numbers } = quality;
  const unit = env.registry.snapshot(env.registry.require(c.unitId), c.period.end);
  return {
    ...reportStatus(ctx, env, c),
    form: {
      id: c.form.id,
      code: c.form.code,
      nameVi: c.form.nameVi,
      nameEn: c.form.nameEn,
      periodType: c.form.periodType,
      periodForm: c.form.periodForm,
    },
    unit: { id: unit.id, code: unit.code, nameVi: unit.nameVi, nameEn: unit.nameEn },
    period: periodView(c.form, c.period, c.schedule),
    indicators: c.indicators.map((indicator) => {
      const options = c.catalogue.optionsOf(indicator);
      return {
        code: indicator.code,
        group: indicator.group,
        nameVi: indicator.nameVi,
        nameEn: indicator.nameEn,
        definitionVi: indicator.definitionVi,
        unitVi: indicator.unitVi,
        unitEn: indicator.unitEn,
        valueType: indicator.valueType,
        unitAggregation: indicator.unitAggregation,
        ratio: indicator.ratio ?? null,
        evidenceRequired: indicator.evidenceRequired,
        derived: derivedOf(c, indicator, byKey, numbers),
        cells: c.catalogue.cellsOf(indicator).map((cell) => {
          const option = options.find((o) => o.code === cell.optionCode);
          const v = byKey.get(cellKey(cell.indicatorCode, cell.optionCode));
          return {
            optionCode: cell.optionCode,
            optionNameVi: option?.nameVi ?? null,
            optionNameEn: option?.nameEn ?? null,
            value: v ? cellValue(v, read.evidence) : null,
          };
        }),
      };
    }),
    ...qualityView(quality),
    events: events.map((e) => ({
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      comment: e.comment,
      actorUsername: e.actorUsername,
      at: e.at.toISOString(),
    })),
  };
}

/**
 * What a save changes in the report's view (decision 0026): its status and entry state, the
 * cells it wrote, every derived figure, the rules, blockers and outliers. The form, the unit,
 * the period, the indicators' definitions, the other cells and the steps stay as they were.
 */
async function reportState(
  ctx: Ctx,
  env: StatisticsEnv,
  c: ReportContext,
  read: ReportValues,
  written: readonly StoredValue[],
) {
  const quality = await qualityOf(ctx.database.db, env, c, read, true);
  const { byKey, numbers } = quality;
  return {
    ...reportStatus(ctx, env, c),
    cells: written.map((v) => ({
      indicatorCode: v.indicatorCode,
      optionCode: v.optionCode,
      value: cellValue(v, read.evidence),
    })),
    derived: c.indicators
      .filter((indicator) => mayDerive(c, indicator))
      .map((indicator) => ({
        indicatorCode: indicator.code,
        value: derivedOf(c, indicator, byKey, numbers),
      })),
    ...qualityView(quality),
  };
}

export type ReportView = Awaited<ReturnType<typeof reportView>>;

export async function getReport(ctx: Ctx, env: StatisticsEnv, keys: repo.ReportKeys) {
  return reportView(ctx, env, await loadContext(ctx, env, keys));
}

export async function getReportById(ctx: Ctx, env: StatisticsEnv, id: string) {
  const report = await repo.findReport(ctx.database.db, id);
  if (!report) throw notFound('Không tìm thấy báo cáo.');
  return getReport(ctx, env, report);
}

/* ───────────── Saving values ───────────── */

export interface CellInput {
  indicatorCode: string;
  optionCode: string;
  /** As typed: text (Vietnamese or English number format), a number, yes/no, or null = blank. */
  value?: string | number | boolean | null;
  /** Absent: unchanged; null or empty: removed. */
  comment?: string | null;
}

export interface CellError {
  index: number;
  indicatorCode: string;
  optionCode: string;
  code: string;
  message: string;
}

/**
 * Turns typed cells into writes for the report's unit and period, or collects every error. A
 * cell without `value` only changes its comment.
 */
export function cellsToWrites(
  c: Pick<ReportContext, 'catalogue' | 'indicators' | 'unitId' | 'period'>,
  cells: readonly CellInput[],
  stored: ReadonlyMap<string, StoredValue>,
): { writes: ValueWrite[]; errors: CellError[] } {
  const inForm = new Map(c.indicators.map((i) => [i.code, i]));
  const writes: ValueWrite[] = [];
  const errors: CellError[] = [];
  const seen = new Set<string>();
  cells.forEach((cell, index) => {
    const fail = (code: string, message: string) =>
      errors.push({
        index,
        indicatorCode: cell.indicatorCode,
        optionCode: cell.optionCode,
        code,
        message,
      });
    const indicator = inForm.get(cell.indicatorCode);
    if (!indicator)
      return fail('UNKNOWN_INDICATOR', `Chỉ tiêu ${cell.indicatorCode} không thuộc biểu mẫu.`);
    if (!c.catalogue.isCell(cell.indicatorCode, cell.optionCode)) {
      return fail(
        cell.optionCode === '' ? 'DERIVED_TOTAL' : 'UNKNOWN_OPTION',
        cell.optionCode === ''
          ? `Tổng của chỉ tiêu ${cell.indicatorCode} được tính từ các ô chi tiết, không nhập trực tiếp.`
          : `Chỉ tiêu ${cell.indicatorCode} không có phân tổ ${cell.optionCode}.`,
      );
    }
    const key = {
      indicatorCode: cell.indicatorCode,
      optionCode: cell.optionCode,
      unitId: c.unitId,
      periodCode: c.period.code,
    };
    const k = keyOf(key);
    if (seen.has(k))
      return fail('DUPLICATE_CELL', 'Ô này xuất hiện hai lần trong cùng một lần lưu.');
    seen.add(k);
    const old = stored.get(k);
    let num = old?.num ?? null;
    let txt = old?.txt ?? null;
    if (cell.value !== undefined) {
      const parsed = parseCellValue(cell.value, indicator.valueType);
      if (!parsed.ok) return fail(parsed.code, parsed.message);
      const v = parsed.value;
      num = typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : null;
      txt = typeof v === 'string' ? v : null;
    }
    const comment =
      cell.comment === undefined
        ? undefined
        : cell.comment === null || cell.comment.trim() === ''
          ? null
          : cell.comment.trim();
    writes.push({ ...key, num, txt, ...(comment === undefined ? {} : { comment }) });
  });
  return { writes, errors };
}

export function channelOf(ctx: Ctx): ValueChannel {
  return ctx.actor.channel === 'api' ? 'api' : 'grid';
}

function assertEditable(ctx: Ctx, c: ReportContext, today: string) {
  const block = entryBlock(ctx, c, today);
  if (block === 'not_allowed') throw notFound('Không tìm thấy báo cáo.');
  if (block) throw new AppError('REPORT_LOCKED', ENTRY_BLOCK_MESSAGES[block], { reason: block });
}

/**
 * Saves a batch of cells in one transaction: all of them or none. Opens the report as a draft on
 * its first save. Each changed value gets a new version (the one it replaces goes to its history);
 * the batch one audit entry.
 */
export async function saveValues(
  ctx: Ctx,
  env: StatisticsEnv,
  keys: repo.ReportKeys,
  cells: readonly CellInput[],
) {
  const { summary, context, read, written } = await writeTransaction(ctx, async ({ tx, audit }) => {
    const c = await loadContext(ctx, env, keys, tx, true);
    assertEditable(ctx, c, env.today);
    const before = await readReportValues(tx, c);
    const stored = new Map(before.values.map((v) => [keyOf(v), v]));
    const { writes, errors } = cellsToWrites(c, cells, stored);
    if (errors.length > 0) {
      throw validationError(
        errors.length === 1
          ? errors[0]!.message
          : `${errors.length} ô có giá trị không hợp lệ; không ô nào được lưu.`,
        { cells: errors },
      );
    }
    const report = await repo.openReport(tx, { ...keys, periodCode: c.period.code }, new Date());
    const batchId = randomUUID();
    const { written = [], ...result } = await writeValues(tx, writes, {
      channel: channelOf(ctx),
      actorUsername: ctx.actor.username,
      batchId,
      stored,
      returning: true,
    });
    if (result.created + result.updated > 0) {
      await audit({
        entityType: REPORT_ENTITY,
        entityId: report.id,
        action: 'values_save',
        after: { batchId, channel: channelOf(ctx), ...result },
      });
    }
    for (const v of written) stored.set(keyOf(v), v);
    return {
      summary: result,
      context: { ...c, report },
      // A value keeps its id and its evidence files through its versions; a new one has none.
      read: { values: [...stored.values()], evidence: before.evidence },
      written,
    };
  });
  // The context and the values read and written in the transaction still hold.
  return { summary, state: await reportState(ctx, env, context, read, written) };
}

/* ───────────── Workflow ───────────── */

const NEXT_STATUS: Record<ReportAction, Exclude<ReportStatus, 'not_started'>> = {
  submit: 'submitted',
  approve: 'approved',
  accept: 'accepted',
  return: 'draft',
  reopen: 'draft',
};

const NOTIFICATION_OF: Record<ReportAction, NotificationKind> = {
  submit: 'report_submitted',
  approve: 'report_approved',
  accept: 'report_accepted',
  return: 'report_returned',
  reopen: 'report_reopened',
};

/** The accounts of a province holding one of the roles (the unit and the units it went into). */
export async function provinceRecipients(
  q: Queryable,
  env: StatisticsEnv,
  unitId: string,
  roles: Role[],
): Promise<Recipient[]> {
  return recipients(
    q,
    roles,
    and(
      inArray(roleAssignments.role, roles),
      inArray(roleAssignments.scopeUnitId, withSuccessors(env.registry, [unitId])),
    ),
  );
}

/** Who acts next after each step. */
async function nextActors(
  q: Queryable,
  env: StatisticsEnv,
  unitId: string,
  action: ReportAction,
  from: ReportStatus,
): Promise<Recipient[]> {
  switch (action) {
    case 'submit':
      return provinceRecipients(q, env, unitId, ['province_approver']);
    case 'approve':
      return recipients(
        q,
        ['ministry_coordinator'],
        eq(roleAssignments.role, 'ministry_coordinator'),
      );
    case 'return':
      return provinceRecipients(
        q,
        env,
        unitId,
        from === 'approved' ? ['province_officer', 'province_approver'] : ['province_officer'],
      );
    case 'accept':
    case 'reopen':
      return provinceRecipients(q, env, unitId, ['province_officer', 'province_approver']);
  }
}

const COMMENT_REQUIRED: ReadonlySet<ReportAction> = new Set(['return', 'reopen']);

/**
 * One workflow step, in one transaction with its event, its audit entry and the notification of
 * whoever acts next. Submitting needs a report without blocking errors, with every warning
 * explained and every required evidence file attached.
 */
export async function transition(
  ctx: Ctx,
  env: StatisticsEnv,
  reportId: string,
  action: ReportAction,
  comment: string | null,
) {
  const found = await repo.findReport(ctx.database.db, reportId);
  if (!found) throw notFound('Không tìm thấy báo cáo.');
  const keys = { formId: found.formId, unitId: found.unitId, periodCode: found.periodCode };
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const c = await loadContext(ctx, env, keys, tx, true);
    const report = c.report!;
    if (
      !allowsOn(ctx.actor, ACTION_RIGHTS[action], c.target) &&
      !(action === 'return' && allowsOn(ctx.actor, 'statistics.accept', c.target))
    ) {
      throw new AppError('FORBIDDEN', 'Bạn không có quyền thực hiện bước này với báo cáo.');
    }
    if (!availableActions(ctx, c, env.today).includes(action)) {
      throw new AppError(
        'INVALID_TRANSITION',
        `Không thể "${REPORT_ACTION_LABELS[action].vi.toLowerCase()}" khi báo cáo đang ở trạng thái hiện tại.`,
        { status: report.status, action },
      );
    }
    if (COMMENT_REQUIRED.has(action) && !comment) {
      throw validationError('Cần ghi ý kiến khi trả lại hoặc mở lại báo cáo.', {
        field: 'comment',
      });
    }
    if (action === 'submit') {
      const { blockers } = await qualityOf(tx, env, c, await readReportValues(tx, c), false);
      if (blockers.length > 0) {
        throw new AppError(
          'REPORT_NOT_READY',
          `Chưa thể gửi báo cáo: ${blockers.length} vấn đề cần xử lý.`,
          { blockers },
        );
      }
    }
    const now = env.now;
    const to = NEXT_STATUS[action];
    const changes: Partial<repo.ReportRow> = { status: to };
    if (action === 'submit') {
      changes.submittedAt = now;
      changes.firstSubmittedOn = report.firstSubmittedOn ?? todayInVietnam(now);
      changes.returnComment = null;
      changes.reopened = false;
    }
    if (action === 'approve') changes.approvedAt = now;
    if (action === 'accept') changes.acceptedAt = now;
    if (action === 'return') changes.returnComment = comment;
    if (action === 'reopen') {
      changes.reopened = true;
      changes.returnComment = comment;
    }
    const updated = await repo.updateReport(tx, report.id, changes);
    await repo.insertEvent(tx, {
      reportId: report.id,
      action,
      fromStatus: report.status,
      toStatus: to,
      comment,
      actorUserId:
        ctx.actor.channel === 'web' || ctx.actor.channel === 'api' ? ctx.actor.userId : null,
      actorUsername: ctx.actor.username,
      at: now,
    });
    await audit({
      entityType: REPORT_ENTITY,
      entityId: report.id,
      action,
      before: report,
      after: updated,
    });
    const unitName = env.registry.snapshot(env.registry.require(c.unitId), c.period.end).nameVi;
    const periodName = periodView(c.form, c.period, c.schedule).labelVi;
    await notify(
      tx,
      { now, publicUrl: env.publicUrl },
      await nextActors(tx, env, c.unitId, action, report.status),
      {
        kind: NOTIFICATION_OF[action],
        entityType: REPORT_ENTITY,
        entityId: report.id,
        title: `${c.form.nameVi} — ${unitName}, ${periodName}: ${REPORT_ACTION_LABELS[action].vi.toLowerCase()}`,
        body: [
          `${ctx.actor.displayName} (${ctx.actor.username}) đã ${REPORT_ACTION_LABELS[action].vi.toLowerCase()} báo cáo.`,
          comment ? `Ý kiến: ${comment}` : '',
        ]
          .filter(Boolean)
          .join(' '),
        dedupeKey: `${REPORT_ENTITY}:${report.id}:${action}:${now.toISOString()}`,
      },
      ctx.actor.userId,
    );
  });
  return getReport(ctx, env, keys);
}

/** A value's history, as seen from its cell. */
export async function cellHistory(
  ctx: Ctx,
  env: StatisticsEnv,
  keys: repo.ReportKeys & { indicatorCode: string; optionCode: string },
) {
  const c = await loadContext(ctx, env, keys);
  if (!c.indicators.some((i) => i.code === keys.indicatorCode)) {
    throw notFound('Chỉ tiêu không thuộc biểu mẫu.');
  }
  return historyOf(ctx.database.db, {
    indicatorCode: keys.indicatorCode,
    optionCode: keys.optionCode,
    unitId: c.unitId,
    periodCode: c.period.code,
  });
}
