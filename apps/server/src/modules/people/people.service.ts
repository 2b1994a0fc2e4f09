import type { z } from 'zod';
import { comparePersonNamesVi } from '@caunoi/shared';
import { writeTransaction, type AuditFn, type Ctx } from '../../core/context.js';
import type { Queryable } from '../../db/database.js';
import { assertAllowedOn } from '../../http/access.js';
import { conflict, forbidden, notFound } from '../../http/errors.js';
import { page } from '../../http/schemas.js';
import { allowsEverywhere, allowsOn, type Actor } from '../../policy/policy.js';
import { findOrganisation } from '../organisations/organisations.repo.js';
import {
  checkInterval,
  definedOnly,
  invalidField,
  targetOf,
} from '../organisations/organisations.service.js';
import * as repo from './people.repo.js';
import type {
  createPersonBody,
  positionBody,
  updatePersonBody,
  updatePositionBody,
} from './people.schemas.js';

type CreatePersonInput = z.output<typeof createPersonBody>;
type UpdatePersonInput = z.output<typeof updatePersonBody>;
type PositionInput = z.output<typeof positionBody>;
type UpdatePositionInput = z.output<typeof updatePositionBody>;

/** Whether a position (open-ended or not) covers `date`. */
function covers(p: { validFrom: string | null; validTo: string | null }, date: string): boolean {
  return (p.validFrom === null || p.validFrom <= date) && (p.validTo === null || p.validTo >= date);
}

/** Where a person sits: the organisations (with their units and ancestors) of their positions. */
function personTarget(q: Queryable, positions: readonly { organisationId: string }[]) {
  return targetOf(
    q,
    positions.map((p) => p.organisationId),
  );
}

/** The organisation a position is placed in must exist and lie in the actor's scope. */
async function checkDestination(
  tx: Queryable,
  actor: Actor,
  organisationId: string,
  field: string,
): Promise<void> {
  const org = await findOrganisation(tx, organisationId);
  if (!org) throw invalidField(field, 'Tổ chức không tồn tại.');
  if (!allowsOn(actor, 'people.write', await targetOf(tx, [org.id]))) {
    throw forbidden(`Tổ chức "${org.nameVi}" nằm ngoài phạm vi được phân công của bạn.`);
  }
}

async function insertPosition(
  tx: Queryable,
  audit: AuditFn,
  actor: Actor,
  personId: string,
  input: PositionInput,
  field: string,
): Promise<repo.PositionRow> {
  await checkDestination(tx, actor, input.organisationId, field);
  const created = await repo.insertPosition(tx, { ...input, personId });
  await audit({ entityType: 'position', entityId: created.id, action: 'create', after: created });
  return created;
}

export async function listPeople(
  ctx: Ctx,
  f: repo.PeopleFilters & { page: number; pageSize: number },
) {
  const db = ctx.database.db;
  const result = page(
    (await repo.findPeople(db, f)).sort((a, b) => comparePersonNamesVi(a.fullName, b.fullName)),
    f.page,
    f.pageSize,
  );
  const positions = await repo.positionsOf(
    db,
    result.items.map((p) => p.id),
  );
  return {
    ...result,
    items: result.items.map((person) => ({
      person,
      positions: positions.filter((p) => p.personId === person.id),
    })),
  };
}

export interface PersonDetail {
  person: repo.PersonRow;
  positions: repo.PositionView[];
  asOf: string | null;
  positionsOn: repo.PositionView[];
  canEdit: boolean;
}

export async function getPerson(ctx: Ctx, id: string, asOf?: string): Promise<PersonDetail> {
  const db = ctx.database.db;
  const person = await repo.findPerson(db, id);
  if (!person) throw notFound();
  const positions = await repo.positionsOf(db, [id]);
  const target = await personTarget(db, positions);
  assertAllowedOn(ctx.actor, 'people.read', target);
  return {
    person,
    positions,
    asOf: asOf ?? null,
    positionsOn: asOf ? positions.filter((p) => covers(p, asOf)) : [],
    canEdit: allowsOn(ctx.actor, 'people.write', target),
  };
}

