import { CDAR_CODES } from './cdar/cdar-codes';
import { EInvoiceStatus, LIFECYCLE_STATUSES, LifecycleCode } from './lifecycle';

/** The statuses a seller emits itself (XP Z12-012 annex B): 207 disputed, 209 completed (after a suspension), 212 cashed in. */
export const SELLER_CODES = [207, 209, 212] as const satisfies readonly LifecycleCode[];
export type SellerCode = (typeof SELLER_CODES)[number];

/** Statuses after which nothing more happens to the flow: it never reached the buyer, or the buyer refused it. */
const CLOSED: readonly EInvoiceStatus[] = ['rejected', 'refused'];
/** Not (or not yet) on a platform: there is no one to send a status to. */
const NOT_TRANSMITTED: readonly EInvoiceStatus[] = ['generated', 'failed'];

export const isSellerCode = (code: number): code is SellerCode => (SELLER_CODES as readonly number[]).includes(code);

/**
 * Why the seller may not emit `code` now (null when it may). `history` holds the codes already
 * recorded for the e-invoice, in any order.
 */
export function sellerStatusProblem(current: EInvoiceStatus, code: SellerCode, history: readonly number[], reason: string | null): string | null {
  if (NOT_TRANSMITTED.includes(current)) return `the e-invoice is ${current}: it must be on the platform before its statuses are sent`;
  if (CLOSED.includes(current)) return `the e-invoice was ${current}: its lifecycle is closed`;
  if (CDAR_CODES[code].needsReason && !reason) return `status ${code} (${LIFECYCLE_STATUSES[code]}) needs a reason`;
  if (code === 212 && history.includes(212)) return 'the e-invoice is already cashed in';
  if (code === 209 && current !== 'suspended') return `209 completed answers a suspension, and the e-invoice is ${current}`;
  if (code === 207 && current === 'cashed_in') return 'a cashed-in e-invoice cannot be disputed';
  return null;
}

/**
 * Whether a status that happened at `occurredAt` becomes the current one: statuses can arrive out of
 * order (a late callback), and the newest by the platform's clock wins; the older one is kept in the
 * history only. At the same instant the later arrival wins.
 */
export function becomesCurrent(occurredAt: Date, latestRecorded: Date | null): boolean {
  return latestRecorded === null || occurredAt.getTime() >= latestRecorded.getTime();
}
