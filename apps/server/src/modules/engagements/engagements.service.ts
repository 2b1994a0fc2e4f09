import type { z } from 'zod';
import { formatDateVi, isMinistrySide, type ParticipantSide } from '@caunoi/shared';
import { writeTransaction, type Ctx } from '../../core/context.js';
import type { Queryable } from '../../db/database.js';
import { directives } from '../../db/schema.js';
import { conflict, forbidden, notFound } from '../../http/errors.js';
import { allows, allowsEverywhere, allowsOn, type Target } from '../../policy/policy.js';
import { findOrganisation } from '../organisations/organisations.repo.js';
import { definedOnly, invalidField } from '../organisations/organisations.service.js';
import { findPerson } from '../people/people.repo.js';
import {
  coordinationTarget,
  lineageOf,
  readScope,
  type CoordinationEnv,
} from '../programmes/lineage.js';
import { closeGaps, moveTo, nextNumber } from '../programmes/numbering.js';
import { countAttachments, findProgramme, partiesOf } from '../programmes/programmes.repo.js';
import { dropAttachments, programmeTarget } from '../programmes/programmes.service.js';
import * as repo from './engagements.repo.js';
import type {
  createDirectiveBody,
  createEngagementBody,
  createNoticeBody,
  createParticipantBody,
  updateDirectiveBody,
  updateEngagementBody,
  updateNoticeBody,
  updateParticipantBody,
} from './engagements.schemas.js';

type CreateInput = z.output<typeof createEngagementBody>;
type UpdateInput = z.output<typeof updateEngagementBody>;
type ParticipantInput = z.output<typeof createParticipantBody>;
type UpdateParticipantInput = z.output<typeof updateParticipantBody>;
type DirectiveInput = z.output<typeof createDirectiveBody>;
type UpdateDirectiveInput = z.output<typeof updateDirectiveBody>;
type NoticeInput = z.output<typeof createNoticeBody>;
type UpdateNoticeInput = z.output<typeof updateNoticeBody>;

export const ENGAGEMENT_ENTITY = 'engagement';
export const NOTICE_ENTITY = 'conclusion_notice';

/* ───────────── Who may do what ───────────── */

/** Where an engagement sits: its provinces (with their successors) and its host's chain. */
export function engagementTarget(
  q: Queryable,
  unitIds: readonly string[],
  hostOrganisationId: string | null,
): Promise<Target> {
  return coordinationTarget(q, unitIds, [hostOrganisationId]);
}

/** A national engagement (no provinces) is read by everyone who reads coordination records. */
export function mayRead(ctx: Ctx, unitIds: readonly string[], target: Target): boolean {
  return unitIds.length === 0
    ? allows(ctx.actor, 'coordination.read')
    : allowsOn(ctx.actor, 'coordination.read', target);
}

/**
 * A province records engagements of its own: it may write one only when every province
 * involved is within its reach (the Ministry side writes any). A national engagement is the
 * Ministry's.
 */
export async function mayWrite(
  q: Queryable,
  ctx: Ctx,
  unitIds: readonly string[],
): Promise<boolean> {
  if (allowsEverywhere(ctx.actor, 'engagements.write')) return true;
  if (unitIds.length === 0) return false;
  for (const unitId of unitIds) {
    const target = await coordinationTarget(q, [unitId], []);
    if (!allowsOn(ctx.actor, 'engagements.write', target)) return false;
  }
  return true;
}

const NOT_ALL_YOURS =
  'Chỉ được ghi nhận sự kiện mà mọi tỉnh, thành phố tham gia đều thuộc phạm vi được phân công của bạn.';

interface Loaded {
  engagement: repo.EngagementRow;
  unitIds: string[];
  target: Target;
}

/** The engagement if the actor may read it (404 otherwise); locked with `lock`. */
async function loadReadable(q: Queryable, ctx: Ctx, id: string, lock = false): Promise<Loaded> {
  const engagement = await repo.findEngagement(q, id, lock);
  if (!engagement) throw notFound();
  const unitIds = (await repo.unitsOf(q, [id])).get(id) ?? [];
  const target = await engagementTarget(q, unitIds, engagement.hostOrganisationId);
  if (!mayRead(ctx, unitIds, target)) throw notFound();
  return { engagement, unitIds, target };
}

/** The engagement locked for writing: 404 when unreadable, 403 when readable but not the actor's. */
async function loadWritable(tx: Queryable, ctx: Ctx, id: string): Promise<Loaded> {
  const loaded = await loadReadable(tx, ctx, id, true);
  if (!(await mayWrite(tx, ctx, loaded.unitIds))) throw forbidden(NOT_ALL_YOURS);
  return loaded;
}

