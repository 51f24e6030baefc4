import type { EInvoice, EInvoiceNote } from '@comptoir/documents';
import { formatMoney } from '@comptoir/documents';
import { Dec } from '@comptoir/platform/kernel';
import type { EInvoiceSnapshotSection } from '../completeness/einvoice-section';
import { invoiceLines } from './einvoice-lines';
import { buyer, delivery, seller } from './einvoice-parties';
import { allowanceCharges, isFranchise, vatBreakdown } from './einvoice-vat';
import type { SealedSnapshot } from './sealed-snapshot';

/** BT-3 per invoice kind: a deposit invoice is a prepayment invoice (UNTDID 1001 386). */
const TYPE_CODES = { invoice: '380', credit_note: '381', deposit: '386' } as const;

/**
 * The EN 16931 e-invoice of a validated invoice, credit note or deposit invoice, from its sealed
 * snapshot alone (CONTRACTS §2): the billing snapshot for what was sold and the totals (already in
 * EN 16931 shape, credit notes with positive amounts), `snapshot.einvoice` for what the e-invoice adds
 * (flow, billing mode, electronic addresses, payment means, French notes, preceding invoices).
 * Pure; throws when the document has no e-invoice section (quotes, orders, documents sealed before).
 */
export function toEInvoice(raw: Record<string, unknown>): EInvoice {
  const snapshot = raw as unknown as SealedSnapshot;
  const section = snapshot.einvoice;
  if (!section) throw new Error(`document ${snapshot.id} has no e-invoice section in its snapshot`);
  if (!snapshot.kind || !snapshot.number) throw new Error(`document ${snapshot.id} is not a validated invoice`);
  const { totals } = snapshot;
  const categories = new Set(totals.vat.map((group) => group.category));
  const buyerParty = buyer(snapshot, section);
  return {
    number: snapshot.number,
    issueDate: snapshot.date,
    typeCode: TYPE_CODES[snapshot.kind],
    currency: snapshot.currency,
    dueDate: snapshot.dueDate,
    vatPointDate: null,
    vatOnDebits: snapshot.legal.vatOnDebits,
    buyerReference: null,
    purchaseOrderReference: null,
    billingMode: section.billingMode,
    profile: section.profile,
    flow: section.flow,
    notes: notes(section.notes),
    precedingInvoices: section.precedingInvoices.map(({ number, issueDate }) => ({ number, issueDate })),
    seller: seller(snapshot, section, isFranchise(totals.vat)),
    buyer: buyerParty,
    delivery: delivery(snapshot, buyerParty, categories.has('K')),
    period: null,
    paymentMeans: section.paymentMeans,
    paymentTermsText: paymentTerms(snapshot),
    allowances: allowanceCharges(totals.allowances),
    charges: allowanceCharges(totals.charges),
    totals: {
      lineNetTotal: totals.lineNetTotal,
      allowanceTotal: totals.allowanceTotal,
      chargeTotal: totals.chargeTotal,
      netTotal: totals.net,
      vatTotal: totals.vatTotal,
      grossTotal: totals.gross,
      prepaid: totals.prepaid,
      rounding: '0.00',
      due: totals.due,
    },
    vatBreakdown: vatBreakdown(totals.vat, snapshot.legal.vatOnDebits),
    lines: invoiceLines(snapshot.lines, section.precedingInvoices),
  };
}

/** BG-1: the notes BR-FR-05 requires (PMD, PMT towards businesses, AAB) and the tax wording (TXD). */
function notes(section: EInvoiceSnapshotSection['notes']): EInvoiceNote[] {
  const subjects = ['PMD', 'PMT', 'AAB', 'TXD'] as const;
  return subjects.flatMap((subject) => {
    const text = section[subject];
    return text === null ? [] : [{ subject, text }];
  });
}

/**
 * BT-20. Installments in words (BT-9 holds only the last due date). A document with an amount due and no
 * due date still says when it is paid (BR-CO-25): a credit note is refunded or deducted, the rest is due
 * on receipt.
 */
function paymentTerms(snapshot: SealedSnapshot): string | null {
  if (snapshot.schedule.length > 1) {
    return snapshot.schedule.map((step) => `${formatMoney(step.amount, snapshot.currency)} le ${step.dueDate.split('-').reverse().join('/')}`).join(' ; ');
  }
  if (snapshot.dueDate || !new Dec(snapshot.totals.due).isPositive()) return null;
  return snapshot.kind === 'credit_note' ? 'Avoir remboursé ou déduit du prochain règlement' : 'Paiement à réception';
}
