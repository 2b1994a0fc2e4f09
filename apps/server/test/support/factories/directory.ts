import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { organisations, people, positions, users } from '../../../src/db/schema.js';
import type { Client, TestApp } from '../harness.js';

let serial = 0;
/** A suffix that keeps names and codes unique within a test file. */
export const uniq = () => `${++serial}`;

export async function organisationRow(t: TestApp, id: string) {
  const [row] = await t.database.db.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

/** The people with this exact name (none, when a refused write left nothing behind). */
export async function peopleNamed(t: TestApp, fullName: string) {
  return t.database.db.select().from(people).where(eq(people.fullName, fullName));
}

export async function personId(t: TestApp, fullName: string): Promise<string> {
  const [row] = await peopleNamed(t, fullName);
  if (!row) throw new Error(`no person ${fullName}`);
  return row.id;
}

export async function positionsOfPerson(t: TestApp, id: string) {
  return t.database.db.select().from(positions).where(eq(positions.personId, id));
}

/** Points a demo account at a person (the accounts module owns that link; tests set it directly). */
export async function linkUserToPerson(t: TestApp, username: string, id: string): Promise<void> {
  await t.database.db.update(users).set({ personId: id }).where(eq(users.username, username));
}

/** Creates an organisation through the API and returns its detail. */
export async function createOrganisation(client: Client, body: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/organisations', {
    kind: 'other',
    nameVi: `Tổ chức thử ${uniq()}`,
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; nameVi: string; code: string | null };
}

/** Creates a person through the API and returns their detail. */
export async function createPerson(client: Client, body: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/people', { fullName: `Người thử ${uniq()}`, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; fullName: string; positions: Array<{ id: string }> };
}
