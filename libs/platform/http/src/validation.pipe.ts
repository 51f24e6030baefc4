import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationFailedError } from '@comptoir/platform/kernel';

/** Flattens nested class-validator errors into `lines[2].quantity`-style paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const key = /^\d+$/.test(error.property) ? `[${error.property}]` : error.property;
    const path = parent ? (key.startsWith('[') ? `${parent}${key}` : `${parent}.${key}`) : key;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      path,
      message: message.startsWith(`property ${error.property} should not exist`) ? `${path} is not a known field` : message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

/** Deeper than this, a request body is refused before it is transformed (recursion is not free). */
export const MAX_PAYLOAD_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What no field of any request may hold, whatever its DTO says: NUL characters (PostgreSQL text cannot
 * store them), text that is not well-formed Unicode (lone surrogates, which also crash validators) and
 * nesting deeper than MAX_PAYLOAD_DEPTH. Returns the paths at fault.
 */
export function inspectPayload(value: unknown, path = '', depth = 0): FieldError[] {
  if (typeof value === 'string') {
    const at = path || 'body';
    if (value.includes('\u0000')) return [{ path: at, message: `${at} must not contain NUL characters` }];
    return LONE_SURROGATE.test(value) ? [{ path: at, message: `${at} must be well-formed Unicode text` }] : [];
  }
  if (value === null || typeof value !== 'object') return [];
  if (depth >= MAX_PAYLOAD_DEPTH) return [{ path: path || 'body', message: `${path || 'body'} nests deeper than ${MAX_PAYLOAD_DEPTH} levels` }];
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [`${path}[${i}]`, v]) : Object.entries(value).map(([k, v]) => [path ? `${path}.${k}` : k, v]);
  const errors: FieldError[] = [];
  for (const [childPath, child] of entries) {
    errors.push(...inspectPayload(child, childPath, depth + 1));
    if (errors.length >= 20) break;
  }
  return errors;
}

class ComptoirValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const errors = metadata.type === 'custom' ? [] : inspectPayload(value);
    if (errors.length) throw new ValidationFailedError(errors);
    return super.transform(value, metadata);
  }
}

/**
 * Unknown fields are refused (not silently dropped) so integrators see their typos, and every
 * failing field is named in the problem document.
 */
export function createValidationPipe(): ValidationPipe {
  return new ComptoirValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(flattenValidationErrors(errors)),
  });
}
