import { Dec } from '@comptoir/platform/kernel';
import { AccountPlan, rateKey } from '../fec/account-plan';
import { BankMovement, vatOnReceipt } from '../fec/bank-entry';
import type { AuxiliaryAccount } from '../fec/journal-entry';
import { letterCode } from '../fec/lettering';
import { Sale, SaleLineGroup, SaleKind, vatPostings } from '../fec/sales-entry';

export interface SaleRow {
  kind: SaleKind;
  number: string;
  date: string;
  validDate: string;
  accountId: string;
  accountName: string;
  gross: string;
  vat: Sale['vat'];
  creditsDeposit: boolean;
  letter: number | null;
  settledOn: string | null;
  lines: SaleLineGroup[];
}

export interface BankRow {
  event: BankMovement['event'];
  date: string;
  direction: BankMovement['direction'];
  paymentDate: string;
  amount: string;
  reference: string | null;
  paymentId: string;
  validDate: string;
  bankAccountId: string | null;
  bankLabel: string | null;
  accountId: string;
  accountName: string;
  invoiceNumbers: string[];
  lettered: { amount: string; letter: number; settledOn: string }[];
  settlements: { gross: string; vat: Sale['vat']; lines: SaleLineGroup[]; paidBefore: string; paidAfter: string }[];
}

const shortId = (uuid: string) => uuid.replaceAll('-', '').slice(-12).toUpperCase();

/**
 * The customer's auxiliary account: "C" and the last twelve hex digits of its id — the random part of
 * a UUIDv7 (its head is a timestamp, shared by customers imported in the same millisecond) — stable,
 * unique in practice, the same in every export (the CRM has no customer code yet).
 */
export function customerAux(accountId: string, name: string): AuxiliaryAccount {
  return { num: `C${shortId(accountId)}`, label: name };
}

export function saleOf(row: SaleRow): Sale {
  return {
    kind: row.kind,
    creditsDeposit: row.creditsDeposit,
    number: row.number,
    date: row.date,
    validDate: row.validDate,
    customer: customerAux(row.accountId, row.accountName),
    gross: row.gross,
    vat: row.vat,
    lines: row.lines,
    lettering: row.letter === null || !row.settledOn ? null : { code: letterCode(row.letter), date: row.settledOn },
  };
}

export function movementOf(row: BankRow, plan: AccountPlan): BankMovement {
  const customer = customerAux(row.accountId, row.accountName);
  return {
    event: row.event,
    direction: row.direction,
    date: row.date,
    validDate: row.validDate,
    pieceRef: row.reference || `PAY-${shortId(row.paymentId)}`,
    pieceDate: row.paymentDate,
    amount: row.amount,
    bank: plan.bank(row.bankAccountId, row.bankLabel),
    customer,
    invoiceNumbers: row.invoiceNumbers,
    lettered: row.lettered.map((l) => ({ amount: l.amount, lettering: { code: letterCode(l.letter), date: l.settledOn } })),
    vatMoves: mergeByRate(
      row.settlements.flatMap((s) => {
        const pending = vatPostings({ ...saleShape(s), customer }, plan);
        return vatOnReceipt(pending, new Dec(s.gross), new Dec(s.paidBefore), new Dec(s.paidAfter));
      }),
    ),
  };
}

/** The invoice as `vatPostings` reads it: only its VAT breakdown and line groups matter. */
function saleShape(s: BankRow['settlements'][number]): Omit<Sale, 'customer'> {
  return { kind: 'invoice', creditsDeposit: false, number: '', date: '', validDate: '', gross: s.gross, vat: s.vat, lines: s.lines, lettering: null };
}

/** One VAT move per rate in an entry, whatever the number of invoices it settles. */
function mergeByRate(moves: { rate: string; amount: Dec }[]): { rate: string; amount: Dec }[] {
  const byRate = new Map<string, Dec>();
  for (const m of moves) byRate.set(rateKey(m.rate), (byRate.get(rateKey(m.rate)) ?? new Dec(0)).plus(m.amount));
  return [...byRate].map(([rate, amount]) => ({ rate, amount })).filter((m) => !m.amount.isZero());
}
