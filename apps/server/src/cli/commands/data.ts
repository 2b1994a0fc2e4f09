import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { UnitRegistry } from '@caunoi/units';
import type { Database } from '../../db/database.js';
import { detectFormat } from '../../modules/statistics/import.parse.js';
import {
  IMPORT_FORMATS,
  type ImportFormat,
  type ImportIssue,
  type ImportSummary,
} from '../../modules/statistics/import.schemas.js';
import { importValues } from '../../modules/statistics/import.service.js';
import { displayWidth, toJson } from '../format.js';
import { CliError, type Writer } from '../io.js';
import { cliCtx } from '../runtime.js';

export interface DataImportOptions {
  dryRun?: boolean;
  format?: string;
  json?: boolean;
}

/** Errors printed in the text summary; `--json` gives the whole list. */
const ERRORS_SHOWN = 20;

const n = (value: number) => value.toLocaleString('vi-VN');

function parseFormat(value: string | undefined): ImportFormat | undefined {
  if (value === undefined) return undefined;
  const format = value.trim().toLowerCase();
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) {
    throw new CliError(
      `Định dạng không hợp lệ: "${value}". Chọn một trong: ${IMPORT_FORMATS.join(', ')}.`,
    );
  }
  return format as ImportFormat;
}

async function readInput(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new CliError(`Không tìm thấy tệp ${file}.`);
    if (code === 'EISDIR') throw new CliError(`${file} là một thư mục, không phải tệp.`);
    if (code === 'EACCES') throw new CliError(`Không có quyền đọc tệp ${file}.`);
    throw error;
  }
}

function where(issue: ImportIssue): string {
  const at =
    issue.line !== null
      ? `Dòng ${n(issue.line)}`
      : issue.record !== null
        ? `Bản ghi ${n(issue.record)}`
        : 'Tệp';
  return issue.field ? `${at}, cột ${issue.field}` : at;
}

/** The summary in Vietnamese, as printed after an import. */
export function describeSummary(s: ImportSummary): string {
  const lines: string[] = [];
  lines.push(
    `Tệp ${s.fileName ?? '(không tên)'} (${s.format.toUpperCase()}): ${n(s.total)} giá trị.`,
  );
  if (s.dryRun) lines.push('Chạy thử (--dry-run): đã kiểm tra toàn bộ tệp, không ghi gì.');
  const will = s.dryRun && s.errors.count === 0 ? 'Sẽ ' : '';
  const rows: Array<[string, number]> = [
    [`${will}tạo mới`, s.created],
    [`${will}cập nhật`, s.updated],
    ['Giống số đã lưu, bỏ qua', s.ignored],
    ['Lỗi', s.errors.count],
    ['Cảnh báo', s.warnings.count],
  ];
  const width = Math.max(...rows.map(([label]) => displayWidth(label)));
  for (const [label, value] of rows) {
    const text = `${label.charAt(0).toUpperCase()}${label.slice(1)}:`;
    lines.push(`  ${text}${' '.repeat(width + 1 - displayWidth(label))}${n(value).padStart(12)}`);
  }
  for (const w of s.warnings.items) lines.push(`Cảnh báo — ${where(w)}: ${w.message}`);
  if (s.errors.count > 0) {
    const shown = s.errors.items.slice(0, ERRORS_SHOWN);
    lines.push('');
    lines.push(
      shown.length < s.errors.count
        ? `${n(shown.length)} lỗi đầu tiên (trong ${n(s.errors.count)} lỗi):`
        : 'Các lỗi:',
    );
    for (const e of shown) lines.push(`  ${where(e)} [${e.code}]: ${e.message}`);
    if (shown.length < s.errors.count) {
      lines.push(`  … và ${n(s.errors.count - shown.length)} lỗi khác (xem tất cả: thêm --json).`);
    }
  }
  if (s.committed) lines.push(`Đã ghi vào cơ sở dữ liệu. Mã lần nhập: ${s.importId}.`);
  return `${lines.join('\n')}\n`;
}

/**
 * `data import <file>`: the bulk import of the API, from the command line, by `cli:<account>`.
 * Prints the summary; a file with errors writes nothing and ends with exit code 1.
 */
export async function dataImport(
  database: Database,
  registry: UnitRegistry,
  file: string,
  options: DataImportOptions,
  io: { out: Writer; osUser: string },
): Promise<ImportSummary> {
  const declared = parseFormat(options.format);
  const content = await readInput(file);
  const fileName = path.basename(file);
  const summary = await importValues(cliCtx(database, io.osUser), registry, {
    content,
    format: declared ?? detectFormat(content, fileName),
    fileName,
    dryRun: options.dryRun ?? false,
  });
  io.out(options.json ? toJson(summary) : describeSummary(summary));
  if (summary.errors.count > 0) {
    const errors = `${n(summary.errors.count)} lỗi`;
    throw new CliError(
      summary.dryRun
        ? `Tệp có ${errors}: sửa tệp trước khi nhập.`
        : `Không ghi giá trị nào: tệp có ${errors}. Sửa tệp rồi chạy lại.`,
    );
  }
  return summary;
}
