import fc from 'fast-check';
import { Dec } from '@comptoir/platform/kernel';
import { allocationProblems, notPayableReason, sumAmounts, worstCode } from './allocation-rules';
import type { SettlementDocument } from './settlement-ledger';

const customer = '01934567-89ab-7cde-8f01-000000000001';
const ctx = { accountId: customer, currency: 'EUR', available: '100.00', sourceLabel: 'the payment', path: 'allocations' };

function invoice(id: string, balanceDue: string, overrides: Partial<SettlementDocument> = {}): SettlementDocument {
  return { id, type: 'invoice', kind: 'invoice', status: 'validated', accountId: customer, currency: 'EUR', testMode: false, date: '2026-11-01', number: `FA-${id}`, due: balanceDue, gross: balanceDue, balanceDue, ...overrides };
}

const cents = (n: number) => new Dec(n).dividedBy(100).toFixed(2);

describe('allocationProblems', () => {
  it('accepts allocations within each balance and within the amount, rest left as credit', () => {
    const invoices = new Map([['a', invoice('a', '60.00')], ['b', invoice('b', '30.00')]]);
    expect(allocationProblems([{ invoiceId: 'a', amount: '60' }, { invoiceId: 'b', amount: '10.50' }], invoices, ctx)).toEqual([]);
  });

  it('names each field at fault, adding up allocations to the same invoice', () => {
    const invoices = new Map([['a', invoice('a', '60.00')], ['c', invoice('c', '10.00', { status: 'draft' })]]);
    const problems = allocationProblems(
      [{ invoiceId: 'a', amount: '50' }, { invoiceId: 'a', amount: '20' }, { invoiceId: 'c', amount: '1' }, { invoiceId: 'x', amount: '1' }, { invoiceId: 'a', amount: '0' }],
      invoices,
      ctx,
    );
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['allocation_exceeds_balance', 'allocations[1].amount'],
      ['invoice_not_payable', 'allocations[2].invoiceId'],
      ['not_found', 'allocations[3].invoiceId'],
      ['invoice_not_payable', 'allocations[4].amount'],
    ]);
    expect(worstCode(problems)).toBe('not_found');
  });

  it('refuses credit notes, TEST mode, another customer and another currency', () => {
    expect(notPayableReason(invoice('a', '1.00', { kind: 'credit_note' }), ctx)).toMatch(/credit note/);
    expect(notPayableReason(invoice('a', '1.00', { testMode: true, balanceDue: null }), ctx)).toMatch(/TEST/);
    expect(notPayableReason(invoice('a', '1.00', { accountId: 'other' }), ctx)).toMatch(/another customer/);
    expect(notPayableReason(invoice('a', '1.00', { currency: 'USD' }), ctx)).toMatch(/USD/);
    expect(notPayableReason(invoice('a', '1.00', { kind: 'deposit' }), ctx)).toBeNull();
  });

  it('property: accepted allocations never exceed a balance nor the amount; refused ones always break one of them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 20_000 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.record({ index: fc.nat(), cents: fc.integer({ min: 1, max: 20_000 }) }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 50_000 }),
        (balances, requests, available) => {
          const invoices = new Map(balances.map((b, i) => [`i${i}`, invoice(`i${i}`, cents(b))]));
          const allocations = requests.map((r) => ({ invoiceId: `i${r.index % balances.length}`, amount: cents(r.cents) }));
          const problems = allocationProblems(allocations, invoices, { ...ctx, available: cents(available) });
          const perInvoice = new Map<string, Dec>();
          for (const a of allocations) perInvoice.set(a.invoiceId, (perInvoice.get(a.invoiceId) ?? new Dec(0)).plus(a.amount));
          const overBalance = [...perInvoice].some(([id, sum]) => sum.gt(invoices.get(id)!.balanceDue!));
          const overAmount = new Dec(sumAmounts(allocations.map((a) => a.amount))).gt(cents(available));
          expect(problems.length === 0).toBe(!overBalance && !overAmount);
          expect(problems.some((p) => p.code === 'allocation_exceeds_payment')).toBe(overAmount);
        },
      ),
    );
  });
});
