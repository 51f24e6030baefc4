import type { DocumentTotals, EarlyPaymentDiscount, ScheduledInstallment, VatCategoryCode } from '@comptoir/billing-engine';
import type { EInvoiceSnapshotSection } from '../completeness/einvoice-section';

export interface SealedAddress {
  line1?: string | null;
  line2?: string | null;
  postalCode?: string | null;
  city?: string | null;
  country?: string | null;
}

export interface SealedLine {
  kind: string;
  reference: string | null;
  description: string;
  quantity: string;
  unit: string | null;
  unitPrice: string;
  discountPercent: string | null;
  vatRate: string;
  vatCategory: VatCategoryCode;
  vatExemptionReason: string | null;
  net: string;
  depositInvoiceId: string | null;
}

/**
 * The fields of a validated document's sealed snapshot (billing's buildSnapshot, plus `einvoice`) that
 * the e-invoice is written from: a typed view of the same plain JSON.
 */
export interface SealedSnapshot {
  id: string;
  kind: 'invoice' | 'deposit' | 'credit_note' | null;
  number: string | null;
  date: string;
  dueDate: string | null;
  deliveryDate: string | null;
  currency: string;
  seller: {
    name: string;
    legalForm: string | null;
    shareCapital: string | null;
    siren: string | null;
    rcs: string | null;
    address: SealedAddress | null;
    establishment: { siret: string | null };
  };
  buyer: {
    name: string;
    siren: string | null;
    siret: string | null;
    email: string | null;
    phone: string | null;
    address: SealedAddress | null;
    contact: { name: string; email: string | null } | null;
  };
  deliveryAddress: SealedAddress | null;
  deliveryAttention: string | null;
  lines: SealedLine[];
  totals: DocumentTotals;
  schedule: ScheduledInstallment[];
  earlyPaymentDiscount: EarlyPaymentDiscount | null;
  legal: { vatOnDebits: boolean };
  einvoice?: EInvoiceSnapshotSection;
}
