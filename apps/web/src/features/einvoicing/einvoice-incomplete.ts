import { isApiError } from '../../lib/api';

/** The refusal of a validation whose invoice, in the reform's scope, lacks data an e-invoice needs (each field named in `errors`). */
export function einvoiceIncomplete(error: unknown): boolean {
  return isApiError(error, 422) && error.problem?.code === 'einvoice_incomplete';
}
