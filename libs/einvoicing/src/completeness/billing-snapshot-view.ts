import type { DocumentSnapshot } from '@comptoir/billing';

type Snapshot = DocumentSnapshot;

/** Each part of it may be missing or null: the rules name the part. */
type Checked<T> = { [K in keyof T]?: T[K] | null };

/** An address as a snapshot holds it. */
export type SnapshotAddress = Checked<NonNullable<Snapshot['buyer']['address']>>;

/**
 * The fields of the billing snapshot that the e-invoice section and its completeness rules read,
 * picked from billing's DocumentSnapshot (a field renamed there fails to compile here).
 */
export interface BillingSnapshotView extends Pick<Snapshot, 'id' | 'type' | 'kind' | 'number' | 'date' | 'dueDate' | 'deliveryDate' | 'currency' | 'shipping' | 'totals' | 'paymentMethod' | 'earlyPaymentDiscount' | 'legal'> {
  seller: Pick<Snapshot['seller'], 'vatNumber'> & { siren: Snapshot['seller']['siren'] | null; address: SnapshotAddress | null };
  buyer: Pick<Snapshot['buyer'], 'accountId' | 'kind' | 'siren' | 'siret' | 'vatNumber'> & { address: SnapshotAddress | null };
  lines: Pick<Snapshot['lines'][number], 'kind' | 'vatRate' | 'vatCategory' | 'vatExemptionReason' | 'otherTaxes' | 'depositInvoiceId'>[];
}

export const asBillingSnapshot = (snapshot: Record<string, unknown>): BillingSnapshotView => snapshot as unknown as BillingSnapshotView;
