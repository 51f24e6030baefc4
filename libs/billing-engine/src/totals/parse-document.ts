import { Dec, ZERO } from '../decimal';
import { AMOUNT, PERCENT, readArray, readDecimal, readEnum, readObject, readOptionalText, readVatKey } from './read-input';
import { TotalsInputError } from './totals-input-error';
import type { DocumentInput } from './totals.types';
import type { VatKey } from './vat-group';

export interface ParsedOtherTax {
  label: string;
  mode: 'fixed' | 'percent';
  value: Dec;
  vat: VatKey;
}

export interface ParsedItemLine {
  /** Position in the input lines, comment and page-break lines included. */
  index: number;
  quantity: Dec;
  unitPrice: Dec;
  discountPercent: Dec;
  vat: VatKey;
  exemptionReason: string | null;
  otherTaxes: ParsedOtherTax[];
  depositDeduction: boolean;
}

export interface ParsedGeneralDiscount {
  mode: 'percent' | 'amount';
  base: 'net' | 'gross';
  value: Dec;
}

export interface ParsedDocument {
  lineCount: number;
  items: ParsedItemLine[];
  generalDiscount: ParsedGeneralDiscount | null;
  shipping: { amount: Dec; vat: VatKey } | null;
  prepaid: Dec;
}

/**
 * Checks and converts a DocumentInput. It may come from an untyped source (a form, a JSON body), so every
 * field is checked at run time; the first problem throws a TotalsInputError with its path.
 */
export function parseDocument(input: DocumentInput): ParsedDocument {
  const doc = readObject(input, 'document');
  const lines = readArray(doc['lines'], 'lines');
  const items: ParsedItemLine[] = [];
  lines.forEach((line, index) => {
    const item = parseLine(line, `lines[${index}]`, index);
    if (item) items.push(item);
  });
  return {
    lineCount: lines.length,
    items,
    generalDiscount: doc['generalDiscount'] == null ? null : parseGeneralDiscount(readObject(doc['generalDiscount'], 'generalDiscount')),
    shipping: doc['shipping'] == null ? null : parseShipping(readObject(doc['shipping'], 'shipping')),
    prepaid: doc['prepaid'] == null ? ZERO : readDecimal(doc['prepaid'], 'prepaid', AMOUNT),
  };
}

/** Returns null for comment and page-break lines: totals ignore them, whatever else they carry. */
function parseLine(value: unknown, path: string, index: number): ParsedItemLine | null {
  const line = readObject(value, path);
  const kind = readEnum(line['kind'] ?? 'item', ['item', 'comment', 'page_break'], `${path}.kind`);
  if (kind !== 'item') return null;
  const otherTaxes = line['otherTaxes'] == null ? [] : readArray(line['otherTaxes'], `${path}.otherTaxes`);
  return {
    index,
    // Negative quantities are returns and deposit deductions; a negative unit price is not (EN 16931 BR-27).
    quantity: readDecimal(line['quantity'], `${path}.quantity`, { scale: 4 }),
    unitPrice: readDecimal(line['unitPrice'], `${path}.unitPrice`, { scale: 4, nonNegative: true }),
    discountPercent: line['discountPercent'] == null ? ZERO : readDecimal(line['discountPercent'], `${path}.discountPercent`, PERCENT),
    vat: readVatKey(line, path),
    exemptionReason: readOptionalText(line['vatExemptionReason'], `${path}.vatExemptionReason`),
    otherTaxes: otherTaxes.map((tax, i) => parseOtherTax(tax, `${path}.otherTaxes[${i}]`)),
    depositDeduction: line['depositDeduction'] === true,
  };
}

function parseOtherTax(value: unknown, path: string): ParsedOtherTax {
  const tax = readObject(value, path);
  const label = readOptionalText(tax['label'], `${path}.label`);
  if (!label?.trim()) throw new TotalsInputError(`${path}.label`, 'must not be empty');
  const mode = readEnum(tax['mode'], ['fixed', 'percent'], `${path}.mode`);
  // A fixed tax is an amount per unit, priced like a unit price (4 decimals).
  const taxValue = readDecimal(tax['value'], `${path}.value`, mode === 'percent' ? PERCENT : { scale: 4, nonNegative: true });
  return { label, mode, value: taxValue, vat: readVatKey(tax, path) };
}

function parseGeneralDiscount(discount: Record<string, unknown>): ParsedGeneralDiscount {
  const mode = readEnum(discount['mode'], ['percent', 'amount'], 'generalDiscount.mode');
  const base = readEnum(discount['base'], ['net', 'gross'], 'generalDiscount.base');
  const value = readDecimal(discount['value'], 'generalDiscount.value', mode === 'percent' ? PERCENT : AMOUNT);
  return { mode, base, value };
}

function parseShipping(shipping: Record<string, unknown>): { amount: Dec; vat: VatKey } {
  return { amount: readDecimal(shipping['amount'], 'shipping.amount', AMOUNT), vat: readVatKey(shipping, 'shipping') };
}
