import type { z } from 'zod';
import { compareVi, formatDateVi } from '@caunoi/shared';
import type { Ctx } from '../../core/context.js';
import { readScope } from '../programmes/lineage.js';
import { representativeDate } from '../units/units.service.js';
import type { Facets } from './facets.js';
import type { leagueQuery } from './tasks.schemas.js';
import * as repo from './tasks.repo.js';
import { evaluatedSchedules, type TaskEnv } from './tasks.service.js';

type LeagueQuery = z.output<typeof leagueQuery>;

export const ON_TIME_RATE_FORMULA =
  'Tỷ lệ đúng hạn = Số hoàn thành đúng hạn ÷ (Số hoàn thành đúng hạn + Số hoàn thành quá hạn) × 100%';

export interface LeagueCounts {
  doneOnTime: number;
  doneLate: number;
  openWithinDeadline: number;
  openOverdue: number;
  /** Among the open within deadline: due within the window. */
  dueSoon: number;
  total: number;
  onTimeRate: number | null;
}

export interface LeagueRow extends LeagueCounts {
  rank: number;
  key: string;
  name: string;
  organisationId: string | null;
  unit: { id: string; nameVi: string } | null;
}

const emptyCounts = (): LeagueCounts => ({
  doneOnTime: 0,
  doneLate: 0,
  openWithinDeadline: 0,
  openOverdue: 0,
  dueSoon: 0,
  total: 0,
  onTimeRate: null,
});

function count(c: LeagueCounts, f: Facets): void {
  c.total += 1;
  if (f.timeliness === 'on_time') c.doneOnTime += 1;
  else if (f.timeliness === 'late') c.doneLate += 1;
  else if (f.timeliness === 'overdue') c.openOverdue += 1;
  else c.openWithinDeadline += 1;
  if (f.dueSoon) c.dueSoon += 1;
}

function withRate(c: LeagueCounts): LeagueCounts {
  const done = c.doneOnTime + c.doneLate;
  return { ...c, onTimeRate: done === 0 ? null : c.doneOnTime / done };
}

/** Better first: higher on-time rate (none last), more done on time, fewer overdue. */
function compareRows(a: LeagueCounts, b: LeagueCounts): number {
  const rate = (c: LeagueCounts) => c.onTimeRate ?? -1;
  return rate(b) - rate(a) || b.doneOnTime - a.doneOnTime || a.openOverdue - b.openOverdue;
}

/** The province covering `unitId` today (for a former province, its main successor). */
function provinceToday(env: TaskEnv, unitId: string) {
  const { registry, today } = env;
  const unit = registry.get(unitId);
  if (!unit) return null;
  let currentId = unit.id;
  if (!registry.isValidOn(unit, today) && unit.validFrom <= today) {
    const main = registry
      .map(unit.id, representativeDate(unit, today), today)
      .units.reduce<{ unitId: string; weight: number } | undefined>(
        (best, m) => (!best || m.weight > best.weight ? m : best),
        undefined,
      );
    if (!main) return null;
    currentId = main.unitId;
  }
  const current = registry.require(currentId);
  return {
    id: current.id,
    nameVi: registry.snapshot(current, representativeDate(current, today)).nameVi,
  };
}

/**
 * The league table: per lead organisation or per province (today's, so that a former province's
 * tasks count for its successor), the obligations due in the period counted by facet.
 */
export async function league(ctx: Ctx, env: TaskEnv, f: LeagueQuery) {
  const db = ctx.database.db;
  const where = repo.taskWhere({
    scope: await readScope(db, env.registry, ctx.actor),
    sourceKind: f.sourceKind,
  });
  return tabulate(env, await evaluatedSchedules(db, env, where), f);
}

