import type { z } from 'zod';
import {
  addDays,
  compareVi,
  isMinistrySide,
  PROGRAMME_STATUSES,
  type ProgrammeStatus,
} from '@caunoi/shared';
import { writeTransaction, type AuditFn, type Ctx } from '../../core/context.js';
import type { Queryable } from '../../db/database.js';
import { programmeContents } from '../../db/schema.js';
import { assertAllowedOn } from '../../http/access.js';
import { conflict, notFound } from '../../http/errors.js';
import { page } from '../../http/schemas.js';
import { allowsOn, type Target } from '../../policy/policy.js';
import { attachmentsOf, deleteAttachment } from '../attachments/attachments.repo.js';
import { findOrganisation } from '../organisations/organisations.repo.js';
import { definedOnly, invalidField } from '../organisations/organisations.service.js';
import { findPerson } from '../people/people.repo.js';
import { representativeDate, unitCall } from '../units/units.service.js';
import { coordinationTarget, lineageOf, readScope, type CoordinationEnv } from './lineage.js';
import { closeGaps, moveTo, nextNumber } from './numbering.js';
import * as repo from './programmes.repo.js';
import type {
  createContentBody,
  createProgrammeBody,
  partyBody,
  updateContentBody,
  updateProgrammeBody,
} from './programmes.schemas.js';

type CreateInput = z.output<typeof createProgrammeBody>;
type UpdateInput = z.output<typeof updateProgrammeBody>;
type PartyInput = z.output<typeof partyBody>;
type CreateContentInput = z.output<typeof createContentBody>;
type UpdateContentInput = z.output<typeof updateContentBody>;

export const PROGRAMME_ENTITY = 'programme';
const CONTENT_ENTITY = 'programme_content';

const yearOf = (date: string) => Number(date.slice(0, 4));

/** "expired" is never stored: a programme in force whose period ended before this year is. */
export function derivedStatus(
  p: Pick<repo.ProgrammeRow, 'status' | 'periodEndYear'>,
  today: string,
): ProgrammeStatus {
  return p.status === 'in_force' && p.periodEndYear < yearOf(today) ? 'expired' : p.status;
}

/** Where a programme sits: the provinces of its parties and the parties' organisations. */
export function programmeTarget(
  q: Queryable,
  parties: readonly { unitId: string | null; organisationId: string }[],
): Promise<Target> {
  return coordinationTarget(
    q,
    parties.flatMap((p) => (p.unitId ? [p.unitId] : [])),
    parties.map((p) => p.organisationId),
  );
}

export interface ProgrammeSummary {
  programme: repo.ProgrammeView;
  parties: repo.PartyView[];
  progress: repo.ProgrammeProgress;
}

async function summaries(q: Queryable, rows: repo.ProgrammeView[]): Promise<ProgrammeSummary[]> {
  const ids = rows.map((r) => r.id);
  const parties = await repo.partiesOf(q, ids);
  const progress = await repo.progressByProgramme(q, ids);
  return rows.map((programme) => ({
    programme,
    parties: parties.filter((p) => p.programmeId === programme.id),
    progress: progress.get(programme.id) ?? { contentCount: 0, taskCount: 0, progress: null },
  }));
}

/** Newest signing first (unsigned drafts last), then by title. */
function bySigning(a: repo.ProgrammeView, b: repo.ProgrammeView): number {
  if (a.signedOn !== b.signedOn) {
    if (a.signedOn === null) return 1;
    if (b.signedOn === null) return -1;
    return a.signedOn < b.signedOn ? 1 : -1;
  }
  return compareVi(a.title, b.title);
}

