import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError, validationError } from './errors.js';

/** The one file part of a multipart request, read whole. */
export interface UploadedPart {
  field: string;
  name: string;
  type: string;
  content: Buffer;
}

/**
 * The parts of a multipart/form-data request with at most one file of `maxBytes`: the file (if any)
 * and the text fields. 415 when the request is not multipart, 413 when the file is larger.
 */
export async function readMultipart(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ file: UploadedPart | undefined; fields: Record<string, string> }> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Gửi tệp theo dạng multipart/form-data.');
  }
  const fields: Record<string, string> = {};
  let file: UploadedPart | undefined;
  for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1 } })) {
    if (part.type === 'file') {
      const content = await part.toBuffer();
      if (part.file.truncated) {
        throw new AppError('PAYLOAD_TOO_LARGE', `Tệp vượt quá ${maxBytes / 1024 / 1024} MB.`);
      }
      file = { field: part.fieldname, name: part.filename, type: part.mimetype, content };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  return { file, fields };
}

/**
 * The file sent in the field "file" of a multipart/form-data request, other fields ignored; a 400
 * with `missingMessage` when there is none.
 */
export async function readUploadedFile(
  request: FastifyRequest,
  options: { maxBytes: number; missingMessage: string },
): Promise<{ name: string; content: Buffer }> {
  const { file } = await readMultipart(request, options.maxBytes);
  if (file?.field !== 'file') {
    throw validationError(options.missingMessage, [{ path: 'file', message: 'Chưa chọn tệp.' }]);
  }
  return { name: file.name, content: file.content };
}
