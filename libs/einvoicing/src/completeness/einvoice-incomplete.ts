import { BusinessRuleError, FieldError } from '@comptoir/platform/kernel';
import type { SalesDocumentEntity } from '@comptoir/billing';

export const EINVOICE_INCOMPLETE = 'einvoice_incomplete';

/**
 * 422 einvoice_incomplete listing each missing field; in a batch each path names its draft
 * (`invoices[<id>].buyer.siren`), like the batch's own 422 names its ids.
 */
export function raiseIncomplete(drafts: { doc: Pick<SalesDocumentEntity, 'id'>; errors: FieldError[] }[], batch: boolean): never {
  const errors = drafts.flatMap(({ doc, errors }) => errors.map((e) => (batch ? { path: `invoices[${doc.id}].${e.path}`, message: e.message } : e)));
  const message = batch
    ? `${drafts.length} invoice(s) lack data an e-invoice requires; none was validated`
    : 'This invoice lacks data an e-invoice requires: complete it, then validate again';
  throw new BusinessRuleError(EINVOICE_INCOMPLETE, message, errors);
}
