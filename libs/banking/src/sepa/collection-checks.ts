import { openInstallments } from '@comptoir/billing-engine';
import { Dec, toDecimalString } from '@comptoir/platform/kernel';
import { ibanProblem, isSepaIban } from '../bank-accounts/bank-details';
import { addDays, effectiveStatus, lapsesOn } from '../mandates/mandate-lifecycle';
import type { MandateEntity } from '../mandates/mandate.entity';

/** What the checks read of an invoice (a row of sales_documents). */
export interface CollectableInvoice {
  id: string;
  number: string | null;
  type: string;
  kind: string | null;
  status: string;
  testMode: boolean;
  currency: string;
  accountId: string;
  date: string;
  dueDate: string | null;
  due: string;
  balanceDue: string | null;
  collectionStatus: string | null;
  recoveryStatus: string | null;
  schedule: { dueDate: string; amount: string }[];
}

export interface CollectionContext {
  today: string;
  collectionDate: string;
  /** The mandate chosen for the invoice's customer (the newest one), if any. */
  mandate: Pick<MandateEntity, 'reference' | 'status' | 'signedOn' | 'lastCollectionOn' | 'preNotificationDays'> | null;
  debtorIban: string | null;
}

/**
 * Why an invoice cannot be collected by SEPA direct debit on the collection date, or null when it can.
 * Pure: the batch service gathers the rows, this decides, and a single reason per invoice is reported
 * (the first one that a user would have to fix).
 */
export function collectionProblem(invoice: CollectableInvoice, ctx: CollectionContext): string | null {
  if (invoice.type !== 'invoice' || invoice.kind === 'credit_note') return 'is not an invoice';
  if (invoice.status === 'draft') return 'is a draft: validate it first';
  if (invoice.testMode) return 'is a TEST document: it cannot be collected';
  if (invoice.currency !== 'EUR') return `is in ${invoice.currency}: SEPA collects euros only`;
  if (invoice.balanceDue === null || !new Dec(invoice.balanceDue).gt(0)) return 'has nothing left to pay';
  if (invoice.collectionStatus === 'pending') return 'already has a collection pending';
  if (invoice.recoveryStatus === 'disputed') return 'is disputed';
  const { mandate } = ctx;
  if (!mandate) return 'the customer has no SEPA mandate';
  const status = effectiveStatus(mandate, ctx.today);
  if (status === 'lapsed') return `mandate ${mandate.reference} lapsed on ${lapsesOn(mandate)} (36 months without a collection)`;
  if (status !== 'active') return `mandate ${mandate.reference} is ${status}`;
  if (!ctx.debtorIban || ibanProblem(ctx.debtorIban)) return `the IBAN of mandate ${mandate.reference} is not valid`;
  if (!isSepaIban(ctx.debtorIban)) return `the IBAN of mandate ${mandate.reference} is outside the SEPA area`;
  const earliest = addDays(ctx.today, mandate.preNotificationDays);
  if (ctx.collectionDate < earliest) return `the collection date must be on or after ${earliest} (pre-notification of ${mandate.preNotificationDays} days under mandate ${mandate.reference})`;
  return null;
}

/**
 * The amount to collect on the collection date: what is open on the installments due on or before it
 * (overdue ones included), or, when none is due yet, the open amount of the next installment.
 * Installments come from `openInstallments`, the one reading of what remains open (oldest paid first).
 */
export function amountToCollect(invoice: CollectableInvoice, collectionDate: string): string {
  const settled = toDecimalString(new Dec(invoice.due).minus(invoice.balanceDue ?? invoice.due));
  const whole = { dueDate: invoice.dueDate ?? invoice.date, amount: invoice.due };
  const open = openInstallments(invoice.schedule, whole, settled).filter((i) => new Dec(i.open).gt(0));
  const due = open.filter((i) => i.dueDate <= collectionDate);
  const collected = due.length ? due : open.slice(0, 1);
  return toDecimalString(collected.reduce((sum, i) => sum.plus(i.open), new Dec(0)));
}
