import type { z } from 'zod';
import { isMinistrySide, PROPOSAL_ANSWER_LABELS } from '@caunoi/shared';
import { writeTransaction, type Ctx } from '../../core/context.js';
import type { Queryable } from '../../db/database.js';
import { assertAllowedOn } from '../../http/access.js';
import { conflict, forbidden, notFound } from '../../http/errors.js';
import { allowsOn, type Actor, type Target } from '../../policy/policy.js';
import { leadSideRecipients } from '../notifications/notifications.repo.js';
import { notify, type NotifyEnv } from '../notifications/notifications.service.js';
import { findOrganisation } from '../organisations/organisations.repo.js';
import { definedOnly, invalidField } from '../organisations/organisations.service.js';
import {
  coordinationTarget,
  readScope,
  withPredecessors,
  type CoordinationEnv,
} from '../programmes/lineage.js';
import * as repo from './proposals.repo.js';
import type {
  answerProposalBody,
  createProposalBody,
  listProposalsQuery,
  proposalUnitsBody,
  updateProposalBody,
} from './proposals.schemas.js';

type CreateInput = z.output<typeof createProposalBody>;
type UpdateInput = z.output<typeof updateProposalBody>;
type AnswerInput = z.output<typeof answerProposalBody>;
type UnitsInput = z.output<typeof proposalUnitsBody>;
type ListInput = z.output<typeof listProposalsQuery>;

export const PROPOSAL_ENTITY = 'proposal';

/** The units, today's date and the current instant (from the application's clock), the app's address. */
export interface ModuleEnv extends CoordinationEnv, NotifyEnv {}

/** Answers under which the Ministry agreed: only these proposals go into a roadmap. */
export const AGREED_ANSWERS: ReadonlySet<string> = new Set(['agreed', 'agreed_with_conditions']);

/**
 * Where a proposal sits for the policy: its province (with the provinces that succeeded it, so
 * that today's Ninh Bình reaches Nam Định's proposals) and the Ministry units assigned to it.
 */
export async function proposalTarget(
  q: Queryable,
  p: { id: string; unitId: string },
): Promise<Target> {
  const assigned = await repo.assignedUnitsOf(q, [p.id]);
  return coordinationTarget(
    q,
    [p.unitId],
    assigned.map((a) => a.id),
  );
}

export interface ProposalSummary {
  proposal: repo.ProposalView;
  assignedUnits: repo.AssignedUnit[];
  taskCount: number;
}

export async function listProposals(ctx: Ctx, env: CoordinationEnv, f: ListInput) {
  const db = ctx.database.db;
  const scope = await readScope(db, env.registry, ctx.actor);
  const { total, rows } = await repo.findProposals(
    db,
    {
      ...f,
      unitIds: f.unitId ? withPredecessors(env.registry, [f.unitId]) : undefined,
    },
    scope,
    f,
  );
  const ids = rows.map((r) => r.id);
  const units = await repo.assignedUnitsOf(db, ids);
  const counts = await repo.taskCounts(db, ids);
  const items: ProposalSummary[] = rows.map((proposal) => ({
    proposal,
    assignedUnits: units.filter((u) => u.proposalId === proposal.id),
    taskCount: counts.get(proposal.id) ?? 0,
  }));
  return { total, page: f.page, pageSize: f.pageSize, items };
}

export interface ProposalDetail extends ProposalSummary {
  tasks: Awaited<ReturnType<typeof repo.tasksOf>>;
  roadmaps: Awaited<ReturnType<typeof repo.roadmapsIncluding>>;
  answeredBy: { id: string; nameVi: string; shortName: string | null } | null;
  canEdit: boolean;
  canAttach: boolean;
  canAnswer: boolean;
}

/** Whether the actor may change the proposal's content (the province loses it once answered). */
function mayEdit(actor: Actor, target: Target, p: { answer: string | null }): boolean {
  return (
    allowsOn(actor, 'proposals.write', target) &&
    (p.answer === null || allowsOn(actor, 'coordination.manage', target))
  );
}

