import { LifecycleCode } from '../lifecycle';
import { CdarDocumentStatus } from './cdar-message';
import { lifecycleMessage } from './lifecycle-message';

/** Test samples: one message per emitter and the statuses with extra data (reasons, amounts). */
export function status(code: LifecycleCode, extra: Partial<CdarDocumentStatus> = {}): CdarDocumentStatus {
  return { flowRef: 'FAKE-0001', invoiceNumber: 'FA-2026-00042', invoiceIssueDate: '2026-11-20', invoiceTypeCode: '380', sellerSiren: '552100554', code, reason: null, amounts: [], ...extra };
}

export const message = (s: CdarDocumentStatus) =>
  lifecycleMessage({ id: `MSG-${s.code}`, issuedAt: new Date('2026-11-24T09:30:15Z'), status: s, sellerAddress: { value: '552100554', scheme: '0225' }, buyerAddress: { value: '732829320', scheme: '0225' } });

export const SAMPLES: CdarDocumentStatus[] = [
  status(200),
  status(202),
  status(203),
  status(204),
  status(205),
  status(211),
  status(213, { reason: { code: 'REJ_SEMAN', text: 'Le SIREN du client est inconnu' } }),
  status(210, { reason: { code: 'DOUBLON', text: 'Facture déjà reçue' } }),
  status(212, { amounts: [{ rate: '20.00', amount: '1200.00', currency: 'EUR' }, { rate: '5.50', amount: '105.50', currency: 'EUR' }] }),
];
