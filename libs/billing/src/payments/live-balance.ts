import type { SalesDocumentEntity } from '../document/sales-document.entity';
import type { SalesDocumentResponseDto } from '../document/dto/document-response.dto';

type WithBalance = Pick<SalesDocumentEntity, 'paid' | 'credited' | 'balanceDue' | 'paymentStatus' | 'collectionStatus' | 'recoveryStatus'>;

/** The settlement fields of a document response, from the live columns SettlementLedger maintains. */
export function liveBalanceOf(d: WithBalance): Pick<SalesDocumentResponseDto, 'paymentStatus' | 'balance' | 'collectionStatus' | 'recoveryStatus'> {
  return {
    paymentStatus: d.paymentStatus,
    balance: d.balanceDue === null ? null : { paid: d.paid, credited: d.credited, due: d.balanceDue },
    collectionStatus: d.collectionStatus,
    recoveryStatus: d.recoveryStatus,
  };
}
