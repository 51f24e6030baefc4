import type { DocumentSnapshot } from '@comptoir/billing';
import type { EInvoiceSnapshotSection } from '../completeness/einvoice-section';

type Snapshot = DocumentSnapshot;

/** An address as a snapshot holds it (the company's, the document's billing or delivery address). */
export type SealedAddress = NonNullable<Snapshot['buyer']['address']>;

export type SealedLine = Pick<
  Snapshot['lines'][number],
  'kind' | 'reference' | 'description' | 'quantity' | 'unit' | 'unitPrice' | 'discountPercent' | 'vatRate' | 'vatCategory' | 'vatExemptionReason' | 'net' | 'depositInvoiceId'
>;

/**
 * The fields of a validated document's sealed snapshot (billing's DocumentSnapshot, plus `einvoice`)
 * that the e-invoice is written from. Picked from billing's type, so a field renamed there fails to
 * compile here instead of reading undefined from a sealed invoice.
 */
export interface SealedSnapshot extends Pick<Snapshot, 'id' | 'kind' | 'number' | 'date' | 'dueDate' | 'deliveryDate' | 'currency' | 'deliveryAddress' | 'deliveryAttention' | 'totals' | 'schedule' | 'earlyPaymentDiscount'> {
  seller: Pick<Snapshot['seller'], 'name' | 'legalForm' | 'shareCapital' | 'siren' | 'rcs' | 'address'> & { establishment: Pick<Snapshot['seller']['establishment'], 'siret'> };
  buyer: Pick<Snapshot['buyer'], 'name' | 'siren' | 'siret' | 'email' | 'phone' | 'address'> & { contact: Pick<NonNullable<Snapshot['buyer']['contact']>, 'name' | 'email'> | null };
  lines: SealedLine[];
  legal: Pick<Snapshot['legal'], 'vatOnDebits'>;
  einvoice?: EInvoiceSnapshotSection;
}
