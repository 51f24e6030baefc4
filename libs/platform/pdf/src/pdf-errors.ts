import { DomainError } from '@comptoir/platform/kernel';

/** The renderer cannot take the work now (queue full, shutting down): a 503 the client may retry. */
export class ServiceUnavailableError extends DomainError {
  constructor(code: string, message: string) {
    super(code, 503, message);
  }
}
