import { count, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import {
  engagements,
  organisations,
  proposals,
  roadmapItems,
  roadmaps,
  tasks,
} from '../../../src/db/schema.js';
import type { Client, TestApp } from '../harness.js';

export const HP = '31@2025-07-01';
export const NB = '37@2025-07-01';
export const ND = '36@2008-08-01';
export const HUE = '46@2025-07-01';

let serial = 0;
const uniq = () => `${++serial}`;

export interface ProposalDto {
  id: string;
  title: string;
  unit: { id: string; successors: Array<{ id: string }> };
  answer: string | null;
  estimatedCost: number | null;
  canEdit: boolean;
  canAnswer: boolean;
}

/** Creates a proposal through the API and returns its detail. */
export async function createProposal(client: Client, body: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/proposals', {
    unitId: HP,
    title: `Kiến nghị thử ${uniq()}`,
    category: 'funding',
    estimatedCost: 1000,
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as ProposalDto;
}

/** Answers a proposal (as the Ministry side). */
export async function answerProposal(
  ministry: Client,
  id: string,
  answer = 'agreed',
  extra: Record<string, unknown> = {},
) {
  const res = await ministry.post(`/api/v1/proposals/${id}/answer`, {
    answer,
    answerReason: 'Phù hợp chức năng, nhiệm vụ của Bộ.',
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as ProposalDto;
}

/** A proposal the Ministry agreed to (recorded by `ministry` for `unitId`). */
export async function agreedProposal(ministry: Client, body: Record<string, unknown> = {}) {
  const p = await createProposal(ministry, body);
  return answerProposal(ministry, p.id);
}

/** An engagement written straight into the database (the engagements module has its own tests). */
export async function insertEngagement(t: TestApp, title = `Buổi làm việc thử ${uniq()}`) {
  const [row] = await t.database.db
    .insert(engagements)
    .values({ kind: 'working_session', title, startsOn: '2023-05-11', endsOn: '2023-05-11' })
    .returning();
  return row!;
}

/** A task created from a proposal, written straight into the database. */
export async function insertProposalTask(t: TestApp, proposalId: string, title = 'Nhiệm vụ thử') {
  const [ministry] = await t.database.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.code, 'BKHCN'));
  const [row] = await t.database.db
    .insert(tasks)
    .values({
      sourceKind: 'proposal',
      proposalId,
      number: '1',
      title,
      leadOrganisationId: ministry!.id,
      assignedByOrganisationId: ministry!.id,
      assignedOn: '2023-06-01',
      deadline: '2023-12-31',
    })
    .returning();
  return row!;
}

export async function proposalRow(t: TestApp, id: string) {
  const [row] = await t.database.db.select().from(proposals).where(eq(proposals.id, id));
  return row;
}

export async function countProposals(t: TestApp): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(proposals);
  return row!.n;
}

export async function roadmapRow(t: TestApp, id: string) {
  const [row] = await t.database.db.select().from(roadmaps).where(eq(roadmaps.id, id));
  return row;
}

export async function roadmapItemRows(t: TestApp, roadmapId: string) {
  return t.database.db.select().from(roadmapItems).where(eq(roadmapItems.roadmapId, roadmapId));
}

/** Creates a roadmap through the API and returns its detail. */
export async function createRoadmap(client: Client, body: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/roadmaps', {
    unitId: HP,
    title: `Lộ trình thử ${uniq()}`,
    startYear: 2026,
    endYear: 2030,
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; items: Array<{ id: string; proposalId: string }> };
}

/** A multipart body with one file, as a browser sends it. */
export function multipart(fields: Record<string, string>, file: { name: string; content: string }) {
  const boundary = `----caunoi${uniq()}`;
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n${file.content}\r\n--${boundary}--\r\n`,
  );
  return {
    payload: Buffer.from(parts.join(''), 'utf8'),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