/** The engagement locked for recording its outcomes (the Ministry side's work). */
async function loadManaged(tx: Queryable, ctx: Ctx, id: string): Promise<Loaded> {
  const loaded = await loadReadable(tx, ctx, id, true);
  if (!allowsOn(ctx.actor, 'coordination.manage', loaded.target)) throw forbidden();
  return loaded;
}

/* ───────────── Engagements ───────────── */

export async function listEngagements(
  ctx: Ctx,
  env: CoordinationEnv,
  f: Omit<repo.EngagementFilters, 'unitIds'> & {
    unitId?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  const db = ctx.database.db;
  const scope = await readScope(db, env.registry, ctx.actor);
  const { total, items } = await repo.findEngagements(
    db,
    { ...f, unitIds: f.unitId ? lineageOf(env.registry, f.unitId) : undefined },
    scope,
    f,
  );
  const units = await repo.unitsOf(
    db,
    items.map((e) => e.id),
  );
  return {
    total,
    page: f.page,
    pageSize: f.pageSize,
    items: items.map((engagement) => ({ engagement, unitIds: units.get(engagement.id) ?? [] })),
  };
}

export interface EngagementSummary {
  engagement: repo.EngagementView;
  unitIds: string[];
}

export interface EngagementDetail extends EngagementSummary {
  participants: repo.ParticipantView[];
  directives: repo.DirectiveView[];
  notices: repo.NoticeView[];
  proposals: Awaited<ReturnType<typeof repo.proposalsOf>>;
  attachmentCount: number;
  canEdit: boolean;
  canManage: boolean;
}

export async function getEngagement(
  ctx: Ctx,
  env: CoordinationEnv,
  id: string,
): Promise<EngagementDetail> {
  const db = ctx.database.db;
  const { unitIds, target } = await loadReadable(db, ctx, id);
  const engagement = (await repo.findEngagementView(db, id))!;
  return {
    engagement,
    unitIds,
    participants: await repo.participantsOf(db, id),
    directives: await repo.directivesOf(db, id),
    notices: await repo.noticesOf(db, id),
    proposals: await repo.proposalsOf(db, id, await readScope(db, env.registry, ctx.actor)),
    attachmentCount: await countAttachments(db, ENGAGEMENT_ENTITY, id),
    canEdit: await mayWrite(db, ctx, unitIds),
    canManage: allowsOn(ctx.actor, 'coordination.manage', target),
  };
}

/** Checks an engagement about to be stored and returns its provinces (without repeats). */
async function checkEngagement(
  tx: Queryable,
  env: CoordinationEnv,
  ctx: Ctx,
  next: repo.EngagementFields,
  unitIds: readonly string[],
): Promise<string[]> {
  if (next.endsOn < next.startsOn) {
    throw invalidField('endsOn', 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.');
  }
  const units = [...new Set(unitIds)];
  for (const [i, unitId] of units.entries()) {
    const unit = env.registry.get(unitId);
    if (!unit) throw invalidField(`unitIds.${i}`, `Không có đơn vị hành chính "${unitId}".`);
    if (!env.registry.isValidOn(unit, next.startsOn)) {
      const name = env.registry.snapshot(unit, unit.validTo ?? unit.validFrom).nameVi;
      throw invalidField(
        `unitIds.${i}`,
        `${name} (${unit.id}) không có hiệu lực vào ngày ${formatDateVi(next.startsOn)}: chọn tỉnh, thành phố như vào ngày diễn ra sự kiện.`,
      );
    }
  }
  if (next.hostOrganisationId && !(await findOrganisation(tx, next.hostOrganisationId))) {
    throw invalidField('hostOrganisationId', 'Tổ chức không tồn tại.');
  }
  if (next.programmeId) {
    const programme = await findProgramme(tx, next.programmeId);
    const target = programme && (await programmeTarget(tx, await partiesOf(tx, [programme.id])));
    if (!target || !allowsOn(ctx.actor, 'coordination.read', target)) {
      throw invalidField('programmeId', 'Chương trình phối hợp không tồn tại.');
    }
  }
  return units;
}

export async function createEngagement(
  ctx: Ctx,
  env: CoordinationEnv,
  input: CreateInput,
): Promise<EngagementDetail> {
  const id = await writeTransaction(ctx, async ({ tx, audit }) => {
    const { unitIds: unitInput, ...rest } = input;
    const fields: repo.EngagementFields = { ...rest, endsOn: rest.endsOn ?? rest.startsOn };
    const unitIds = await checkEngagement(tx, env, ctx, fields, unitInput);
    if (!(await mayWrite(tx, ctx, unitIds))) throw forbidden(NOT_ALL_YOURS);
    const created = await repo.insertEngagement(tx, fields);
    await repo.replaceUnits(tx, created.id, unitIds);
    await audit({
      entityType: ENGAGEMENT_ENTITY,
      entityId: created.id,
      action: 'create',
      after: { ...created, unitIds },
    });
    return created.id;
  });
  return getEngagement(ctx, env, id);
}

export async function updateEngagement(
  ctx: Ctx,
  env: CoordinationEnv,
  id: string,
  input: UpdateInput,
): Promise<EngagementDetail> {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const { engagement: before, unitIds: beforeUnits } = await loadWritable(tx, ctx, id);
    const { unitIds: unitInput, ...rest } = input;
    const patch = definedOnly(rest);
    const unitIds = await checkEngagement(
      tx,
      env,
      ctx,
      { ...before, ...patch },
      unitInput ?? beforeUnits,
    );
    if (unitInput && !(await mayWrite(tx, ctx, unitIds))) throw forbidden(NOT_ALL_YOURS);
    const after = await repo.updateEngagement(tx, id, patch);
    if (unitInput) await repo.replaceUnits(tx, id, unitIds);
    await audit({
      entityType: ENGAGEMENT_ENTITY,
      entityId: id,
      action: 'update',
      before: { ...before, unitIds: beforeUnits },
      after: { ...after, unitIds },
    });
  });
  return getEngagement(ctx, env, id);
}

