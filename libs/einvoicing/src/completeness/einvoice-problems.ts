import { Dec, FieldError } from '@comptoir/platform/kernel';
import type { VatCategoryCode } from '@comptoir/billing-engine';
import type { BillingSnapshotView, SnapshotAddress } from './billing-snapshot-view';
import type { EInvoiceSnapshotSection } from './einvoice-section';
import { electronicAddressProblem } from './electronic-address';

/** What the rules need besides the snapshot and its section: the raw payment data the means were built from. */
export interface CompletenessFacts {
  /** The company is under the franchise en base (art. 293 B): it has no VAT number to state. */
  vatFranchise: boolean;
  /** The company's bank account IBAN (transfers are paid to it). */
  companyIban: string | null;
  /** The company's SEPA creditor identifier (ICS). */
  creditorId: string | null;
  /** The buyer's active mandate reference (RUM). */
  mandateReference: string | null;
}

export interface CompletenessInput {
  snapshot: BillingSnapshotView;
  section: Omit<EInvoiceSnapshotSection, 'warnings'>;
  facts: CompletenessFacts;
}

const SIREN = /^\d{9}$/;
/** BR-FR-01/02: the invoice number. */
const INVOICE_NUMBER = /^[A-Za-z0-9+\-_/]{1,35}$/;
/** Categories without VAT charged, whose reason must be stated (BR-E-10, BR-AE-10, BR-IC-10, BR-G-10, BR-O-10). */
const EXEMPT: ReadonlySet<VatCategoryCode> = new Set<VatCategoryCode>(['E', 'AE', 'K', 'G', 'O']);
/** BR-FR-16: the VAT rates French e-invoices may carry (mainland, Corsica and overseas departments), as numbers. */
const FRENCH_VAT_RATES = new Set(['0', '0.9', '1.05', '1.75', '2.1', '5.5', '7', '8.5', '9.2', '9.6', '10', '13', '19.6', '20', '20.6']);
/** Categories where the buyer owes the VAT or receives an exempt intra-EU supply: its VAT number is required (BR-AE-02, BR-IC-02). */
const BUYER_VAT_NUMBER_NEEDED: ReadonlySet<VatCategoryCode> = new Set<VatCategoryCode>(['AE', 'K']);

/**
 * Everything an e-invoice of this document would lack, field by field (EN 16931 and the French rules
 * BR-FR, MENTIONS.md): refused at validation when the document is in the reform's scope, kept as
 * warnings otherwise. Pure: reads only its input.
 */
export function einvoiceProblems({ snapshot, section, facts }: CompletenessInput): FieldError[] {
  return [...sellerProblems(snapshot, section, facts), ...buyerProblems(snapshot, section), ...vatProblems(snapshot, section), ...paymentProblems(snapshot, section, facts), ...documentProblems(snapshot, section)];
}

function sellerProblems(snapshot: BillingSnapshotView, section: CompletenessInput['section'], facts: CompletenessFacts): FieldError[] {
  const errors: FieldError[] = [];
  if (!SIREN.test(snapshot.seller.siren ?? '')) errors.push({ path: 'seller.siren', message: "The company's SIREN must be 9 digits (BR-FR-10)" });
  if (!section.seller.vatNumber && !facts.vatFranchise) errors.push({ path: 'seller.vatNumber', message: 'The company has no VAT number (required unless it is under the franchise en base, art. 293 B du CGI)' });
  if (!section.seller.electronicAddress) errors.push({ path: 'seller.electronicAddress', message: 'The company has no electronic address: set it in the e-invoicing settings' });
  else {
    const problem = electronicAddressProblem(section.seller.electronicAddress);
    if (problem) errors.push({ path: 'seller.electronicAddress', message: `The company's electronic address ${problem}` });
  }
  errors.push(...addressProblems('seller.address', snapshot.seller.address, "The company's address"));
  return errors;
}

function buyerProblems(snapshot: BillingSnapshotView, section: CompletenessInput['section']): FieldError[] {
  const errors: FieldError[] = [];
  const siren = snapshot.buyer.siren;
  if (section.flow === 'B2B' && !SIREN.test(siren ?? '')) errors.push({ path: 'buyer.siren', message: "The customer's SIREN (9 digits) is required on an invoice to a French business (BR-FR-11)" });
  const address = section.buyer.electronicAddress;
  if (section.flow !== 'B2C') {
    if (!address) errors.push({ path: 'buyer.electronicAddress', message: 'The customer has no electronic address and no SIREN to route the invoice to' });
    else {
      const problem = electronicAddressProblem(address);
      if (problem) errors.push({ path: 'buyer.electronicAddress', message: `The customer's electronic address ${problem}` });
      else if (section.flow === 'B2B' && siren && (address.scheme !== '0225' || !address.value.startsWith(siren)))
        errors.push({ path: 'buyer.electronicAddress', message: `The customer's electronic address must be in the directory (scheme 0225) and start with its SIREN ${siren} (BR-FR-21)` });
    }
  }
  errors.push(...addressProblems('buyer.address', snapshot.buyer.address, "The customer's billing address"));
  return errors;
}

/** Every taxed amount: item lines, their other taxes, shipping; with the path that names it. */
interface TaxedAmount {
  path: string;
  category: VatCategoryCode;
  rate: string;
  reason: string | null;
}

