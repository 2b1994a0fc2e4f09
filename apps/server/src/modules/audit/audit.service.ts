import { addDays } from '@caunoi/shared';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import { notFound, validationError } from '../../http/errors.js';
import { findAudit, findAuditEntry, type AuditRow } from './audit.repo.js';
import type { listAuditQuery } from './audit.schemas.js';

/** Midnight at the start of a day in Vietnam (UTC+7). */
const vietnamMidnight = (date: string) => new Date(`${date}T00:00:00+07:00`);

export function presentAuditEntry(row: AuditRow) {
  return { ...row, occurredAt: row.occurredAt.toISOString() };
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
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map(presentAuditEntry),
  };
}

export async function getAuditEntry(database: Database, id: number) {
  const row = await findAuditEntry(database.db, id);
  if (!row) throw notFound('Không tìm thấy mục nhật ký.');
  return presentAuditEntry(row);
}
