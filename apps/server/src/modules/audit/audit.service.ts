import { addDays } from '@caunoi/shared';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import { notFound, validationError } from '../../http/errors.js';
import { entityLabels, findAudit, findAuditEntry, type AuditRow } from './audit.repo.js';
import type { listAuditQuery } from './audit.schemas.js';

/** Midnight at the start of a day in Vietnam (UTC+7). */
const vietnamMidnight = (date: string) => new Date(`${date}T00:00:00+07:00`);

const SNAPSHOT_NAMES = ['nameVi', 'fullName', 'displayName', 'title', 'name', 'username'];

/**
 * A readable name for the audited record: its current name when it still exists, else the name
 * recorded in the entry itself (a deleted record), else null.
 */
function labelOf(row: AuditRow, current: Map<string, string>): string | null {
  const now = current.get(`${row.entityType}:${row.entityId}`);
  if (now) return now;
  const state = (row.after ?? row.before) as Record<string, unknown> | null;
  if (state && typeof state === 'object') {
    const key = SNAPSHOT_NAMES.find((k) => typeof state[k] === 'string' && state[k] !== '');
    if (key) return state[key] as string;
  }
  return null;
}

export function presentAuditEntry(row: AuditRow, labels: Map<string, string>) {
  return { ...row, occurredAt: row.occurredAt.toISOString(), entityLabel: labelOf(row, labels) };
}

export async function listAudit(database: Database, query: z.output<typeof listAuditQuery>) {
  if (query.from && query.to && query.from > query.to) {
    const message = 'Ngày bắt đầu phải trước hoặc trùng ngày kết thúc.';
    throw validationError(message, [{ path: 'querystring.from', message }]);
  }
  const { total, rows } = await findAudit(
    database.db,
    {
      entityType: query.entityType,
      entityId: query.entityId,
      actorUsername: query.actor?.trim().toLowerCase(),
      action: query.action,
      channel: query.channel,
      since: query.from ? vietnamMidnight(query.from) : undefined,
      before: query.to ? vietnamMidnight(addDays(query.to, 1)) : undefined,
    },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  const labels = await entityLabels(database.db, rows);
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((r) => presentAuditEntry(r, labels)),
  };
}

export async function getAuditEntry(database: Database, id: number) {
  const row = await findAuditEntry(database.db, id);
  if (!row) throw notFound('Không tìm thấy mục nhật ký.');
  return presentAuditEntry(row, await entityLabels(database.db, [row]));
}
