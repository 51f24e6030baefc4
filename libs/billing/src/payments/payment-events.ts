import { TenantTx } from '@comptoir/platform/database';
import { toDecimalString } from '@comptoir/platform/kernel';
import type { RequestedAllocation } from './allocation-rules';
import { PaymentEntity } from './payment.entity';

export type PaymentVerb = 'recorded' | 'allocated' | 'cancelled';

/**
 * `billing.payment.<verb>` through the outbox, aggregate 'payment': the payment's header and the
 * invoices this change allocated to (subscribers read the invoices for their new balance).
 */
export function emitPaymentEvent(tx: TenantTx, verb: PaymentVerb, p: PaymentEntity, allocations: RequestedAllocation[]): void {
  tx.emit({
    name: `billing.payment.${verb}`,
    aggregateType: 'payment',
    aggregateId: p.id,
    payload: {
      payment: {
        id: p.id,
        accountId: p.accountId,
        direction: p.direction,
        date: p.date,
        method: p.method,
        amount: p.amount,
        currency: p.currency,
        unallocated: p.unallocated,
        status: p.status,
        cancelledOn: p.cancelledOn,
        reference: p.reference,
        externalRef: p.externalRef,
      },
      allocations: allocations.map((a) => ({ invoiceId: a.invoiceId, amount: toDecimalString(a.amount) })),
    },
  });
}
