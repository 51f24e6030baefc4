import { Injectable } from '@nestjs/common';
import type { PaymentMethod } from '@comptoir/crm';
import { SealService } from '@comptoir/ledger-lock';
import { TenantTx } from '@comptoir/platform/database';
import { ConflictError, Dec, DomainError, newId, toDecimalString } from '@comptoir/platform/kernel';
import { allocationProblems, RequestedAllocation, sumAmounts } from './allocation-rules';
import { emitPaymentEvent } from './payment-events';
import { cancellationPayload, paymentPayload, reversalsOf } from './payment-seal';
import { liveAllocations, loadPayment, payments } from './payment-store';
import { PaymentEntity } from './payment.entity';
import { AllocationRow, SettlementLedger } from './settlement-ledger';
import { assertPositive, settlementDate, throwIfProblems } from './settlement-checks';

/** A payment to record (API.md, CONTRACTS.md "Billing payments API"). */
export interface RecordPaymentInput {
  accountId: string;
  date: string;
  method: PaymentMethod;
  amount: string;
  bankAccountId?: string | null;
  reference?: string | null;
  note?: string | null;
  externalRef?: string | null;
  /** Sum ≤ amount; the rest is kept as customer credit. */
  allocations: RequestedAllocation[];
}

/** The fields of a new payments row that the caller decides (direction, what it starts with unallocated). */
export interface NewPayment extends Omit<RecordPaymentInput, 'allocations'> {
  direction: 'in' | 'out';
}

const CURRENCY = 'EUR';

/**
 * Records, applies and cancels payments, each in the caller's transaction: the payment row, its
 * allocations and the balances they move (SettlementLedger), its seal in the ledger chain (kind
 * 'payment'), its event (outbox) and audit entry commit together or not at all.
 */
@Injectable()
export class PaymentService {
  constructor(
    private readonly ledger: SettlementLedger,
    private readonly seals: SealService,
  ) {}

  async record(tx: TenantTx, input: RecordPaymentInput, actorId: string | null): Promise<PaymentEntity> {
    const { payment, created } = await this.insertAndAllocate(tx, input, actorId);
    if (!created) throw new ConflictError('external_ref_exists', `A payment with the external reference ${input.externalRef} is already recorded`, [{ path: 'externalRef', message: 'already recorded' }]);
    return payment;
  }

  /** record, exactly once per provider id: the same externalRef again returns the payment already recorded. */
  recordExternal(tx: TenantTx, input: RecordPaymentInput & { externalRef: string }): Promise<{ payment: PaymentEntity; created: boolean }> {
    return this.insertAndAllocate(tx, input, null);
  }

  /** Spends the customer credit left on an incoming payment on invoices of the same customer. */
  async applyCredit(tx: TenantTx, paymentId: string, input: { allocations: RequestedAllocation[]; date?: string }): Promise<PaymentEntity> {
    const payment = await loadPayment(tx, paymentId, true);
    if (payment.status === 'cancelled') throw paymentCancelled(payment);
    if (payment.direction !== 'in') throw new DomainError('not_found', 404, 'Payment not found');
    input.allocations.forEach((a, i) => assertPositive(a.amount, `allocations[${i}].amount`));
    const date = await settlementDate(tx, input.date, { path: 'date', notBefore: { date: payment.date, what: 'the payment' } });
    const invoices = await this.ledger.lockDocuments(tx, input.allocations.map((a) => a.invoiceId));
    throwIfProblems(allocationProblems(input.allocations, invoices, { accountId: payment.accountId, currency: payment.currency, available: payment.unallocated, sourceLabel: 'customer credit left on the payment', path: 'allocations' }));
    await this.ledger.apply(tx, input.allocations.map((a) => toInvoice('payment', payment.id, a, date)));
    const after = await loadPayment(tx, paymentId);
    tx.audit({ entity: 'payment', entityId: payment.id, action: 'allocate', changes: { unallocated: { from: payment.unallocated, to: after.unallocated } } });
    emitPaymentEvent(tx, 'allocated', after, input.allocations);
    return after;
  }

  /**
   * Cancels a payment (a bounced cheque, a SEPA reject, a refund entered by mistake): reversing
   * allocations dated on the cancellation, so the invoices re-open from that date while reports as of
   * an earlier date still see them paid; the cancellation is sealed. Never deletes anything.
   * (`_actorId` keeps the contract's signature: the audit entry already names the transaction's actor.)
   */
  async cancel(tx: TenantTx, paymentId: string, input: { date: string; reason: string }, _actorId: string | null): Promise<PaymentEntity> {
    const payment = await loadPayment(tx, paymentId, true);
    if (payment.status === 'cancelled') throw paymentCancelled(payment);
    const date = await settlementDate(tx, input.date, { path: 'date', notBefore: { date: payment.date, what: 'the payment' } });
    const live = await liveAllocations(tx, payment.id);
    const refunded = live.filter((a) => a.sourceId === payment.id && a.targetType === 'refund');
    if (refunded.length) throw new ConflictError('payment_refunded', 'Part of this payment was refunded: cancel the refund first', [{ path: 'id', message: `refunded by ${refunded.map((a) => a.targetId).join(', ')}` }]);
    // Lock what the reversals move (sources of a refund, invoices) before recomputing them.
    await tx.manager.query(`SELECT id FROM payments WHERE company_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`, [tx.ctx.companyId, live.filter((a) => a.sourceType === 'payment' && a.sourceId !== payment.id).map((a) => a.sourceId)]);
    await this.ledger.lockDocuments(tx, live.flatMap((a) => [a.sourceType === 'credit_note' ? a.sourceId : null, a.targetType === 'invoice' ? a.targetId : null]).filter((id): id is string => id !== null));
    await tx.manager.query(`UPDATE payments SET status = 'cancelled', cancelled_on = $3, cancel_reason = $4, unallocated = 0 WHERE company_id = $1 AND id = $2`, [tx.ctx.companyId, payment.id, date, input.reason]);
    await this.ledger.apply(
      tx,
      live.map((a) => ({ sourceType: a.sourceType, sourceId: a.sourceId, targetType: a.targetType, targetId: a.targetId, amount: new Dec(a.amount).neg().toFixed(2), date, reversesId: a.id })),
    );
    const reversals = (await reversalsOf(tx, [payment.id])).get(payment.id) ?? [];
    await this.seals.seal(tx, { kind: 'payment', recordType: 'payment_cancellation', recordId: payment.id, recordDate: date, payload: cancellationPayload(payment.id, date, input.reason, reversals) });
    const after = await loadPayment(tx, payment.id);
    tx.audit({ entity: 'payment', entityId: payment.id, action: 'cancel', changes: { status: { from: 'recorded', to: 'cancelled' }, cancelledOn: { from: null, to: date }, cancelReason: { from: null, to: input.reason } } });
    emitPaymentEvent(tx, 'cancelled', after, []);
    return after;
  }

