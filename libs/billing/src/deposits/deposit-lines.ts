import { TenantTx } from '@comptoir/platform/database';
import { copyLine, type LineValues } from '../document/document-lines';
import { documentLines } from '../document/document-store';
import type { SalesDocumentLineEntity } from '../document/sales-document-line.entity';
import type { SalesDocumentEntity } from '../document/sales-document.entity';
import { depositsDrawn } from './deposit-holdings';
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
 * What the final invoice deducts: for every validated deposit invoice drawn on the source (or on the
 * quote it came from) that no other final invoice deducts yet, each of its lines negated — quantity −1
 * at the same (positive, EN 16931 BR-27) unit price, VAT rate and category — so that the deposit's VAT is
 * not reported twice, each line pointing at its deposit invoice.
 */
export async function depositDeductionLines(tx: TenantTx, sourceId: string): Promise<LineValues[]> {
  const deposits = (await depositsDrawn(tx, sourceId)).filter((d) => !d.deducted);
  if (!deposits.length) return [];
  const byId = new Map(deposits.map((d) => [d.id, d]));
  const lines = await documentLines(tx)
    .query('l')
    .andWhere(`l.documentId = ANY(:ids) AND l.kind = 'item'`, { ids: deposits.map((d) => d.id) })
    .getMany();
  const order = new Map(deposits.map((d, i) => [d.id, i]));
  lines.sort((a, b) => order.get(a.documentId)! - order.get(b.documentId)! || a.position - b.position);
  return lines.map((line) => {
    const deposit = byId.get(line.documentId)!;
    return freeLine({
      description: `Acompte n° ${deposit.number} du ${frenchDate(deposit.date)}`,
      quantity: '-1',
      unitPrice: line.unitPrice,
      vatRate: line.vatRate,
      vatCategory: line.vatCategory,
      vatExemptionReason: line.vatExemptionReason,
      depositInvoiceId: deposit.id,
    });
  });
}

/** A draft's deposit deductions, kept as they are when its other lines are replaced (PATCH `lines`). */
export function keptDepositDeductions(lines: readonly SalesDocumentLineEntity[]): LineValues[] {
  return lines.filter((line) => line.depositInvoiceId !== null).map((line) => copyLine(line, { sourceLineId: null }));
}
