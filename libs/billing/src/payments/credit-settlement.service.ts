import { Injectable } from '@nestjs/common';
import { TenantTx } from '@comptoir/platform/database';
import { BusinessRuleError, ConflictError, Dec, DomainError, FieldError, ValidationFailedError } from '@comptoir/platform/kernel';
import { allocationProblems, notPayableReason, RequestedAllocation, sumAmounts } from './allocation-rules';
import { emitPaymentEvent } from './payment-events';
import { PaymentEntity } from './payment.entity';
import { PaymentService, RecordPaymentInput, toInvoice } from './payment.service';
import { AllocationRow, SettlementDocument, SettlementLedger } from './settlement-ledger';
import { assertPositive, settlementDate, throwIfProblems } from './settlement-checks';

/**
 * A credit paid back: an outgoing payment with the fields of a recorded one, drawn from credit notes or
 * incoming payments with credit left, adding up to the amount.
 */
export interface RefundInput extends Omit<RecordPaymentInput, 'allocations' | 'externalRef'> {
  from: { creditNoteId?: string; paymentId?: string; amount: string }[];
}

/** Just what a credit note's validation knows of the two documents. */
type Validated = Pick<SettlementDocument, 'id' | 'date' | 'gross'> & { testMode: boolean };

/**
 * What a customer's credit becomes: a credit note spent on invoices (automatically on the invoice it
 * corrects when validated, or later on any open invoice of the customer), or paid back by a refund,
 * an outgoing payment whose allocations come from credit notes and from payments' unallocated credit.
 */
@Injectable()
export class CreditSettlementService {
  constructor(
    private readonly ledger: SettlementLedger,
    private readonly payments: PaymentService,
  ) {}

  /**
   * At the validation of a credit note (both rows locked by it): allocates it to the invoice it
   * corrects, up to that invoice's balance due, dated on the credit note; the rest stays as credit.
   * Written at commit, after the validated row (its gross) and its opened balance. Returns the amount spent.
   */
  allocateAtValidation(tx: TenantTx, creditNote: Validated, invoice: SettlementDocument): Dec {
    if (creditNote.testMode || notPayableReason(invoice, { accountId: invoice.accountId, currency: invoice.currency })) return new Dec(0);
    const amount = Dec.min(creditNote.gross, invoice.balanceDue!);
    if (amount.lte(0)) return new Dec(0);
    this.ledger.applyAtCommit(tx, [{ sourceType: 'credit_note', sourceId: creditNote.id, targetType: 'invoice', targetId: invoice.id, amount: amount.toFixed(2), date: creditNote.date }]);
    return amount;
  }

  /** Spends a validated credit note's remaining credit on open invoices of its customer. */
  async allocate(tx: TenantTx, creditNoteId: string, input: { allocations: RequestedAllocation[]; date?: string }): Promise<void> {
    input.allocations.forEach((a, i) => assertPositive(a.amount, `allocations[${i}].amount`));
    const locked = await this.ledger.lockDocuments(tx, [creditNoteId, ...input.allocations.map((a) => a.invoiceId)]);
    const found = locked.get(creditNoteId);
    if (!found || found.type !== 'invoice' || found.kind !== 'credit_note') throw new DomainError('not_found', 404, 'Credit note not found');
    const creditNote = usableCreditNote(found);
    if (!creditNote) throw new ConflictError('credit_note_not_usable', `This credit note is ${found.testMode ? 'in TEST mode' : found.status}: only a validated credit note gives credit`);
    const date = await settlementDate(tx, input.date, { path: 'date', notBefore: { date: creditNote.date, what: 'the credit note' } });
    locked.delete(creditNoteId);
    throwIfProblems(allocationProblems(input.allocations, locked, { accountId: creditNote.accountId, currency: creditNote.currency, available: creditNote.balanceDue!, sourceLabel: 'credit left on the credit note', path: 'allocations' }));
    await this.ledger.apply(tx, input.allocations.map((a) => toInvoice('credit_note', creditNote.id, a, date)));
    tx.audit({ entity: 'sales_document', entityId: creditNote.id, action: 'allocate', changes: { allocated: { from: null, to: sumAmounts(input.allocations.map((a) => a.amount)) } } });
  }

