import { UnitError } from '@caunoi/units';
import { ZodError } from 'zod';
import { DataDirLockedError } from '../db/embedded.js';
import { AppError } from '../http/errors.js';
import { CliError } from './io.js';

/** Names of the command-line options behind the fields the API schemas validate. */
const FIELD_OPTIONS: Record<string, string> = {
  username: '--username',
  displayName: '--display-name',
  email: '--email',
  password: 'mật khẩu',
  assignments: '--role',
  organisationId: '--organisation',
};

function zodMessage(error: ZodError): string {
  return error.issues
    .map((issue) => {
      const field = FIELD_OPTIONS[String(issue.path[0] ?? '')];
      return field ? `${field}: ${issue.message}` : issue.message;
    })
    .join('\n');
}

/** Connection failures worth a plain explanation rather than a stack trace. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ECONNRESET',
  '28P01', // invalid password
  '28000', // invalid authorisation
  '3D000', // database does not exist
]);

export interface DescribedError {
  message: string;
  /** False for failures nobody at the keyboard caused: a stack trace may help to report them. */
  user: boolean;
}

/** Turns any thrown value into the Vietnamese line shown on standard error. */
export function describeError(error: unknown): DescribedError {
  if (
    error instanceof CliError ||
    error instanceof UnitError ||
    error instanceof DataDirLockedError
  ) {
    return { message: error.message, user: true };
  }
  if (error instanceof AppError) return { message: error.message, user: true };
  if (error instanceof ZodError) return { message: zodMessage(error), user: true };
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof Error && typeof code === 'string' && CONNECTION_CODES.has(code)) {
    return {
      message: `Không kết nối được tới cơ sở dữ liệu (${code}): ${error.message}`,
      user: true,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message: `Lỗi hệ thống: ${message}`, user: false };
}
