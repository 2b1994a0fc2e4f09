import type { z } from 'zod';
import { compareVi, DEFAULT_ROADMAP_WEIGHTS, PROPOSAL_ANSWER_LABELS } from '@caunoi/shared';
import { writeTransaction, type Ctx } from '../../core/context.js';
import type { Queryable } from '../../db/database.js';
import { assertAllowedOn } from '../../http/access.js';
import { conflict, forbidden, notFound, validationError } from '../../http/errors.js';
import { allowsOn, type Actor, type Target } from '../../policy/policy.js';
import { findOrganisationByCode } from '../organisations/organisations.repo.js';
import { definedOnly, invalidField } from '../organisations/organisations.service.js';
import {
  coordinationTarget,
  readScope,
  withPredecessors,
  type CoordinationEnv,
} from '../programmes/lineage.js';
import {
  findEngagementSummary,
  findProposalsByIds,
  type EngagementSummary,
} from '../proposals/proposals.repo.js';
import { AGREED_ANSWERS, type ModuleEnv } from '../proposals/proposals.service.js';
import { representativeDate } from '../units/units.service.js';
import { itemValue, normaliseWeights, preparePlan, runPlan } from './roadmaps.plan.js';
import type { AnnexAgency } from './roadmaps.annex.js';
import type { RoadmapDocument } from './roadmaps.export.js';
import * as repo from './roadmaps.repo.js';
import {
  MAX_ROADMAP_YEARS,
  type addItemsBody,
  type createRoadmapBody,
  type dependenciesBody,
  type envelopesBody,
  type LastPlan,
  type listRoadmapsQuery,
  type updateItemBody,
  type updateRoadmapBody,
} from './roadmaps.schemas.js';

type CreateInput = z.output<typeof createRoadmapBody>;
type UpdateInput = z.output<typeof updateRoadmapBody>;
type EnvelopesInput = z.output<typeof envelopesBody>;
type AddItemsInput = z.output<typeof addItemsBody>;
type UpdateItemInput = z.output<typeof updateItemBody>;
type DependenciesInput = z.output<typeof dependenciesBody>;

export const ROADMAP_ENTITY = 'roadmap';
const ITEM_ENTITY = 'roadmap_item';

/** Where a roadmap sits for the policy: its province, with the provinces that succeeded it. */
export function roadmapTarget(q: Queryable, r: { unitId: string }): Promise<Target> {
  return coordinationTarget(q, [r.unitId], []);
}

export interface RoadmapSummary {
  roadmap: repo.RoadmapRow;
  counts: repo.RoadmapCounts;
}

export async function listRoadmaps(
  ctx: Ctx,
  env: CoordinationEnv,
  f: z.output<typeof listRoadmapsQuery>,
) {
  const db = ctx.database.db;
  const scope = await readScope(db, env.registry, ctx.actor);
  const unitIds = f.unitId ? withPredecessors(env.registry, [f.unitId]) : undefined;
  const { total, rows } = await repo.findRoadmaps(db, unitIds, scope, f);
  const counts = await repo.countsOf(
    db,
    rows.map((r) => r.id),
  );
  const items: RoadmapSummary[] = rows.map((roadmap) => ({
    roadmap,
    counts: counts.get(roadmap.id) ?? { itemCount: 0, plannedCount: 0 },
  }));
  return { total, page: f.page, pageSize: f.pageSize, items };
}

export interface RoadmapItemDetail extends repo.ItemView {
  value: number;
  agreed: boolean;
  dependsOn: string[];
}

export interface RoadmapDetail extends RoadmapSummary {
  engagement: EngagementSummary | null;
  envelopes: Array<{ year: number; amount: number }>;
  items: RoadmapItemDetail[];
  lastPlan: LastPlan | null;
  planStale: boolean;
  canEdit: boolean;
}

export async function loadPlanData(q: Queryable, roadmap: repo.RoadmapRow) {
  return {
    roadmap,
    envelopes: await repo.envelopesOf(q, roadmap.id),
    items: await repo.itemsOf(q, roadmap.id),
    dependencies: await repo.dependenciesOf(q, roadmap.id),
  };
}

const yearsOf = (r: { startYear: number; endYear: number }) =>
  Array.from({ length: r.endYear - r.startYear + 1 }, (_, i) => r.startYear + i);

