import { DomainError } from '@comptoir/platform/kernel';

/**
 * The official XSDs / schematrons are not where COMPTOIR_STANDARDS_DIR says: validation cannot run.
 * The check endpoint answers 501 `standards_unavailable` (this deployment lacks an optional part), not 500.
 */
export class StandardsUnavailableError extends DomainError {
  constructor(readonly missing: string) {
    super('standards_unavailable', 501, 'E-invoice validation is unavailable: the official XSDs and schematrons are not installed (COMPTOIR_STANDARDS_DIR)');
  }
}
