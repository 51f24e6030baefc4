import { INestApplicationContext } from '@nestjs/common';
import { Dec, TenantContext } from '@comptoir/platform/kernel';
import { TenantDb } from '@comptoir/platform/database';
import { companyCalendar } from '@comptoir/org';
import { DocumentValidationService } from '../document/document-validation.service';
import { SalesDocumentService } from '../document/sales-document.service';
import { DepositInvoiceService } from './deposit-invoice.service';

/**
 * Demo of deposits, through the same use cases as the API: an order of a kitchen renovation at 20 %
 * and 5.5 % (renovation work), a 30 % deposit received by transfer (deposit invoice, paid), then the
 * final invoice deducting it per VAT rate, validated. Returns the final invoice's id, or null when the
 * company already has deposit invoices.
 */
export async function seedDepositsDemo(app: INestApplicationContext, ctx: TenantContext, customerId: string): Promise<string | null> {
  const db = app.get(TenantDb);
  const documents = app.get(SalesDocumentService);
  const validation = app.get(DocumentValidationService);
  const deposits = app.get(DepositInvoiceService);
  const { today, existing } = await db.transaction(ctx, async (tx) => ({
    today: (await companyCalendar(tx)).today,
    existing: ((await tx.manager.query(`SELECT count(*)::int AS n FROM sales_documents WHERE company_id = $1 AND kind = 'deposit'`, [ctx.companyId])) as { n: number }[])[0]!.n,
  }));
  if (existing > 0) return null;

  const order = await documents.create(ctx, 'order', {
    accountId: customerId,
    // Today: the demo's other orders are numbered up to today, and numbers follow dates.
    date: today,
    title: 'Rénovation de la cuisine',
    earlyPaymentDiscount: { percent: '2.00', withinDays: 10 },
    lines: [
      { description: 'Meubles de cuisine chêne (fourniture)', quantity: '1', unit: 'piece', unitPrice: '2400.0000', vatRate: '20.00' },
      { description: 'Pose et travaux de rénovation', quantity: '16', unit: 'hour', unitPrice: '45.0000', vatRate: '5.50' },
    ],
  });
  await validation.validate(ctx, 'order', order.doc.id);
  const thirtyPercent = new Dec(order.doc.gross).times('0.3').toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2);
  await deposits.recordPayment(ctx, 'order', order.doc.id, { date: today, method: 'transfer', amount: thirtyPercent, reference: 'VIR ACOMPTE CUISINE' });
  const final = await documents.convert(ctx, 'order', order.doc.id, 'invoice');
  await validation.validate(ctx, 'invoice', final.doc.id);
  return final.doc.id;
}
