import { Inject, Injectable, Optional } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as SaxonJS from 'saxon-js';
import { validateAgainstXsd } from '@comptoir/platform/standards';
import { compiledStylesheet, DEFAULT_SEF_CACHE_DIR } from './compiled-stylesheets';
import { StandardsUnavailableError } from './standards-unavailable.error';
import { svrlIssues } from './svrl';
import { ALL_VALIDATION_ARTEFACTS, ValidationArtefact, validationArtefacts } from './validation-artefacts';
import { ValidationCheck, ValidationIssue, ValidationOptions, ValidationReport } from './validation-report';

/** The folder of the official artefacts (AppConfig.standardsDir, COMPTOIR_STANDARDS_DIR). */
export const EINVOICE_STANDARDS_DIR = Symbol('EINVOICE_STANDARDS_DIR');
/** Where compiled schematrons are kept; the OS temp folder unless given (the bench measures a cold compile). */
export const EINVOICE_SEF_CACHE_DIR = Symbol('EINVOICE_SEF_CACHE_DIR');

/**
 * Validates an e-invoice XML against the official XSD and schematrons (CONTRACTS §4), all in this
 * process: the XSD with xmllint-wasm, the schematrons with SaxonJS from SEFs compiled once
 * (see compiled-stylesheets.ts). The schematrons run one after the other (SaxonJS is synchronous) while
 * the XSD runs in xmllint-wasm's worker thread.
 */
@Injectable()
export class EInvoiceValidator {
  constructor(
    @Inject(EINVOICE_STANDARDS_DIR) private readonly standardsDir: string,
    @Optional() @Inject(EINVOICE_SEF_CACHE_DIR) private readonly sefCacheDir: string = DEFAULT_SEF_CACHE_DIR,
  ) {}

  /** Throws StandardsUnavailableError naming the first artefact missing: the check endpoint's 501. */
  assertAvailable(): void {
    for (const path of ALL_VALIDATION_ARTEFACTS) this.artefactFile(path);
  }

  async validate(xml: string, options: ValidationOptions): Promise<ValidationReport> {
    const started = performance.now();
    const artefacts = validationArtefacts(xml, options).map((artefact) => ({ artefact, file: this.artefactFile(artefact.path) }));
    // First use compiles the missing SEFs in child processes at once: ~10 s in all instead of ~10 s each.
    await Promise.all(artefacts.map(({ artefact, file }) => (artefact.kind === 'schematron' ? compiledStylesheet(file, this.sefCacheDir) : null)));
    // The XSD runs in xmllint-wasm's worker thread while the schematrons run here, one after the other
    // (SaxonJS is synchronous): the two overlap, so an XSD check's duration is wall time, not CPU time.
    const xsdChecks = new Map(artefacts.filter(({ artefact }) => artefact.kind === 'xsd').map((a) => [a, this.timed(a.artefact, () => this.xsdIssues(xml, a.file))] as const));
    // Handled now, awaited later: a failure must not count as an unhandled rejection meanwhile.
    for (const pending of xsdChecks.values()) pending.catch(() => undefined);
    const schematronChecks = new Map<(typeof artefacts)[number], ValidationCheck>();
    for (const a of artefacts) if (a.artefact.kind === 'schematron') schematronChecks.set(a, await this.timed(a.artefact, () => this.schematronIssues(xml, a.file)));
    const checks = await Promise.all(artefacts.map((a) => xsdChecks.get(a) ?? schematronChecks.get(a)!));
    return {
      valid: checks.every((c) => c.fatal === 0),
      syntax: options.syntax,
      profile: options.profile,
      checks,
      durationMs: Math.round(performance.now() - started),
    };
  }

  private async timed(artefact: ValidationArtefact, run: () => Promise<ValidationIssue[]>): Promise<ValidationCheck> {
    const started = performance.now();
    const issues = await run();
    return check(artefact, issues, performance.now() - started);
  }

  private artefactFile(path: string): string {
    const file = join(this.standardsDir, path);
    if (!existsSync(file)) throw new StandardsUnavailableError(file);
    return file;
  }

  private async xsdIssues(xml: string, xsd: string): Promise<ValidationIssue[]> {
    const result = await validateAgainstXsd(xml, xsd);
    return result.errors.map((message) => ({ id: 'xsd', flag: 'fatal', location: xsdLocation(message), message }));
  }

  private async schematronIssues(xml: string, xslt: string): Promise<ValidationIssue[]> {
    const stylesheet = await compiledStylesheet(xslt, this.sefCacheDir);
    let svrl: unknown;
    try {
      svrl = SaxonJS.transform({ stylesheetInternal: stylesheet, sourceText: xml, destination: 'raw' }, 'sync').principalResult;
    } catch (error) {
      // Not well-formed XML (the XSD check says where) or a document the rules cannot even be run on.
      return [{ id: 'xml', flag: 'fatal', location: '/', message: error instanceof Error ? error.message : String(error) }];
    }
    return svrlIssues(svrl);
  }
}

function check(artefact: ValidationArtefact, issues: ValidationIssue[], durationMs: number): ValidationCheck {
  return {
    name: artefact.name,
    kind: artefact.kind,
    artefact: artefact.path,
    fatal: issues.filter((issue) => issue.flag === 'fatal').length,
    warnings: issues.filter((issue) => issue.flag === 'warning').length,
    issues,
    durationMs: Math.round(durationMs),
  };
}

/** xmllint's "file:12: element X: …" message names the line. */
function xsdLocation(message: string): string {
  const line = /:(\d+):/.exec(message)?.[1];
  return line ? `line ${line}` : '/';
}
