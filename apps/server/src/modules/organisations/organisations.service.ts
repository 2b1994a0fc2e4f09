import type { z } from 'zod';
import type { UnitRegistry } from '@caunoi/units';
import { sortVi } from '@caunoi/shared';
import { writeTransaction, type Ctx } from '../../core/context.js';
import type { Queryable } from '../../db/database.js';
import { assertAllowedOn } from '../../http/access.js';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.js';
import { page } from '../../http/schemas.js';
import { allowsOn, type Actor, type Target } from '../../policy/policy.js';
import { positionsAtOrganisation } from '../people/people.repo.js';
import * as repo from './organisations.repo.js';
import type { createOrganisationBody, updateOrganisationBody } from './organisations.schemas.js';

type CreateInput = z.output<typeof createOrganisationBody>;
type UpdateInput = z.output<typeof updateOrganisationBody>;

const OUT_OF_SCOPE =
  'Tổ chức phải thuộc phạm vi được phân công của bạn (đơn vị hành chính hoặc tổ chức cấp trên).';

/** A 400 about one field of the request body, shaped like the schema validation errors. */
export function invalidField(field: string, message: string): AppError {
  return new AppError('VALIDATION_ERROR', message, [{ path: `body.${field}`, message }]);
}

export function checkInterval(from: string | null | undefined, to: string | null | undefined) {
  if (from && to && to < from) {
    throw invalidField('validTo', 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.');
  }
}

/** The fields a partial update actually sets (absent keys leave the stored value alone). */
export function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Where organisations sit for the policy: their own units, and their ids with every ancestor's
 * (a person's target is the union over the organisations where they hold positions).
 */
export async function targetOf(
  q: Queryable,
  organisationIds: readonly string[],
): Promise<Target & { organisationIds: string[] }> {
  const chains = [...(await repo.ancestorChains(q, [...new Set(organisationIds)])).values()];
  return {
    unitIds: [...new Set(chains.map((c) => c.unitId))],
    organisationIds: [...new Set(chains.flatMap((c) => c.ids))],
  };
}

/**
 * Checks the rules on an organisation about to be stored (`selfId` null when new) and that the
 * actor may write it where it would sit: its unit and its parent chain.
 */
async function checkOrganisation(
  tx: Queryable,
  registry: UnitRegistry,
  actor: Actor,
  next: repo.OrganisationFields,
  selfId: string | null,
): Promise<void> {
  checkInterval(next.validFrom, next.validTo);
  if (next.unitId != null && !registry.get(next.unitId)) {
    throw invalidField('unitId', `Không có đơn vị hành chính "${next.unitId}".`);
  }
  const ministryUnitRule = 'Đơn vị thuộc Bộ phải có tổ chức cấp trên là Bộ.';
  let chain: string[] = [];
  if (next.parentId) {
    const parent = await repo.findOrganisation(tx, next.parentId);
    if (!parent) throw invalidField('parentId', 'Tổ chức cấp trên không tồn tại.');
    chain = (await targetOf(tx, [parent.id])).organisationIds;
    if (selfId && chain.includes(selfId)) {
      throw invalidField(
        'parentId',
        'Tổ chức cấp trên không được là chính tổ chức này hoặc một tổ chức trực thuộc nó.',
      );
    }
    if (next.kind === 'ministry_unit' && parent.kind !== 'ministry') {
      throw invalidField('parentId', ministryUnitRule);
    }
  } else if (next.kind === 'ministry_unit') {
    throw invalidField('parentId', ministryUnitRule);
  }
  const target = {
    unitIds: [next.unitId ?? null],
    organisationIds: selfId ? [selfId, ...chain] : chain,
  };
  if (!allowsOn(actor, 'organisations.write', target)) throw forbidden(OUT_OF_SCOPE);
  if (next.code) {
    const same = await repo.findOrganisationByCode(tx, next.code);
    if (same && same.id !== selfId) {
      throw conflict(`Mã "${next.code}" đã được dùng cho tổ chức "${same.nameVi}".`, {
        field: 'code',
        organisationId: same.id,
      });
    }
  }
  if (
    selfId &&
    next.kind !== 'ministry' &&
    (await repo.hasChildOfKind(tx, selfId, 'ministry_unit'))
  ) {
    throw invalidField('kind', 'Tổ chức đang có đơn vị thuộc Bộ trực thuộc nên phải là Bộ.');
  }
}

export async function listOrganisations(
  ctx: Ctx,
  f: repo.OrganisationFilters & { page: number; pageSize: number },
) {
  const rows = await repo.findOrganisations(ctx.database.db, f);
  return page(
    sortVi(rows, (r) => r.nameVi),
    f.page,
    f.pageSize,
  );
}

export interface OrganisationDetail {
  organisation: repo.OrganisationView;
  children: Awaited<ReturnType<typeof repo.childrenOf>>;
  positions: Awaited<ReturnType<typeof positionsAtOrganisation>>;
  canEdit: boolean;
}

export async function getOrganisation(ctx: Ctx, id: string): Promise<OrganisationDetail> {
  const db = ctx.database.db;
  const organisation = await repo.findOrganisationView(db, id);
  if (!organisation) throw notFound();
  const target = await targetOf(db, [id]);
  assertAllowedOn(ctx.actor, 'organisations.read', target);
  return {
    organisation,
    children: sortVi(await repo.childrenOf(db, id), (c) => c.nameVi),
    positions: await positionsAtOrganisation(db, id),
    canEdit: allowsOn(ctx.actor, 'organisations.write', target),
  };
}

export async function createOrganisation(
  ctx: Ctx,
  registry: UnitRegistry,
  input: CreateInput,
): Promise<OrganisationDetail> {
  const id = await writeTransaction(ctx, async ({ tx, audit }) => {
    const fields: repo.OrganisationFields = { ...input };
    await checkOrganisation(tx, registry, ctx.actor, fields, null);
    const created = await repo.insertOrganisation(tx, fields);
    await audit({
      entityType: 'organisation',
      entityId: created.id,
      action: 'create',
      after: created,
    });
    return created.id;
  });
  return getOrganisation(ctx, id);
}

export async function updateOrganisation(
  ctx: Ctx,
  registry: UnitRegistry,
  id: string,
  input: UpdateInput,
): Promise<OrganisationDetail> {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const before = await repo.findOrganisation(tx, id, true);
    if (!before) throw notFound();
    assertAllowedOn(ctx.actor, 'organisations.write', await targetOf(tx, [id]));
    const patch = definedOnly(input);
    await checkOrganisation(tx, registry, ctx.actor, { ...before, ...patch }, id);
    const after = await repo.updateOrganisation(tx, id, patch);
    await audit({ entityType: 'organisation', entityId: id, action: 'update', before, after });
  });
  return getOrganisation(ctx, id);
}

export async function deleteOrganisation(ctx: Ctx, id: string): Promise<void> {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const before = await repo.findOrganisation(tx, id, true);
    if (!before) throw notFound();
    assertAllowedOn(ctx.actor, 'organisations.write', await targetOf(tx, [id]));
    const refs = await repo.referencesTo(tx, id);
    const blockers = [
      [refs.children, 'tổ chức trực thuộc'],
      [refs.positions, 'chức vụ của cán bộ'],
      [refs.users, 'tài khoản người dùng'],
      [refs.roleAssignments, 'phân quyền theo tổ chức'],
    ]
      .filter(([n]) => Number(n) > 0)
      .map(([n, what]) => `${n} ${what}`);
    if (blockers.length > 0) {
      throw conflict(
        `Không thể xóa tổ chức "${before.nameVi}" vì còn ${blockers.join(', ')} liên quan.`,
        refs,
      );
    }
    await repo.deleteOrganisation(tx, id);
    await audit({ entityType: 'organisation', entityId: id, action: 'delete', before });
  });
}