export async function deleteEngagement(ctx: Ctx, id: string): Promise<void> {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const { engagement: before, unitIds } = await loadWritable(tx, ctx, id);
    const blockers = await repo.blockersOf(tx, id);
    if (blockers.notices > 0 || blockers.directiveTasks > 0) {
      const why = [
        blockers.notices > 0 ? `${blockers.notices} thông báo kết luận` : null,
        blockers.directiveTasks > 0 ? `${blockers.directiveTasks} nhiệm vụ theo chỉ đạo` : null,
      ].filter(Boolean);
      throw conflict(
        `Không thể xóa sự kiện "${before.title}" vì còn ${why.join(' và ')}.`,
        blockers,
      );
    }
    await dropAttachments(tx, audit, ENGAGEMENT_ENTITY, id);
    await repo.deleteEngagement(tx, id);
    await audit({
      entityType: ENGAGEMENT_ENTITY,
      entityId: id,
      action: 'delete',
      before: { ...before, unitIds },
    });
  });
}

/* ───────────── Participants ───────────── */

function sideOf(org: { kind: string; unitId: string | null } | undefined): ParticipantSide {
  if (org && isMinistrySide(org.kind)) return 'ministry';
  return org?.unitId ? 'province' : 'other';
}

async function existingOrganisation(tx: Queryable, id: string | null | undefined) {
  if (!id) return undefined;
  const org = await findOrganisation(tx, id);
  if (!org) throw invalidField('organisationId', 'Tổ chức không tồn tại.');
  return org;
}

/**
 * Adds a participant. Without a title, the title (and organisation) are copied from the
 * position the person held on the engagement's first day; either way they are stored on the
 * participant, so later changes of position leave the record of that day as it was.
 */
export async function addParticipant(
  ctx: Ctx,
  engagementId: string,
  input: ParticipantInput,
): Promise<repo.ParticipantView> {
  const id = await writeTransaction(ctx, async ({ tx, audit }) => {
    const { engagement } = await loadWritable(tx, ctx, engagementId);
    const person = await findPerson(tx, input.personId);
    if (!person) throw invalidField('personId', 'Người tham dự không tồn tại.');
    if (await repo.findParticipantOf(tx, engagementId, person.id)) {
      throw conflict(`${person.fullName} đã có trong danh sách tham dự.`, { field: 'personId' });
    }
    const held = await repo.positionOn(tx, person.id, engagement.startsOn);
    const title = input.title ?? held?.title;
    if (!title) {
      throw invalidField(
        'title',
        `${person.fullName} không có chức vụ nào được ghi nhận vào ngày ${formatDateVi(engagement.startsOn)}: hãy nhập chức danh.`,
      );
    }
    const org = await existingOrganisation(
      tx,
      input.organisationId === undefined ? held?.organisationId : input.organisationId,
    );
    const created = await repo.insertParticipant(tx, {
      engagementId,
      personId: person.id,
      organisationId: org?.id ?? null,
      title,
      side: input.side ?? sideOf(org),
      sortOrder: input.sortOrder ?? (await repo.nextSortOrder(tx, engagementId)),
    });
    await audit({
      entityType: 'engagement_participant',
      entityId: created.id,
      action: 'create',
      after: created,
    });
    return created.id;
  });
  return (await repo.findParticipantView(ctx.database.db, id))!;
}

