import type { BillingSnapshotView } from './billing-snapshot-view';

export const ADDRESS = { line1: '1 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR' };

/**
 * The completeness code's view of a sealed invoice: a domestic B2B services invoice, one line at 20 %,
 * paid by transfer. The seller has no VAT number of its own here, so the company's one applies.
 */
export function snapshot(overrides: Partial<BillingSnapshotView> = {}, legal: Partial<BillingSnapshotView['legal']> = {}): BillingSnapshotView {
  return {
    id: 'doc-1',
    type: 'invoice',
    kind: 'invoice',
    number: 'F2026-00001',
    date: '2026-11-24',
    dueDate: null,
    deliveryDate: null,
    currency: 'EUR',
    seller: { siren: '123456789', vatNumber: null, address: ADDRESS },
    buyer: { accountId: 'acc-1', kind: 'company', siren: '987654321', siret: null, vatNumber: null, address: ADDRESS },
    lines: [{ kind: 'item', vatRate: '20.00', vatCategory: 'S', vatExemptionReason: null, otherTaxes: [], depositInvoiceId: null }],
    shipping: null,
    totals: { vat: [{ category: 'S', rate: '20.00', base: '100.00', amount: '20.00', exemptionReason: null }] } as BillingSnapshotView['totals'],
    paymentMethod: 'transfer',
    earlyPaymentDiscount: null,
    legal: { buyerIsBusiness: true, operationCategory: 'services', latePenaltyText: 'Pénalités : 3 fois le taux légal', earlyPaymentText: '', vatOnDebits: false, precedingInvoice: null, ...legal },
    ...overrides,
  };
}
