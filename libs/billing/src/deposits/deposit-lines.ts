import { Dec } from '@comptoir/platform/kernel';
import { TenantTx } from '@comptoir/platform/database';
import { copyLine, type LineValues } from '../document/document-lines';
import { documentLines } from '../document/document-store';
import { totalsOf } from '../document/document-totals';
import type { SalesDocumentLineEntity } from '../document/sales-document-line.entity';
import type { SalesDocumentEntity } from '../document/sales-document.entity';
import { DepositDrawn, depositsDrawn } from './deposit-holdings';
import type { DepositShare } from './deposit-split';

const SOURCE_LABEL: Record<string, string> = { order: 'commande', quote: 'devis' };

/** "24/11/2026" from an ISO calendar date. */
const frenchDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');

/** A free item line (no product), amounts as given. */
function freeLine(values: Pick<LineValues, 'description' | 'quantity' | 'unitPrice' | 'vatRate' | 'vatCategory' | 'vatExemptionReason' | 'depositInvoiceId'>): LineValues {
  return {
    kind: 'item',
    productId: null,
    productType: null,
    reference: null,
    unit: null,
    discountPercent: null,
    otherTaxes: [],
    availabilityDate: null,
    net: '0.00',
    sourceLineId: null,
    ...values,
  };
}

/** The lines of a deposit invoice: one per VAT group of the source, quantity 1 at that group's net. */
export function depositInvoiceLines(source: SalesDocumentEntity, shares: DepositShare[]): LineValues[] {
  const label = `Acompte sur ${SOURCE_LABEL[source.type] ?? source.type} n° ${source.number ?? ''} du ${frenchDate(source.date)}`.trim();
  return shares.map((share) =>
    freeLine({
      description: shares.length > 1 ? `${label} — TVA ${share.rate.replace(/\.?0+$/, '').replace('.', ',')} %` : label,
      quantity: '1',
      unitPrice: share.net,
      vatRate: share.rate,
      vatCategory: share.category,
      vatExemptionReason: share.exemptionReason,
      depositInvoiceId: null,
    }),
  );
}

/**
 * What an invoice converted from an order, a quote or a delivery note deducts: the validated deposit
 * invoices drawn on its chain (the source and the documents it came from) that no other invoice
 * deducts yet, oldest first, each whole and as many as the invoice can absorb without its gross going
 * below zero (an order invoiced delivery by delivery deducts its deposits on the first invoices). Each
 * deposit line becomes a line negated by its quantity — −1 at the same (positive, EN 16931 BR-27) unit
 * price, VAT rate and category — so that the deposit's VAT is not reported twice, pointing at its
 * deposit invoice.
 */
export async function depositDeductionLines(tx: TenantTx, source: SalesDocumentEntity, sold: LineValues[]): Promise<LineValues[]> {
  const deposits = (await depositsDrawn(tx, source.id)).filter((d) => !d.deducted);
  if (!deposits.length) return [];
  const lines = await documentLines(tx)
    .query('l')
    .andWhere(`l.documentId = ANY(:ids) AND l.kind = 'item'`, { ids: deposits.map((d) => d.id) })
    .orderBy('l.position')
    .getMany();
  const deducted: LineValues[] = [];
  for (const deposit of deposits) {
    const own = lines.filter((line) => line.documentId === deposit.id).map((line) => deductionOf(line, deposit));
    const after = [...sold, ...deducted, ...own];
    if (new Dec(totalsOf(source, after as SalesDocumentLineEntity[]).gross).isNegative()) break;
    deducted.push(...own);
  }
  return deducted;
}

function deductionOf(line: SalesDocumentLineEntity, deposit: DepositDrawn): LineValues {
  return freeLine({
    description: `Acompte n° ${deposit.number} du ${frenchDate(deposit.date)}`,
    quantity: '-1',
    unitPrice: line.unitPrice,
    vatRate: line.vatRate,
    vatCategory: line.vatCategory,
    vatExemptionReason: line.vatExemptionReason,
    depositInvoiceId: deposit.id,
  });
}

/** A draft's deposit deductions, kept as they are when its other lines are replaced (PATCH `lines`). */
export function keptDepositDeductions(lines: readonly SalesDocumentLineEntity[]): LineValues[] {
  return lines.filter((line) => line.depositInvoiceId !== null).map((line) => copyLine(line, { sourceLineId: null }));
}
