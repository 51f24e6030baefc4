import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { DomainError, FieldError } from '@comptoir/platform/kernel';
import {
  pgColumn,
  pgConstraint,
  pgErrorCode,
  PG_NOT_NULL_VIOLATION,
  PG_FOREIGN_KEY_VIOLATION,
  PG_INVALID_TEXT_REPRESENTATION,
  PG_NUMERIC_OUT_OF_RANGE,
  PG_STRING_TOO_LONG,
  PG_UNIQUE_VIOLATION,
  PG_CHARACTER_NOT_IN_REPERTOIRE,
  PG_UNTRANSLATABLE_CHARACTER,
} from '@comptoir/platform/database';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: FieldError[];
}

/** Unique constraints that a client can trip, named after the field at fault. */
const UNIQUE_FIELDS: Record<string, { field: string; message: string }> = {};

export function registerUniqueConstraint(constraint: string, field: string, message: string): void {
  UNIQUE_FIELDS[constraint] = { field, message };
}

/**
 * Turns every error into an RFC 9457 problem document with a stable code. Database and framework
 * messages never reach the client; unknown errors are logged and answered as a bare 500.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const response = ctx.getResponse<Response>();
    const request = ctx.getRequest<Request & { id?: string }>();
    const problem = this.toProblem(exception);
    if (problem.status >= 500) this.logger.error({ err: exception, requestId: request.id }, 'unhandled error');
    if (response.headersSent) return;
    response
      .status(problem.status)
      .type('application/problem+json')
      .send({
        type: `https://comptoir.dev/problems/${problem.code}`,
        title: TITLES[problem.status] ?? 'Error',
        status: problem.status,
        detail: problem.detail,
        code: problem.code,
        ...(problem.errors?.length ? { errors: problem.errors } : {}),
        ...(request.id ? { requestId: String(request.id) } : {}),
      });
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof DomainError) {
      return { status: exception.status, code: exception.code, detail: exception.message, errors: exception.errors };
    }
    if (exception instanceof ThrottlerException) {
      return { status: 429, code: 'rate_limited', detail: 'Too many requests, slow down' };
    }
    if (exception instanceof HttpException) return this.fromHttpException(exception);
    const pg = pgErrorCode(exception);
    if (pg === PG_UNIQUE_VIOLATION) {
      const known = UNIQUE_FIELDS[pgConstraint(exception) ?? ''];
      return {
        status: 409,
        code: 'already_exists',
        detail: known?.message ?? 'A record with the same unique value already exists',
        errors: known ? [{ path: known.field, message: known.message }] : [],
      };
    }
    if (pg === PG_NOT_NULL_VIOLATION) {
      // A DTO let an explicit null through (`@IsOptional()` admits null) for a column that needs a value.
      const field = (pgColumn(exception) ?? 'body').replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
      return { status: 400, code: 'validation_failed', detail: 'A required value is missing', errors: [{ path: field, message: `${field} must not be null` }] };
    }
    if (pg === PG_FOREIGN_KEY_VIOLATION) return { status: 422, code: 'invalid_reference', detail: 'A referenced record does not exist' };
    if (pg === PG_INVALID_TEXT_REPRESENTATION || pg === PG_NUMERIC_OUT_OF_RANGE || pg === PG_STRING_TOO_LONG) {
      return { status: 400, code: 'validation_failed', detail: 'A value has the wrong format or size' };
    }
    if (pg === PG_CHARACTER_NOT_IN_REPERTOIRE || pg === PG_UNTRANSLATABLE_CHARACTER) {
      return { status: 400, code: 'validation_failed', detail: 'A value holds characters that cannot be stored' };
    }
    return this.fromBodyParser(exception) ?? { status: 500, code: 'internal_error', detail: 'An unexpected error occurred' };
  }

  /** Errors of the JSON body parser (http-errors with a `type`): the client's fault, never a 500. */
  private fromBodyParser(exception: unknown): Problem | null {
    const e = exception as { type?: unknown; status?: unknown; expose?: unknown } | null;
    if (!e || typeof e.type !== 'string' || typeof e.status !== 'number' || e.status < 400 || e.status >= 500 || e.expose !== true) return null;
    const known: Record<string, Problem> = {
      'entity.parse.failed': { status: 400, code: 'malformed_json', detail: 'The body is not valid JSON' },
      'entity.too.large': { status: 413, code: 'payload_too_large', detail: 'The body is too large' },
      'charset.unsupported': { status: 415, code: 'unsupported_media_type', detail: 'The body must be UTF-8 JSON' },
      'encoding.unsupported': { status: 415, code: 'unsupported_media_type', detail: 'The body uses an unsupported content encoding' },
    };
    return known[e.type] ?? { status: e.status, code: e.status === 413 ? 'payload_too_large' : e.status === 415 ? 'unsupported_media_type' : 'malformed_request', detail: 'The request body cannot be read' };
  }

  private fromHttpException(exception: HttpException): Problem {
    const status = exception.getStatus();
    const body = exception.getResponse() as { code?: string; message?: unknown; errors?: FieldError[] } | string;
    if (typeof body === 'object' && body.code) {
      return { status, code: body.code, detail: String(body.message ?? exception.message), errors: body.errors };
    }
    const codes: Record<number, string> = {
      [HttpStatus.BAD_REQUEST]: 'validation_failed',
      [HttpStatus.UNAUTHORIZED]: 'unauthenticated',
      [HttpStatus.FORBIDDEN]: 'forbidden',
      [HttpStatus.NOT_FOUND]: 'not_found',
      [HttpStatus.METHOD_NOT_ALLOWED]: 'method_not_allowed',
      [HttpStatus.PAYLOAD_TOO_LARGE]: 'payload_too_large',
      [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'unsupported_media_type',
    };
    const detail = status === 404 ? 'No such resource' : exception.message;
    return { status, code: codes[status] ?? (status >= 500 ? 'internal_error' : 'http_error'), detail };
  }
}
