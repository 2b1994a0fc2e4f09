import { and, count, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import {
  conclusionNotices,
  directives,
  emailOutbox,
  engagements,
  jobRuns,
  notifications,
  programmeContents,
  programmes,
  proposals,
  tasks,
  users,
} from '../../../src/db/schema.js';
import type { Client, TestApp } from '../harness.js';
import { organisationId, userId } from './accounts.js';

let serial = 0;
const next = () => ++serial;

/** A clock the test moves: `createTestApp({ now: clock.now })`. */
export function testClock(start: string) {
  let at = new Date(start);
  return {
    now: () => at,
    set(iso: string) {
      at = new Date(iso);
    },
  };
}

/* Sources of tasks are written straight to the database: their own modules own their API. */

export async function insertNotice(t: TestApp, issuedOn = '2025-08-20'): Promise<string> {
  const [row] = await t.database.db
    .insert(conclusionNotices)
    .values({ documentNumber: `${100 + next()}/TB-BKHCN`, issuedOn })
    .returning({ id: conclusionNotices.id });
  return row!.id;
}

export async function insertDirective(t: TestApp): Promise<string> {
  const [engagement] = await t.database.db
    .insert(engagements)
    .values({
      kind: 'working_session',
      title: `Buổi làm việc thử ${next()}`,
      startsOn: '2025-08-20',
      endsOn: '2025-08-20',
    })
    .returning({ id: engagements.id });
  const [row] = await t.database.db
    .insert(directives)
    .values({ engagementId: engagement!.id, number: 1, text: 'Đẩy mạnh ứng dụng KH&CN.' })
    .returning({ id: directives.id });
  return row!.id;
}

export async function insertProgrammeContent(t: TestApp): Promise<string> {
  const [programme] = await t.database.db
    .insert(programmes)
    .values({
      title: `Chương trình phối hợp thử ${next()}`,
      periodStartYear: 2025,
      periodEndYear: 2026,
    })
    .returning({ id: programmes.id });
  const [row] = await t.database.db
    .insert(programmeContents)
    .values({ programmeId: programme!.id, number: 1, title: 'Hỗ trợ chuyển giao công nghệ' })
    .returning({ id: programmeContents.id });
  return row!.id;
}

export async function insertProposal(t: TestApp, answered: boolean): Promise<string> {
  const [row] = await t.database.db
    .insert(proposals)
    .values({
      unitId: '31@2025-07-01',
      title: `Kiến nghị thử ${next()}`,
      category: 'funding',
      answer: answered ? 'agreed' : null,
    })
    .returning({ id: proposals.id });
  return row!.id;
}

/** The ids of the organisations the tests assign tasks to. */
export async function organisations(t: TestApp) {
  return {
    ministry: await organisationId(t, 'BKHCN'),
    vuPtdp: await organisationId(t, 'BKHCN.VU-PTDP'),
    haiPhong: await organisationId(t, 'SKHCN-31@2025-07-01'),
    hue: await organisationId(t, 'SKHCN-46@2025-07-01'),
    ninhBinh: await organisationId(t, 'SKHCN-37@2025-07-01'),
    namDinh: await organisationId(t, 'SKHCN-36@2008-08-01'),
  };
}

export function taskBody(
  sourceId: string,
  leadOrganisationId: string,
  overrides: Record<string, unknown> = {},
) {
  return {
    sourceKind: 'conclusion_notice',
    sourceId,
    assignedOn: '2025-09-01',
    title: `Xây dựng đề án phát triển KH&CN ${next()}`,
    leadOrganisationId,
    deadline: '2025-12-31',
    ...overrides,
  };
}

/** Creates a task through the API and returns its detail. */
export async function createTask(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/v1/tasks', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string } & Record<string, any>;
}

export async function countTasks(t: TestApp): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(tasks);
  return row!.n;
}

export async function setEmail(t: TestApp, username: string, email: string | null) {
  await t.database.db.update(users).set({ email }).where(eq(users.username, username));
}

/** The notifications a user holds (of one kind, when given). */
export async function notificationsOf(t: TestApp, username: string, kind?: string) {
  const id = await userId(t, username);
  return t.database.db
    .select()
    .from(notifications)
    .where(
      and(eq(notifications.userId, id), kind ? eq(notifications.kind, kind as never) : undefined),
    );
}

export async function countNotifications(t: TestApp): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(notifications);
  return row!.n;
}

export async function outboxRows(t: TestApp) {
  return t.database.db.select().from(emailOutbox);
}

export async function jobRunRows(t: TestApp) {
  return t.database.db.select().from(jobRuns);
}