export async function listProgrammes(
  ctx: Ctx,
  env: CoordinationEnv,
  f: Omit<repo.ProgrammeFilters, 'unitIds' | 'endingBy'> & {
    unitId?: string | undefined;
    expiringWithinDays?: number | undefined;
    sort: 'signed' | 'title';
    page: number;
    pageSize: number;
  },
) {
  const db = ctx.database.db;
  const scope = await readScope(db, env.registry, ctx.actor);
  const rows = await repo.findProgrammes(
    db,
    {
      ...f,
      unitIds: f.unitId ? lineageOf(env.registry, f.unitId) : undefined,
      endingBy: f.expiringWithinDays ? addDays(env.today, f.expiringWithinDays) : undefined,
    },
    scope,
    yearOf(env.today),
  );
  rows.sort(f.sort === 'title' ? (a, b) => compareVi(a.title, b.title) : bySigning);
  const result = page(rows, f.page, f.pageSize);
  return { ...result, items: await summaries(db, result.items) };
}

const DAY_MS = 86_400_000;
export const endsOn = (p: { periodEndYear: number }) => `${p.periodEndYear}-12-31`;

/** Programmes in force whose period ends within `withinDays` days, soonest first. */
export async function expiringProgrammes(ctx: Ctx, env: CoordinationEnv, withinDays: number) {
  const db = ctx.database.db;
  const scope = await readScope(db, env.registry, ctx.actor);
  const rows = await repo.findProgrammes(
    db,
    { endingBy: addDays(env.today, withinDays) },
    scope,
    yearOf(env.today),
  );
  rows.sort((a, b) => a.periodEndYear - b.periodEndYear || compareVi(a.title, b.title));
  const daysLeft = (p: repo.ProgrammeView) =>
    Math.round((Date.parse(endsOn(p)) - Date.parse(env.today)) / DAY_MS);
  return {
    asOf: env.today,
    withinDays,
    items: (await summaries(db, rows)).map((s) => ({ ...s, daysLeft: daysLeft(s.programme) })),
  };
}

type StatusCounts = Record<ProgrammeStatus, number>;

/**
 * For a map: each unit valid on `asOf` with its programmes counted by (today's derived) status.
 * A programme signed with a province that no longer exists is counted under the units that
 * cover that province on `asOf` (and a newer province's under its predecessors, for a past day).
 */
export async function programmesByProvince(ctx: Ctx, env: CoordinationEnv, asOf?: string) {
  const { registry } = env;
  const date = asOf ?? env.today;
  const units = unitCall(() => registry.asOf(date));
  const db = ctx.database.db;
  const scope = await readScope(db, registry, ctx.actor);
  const rows = await repo.findProgrammes(db, {}, scope, yearOf(env.today));
  const parties = await repo.partiesOf(
    db,
    rows.map((r) => r.id),
  );
  const counts = new Map<string, StatusCounts>(
    units.map((u) => [
      u.id,
      Object.fromEntries(PROGRAMME_STATUSES.map((s) => [s, 0])) as StatusCounts,
    ]),
  );
  for (const programme of rows) {
    const status = derivedStatus(programme, env.today);
    const mapped = new Set<string>();
    for (const party of parties) {
      const unit = party.programmeId === programme.id && party.unitId && registry.get(party.unitId);
      if (!unit) continue;
      const from = representativeDate(unit, date);
      for (const m of registry.map(unit.id, from, date).units) mapped.add(m.unitId);
    }
    for (const unitId of mapped) {
      const c = counts.get(unitId);
      if (c) c[status] += 1;
    }
  }
  return {
    asOf: date,
    units: units.map((u) => {
      const c = counts.get(u.id)!;
      return {
        unitId: u.id,
        code: u.code,
        nameVi: u.nameVi,
        total: PROGRAMME_STATUSES.reduce((n, s) => n + c[s], 0),
        counts: c,
      };
    }),
  };
}

export interface ProgrammeDetail extends ProgrammeSummary {
  contents: repo.ContentView[];
  supersedes: Array<{ id: string; title: string }>;
  engagements: Awaited<ReturnType<typeof repo.engagementsOfProgramme>>;
  attachmentCount: number;
  canEdit: boolean;
}

