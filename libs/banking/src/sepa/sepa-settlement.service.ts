import { Injectable } from '@nestjs/common';
import { ConflictError, Dec, NotFoundError, TenantContext, toDecimalString, ValidationFailedError } from '@comptoir/platform/kernel';
import { TenantDb, TenantTx } from '@comptoir/platform/database';
import { companyCalendar } from '@comptoir/org';
import { InvoiceCollectionFlags, PaymentService } from '@comptoir/billing';
import { RejectSepaItemDto } from './sepa-batch.dto';
import { SepaBatchEntity } from './sepa-batch.entity';
import { SepaBatchItemEntity } from './sepa-batch-item.entity';

export const SEPA_BATCH_SETTLED = 'banking.sepa_batch.settled';
export const SEPA_ITEM_REJECTED = 'banking.sepa_item.rejected';

/**
 * What happens after the file went to the bank: the settlement (one direct_debit payment per debit,
 * allocated to its invoice through billing's PaymentService) and rejects (the payment cancelled if it
 * was recorded, the invoice open again and collectable).
 */
@Injectable()
export class SepaSettlementService {
  constructor(
    private readonly db: TenantDb,
    private readonly payments: PaymentService,
    private readonly flags: InvoiceCollectionFlags,
  ) {}

  settle(ctx: TenantContext, batchId: string, date: string, actorId: string | null): Promise<SepaBatchEntity> {
    return this.db.transaction(ctx, async (tx) => {
      const batch = await lockBatch(tx, batchId);
      if (batch.status === 'settled') throw new ConflictError('sepa_batch_settled', `Batch ${batch.messageId} was already settled on ${batch.settledOn}`);
      if (date < batch.collectionDate) throw new ValidationFailedError([{ path: 'date', message: `date must be on or after the collection date ${batch.collectionDate}` }]);
      const items = (await itemsOf(tx, batchId)).filter((i) => i.status === 'pending');
      const balances = await balancesOf(tx, items.map((i) => i.invoiceId));
      for (const item of items) {
        // Paid meanwhile by other means: the money collected beyond the balance stays as customer credit.
        const allocated = Dec.min(new Dec(item.amount), Dec.max(new Dec(balances.get(item.invoiceId) ?? '0'), 0));
        const payment = await this.payments.record(
          tx,
          {
            accountId: item.accountId,
            date,
            method: 'direct_debit',
            amount: item.amount,
            bankAccountId: batch.creditorBankAccountId,
            reference: `${batch.messageId} ${item.endToEndId}`.slice(0, 140),
            externalRef: `sepa:${item.id}`,
            allocations: allocated.gt(0) ? [{ invoiceId: item.invoiceId, amount: toDecimalString(allocated) }] : [],
          },
          actorId,
        );
        await tx.manager.update(SepaBatchItemEntity, { id: item.id, companyId: tx.ctx.companyId }, { status: 'settled', paymentId: payment.id });
      }
      await this.flags.clearPending(tx, items.map((i) => i.invoiceId));
      Object.assign(batch, { status: 'settled', settledOn: date });
      await tx.manager.update(SepaBatchEntity, { id: batch.id, companyId: tx.ctx.companyId }, { status: 'settled', settledOn: date });
      tx.audit({ entity: 'sepa_batch', entityId: batch.id, action: 'settle', changes: { status: { from: 'generated', to: 'settled' }, settledOn: { from: null, to: date } } });
      tx.emit({ name: SEPA_BATCH_SETTLED, aggregateType: 'sepa_batch', aggregateId: batch.id, payload: { settledOn: date, count: items.length } });
      return batch;
    });
  }

  /**
   * A debit the bank returned: its payment (if the batch was settled) is cancelled on the reject date,
   * the invoice leaves "collection pending". A rejected first collection does not count in the
   * mandate's history, so the next one is FRST again.
   */
  reject(ctx: TenantContext, batchId: string, input: RejectSepaItemDto, actorId: string | null): Promise<SepaBatchItemEntity> {
    return this.db.transaction(ctx, async (tx) => {
      await lockBatch(tx, batchId);
      const item = (await itemsOf(tx, batchId)).find((i) => i.invoiceId === input.invoiceId);
      if (!item) throw new ValidationFailedError([{ path: 'invoiceId', message: `Invoice ${input.invoiceId} is not in this batch` }]);
      if (item.status === 'rejected') throw new ConflictError('sepa_item_rejected', `The debit of invoice ${item.invoiceNumber} was already rejected on ${item.rejectedOn}`);
      const date = input.date ?? (await companyCalendar(tx)).today;
      const reason = `Rejet SEPA ${input.reason}`.slice(0, 300);
      if (item.paymentId) await this.payments.cancel(tx, item.paymentId, { date, reason }, actorId);
      await this.flags.clearPending(tx, [item.invoiceId]);
      if (item.sequenceType === 'FRST') {
        await tx.manager.query(`UPDATE mandates SET collection_count = GREATEST(collection_count - 1, 0), updated_at = now() WHERE company_id = $1 AND id = $2`, [tx.ctx.companyId, item.mandateId]);
      }
      Object.assign(item, { status: 'rejected', rejectedOn: date, rejectReason: input.reason });
      await tx.manager.update(SepaBatchItemEntity, { id: item.id, companyId: tx.ctx.companyId }, { status: 'rejected', rejectedOn: date, rejectReason: input.reason });
      tx.audit({ entity: 'sepa_batch', entityId: batchId, action: 'reject', changes: { [`items.${item.invoiceNumber}`]: { from: item.paymentId ? 'settled' : 'pending', to: 'rejected' } } });
      tx.emit({ name: SEPA_ITEM_REJECTED, aggregateType: 'sepa_batch', aggregateId: batchId, payload: { invoiceId: item.invoiceId, reason: input.reason, date } });
      return item;
    });
  }
}

async function lockBatch(tx: TenantTx, id: string): Promise<SepaBatchEntity> {
  const batch = await tx.repo(SepaBatchEntity, 'SEPA batch').query('b').andWhere('b.id = :id', { id }).setLock('pessimistic_write').getOne();
  if (!batch) throw new NotFoundError('SEPA batch');
  return batch;
}

export function itemsOf(tx: TenantTx, batchId: string): Promise<SepaBatchItemEntity[]> {
  return tx.repo(SepaBatchItemEntity, 'SEPA batch item').query('i').andWhere('i.batchId = :batchId', { batchId }).orderBy('i.endToEndId').addOrderBy('i.id').getMany();
}

async function balancesOf(tx: TenantTx, invoiceIds: string[]): Promise<Map<string, string>> {
  if (!invoiceIds.length) return new Map();
  const rows = (await tx.manager.query(`SELECT id, balance_due::text AS balance FROM sales_documents WHERE company_id = $1 AND id = ANY($2::uuid[])`, [tx.ctx.companyId, invoiceIds])) as { id: string; balance: string | null }[];
  return new Map(rows.map((r) => [r.id, r.balance ?? '0']));
}
