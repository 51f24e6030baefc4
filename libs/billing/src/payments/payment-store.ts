import { TenantTx } from '@comptoir/platform/database';
import { NotFoundError } from '@comptoir/platform/kernel';
import type { AllocationSource, AllocationTarget } from './payment-allocation.entity';
import { PaymentEntity } from './payment.entity';

export const payments = (tx: TenantTx) => tx.repo(PaymentEntity, 'Payment');

/** The caller's payment or 404 (another tenant's reads as absent); `lock` for any change of it or of its credit. */
export async function loadPayment(tx: TenantTx, id: string, lock = false): Promise<PaymentEntity> {
  const qb = payments(tx).query('p').andWhere('p.id = :id', { id });
  if (lock) qb.setLock('pessimistic_write');
  const payment = await qb.getOne();
  if (!payment) throw new NotFoundError('Payment');
  return payment;
}

export interface LiveAllocation {
  id: string;
  sourceType: AllocationSource;
  sourceId: string;
  targetType: AllocationTarget;
  targetId: string;
  amount: string;
}

/** The allocations of a payment (as source, or as the refund they fund) that no reversal cancelled yet. */
export async function liveAllocations(tx: TenantTx, paymentId: string): Promise<LiveAllocation[]> {
  return (await tx.manager.query(
    `SELECT a.id, a.source_type AS "sourceType", a.source_id AS "sourceId", a.target_type AS "targetType", a.target_id AS "targetId", a.amount::text AS amount
       FROM payment_allocations a
      WHERE a.company_id = $1 AND (a.source_id = $2 OR a.target_id = $2) AND a.reverses_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM payment_allocations r WHERE r.company_id = a.company_id AND r.reverses_id = a.id)
      ORDER BY a.id`,
    [tx.ctx.companyId, paymentId],
  )) as LiveAllocation[];
}