/** The roadmap with its items, envelopes and last plan, as its own province sees it. */
export async function getRoadmap(ctx: Ctx, id: string): Promise<RoadmapDetail> {
  const db = ctx.database.db;
  const roadmap = await repo.findRoadmap(db, id);
  if (!roadmap) throw notFound();
  const target = await roadmapTarget(db, roadmap);
  assertAllowedOn(ctx.actor, 'coordination.read', target);
  const data = await loadPlanData(db, roadmap);
  const lastPlan = roadmap.lastPlan as LastPlan | null;
  const amounts = new Map(data.envelopes.map((e) => [e.year, e.amount]));
  const items = data.items
    .map((item) => ({
      ...item,
      value: itemValue(item, roadmap.weights),
      agreed: item.proposalAnswer !== null && AGREED_ANSWERS.has(item.proposalAnswer),
      dependsOn: data.dependencies
        .filter((d) => d.itemId === item.id)
        .map((d) => d.dependsOnItemId),
    }))
    .sort((a, b) => compareVi(a.proposalTitle, b.proposalTitle));
  return {
    roadmap,
    counts: {
      itemCount: items.length,
      plannedCount: items.filter((i) => i.plannedYear !== null).length,
    },
    engagement: roadmap.engagementId
      ? ((await findEngagementSummary(db, roadmap.engagementId)) ?? null)
      : null,
    envelopes: yearsOf(roadmap).map((year) => ({ year, amount: amounts.get(year) ?? 0 })),
    items,
    lastPlan,
    planStale: lastPlan !== null && lastPlan.inputHash !== preparePlan(data).hash,
    canEdit: allowsOn(ctx.actor, 'roadmaps.write', target),
  };
}

/** Checks a roadmap about to be stored and that the actor may write it for its province. */
async function checkRoadmap(
  tx: Queryable,
  env: CoordinationEnv,
  actor: Actor,
  next: Pick<repo.RoadmapFields, 'unitId' | 'startYear' | 'endYear' | 'engagementId'>,
): Promise<void> {
  if (!env.registry.get(next.unitId)) {
    throw invalidField('unitId', `Không có đơn vị hành chính "${next.unitId}".`);
  }
  if (!allowsOn(actor, 'roadmaps.write', await roadmapTarget(tx, next))) {
    throw forbidden('Bạn chỉ lập được lộ trình của tỉnh/thành phố mình phụ trách.');
  }
  if (next.endYear < next.startYear) {
    throw invalidField('endYear', 'Năm kết thúc phải sau hoặc bằng năm bắt đầu.');
  }
  if (next.endYear - next.startYear + 1 > MAX_ROADMAP_YEARS) {
    throw invalidField('endYear', `Lộ trình dài tối đa ${MAX_ROADMAP_YEARS} năm.`);
  }
  if (next.engagementId && !(await findEngagementSummary(tx, next.engagementId))) {
    throw invalidField('engagementId', 'Sự kiện không tồn tại.');
  }
}

export async function createRoadmap(ctx: Ctx, env: CoordinationEnv, input: CreateInput) {
  const id = await writeTransaction(ctx, async ({ tx, audit }) => {
    const fields: repo.RoadmapFields = {
      ...input,
      weights: normaliseWeights(input.weights ?? DEFAULT_ROADMAP_WEIGHTS),
    };
    await checkRoadmap(tx, env, ctx.actor, fields);
    const created = await repo.insertRoadmap(tx, fields);
    await audit({
      entityType: ROADMAP_ENTITY,
      entityId: created.id,
      action: 'create',
      after: created,
    });
    return created.id;
  });
  return getRoadmap(ctx, id);
}

/** The roadmap, locked, for a write: 404 when missing or out of the actor's reach. */
async function loadForWrite(tx: Queryable, actor: Actor, id: string) {
  const roadmap = await repo.findRoadmap(tx, id, true);
  if (!roadmap) throw notFound();
  const target = await roadmapTarget(tx, roadmap);
  assertAllowedOn(actor, 'coordination.read', target);
  assertAllowedOn(actor, 'roadmaps.write', target);
  return roadmap;
}

/** An item and its roadmap (locked), for a write. */
async function loadItemForWrite(tx: Queryable, actor: Actor, itemId: string) {
  const item = await repo.findItem(tx, itemId);
  if (!item) throw notFound();
  const roadmap = await loadForWrite(tx, actor, item.roadmapId);
  return { item, roadmap };
}

const within = (r: { startYear: number; endYear: number }, year: number) =>
  year >= r.startYear && year <= r.endYear;