/** A programme the actor may read, with its parties and policy target (404 otherwise). */
async function readableProgramme(q: Queryable, env: CoordinationEnv, ctx: Ctx, id: string) {
  const programme = await repo.findProgrammeView(q, id);
  if (!programme) throw notFound();
  const parties = await repo.partiesOf(q, [id]);
  const target = await programmeTarget(q, parties);
  assertAllowedOn(ctx.actor, 'coordination.read', target);
  return { programme, parties, target };
}

export async function getProgramme(
  ctx: Ctx,
  env: CoordinationEnv,
  id: string,
): Promise<ProgrammeDetail> {
  const db = ctx.database.db;
  const { programme, parties, target } = await readableProgramme(db, env, ctx, id);
  const contents = await repo.contentsOf(db, id);
  const taskCount = contents.reduce((n, c) => n + c.taskCount, 0);
  const sum = contents.reduce((n, c) => n + (c.progress ?? 0) * c.taskCount, 0);
  return {
    programme,
    parties,
    progress: {
      contentCount: contents.length,
      taskCount,
      progress: taskCount > 0 ? Math.round((sum / taskCount) * 10) / 10 : null,
    },
    contents,
    supersedes: await repo.supersededBy(db, id),
    engagements: await repo.engagementsOfProgramme(
      db,
      id,
      await readScope(db, env.registry, ctx.actor),
    ),
    attachmentCount: await repo.countAttachments(db, PROGRAMME_ENTITY, id),
    canEdit: allowsOn(ctx.actor, 'coordination.manage', target),
  };
}

/**
 * The parties as stored: the side and province follow from each organisation (the Ministry or
 * one of its units; otherwise an organisation of a province, usually its People's Committee).
 */
async function resolveParties(
  tx: Queryable,
  env: CoordinationEnv,
  input: readonly PartyInput[],
  signedOn: string | null,
): Promise<repo.PartyFields[]> {
  const out: repo.PartyFields[] = [];
  for (const [i, p] of input.entries()) {
    const field = `parties.${i}.organisationId`;
    if (out.some((o) => o.organisationId === p.organisationId)) {
      throw invalidField(field, 'Tổ chức này đã có trong danh sách các bên.');
    }
    const org = await findOrganisation(tx, p.organisationId);
    if (!org) throw invalidField(field, 'Tổ chức không tồn tại.');
    const ministry = isMinistrySide(org.kind);
    if (!ministry && !org.unitId) {
      throw invalidField(
        field,
        `"${org.nameVi}" không thuộc Bộ và không gắn với tỉnh, thành phố nào: bên tỉnh phải là tổ chức của một tỉnh, thành phố (thường là UBND).`,
      );
    }
    const unit = !ministry && org.unitId ? env.registry.get(org.unitId) : undefined;
    if (unit && signedOn && !env.registry.isValidOn(unit, signedOn)) {
      throw invalidField(
        field,
        `"${org.nameVi}" thuộc đơn vị hành chính không có hiệu lực vào ngày ký ${signedOn}; chọn tổ chức của tỉnh, thành phố vào ngày đó.`,
      );
    }
    if (p.signatoryPersonId && !(await findPerson(tx, p.signatoryPersonId))) {
      throw invalidField(`parties.${i}.signatoryPersonId`, 'Người ký không tồn tại.');
    }
    out.push({
      organisationId: org.id,
      side: ministry ? 'ministry' : 'province',
      unitId: ministry ? null : org.unitId,
      signatoryPersonId: p.signatoryPersonId ?? null,
    });
  }
  if (!out.some((p) => p.side === 'ministry') || !out.some((p) => p.side === 'province')) {
    throw invalidField(
      'parties',
      'Cần ít nhất một bên là Bộ (hoặc đơn vị thuộc Bộ) và một bên là tỉnh, thành phố.',
    );
  }
  return out;
}

