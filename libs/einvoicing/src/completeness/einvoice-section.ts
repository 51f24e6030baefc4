import type { BillingMode, EInvoicePaymentMeans, EInvoiceProfile, ElectronicAddress } from '@comptoir/documents';

/**
 * `snapshot.einvoice`: what an e-invoice needs beyond the billing snapshot, frozen and sealed with it
 * at validation (CONTRACTS §1). The XML is written from the snapshot alone, so anything read from
 * settings, bank accounts or mandates must be copied here.
 */
export interface EInvoiceSnapshotSection {
  version: 1;
  /** The company enabled e-invoicing, the seller is French and the buyer a French business: missing data is refused. */
  inScope: boolean;
  flow: EInvoiceFlow;
  billingMode: BillingMode;
  profile: EInvoiceProfile;
  seller: EInvoiceSectionParty;
  buyer: EInvoiceSectionParty;
  paymentMeans: EInvoicePaymentMeans[];
  /** PMD late-payment penalties, PMT 40 € indemnity (null towards consumers), AAB early-payment terms, TXD tax wording. */
  notes: { PMD: string; PMT: string | null; AAB: string; TXD: string | null };
  /** Credit note → the invoice it corrects; final invoice → the deposit invoices it deducts. */
  precedingInvoices: { id: string; number: string; issueDate: string }[];
  /** What is missing on an out-of-scope document: kept for the record, never refused. */
  warnings: { path: string; message: string }[];
}

/** Business in France → B2B, business abroad → B2BINT, private person → B2C. */
export type EInvoiceFlow = 'B2B' | 'B2BINT' | 'B2C';

export interface EInvoiceSectionParty {
  electronicAddress: ElectronicAddress | null;
  vatNumber: string | null;
  country: string;
}

/** The directory's scheme (annuaire PPF), used when nothing else is said. */
export const DEFAULT_ELECTRONIC_ADDRESS_SCHEME = '0225';
