import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { expect } from 'vitest';
import type { ProposalCategory } from '@caunoi/shared';
import { attachments, files, proposals, taskReports, tasks } from '../../../src/db/schema.js';
import type { Client, Reply, TestApp } from '../harness.js';
import { organisationId } from './accounts.js';
import { uniq } from './directory.js';

export const HP = '31@2025-07-01';
export const HP_OLD = '31@2008-08-01';
export const NB = '37@2025-07-01';
export const ND = '36@2008-08-01';
export const HUE = '46@2025-07-01';
export const TTH = '46@2008-08-01';

/** The application's clock in a test file: `clock.at(...)` moves it. */
export function testClockAt(iso: string) {
  let now = new Date(iso);
  return {
    now: () => now,
    at(next: string) {
      now = new Date(next);
    },
  };
}

export async function rowCount(t: TestApp, table: PgTable): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(table);
  return row!.n;
}

/** A programme between the Ministry and a province's People's Committee (by unit id). */
export async function programmeBody(
  t: TestApp,
  unitId: string,
  overrides: Record<string, unknown> = {},
) {
  return {
    title: `Chương trình phối hợp hoạt động KH&CN thử ${uniq()}`,
    documentNumber: null,
    signedOn: null,
    periodStartYear: 2022,
    periodEndYear: 2025,
    horizonYear: 2030,
    status: 'in_force',
    parties: [
      { organisationId: await organisationId(t, 'BKHCN') },
      { organisationId: await organisationId(t, `UBND-${unitId}`) },
    ],
    ...overrides,
  };
}

export async function createProgramme(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/v1/programmes', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; title: string; status: string; [k: string]: unknown };
}

export async function addContent(
  client: Client,
  programmeId: string,
  title: string,
  number?: number,
) {
  const res = await client.post(`/api/v1/programmes/${programmeId}/contents`, {
    title,
    ...(number === undefined ? {} : { number }),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; number: number; title: string };
}

export async function createEngagement(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/v1/engagements', {
    kind: 'working_session',
    title: `Buổi làm việc thử ${uniq()}`,
    startsOn: '2025-08-10',
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; title: string; [k: string]: unknown };
}

type TaskSource =
  { programmeContentId: string } | { conclusionNoticeId: string } | { directiveId: string };

/**
 * Inserts a task straight into the database (the tasks API belongs to its own module), with
 * optional progress reports (oldest first) and completion.
 */
export async function insertTask(
  t: TestApp,
  source: TaskSource,
  options: { completedOn?: string; reports?: Array<number | null> } = {},
): Promise<string> {
  const sourceKind =
    'programmeContentId' in source
      ? 'programme_content'
      : 'conclusionNoticeId' in source
        ? 'conclusion_notice'
        : 'directive';
  const bo = await organisationId(t, 'BKHCN');
  const [task] = await t.database.db
    .insert(tasks)
    .values({
      sourceKind,
      ...source,
      title: `Hoạt động thử ${uniq()}`,
      leadOrganisationId: await organisationId(t, `SKHCN-${HP}`),
      leadUnitId: HP,
      assignedByOrganisationId: bo,
      assignedOn: '2025-01-02',
      deadline: '2025-12-31',
      completedOn: options.completedOn ?? null,
    })
    .returning({ id: tasks.id });
  for (const [i, percent] of (options.reports ?? []).entries()) {
    await t.database.db.insert(taskReports).values({
      taskId: task!.id,
      reportedOn: `2025-0${i + 1}-15`,
      narrative: `Báo cáo tiến độ lần ${i + 1}`,
      percent,
    });
  }
  return task!.id;
}

export async function deleteTask(t: TestApp, id: string): Promise<void> {
  await t.database.db.delete(tasks).where(eq(tasks.id, id));
}

/** A proposal raised at an engagement, inserted straight into the database. */
export async function insertProposal(
  t: TestApp,
  unitId: string,
  engagementId: string,
  category: ProposalCategory = 'funding',
): Promise<string> {
  const [row] = await t.database.db
    .insert(proposals)
    .values({ unitId, engagementId, title: `Kiến nghị thử ${uniq()}`, category })
    .returning({ id: proposals.id });
  return row!.id;
}

/** A multipart/form-data body (fields, then one file), as a browser sends it. */
export function multipart(
  fields: Record<string, string>,
  file: { name: string; type: string; content: Buffer },
): { payload: Buffer; contentType: string } {
  const boundary = `----caunoi${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** The smallest PDF a reader opens: one empty page. */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

export function upload(
  client: Client,
  fields: { entityType: string; entityId: string; purpose: string },
  file: { name: string; content: Buffer; type?: string } = {
    name: 'Chương trình đã ký.pdf',
    content: TINY_PDF,
  },
): Promise<Reply> {
  const { payload, contentType } = multipart(fields, {
    name: file.name,
    type: file.type ?? 'application/pdf',
    content: file.content,
  });
  return client.request('POST', '/api/v1/attachments', payload, { 'content-type': contentType });
}

export async function attachmentCount(t: TestApp, entityId: string): Promise<number> {
  const [row] = await t.database.db
    .select({ n: count() })
    .from(attachments)
    .where(eq(attachments.entityId, entityId));
  return row!.n;
}

export const fileCount = (t: TestApp) => rowCount(t, files);
