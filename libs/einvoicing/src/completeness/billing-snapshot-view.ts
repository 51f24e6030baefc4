import type { DocumentTotals, EarlyPaymentDiscount, OtherTaxInput, ShippingInput, VatCategoryCode } from '@comptoir/billing-engine';

export interface SnapshotAddress {
  line1?: string | null;
  line2?: string | null;
  postalCode?: string | null;
  city?: string | null;
  country?: string | null;
}

/**
 * The fields of the billing snapshot (libs/billing document-snapshot.ts buildSnapshot) that the
 * e-invoice section and its completeness rules read: a typed view of the same plain JSON.
 */
export interface BillingSnapshotView {
  id: string;
  type: string;
  kind: 'invoice' | 'deposit' | 'credit_note' | null;
  number: string | null;
  date: string;
  dueDate: string | null;
  deliveryDate: string | null;
  currency: string;
  seller: { siren: string | null; vatNumber: string | null; address: SnapshotAddress | null };
  buyer: { accountId: string; kind: string; siren: string | null; siret: string | null; vatNumber: string | null; address: SnapshotAddress | null };
  lines: { kind: string; vatRate: string; vatCategory: VatCategoryCode; vatExemptionReason: string | null; otherTaxes: OtherTaxInput[]; depositInvoiceId: string | null }[];
  shipping: ShippingInput | null;
  totals: DocumentTotals;
  paymentMethod: string | null;
  earlyPaymentDiscount: EarlyPaymentDiscount | null;
  legal: {
    buyerIsBusiness: boolean;
    operationCategory: 'goods' | 'services' | 'mixed';
    latePenaltyText: string;
    earlyPaymentText: string;
    vatOnDebits: boolean;
    precedingInvoice: { id: string; number: string | null; date: string } | null;
  };
}

export const asBillingSnapshot = (snapshot: Record<string, unknown>): BillingSnapshotView => snapshot as unknown as BillingSnapshotView;
