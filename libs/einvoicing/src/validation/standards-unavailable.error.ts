/**
 * The official XSDs / schematrons are not where COMPTOIR_STANDARDS_DIR says: validation cannot run.
 * The check endpoint answers 501 `standards_unavailable` (the deployment lacks an optional part), not 500.
 */
export class StandardsUnavailableError extends Error {
  constructor(readonly missing: string) {
    super(`E-invoice validation artefacts are unavailable: ${missing} is missing (set COMPTOIR_STANDARDS_DIR)`);
    this.name = 'StandardsUnavailableError';
  }
}
