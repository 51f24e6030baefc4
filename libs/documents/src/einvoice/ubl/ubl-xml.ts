import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { VatCategoryCode } from '@comptoir/billing-engine';
import type { EInvoiceAddress } from '../einvoice.model';

export const UBL_NAMESPACES = {
  'xmlns:cac': 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  'xmlns:cbc': 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
} as const;

/** A basic component (`cbc:`) with its text; nothing is written for a null or empty value, since UBL has no empty elements. */
export function basic(parent: XMLBuilder, name: string, value: string | null | undefined, attributes?: Record<string, string>): void {
  if (value === null || value === undefined || value === '') return;
  parent.ele(`cbc:${name}`, attributes).txt(value);
}

/** An amount: a decimal string as the model holds it (never a float), with its currency. */
export function amount(parent: XMLBuilder, name: string, value: string, currency: string): void {
  parent.ele(`cbc:${name}`, { currencyID: currency }).txt(value);
}

/** An aggregate component (`cac:`), returned for its children. */
export function aggregate(parent: XMLBuilder, name: string): XMLBuilder {
  return parent.ele(`cac:${name}`);
}

/** An identifier with its scheme (BT-29, BT-30, BT-34…); the scheme attribute is left out when unknown. */
export function identifier(parent: XMLBuilder, name: string, value: string, scheme: string | null): void {
  basic(parent, name, value, scheme ? { schemeID: scheme } : undefined);
}

/**
 * A VAT category (TaxCategory in breakdowns and document allowances, ClassifiedTaxCategory on items).
 * Category O (not subject to VAT) carries no rate (BR-O-05, BR-O-06, BR-O-07, BR-O-08).
 */
export function vatCategory(
  parent: XMLBuilder,
  name: 'TaxCategory' | 'ClassifiedTaxCategory',
  category: VatCategoryCode,
  rate: string,
  exemption: { code: string | null; reason: string | null } = { code: null, reason: null },
): void {
  const node = aggregate(parent, name);
  basic(node, 'ID', category);
  if (category !== 'O') basic(node, 'Percent', rate);
  basic(node, 'TaxExemptionReasonCode', exemption.code);
  basic(node, 'TaxExemptionReason', exemption.reason);
  basic(aggregate(node, 'TaxScheme'), 'ID', 'VAT');
}

/** PostalAddress / DeliveryLocation Address, in the XSD's order (StreetName … PostalZone, then Country). */
export function address(parent: XMLBuilder, name: 'PostalAddress' | 'Address', value: EInvoiceAddress): void {
  const node = aggregate(parent, name);
  basic(node, 'StreetName', value.line1);
  basic(node, 'AdditionalStreetName', value.line2);
  basic(node, 'CityName', value.city);
  basic(node, 'PostalZone', value.postalCode);
  basic(aggregate(node, 'Country'), 'IdentificationCode', value.country);
}

/** InvoicePeriod (BG-14, BG-26). */
export function period(parent: XMLBuilder, value: { start: string; end: string } | null, descriptionCode: string | null = null): void {
  if (!value && !descriptionCode) return;
  const node = aggregate(parent, 'InvoicePeriod');
  basic(node, 'StartDate', value?.start);
  basic(node, 'EndDate', value?.end);
  basic(node, 'DescriptionCode', descriptionCode);
}
