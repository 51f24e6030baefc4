import { BusinessRuleError, ConflictError } from '@comptoir/platform/kernel';
import { TenantTx } from '@comptoir/platform/database';
import { depositDeductionLines } from '../deposits/deposit-lines';
import { CONVERSIONS, DocumentStatus, DocumentType } from './document-kinds';
import { copyLine, LineValues } from './document-lines';
import { documentLines, LoadedDocument } from './document-store';

/** The source status after a conversion: a quote is accepted, an order or delivery note invoiced. */
export function statusAfterConversion(from: DocumentType, to: DocumentType): DocumentStatus | null {
  if (from === 'quote') return 'done';
  return to === 'invoice' ? 'done' : null;
}

/** Only validated documents (or done ones, e.g. an order delivered in several notes) are converted, along the arrows of the chain. */
export function assertConvertible(source: LoadedDocument, to: DocumentType): void {
  const { doc } = source;
  if (!CONVERSIONS[doc.type].includes(to)) {
    throw new BusinessRuleError('conversion_not_allowed', `A ${doc.type} converts to ${CONVERSIONS[doc.type].join(' or ') || 'nothing'}, not to ${to}`, [{ path: 'to', message: `must be one of: ${CONVERSIONS[doc.type].join(', ')}` }]);
  }
  if (doc.status !== 'validated' && doc.status !== 'done') throw new ConflictError('document_not_validated', `Only a validated ${doc.type} can be converted (this one is ${doc.status})`);
}

/**
 * The lines of the converted document, each pointing at its source line, then (an invoice) the deposit
 * deductions (DOMAIN §4: the final invoice deducts the deposit invoices drawn on the chain).
 */
export async function conversionLines(tx: TenantTx, source: LoadedDocument, to: DocumentType): Promise<LineValues[]> {
  const sold = await soldLines(tx, source, to);
  return to === 'invoice' ? [...sold, ...(await depositDeductionLines(tx, source.doc, sold))] : sold;
}

/**
 * The source's lines copied. A delivery note has no prices of its own: an invoice made from it takes
 * them from the order lines it was delivered from.
 */
async function soldLines(tx: TenantTx, source: LoadedDocument, to: DocumentType): Promise<LineValues[]> {
  const copies = source.lines.map((l) => copyLine(l));
  if (source.doc.type !== 'delivery_note' || to !== 'invoice') return copies;
  const orderLineIds = source.lines.map((l) => l.sourceLineId).filter((id): id is string => id !== null);
  if (!orderLineIds.length) return copies;
  const orderLines = await documentLines(tx)
    .query('l')
    .innerJoin('sales_documents', 'o', `o.id = l.document_id AND o.company_id = l.company_id AND o.type = 'order'`)
    .andWhere('l.id IN (:...ids)', { ids: orderLineIds })
    .getMany();
  const byId = new Map(orderLines.map((l) => [l.id, l]));
  return source.lines.map((l, i) => {
    const order = l.sourceLineId ? byId.get(l.sourceLineId) : undefined;
    if (!order) return copies[i]!;
    const { unitPrice, discountPercent, vatRate, vatCategory, vatExemptionReason, otherTaxes } = order;
    return { ...copies[i]!, unitPrice, discountPercent, vatRate, vatCategory, vatExemptionReason, otherTaxes };
  });
}