async function lockParticipant(tx: Queryable, ctx: Ctx, id: string) {
  const row = await repo.findParticipant(tx, id);
  if (!row) throw notFound();
  await loadWritable(tx, ctx, row.engagementId);
  return (await repo.findParticipant(tx, id, true))!;
}

export async function updateParticipant(
  ctx: Ctx,
  id: string,
  input: UpdateParticipantInput,
): Promise<repo.ParticipantView> {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const before = await lockParticipant(tx, ctx, id);
    const patch = definedOnly(input);
    if (patch.organisationId) await existingOrganisation(tx, patch.organisationId);
    const after = await repo.updateParticipant(tx, id, patch);
    await audit({
      entityType: 'engagement_participant',
      entityId: id,
      action: 'update',
      before,
      after,
    });
  });
  return (await repo.findParticipantView(ctx.database.db, id))!;
}

export async function removeParticipant(ctx: Ctx, id: string): Promise<void> {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const before = await lockParticipant(tx, ctx, id);
    await repo.deleteParticipant(tx, id);
    await audit({ entityType: 'engagement_participant', entityId: id, action: 'delete', before });
  });
}

/* ───────────── Directives ───────────── */

async function checkPerson(tx: Queryable, id: string | null | undefined, field: string) {
  if (id && !(await findPerson(tx, id))) throw invalidField(field, 'Người này không tồn tại.');
}

export async function addDirective(
  ctx: Ctx,
  engagementId: string,
  input: DirectiveInput,
): Promise<repo.DirectiveView> {
  const id = await writeTransaction(ctx, async ({ tx, audit }) => {
    await loadManaged(tx, ctx, engagementId);
    await checkPerson(tx, input.issuedByPersonId, 'issuedByPersonId');
    const current = await repo.directiveNumbers(tx, engagementId);
    const created = await repo.insertDirective(tx, {
      engagementId,
      number: nextNumber(current),
      text: input.text,
      issuedByPersonId: input.issuedByPersonId ?? null,
    });
    await moveTo(tx, directives, [...current, created], created.id, input.number);
    await audit({
      entityType: 'directive',
      entityId: created.id,
      action: 'create',
      after: await repo.findDirective(tx, created.id),
    });
    return created.id;
  });
  return (await repo.findDirectiveView(ctx.database.db, id))!;
}

async function lockDirective(tx: Queryable, ctx: Ctx, id: string) {
  const row = await repo.findDirective(tx, id);
  if (!row) throw notFound();
  await loadManaged(tx, ctx, row.engagementId);
  return (await repo.findDirective(tx, id, true))!;
}

export async function updateDirective(
  ctx: Ctx,
  id: string,
  input: UpdateDirectiveInput,
): Promise<repo.DirectiveView> {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const before = await lockDirective(tx, ctx, id);
    const { number, ...patch } = input;
    await checkPerson(tx, patch.issuedByPersonId, 'issuedByPersonId');
    await repo.updateDirective(tx, id, definedOnly(patch));
    if (number !== undefined) {
      await moveTo(
        tx,
        directives,
        await repo.directiveNumbers(tx, before.engagementId),
        id,
        number,
      );
    }
    await audit({
      entityType: 'directive',
      entityId: id,
      action: 'update',
      before,
      after: await repo.findDirective(tx, id),
    });
  });
  return (await repo.findDirectiveView(ctx.database.db, id))!;
}

export async function deleteDirective(ctx: Ctx, id: string): Promise<void> {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const before = await lockDirective(tx, ctx, id);
    const view = (await repo.findDirectiveView(tx, id))!;
    if (view.taskCount > 0) {
      throw conflict(
        `Không thể xóa chỉ đạo số ${before.number} vì đã giao ${view.taskCount} nhiệm vụ theo chỉ đạo này.`,
        { tasks: view.taskCount },
      );
    }
    await repo.deleteDirective(tx, id);
    await closeGaps(tx, directives, await repo.directiveNumbers(tx, before.engagementId));
    await audit({ entityType: 'directive', entityId: id, action: 'delete', before });
  });
}

