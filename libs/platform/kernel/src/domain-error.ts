/** A field at fault in a request, reported to the client as `errors[]` of the problem document. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * Base class for every error a use case can raise on purpose. It carries the stable `code` and the HTTP
 * status the problem+json filter maps it to, so domain code never imports HTTP classes.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string) {
    super('not_found', 404, `${entity} not found`);
  }
}

export class ValidationFailedError extends DomainError {
  constructor(errors: FieldError[], message = 'The request is invalid') {
    super('validation_failed', 400, message, errors);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, errors: FieldError[] = []) {
    super(code, 409, message, errors);
  }
}

export class BusinessRuleError extends DomainError {
  constructor(code: string, message: string, errors: FieldError[] = []) {
    super(code, 422, message, errors);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Authentication is required') {
    super('unauthenticated', 401, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this') {
    super('forbidden', 403, message);
  }
}
