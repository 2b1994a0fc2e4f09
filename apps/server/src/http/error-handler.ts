import type { FastifyError, FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { ERROR_CODES, type ErrorBody } from '@caunoi/shared';
import { AppError } from './errors.js';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
}

/** Drizzle wraps driver errors (DrizzleQueryError): the PostgreSQL error is the cause. */
function pgErrorOf(error: unknown): PgError {
  const cause = (error as { cause?: unknown }).cause;
  return (
    typeof cause === 'object' && cause !== null && 'code' in cause ? cause : error
  ) as PgError;
}

function fromDatabase(error: PgError): AppError | null {
  switch (error.code) {
    case '23505':
      return new AppError('CONFLICT', 'Dữ liệu bị trùng với một bản ghi đã có.', {
        constraint: error.constraint,
      });
    case '23503':
      return new AppError(
        'CONFLICT',
        'Bản ghi đang được dữ liệu khác tham chiếu, hoặc tham chiếu tới bản ghi không tồn tại.',
        {
          constraint: error.constraint,
        },
      );
    case '23514':
    case '23502':
      return new AppError('VALIDATION_ERROR', 'Dữ liệu vi phạm ràng buộc hợp lệ.', {
        constraint: error.constraint,
      });
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return new AppError('VALIDATION_ERROR', 'Giá trị không đúng định dạng.');
    case '40001':
    case '40P01':
      return new AppError('CONFLICT', 'Dữ liệu vừa được người khác thay đổi. Vui lòng thử lại.');
    default:
      return null;
  }
}

function fromFastify(error: FastifyError): AppError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('BAD_REQUEST', 'Thiếu nội dung JSON trong yêu cầu.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('BAD_REQUEST', 'Nội dung JSON không hợp lệ.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('BAD_REQUEST', 'Độ dài nội dung không hợp lệ.');
    default:
      break;
  }
  if (error.statusCode === 429) return new AppError('RATE_LIMITED');
  if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
    return new AppError('BAD_REQUEST', 'Nội dung JSON không hợp lệ.');
  }
  return null;
}

/** Turns every error into `{ error: { code, message, details } }` with the right 4xx/5xx status. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let appError: AppError | null = null;
    if (error instanceof AppError) appError = error;
    else if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((issue) => ({
        path: [
          error.validationContext,
          ...(issue.instancePath ? issue.instancePath.split('/').filter(Boolean) : []),
        ].join('.'),
        message: issue.message,
      }));
      appError = new AppError(
        'VALIDATION_ERROR',
        `Dữ liệu không hợp lệ: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
        details,
      );
    } else if (isResponseSerializationError(error)) {
      request.log.error(
        { err: error, issues: error.cause.issues },
        'response does not match its schema',
      );
    } else {
      appError = fromFastify(error) ?? fromDatabase(pgErrorOf(error));
      if (!appError && /timeout exceeded when trying to connect/i.test(error.message ?? '')) {
        appError = new AppError(
          'SERVICE_UNAVAILABLE',
          'Cơ sở dữ liệu đang bận. Vui lòng thử lại sau giây lát.',
        );
      }
      if (!appError && error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        appError = new AppError('BAD_REQUEST', error.message);
      }
    }
    if (!appError) {
      request.log.error({ err: error }, 'unhandled error');
      appError = new AppError('INTERNAL_ERROR');
    } else if (appError.status >= 500) {
      request.log.error({ err: error }, appError.code);
    }
    if (appError.code === 'RATE_LIMITED' || appError.code === 'ACCOUNT_LOCKED') {
      const until = (appError.details as { lockedUntil?: string } | undefined)?.lockedUntil;
      const seconds = until
        ? Math.max(1, Math.ceil((Date.parse(until) - request.server.deps.now().getTime()) / 1000))
        : Number(reply.getHeader('retry-after') ?? 60);
      reply.header('retry-after', String(seconds));
    }
    return reply.status(appError.status).send(appError.toBody());
  });

  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = {
      error: { code: 'ROUTE_NOT_FOUND', message: ERROR_CODES.ROUTE_NOT_FOUND.message },
    };
    return reply.status(404).send(body);
  });
}