export async function updateRoadmap(ctx: Ctx, env: ModuleEnv, id: string, input: UpdateInput) {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const before = await loadForWrite(tx, ctx.actor, id);
    const { weights, ...rest } = definedOnly(input);
    const patch: Partial<repo.RoadmapFields> = {
      ...rest,
      ...(weights ? { weights: normaliseWeights(weights) } : {}),
    };
    const next = { ...before, ...patch };
    await checkRoadmap(tx, env, ctx.actor, next);
    const items = await repo.itemsOf(tx, id);
    for (const item of items) {
      for (const [field, year] of [
        ['pinnedYear', item.pinnedYear],
        ['earliestStartYear', item.earliestStartYear],
      ] as const) {
        if (year !== null && !within(next, year)) {
          throw invalidField(
            field === 'pinnedYear' ? 'startYear' : 'endYear',
            `Kiến nghị “${item.proposalTitle}” có ${field === 'pinnedYear' ? 'năm cố định' : 'năm sớm nhất có thể bắt đầu'} ${year}, nằm ngoài giai đoạn ${next.startYear}–${next.endYear}; hãy sửa kiến nghị đó trước.`,
          );
        }
      }
    }
    const envelopes = await repo.envelopesOf(tx, id);
    const kept = envelopes.filter((e) => within(next, e.year));
    if (kept.length !== envelopes.length) await repo.replaceEnvelopes(tx, id, kept);
    const after = await repo.updateRoadmap(tx, id, patch, env.now);
    await audit({
      entityType: ROADMAP_ENTITY,
      entityId: id,
      action: 'update',
      before: { ...before, envelopes },
      after: { ...after, envelopes: kept },
    });
  });
  return getRoadmap(ctx, id);
}

export async function deleteRoadmap(ctx: Ctx, id: string): Promise<void> {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const before = await loadForWrite(tx, ctx.actor, id);
    const items = await repo.itemsOf(tx, id);
    await repo.deleteRoadmap(tx, id);
    await audit({
      entityType: ROADMAP_ENTITY,
      entityId: id,
      action: 'delete',
      before: { ...before, proposalIds: items.map((i) => i.proposalId) },
    });
  });
}

export async function setEnvelopes(ctx: Ctx, env: ModuleEnv, id: string, input: EnvelopesInput) {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const roadmap = await loadForWrite(tx, ctx.actor, id);
    const seen = new Set<number>();
    for (const [i, e] of input.envelopes.entries()) {
      const path = `envelopes.${i}.year`;
      if (!within(roadmap, e.year)) {
        throw invalidField(
          path,
          `Năm ${e.year} nằm ngoài giai đoạn ${roadmap.startYear}–${roadmap.endYear}.`,
        );
      }
      if (seen.has(e.year)) throw invalidField(path, `Năm ${e.year} bị nhập hai lần.`);
      seen.add(e.year);
    }
    const before = await repo.envelopesOf(tx, id);
    const after = [...input.envelopes].sort((a, b) => a.year - b.year);
    await repo.replaceEnvelopes(tx, id, after);
    await repo.updateRoadmap(tx, id, {}, env.now);
    await audit({
      entityType: ROADMAP_ENTITY,
      entityId: id,
      action: 'set_envelopes',
      before: { envelopes: before },
      after: { envelopes: after },
    });
  });
  return getRoadmap(ctx, id);
}

const DEFAULT_SCORE = 3;

