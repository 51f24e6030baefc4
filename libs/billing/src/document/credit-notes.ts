import { BusinessRuleError, ConflictError, Dec, FieldError, toDecimalString, ValidationFailedError } from '@comptoir/platform/kernel';
import { TenantTx } from '@comptoir/platform/database';
import type { GeneralDiscountInput } from '@comptoir/billing-engine';
import { copyLine, LineValues } from './document-lines';
import { LoadedDocument } from './document-store';
import { totalsOf } from './document-totals';
import { CreditNoteLineDto } from './dto/document-actions.dto';
import { SalesDocumentLineEntity } from './sales-document-line.entity';
import type { SalesDocumentEntity } from './sales-document.entity';

/** What the credit notes of an invoice already cover. */
export interface Credited {
  quantityByLine: Map<string, Dec>;
  gross: Dec;
  shippingCredited: boolean;
}

/**
 * Sums the credit notes of an invoice: drafts too when a new credit note is drawn up (two drafts may
 * not together exceed the invoice), validated ones only when one is validated (drafts may be deleted).
 */
export async function creditedSoFar(tx: TenantTx, invoiceId: string, opts: { includeDrafts: boolean; excludeId?: string }): Promise<Credited> {
  const statuses = opts.includeDrafts ? ['draft', 'validated', 'done'] : ['validated', 'done'];
  const params = [tx.ctx.companyId, invoiceId, statuses, opts.excludeId ?? '00000000-0000-0000-0000-000000000000'];
  const where = `d.company_id = $1 AND d.credited_invoice_id = $2 AND d.kind = 'credit_note' AND d.status = ANY($3::text[]) AND d.id <> $4`;
  const lines = (await tx.manager.query(
    `SELECT l.source_line_id AS id, CAST(sum(l.quantity) AS text) AS quantity FROM sales_document_lines l
     JOIN sales_documents d ON d.id = l.document_id AND d.company_id = l.company_id
     WHERE ${where} AND l.source_line_id IS NOT NULL GROUP BY l.source_line_id`,
    params,
  )) as { id: string; quantity: string }[];
  const [totals] = (await tx.manager.query(
    `SELECT CAST(coalesce(sum(d.gross), 0) AS text) AS gross, coalesce(bool_or(d.shipping IS NOT NULL), false) AS shipping FROM sales_documents d WHERE ${where}`,
    params,
  )) as { gross: string; shipping: boolean }[];
  return { quantityByLine: new Map(lines.map((r) => [r.id, new Dec(r.quantity)])), gross: new Dec(totals!.gross), shippingCredited: totals!.shipping };
}

const exceeds = (message: string, errors: FieldError[] = []) => new BusinessRuleError('credit_exceeds_remaining', message, errors);

/** An invoice that can be credited: a validated (or settled) invoice or deposit invoice. */
export function assertCreditable(invoice: SalesDocumentEntity): void {
  if (invoice.kind === 'credit_note') throw new BusinessRuleError('not_creditable', 'A credit note cannot itself be credited');
  if (invoice.status !== 'validated' && invoice.status !== 'done') throw new ConflictError('document_not_validated', 'Only a validated invoice can be credited');
}

/**
 * The lines and footer of a new credit note: the requested quantities of the invoice's lines, or
 * everything that remains uncredited. Never more than remains, per line and in total.
 */