export async function createPerson(ctx: Ctx, input: CreatePersonInput): Promise<PersonDetail> {
  const id = await writeTransaction(ctx, async ({ tx, audit }) => {
    const { positions, ...fields } = input;
    if (positions.length === 0 && !allowsEverywhere(ctx.actor, 'people.write')) {
      throw forbidden(
        'Hãy gán cho người này ít nhất một chức vụ tại tổ chức thuộc phạm vi được phân công của bạn.',
      );
    }
    const person = await repo.insertPerson(tx, fields);
    await audit({ entityType: 'person', entityId: person.id, action: 'create', after: person });
    for (const [i, position] of positions.entries()) {
      await insertPosition(
        tx,
        audit,
        ctx.actor,
        person.id,
        position,
        `positions.${i}.organisationId`,
      );
    }
    return person.id;
  });
  return getPerson(ctx, id);
}

/** Locks a person in scope for writing (404 when missing or out of scope). */
async function lockPersonInScope(tx: Queryable, actor: Actor, id: string) {
  const person = await repo.findPerson(tx, id, true);
  if (!person) throw notFound();
  const positions = await repo.positionsOf(tx, [id]);
  assertAllowedOn(actor, 'people.write', await personTarget(tx, positions));
  return { person, positions };
}

export async function updatePerson(
  ctx: Ctx,
  id: string,
  input: UpdatePersonInput,
): Promise<PersonDetail> {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const { person: before } = await lockPersonInScope(tx, ctx.actor, id);
    const after = await repo.updatePerson(tx, id, definedOnly(input));
    await audit({ entityType: 'person', entityId: id, action: 'update', before, after });
  });
  return getPerson(ctx, id);
}

export async function deletePerson(ctx: Ctx, id: string): Promise<void> {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const { person, positions } = await lockPersonInScope(tx, ctx.actor, id);
    if ((await repo.countUsersOfPerson(tx, id)) > 0) {
      throw conflict(
        `Không thể xóa "${person.fullName}" vì đang gắn với tài khoản người dùng. Hãy bỏ liên kết tài khoản trước.`,
      );
    }
    for (const position of positions) {
      await repo.deletePosition(tx, position.id);
      await audit({
        entityType: 'position',
        entityId: position.id,
        action: 'delete',
        before: position,
      });
    }
    await repo.deletePerson(tx, id);
    await audit({
      entityType: 'person',
      entityId: id,
      action: 'delete',
      before: { ...person, positions },
    });
  });
}

async function positionView(ctx: Ctx, id: string): Promise<repo.PositionView> {
  const view = await repo.findPositionView(ctx.database.db, id);
  if (!view) throw notFound();
  return view;
}

export async function addPosition(
  ctx: Ctx,
  personId: string,
  input: PositionInput,
): Promise<repo.PositionView> {
  const created = await writeTransaction(ctx, async ({ tx, audit }) => {
    await lockPersonInScope(tx, ctx.actor, personId);
    return insertPosition(tx, audit, ctx.actor, personId, input, 'organisationId');
  });
  return positionView(ctx, created.id);
}

/** Locks a position whose organisation is in the actor's scope (404 otherwise). */
async function lockPositionInScope(tx: Queryable, actor: Actor, id: string) {
  const position = await repo.findPosition(tx, id, true);
  if (!position) throw notFound();
  assertAllowedOn(actor, 'people.write', await targetOf(tx, [position.organisationId]));
  return position;
}

export async function updatePosition(
  ctx: Ctx,
  id: string,
  input: UpdatePositionInput,
): Promise<repo.PositionView> {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const before = await lockPositionInScope(tx, ctx.actor, id);
    const patch = definedOnly(input);
    if (patch.organisationId && patch.organisationId !== before.organisationId) {
      await checkDestination(tx, ctx.actor, patch.organisationId, 'organisationId');
    }
    const next = { ...before, ...patch };
    checkInterval(next.validFrom, next.validTo);
    const after = await repo.updatePosition(tx, id, patch);
    await audit({ entityType: 'position', entityId: id, action: 'update', before, after });
  });
  return positionView(ctx, id);
}

export async function deletePosition(ctx: Ctx, id: string): Promise<void> {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const before = await lockPositionInScope(tx, ctx.actor, id);
    await repo.deletePosition(tx, id);
    await audit({ entityType: 'position', entityId: id, action: 'delete', before });
  });
}
