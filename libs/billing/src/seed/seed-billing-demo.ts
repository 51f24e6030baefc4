import { INestApplicationContext } from '@nestjs/common';
import { TenantContext } from '@comptoir/platform/kernel';
import { TenantDb } from '@comptoir/platform/database';
import { companyCalendar } from '@comptoir/org';
import { addDays } from '../common/dates';
import { DocumentLineInputDto } from '../document/dto/document-parts.dto';
import { DocumentType } from '../document/document-kinds';
import { DocumentValidationService } from '../document/document-validation.service';
import { SalesDocumentService } from '../document/sales-document.service';

export interface BillingDemoInput {
  /** Customers to bill, in the order they are used (at least one). */
  customerIds: string[];
  /** Catalog products by reference (seedCatalogDemo's productIds); free lines are used when empty. */
  productIds?: Record<string, string>;
}

export interface BillingDemoResult {
  quotes: number;
  orders: number;
  deliveryNotes: number;
  invoices: number;
  creditNotes: number;
}

const FREE_LINES: DocumentLineInputDto[] = [
  { description: 'Heure de ménage', quantity: '3', unit: 'hour', unitPrice: '28.0000', vatRate: '20.00' },
  { description: 'Entretien chaudière', quantity: '1', unit: 'piece', unitPrice: '129.0000', vatRate: '10.00' },
  { description: 'Déplacement', quantity: '1', unit: 'piece', unitPrice: '35.0000', vatRate: '20.00' },
  { description: 'Produits d’entretien', quantity: '2', unit: 'piece', unitPrice: '12.5000', vatRate: '5.50' },
];

/**
 * Demo sales documents for one company, through the same use cases as the API: three months of
 * validated invoices (numbered in date order), a partial credit note, quotes in every status (draft,
 * validated, refused, accepted and converted to an order, then a delivery note), and drafts. Does
 * nothing (returns null) when the company already has documents.
 */
export async function seedBillingDemo(app: INestApplicationContext, ctx: TenantContext, input: BillingDemoInput): Promise<BillingDemoResult | null> {
  const db = app.get(TenantDb);
  const documents = app.get(SalesDocumentService);
  const validation = app.get(DocumentValidationService);
  const { today, existing } = await db.transaction(ctx, async (tx) => ({
    today: (await companyCalendar(tx)).today,
    existing: ((await tx.manager.query(`SELECT count(*)::int AS n FROM sales_documents WHERE company_id = $1`, [ctx.companyId])) as { n: number }[])[0]!.n,
  }));
  if (existing > 0 || !input.customerIds.length) return null;

  const products = Object.values(input.productIds ?? {});
  const linesFor = (i: number): DocumentLineInputDto[] => {
    const count = 1 + (i % 3);
    return Array.from({ length: count }, (_, k) =>
      products.length ? { productId: products[(i * 3 + k * 5) % products.length]!, quantity: String(1 + ((i + k) % 4)) } : FREE_LINES[(i + k) % FREE_LINES.length]!,
    );
  };
  const customer = (i: number) => input.customerIds[i % input.customerIds.length]!;
  const create = (type: DocumentType, i: number, date: string, extra: object = {}) =>
    documents.create(ctx, type, { accountId: customer(i), date, lines: linesFor(i), ...extra });
  const result: BillingDemoResult = { quotes: 0, orders: 0, deliveryNotes: 0, invoices: 0, creditNotes: 0 };

  // Three months of invoices, validated in date order (numbers follow dates).
  const invoiceIds: string[] = [];
  for (let i = 0; i < 14; i++) {
    const { doc } = await create('invoice', i, addDays(today, -88 + i * 6), {
      title: i % 4 === 0 ? 'Entretien mensuel' : null,
      generalDiscount: i % 5 === 2 ? { mode: 'percent', base: 'net', value: '5' } : undefined,
      shipping: i % 6 === 3 ? { amount: '9.90', vatRate: '20.00' } : undefined,
      paymentTerms: i % 3 === 0 ? [{ percent: '100', kind: 'payment', rule: { type: 'days_end_of_month', days: 30 } }] : undefined,
    });
    await validation.validate(ctx, 'invoice', doc.id);
    invoiceIds.push(doc.id);
    result.invoices += 1;
  }

  // Quotes over the last weeks: validated ones, one refused, one accepted and carried down the chain.
  const quoteIds: string[] = [];
  for (let i = 0; i < 4; i++) {
    const { doc } = await create('quote', i + 20, addDays(today, -20 + i * 5), { title: ['Rénovation cuisine', 'Contrat d’entretien', 'Nettoyage de fin de chantier', 'Maintenance annuelle'][i] });
    await validation.validate(ctx, 'quote', doc.id);
    quoteIds.push(doc.id);
    result.quotes += 1;
  }
  await documents.refuse(ctx, quoteIds[1]!);

  // Converted today: quote → order → delivery note; the credit note is dated today too.
  const order = await documents.convert(ctx, 'quote', quoteIds[3]!, 'order');
  await validation.validate(ctx, 'order', order.doc.id);
  const note = await documents.convert(ctx, 'order', order.doc.id, 'delivery_note');
  await validation.validate(ctx, 'delivery_note', note.doc.id);
  result.orders += 1;
  result.deliveryNotes += 1;

  const credited = await documents.get(ctx, 'invoice', invoiceIds[invoiceIds.length - 2]!);
  const firstItem = credited.lines.find((l) => l.kind === 'item')!;
  const credit = await documents.creditNote(ctx, credited.doc.id, { lines: [{ sourceLineId: firstItem.id, quantity: '1' }] });
  await validation.validate(ctx, 'invoice', credit.doc.id);
  result.creditNotes += 1;

  // Work in progress: draft quotes and invoices.
  for (let i = 0; i < 2; i++) {
    await create('quote', i + 30, today, { title: 'Devis en préparation' });
    await create('invoice', i + 40, today);
    result.quotes += 1;
    result.invoices += 1;
  }
  return result;
}
