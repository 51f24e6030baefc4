/** The shapes of CONTRACTS §4: what a validation of one e-invoice XML reports. */
export type EInvoiceSyntax = 'cii' | 'ubl';
export type EInvoiceValidationProfile = 'EN16931' | 'EXTENDED-CTC-FR';

export interface ValidationIssue {
  /** The rule id (BR-CO-15, BR-FR-05, …) or `xsd` for a schema error. */
  id: string;
  /** Schematron flag; an assertion without one is fatal (EN 16931 convention). XSD errors are fatal. */
  flag: 'fatal' | 'warning' | 'information';
  /** XPath of the offending node (schematron) or `line N` (XSD). */
  location: string;
  message: string;
  /** The schematron test that failed. */
  test?: string;
}

export interface ValidationCheck {
  name: string;
  kind: 'xsd' | 'schematron';
  /** Path relative to the standards folder. */
  artefact: string;
  fatal: number;
  warnings: number;
  issues: ValidationIssue[];
  /** Time this check took (not part of CONTRACTS §4's first draft: additive, for the bench and the report view). */
  durationMs: number;
}

export interface ValidationReport {
  /** No fatal issue in any check. */
  valid: boolean;
  syntax: EInvoiceSyntax;
  profile: string;
  checks: ValidationCheck[];
  durationMs: number;
}

export interface ValidationOptions {
  syntax: EInvoiceSyntax;
  profile: EInvoiceValidationProfile;
  /** The BR-FR "Flux 2" rules: for domestic B2B e-invoices (snapshot einvoice.flow 'B2B'). */
  frenchRules: boolean;
}
