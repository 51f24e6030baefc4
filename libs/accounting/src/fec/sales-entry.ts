import { Dec } from '@comptoir/platform/kernel';
import type { AccountPlan, ProductType } from './account-plan';
import { rateKey } from './account-plan';
import { AuxiliaryAccount, EntryBuilder, JournalEntry, LedgerAccount, Lettering, mirrored } from './journal-entry';
import { splitByWeights } from './pro-rata';

export type SaleKind = 'invoice' | 'deposit' | 'credit_note';

/** Item lines of a document summed per rate, product type, product account and deposit deduction. */
export interface SaleLineGroup {
  rate: string;
  type: ProductType | null;
  /** The catalog product's own sales account, if any. */
  productAccount: string | null;
  /** A final invoice's deduction of a deposit invoice (negative net, DEPOSITS `depositInvoiceId`). */
  deposit: boolean;
  net: string;
}

/** A validated invoice, deposit invoice or credit note as the sales journal needs it. */
export interface Sale {
  kind: SaleKind;
  /** A credit note of a deposit invoice: it reverses the deposits account, not sales. */
  creditsDeposit: boolean;
  number: string;
  date: string;
  validDate: string;
  customer: AuxiliaryAccount;
  gross: string;
  /** The sealed VAT breakdown (totals.vat): base and VAT per rate. */
  vat: { rate: string; base: string; amount: string }[];
  lines: SaleLineGroup[];
  lettering: Lettering | null;
}

export interface VatPosting {
  rate: string;
  account: LedgerAccount;
  /** Left in the pending account (VAT on receipts) until paid. */
  pending: boolean;
  amount: Dec;
}

const MAX_ROUNDING = new Dec('0.05');

const LABELS: Record<SaleKind, string> = { invoice: 'Facture', deposit: "Facture d'acompte", credit_note: 'Avoir' };

/**
 * The sales-journal entry of a document: customer debited with the gross, sales (or, for a deposit
 * invoice, the deposits account 4191) and VAT credited per rate; a final invoice's deposit deductions
 * debit 4191 back instead of lowering sales. A credit note is the same entry mirrored. A cent of
 * rounding between the sealed totals and the per-rate split goes to the rounding accounts.
 */
export function saleEntry(sale: Sale, plan: AccountPlan): JournalEntry {
  const entry = new EntryBuilder({
    date: sale.date,
    pieceRef: sale.number,
    pieceDate: sale.date,
    label: `${LABELS[sale.kind]} ${sale.number} ${sale.customer.label}`,
    validDate: sale.validDate,
  });
  entry.debit(plan.customers(), new Dec(sale.gross), { aux: sale.customer, lettering: sale.lettering });
  const asDeposit = sale.kind === 'deposit' || sale.creditsDeposit;
  for (const group of sale.vat) {
    const lines = sale.lines.filter((l) => rateKey(l.rate) === rateKey(group.rate));
    const deductions = lines.filter((l) => l.deposit).reduce((total, l) => total.plus(l.net), new Dec(0));
    if (asDeposit) {
      entry.credit(plan.deposits(), new Dec(group.base));
    } else {
      const sales = regularBuckets(lines, (l) => plan.sales(group.rate, l.type, l.productAccount), plan.sales(group.rate, null, null));
      const parts = splitByWeights(new Dec(group.base).minus(deductions), sales.map((b) => b.weight));
      sales.forEach((bucket, i) => entry.credit(bucket.account, parts[i]!));
      entry.credit(plan.deposits(), deductions);
    }
  }
  for (const posting of vatPostings(sale, plan)) entry.credit(posting.account, posting.amount);
  const rounding = entry.balance();
  // Only cents of rounding are absorbed; anything larger is an inconsistent document and build() refuses it.
  if (rounding.abs().gt(MAX_ROUNDING)) return entry.build();
  if (rounding.gt(0)) entry.credit(plan.roundingCredit(), rounding);
  if (rounding.lt(0)) entry.debit(plan.roundingDebit(), rounding.negated());
  const built = entry.build();
  return sale.kind === 'credit_note' ? mirrored(built) : built;
}

/**
 * Where the VAT of each rate is credited when the document is posted: split between the collected
 * account (goods, or every line on the debits regime) and the pending one (services on receipts), pro
 * rata of the line nets. The bank journal moves the pending part when the invoice gets paid.
 */
export function vatPostings(sale: Sale, plan: AccountPlan): VatPosting[] {
  return sale.vat.flatMap((group) => {
    const lines = sale.lines.filter((l) => rateKey(l.rate) === rateKey(group.rate) && !l.deposit);
    const buckets = regularBuckets(lines, (l) => plan.vatOnInvoice(group.rate, l.type), plan.vatOnInvoice(group.rate, null));
    const parts = splitByWeights(new Dec(group.amount), buckets.map((b) => b.weight));
    return buckets.map((bucket, i) => ({ rate: group.rate, account: bucket.account, pending: bucket.account.num === plan.vatPending().num, amount: parts[i]! }));
  });
}

interface Bucket {
  account: LedgerAccount;
  weight: Dec;
}

/** The non-deduction lines grouped per target account (by account number), weighted by their nets. */
function regularBuckets(lines: SaleLineGroup[], accountOf: (line: SaleLineGroup) => LedgerAccount, fallback: LedgerAccount): Bucket[] {
  const buckets = new Map<string, Bucket>();
  for (const line of lines.filter((l) => !l.deposit)) {
    const account = accountOf(line);
    const bucket = buckets.get(account.num) ?? { account, weight: new Dec(0) };
    bucket.weight = bucket.weight.plus(line.net);
    buckets.set(account.num, bucket);
  }
  return buckets.size ? [...buckets.values()] : [{ account: fallback, weight: new Dec(1) }];
}
