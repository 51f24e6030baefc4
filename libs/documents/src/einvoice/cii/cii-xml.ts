import type { EInvoiceProfile } from '../einvoice.model';

/** The CII namespaces, declared once on the root element. */
export const CII_NAMESPACES = {
  '@xmlns:rsm': 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  '@xmlns:ram': 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  '@xmlns:qdt': 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100',
  '@xmlns:udt': 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
} as const;

/**
 * BT-24 specification identifier per profile. EXTENDED-CTC-FR is the French CTC extension of EN 16931
 * (AFNOR XP Z12-012); its schematron does not test the value, the identifier is the one XP Z12-012 gives
 * (same `urn.cpro.gouv.fr:1p0:` namespace as the CDAR lifecycle messages' guideline ids).
 */
export const CII_GUIDELINES: Record<EInvoiceProfile, string> = {
  EN16931: 'urn:cen.eu:en16931:2017',
  'EXTENDED-CTC-FR': 'urn:cen.eu:en16931:2017#conformant#urn.cpro.gouv.fr:1p0:extended-ctc-fr',
};

/** An xmlbuilder2 element tree: keys are element names ('@x' attributes, '#' text); null/undefined keys are left out. */
export type XmlNode = { [name: string]: XmlNode | XmlNode[] | string | null | undefined };

/** "2026-11-24" → udt:DateTimeString format 102 (CCYYMMDD). */
export function udtDate(isoDate: string): XmlNode {
  return { 'udt:DateTimeString': { '@format': '102', '#': compactDate(isoDate) } };
}

/** A date without time (BT-7 tax point date): udt:DateString format 102. */
export function udtDateOnly(isoDate: string): XmlNode {
  return { 'udt:DateString': { '@format': '102', '#': compactDate(isoDate) } };
}

/** Same for the qualified data type (referenced documents' issue dates). */
export function qdtDate(isoDate: string): XmlNode {
  return { 'qdt:DateTimeString': { '@format': '102', '#': compactDate(isoDate) } };
}

function compactDate(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new Error(`not an ISO calendar date: ${isoDate}`);
  return isoDate.replaceAll('-', '');
}

/** A text element with an optional scheme attribute. */
export function withScheme(value: string, scheme: string | null | undefined): XmlNode {
  return scheme ? { '@schemeID': scheme, '#': value } : { '#': value };
}

export function indicator(value: boolean): XmlNode {
  return { 'udt:Indicator': value ? 'true' : 'false' };
}

/** Drops null/undefined entries so optional elements are simply absent. */
export function present<T>(values: (T | null | undefined)[]): T[] {
  return values.filter((value): value is T => value !== null && value !== undefined);
}
