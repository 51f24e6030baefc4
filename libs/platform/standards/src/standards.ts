import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The official artefacts (XSDs, schematrons, test vectors) live outside the repository, in
 * `../shared/standards` or wherever COMPTOIR_STANDARDS_DIR points; they are never copied in. Suites
 * that need them skip with a message when a stranger's clone does not have them (CI always does).
 */
export const STANDARDS_DIR = process.env['COMPTOIR_STANDARDS_DIR'] ?? resolve(__dirname, '../../../../../shared/standards');

/** The absolute path of a standards file, or null when it is absent. */
export function standardsFile(...parts: string[]): string | null {
  const path = join(STANDARDS_DIR, ...parts);
  return existsSync(path) ? path : null;
}

/** A describe title that says why the suite is skipped when the artefact is missing. */
export function standardsSuiteTitle(title: string, path: string | null, ...parts: string[]): string {
  return path ? title : `${title} (SKIPPED: ${join(STANDARDS_DIR, ...parts)} is missing; set COMPTOIR_STANDARDS_DIR)`;
}
