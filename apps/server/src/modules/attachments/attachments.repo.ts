import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.js';
import { attachments, files } from '../../db/schema.js';

export const attachmentView = {
  id: attachments.id,
  fileId: files.id,
  entityType: attachments.entityType,
  entityId: attachments.entityId,
  purpose: attachments.purpose,
  name: files.name,
  contentType: files.contentType,
  size: files.size,
  sha256: files.sha256,
  uploadedBy: files.uploadedBy,
  createdAt: attachments.createdAt,
};

export type AttachmentView = Awaited<ReturnType<typeof findAttachment>> & object;

export async function insertFile(q: Queryable, row: typeof files.$inferInsert) {
  const [created] = await q
    .insert(files)
    .values(row)
    .returning({ id: files.id, name: files.name, size: files.size, sha256: files.sha256 });
  return created!;
}

export async function insertAttachment(q: Queryable, row: typeof attachments.$inferInsert) {
  const [created] = await q.insert(attachments).values(row).returning({ id: attachments.id });
  return created!;
}

export async function findAttachment(q: Queryable, id: string) {
  const [row] = await q
    .select(attachmentView)
    .from(attachments)
    .innerJoin(files, eq(files.id, attachments.fileId))
    .where(eq(attachments.id, id));
  return row;
}

export async function attachmentsOf(q: Queryable, entityType: string, entityId: string) {
  return q
    .select(attachmentView)
    .from(attachments)
    .innerJoin(files, eq(files.id, attachments.fileId))
    .where(and(eq(attachments.entityType, entityType), eq(attachments.entityId, entityId)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

export async function fileContent(q: Queryable, fileId: string): Promise<Buffer | undefined> {
  const [row] = await q.select({ content: files.content }).from(files).where(eq(files.id, fileId));
  return row?.content;
}

/** Deletes an attachment, and its file when nothing else refers to it. */
export async function deleteAttachment(q: Queryable, id: string, fileId: string): Promise<void> {
  await q.delete(attachments).where(eq(attachments.id, id));
  await q
    .delete(files)
    .where(
      and(
        eq(files.id, fileId),
        sql`NOT EXISTS (SELECT 1 FROM ${attachments} WHERE ${attachments.fileId} = ${fileId})`,
      ),
    );
}
