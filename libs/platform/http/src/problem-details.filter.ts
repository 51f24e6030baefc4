import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { DomainError, FieldError } from '@comptoir/platform/kernel';
import {
  pgConstraint,
  pgErrorCode,
  PG_FOREIGN_KEY_VIOLATION,
  PG_INVALID_TEXT_REPRESENTATION,
  PG_NUMERIC_OUT_OF_RANGE,
  PG_STRING_TOO_LONG,
  PG_UNIQUE_VIOLATION,
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
    if (pg === PG_FOREIGN_KEY_VIOLATION) return { status: 422, code: 'invalid_reference', detail: 'A referenced record does not exist' };
    if (pg === PG_INVALID_TEXT_REPRESENTATION || pg === PG_NUMERIC_OUT_OF_RANGE || pg === PG_STRING_TOO_LONG) {
      return { status: 400, code: 'validation_failed', detail: 'A value has the wrong format or size' };
    }
    const bodyParserType = (exception as { type?: string })?.type;
    if (bodyParserType === 'entity.parse.failed') return { status: 400, code: 'malformed_json', detail: 'The body is not valid JSON' };
    if (bodyParserType === 'entity.too.large') return { status: 413, code: 'payload_too_large', detail: 'The body is too large' };
    return { status: 500, code: 'internal_error', detail: 'An unexpected error occurred' };
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
