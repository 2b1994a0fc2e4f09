import type { FastifyReply } from 'fastify';

export const XLSX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** RFC 6266 Content-Disposition with a UTF-8 file name (Vietnamese names survive). */
export function disposition(name: string): string {
  const ascii =
    name
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '') || 'tep';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Answers with a file to download, never cached: its type, its name (`disposition`) and its bytes.
 * The route's 200 schema only documents the body; a Buffer is sent as is (never serialised).
 */
export function sendFile<R extends FastifyReply>(
  reply: R,
  download: { file: Buffer; fileName: string; contentType: string },
): R {
  void reply
    .header('content-type', download.contentType)
    .header('content-disposition', disposition(download.fileName))
    .header('cache-control', 'private, no-store')
    .send(download.file);
  return reply;
}
