import type { SalesDocumentEntity } from '@comptoir/billing';
import { einvoiceSection } from '../originals/einvoice-originals.service';
import type { FlowIdentity } from './einvoicing-platform';

const TYPE_CODES: Record<string, string> = { invoice: '380', credit_note: '381', deposit: '386' };

/** How a validated document is named to its platform and in CDAR messages, from its sealed snapshot. */
export function flowIdentity(doc: SalesDocumentEntity): FlowIdentity {
  const section = einvoiceSection(doc);
  const seller = doc.snapshot?.['seller'] as { siren?: string | null } | undefined;
  return {
    documentId: doc.id,
    number: doc.number ?? '',
    issueDate: doc.date,
    typeCode: TYPE_CODES[doc.kind ?? 'invoice'] ?? '380',
    sellerSiren: seller?.siren ?? null,
    sellerElectronicAddress: section?.seller.electronicAddress ?? null,
    buyerElectronicAddress: section?.buyer.electronicAddress ?? null,
  };
}
