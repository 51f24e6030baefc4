import { ValidationOptions } from './validation-report';

/** One check of a validation: a file of the standards folder (path relative to it) and how it is run. */
export interface ValidationArtefact {
  name: string;
  kind: 'xsd' | 'schematron';
  path: string;
}

const FNFE = 'facturx/fnfe-france-rfe/FNFE_RFE_INVOICE';

const XSD = {
  facturxEn16931: `${FNFE}/Factur-X/EN16931/1xsd/Factur-X_EN16931.xsd`,
  ciiD22b: `${FNFE}/CII/1xsd-CII_D22B_uncoupled/CrossIndustryInvoice_100pD22B.xsd`,
  ublInvoice: 'en16931-ubl/xsd/maindoc/UBL-Invoice-2.1.xsd',
  ublCreditNote: 'en16931-ubl/xsd/maindoc/UBL-CreditNote-2.1.xsd',
};

const SCHEMATRON = {
  en16931Cii: 'en16931-cii/xslt/EN16931-CII-validation.xslt',
  facturxEn16931: `${FNFE}/Factur-X/EN16931/2xslt/FACTUR-X_EN16931.xslt`,
  extendedCtcFr: `${FNFE}/CII/EXTENDED-CTC-FR/2xslt/EXTENDED-CTC-FR-CII.xslt`,
  // The same BR-FR file sits under CII/EN16931 and CII/EXTENDED-CTC-FR (identical bytes); the Factur-X folder's copy differs.
  brFr: `${FNFE}/CII/EN16931/2xslt/BR-FR-Flux2-Schematron-CII.xslt`,
  en16931Ubl: 'en16931-ubl/xslt/EN16931-UBL-validation.xslt',
};

/** Every file the validator may need: the check endpoint reports 501 when one is absent. */
export const ALL_VALIDATION_ARTEFACTS: readonly string[] = [...Object.values(XSD), ...Object.values(SCHEMATRON)];

/**
 * The checks one document goes through (CONTRACTS §4): the profile's XSD, then its schematrons.
 * For UBL the XSD follows the root element (Invoice-2 or CreditNote-2).
 */
export function validationArtefacts(xml: string, { syntax, profile, frenchRules }: ValidationOptions): ValidationArtefact[] {
  const brFr: ValidationArtefact[] = frenchRules ? [{ name: 'BR-FR Flux 2 (French CTC rules)', kind: 'schematron', path: SCHEMATRON.brFr }] : [];
  if (syntax === 'ubl') {
    const creditNote = rootElementName(xml) === 'CreditNote';
    return [
      { name: creditNote ? 'UBL 2.1 CreditNote XSD' : 'UBL 2.1 Invoice XSD', kind: 'xsd', path: creditNote ? XSD.ublCreditNote : XSD.ublInvoice },
      { name: 'EN 16931 UBL schematron', kind: 'schematron', path: SCHEMATRON.en16931Ubl },
    ];
  }
  if (profile === 'EXTENDED-CTC-FR') {
    return [
      { name: 'CII D22B XSD', kind: 'xsd', path: XSD.ciiD22b },
      { name: 'EXTENDED-CTC-FR schematron', kind: 'schematron', path: SCHEMATRON.extendedCtcFr },
      ...brFr,
    ];
  }
  return [
    { name: 'Factur-X EN16931 XSD', kind: 'xsd', path: XSD.facturxEn16931 },
    { name: 'EN 16931 CII schematron', kind: 'schematron', path: SCHEMATRON.en16931Cii },
    { name: 'Factur-X EN16931 schematron', kind: 'schematron', path: SCHEMATRON.facturxEn16931 },
    ...brFr,
  ];
}

/** The local name of the document element, skipping the prolog, comments and processing instructions. */
function rootElementName(xml: string): string | null {
  const body = xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, '');
  return /<(?:[\w.-]+:)?([\w.-]+)/.exec(body)?.[1] ?? null;
}