export async function addItems(ctx: Ctx, env: ModuleEnv, id: string, input: AddItemsInput) {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const roadmap = await loadForWrite(tx, ctx.actor, id);
    const ids = [...new Set(input.proposalIds)];
    const found = new Map((await findProposalsByIds(tx, ids)).map((p) => [p.id, p]));
    const lineage = new Set(withPredecessors(env.registry, [roadmap.unitId]));
    const existing = new Set((await repo.itemsOf(tx, id)).map((i) => i.proposalId));
    const problems: Array<{ path: string; message: string }> = [];
    const duplicates: string[] = [];
    for (const proposalId of ids) {
      const path = `body.proposalIds.${input.proposalIds.indexOf(proposalId)}`;
      const p = found.get(proposalId);
      if (!p || !lineage.has(p.unitId)) {
        problems.push({
          path,
          message: 'Kiến nghị không tồn tại hoặc không thuộc tỉnh của lộ trình.',
        });
      } else if (p.answer === null || !AGREED_ANSWERS.has(p.answer)) {
        const state = p.answer ? PROPOSAL_ANSWER_LABELS[p.answer].vi : 'Chưa trả lời';
        problems.push({
          path,
          message: `Kiến nghị “${p.title}” chưa được Bộ đồng ý (${state}); chỉ đưa vào lộ trình các kiến nghị Bộ đã đồng ý hoặc đồng ý có điều kiện.`,
        });
      } else if (existing.has(proposalId)) {
        duplicates.push(p.title);
      }
    }
    if (problems.length > 0) {
      throw validationError(problems.map((p) => p.message).join(' '), problems);
    }
    if (duplicates.length > 0) {
      throw conflict(`Lộ trình đã có: ${duplicates.map((t) => `“${t}”`).join(', ')}.`);
    }
    const rows = await repo.insertItems(
      tx,
      ids.map((proposalId) => {
        const p = found.get(proposalId)!;
        return {
          roadmapId: id,
          proposalId,
          scores: {
            alignment: DEFAULT_SCORE,
            impact: DEFAULT_SCORE,
            readiness: DEFAULT_SCORE,
            cost: DEFAULT_SCORE,
          },
          cost: p.estimatedCost ?? '0',
        };
      }),
    );
    for (const row of rows) {
      await audit({ entityType: ITEM_ENTITY, entityId: row.id, action: 'create', after: row });
    }
    await repo.updateRoadmap(tx, id, {}, env.now);
  });
  return getRoadmap(ctx, id);
}

export async function updateItem(ctx: Ctx, env: ModuleEnv, itemId: string, input: UpdateItemInput) {
  const roadmapId = await writeTransaction(ctx, async ({ tx, audit }) => {
    const { item: before, roadmap } = await loadItemForWrite(tx, ctx.actor, itemId);
    const { cost, ...rest } = definedOnly(input);
    const patch: Partial<repo.ItemFields> = {
      ...rest,
      ...(cost === undefined ? {} : { cost: String(cost) }),
      ...(input.excluded === true ? { pinnedYear: null } : {}),
      ...(input.pinnedYear != null ? { excluded: false } : {}),
    };
    for (const field of ['pinnedYear', 'earliestStartYear'] as const) {
      const year = patch[field];
      if (year != null && !within(roadmap, year)) {
        throw invalidField(
          field,
          `Năm ${year} nằm ngoài giai đoạn ${roadmap.startYear}–${roadmap.endYear} của lộ trình.`,
        );
      }
    }
    const after = await repo.updateItem(tx, itemId, patch);
    await repo.updateRoadmap(tx, roadmap.id, {}, env.now);
    await audit({ entityType: ITEM_ENTITY, entityId: itemId, action: 'update', before, after });
    return roadmap.id;
  });
  return getRoadmap(ctx, roadmapId);
}

export async function deleteItem(ctx: Ctx, env: ModuleEnv, itemId: string): Promise<void> {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const { item, roadmap } = await loadItemForWrite(tx, ctx.actor, itemId);
    const dependants = (await repo.dependenciesOf(tx, roadmap.id)).filter(
      (d) => d.dependsOnItemId === itemId,
    );
    await repo.deleteItem(tx, itemId);
    await repo.updateRoadmap(tx, roadmap.id, {}, env.now);
    await audit({
      entityType: ITEM_ENTITY,
      entityId: itemId,
      action: 'delete',
      before: { ...item, dependants: dependants.map((d) => d.itemId) },
    });
  });
}