/** Checks a programme about to be stored (`selfId` null when new); returns its parties. */
async function checkProgramme(
  tx: Queryable,
  env: CoordinationEnv,
  next: repo.ProgrammeFields,
  parties: readonly PartyInput[],
  selfId: string | null,
): Promise<repo.PartyFields[]> {
  if (next.periodEndYear < next.periodStartYear) {
    throw invalidField('periodEndYear', 'Năm kết thúc phải từ năm bắt đầu trở đi.');
  }
  if (next.horizonYear != null && next.horizonYear < next.periodEndYear) {
    throw invalidField('horizonYear', 'Năm định hướng phải từ năm kết thúc giai đoạn trở đi.');
  }
  if (next.status === 'superseded') {
    if (!next.supersededById) {
      throw invalidField('supersededById', 'Chọn chương trình đã thay thế chương trình này.');
    }
    if (next.supersededById === selfId) {
      throw invalidField('supersededById', 'Chương trình không thể tự thay thế chính nó.');
    }
    if (!(await repo.findProgramme(tx, next.supersededById))) {
      throw invalidField('supersededById', 'Chương trình thay thế không tồn tại.');
    }
  } else if (next.supersededById) {
    throw invalidField(
      'supersededById',
      'Chỉ chương trình ở trạng thái "Đã được thay thế" mới có chương trình thay thế.',
    );
  }
  return resolveParties(tx, env, parties, next.signedOn ?? null);
}

const partySnapshot = (parties: readonly repo.PartyFields[]) =>
  parties.map((p) => ({
    organisationId: p.organisationId,
    side: p.side,
    unitId: p.unitId,
    signatoryPersonId: p.signatoryPersonId,
  }));

export async function createProgramme(
  ctx: Ctx,
  env: CoordinationEnv,
  input: CreateInput,
): Promise<ProgrammeDetail> {
  const id = await writeTransaction(ctx, async ({ tx, audit }) => {
    const { parties: partyInput, ...rest } = input;
    const fields: repo.ProgrammeFields = { ...rest, status: rest.status ?? 'draft' };
    const parties = await checkProgramme(tx, env, fields, partyInput, null);
    const created = await repo.insertProgramme(tx, fields);
    await repo.replaceParties(tx, created.id, parties);
    await audit({
      entityType: PROGRAMME_ENTITY,
      entityId: created.id,
      action: 'create',
      after: { ...created, parties: partySnapshot(parties) },
    });
    return created.id;
  });
  return getProgramme(ctx, env, id);
}

/** Locks a programme the actor may manage (404 when missing or out of reach). */
async function lockManaged(tx: Queryable, env: CoordinationEnv, ctx: Ctx, id: string) {
  const before = await repo.findProgramme(tx, id, true);
  if (!before) throw notFound();
  const parties = await repo.partiesOf(tx, [id]);
  assertAllowedOn(ctx.actor, 'coordination.manage', await programmeTarget(tx, parties));
  return { before, parties };
}

export async function updateProgramme(
  ctx: Ctx,
  env: CoordinationEnv,
  id: string,
  input: UpdateInput,
): Promise<ProgrammeDetail> {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const { before, parties: beforeParties } = await lockManaged(tx, env, ctx, id);
    const { parties: partyInput, ...rest } = input;
    const patch = definedOnly(rest);
    const parties = await checkProgramme(
      tx,
      env,
      { ...before, ...patch },
      partyInput ?? beforeParties,
      id,
    );
    const after = await repo.updateProgramme(tx, id, patch);
    if (partyInput) await repo.replaceParties(tx, id, parties);
    await audit({
      entityType: PROGRAMME_ENTITY,
      entityId: id,
      action: 'update',
      before: { ...before, parties: partySnapshot(beforeParties) },
      after: { ...after, parties: partySnapshot(parties) },
    });
  });
  return getProgramme(ctx, env, id);
}

