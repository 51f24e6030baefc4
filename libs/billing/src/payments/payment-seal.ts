import { Injectable } from '@nestjs/common';
import { SealSource } from '@comptoir/ledger-lock';
import { TenantTx } from '@comptoir/platform/database';
import { toDecimalString } from '@comptoir/platform/kernel';

/** The columns a payment's seal covers: everything but its cancellation and its live unallocated credit. */
export interface SealedPaymentFields {
  id: string;
  accountId: string;
  direction: string;
  date: string;
  method: string;
  amount: string;
  currency: string;
  bankAccountId: string | null;
  reference: string | null;
  note: string | null;
  externalRef: string | null;
}

/** Canonical payload of a recorded payment (amounts with 2 decimals, whatever scale they were typed with). */
export function paymentPayload(p: SealedPaymentFields): Record<string, unknown> {
  return {
    id: p.id,
    accountId: p.accountId,
    direction: p.direction,
    date: p.date,
    method: p.method,
    amount: toDecimalString(p.amount),
    currency: p.currency,
    bankAccountId: p.bankAccountId,
    reference: p.reference,
    note: p.note,
    externalRef: p.externalRef,
  };
}

export interface ReversalRow {
  id: string;
  reversesId: string;
  sourceId: string;
  targetId: string;
  amount: string;
}

/** Canonical payload of a cancellation: the payment, when and why, and the reversing allocations it wrote (by id). */
export function cancellationPayload(paymentId: string, cancelledOn: string, reason: string, reversals: ReversalRow[]): Record<string, unknown> {
  return {
    paymentId,
    status: 'cancelled',
    cancelledOn,
    reason,
    reversals: [...reversals]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((r) => ({ id: r.id, reversesId: r.reversesId, sourceId: r.sourceId, targetId: r.targetId, amount: toDecimalString(r.amount) })),
  };
}

const PAYMENT_COLUMNS = `id, account_id AS "accountId", direction, date::text AS date, method, amount::text AS amount, currency, bank_account_id AS "bankAccountId",
  reference, note, external_ref AS "externalRef", status, cancelled_on::text AS "cancelledOn", cancel_reason AS "cancelReason"`;

/** What /ledger/verify recomputes for a sealed payment: its row as stored now. */
@Injectable()
export class PaymentSealSource implements SealSource {
  readonly recordType = 'payment';

  async currentPayloads(tx: TenantTx, recordIds: string[]): Promise<Map<string, Record<string, unknown>>> {
    const rows = (await tx.manager.query(`SELECT ${PAYMENT_COLUMNS} FROM payments WHERE company_id = $1 AND id = ANY($2::uuid[])`, [tx.ctx.companyId, recordIds])) as SealedPaymentFields[];
    return new Map(rows.map((row) => [row.id, paymentPayload(row)]));
  }
}

/**
 * What /ledger/verify recomputes for a sealed cancellation (record id = the payment's): its status,
 * date and reason, and its reversing allocations. A payment put back to `recorded` past the trigger, or
 * a reversal edited or deleted, no longer matches.
 */
@Injectable()
export class PaymentCancellationSealSource implements SealSource {
  readonly recordType = 'payment_cancellation';

  async currentPayloads(tx: TenantTx, recordIds: string[]): Promise<Map<string, Record<string, unknown>>> {
    const payments = (await tx.manager.query(`SELECT ${PAYMENT_COLUMNS} FROM payments WHERE company_id = $1 AND id = ANY($2::uuid[])`, [tx.ctx.companyId, recordIds])) as {
      id: string;
      status: string;
      cancelledOn: string | null;
      cancelReason: string | null;
    }[];
    const reversals = await reversalsOf(tx, recordIds);
    return new Map(
      payments.map((p) => [
        p.id,
        { ...cancellationPayload(p.id, p.cancelledOn ?? '', p.cancelReason ?? '', reversals.get(p.id) ?? []), status: p.status },
      ]),
    );
  }
}

/** The reversing allocations that touch each of the given payments (as source, or as the refund they funded). */
export async function reversalsOf(tx: TenantTx, paymentIds: string[]): Promise<Map<string, ReversalRow[]>> {
  const rows = (await tx.manager.query(
    `SELECT r.id, r.reverses_id AS "reversesId", r.source_id AS "sourceId", r.target_id AS "targetId", r.amount::text AS amount, p.id AS "paymentId"
       FROM unnest($2::uuid[]) AS p(id)
       JOIN payment_allocations r ON r.company_id = $1 AND r.reverses_id IS NOT NULL AND (r.source_id = p.id OR r.target_id = p.id)`,
    [tx.ctx.companyId, paymentIds],
  )) as (ReversalRow & { paymentId: string })[];
  const out = new Map<string, ReversalRow[]>();
  for (const { paymentId, ...row } of rows) out.set(paymentId, [...(out.get(paymentId) ?? []), row]);
  return out;
}