  /**
   * Inserts a payments row (direction in or out) with its seal, for record and for refunds. The insert
   * skips a provider id already recorded (the unique index waits for a concurrent twin to commit), in
   * which case the existing payment comes back with created = false and nothing else is done.
   */
  async insertSealed(tx: TenantTx, input: NewPayment, actorId: string | null): Promise<{ payment: PaymentEntity; created: boolean }> {
    assertPositive(input.amount, 'amount');
    if (input.bankAccountId) await assertOwnBankAccount(tx, input.bankAccountId);
    const account = (await tx.manager.query(`SELECT id FROM accounts WHERE company_id = $1 AND id = $2`, [tx.ctx.companyId, input.accountId])) as unknown[];
    if (!account.length) throw new DomainError('not_found', 404, 'Customer not found', [{ path: 'accountId', message: `Account ${input.accountId} not found` }]);
    const id = newId();
    const amount = toDecimalString(input.amount);
    const inserted = (await tx.manager.query(
      `INSERT INTO payments (id, organization_id, company_id, account_id, direction, date, method, amount, currency, bank_account_id, reference, note, external_ref, unallocated, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (company_id, external_ref) WHERE external_ref IS NOT NULL DO NOTHING RETURNING id`,
      [id, tx.ctx.organizationId, tx.ctx.companyId, input.accountId, input.direction, input.date, input.method, amount, CURRENCY, input.bankAccountId ?? null, input.reference ?? null, input.note ?? null, input.externalRef ?? null, input.direction === 'in' ? amount : '0', actorId],
    )) as unknown[];
    if (!inserted.length) {
      const existing = await payments(tx).query('p').andWhere('p.externalRef = :ref', { ref: input.externalRef }).getOne();
      return { payment: existing!, created: false };
    }
    const payment = await loadPayment(tx, id);
    await this.seals.seal(tx, { kind: 'payment', recordType: 'payment', recordId: id, recordDate: payment.date, payload: paymentPayload(payment) });
    return { payment, created: true };
  }

  private async insertAndAllocate(tx: TenantTx, input: RecordPaymentInput, actorId: string | null): Promise<{ payment: PaymentEntity; created: boolean }> {
    assertPositive(input.amount, 'amount');
    input.allocations.forEach((a, i) => assertPositive(a.amount, `allocations[${i}].amount`));
    const { allocations, ...fields } = input;
    const { payment, created } = await this.insertSealed(tx, { ...fields, direction: 'in' }, actorId);
    // A provider's replay returns what was recorded, whatever its date has become since (a closed period).
    if (!created) return { payment, created };
    await settlementDate(tx, input.date, { path: 'date' });
    const invoices = await this.ledger.lockDocuments(tx, allocations.map((a) => a.invoiceId));
    throwIfProblems(allocationProblems(allocations, invoices, { accountId: payment.accountId, currency: payment.currency, available: payment.amount, sourceLabel: 'the payment', path: 'allocations' }));
    await this.ledger.apply(tx, allocations.map((a) => toInvoice('payment', payment.id, a, payment.date)));
    const after = allocations.length ? await loadPayment(tx, payment.id) : payment;
    tx.audit({ entity: 'payment', entityId: payment.id, action: 'create', changes: { amount: { from: null, to: after.amount }, allocated: { from: null, to: sumAmounts(allocations.map((a) => a.amount)) } } });
    emitPaymentEvent(tx, 'recorded', after, allocations);
    return { payment: after, created: true };
  }
}

/** An allocation row from a source to an invoice. */
export function toInvoice(sourceType: AllocationRow['sourceType'], sourceId: string, a: RequestedAllocation, date: string): AllocationRow {
  return { sourceType, sourceId, targetType: 'invoice', targetId: a.invoiceId, amount: toDecimalString(a.amount), date };
}

export function paymentCancelled(payment: PaymentEntity): ConflictError {
  return new ConflictError('payment_cancelled', `This payment was cancelled on ${payment.cancelledOn}`);
}

/** The company's own bank account (not a customer's, not archived); another tenant's reads as absent. */
async function assertOwnBankAccount(tx: TenantTx, id: string): Promise<void> {
  const rows = (await tx.manager.query(`SELECT 1 FROM bank_accounts WHERE company_id = $1 AND id = $2 AND account_id IS NULL AND archived_at IS NULL`, [tx.ctx.companyId, id])) as unknown[];
  if (!rows.length) throw new DomainError('not_found', 404, 'Bank account not found', [{ path: 'bankAccountId', message: `${id} is not one of the company's bank accounts` }]);
}
