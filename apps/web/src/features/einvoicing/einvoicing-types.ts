/** The e-invoicing vocabularies the screens iterate over (options, colours), named once. */
export const EINVOICE_FORMATS = ['facturx', 'cii', 'ubl'] as const;
export type EInvoiceFormat = (typeof EINVOICE_FORMATS)[number];

export const EINVOICE_PROFILES = ['EN16931', 'EXTENDED-CTC-FR'] as const;
export type EInvoiceProfile = (typeof EINVOICE_PROFILES)[number];

/** Ours before the platform answers, then the CDAR lifecycle statuses (codes 200 to 213). */
export const EINVOICE_STATUSES = [
  'pending',
  'generated',
  'submitted',
  'failed',
  'deposited',
  'issued',
  'received',
  'made_available',
  'taken_over',
  'approved',
  'partially_approved',
  'disputed',
  'suspended',
  'completed',
  'refused',
  'payment_transmitted',
  'cashed_in',
  'rejected',
] as const;
export type EInvoiceStatus = (typeof EINVOICE_STATUSES)[number];