function taxedAmounts(snapshot: BillingSnapshotView): TaxedAmount[] {
  const out: TaxedAmount[] = [];
  const reasonOf = (category: VatCategoryCode) => snapshot.totals.vat.find((g) => g.category === category && g.exemptionReason?.trim())?.exemptionReason ?? null;
  snapshot.lines.forEach((line, i) => {
    if (line.kind !== 'item') return;
    out.push({ path: `lines[${i}]`, category: line.vatCategory, rate: line.vatRate, reason: line.vatExemptionReason });
    // A tax besides VAT has no reason of its own: it is stated by its category's VAT breakdown (BT-120).
    (line.otherTaxes ?? []).forEach((tax, t) => {
      const category = tax.vatCategory ?? 'S';
      out.push({ path: `lines[${i}].otherTaxes[${t}]`, category, rate: tax.vatRate, reason: reasonOf(category) });
    });
  });
  if (snapshot.shipping) {
    const category = snapshot.shipping.vatCategory ?? 'S';
    out.push({ path: 'shipping', category, rate: snapshot.shipping.vatRate, reason: reasonOf(category) });
  }
  return out;
}

function vatProblems(snapshot: BillingSnapshotView, section: CompletenessInput['section']): FieldError[] {
  const errors: FieldError[] = [];
  const taxed = taxedAmounts(snapshot);
  for (const { path, category, rate, reason } of taxed) {
    if (!FRENCH_VAT_RATES.has(new Dec(rate).toString())) errors.push({ path: `${path}.vatRate`, message: `The VAT rate ${rate} % is not a French rate (BR-FR-16)` });
    if (EXEMPT.has(category) && !reason?.trim()) errors.push({ path: `${path}.vatExemptionReason`, message: `VAT category ${category} needs an exemption reason (the legal ground, e.g. « Autoliquidation »)` });
  }
  const categories = new Set(taxed.map((t) => t.category));
  if ([...categories].some((c) => BUYER_VAT_NUMBER_NEEDED.has(c)) && !section.buyer.vatNumber)
    errors.push({ path: 'buyer.vatNumber', message: "The customer's VAT number is required for reverse charge (AE) and intra-EU supplies (K)" });
  if (categories.has('K') && !snapshot.deliveryDate) errors.push({ path: 'deliveryDate', message: 'An intra-EU supply (K) needs its delivery date (BR-IC-11)' });
  return errors;
}

function paymentProblems(snapshot: BillingSnapshotView, section: CompletenessInput['section'], facts: CompletenessFacts): FieldError[] {
  const errors: FieldError[] = [];
  if (snapshot.paymentMethod === 'transfer' && !facts.companyIban) errors.push({ path: 'paymentMeans.iban', message: 'Payment by transfer needs the company bank account (IBAN): add one in the bank settings' });
  if (snapshot.paymentMethod === 'direct_debit') {
    if (!facts.mandateReference) errors.push({ path: 'paymentMeans.mandateReference', message: 'Payment by direct debit needs an active SEPA mandate (RUM) of the customer' });
    if (!facts.creditorId) errors.push({ path: 'paymentMeans.creditorId', message: 'Payment by direct debit needs the company SEPA creditor identifier (ICS)' });
  }
  if (!section.notes.PMD.trim()) errors.push({ path: 'notes.PMD', message: 'The late-payment penalty wording is empty (BR-FR-05): set it in the billing settings' });
  if (!section.notes.AAB.trim()) errors.push({ path: 'notes.AAB', message: 'The early-payment discount wording is empty (BR-FR-05): set it in the billing settings' });
  return errors;
}

function documentProblems(snapshot: BillingSnapshotView, section: CompletenessInput['section']): FieldError[] {
  const errors: FieldError[] = [];
  if (snapshot.number !== null && !INVOICE_NUMBER.test(snapshot.number))
    errors.push({ path: 'number', message: `The number ${snapshot.number} must be at most 35 letters, digits or + - _ / (BR-FR-01, BR-FR-02): change the numbering pattern` });
  if (snapshot.currency !== 'EUR') errors.push({ path: 'currency', message: `An e-invoice in ${snapshot.currency} must also state its VAT in euros (BR-FR-CO-12), which is not supported yet: invoice in EUR` });
  if (snapshot.dueDate !== null && snapshot.dueDate < snapshot.date) errors.push({ path: 'dueDate', message: `The due date ${snapshot.dueDate} is before the invoice date ${snapshot.date} (BR-FR-CO-07)` });
  if (snapshot.kind === 'credit_note' && !section.precedingInvoices.length) errors.push({ path: 'precedingInvoice', message: 'A credit note must reference the invoice it corrects' });
  return errors;
}

function addressProblems(path: string, address: SnapshotAddress | null, what: string): FieldError[] {
  const missing = (['line1', 'postalCode', 'city', 'country'] as const).filter((field) => !address?.[field]?.trim());
  return missing.map((field) => ({ path: `${path}.${field}`, message: `${what} has no ${FIELD_NAMES[field]}` }));
}

const FIELD_NAMES = { line1: 'street line', postalCode: 'postal code', city: 'city', country: 'country' } as const;