/* ───────────── Conclusion notices ───────────── */

/** Where a notice sits: its engagement's place (a notice outside any engagement is national). */
export async function noticeTarget(q: Queryable, notice: repo.NoticeRow) {
  if (!notice.engagementId) return { unitIds: [] as string[], target: {} as Target };
  const engagement = await repo.findEngagement(q, notice.engagementId);
  const unitIds = (await repo.unitsOf(q, [notice.engagementId])).get(notice.engagementId) ?? [];
  return {
    unitIds,
    target: await engagementTarget(q, unitIds, engagement?.hostOrganisationId ?? null),
  };
}

async function checkNotice(tx: Queryable, next: repo.NoticeFields, selfId: string | null) {
  const same = await repo.findNoticeByNumber(tx, next.documentNumber, next.issuedOn);
  if (same && same.id !== selfId) {
    throw conflict(
      `Đã có thông báo kết luận số ${next.documentNumber} ngày ${formatDateVi(next.issuedOn)}.`,
      { field: 'documentNumber', noticeId: same.id },
    );
  }
  if (next.issuingOrganisationId && !(await findOrganisation(tx, next.issuingOrganisationId))) {
    throw invalidField('issuingOrganisationId', 'Tổ chức không tồn tại.');
  }
  await checkPerson(tx, next.signerPersonId, 'signerPersonId');
}

export interface NoticeDetail {
  notice: repo.NoticeView;
  engagement: repo.EngagementRow | null;
  attachmentCount: number;
  canEdit: boolean;
}

export async function getNotice(ctx: Ctx, id: string): Promise<NoticeDetail> {
  const db = ctx.database.db;
  const notice = await repo.findNoticeView(db, id);
  if (!notice) throw notFound();
  const { unitIds, target } = await noticeTarget(db, notice);
  if (!mayRead(ctx, unitIds, target)) throw notFound();
  return {
    notice,
    engagement: notice.engagementId
      ? ((await repo.findEngagement(db, notice.engagementId)) ?? null)
      : null,
    attachmentCount: await countAttachments(db, NOTICE_ENTITY, id),
    canEdit: allowsOn(ctx.actor, 'coordination.manage', target),
  };
}

export async function addNotice(
  ctx: Ctx,
  engagementId: string,
  input: NoticeInput,
): Promise<NoticeDetail> {
  const id = await writeTransaction(ctx, async ({ tx, audit }) => {
    await loadManaged(tx, ctx, engagementId);
    const fields: repo.NoticeFields = { ...input, engagementId };
    await checkNotice(tx, fields, null);
    const created = await repo.insertNotice(tx, fields);
    await audit({
      entityType: NOTICE_ENTITY,
      entityId: created.id,
      action: 'create',
      after: created,
    });
    return created.id;
  });
  return getNotice(ctx, id);
}

async function lockNotice(tx: Queryable, ctx: Ctx, id: string) {
  const notice = await repo.findNotice(tx, id, true);
  if (!notice) throw notFound();
  const { unitIds, target } = await noticeTarget(tx, notice);
  if (!mayRead(ctx, unitIds, target)) throw notFound();
  if (!allowsOn(ctx.actor, 'coordination.manage', target)) throw forbidden();
  return notice;
}

export async function updateNotice(
  ctx: Ctx,
  id: string,
  input: UpdateNoticeInput,
): Promise<NoticeDetail> {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const before = await lockNotice(tx, ctx, id);
    const patch = definedOnly(input);
    await checkNotice(tx, { ...before, ...patch }, id);
    const after = await repo.updateNotice(tx, id, patch);
    await audit({ entityType: NOTICE_ENTITY, entityId: id, action: 'update', before, after });
  });
  return getNotice(ctx, id);
}

export async function deleteNotice(ctx: Ctx, id: string): Promise<void> {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const before = await lockNotice(tx, ctx, id);
    const view = (await repo.findNoticeView(tx, id))!;
    if (view.taskCount > 0) {
      throw conflict(
        `Không thể xóa thông báo kết luận số ${before.documentNumber} vì đã giao ${view.taskCount} nhiệm vụ theo thông báo này.`,
        { tasks: view.taskCount },
      );
    }
    await dropAttachments(tx, audit, NOTICE_ENTITY, id);
    await repo.deleteNotice(tx, id);
    await audit({ entityType: NOTICE_ENTITY, entityId: id, action: 'delete', before });
  });
}