export async function deleteProgramme(ctx: Ctx, env: CoordinationEnv, id: string): Promise<void> {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const { before, parties } = await lockManaged(tx, env, ctx, id);
    const contents = (await repo.contentNumbers(tx, id)).map((c) => c.id);
    const taskCount = await repo.countTasksOfContents(tx, contents);
    if (taskCount > 0) {
      throw conflict(
        `Không thể xóa chương trình "${before.title}" vì các nội dung của nó còn ${taskCount} hoạt động (nhiệm vụ). Hãy xóa hoặc chuyển các nhiệm vụ trước.`,
        { tasks: taskCount },
      );
    }
    await dropAttachments(tx, audit, PROGRAMME_ENTITY, id);
    await repo.deleteProgramme(tx, id);
    await audit({
      entityType: PROGRAMME_ENTITY,
      entityId: id,
      action: 'delete',
      before: { ...before, parties: partySnapshot(parties), contentIds: contents },
    });
  });
}

/** Removes a record's attached files (with their audit entries) before the record goes. */
export async function dropAttachments(
  tx: Queryable,
  audit: AuditFn,
  entityType: string,
  id: string,
): Promise<void> {
  for (const a of await attachmentsOf(tx, entityType, id)) {
    await deleteAttachment(tx, a.id, a.fileId);
    await audit({ entityType: 'attachment', entityId: a.id, action: 'delete', before: a });
  }
}

/* ───────────── Contents ───────────── */

async function contentView(q: Queryable, programmeId: string, id: string) {
  return (await repo.contentsOf(q, programmeId)).find((c) => c.id === id)!;
}

export async function createContent(
  ctx: Ctx,
  env: CoordinationEnv,
  programmeId: string,
  input: CreateContentInput,
): Promise<repo.ContentView> {
  const id = await writeTransaction(ctx, async ({ tx, audit }) => {
    await lockManaged(tx, env, ctx, programmeId);
    const current = await repo.contentNumbers(tx, programmeId);
    const created = await repo.insertContent(tx, {
      programmeId,
      number: nextNumber(current),
      title: input.title,
      description: input.description ?? null,
    });
    await moveTo(tx, programmeContents, [...current, created], created.id, input.number);
    await audit({
      entityType: CONTENT_ENTITY,
      entityId: created.id,
      action: 'create',
      after: await repo.findContent(tx, created.id),
    });
    return created.id;
  });
  return contentView(ctx.database.db, programmeId, id);
}

/** Locks a content and its programme, which the actor must be able to manage. */
async function lockContent(tx: Queryable, env: CoordinationEnv, ctx: Ctx, id: string) {
  const content = await repo.findContent(tx, id);
  if (!content) throw notFound();
  await lockManaged(tx, env, ctx, content.programmeId);
  return (await repo.findContent(tx, id, true))!;
}

export async function updateContent(
  ctx: Ctx,
  env: CoordinationEnv,
  id: string,
  input: UpdateContentInput,
): Promise<repo.ContentView> {
  const programmeId = await writeTransaction(ctx, async ({ tx, audit }) => {
    const before = await lockContent(tx, env, ctx, id);
    const { number, ...patch } = input;
    await repo.updateContent(tx, id, definedOnly(patch));
    if (number !== undefined) {
      await moveTo(
        tx,
        programmeContents,
        await repo.contentNumbers(tx, before.programmeId),
        id,
        number,
      );
    }
    await audit({
      entityType: CONTENT_ENTITY,
      entityId: id,
      action: 'update',
      before,
      after: await repo.findContent(tx, id),
    });
    return before.programmeId;
  });
  return contentView(ctx.database.db, programmeId, id);
}

export async function deleteContent(ctx: Ctx, env: CoordinationEnv, id: string): Promise<void> {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const before = await lockContent(tx, env, ctx, id);
    const taskCount = await repo.countTasksOfContents(tx, [id]);
    if (taskCount > 0) {
      throw conflict(
        `Không thể xóa nội dung ${before.number} vì còn ${taskCount} hoạt động (nhiệm vụ) thuộc nội dung này.`,
        { tasks: taskCount },
      );
    }
    await repo.deleteContent(tx, id);
    await closeGaps(tx, programmeContents, await repo.contentNumbers(tx, before.programmeId));
    await audit({ entityType: CONTENT_ENTITY, entityId: id, action: 'delete', before });
  });
}
