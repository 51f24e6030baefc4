import { INestApplicationContext } from '@nestjs/common';
import type { PaymentMethod } from '@comptoir/crm';
import { companyCalendar } from '@comptoir/org';
import { TenantDb } from '@comptoir/platform/database';
import { Dec, TenantContext } from '@comptoir/platform/kernel';
import { addDays } from '../common/dates';
import { CreditSettlementService } from './credit-settlement.service';
import { PaymentService } from './payment.service';

export interface PaymentsDemoResult {
  paid: number;
  partiallyPaid: number;
  credit: string;
  cancelled: number;
}

interface OpenInvoice {
  id: string;
  accountId: string;
  date: string;
  balanceDue: string;
}

const METHODS: PaymentMethod[] = ['transfer', 'cheque', 'card', 'transfer', 'direct_debit'];

/**
 * Demo payments over the seeded invoices (after seedBillingDemo, whose credit note is already spent on
 * its invoice): the oldest invoices paid in full about three weeks after their date, the next two half
 * paid, one customer who paid too much (credit kept, part of it applied to another invoice, the rest
 * refunded), and a bounced cheque cancelled; the newest stay unpaid for the aged balance and dunning.
 * Does nothing (null) when the company already has payments.
 */
export async function seedPaymentsDemo(app: INestApplicationContext, ctx: TenantContext): Promise<PaymentsDemoResult | null> {
  const db = app.get(TenantDb);
  const payments = app.get(PaymentService);
  const credits = app.get(CreditSettlementService);
  return db.transaction(ctx, async (tx) => {
    const existing = (await tx.manager.query(`SELECT count(*)::int AS n FROM payments WHERE company_id = $1`, [ctx.companyId])) as { n: number }[];
    if (existing[0]!.n > 0) return null;
    const { today } = await companyCalendar(tx);
    const open = (await tx.manager.query(
      `SELECT id, account_id AS "accountId", date::text AS date, balance_due::text AS "balanceDue" FROM sales_documents
        WHERE company_id = $1 AND type = 'invoice' AND kind = 'invoice' AND status = 'validated' AND balance_due > 0 ORDER BY date, id`,
      [ctx.companyId],
    )) as OpenInvoice[];
    if (open.length < 10) return null;
    const paidOn = (inv: OpenInvoice, days: number) => [addDays(inv.date, days), today].sort()[0]!;
    const pay = (inv: OpenInvoice, amount: string, i: number, extra: { reference?: string; allocated?: string } = {}) =>
      payments.record(
        tx,
        { accountId: inv.accountId, date: paidOn(inv, 18 + (i % 3) * 4), method: METHODS[i % METHODS.length]!, amount, reference: extra.reference ?? `REG-${String(i + 1).padStart(3, '0')}`, allocations: [{ invoiceId: inv.id, amount: extra.allocated ?? amount }] },
        null,
      );
    const result: PaymentsDemoResult = { paid: 0, partiallyPaid: 0, credit: '0.00', cancelled: 0 };

    // The five oldest: paid in full.
    for (let i = 0; i < 5; i++) {
      await pay(open[i]!, open[i]!.balanceDue, i);
      result.paid += 1;
    }
    // The next two: half paid.
    for (let i = 5; i < 7; i++) {
      await pay(open[i]!, new Dec(open[i]!.balanceDue).dividedBy(2).toFixed(2), i);
      result.partiallyPaid += 1;
    }
    // A customer who paid 50 € too much: the credit stays on the payment, 20 € of it is refunded.
    const over = open[7]!;
    const overpaid = await pay(over, new Dec(over.balanceDue).plus(50).toFixed(2), 7, { reference: 'VIR-ARRONDI', allocated: over.balanceDue });
    await credits.refund(tx, { accountId: over.accountId, date: overpaid.date, method: 'transfer', amount: '20.00', reference: 'REMB-001', from: [{ paymentId: overpaid.id, amount: '20.00' }] }, null);
    result.paid += 1;
    result.credit = '30.00';
    // A cheque that bounced: recorded, then cancelled a few days later; the invoice is open again.
    const bounced = open[8]!;
    const cheque = await payments.record(tx, { accountId: bounced.accountId, date: paidOn(bounced, 10), method: 'cheque', amount: bounced.balanceDue, reference: 'CHQ 7781', allocations: [{ invoiceId: bounced.id, amount: bounced.balanceDue }] }, null);
    await payments.cancel(tx, cheque.id, { date: [addDays(cheque.date, 4), today].sort()[0]!, reason: 'Chèque impayé (provision insuffisante)' }, null);
    result.cancelled += 1;
    return result;
  });
}