  /** Records the refund (an outgoing payment, sealed) and spends the credits it pays back. */
  async refund(tx: TenantTx, input: RefundInput, actorId: string | null): Promise<PaymentEntity> {
    assertPositive(input.amount, 'amount');
    input.from.forEach((f, i) => {
      assertPositive(f.amount, `from[${i}].amount`);
      if (!f.creditNoteId === !f.paymentId) throw new ValidationFailedError([{ path: `from[${i}]`, message: 'exactly one of creditNoteId and paymentId' }]);
    });
    const total = sumAmounts(input.from.map((f) => f.amount));
    if (!new Dec(total).eq(input.amount)) {
      throw new BusinessRuleError('refund_not_covered', `The credits add up to ${total}, not the ${new Dec(input.amount).toFixed(2)} refunded`, [{ path: 'from', message: `must add up to the amount ${new Dec(input.amount).toFixed(2)}` }]);
    }
    const date = await settlementDate(tx, input.date, { path: 'date' });
    const paymentIds = input.from.flatMap((f) => (f.paymentId ? [f.paymentId] : []));
    const sources = (await tx.manager.query(
      `SELECT id, account_id AS "accountId", direction, status, date::text AS date, unallocated::text AS unallocated FROM payments
        WHERE company_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
      [tx.ctx.companyId, paymentIds],
    )) as { id: string; accountId: string; direction: string; status: string; date: string; unallocated: string }[];
    const creditNotes = await this.ledger.lockDocuments(tx, input.from.flatMap((f) => (f.creditNoteId ? [f.creditNoteId] : [])));
    const available = new Map<string, { accountId: string; left: Dec; date: string } | null>([
      ...sources.map((p) => [p.id, p.direction === 'in' && p.status === 'recorded' ? { accountId: p.accountId, left: new Dec(p.unallocated), date: p.date } : null] as const),
      ...[...creditNotes.values()].map((d) => [d.id, usableCreditNote(d) ? { accountId: d.accountId, left: new Dec(d.balanceDue!), date: d.date } : null] as const),
    ]);
    const errors: FieldError[] = [];
    let notFound = false;
    input.from.forEach((f, i) => {
      const id = (f.creditNoteId ?? f.paymentId)!;
      const field = f.creditNoteId ? 'creditNoteId' : 'paymentId';
      const source = available.get(id);
      if (!source) {
        notFound ||= !available.has(id);
        errors.push({ path: `from[${i}].${field}`, message: available.has(id) ? `${id} has no credit to refund (cancelled, draft or not a credit)` : `${id} not found` });
      } else if (source.accountId !== input.accountId) errors.push({ path: `from[${i}].${field}`, message: `${id} is another customer's credit` });
      else if (source.date > date) errors.push({ path: `from[${i}].${field}`, message: `${id} is dated after the refund` });
      else {
        source.left = source.left.minus(f.amount);
        if (source.left.lt(0)) errors.push({ path: `from[${i}].amount`, message: `more than the credit left on ${id}` });
      }
    });
    if (errors.length && notFound) throw new DomainError('not_found', 404, 'Credit not found', errors);
    if (errors.length) throw new BusinessRuleError('allocation_exceeds_balance', 'A credit cannot fund this refund', errors);
    const { from, ...fields } = input;
    const { payment } = await this.payments.insertSealed(tx, { ...fields, date, direction: 'out' }, actorId);
    const rows: AllocationRow[] = from.map((f) => ({
      sourceType: f.creditNoteId ? 'credit_note' : 'payment',
      sourceId: (f.creditNoteId ?? f.paymentId)!,
      targetType: 'refund',
      targetId: payment.id,
      amount: new Dec(f.amount).toFixed(2),
      date,
    }));
    await this.ledger.apply(tx, rows);
    tx.audit({ entity: 'payment', entityId: payment.id, action: 'create', changes: { amount: { from: null, to: payment.amount }, direction: { from: null, to: 'out' } } });
    emitPaymentEvent(tx, 'recorded', payment, []);
    return payment;
  }
}

/** A validated credit note (not TEST mode) with its remaining credit, or null. */
function usableCreditNote(doc: SettlementDocument | undefined): SettlementDocument | null {
  if (!doc || doc.type !== 'invoice' || doc.kind !== 'credit_note') return null;
  if ((doc.status !== 'validated' && doc.status !== 'done') || doc.testMode || doc.balanceDue === null) return null;
  return doc;
}
