import { Dec } from '@comptoir/platform/kernel';
import type { SalesDocumentResponseDto } from '../document/dto/document-response.dto';
import type { SalesDocumentEntity } from '../document/sales-document.entity';

type LiveColumns = 'paid' | 'credited' | 'balanceDue' | 'paymentStatus' | 'settledOn' | 'collectionStatus' | 'recoveryStatus';

/** The settlement fields of a document response, from the live columns SettlementLedger maintains. */
export function liveBalanceOf(d: Pick<SalesDocumentEntity, LiveColumns>): Pick<SalesDocumentResponseDto, 'paymentStatus' | 'balance' | 'collectionStatus' | 'recoveryStatus'> {
  return {
    paymentStatus: d.paymentStatus,
    balance: d.balanceDue === null ? null : { paid: d.paid, credited: d.credited, due: d.balanceDue },
    collectionStatus: d.collectionStatus,
    recoveryStatus: d.recoveryStatus,
  };
}

/** A new draft owes nothing yet, whatever document it was copied from. */
export function noLiveBalance(): Pick<SalesDocumentEntity, LiveColumns> {
  return { paid: '0.00', credited: '0.00', balanceDue: null, paymentStatus: null, settledOn: null, collectionStatus: null, recoveryStatus: null };
}

/**
 * The live columns of a document just validated, as SettlementLedger.open (and, for a credit note, the
 * part `spent` on its invoice) writes them at commit: so the validation's response shows them too.
 */
export function openedBalance(doc: Pick<SalesDocumentEntity, 'type' | 'kind' | 'testMode' | 'due' | 'gross'>, spent: Dec): Pick<SalesDocumentEntity, LiveColumns> {
  if (doc.type !== 'invoice' || doc.testMode) return noLiveBalance();
  if (doc.kind === 'credit_note') return { ...noLiveBalance(), balanceDue: new Dec(doc.gross).minus(spent).toFixed(2) };
  return { ...noLiveBalance(), balanceDue: new Dec(doc.due).toFixed(2), paymentStatus: 'unpaid' };
}