export async function getProposal(ctx: Ctx, env: CoordinationEnv, id: string) {
  const db = ctx.database.db;
  const proposal = await repo.findProposalView(db, id);
  if (!proposal) throw notFound();
  const target = await proposalTarget(db, proposal);
  assertAllowedOn(ctx.actor, 'coordination.read', target);
  const tasks = await repo.tasksOf(db, id);
  const answeredBy = proposal.answeredByOrganisationId
    ? await findOrganisation(db, proposal.answeredByOrganisationId)
    : undefined;
  const detail: ProposalDetail = {
    proposal,
    assignedUnits: await repo.assignedUnitsOf(db, [id]),
    taskCount: tasks.length,
    tasks,
    roadmaps: await repo.roadmapsIncluding(db, id),
    answeredBy: answeredBy
      ? { id: answeredBy.id, nameVi: answeredBy.nameVi, shortName: answeredBy.shortName }
      : null,
    canEdit: mayEdit(ctx.actor, target, proposal),
    canAttach: allowsOn(ctx.actor, 'proposals.write', target),
    canAnswer: allowsOn(ctx.actor, 'coordination.manage', target),
  };
  return detail;
}

/** Checks the fields of a proposal about to be stored and that the actor may write it there. */
async function checkProposal(
  tx: Queryable,
  env: CoordinationEnv,
  actor: Actor,
  next: Pick<repo.ProposalFields, 'unitId' | 'engagementId'>,
): Promise<void> {
  if (!env.registry.get(next.unitId)) {
    throw invalidField('unitId', `Không có đơn vị hành chính "${next.unitId}".`);
  }
  const target = await coordinationTarget(tx, [next.unitId], []);
  if (!allowsOn(actor, 'proposals.write', target)) {
    throw forbidden('Bạn chỉ ghi nhận được kiến nghị của tỉnh/thành phố mình phụ trách.');
  }
  if (next.engagementId && !(await repo.findEngagementSummary(tx, next.engagementId))) {
    throw invalidField('engagementId', 'Sự kiện không tồn tại.');
  }
}

export async function createProposal(ctx: Ctx, env: CoordinationEnv, input: CreateInput) {
  const id = await writeTransaction(ctx, async ({ tx, audit }) => {
    const fields: repo.ProposalFields = {
      ...input,
      estimatedCost: input.estimatedCost == null ? null : String(input.estimatedCost),
    };
    await checkProposal(tx, env, ctx.actor, fields);
    const created = await repo.insertProposal(tx, fields);
    await audit({
      entityType: PROPOSAL_ENTITY,
      entityId: created.id,
      action: 'create',
      after: created,
    });
    return created.id;
  });
  return getProposal(ctx, env, id);
}

/** The proposal for a write: 404 when missing or out of the actor's reach for `action`. */
async function loadForWrite(
  tx: Queryable,
  env: CoordinationEnv,
  actor: Actor,
  id: string,
  action: 'proposals.write' | 'coordination.manage',
) {
  const before = await repo.findProposal(tx, id, true);
  if (!before) throw notFound();
  const target = await proposalTarget(tx, before);
  assertAllowedOn(actor, 'coordination.read', target);
  assertAllowedOn(actor, action, target);
  return { before, target };
}

function answeredLock(p: repo.ProposalRow, what: string) {
  return conflict(
    `Kiến nghị đã được Bộ trả lời (${PROPOSAL_ANSWER_LABELS[p.answer!].vi}) nên không ${what} được nữa. Nếu cần điều chỉnh, đề nghị Bộ (đơn vị điều phối) thực hiện.`,
    { answer: p.answer },
  );
}

export async function updateProposal(ctx: Ctx, env: ModuleEnv, id: string, input: UpdateInput) {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const { before, target } = await loadForWrite(tx, env, ctx.actor, id, 'proposals.write');
    if (!mayEdit(ctx.actor, target, before)) throw answeredLock(before, 'sửa');
    const { estimatedCost, ...rest } = definedOnly(input);
    const patch: Partial<repo.ProposalFields> = {
      ...rest,
      ...(estimatedCost === undefined
        ? {}
        : { estimatedCost: estimatedCost === null ? null : String(estimatedCost) }),
    };
    await checkProposal(tx, env, ctx.actor, { ...before, ...patch });
    const after = await repo.updateProposal(tx, id, patch, env.now);
    await audit({ entityType: PROPOSAL_ENTITY, entityId: id, action: 'update', before, after });
  });
  return getProposal(ctx, env, id);
}

