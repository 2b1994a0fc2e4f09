import { createHash } from 'node:crypto';
import path from 'node:path';
import type { AttachmentPurpose } from '@caunoi/shared';
import { writeTransaction, type Ctx } from '../../core/context.js';
import { AppError, notFound, validationError } from '../../http/errors.js';
import { allowsOn } from '../../policy/policy.js';
import type { AttachableEntities, AttachableEntity } from './attachments.registry.js';
import * as repo from './attachments.repo.js';

/** Largest file accepted, in bytes. */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;

/** Documents civil servants exchange; programs and scripts are refused. */
const ALLOWED_EXTENSIONS = new Set([
  '.pdf',
  '.doc',
  '.docx',
  '.xls',
  '.xlsx',
  '.ppt',
  '.pptx',
  '.odt',
  '.ods',
  '.odp',
  '.rtf',
  '.txt',
  '.csv',
  '.jpg',
  '.jpeg',
  '.png',
  '.gif',
  '.webp',
  '.tif',
  '.tiff',
  '.zip',
  '.7z',
  '.rar',
]);

const CONTENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
};

/** A file name safe to store and to send back: NFC, no folders, no control characters. */
export function cleanFileName(name: string): string {
  const base = path.basename(name.normalize('NFC').replace(/\\/g, '/'));
  const cleaned = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && !'"<>|:*?'.includes(c))
    .join('')
    .trim();
  return cleaned.slice(-200) || 'tep-dinh-kem';
}

/** What the actor may do with a record's files: the module's own rule, or its actions and targets. */
async function accessTo(
  ctx: Ctx,
  entity: AttachableEntity,
  id: string,
  write: boolean,
): Promise<{ read: boolean; write: boolean } | null> {
  const q = ctx.database.db;
  if (entity.access) return entity.access(q, ctx, id);
  const target = await entity.target(q, id);
  if (!target) return null;
  const writeTarget = write && entity.writeTarget ? await entity.writeTarget(q, id) : target;
  return {
    read: allowsOn(ctx.actor, entity.readAction, target),
    write: !!writeTarget && allowsOn(ctx.actor, entity.writeAction, writeTarget),
  };
}

async function resolve(
  ctx: Ctx,
  entities: AttachableEntities,
  entityType: string,
  entityId: string,
  write: boolean,
): Promise<AttachableEntity> {
  const entity = entities[entityType];
  if (!entity) {
    throw validationError(`Không đính kèm được tệp vào loại bản ghi "${entityType}".`, [
      { path: 'entityType', message: `Loại bản ghi không hợp lệ: ${entityType}` },
    ]);
  }
  const access = await accessTo(ctx, entity, entityId, write);
  if (!access?.read || (write && !access.write)) throw notFound();
  return entity;
}

export interface Upload {
  entityType: string;
  entityId: string;
  purpose: AttachmentPurpose;
  fileName: string;
  contentType: string;
  content: Buffer;
}

export async function addAttachment(ctx: Ctx, entities: AttachableEntities, upload: Upload) {
  const entity = await resolve(ctx, entities, upload.entityType, upload.entityId, true);
  if (!entity.purposes.includes(upload.purpose)) {
    throw validationError(`Mục đích "${upload.purpose}" không dùng cho ${entity.label}.`, [
      { path: 'purpose', message: `Chọn một trong: ${entity.purposes.join(', ')}` },
    ]);
  }
  const name = cleanFileName(upload.fileName);
  const ext = path.extname(name).toLowerCase();
  if (!ALLOWED_EXTENSIONS.has(ext)) {
    throw validationError(
      `Không nhận tệp "${name}": chỉ nhận văn bản, bảng tính, hình ảnh và tệp nén (PDF, Word, Excel, ảnh, ZIP…).`,
      [{ path: 'file', message: `Định dạng ${ext || '(không có phần mở rộng)'} không được nhận.` }],
    );
  }
  if (upload.content.length === 0) {
    throw validationError('Tệp rỗng.', [{ path: 'file', message: 'Tệp không có nội dung.' }]);
  }
  const sha256 = createHash('sha256').update(upload.content).digest('hex');
  return writeTransaction(ctx, async ({ tx, audit }) => {
    const file = await repo.insertFile(tx, {
      name,
      contentType: CONTENT_TYPES[ext] ?? (upload.contentType || 'application/octet-stream'),
      size: upload.content.length,
      sha256,
      content: upload.content,
      uploadedBy:
        ctx.actor.channel === 'web' || ctx.actor.channel === 'api' ? ctx.actor.userId : null,
    });
    const { id } = await repo.insertAttachment(tx, {
      fileId: file.id,
      entityType: upload.entityType,
      entityId: upload.entityId,
      purpose: upload.purpose,
    });
    const view = (await repo.findAttachment(tx, id))!;
    await audit({ entityType: 'attachment', entityId: id, action: 'create', after: view });
    return view;
  });
}

export async function listAttachments(
  ctx: Ctx,
  entities: AttachableEntities,
  entityType: string,
  entityId: string,
) {
  await resolve(ctx, entities, entityType, entityId, false);
  return repo.attachmentsOf(ctx.database.db, entityType, entityId);
}

export async function readAttachment(ctx: Ctx, entities: AttachableEntities, id: string) {
  const view = await repo.findAttachment(ctx.database.db, id);
  if (!view) throw notFound();
  await resolve(ctx, entities, view.entityType, view.entityId, false);
  const content = await repo.fileContent(ctx.database.db, view.fileId);
  if (!content) throw new AppError('NOT_FOUND');
  return { view, content };
}

export async function removeAttachment(ctx: Ctx, entities: AttachableEntities, id: string) {
  const view = await repo.findAttachment(ctx.database.db, id);
  if (!view) throw notFound();
  await resolve(ctx, entities, view.entityType, view.entityId, true);
  await writeTransaction(ctx, async ({ tx, audit }) => {
    await repo.deleteAttachment(tx, id, view.fileId);
    await audit({ entityType: 'attachment', entityId: id, action: 'delete', before: view });
  });
}