/** The league table of tasks already evaluated (those the caller may see, of `f.sourceKind`). */
export function tabulate(
  env: TaskEnv,
  tasks: Awaited<ReturnType<typeof evaluatedSchedules>>,
  f: LeagueQuery,
) {
  const groups = new Map<string, Omit<LeagueRow, 'rank'>>();
  for (const { view, evaluation } of tasks) {
    const obligations = evaluation.obligations.filter(
      (o) => (!f.from || o.dueOn >= f.from) && (!f.to || o.dueOn <= f.to),
    );
    if (obligations.length === 0) continue;
    const province = view.leadUnitId ? provinceToday(env, view.leadUnitId) : null;
    if (f.groupBy === 'province' && !province) continue;
    const key = f.groupBy === 'province' ? province!.id : view.leadOrganisationId;
    let row = groups.get(key);
    if (!row) {
      row = {
        key,
        name: f.groupBy === 'province' ? province!.nameVi : view.leadName,
        organisationId: f.groupBy === 'organisation' ? view.leadOrganisationId : null,
        unit: province,
        ...emptyCounts(),
      };
      groups.set(key, row);
    }
    for (const o of obligations) count(row, o);
  }
  const sorted = [...groups.values()]
    .map((r) => ({ ...r, ...withRate(r) }))
    .sort((a, b) => compareRows(a, b) || compareVi(a.name, b.name));
  // Competition ranking: rows that compare equal share a rank (1, 2, 2, 4…).
  const rows: LeagueRow[] = sorted.map((r, i) => ({ ...r, rank: i + 1 }));
  for (let i = 1; i < rows.length; i++) {
    if (compareRows(rows[i]!, rows[i - 1]!) === 0) rows[i]!.rank = rows[i - 1]!.rank;
  }
  const totals = emptyCounts();
  for (const r of rows) {
    for (const k of [
      'doneOnTime',
      'doneLate',
      'openWithinDeadline',
      'openOverdue',
      'dueSoon',
      'total',
    ] as const) {
      totals[k] += r[k];
    }
  }
  return {
    meta: {
      groupBy: f.groupBy,
      from: f.from ?? null,
      to: f.to ?? null,
      sourceKind: f.sourceKind ?? null,
      today: env.today,
      dueSoonDays: env.dueSoonDays,
      formula: ON_TIME_RATE_FORMULA,
      notes: leagueNotes(env, f),
    },
    rows,
    totals: withRate(totals),
  };
}

export type League = Awaited<ReturnType<typeof league>>;

/** How the table is counted, for the page and the workbook. */
export function leagueNotes(env: TaskEnv, f: Pick<LeagueQuery, 'groupBy'>): string[] {
  return [
    'Mỗi nhiệm vụ có thời hạn được tính là một nghĩa vụ, hạn là hạn hoàn thành đang áp dụng (đã tính gia hạn được chấp thuận). Nhiệm vụ thường xuyên: mỗi kỳ báo cáo là một nghĩa vụ riêng, hạn là ngày cuối kỳ.',
    'Chỉ tính các nghĩa vụ có hạn nằm trong kỳ đã chọn; trạng thái tính đến ngày ' +
      `${formatDateVi(env.today)}.`,
    'Hoàn thành đúng hạn: hoàn thành (hoặc báo cáo kỳ) vào hoặc trước hạn. Hoàn thành quá hạn: sau hạn. Chưa hoàn thành – trong hạn: chưa đến hạn. Chưa hoàn thành – quá hạn: đã qua hạn mà chưa hoàn thành.',
    `Sắp đến hạn: chưa hoàn thành, còn trong hạn và đến hạn trong ${env.dueSoonDays} ngày tới (đã nằm trong cột "Chưa hoàn thành – trong hạn").`,
    ON_TIME_RATE_FORMULA + '; để trống khi chưa có nghĩa vụ nào hoàn thành.',
    f.groupBy === 'province'
      ? 'Nhiệm vụ của tỉnh, thành phố trước sắp xếp (trước 01/07/2025) được tính cho tỉnh, thành phố hiện nay kế thừa. Nhiệm vụ do đơn vị thuộc Bộ chủ trì không tính trong bảng theo tỉnh.'
      : 'Mỗi dòng là một đơn vị chủ trì; cột Tỉnh, thành phố ghi tỉnh, thành phố hiện nay (kế thừa tỉnh cũ nếu có).',
  ];
}