export function creditNoteDraft(invoice: LoadedDocument, credited: Credited, requested: CreditNoteLineDto[] | undefined): { lines: LineValues[]; generalDiscount: GeneralDiscountInput | null; shipping: SalesDocumentEntity['shipping'] } {
  const items = new Map(invoice.lines.filter((l) => l.kind === 'item').map((l) => [l.id, l]));
  const remaining = (line: SalesDocumentLineEntity) => new Dec(line.quantity).minus(credited.quantityByLine.get(line.id) ?? 0);
  const full = !requested;
  let lines: LineValues[];
  if (full) {
    // Negative lines (a final invoice's deposit deductions) are credited too, or the credit note would exceed the invoice.
    lines = [...items.values()].filter((l) => !remaining(l).isZero()).map((l) => copyLine(l, { quantity: toDecimalString(remaining(l), 4) }));
  } else {
    const wanted = new Map<string, Dec>();
    const errors: FieldError[] = [];
    requested.forEach((r, i) => {
      if (!items.has(r.sourceLineId)) errors.push({ path: `lines[${i}].sourceLineId`, message: 'sourceLineId is not an item line of this invoice' });
      else if (new Dec(r.quantity).lte(0)) errors.push({ path: `lines[${i}].quantity`, message: 'quantity must be greater than 0' });
      else wanted.set(r.sourceLineId, (wanted.get(r.sourceLineId) ?? new Dec(0)).plus(r.quantity));
    });
    if (errors.length) throw new ValidationFailedError(errors);
    const over = requested.flatMap((r, i) => (wanted.get(r.sourceLineId)!.gt(remaining(items.get(r.sourceLineId)!)) ? [{ path: `lines[${i}].quantity`, message: `at most ${toDecimalString(remaining(items.get(r.sourceLineId)!), 4)} remains uncredited on this line` }] : []));
    if (over.length) throw exceeds('The credit note would exceed what remains uncredited on the invoice', over);
    lines = [...wanted.entries()].map(([id, quantity]) => copyLine(items.get(id)!, { quantity: toDecimalString(quantity, 4) }));
  }
  if (!lines.length) throw exceeds('Nothing remains uncredited on this invoice');
  const shipping = full && !credited.shippingCredited ? invoice.doc.shipping : null;
  return { lines, shipping, generalDiscount: creditedDiscount(invoice, lines, full && credited.quantityByLine.size === 0) };
}

/**
 * The invoice's general discount carried to a credit note: a percentage as is; an amount whole on a
 * first full credit note, otherwise pro rata of the credited line nets (so the credit note's totals
 * stay those of the part of the invoice it cancels).
 */
function creditedDiscount(invoice: LoadedDocument, lines: LineValues[], whole: boolean): GeneralDiscountInput | null {
  const discount = invoice.doc.generalDiscount;
  if (!discount || discount.mode === 'percent' || whole) return discount;
  const invoiceNet = new Dec(invoice.doc.totals.lineNetTotal);
  if (invoiceNet.isZero()) return null;
  const creditedNet = new Dec(totalsOf({ generalDiscount: null, shipping: null }, lines as SalesDocumentLineEntity[]).lineNetTotal);
  return { ...discount, value: toDecimalString(new Dec(discount.value).times(creditedNet).dividedBy(invoiceNet), 2) };
}

/** Re-checked at validation, under the invoice's row lock: validated credit notes plus this one stay within the invoice. */
export function assertWithinRemaining(invoice: LoadedDocument, credited: Credited, creditNote: LoadedDocument): void {
  const lines = new Map(invoice.lines.map((l) => [l.id, l]));
  const errors: FieldError[] = [];
  const wanted = new Map<string, Dec>();
  for (const line of creditNote.lines) if (line.sourceLineId) wanted.set(line.sourceLineId, (wanted.get(line.sourceLineId) ?? new Dec(0)).plus(line.quantity));
  for (const [id, quantity] of wanted) {
    const source = lines.get(id);
    const left = source ? new Dec(source.quantity).minus(credited.quantityByLine.get(id) ?? 0) : new Dec(0);
    if (quantity.gt(left)) errors.push({ path: `lines[${creditNote.lines.findIndex((l) => l.sourceLineId === id)}].quantity`, message: `at most ${toDecimalString(Dec.max(left, 0), 4)} remains uncredited on this line` });
  }
  if (errors.length || credited.gross.plus(creditNote.doc.gross).gt(invoice.doc.gross)) {
    throw exceeds('Validating this credit note would exceed what remains uncredited on the invoice', errors);
  }
}

/** The gross of the invoice not yet covered by credit notes (drafts included), checked when a credit note is drawn up. */
export function assertGrossWithinRemaining(invoice: SalesDocumentEntity, credited: Credited, gross: string): void {
  if (credited.gross.plus(gross).gt(invoice.gross)) throw exceeds(`At most ${toDecimalString(new Dec(invoice.gross).minus(credited.gross), 2)} remains uncredited on this invoice`);
}
