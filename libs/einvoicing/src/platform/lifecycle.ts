/**
 * The e-invoice lifecycle of the French reform (XP Z12-012 annex B): each status a platform reports in
 * a CDAR message, with its code. `generated` and `submitted` are ours (before the platform answers).
 */
export const LIFECYCLE_STATUSES = {
  200: 'deposited',
  201: 'issued',
  202: 'received',
  203: 'made_available',
  204: 'taken_over',
  205: 'approved',
  206: 'partially_approved',
  207: 'disputed',
  208: 'suspended',
  209: 'completed',
  210: 'refused',
  211: 'payment_transmitted',
  212: 'cashed_in',
  213: 'rejected',
} as const;

export type LifecycleCode = keyof typeof LIFECYCLE_STATUSES;
export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[LifecycleCode];
export const EINVOICE_STATUSES = ['generated', 'submitted', 'failed', ...Object.values(LIFECYCLE_STATUSES)] as const;
export type EInvoiceStatus = (typeof EINVOICE_STATUSES)[number];