export async function deleteProposal(ctx: Ctx, env: CoordinationEnv, id: string): Promise<void> {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const { before, target } = await loadForWrite(tx, env, ctx.actor, id, 'proposals.write');
    if (!mayEdit(ctx.actor, target, before)) throw answeredLock(before, 'xóa');
    const refs = await repo.referencesTo(tx, id);
    const blockers = [
      [refs.tasks, 'nhiệm vụ được giao từ kiến nghị'],
      [refs.roadmapItems, 'lộ trình triển khai có kiến nghị này'],
    ]
      .filter(([n]) => Number(n) > 0)
      .map(([n, what]) => `${n} ${what}`);
    if (blockers.length > 0) {
      throw conflict(`Không thể xóa kiến nghị vì còn ${blockers.join(', ')}.`, refs);
    }
    await repo.deleteProposal(tx, id);
    await audit({ entityType: PROPOSAL_ENTITY, entityId: id, action: 'delete', before });
  });
}

export async function answerProposal(ctx: Ctx, env: ModuleEnv, id: string, input: AnswerInput) {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const { before } = await loadForWrite(tx, env, ctx.actor, id, 'coordination.manage');
    const answeredOn = input.answeredOn ?? env.today;
    if (answeredOn > env.today) {
      throw invalidField('answeredOn', 'Ngày trả lời không được sau ngày hôm nay.');
    }
    const byId = input.answeredByOrganisationId ?? null;
    if (byId) {
      const org = await findOrganisation(tx, byId);
      if (!org || !isMinistrySide(org.kind)) {
        throw invalidField(
          'answeredByOrganisationId',
          'Cơ quan trả lời phải là Bộ hoặc một đơn vị thuộc Bộ.',
        );
      }
    }
    const after = await repo.updateProposal(
      tx,
      id,
      {
        answer: input.answer,
        answerReason: input.answerReason ?? null,
        answeredOn,
        answeredByOrganisationId: byId,
      },
      env.now,
    );
    await audit({
      entityType: PROPOSAL_ENTITY,
      entityId: id,
      action: before.answer === null ? 'answer' : 'change_answer',
      before,
      after,
    });
    // The province (and the provinces that succeeded it) and the Ministry units assigned.
    const target = await coordinationTarget(tx, [after.unitId], []);
    const assigned = (await repo.assignedUnitsOf(tx, [id])).map((u) => u.id);
    const label = PROPOSAL_ANSWER_LABELS[input.answer].vi;
    await notify(
      tx,
      env,
      await leadSideRecipients(
        tx,
        (target.unitIds ?? []).filter((u) => u !== null),
        assigned,
      ),
      {
        kind: 'proposal_answered',
        entityType: PROPOSAL_ENTITY,
        entityId: id,
        title: `Bộ KH&CN đã trả lời kiến nghị “${after.title}”: ${label}`,
        body: after.answerReason ?? `Ý kiến trả lời: ${label}.`,
        dedupeKey: `proposal_answered:${id}:${input.answer}:${answeredOn}`,
      },
      ctx.actor.userId,
    );
  });
  return getProposal(ctx, env, id);
}

export async function setAssignedUnits(ctx: Ctx, env: ModuleEnv, id: string, input: UnitsInput) {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const { before } = await loadForWrite(tx, env, ctx.actor, id, 'coordination.manage');
    const ids = [...new Set(input.organisationIds)];
    for (const orgId of ids) {
      const org = await findOrganisation(tx, orgId);
      if (!org || org.kind !== 'ministry_unit') {
        throw invalidField(
          `organisationIds.${input.organisationIds.indexOf(orgId)}`,
          'Chỉ giao được cho đơn vị thuộc Bộ (vụ, cục, viện…).',
        );
      }
    }
    const previous = (await repo.assignedUnitsOf(tx, [id])).map((u) => u.id).sort();
    await repo.replaceAssignedUnits(tx, id, ids);
    await repo.updateProposal(tx, id, {}, env.now);
    await audit({
      entityType: PROPOSAL_ENTITY,
      entityId: id,
      action: 'assign_units',
      before: { ...before, organisationIds: previous },
      after: { organisationIds: [...ids].sort() },
    });
  });
  return getProposal(ctx, env, id);
}