/** A path from `from` to `to` along "depends on" edges, if there is one. */
function pathBetween(edges: Map<string, string[]>, from: string, to: string): string[] | null {
  const previous = new Map<string, string>();
  const queue = [from];
  const seen = new Set([from]);
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (node === to) {
      const path = [to];
      while (path[0] !== from) path.unshift(previous.get(path[0]!)!);
      return path;
    }
    for (const next of edges.get(node) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return null;
}

export async function setDependencies(
  ctx: Ctx,
  env: ModuleEnv,
  itemId: string,
  input: DependenciesInput,
) {
  const roadmapId = await writeTransaction(ctx, async ({ tx, audit }) => {
    const { roadmap } = await loadItemForWrite(tx, ctx.actor, itemId);
    const items = await repo.itemsOf(tx, roadmap.id);
    const titles = new Map(items.map((i) => [i.id, i.proposalTitle]));
    const wanted = [...new Set(input.dependsOnItemIds)];
    const edges = new Map<string, string[]>();
    const all = await repo.dependenciesOf(tx, roadmap.id);
    for (const d of all) {
      if (d.itemId !== itemId)
        edges.set(d.itemId, [...(edges.get(d.itemId) ?? []), d.dependsOnItemId]);
    }
    for (const dep of wanted) {
      const path = `dependsOnItemIds.${input.dependsOnItemIds.indexOf(dep)}`;
      if (dep === itemId)
        throw invalidField(path, 'Một kiến nghị không thể phụ thuộc vào chính nó.');
      if (!titles.has(dep)) throw invalidField(path, 'Mục này không thuộc lộ trình.');
      const cycle = pathBetween(edges, dep, itemId);
      if (cycle) {
        const names = [itemId, ...cycle].map((i) => `“${titles.get(i)}”`).join(' → ');
        throw invalidField(path, `Không thể đặt phụ thuộc vì tạo thành vòng lặp: ${names}.`);
      }
    }
    const before = all
      .filter((d) => d.itemId === itemId)
      .map((d) => d.dependsOnItemId)
      .sort();
    await repo.replaceDependencies(tx, itemId, wanted);
    await repo.updateRoadmap(tx, roadmap.id, {}, env.now);
    await audit({
      entityType: ITEM_ENTITY,
      entityId: itemId,
      action: 'set_dependencies',
      before: { dependsOnItemIds: before },
      after: { dependsOnItemIds: [...wanted].sort() },
    });
    return roadmap.id;
  });
  return getRoadmap(ctx, roadmapId);
}

/**
 * Plans the roadmap: the exact planner and the greedy baseline run outside any transaction (a
 * solve may take seconds); the result is stored in one audited transaction, provided the data did
 * not change meanwhile.
 */
export async function planRoadmapOf(
  ctx: Ctx,
  env: ModuleEnv,
  id: string,
  timeLimitSeconds: number | undefined,
) {
  const db = ctx.database.db;
  const roadmap = await repo.findRoadmap(db, id);
  if (!roadmap) throw notFound();
  const target = await roadmapTarget(db, roadmap);
  assertAllowedOn(ctx.actor, 'coordination.read', target);
  assertAllowedOn(ctx.actor, 'roadmaps.write', target);
  const prepared = preparePlan(await loadPlanData(db, roadmap));
  const outcome = await runPlan(prepared, timeLimitSeconds);
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const before = await loadForWrite(tx, ctx.actor, id);
    const data = await loadPlanData(tx, before);
    if (preparePlan(data).hash !== prepared.hash) {
      throw conflict('Dữ liệu của lộ trình vừa thay đổi trong lúc lập; hãy lập lộ trình lại.');
    }
    await repo.setPlannedYears(tx, id, outcome.schedule);
    await repo.updateRoadmap(tx, id, { lastPlan: outcome.lastPlan, plannedAt: env.now }, env.now);
    await audit({
      entityType: ROADMAP_ENTITY,
      entityId: id,
      action: 'plan',
      before: {
        plannedAt: before.plannedAt,
        lastPlan: before.lastPlan,
        plannedYears: Object.fromEntries(data.items.map((i) => [i.id, i.plannedYear])),
      },
      after: {
        plannedAt: env.now,
        lastPlan: outcome.lastPlan,
        plannedYears: Object.fromEntries(outcome.schedule),
      },
    });
  });
  return getRoadmap(ctx, id);
}

/** The roadmap with the names its exports print (the province, its department of S&T). */
export async function roadmapDocument(ctx: Ctx, env: CoordinationEnv, id: string) {
  const detail = await getRoadmap(ctx, id);
  const unit = env.registry.require(detail.roadmap.unitId);
  const snapshot = env.registry.snapshot(unit, representativeDate(unit, env.today));
  const kind = snapshot.type === 'province' ? 'tỉnh' : 'thành phố';
  const dost = await findOrganisationByCode(ctx.database.db, `SKHCN-${unit.id}`);
  const doc: RoadmapDocument = {
    detail,
    unitName: `${kind.charAt(0).toLocaleUpperCase('vi')}${kind.slice(1)} ${snapshot.nameVi}`,
  };
  const agency: AnnexAgency = {
    parent: `UBND ${kind} ${snapshot.nameVi}`.toLocaleUpperCase('vi'),
    name: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
    fullName: dost?.nameVi ?? `Sở Khoa học và Công nghệ ${kind} ${snapshot.nameVi}`,
  };
  return { doc, agency };
}
